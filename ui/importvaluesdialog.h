#pragma once
// The import wizard's "Match values…" (issue 11: "value mapping for enums — stage names → the
// pipeline's stages, rep names → users"): the values a check could not match (a company's own
// stage names, a rep the database does not know), each with how many rows it refuses, and a
// choice of what to read it as. The choices become values of the mapping (FileMapping::values),
// so the next check reads them so, and a saved mapping keeps them.
#include "imports/importplan.h"

#include <QDialog>
#include <QList>

class QTableWidget;

namespace cockpit::ui {

class ImportValuesDialog : public QDialog
{
    Q_OBJECT

public:
    struct Match
    {
        int file = -1; // index into the plan's files
        QString field, value, readAs;
    };

    ImportValuesDialog(const imports::ImportPlan &plan, QWidget *parent = nullptr);

    // The values given a choice (those left unmatched are not listed).
    QList<Match> matches() const;
    QTableWidget *table() const { return m_table; }
    // For tests: reads row `row` as `choice` (one of its combo's texts).
    bool choose(int row, const QString &choice);

private:
    QTableWidget *m_table = nullptr;
    QList<Match> m_rows;
};

} // namespace cockpit::ui
