#pragma once
// The Stores screen (DESIGN.md §5 四色健康码): every store of the scope with its four-colour
// code per dimension and overall, a 30-day colour strip, filters by region and colour, a
// summary line, the details of the selected store (what to do about each orange/red
// dimension and the nearby high-performing store), drill-down to its store days, export
// (PNG; the figures as XLSX or CSV) and the store-day CSV import with a preview of every
// refused row (undoable).
#include "analyticspage.h"
#include "analytics/storecodes.h"
#include "analytics/storeimport.h"

#include <memory>

class QComboBox;
class QLabel;
class QTableView;
class QTextBrowser;
namespace cockpit {
class EditController;
}

namespace cockpit::ui {

class ScopeBar;
class StoreGridFilter;
class StoreGridModel;

class StoresPage : public AnalyticsPage
{
    Q_OBJECT
public:
    // `edits`: the one write path; an import is one undoable step on its stack, and an undo or
    // redo that fails reports through its commandFailed signal.
    StoresPage(analytics::FigureService &figures, EditController &edits, analytics::ScopeState &scope,
               QWidget *parent = nullptr);
    ~StoresPage() override;

    // Imports `path`. With `askFirst` the preview dialog (errors, counts, Import / Cancel) and a
    // progress dialog for big files are shown; without, the good rows are imported at once (the
    // tests and scripts). Refreshes the grid after a successful import.
    analytics::StoreImportResult importFile(const QString &path, bool askFirst = true);
    // Ctrl+I: asks for a file, then importFile(path, true).
    void importWithDialog();

    QTableView *grid() const { return m_view; }
    StoreGridFilter *filter() const { return m_filter; }
    QComboBox *colourFilter() const { return m_colour; }
    QComboBox *regionFilter() const { return m_region; }
    QString summaryText() const;
    const analytics::StoreCodes *codes() const { return m_codes.get(); }

Q_SIGNALS:
    void imported(int inserted, int replaced);

protected:
    void requestFigures(const analytics::Scope &scope) override;
    void showResult(const analytics::StoreFigures &figures);
    void showError(const QString &message) override;
    QString busyText() const override;

private:
    void updateDetails();
    void openDrillDown();
    void exportPng();
    void exportTable(); // Ctrl+E: the stores as filtered and sorted, XLSX or CSV

    EditController &m_edits;
    ScopeBar *m_scopeBar;
    QComboBox *m_region, *m_colour;
    QLabel *m_summary, *m_note;
    QTableView *m_view;
    StoreGridModel *m_model;
    StoreGridFilter *m_filter;
    QTextBrowser *m_details;
    std::shared_ptr<const analytics::StoreCodes> m_codes;
    bool m_unitsSet = false;
};

} // namespace cockpit::ui
