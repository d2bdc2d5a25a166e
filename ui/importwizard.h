#pragma once
// File › Import… (Ctrl+Shift+I), or files dropped on the window (issue 11): a company's own
// spreadsheets brought in, in three steps. Files: what each file (or workbook sheet) holds,
// read as what (encoding, delimiter, sheet), and the choices an import needs (date order,
// rows already in the file, creating the org). Columns: which column is which field,
// suggested from the headers and the values, one column per field. Check: the plan, made
// on a worker with progress and cancel, with its counts, warnings and every refused row; the
// refused rows can be saved, fixed in Excel and imported again. Import writes on the worker
// and pushes the whole import as one undo step.
#include "imports/importjob.h"
#include "imports/importmapping.h"

#include <QDialog>

#include <memory>

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
    // Sets file `file`'s column `column` to `field` ("" = not imported); false (and the choice
    // is undone, with a message) when another column already has that field.
    bool setColumnField(int file, int column, const QString &field);
    // Writes the refused rows (as they were, with a reason column) to `path` (.csv or .xlsx).
    bool saveRefused(const QString &path, QString *error);

Q_SIGNALS:
    void imported(qint64 runId);

private:
    struct Entry; // one file or sheet
    void buildFilesPage();
    void buildColumnsPage();
    void buildCheckPage();
    void refreshFiles();
    void refreshColumns();
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
    QProgressBar *m_progress = nullptr;
    QLabel *m_phase = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QTableWidget *m_refused = nullptr;
    QCheckBox *m_skipRefused = nullptr;
    QPushButton *m_saveRefused = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace cockpit::ui
