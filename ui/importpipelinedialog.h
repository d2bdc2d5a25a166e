#pragma once
// The import wizard's "Create a pipeline from the stages…" (issue 11: "a mapping may create
// the pipeline (stages, closing stages) its leads need, as a new pipeline version"): the
// distinct stage values of the leads files, each with its rows, put in the order a lead goes
// through them, the won and lost ones marked; named as a new pipeline or as a new version of
// one the company has. What it gives is the mapping's pipeline section (MappedPipeline), which
// the planner creates when it writes (a new pipeline, or a new version when the stages differ).
#include "imports/importmapping.h"
#include "storage/pipelinerepository.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace cockpit::ui {

class ImportPipelineDialog : public QDialog
{
    Q_OBJECT

public:
    // `stages`: the files' stage values in the order first seen, with their rows; `existing`:
    // the company's pipelines (a new version of one can be made), `existingStages` their
    // current stages by code (a new version starts from them, in their order, the file's
    // other stages added); `current`: the pipeline a loaded mapping brings, whose stages,
    // order and closings a new pipeline starts from.
    ImportPipelineDialog(const QList<imports::ValueCount> &stages, const QList<storage::PipelineSummary> &existing,
                         const QHash<QString, QList<imports::MappedStage>> &existingStages,
                         const imports::MappedPipeline &current, QWidget *parent = nullptr);

    // The pipeline as chosen (valid only when problem() is empty).
    imports::MappedPipeline pipeline() const;
    // Why it cannot be made yet ("" when it can): no name, no won stage or two, no open stage.
    QString problem() const;

    // For tests and the buttons.
    QTableWidget *table() const { return m_table; }
    bool moveStage(int row, int by); // false at an end
    bool removeStage(int row);       // false when rows of the file are in it
    bool setClosing(int row, const QString &closing); // "", "won" or "lost"
    void setNewPipeline(const QString &name);
    bool setNewVersionOf(const QString &code); // false when the company has no such pipeline

private:
    void rebuild(const QList<imports::MappedStage> &base);
    void fillRow(int row, const imports::ValueCount &stage, const QString &closing);
    QString closingAt(int row) const;
    void check();

    QList<storage::PipelineSummary> m_existing;
    QHash<QString, QList<imports::MappedStage>> m_existingStages;
    imports::MappedPipeline m_current;
    QList<imports::ValueCount> m_fileStages;
    QList<imports::ValueCount> m_stages; // in the table's order
    QRadioButton *m_new = nullptr;
    QRadioButton *m_version = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_of = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace cockpit::ui
