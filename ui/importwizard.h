#pragma once
// File › Import… (Ctrl+Shift+I), or files dropped on the window (issue 11): a company's own
// spreadsheets brought in, in three steps. Files: what each file (or workbook sheet) holds,
// read as what (sheet; a CSV's encoding and delimiter, detected and overridable: the header
// is read again at once), and the choices an import needs (date order, rows already in the
// file, creating the org). Columns: which column is which field, as in the last import of
// the same header set or suggested from the headers and the values; a column may feed several
// fields, a field comes from one column;
// the mapping can be saved as JSON (what `--mapping` and "Use a mapping" read). Check: the plan, made
// on a worker with progress and cancel, with its counts, warnings and every refused row; the
// refused rows can be saved, fixed in Excel and imported again. Import writes on the worker
// and pushes the whole import as one undo step; the columns of each header set are then
// remembered (in the file's settings, where the command line keeps them too).
#include "imports/importjob.h"
#include "imports/importmapping.h"
#include "storage/pipelinerepository.h"

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace cockpit {
class EditController;
namespace storage {
class Database;
}
} // namespace cockpit

namespace cockpit::ui {

class ImportWizard : public QDialog
{
    Q_OBJECT

public:
    ImportWizard(storage::Database &db, EditController &edits, const QStringList &files, QWidget *parent = nullptr);
    ~ImportWizard() override;

    // Adds files (CSV or XLSX; a workbook adds one entry per visible sheet).
    void addFiles(const QStringList &paths);
    // A mapping file (JSON): its files are matched to the listed ones by name or sheet.
    bool loadMapping(const QString &path, QString *error);
    // Every listed file read as `entity` (its columns suggested again), rows already in the
    // database treated as `mode` says: what a screen's own import (the Stores screen's store
    // days) starts from. The user can still change both.
    void preset(imports::Entity entity, imports::OnDuplicate mode);

    // For tests: the pages, and the plan of the last check.
    enum Page { FilesPage, ColumnsPage, CheckPage };
    int page() const;
    void goTo(int page);
    const imports::ImportPlan *plan() const { return m_plan.get(); }
    QTableWidget *filesTable() const { return m_files; }
    QTabWidget *columnTabs() const { return m_columns; }
    QTableWidget *refusedTable() const { return m_refused; }
    QPushButton *importButton() const { return m_import; }
    QCheckBox *skipRefusedBox() const { return m_skipRefused; }
    QString checkMessage() const; // what the check page says (progress, result or why not)
    // A column may feed several fields (the Maven mapping reads `manager` as the rep's manager
    // and as the team); a field comes from one column only. The fields file `file`'s column
    // `column` feeds, in the schema's order, then the stages it dates ("stage:<name>").
    //
    // A leads file's columns can also date the stages its leads went through (the optional
    // stage history): "Entered stage: Engaging" is field "stage:Engaging". The stages offered
    // are the open stages after the first (entered at creation) of the pipeline the leads go
    // into: the mapping's (a loaded one, or Create a pipeline from the stages…), else the one
    // the last check chose, else those of every pipeline the company has.
    QStringList datedStages() const { return m_datedStages; }
    QStringList columnFields(int file, int column) const;
    // Makes the column feed exactly `fields` (empty: not imported); false (nothing changes,
    // with a message) when another column already feeds one of them.
    bool setColumnFields(int file, int column, const QStringList &fields);
    // The column feeds `field` only ("" = not imported), as its first field box says.
    bool setColumnField(int file, int column, const QString &field);
    // The column feeds `field` too ("+ Field"); false as setColumnFields.
    bool addColumnField(int file, int column, const QString &field);
    // Reads file `file` (a CSV) again in `encoding` with `delimiter` (unset: detected); its
    // header, samples and columns follow. false with *error when it cannot be read that way
    // (and nothing changes) or is a workbook.
    bool setReadAs(int file, std::optional<io::TextEncoding> encoding, std::optional<QChar> delimiter, QString *error);
    // Writes the mapping as chosen (files, columns, read as, options) to `path` as JSON.
    bool saveMapping(const QString &path, QString *error) const;
    // What the columns page says below the table (a refusal, or the fields still needed).
    QString columnsNote() const;
    // What the columns page says of where the shown file's columns come from ("" when suggested).
    QString columnsOrigin() const;
    // Writes the refused rows (as they were, with a reason column) to `path` (.csv or .xlsx).
    bool saveRefused(const QString &path, QString *error);
    // Match values… (ImportValuesDialog): the check's unmatched values read as the ones chosen
    // (values of each file's mapping, saved with it), then the files checked again.
    QPushButton *matchValuesButton() const { return m_matchValues; }
    struct ValueMatch
    {
        int file = -1; // index into the last plan's files
        QString field, value, readAs;
    };
    void applyValueMatches(const QList<ValueMatch> &matches);

    // Create a pipeline from the stages… (ImportPipelineDialog): the distinct stage values of
    // the leads files as their mappings read them, with their rows, in the order first seen.
    QList<imports::ValueCount> fileStages(QString *error) const;
    // The leads go into `pipeline` (the mapping's pipeline section, saved with it): a new
    // pipeline, or a new version of one; the files are checked again.
    void createPipeline(const imports::MappedPipeline &pipeline);
    // What the dialog offers a new version of: the company's pipelines and their stages.
    QList<storage::PipelineSummary> existingPipelines() const;
    QHash<QString, QList<imports::MappedStage>> existingStages() const;
    QPushButton *pipelineButton() const { return m_pipelineButton; }

Q_SIGNALS:
    void imported(qint64 runId);

private:
    struct Entry; // one file or sheet (importwizard_p.h)
    void buildFilesPage();
    void buildColumnsPage();
    void buildCheckPage();
    void refreshFiles();
    void refreshColumns();
    void fillFieldCell(int file, int column); // the column's field boxes and "+ Field"
    void updateDatedStages();
    struct FieldChoice
    {
        QString code, label;
    };
    QList<FieldChoice> fieldChoices(const Entry &e) const; // the schema's fields, then the dated stages
    QString fieldSource(const Entry &e, const QString &code) const; // the header a field comes from, "" = none
    void updateColumnsOrigin();
    bool readEntry(Entry &e, QString *error) const;
    void chooseColumns(Entry &e); // saved for its header set, or guessed
    bool applySavedMapping(Entry &e, std::optional<imports::Entity> only);
    void rememberMappings();
    imports::FileMapping fileMapping(const Entry &e) const;
    void startCheck();
    void showPlan();
    void startImport();
    void updateButtons();
    imports::ImportRequest request(QString *error) const;

    storage::Database &m_db;
    EditController &m_edits;
    imports::ImportJob m_job;
    std::vector<std::unique_ptr<Entry>> m_entries;
    imports::ImportMapping m_mapping; // pipeline, currency, values and defaults of a loaded mapping
    std::shared_ptr<imports::ImportPlan> m_plan;
    QString m_checkedPipeline; // the code of the pipeline the last check put the leads into
    QStringList m_datedStages; // datedStages()
    bool m_writing = false;

    QStackedWidget *m_pages = nullptr;
    QLabel *m_stepLabel = nullptr;
    QTableWidget *m_files = nullptr;
    QComboBox *m_dayOrder = nullptr;
    QComboBox *m_duplicates = nullptr;
    QCheckBox *m_createOrg = nullptr;
    QLabel *m_mappingLabel = nullptr;
    QTabWidget *m_columns = nullptr;
    QLabel *m_columnsNote = nullptr;
    QLabel *m_columnsOrigin = nullptr;
    QPushButton *m_saveMapping = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_phase = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QTableWidget *m_refused = nullptr;
    QCheckBox *m_skipRefused = nullptr;
    QPushButton *m_saveRefused = nullptr;
    QPushButton *m_matchValues = nullptr;
    QPushButton *m_pipelineButton = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace cockpit::ui
