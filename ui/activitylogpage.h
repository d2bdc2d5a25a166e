#pragma once
// Activity log (DESIGN.md §4): the records of the tamper-evident log (activities, stage moves
// and deletions, newest first), searched and filtered by actor, kind, lead and dates over the
// whole log (storage::queryLog), a page at a time, and Verify, which recomputes the whole chain on a worker thread
// with a read-only connection of its own and names the first bad record.
#include "storage/activitylog.h"
#include "storage/logchain.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTimer;
class QPushButton;
class QTableView;

namespace cockpit {
class RecordTableModel;
namespace storage {
class Database;
}
} // namespace cockpit

namespace cockpit::ui {

class ActivityLogPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kShownRecords = 2000;

    explicit ActivityLogPage(storage::Database &db, QWidget *parent = nullptr);
    ~ActivityLogPage() override;

    // Reloads the newest records that pass the filters from the database.
    void refresh();
    // Appends the next page of older matching records (Show older).
    void showOlder();
    void clearFilters();
    // The filters as set on the screen (tests, and what refresh() asks storage for).
    storage::LogQuery query() const;
    QLineEdit *searchBox() const { return m_search; }
    QLineEdit *leadBox() const { return m_lead; }
    QComboBox *actorFilter() const { return m_actor; }
    QComboBox *kindFilter() const { return m_kind; }
    QDateEdit *fromDate() const { return m_from; }
    QDateEdit *toDate() const { return m_to; }
    QString summaryText() const;
    void verify();
    void cancelVerify();
    bool isVerifying() const;
    QString resultText() const;
    QTableView *table() const { return m_table; }
    // Export… (Ctrl+E): the records listed, XLSX or CSV.
    void exportTable();

    // True while a search runs on its worker thread.
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void verifyFinished(bool ok);
    // The records of the last refresh() or showOlder() are in the table.
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    static QString kindLabel(storage::LogRecordKind kind); // the Kind column
    void showResult(const storage::VerifyResult &r);
    // Searches on a worker thread with a connection of its own (a text search over a large log
    // takes seconds); `wait`: here and now (Export needs the rows before it writes).
    void load(bool append, bool wait = false);
    void apply(const storage::LogPage &page, bool append, const storage::LogQuery &q);
    void fillActors();

    storage::Database &m_db;
    RecordTableModel *m_model;
    QTableView *m_table;
    QLabel *m_summary, *m_result;
    QLineEdit *m_search, *m_lead;
    QComboBox *m_actor, *m_kind;
    QDateEdit *m_from, *m_to;
    QTimer *m_typing;
    QPushButton *m_verify, *m_cancel, *m_older, *m_clear;
    QList<QStringList> m_rows;
    QStringList m_keys;
    QList<QVariantList> m_values;
    qint64 m_oldestShown = -1, m_matching = 0;
    QProgressBar *m_progress;
    QFutureWatcher<storage::VerifyResult> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    bool m_stale = true;
    bool m_loading = false;
    int m_loadGeneration = 0; // a search started later wins over one still running
};

} // namespace cockpit::ui
