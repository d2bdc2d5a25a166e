#include "sync/syncpull.h"
#include "sync/serverschema.h"

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

namespace {

const QString kNilUuid = QStringLiteral("00000000-0000-0000-0000-000000000000");

bool fileFail(sqlite3 *db, const QString &what, PgError *error)
{
    if (error) {
        error->kind = PgError::Kind::Other;
        error->message = Server::tr("Writing the pulled rows to the local file failed (%1): %2")
                             .arg(what, QString::fromUtf8(sqlite3_errmsg(db)));
    }
    return false;
}

bool sqlExec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

QString stateValue(sqlite3 *db, const QString &key)
{
    sql::Statement st(db, "SELECT value FROM sync_state WHERE key = ?");
    st.bind(1, key);
    if (sqlite3_step(st.handle()) == SQLITE_ROW)
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st.handle(), 0)));
    return {};
}

bool setState(sqlite3 *db, const QString &key, const QString &value)
{
    sql::Statement st(db, "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)");
    st.bind(1, key);
    st.bind(2, value);
    return sqlite3_step(st.handle()) == SQLITE_DONE;
}

// What a synced table looks like on both sides.
struct TableMap
{
    QString name;
    int position = 0;
    struct Col
    {
        QString name;       // the server's column
        QString local;      // the file's column it fills
        QString refTable;   // a reference: the table whose key it holds
        bool integer = false;
        bool polymorphic = false; // org_id / record_id: the table named by the kind column
    };
    QList<Col> cols;
    QString select; // the server's select list, id first, then cols, then deleted
    int kindCol = -1; // index in cols of org_level / record_kind
    bool hasRowVersion = false; // the file's table has row_version (log_deletions has not)
};

class Applier
{
public:
    explicit Applier(sqlite3 *db) : m_db(db) {}

    // The local key of `uuidText` in `table`, reserving one when the row is not here yet.
    bool localKey(const QString &table, const QString &uuidText, qint64 *key)
    {
        if (findKey(table, uuidText, key))
            return true;
        const QString name = QStringLiteral("key:%1:%2").arg(table, uuidText);
        const auto it = m_reserved.constFind(name);
        if (it != m_reserved.constEnd()) {
            *key = it.value();
            return true;
        }
        *key = nextKey(table);
        m_reserved.insert(name, *key);
        return setState(m_db, name, QString::number(*key));
    }

    // The key reserved for a row that arrives now (and the reservation dropped), or 0.
    qint64 takeReserved(const QString &table, const QString &uuidText)
    {
        const QString name = QStringLiteral("key:%1:%2").arg(table, uuidText);
        const qint64 key = m_reserved.take(name);
        if (key) {
            sql::Statement clear(m_db, "DELETE FROM sync_state WHERE key = ?");
            clear.bind(1, name);
            if (sqlite3_step(clear.handle()) != SQLITE_DONE)
                return -1;
        }
        return key;
    }

    // The reservations left by earlier pulls, read once.
    void loadReservations()
    {
        m_reserved.clear();
        sql::Statement st(m_db, "SELECT key, value FROM sync_state WHERE key LIKE 'key:%'");
        while (sqlite3_step(st.handle()) == SQLITE_ROW)
            m_reserved.insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st.handle(), 0))),
                              sqlite3_column_int64(st.handle(), 1));
    }

    // One prepared statement per text, reset for each use.
    sqlite3_stmt *cached(const QString &sql)
    {
        auto &st = m_statements[sql];
        if (!st.isValid() && !st.prepare(m_db, sql.toUtf8(), nullptr))
            return nullptr;
        sqlite3_reset(st.handle());
        sqlite3_clear_bindings(st.handle());
        return st.handle();
    }

    bool findKey(const QString &table, const QString &uuidText, qint64 *key)
    {
        auto &st = m_find[table];
        if (!st.isValid() && !st.prepare(m_db, QStringLiteral("SELECT id FROM %1 WHERE uuid = ?").arg(table).toUtf8(), nullptr))
            return false;
        sqlite3_reset(st.handle());
        const QByteArray blob = storage::uuidColumnValue(uuidText);
        sqlite3_bind_blob(st.handle(), 1, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(st.handle()) != SQLITE_ROW)
            return false;
        *key = sqlite3_column_int64(st.handle(), 0);
        sqlite3_reset(st.handle());
        return true;
    }

    // A key above every row and every reservation of the table.
    qint64 nextKey(const QString &table)
    {
        auto it = m_max.find(table);
        if (it == m_max.end()) {
            sql::Statement st(m_db, QStringLiteral("SELECT coalesce(max(id), 0) FROM %1").arg(table).toStdString());
            qint64 max = sqlite3_step(st.handle()) == SQLITE_ROW ? sqlite3_column_int64(st.handle(), 0) : 0;
            max = std::max(max, stateValue(m_db, QStringLiteral("keymax:%1").arg(table)).toLongLong());
            it = m_max.insert(table, max);
        }
        ++it.value();
        return it.value();
    }

    // The maxima are kept with the page that used them (keys reserved above every row).
    bool flushMaxima()
    {
        for (auto it = m_max.cbegin(); it != m_max.cend(); ++it)
            if (!setState(m_db, QStringLiteral("keymax:%1").arg(it.key()), QString::number(it.value())))
                return false;
        m_max.clear();
        return true;
    }

private:
    sqlite3 *m_db;
    std::map<QString, sql::Statement> m_find;
    std::map<QString, sql::Statement> m_statements;
    QHash<QString, qint64> m_reserved;
    QHash<QString, qint64> m_max;
};

bool loadTables(PgConnection &server, sqlite3 *db, QList<TableMap> *tables, PgError *error)
{
    PgResult names;
    if (!server.exec(QStringLiteral("SELECT name FROM cockpit.synced_tables ORDER BY position"), {}, &names, error))
        return false;
    for (int i = 0; i < names.rows(); ++i) {
        TableMap t;
        t.name = names.text(i, 0);
        t.position = i;
        QSet<QString> local;
        QHash<QString, QString> refs;
        {
            sql::Statement info(db, QStringLiteral("PRAGMA table_info(%1)").arg(t.name).toStdString());
            while (sqlite3_step(info.handle()) == SQLITE_ROW)
                local.insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(info.handle(), 1))));
            sql::Statement fks(db, QStringLiteral("PRAGMA foreign_key_list(%1)").arg(t.name).toStdString());
            while (sqlite3_step(fks.handle()) == SQLITE_ROW)
                refs.insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(fks.handle(), 3))),
                            QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(fks.handle(), 2))));
        }
        if (local.isEmpty()) {
            error->kind = PgError::Kind::Other;
            error->message = Server::tr("The local file has no table %1: it is older than the server's schema.").arg(t.name);
            return false;
        }
        PgResult cols;
        if (!server.exec(QStringLiteral("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'cockpit' "
                                        "AND table_name = $1 AND column_name NOT IN ('id', 'last_xid', 'deleted') "
                                        "ORDER BY ordinal_position"),
                         {t.name}, &cols, error))
            return false;
        t.hasRowVersion = local.contains(QStringLiteral("row_version"));
        const bool logDeletions = t.name == QLatin1String("log_deletions");
        QStringList select{QStringLiteral("id::text")};
        for (int c = 0; c < cols.rows(); ++c) {
            TableMap::Col col;
            col.name = cols.text(c, 0);
            const QString type = cols.text(c, 1);
            col.local = (logDeletions && col.name == QLatin1String("sets_deleted")) ? QStringLiteral("deleted") : col.name;
            if (!local.contains(col.local))
                continue; // server-only (region_id of a child table …)
            col.integer = type == QLatin1String("bigint") || type == QLatin1String("integer") || type == QLatin1String("boolean");
            col.refTable = refs.value(col.local);
            col.polymorphic = col.name == QLatin1String("org_id") || col.name == QLatin1String("record_id");
            select << (type == QLatin1String("boolean") ? QStringLiteral("%1::int").arg(col.name) : col.name);
            if (col.name == QLatin1String("org_level") || col.name == QLatin1String("record_kind"))
                t.kindCol = int(t.cols.size());
            t.cols << col;
        }
        select << QStringLiteral("deleted::int");
        t.select = select.join(QStringLiteral(", "));
        tables->append(t);
    }
    return true;
}

struct PageEntry
{
    QString table;
    QString id;
    QString xid;
    bool tombstone = false;
};

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
        if (error)
            *error = e;
        return false;
    };
    auto localFail = [&](const QString &what) {
        sqlExec(db, "ROLLBACK");
        server.exec(QStringLiteral("ROLLBACK"), nullptr);
        sqlExec(db, "PRAGMA foreign_keys = ON");
        return fileFail(db, what, error);
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
            sql::Statement o(db, "SELECT count(*) FROM outbox");
            if (sqlite3_step(o.handle()) == SQLITE_ROW)
                held += sqlite3_column_int64(o.handle(), 0);
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
        }
        if (report->epochChanged) {
            // Every synced row is marked; those the new server does not send again are removed
            // at the end of the re-pull (unless an edit of theirs waits in the outbox).
            for (const auto &t : std::as_const(tables))
                if (t.hasRowVersion && !sqlExec(db, QStringLiteral("UPDATE %1 SET row_version = -1 WHERE id NOT IN "
                                                                     "(SELECT row_id FROM outbox WHERE table_name = '%1')")
                                                          .arg(t.name).toUtf8().constData()))
                    return localFail(t.name);
            if (!sqlExec(db, "DELETE FROM sync_state WHERE key LIKE 'key:%' OR key LIKE 'keymax:%'"))
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
    for (;;) {
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
    server.exec(QStringLiteral("COMMIT"), nullptr);

    if (!cancelled) {
        if (!sqlExec(db, "BEGIN IMMEDIATE"))
            return localFail(QStringLiteral("begin"));
        // Drained: everything below the horizon is here. The next pull starts at the horizon.
        cursorXid = horizon;
        cursorId = kNilUuid;
        if (!setState(db, QStringLiteral("cursor_xid"), cursorXid) || !setState(db, QStringLiteral("cursor_id"), cursorId))
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
