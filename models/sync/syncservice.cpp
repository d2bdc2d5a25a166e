#include "sync/syncservice.h"

#include "storage/database.h"
#include "sync/serverschema.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QThread>
#include <QTimer>
#include <QUuid>

namespace cockpit::sync {

Q_LOGGING_CATEGORY(lcSyncService, "cockpit.sync.service")

bool probeServer(const ServerAddress &address, ServerWho *who, PgError *error)
{
    auto conn = PgConnection::open(address, error);
    if (!conn || !checkServerSchema(*conn, error))
        return false;
    PgResult me;
    if (!conn->exec(QStringLiteral("SELECT login, user_id::text, coalesce(user_name, ''), coalesce(role, ''), "
                                   "coalesce(region_name, ''), director FROM cockpit.me"),
                    {}, &me, error))
        return false;
    if (me.rows() != 1) {
        // A login the administrator created by hand, never mapped to a user of the company.
        error->kind = PgError::Kind::NoRights;
        error->message = Server::tr("The login \"%1\" is not a user of the company on %2. Ask the administrator to "
                                    "run: sales-cockpit server add-user --login %1 --user NAME")
                             .arg(address.user, address.display());
        return false;
    }
    *who = ServerWho{me.text(0, 0), me.text(0, 1), me.text(0, 2), me.text(0, 3), me.text(0, 4), me.toBool(0, 5)};
    return true;
}

// The worker: everything here runs on the service's thread.
class SyncService::Worker : public QObject
{
public:
    Worker(const QString &path, storage::ChangeSink sink) : m_path(path), m_sink(std::move(sink)) {}
    ~Worker() override { closeFile(); }

    void closeFile()
    {
        if (!m_name.isEmpty())
            storage::closeConnection(m_name, m_sink);
        m_name.clear();
        m_file = nullptr;
    }

    sqlite3 *file(QString *error)
    {
        if (m_file)
            return m_file;
        m_name = QStringLiteral("sync-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QString openError;
        QSqlDatabase db = storage::openConnection(m_path, m_name, storage::Access::ReadWrite, &openError, m_sink);
        m_file = db.isOpen() ? storage::sqliteHandle(db) : nullptr;
        if (!m_file) {
            *error = Server::tr("The local copy \"%1\" could not be opened: %2").arg(m_path, openError);
            closeFile();
        }
        return m_file;
    }

    bool server(const ServerAddress &address, PgError *error)
    {
        if (m_server && m_server->address().password == address.password)
            return true;
        m_server.reset();
        auto conn = PgConnection::open(address, error);
        if (!conn || !checkServerSchema(*conn, error))
            return false;
        m_server = std::move(conn);
        return true;
    }

    void sync(const ServerAddress &address, int pageSize, std::shared_ptr<std::atomic_bool> cancel,
              SyncService *service)
    {
        SyncOutcome out;
        SyncStatus status;
        sqlite3 *db = file(&out.localError);
        // The server first: a refused login or a schema this build does not speak leaves the
        // file exactly as it was (not even the server's name is written).
        if (db && server(address, &out.error)) {
            QString fileError;
            if (!setSyncServer(db, address.display(), &fileError)) {
                out.localError = fileError;
            } else {
                PullOptions options;
                options.pageSize = pageSize;
                options.progress = [service, cancel](qint64 rows) {
                    QMetaObject::invokeMethod(service, [service, rows] { Q_EMIT service->progress(rows); },
                                              Qt::QueuedConnection);
                    return !cancel->load();
                };
                out.ok = pullFromServer(*m_server, db, options, &out.pull, &out.error);
                out.cancelled = out.ok && !out.pull.complete;
                // Then the push, on this thread with the same two connections, and when it
                // sent anything a second pull, which brings the pushed rows back with their
                // server row_version (as `sales-cockpit sync` does). A cancel stops between batches.
                if (out.ok && out.pull.complete && !cancel->load()) {
                    PushOptions push;
                    push.progress = [cancel](qint64) { return !cancel->load(); };
                    out.ok = pushToServer(*m_server, db, push, &out.push, &out.error);
                    out.cancelled = out.ok && !out.push.complete;
                    if (out.ok && out.push.total() > 0 && !cancel->load()) {
                        PullReport again;
                        out.ok = pullFromServer(*m_server, db, options, &again, &out.error);
                        out.pull.rowsApplied += again.rowsApplied;
                        out.pull.rowsDeleted += again.rowsDeleted;
                    }
                    // Last, the activity log's new links: a refused chain is reported, and the
                    // data sync stands.
                    if (out.ok && out.push.complete && !cancel->load()) {
                        PgError chain;
                        if (!pushChain(*m_server, db, {}, &out.chainPush, &chain)) {
                            if (chain.kind == PgError::Kind::ChainRefused) {
                                out.chain = chain;
                            } else {
                                out.ok = false;
                                out.error = chain;
                            }
                        }
                    }
                }
            }
            if (out.error.isError())
                m_server.reset(); // a dropped connection (or a failed statement): connect afresh next time
        }
        if (db) {
            QString readError;
            if (!readSyncStatus(db, &status, &readError) && out.localError.isEmpty())
                out.localError = readError;
        }
        QMetaObject::invokeMethod(service, [service, out, status] { service->onWorkerFinished(out, status); },
                                  Qt::QueuedConnection);
    }

    void counts(SyncService *service)
    {
        SyncStatus status;
        QString error;
        sqlite3 *db = file(&error);
        const bool ok = db && readSyncStatus(db, &status, &error);
        if (!ok)
            qCWarning(lcSyncService) << "sync status:" << error;
        QMetaObject::invokeMethod(service, [service, status, ok] { service->onCounts(status, ok); }, Qt::QueuedConnection);
    }

private:
    QString m_path;
    storage::ChangeSink m_sink;
    QString m_name;
    sqlite3 *m_file = nullptr;
    std::unique_ptr<PgConnection> m_server;
};

SyncService::SyncService(storage::Database &db, const ServerAddress &address, QObject *parent)
    : QObject(parent), m_db(db), m_address(address), m_cancel(std::make_shared<std::atomic_bool>(false))
{
    qRegisterMetaType<SyncState>();
    qRegisterMetaType<SyncOutcome>();
    m_state.server = address.display();
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("sync"));
    m_worker = new Worker(db.path(), db.changeSink());
    m_worker->moveToThread(m_thread);
    m_thread->start();
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &SyncService::syncNow);
    // Edits queue outbox entries, the push and the Conflicts screen change conflicts: the
    // counts follow storage's announcements, read on the worker.
    connect(&db, &storage::Database::changed, this, &SyncService::onChanges);
    refreshCounts();
}

SyncService::~SyncService()
{
    m_cancel->store(true);
    // The file's connection closes on the thread that opened it, after the running sync.
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void SyncService::setInterval(int minutes)
{
    m_intervalMinutes = qMax(0, minutes);
    if (m_intervalMinutes > 0)
        m_timer->start(m_intervalMinutes * 60 * 1000);
    else
        m_timer->stop();
}

void SyncService::setPassword(const QString &password)
{
    m_address.password = password;
    if (m_state.phase == SyncState::Phase::Failed)
        setInterval(m_intervalMinutes); // refused before: the timer's syncs resume
}

void SyncService::syncNow()
{
    if (isSyncing())
        return;
    // Nothing is written to a file before its integrity check has passed (storage), and a
    // damaged one is never written: the sync waits for the check, or does not run.
    switch (m_db.writeState()) {
    case storage::Database::WriteState::Writable:
        break;
    case storage::Database::WriteState::AwaitingCheck:
        connect(&m_db, &storage::Database::writeStateChanged, this, &SyncService::syncNow, Qt::SingleShotConnection);
        return;
    case storage::Database::WriteState::Damaged:
    case storage::Database::WriteState::ReadOnly:
        m_state.error = PgError{PgError::Kind::Other, {},
                                Server::tr("The local copy is damaged or read-only, so it cannot be synced. Save a repaired copy (File menu) and open that."), {}};
        setPhase(SyncState::Phase::Failed);
        Q_EMIT finished(SyncOutcome{false, false, {}, {}, m_state.error, m_state.error.message, {}, {}});
        return;
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    setPhase(SyncState::Phase::Syncing);
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, address = m_address, pageSize = m_pageSize, cancel = m_cancel, this] {
            worker->sync(address, pageSize, cancel, this);
        },
        Qt::QueuedConnection);
}

void SyncService::cancel()
{
    m_cancel->store(true);
}

void SyncService::refreshCounts()
{
    if (std::exchange(m_countsPending, true))
        return;
    Worker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, this] { worker->counts(this); }, Qt::QueuedConnection);
}

void SyncService::onChanges(const storage::ChangeSet &changes)
{
    if (changes.touches(QStringLiteral("outbox")) || changes.touches(QStringLiteral("conflicts")))
        refreshCounts();
}

void SyncService::onCounts(const SyncStatus &status, bool ok)
{
    m_countsPending = false;
    if (!ok)
        return;
    m_state.editsWaiting = status.editsWaiting;
    m_state.conflicts = status.conflicts;
    m_state.lastSync = status.lastSync;
    Q_EMIT stateChanged(m_state);
}

void SyncService::onWorkerFinished(const SyncOutcome &outcome, const SyncStatus &status)
{
    m_state.editsWaiting = status.editsWaiting;
    m_state.conflicts = status.conflicts;
    m_state.lastSync = status.lastSync;
    m_state.stalled = outcome.ok && outcome.pull.stalled;
    m_state.error = outcome.error;
    if (outcome.ok) {
        if (!outcome.cancelled)
            m_state.chain = outcome.chain;
        m_state.offlineSince = 0;
        setPhase(SyncState::Phase::Synced);
    } else if (outcome.error.kind == PgError::Kind::Unreachable) {
        if (m_state.phase != SyncState::Phase::Offline && m_state.offlineSince == 0)
            m_state.offlineSince = QDateTime::currentSecsSinceEpoch();
        setPhase(SyncState::Phase::Offline); // the timer keeps trying
    } else {
        if (!outcome.localError.isEmpty() && !outcome.error.isError()) {
            m_state.error.kind = PgError::Kind::Other;
            m_state.error.message = outcome.localError;
        }
        m_timer->stop(); // a wrong password retried on a timer only locks the login out
        setPhase(SyncState::Phase::Failed);
    }
    qCInfo(lcSyncService).noquote() << m_state.server << (outcome.ok ? "synced" : "failed:") << outcome.error.message
                                     << outcome.localError << outcome.pull.rowsApplied << "rows" << outcome.pull.elapsedMs
                                     << "ms";
    if (outcome.chain.isError())
        qCWarning(lcSyncService).noquote() << m_state.server << "activity log refused:" << outcome.chain.message
                                           << outcome.chain.detail;
    Q_EMIT finished(outcome);
}

void SyncService::setPhase(SyncState::Phase phase)
{
    m_state.phase = phase;
    Q_EMIT stateChanged(m_state);
}

} // namespace cockpit::sync
