#pragma once
// The pipeline editor in Settings: pick a pipeline, edit its stages (names, SLA, exit gate,
// standard actions, the closing stage), see what is wrong while typing, and save the result
// as a new version (PipelineRepository): leads already on a stage keep the version they
// were worked under unless "move open leads" is ticked.
#include "domain/pipeline.h"
#include "storage/pipelinerepository.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace cockpit::storage {
class Database;
}

namespace cockpit::ui {

class PipelineEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PipelineEditor(storage::Database &db, QWidget *parent = nullptr);
    ~PipelineEditor() override;

    // Re-reads the current pipelines (after a database switch or a save elsewhere).
    void reload();
    void selectPipeline(const QString &code);

    // The stage operations the buttons and keys call (also driven by tests).
    void addStage();
    void removeStage();
    void moveStage(int delta);
    void undoChange();
    void revert();
    void newPipeline(const QString &name);
    bool save();

    const PipelineDef &draft() const { return m_draft; }
    QStringList issues() const;
    QTableWidget *stageTable() const { return m_table; }
    QPushButton *saveButton() const { return m_save; }
    // The checkbox of one gate field code in the selected stage's exit gate.
    QCheckBox *gateCheck(const QString &code) const;
    QCheckBox *migrateCheck() const { return m_migrate; }
    QString lastMessage() const { return m_lastMessage; }

private:
    enum Column { NameColumn, NameEnColumn, SlaColumn, GateColumn, ActionsColumn, ColumnCount };

    void loadSelected();
    void setDraft(const PipelineDef &def, bool isNew);
    void rebuildTable(int selectRow);
    void fillRow(int row);
    void showStage(int row);
    void onStageFieldsEdited();
    void onCellChanged(int row, int column);
    void remember();
    void revalidate();
    void refreshVersions();
    int currentRow() const;

    storage::Database &m_db;
    storage::PipelineRepository m_repo;
    PipelineDef m_loaded, m_draft;
    QList<PipelineDef> m_undo;
    bool m_isNew = false;
    bool m_updating = false;
    QString m_lastMessage;

    QComboBox *m_pick;
    QPushButton *m_new;
    QLineEdit *m_name, *m_nameEn;
    QTableWidget *m_table;
    QPushButton *m_add, *m_remove, *m_up, *m_down;
    QLabel *m_stageTitle;
    QSpinBox *m_sla;
    QComboBox *m_slaUnit;
    QCheckBox *m_terminal;
    QList<QCheckBox *> m_gates, m_actions;
    QTableWidget *m_versions;
    QLabel *m_issues, *m_status;
    QCheckBox *m_migrate;
    QPushButton *m_undoButton, *m_revert, *m_save;
};

} // namespace cockpit::ui
