#include "sync/syncpull.h"
#include "sync/serverschema.h"
#include "sync/syncpullparts.h"

#include "storage/logchain.h"

#include "storage/sqlitestatement.h"
#include "storage/uuidcolumn.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <cstdlib>

#include <map>

namespace cockpit::sync {

using namespace pull;

namespace {

// The local edits not pushed yet, per (table, local key): the columns they changed, or
// `whole` for an insert/delete or an entry whose fields are null ("the row as committed").
struct Pending
{
    QSet<QString> columns;
    bool whole = false;
};
using PendingEdits = QHash<QPair<QString, qint64>, Pending>;

bool loadPending(sqlite3 *db, PendingEdits *pending)
{
    pending->clear();
    sql::Statement st(db, "SELECT table_name, row_id, op, fields FROM outbox");
    if (!st.isValid())
        return false;
    while (sqlite3_step(st.handle()) == SQLITE_ROW) {
        const QString table = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st.handle(), 0)));
        Pending &p = (*pending)[{table, sqlite3_column_int64(st.handle(), 1)}];
        const QString op = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st.handle(), 2)));
        const QByteArray fields(reinterpret_cast<const char *>(sqlite3_column_text(st.handle(), 3)), sqlite3_column_bytes(st.handle(), 3));
        const QJsonObject object = QJsonDocument::fromJson(fields).object();
        if (op != QLatin1String("update") || object.isEmpty()) {
            p.whole = true;
            continue;
        }
        for (auto it = object.begin(); it != object.end(); ++it)
            p.columns.insert(it.key());
    }
    return true;
}

// Applies one server row (result row r of `rows`) to the file. A row with local edits still
// in the outbox keeps the edited columns (and its base row_version, which the push needs):
// the server's other columns are applied around them; a row inserted or deleted locally and
// not pushed yet is left as it is. Nothing queued is overwritten.
bool applyRow(sqlite3 *db, Applier &keys, const TableMap &t, const PgResult &rows, int r, const PendingEdits &pending,
              qint64 *applied, qint64 *deleted, qint64 *held)
{
    const QString id = rows.text(r, 0);
    const bool tomb = rows.toLongLong(r, int(t.cols.size()) + 1) != 0;
    qint64 key = 0;
    const bool exists = keys.findKey(t.name, id, &key);
    const auto pend = exists ? pending.constFind({t.name, key}) : pending.constEnd();
    if (pend != pending.constEnd() && pend->whole) {
        ++*held;
        return true;
    }
    if (tomb && t.name == QLatin1String("log_deletions")) {
        // Its local `deleted` is content; a server tombstone removes the row.
        if (exists) {
            sql::Statement del(db, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(t.name).toStdString());
            del.bind(1, key);
            if (sqlite3_step(del.handle()) != SQLITE_DONE)
                return false;
            ++*deleted;
        }
        return true;
    }
    QStringList names;
    QList<int> skip; // indexes into t.cols the local edits keep
    for (int c = 0; c < t.cols.size(); ++c) {
        const QString &local = t.cols.at(c).local;
        if (pend != pending.constEnd() && (pend->columns.contains(local) || local == QLatin1String("row_version"))) {
            skip << c;
            continue;
        }
        names << local;
    }
    if (!skip.isEmpty())
        ++*held;
    if (t.name != QLatin1String("log_deletions"))
        names << QStringLiteral("deleted");
    QString sql;
    if (exists) {
        QStringList sets;
        for (const QString &n : std::as_const(names))
            sets << n + QStringLiteral(" = ?");
        sql = QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(t.name, sets.join(QStringLiteral(", ")));
    } else {
        key = keys.takeReserved(t.name, id);
        if (key < 0)
            return false;
        if (key == 0)
            key = keys.nextKey(t.name);
        sql = QStringLiteral("INSERT INTO %1 (%2, uuid, id) VALUES (%3?, ?)")
                  .arg(t.name, names.join(QStringLiteral(", ")), QStringLiteral("?, ").repeated(names.size()));
    }
    sqlite3_stmt *const st = keys.cached(sql);
    if (!st)
        return false;
    // Values straight from libpq's text to SQLite's binds (no QString on the way).
    PGresult *const res = rows.handle();
    int p = 1;
    for (int c = 0; c < t.cols.size(); ++c) {
        if (skip.contains(c))
            continue;
        const auto &col = t.cols.at(c);
        const int rc = c + 1;
        if (PQgetisnull(res, r, rc)) {
            sqlite3_bind_null(st, p++);
            continue;
        }
        const char *value = PQgetvalue(res, r, rc);
        QString target = col.refTable;
        if (col.polymorphic && t.kindCol >= 0)
            target = polymorphicTable(t.name, QString::fromUtf8(PQgetvalue(res, r, t.kindCol + 1)));
        if (!target.isEmpty()) {
            qint64 ref = 0;
            if (!keys.localKey(target, QString::fromLatin1(value), &ref))
                return false;
            sqlite3_bind_int64(st, p++, ref);
        } else if (col.polymorphic) {
            sqlite3_bind_null(st, p++); // a kind this file does not key ('company')
        } else if (col.integer) {
            sqlite3_bind_int64(st, p++, std::strtoll(value, nullptr, 10));
        } else {
            sqlite3_bind_text(st, p++, value, PQgetlength(res, r, rc), SQLITE_TRANSIENT);
        }
    }
    if (t.name != QLatin1String("log_deletions"))
        sqlite3_bind_int64(st, p++, tomb ? 1 : 0);
    if (!exists) {
        const QByteArray blob = storage::uuidColumnValue(id);
        sqlite3_bind_blob(st, p++, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
    }
    sqlite3_bind_int64(st, p, key);
    if (sqlite3_step(st) != SQLITE_DONE)
        return false;
    sqlite3_reset(st);
    ++*applied;
    return true;
}

} // namespace

bool setSyncServer(sqlite3 *db, const QString &server, QString *error)
{
    if (!setState(db, QStringLiteral("server"), server)) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    return true;
}

bool readSyncStatus(sqlite3 *db, SyncStatus *status, QString *error)
{
    status->server = stateValue(db, QStringLiteral("server"));
    status->epoch = stateValue(db, QStringLiteral("epoch"));
    status->cursorXid = stateValue(db, QStringLiteral("cursor_xid"));
    status->cursorId = stateValue(db, QStringLiteral("cursor_id"));
    status->lastSync = stateValue(db, QStringLiteral("last_sync")).toLongLong();
    sql::Statement n(db, "SELECT (SELECT count(*) FROM outbox), (SELECT count(*) FROM conflicts WHERE resolved_at IS NULL)");
    if (sqlite3_step(n.handle()) != SQLITE_ROW) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    status->editsWaiting = sqlite3_column_int(n.handle(), 0);
    status->conflicts = sqlite3_column_int(n.handle(), 1);
    return true;
}

bool pullFromServer(PgConnection &server, sqlite3 *db, const PullOptions &options, PullReport *report, PgError *error)
{
    QElapsedTimer timer;
    timer.start();
    *report = {};
    PgError e;
    auto serverFail = [&]() {
        server.exec(QStringLiteral("ROLLBACK"), nullptr);
        if (e.kind == PgError::Kind::Unreachable) // it answered at the start: the connection dropped
            e.message = Server::tr("The connection to the server %1 was lost during the pull (%2). What was pulled so far "
                                   "is kept; the next sync continues from there.")
                            .arg(server.address().display(), (e.detail.isEmpty() ? e.message : e.detail).section(QLatin1Char('\n'), 0, 0).trimmed());
        if (error)
            *error = e;
        return false;
    };
    auto localFail = [&](const QString &what) {
        fileFail(db, what, error); // SQLite's message, before the rollback replaces it
        sqlExec(db, "ROLLBACK");
        server.exec(QStringLiteral("ROLLBACK"), nullptr);
        sqlExec(db, "PRAGMA foreign_keys = ON");
        return false;
    };
    if (!server.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"), &e))
        return serverFail();
    PgResult head;
    if (!server.exec(QStringLiteral("SELECT epoch::text, pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text "
                                    "FROM cockpit.server_info, pg_current_snapshot() s"),
                     {}, &head, &e))
        return serverFail();
    if (head.rows() != 1) {
        e.kind = PgError::Kind::SchemaMissing;
        e.message = Server::tr("The server %1 has no identity row (cockpit.server_info).").arg(server.address().display());
        return serverFail();
    }
    const QString epoch = head.text(0, 0), horizon = head.text(0, 1), xmax = head.text(0, 2);
    QList<TableMap> tables;
    if (!loadTables(server, db, &tables, &e))
        return serverFail();
    QHash<QString, int> byName;
    for (int i = 0; i < tables.size(); ++i)
        byName.insert(tables.at(i).name, i);

    // Foreign keys are checked by the file's schema for the app's writes; a pull applies rows
    // in the server's order, parents possibly after children (see the header).
    sqlExec(db, "PRAGMA foreign_keys = OFF");
    Applier keys(db);
    const QString known = stateValue(db, QStringLiteral("epoch"));
    if (known != epoch) {
        report->fullPull = true;
        report->epochChanged = !known.isEmpty();
        if (!sqlExec(db, "BEGIN IMMEDIATE"))
            return localFail(QStringLiteral("begin"));
        if (known.isEmpty()) {
            // A file's first sync: it must be a new file (the schema's seeded pipeline templates
            // only; the server brings the company's own). A company of its own is refused: the
            // server's copy goes to a file of its own (SYNC.md), nothing local is merged away.
            qint64 held = 0;
            for (const auto &t : std::as_const(tables)) {
                if (t.name == QLatin1String("pipelines") || t.name == QLatin1String("pipeline_stages"))
                    continue;
                sql::Statement c(db, QStringLiteral("SELECT count(*) FROM %1").arg(t.name).toStdString());
                if (sqlite3_step(c.handle()) == SQLITE_ROW)
                    held += sqlite3_column_int64(c.handle(), 0);
            }
            {
                sql::Statement o(db, "SELECT count(*) FROM outbox");
                if (sqlite3_step(o.handle()) == SQLITE_ROW)
                    held += sqlite3_column_int64(o.handle(), 0);
            } // finished: DROP INDEX below needs no statement reading
            if (held > 0) {
                sqlExec(db, "ROLLBACK");
                server.exec(QStringLiteral("ROLLBACK"), nullptr);
                sqlExec(db, "PRAGMA foreign_keys = ON");
                if (error) {
                    error->kind = PgError::Kind::Other;
                    error->message = Server::tr("This file holds a company of its own (%1 rows or edits) and has never synced "
                                                "with a server: a team server's rows go to a new file. Give another file.")
                                         .arg(held);
                }
                return false;
            }
            if (!sqlExec(db, "DELETE FROM pipeline_stages") || !sqlExec(db, "DELETE FROM pipelines"))
                return localFail(QStringLiteral("pipelines"));
            if (options.copyFirstPull && !startFirstPull(db, tables, horizon))
                return localFail(QStringLiteral("first pull"));
        }
        if (report->epochChanged) {
            // Every synced row is marked; those the new server does not send again are removed
            // at the end of the re-pull (unless an edit of theirs waits in the outbox).
            for (const auto &t : std::as_const(tables))
                if (t.hasRowVersion && !sqlExec(db, QStringLiteral("UPDATE %1 SET row_version = -1 WHERE id NOT IN "
                                                                     "(SELECT row_id FROM outbox WHERE table_name = '%1')")
                                                          .arg(t.name).toUtf8().constData()))
                    return localFail(t.name);
            if (!abandonFirstPull(db) || !sqlExec(db, "DELETE FROM sync_state WHERE key LIKE 'key:%' OR key LIKE 'keymax:%'"))
                return localFail(QStringLiteral("sync_state"));
        }
        if (!setState(db, QStringLiteral("epoch"), epoch) || !setState(db, QStringLiteral("cursor_xid"), QStringLiteral("0"))
            || !setState(db, QStringLiteral("cursor_id"), kNilUuid)
            || !setState(db, QStringLiteral("repull"), report->epochChanged ? QStringLiteral("1") : QStringLiteral("0"))
            || !sqlExec(db, "COMMIT"))
            return localFail(QStringLiteral("epoch"));
    }
    QString cursorXid = stateValue(db, QStringLiteral("cursor_xid"));
    QString cursorId = stateValue(db, QStringLiteral("cursor_id"));
    if (cursorXid.isEmpty() || cursorXid == QLatin1String("0"))
        report->fullPull = true;
    if (cursorXid.isEmpty()) {
        cursorXid = QStringLiteral("0");
        cursorId = kNilUuid;
    }

    keys.loadReservations();
    bool cancelled = false;
    if (options.copyFirstPull && firstPullPending(db)) {
        // A new file: every table by COPY up to the first attempt's horizon (syncfirstpull.cpp);
        // the pages below then bring what changed since, if this run resumed a killed one.
        if (!copyFirstPull(server, db, tables, keys, options, report, &cancelled, &e)) {
            sqlExec(db, "PRAGMA foreign_keys = ON");
            return serverFail();
        }
        cursorXid = stateValue(db, QStringLiteral("cursor_xid"));
        cursorId = stateValue(db, QStringLiteral("cursor_id"));
    }
    while (!cancelled) {
        PgResult page;
        // Qualified names: an unqualified ORDER BY would sort by the text output columns of
        // the same names ('1000' < '999'): out of cursor order, and without the indexes.
        if (!server.exec(QStringLiteral("SELECT f.table_name, f.id::text, f.last_xid::text, f.tombstone IS NOT NULL FROM cockpit.change_feed f "
                                        "WHERE f.last_xid < $1::xid8 AND (f.last_xid, f.id) > ($2::xid8, $3::uuid) "
                                        "ORDER BY f.last_xid, f.id LIMIT $4"),
                         {horizon, cursorXid, cursorId, options.pageSize + 1}, &page, &e))
            return serverFail();
        int n = page.rows();
        if (n == 0)
            break;
        if (n > options.pageSize) {
            // One row more than a page was read: a row and its tombstones share (last_xid, id),
            // and such a group must not straddle two pages (the cursor is past the whole key).
            n = options.pageSize;
            auto sameKey = [&](int a, int b) { return page.text(a, 1) == page.text(b, 1) && page.text(a, 2) == page.text(b, 2); };
            int cut = n;
            while (cut > 0 && sameKey(cut - 1, options.pageSize))
                --cut;
            if (cut > 0)
                n = cut;
            else // a group larger than a page: take it whole
                while (n < page.rows() && sameKey(n, options.pageSize - 1))
                    ++n;
        }
        QHash<int, QStringList> live, tombs;
        for (int i = 0; i < n; ++i) {
            const int t = byName.value(page.text(i, 0), -1);
            if (t < 0)
                continue;
            (page.toBool(i, 3) ? tombs : live)[t] << page.text(i, 1);
        }
        // The rows themselves, from the same snapshot, table by table in reference order.
        QList<int> order = live.keys() + tombs.keys();
        std::sort(order.begin(), order.end());
        order.erase(std::unique(order.begin(), order.end()), order.end());
        std::map<int, PgResult> fetched;
        for (const int t : std::as_const(order)) {
            const QStringList ids = live.value(t) + tombs.value(t);
            PgResult rows;
            if (!server.exec(QStringLiteral("SELECT %1 FROM cockpit.%2 WHERE id = ANY($1::uuid[])").arg(tables.at(t).select, tables.at(t).name),
                             {QStringLiteral("{%1}").arg(ids.join(QLatin1Char(',')))}, &rows, &e))
                return serverFail();
            fetched.emplace(t, std::move(rows));
        }
        if (!sqlExec(db, "BEGIN IMMEDIATE"))
            return localFail(QStringLiteral("begin"));
        PendingEdits pending;
        if (!loadPending(db, &pending))
            return localFail(QStringLiteral("outbox"));
        for (const int t : std::as_const(order)) {
            const TableMap &map = tables.at(t);
            const PgResult &rows = fetched[t];
            QSet<QString> present;
            for (int r = 0; r < rows.rows(); ++r) {
                present.insert(rows.text(r, 0));
                if (!applyRow(db, keys, map, rows, r, pending, &report->rowsApplied, &report->rowsDeleted, &report->heldForPush))
                    return localFail(map.name);
            }
            // A tombstone of a row this login still sees ('moved' into a region it also sees)
            // is ignored: the row itself was just applied.
            for (const QString &id : tombs.value(t)) {
                if (present.contains(id))
                    continue;
                qint64 key = 0;
                if (!keys.findKey(map.name, id, &key))
                    continue;
                sql::Statement del(db, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(map.name).toStdString());
                del.bind(1, key);
                if (sqlite3_step(del.handle()) != SQLITE_DONE)
                    return localFail(map.name);
                ++report->rowsDeleted;
            }
        }
        cursorXid = page.text(n - 1, 2);
        cursorId = page.text(n - 1, 1);
        if (!keys.flushMaxima() || !setState(db, QStringLiteral("cursor_xid"), cursorXid) || !setState(db, QStringLiteral("cursor_id"), cursorId)
            || !sqlExec(db, "COMMIT"))
            return localFail(QStringLiteral("cursor"));
        ++report->pages;
        if (options.progress && !options.progress(report->rowsApplied + report->rowsDeleted)) {
            cancelled = true;
            break;
        }
    }
    PgResult me;
    if (!server.exec(QStringLiteral("SELECT user_id::text FROM cockpit.me"), {}, &me, &e))
        return serverFail();
    // A first pull (seconds long) that ends with the transaction holding the horizon still open
    // and changes already committed behind it: a stall worth saying now, not at the next pull.
    bool heldBack = false;
    if (report->fullPull && !cancelled && horizon != xmax) {
        PgResult held;
        if (!server.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM cockpit.change_feed f WHERE f.last_xid >= $1::xid8) "
                                        "AND pg_xact_status($1::xid8) = 'in progress'"),
                         {horizon}, &held, &e))
            return serverFail();
        heldBack = held.rows() == 1 && held.toBool(0, 0);
    }
    server.exec(QStringLiteral("COMMIT"), nullptr);

    if (!cancelled) {
        if (!sqlExec(db, "BEGIN IMMEDIATE"))
            return localFail(QStringLiteral("begin"));
        // Drained: everything below the horizon is here. The next pull starts at the horizon.
        cursorXid = horizon;
        cursorId = kNilUuid;
        if (!setState(db, QStringLiteral("cursor_xid"), cursorXid) || !setState(db, QStringLiteral("cursor_id"), cursorId)
            || !abandonFirstPull(db))
            return localFail(QStringLiteral("cursor"));
        if (stateValue(db, QStringLiteral("repull")) == QLatin1String("1")) {
            for (const auto &t : std::as_const(tables)) {
                if (!t.hasRowVersion)
                    continue; // append-only (log_deletions): kept
                sql::Statement del(db, QStringLiteral("DELETE FROM %1 WHERE row_version = -1 AND id NOT IN "
                                                      "(SELECT row_id FROM outbox WHERE table_name = '%1')")
                                           .arg(t.name).toStdString());
                if (sqlite3_step(del.handle()) != SQLITE_DONE)
                    return localFail(t.name);
                report->removedAfterRepull += sqlite3_changes(db);
            }
            if (!setState(db, QStringLiteral("repull"), QStringLiteral("0")))
                return localFail(QStringLiteral("repull"));
        }
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        if (horizon != xmax) {
            // A transaction below xmax is still open: nothing at or after it can be pulled yet.
            if (stateValue(db, QStringLiteral("horizon_seen")) == horizon) {
                report->stalled = true;
                report->stalledSince = stateValue(db, QStringLiteral("horizon_since")).toLongLong();
            } else {
                setState(db, QStringLiteral("horizon_seen"), horizon);
                setState(db, QStringLiteral("horizon_since"), QString::number(now));
                report->stalled = heldBack;
                report->stalledSince = now;
            }
            report->stalledXid = horizon;
        } else {
            setState(db, QStringLiteral("horizon_seen"), QString());
        }
        // "You" in this file: the org user the login is (cockpit.me), and a currency for a new file.
        qint64 meKey = 0;
        if (me.rows() == 1 && !me.isNull(0, 0) && keys.findKey(QStringLiteral("users"), me.text(0, 0), &meKey)) {
            sql::Statement s(db, "INSERT OR REPLACE INTO settings (key, value) VALUES ('current_user_id', ?)");
            s.bind(1, QString::number(meKey));
            if (sqlite3_step(s.handle()) != SQLITE_DONE)
                return localFail(QStringLiteral("settings"));
        }
        if (!sqlExec(db, "INSERT OR IGNORE INTO settings (key, value) VALUES ('currency', 'CNY')"))
            return localFail(QStringLiteral("settings"));
        if (!setState(db, QStringLiteral("last_sync"), QString::number(now)))
            return localFail(QStringLiteral("last_sync"));
        // The pulled activities, stage moves and logged deletions join this file's log (DESIGN.md
        // §4): its chain covers every record it holds, and its head is anchored on the server
        // after the push (syncchain.h). Without it every pulled record reads as written outside
        // the app. O(records pulled): only unchained ones are read.
        QString chainWhy;
        QElapsedTimer chaining;
        chaining.start();
        const qint64 chained = storage::logchain::buildChain(db, &chainWhy);
        if (chained < 0)
            return localFail(QStringLiteral("activity log: %1").arg(chainWhy));
        report->logChained += chained; // after those of a first pull's COPY (syncfirstpull.cpp)
        report->logChainMs += chaining.elapsed();
        sql::Statement left(db, "SELECT count(*) FROM sync_state WHERE key LIKE 'key:%'");
        if (sqlite3_step(left.handle()) == SQLITE_ROW)
            report->unresolvedReferences = sqlite3_column_int64(left.handle(), 0);
        if (!sqlExec(db, "COMMIT"))
            return localFail(QStringLiteral("commit"));
        report->complete = true;
    }
    sqlExec(db, "PRAGMA foreign_keys = ON");
    report->cursorXid = cursorXid;
    report->cursorId = cursorId;
    report->elapsedMs = timer.elapsed();
    return true;
}

} // namespace cockpit::sync
