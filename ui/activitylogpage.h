#pragma once
// Activity log (DESIGN.md §4): the newest records of the tamper-evident log (activities and
// stage moves, newest first) and Verify, which recomputes the whole chain on a worker thread
// with a read-only connection of its own and names the first bad record.
#include "storage/logchain.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
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

    // Reloads the newest records from the database.
    void refresh();
    void verify();
    void cancelVerify();
    bool isVerifying() const;
    QString resultText() const;
    QTableView *table() const { return m_table; }
    // Export… (Ctrl+E): the records listed, XLSX or CSV.
    void exportTable();

Q_SIGNALS:
    void verifyFinished(bool ok);

protected:
    void showEvent(QShowEvent *event) override;

private:
    static QString kindLabel(storage::LogRecordKind kind); // the Kind column
    void showResult(const storage::VerifyResult &r);

    storage::Database &m_db;
    RecordTableModel *m_model;
    QTableView *m_table;
    QLabel *m_summary, *m_result;
    QPushButton *m_verify, *m_cancel;
    QProgressBar *m_progress;
    QFutureWatcher<storage::VerifyResult> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    bool m_stale = true;
};

} // namespace cockpit::ui
