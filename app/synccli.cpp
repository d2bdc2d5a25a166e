// `sales-cockpit sync --db FILE --server postgresql://LOGIN@HOST:PORT/DB [--status]` (issue 12):
// pulls what the login may see into FILE (a new file is created, an existing one continues
// from its cursor), pushes the file's queued edits, and pulls again when anything was pushed
// (so the file holds the server's state, merges included). Conflicts are recorded in the file
// and reported, not a failure. Last it anchors the activity log's new links on the server
// (syncchain.h): exit 4 when the server refuses them (the log was cut or rewritten since it was
// anchored), after the data synced. The password comes from PGPASSWORD or ~/.pgpass (libpq reads them).
#include "cli.h"

#include "storage/database.h"
#include "sync/pgconnection.h"
#include "sync/serverschema.h"
#include "sync/syncchain.h"
#include "sync/syncpull.h"
#include "sync/syncpush.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <cstdio>

namespace cockpit::app {

namespace {
void printLine(const QString &text)
{
    std::fprintf(stdout, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stdout);
}

QString when(qint64 secs)
{
    if (secs <= 0)
        return QStringLiteral("never");
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}
} // namespace

int runSync(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        printError(QStringLiteral("sync: --db FILE is required"));
        return 2;
    }
    if (parser.isSet(QStringLiteral("status"))) {
        if (!QFileInfo::exists(path)) {
            printError(QStringLiteral("sync --status: \"%1\" does not exist").arg(path));
            return 1;
        }
        storage::Database db;
        const auto opened = db.open(path, storage::Database::Mode::ReadOnly);
        if (!opened.ok()) {
            printError(QStringLiteral("sync --status: ") + opened.message);
            return 1;
        }
        sync::SyncStatus status;
        QString error;
        if (!sync::readSyncStatus(db.handle(), &status, &error)) {
            printError(QStringLiteral("sync --status: ") + error);
            return 1;
        }
        printLine(QStringLiteral("server:        %1").arg(status.server.isEmpty() ? QStringLiteral("(none: never synced)") : status.server));
        printLine(QStringLiteral("server epoch:  %1").arg(status.epoch));
        printLine(QStringLiteral("last sync:     %1").arg(when(status.lastSync)));
        printLine(QStringLiteral("cursor:        xid %1, id %2").arg(status.cursorXid, status.cursorId));
        printLine(QStringLiteral("edits waiting: %1").arg(status.editsWaiting));
        printLine(QStringLiteral("conflicts:     %1 unresolved").arg(status.conflicts));
        const qint64 anchored = sync::anchoredChainSeq(db.handle());
        printLine(QStringLiteral("activity log:  %1").arg(anchored >= 0 ? QStringLiteral("anchored on the server up to record #%1").arg(anchored)
                                                                         : QStringLiteral("not anchored on a server yet")));
        return 0;
    }
    if (!parser.isSet(QStringLiteral("server"))) {
        printError(QStringLiteral("sync: --server postgresql://LOGIN@HOST:PORT/DB is required"));
        return 2;
    }
    sync::ServerAddress address;
    QString why;
    if (!sync::ServerAddress::fromUrl(parser.value(QStringLiteral("server")), &address, &why)) {
        printError(QStringLiteral("sync: ") + why);
        return 2;
    }
    sync::PgError error;
    auto conn = sync::PgConnection::open(address, &error);
    if (!conn || !sync::checkServerSchema(*conn, &error)) {
        printError(QStringLiteral("sync: ") + error.message);
        return 1;
    }
    if (!QFileInfo::exists(path)) {
        // A new file is made under another name and renamed when its schema is written: a sync
        // killed while creating it leaves no empty FILE that a later sync would refuse.
        const QString part = path + QStringLiteral(".part");
        QFile::remove(part);
        storage::Database fresh;
        const auto made = fresh.open(part, storage::Database::Mode::CreateIfMissing);
        fresh.close();
        if (!made.ok() || !QFile::rename(part, path)) {
            printError(QStringLiteral("sync: %1: %2").arg(path, made.ok() ? QStringLiteral("cannot rename %1").arg(part) : made.message));
            return 1;
        }
    }
    storage::Database db;
    db.setLockWait(5000);
    const auto opened = db.open(path, storage::Database::Mode::CreateIfMissing);
    if (!opened.ok()) {
        printError(QStringLiteral("sync: ") + opened.message);
        return 1;
    }
    QString fileError;
    sync::PullOptions options;
    bool ok = false;
    const int pageSize = qEnvironmentVariableIntValue("COCKPIT_SYNC_PAGE", &ok);
    if (ok && pageSize > 0)
        options.pageSize = pageSize;
    // For the benchmark: a new file's first pull in pages of the change feed instead of by COPY.
    options.copyFirstPull = qEnvironmentVariable("COCKPIT_SYNC_FIRST_PULL") != QLatin1String("paged");
    // For tests of an interrupted pull: stop after this many pages, as a cancel would.
    const int stopAfter = qEnvironmentVariableIntValue("COCKPIT_SYNC_STOP_AFTER_PAGES", &ok);
    qint64 pages = 0;
    if (ok && stopAfter > 0)
        options.progress = [&](qint64) { return ++pages < stopAfter; };
    // One pull, reported; 0, or the exit code to stop with.
    auto pull = [&]() -> int {
        sync::PullReport report;
        if (!sync::pullFromServer(*conn, db.handle(), options, &report, &error)) {
            printError(QStringLiteral("sync: ") + error.message);
            return 1;
        }
        if (!sync::setSyncServer(db.handle(), address.display(), &fileError)) {
            printError(QStringLiteral("sync: %1: %2").arg(path, fileError));
            return 1;
        }
        if (report.epochChanged) {
            sync::SyncStatus status;
            sync::readSyncStatus(db.handle(), &status, &fileError);
            printLine(QStringLiteral("the server %1 was rebuilt or restored (a new epoch): everything was pulled again, "
                                     "the %2 edit(s) waiting were kept")
                          .arg(address.display())
                          .arg(status.editsWaiting));
        }
        printLine(QStringLiteral("pulled from %1: %2 row(s) applied, %3 removed, %4 page(s), %5 ms%6")
                      .arg(address.display())
                      .arg(report.rowsApplied)
                      .arg(report.rowsDeleted)
                      .arg(report.pages)
                      .arg(report.elapsedMs)
                      .arg(report.fullPull ? QStringLiteral(" (full pull)") : QString()));
        if (report.logChained > 0)
            printLine(QStringLiteral("%1 pulled record(s) added to the activity log in %2 ms").arg(report.logChained).arg(report.logChainMs));
        if (report.heldForPush > 0)
            printLine(QStringLiteral("%1 row(s) with edits waiting kept their edited fields").arg(report.heldForPush));
        if (report.removedAfterRepull > 0)
            printLine(QStringLiteral("removed %1 row(s) the rebuilt server no longer has").arg(report.removedAfterRepull));
        if (!report.complete) {
            printLine(QStringLiteral("stopped before the end; the next sync continues at xid %1").arg(report.cursorXid));
            return 3;
        }
        if (report.unresolvedReferences > 0)
            printLine(QStringLiteral("%1 reference(s) name rows this login cannot see").arg(report.unresolvedReferences));
        if (report.stalled)
            printLine(QStringLiteral("warning: a transaction open on the server (xid %1) has held changes back since %2; "
                                     "ask the administrator to end it (pg_stat_activity)")
                          .arg(report.stalledXid, when(report.stalledSince)));
        printLine(QStringLiteral("cursor: xid %1").arg(report.cursorXid));
        return 0;
    };
    if (const int code = pull())
        return code;
    if (parser.isSet(QStringLiteral("pull-only")))
        return 0;
    sync::PushOptions pushOptions;
    const int batch = qEnvironmentVariableIntValue("COCKPIT_SYNC_PUSH_BATCH", &ok);
    if (ok && batch > 0)
        pushOptions.batchSize = batch;
    // Last, the activity log's new links (syncchain.h). A refusal leaves what synced in place.
    auto anchor = [&]() -> int {
        sync::ChainPushOptions chainOptions;
        const int links = qEnvironmentVariableIntValue("COCKPIT_SYNC_CHAIN_BATCH", &ok);
        if (ok && links > 0)
            chainOptions.batchSize = links;
        sync::ChainPushReport chain;
        if (!sync::pushChain(*conn, db.handle(), chainOptions, &chain, &error)) {
            if (error.kind != sync::PgError::Kind::ChainRefused) {
                printError(QStringLiteral("sync: anchoring the activity log failed: ") + error.message);
                return 1;
            }
            printError(QStringLiteral("sync: the data synced, but the activity log was refused: ") + error.message);
            return 4;
        }
        if (chain.pushed + chain.alreadyHeld > 0)
            printLine(QStringLiteral("activity log anchored on %1 up to record #%2: %3 link(s) pushed%4, %5 ms")
                          .arg(address.display())
                          .arg(chain.anchoredSeq)
                          .arg(chain.pushed)
                          .arg(chain.anchoredAtHead ? QStringLiteral(" (the first anchoring: the log's head, whose hash vouches for every record before it)")
                                                    : QString())
                          .arg(chain.elapsedMs));
        return 0;
    };
    sync::PushReport pushed;
    if (!sync::pushToServer(*conn, db.handle(), pushOptions, &pushed, &error)) {
        printError(QStringLiteral("sync: pushing the edits waiting failed, they stay queued for the next sync: ") + error.message);
        return 1;
    }
    if (pushed.total() == 0)
        return anchor();
    printLine(QStringLiteral("pushed to %1: %2 edit(s) applied, %3 merged with the server's changes, %4 conflict(s), "
                             "%5 refused, %6 already applied, %7 with nothing to push, %8 ms")
                  .arg(address.display())
                  .arg(pushed.pushed)
                  .arg(pushed.merged)
                  .arg(pushed.conflicts)
                  .arg(pushed.refused)
                  .arg(pushed.alreadyApplied)
                  .arg(pushed.nothingToPush)
                  .arg(pushed.elapsedMs));
    if (pushed.conflicts + pushed.refused > 0)
        printLine(QStringLiteral("%1 conflict(s) recorded in the file: the server's values were kept, yours are in the "
                                 "Conflicts list to resolve").arg(pushed.conflicts + pushed.refused));
    if (const int code = pull())
        return code;
    return anchor();
}

} // namespace cockpit::app
