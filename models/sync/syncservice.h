#pragma once
// The desktop's background sync with the team server (issue 12, SYNC.md): a QObject that owns
// one worker thread, and on it one connection to the company file (storage::openConnection,
// with the file's change sink, so every page a pull commits is announced to the open screens
// like any other write) and one PgConnection, kept between syncs and opened again when it
// drops. A sync runs every interval and on demand, never on the GUI thread; its state
// (syncing, synced at, offline since, edits waiting, conflicts) is what the status bar shows.
//
// Offline: the server cannot be reached (down, the network gone, the connection dropped
// mid-sync). Nothing local is lost: what a cancelled or interrupted pull applied stays, and
// the next sync continues from the file's cursor. Any other failure (a wrong password, a
// schema this build does not speak, no rights) stops the timer's syncs until the settings
// change: retrying a wrong password every few minutes would only lock the login out.
#include "sync/pgconnection.h"
#include "sync/syncpull.h"
#include "sync/syncchain.h"
#include "sync/syncpush.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;
class QTimer;

namespace cockpit::storage {
class Database;
struct ChangeSet;
}

namespace cockpit::sync {

// Who a login is on the server (cockpit.me): "Connected as 王芳 (Regional manager, 华东)".
struct ServerWho
{
    QString login;
    QString userId;   // the org user's UUID
    QString userName;
    QString role;     // the users table's code (regional_manager …)
    QString regionName; // empty for a director (every region)
    bool director = false;
};
// Test connection: connects, checks the server's schema against this build, reads cockpit.me.
// Blocking (up to libpq's 10 s connect timeout): call it off the GUI thread. Writes nothing.
bool probeServer(const ServerAddress &address, ServerWho *who, PgError *error);

struct SyncState
{
    enum class Phase {
        Idle,    // no sync has run in this session yet (lastSync says when the file last synced)
        Syncing,
        Synced,  // the last sync of this session succeeded
        Offline, // the server could not be reached (since offlineSince)
        Failed,  // refused: error says why (a wrong password, schema, rights …)
    };
    Phase phase = Phase::Idle;
    qint64 lastSync = 0;     // UTC seconds of the file's last complete pull, 0 = never
    qint64 offlineSince = 0; // UTC seconds of the first failed attempt of this offline spell
    int editsWaiting = 0;
    int conflicts = 0;
    bool stalled = false;    // a transaction open on the server holds changes back
    QString server;          // user@host:port/db
    PgError error;           // Offline and Failed: what went wrong
    // The last complete sync's refusal of the activity log's chain (kind ChainRefused: the log
    // was cut or rewritten since it was anchored); the data synced all the same. None when
    // the chain was anchored.
    PgError chain;
};

// One sync's outcome (the signal `finished`).
struct SyncOutcome
{
    bool ok = false;
    bool cancelled = false;
    PullReport pull;
    PushReport push; // after a complete pull: the outbox sent (then a second pull brings it back)
    PgError error;
    QString localError; // the file could not be opened or read
    // After the push: the activity log's links anchored on the server (syncchain.h), and its
    // refusal (kind ChainRefused), which leaves ok true: the data synced.
    ChainPushReport chainPush;
    PgError chain;
};

class SyncService : public QObject
{
    Q_OBJECT
public:
    // Syncs `db`'s file (open in this process) with the server at `address` (with its password).
    SyncService(storage::Database &db, const ServerAddress &address, QObject *parent = nullptr);
    ~SyncService() override; // cancels a running sync after its page and waits for the thread

    const SyncState &state() const { return m_state; }
    const ServerAddress &address() const { return m_address; }
    // Minutes between background syncs; 0: only on demand. Starts the timer.
    void setInterval(int minutes);
    int interval() const { return m_intervalMinutes; }
    // A new password (asked again after a refusal): the next sync connects with it.
    void setPassword(const QString &password);
    // Rows per page of a pull (tests use small pages to cancel mid-way).
    void setPageSize(int rows) { m_pageSize = rows; }
    bool isSyncing() const { return m_state.phase == SyncState::Phase::Syncing; }

public Q_SLOTS:
    // Starts a sync now unless one runs (then nothing: that one's result is as fresh).
    void syncNow();
    // The running sync stops after the page being applied; what was applied stays.
    void cancel();
    // Re-reads edits waiting and conflicts (the worker reads; stateChanged follows).
    void refreshCounts();

Q_SIGNALS:
    void stateChanged(const cockpit::sync::SyncState &state);
    // During a pull: rows applied so far.
    void progress(qint64 rowsApplied);
    void finished(const cockpit::sync::SyncOutcome &outcome);

private:
    void onWorkerFinished(const SyncOutcome &outcome, const SyncStatus &status);
    void onCounts(const SyncStatus &status, bool ok);
    void onChanges(const storage::ChangeSet &changes);
    void setPhase(SyncState::Phase phase);

    class Worker;
    storage::Database &m_db;
    ServerAddress m_address;
    SyncState m_state;
    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr; // lives on m_thread
    QTimer *m_timer = nullptr;
    int m_intervalMinutes = 0;
    int m_pageSize = 10000;
    bool m_countsPending = false;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace cockpit::sync

Q_DECLARE_METATYPE(cockpit::sync::SyncState)
Q_DECLARE_METATYPE(cockpit::sync::SyncOutcome)
Q_DECLARE_METATYPE(cockpit::sync::SyncStatus)
