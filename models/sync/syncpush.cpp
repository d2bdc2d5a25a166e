#include "sync/syncpush.h"
#include "sync/pushops.h"

#include "storage/sqlitestatement.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

#include <sqlite3.h>

// The local `conflicts` table, as the Conflicts screen reads it (one row per conflict):
//   id          a new uuid (text)
//   table_name  the local table; row_id the local integer key (as outbox.row_id)
//   base        {"kind": "update" | "deleted_on_server" | "refused", "uuid": "<the row's uuid>",
//                "op": "insert" | "update" | "delete" (the outbox entry's),
//                "row_version": <my base>, "server_row_version": <the server's, or 0>,
//                "error": "<the server's message, translated; refused only>"}
//   mine        {column: my value}: the columns in conflict (update), or every column the
//               entry pushed (deleted_on_server, refused)
//   theirs      {column: the server's value} for the same columns (update); {} otherwise
//   created_at  UTC epoch seconds (an INTEGER, as every time in the file since schema v6);
//               resolved_at NULL until resolved
// Values are LOCAL column values (references as local integer keys, money in cents), so a
// resolution writes them straight into the local row. The local row itself already holds the
// server's values for the columns in conflict (and deleted = 1 for deleted_on_server).

namespace cockpit::sync {

namespace {

using push::Entry;
using push::Op;
using push::Outcome;

bool fileFail(sqlite3 *db, const QString &what, PgError *error)
{
    if (error) {
        error->kind = PgError::Kind::Other;
        error->message = Server::tr("Recording the pushed edits in the local file failed (%1): %2")
                             .arg(what, QString::fromUtf8(sqlite3_errmsg(db)));
    }
    return false;
}

// A statement error that is the operation's own (a policy, a privilege, a constraint, bad
// data): the operation is refused and the push goes on. Anything else (the connection, a
// deadlock, a schema this build does not know) stops the push; the entries stay queued.
// Operations per statement: 64 claims and writes in one round trip (1 000 edits: 2.4 s one
// statement each on a loaded 2-core machine, see bench_syncpush).
constexpr int kChunk = 64;

bool isRefusal(const PgError &e)
{
    const QString &s = e.sqlState;
    return s == QLatin1String("42501") || s.startsWith(QLatin1String("23")) || s.startsWith(QLatin1String("22"))
           || s == QLatin1String("P0001");
}

bool readEntries(sqlite3 *db, int limit, QList<Entry> *entries)
{
    sql::Statement st(db, "SELECT seq, op_id, table_name, row_id, op, fields, base_row_version FROM outbox ORDER BY seq LIMIT ?");
    if (!st.isValid())
        return false;
    st.bind(1, limit);
    while (st.next())
        entries->append({st.int64(0), st.text(1), st.text(2), st.text(4), st.int64(3),
                         QByteArray(st.cstr(5) ? st.cstr(5) : "", st.bytes(5)), st.int64(6)});
    return !st.hasError();
}

// The columns an entry pushes (indexes into the table's columns).
QList<int> entryColumns(const push::Table &t, const Entry &e)
{
    QList<int> cols;
    const QJsonObject fields = QJsonDocument::fromJson(e.fields).object();
    if (e.op == QLatin1String("insert") || fields.isEmpty()) {
        for (int i = 0; i < t.cols.size(); ++i)
            cols << i;
        return cols;
    }
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (const int i = t.byLocal.value(it.key(), -1); i >= 0)
            cols << i;
    std::sort(cols.begin(), cols.end());
    return cols;
}

bool recordLocally(sqlite3 *db, push::Keys &keys, const Op &op, const Outcome &out)
{
    if (!out.conflict.isEmpty()) {
        sql::Statement st(db, "INSERT OR IGNORE INTO conflicts (id, table_name, row_id, base, mine, theirs, created_at, resolved_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, NULL)");
        auto json = [&](const char *key) {
            return QString::fromUtf8(QJsonDocument(out.conflict.value(QLatin1String(key)).toObject()).toJson(QJsonDocument::Compact));
        };
        st.bind(1, out.conflict.value(QStringLiteral("id")).toString());
        st.bind(2, op.entry.table);
        st.bind(3, op.entry.key);
        st.bind(4, json("base"));
        st.bind(5, json("mine"));
        st.bind(6, json("theirs"));
        st.bind(7, QDateTime::currentSecsSinceEpoch());
        if (!st.run())
            return false;
    }
    if (op.table && (!out.writeBack.isEmpty() || out.rowVersion > 0))
        return keys.writeLocal(*op.table, op.entry.key, out.writeBack, out.rowVersion);
    return true;
}

} // namespace

QString syncClientId(sqlite3 *db)
{
    sql::Statement insert(db, "INSERT OR IGNORE INTO sync_state (key, value) VALUES ('client_id', ?)");
    insert.bind(1, QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!insert.run())
        return {};
    sql::Statement st(db, "SELECT value FROM sync_state WHERE key = 'client_id'");
    return st.next() ? st.text(0) : QString();
}

bool pushToServer(PgConnection &server, sqlite3 *db, const PushOptions &options, PushReport *report, PgError *error)
{
    QElapsedTimer timer;
    timer.start();
    *report = {};
    const QString client = syncClientId(db);
    if (client.isEmpty())
        return fileFail(db, QStringLiteral("client_id"), error);
    QHash<QString, push::Table> tables;
    PgError e;
    auto serverFail = [&]() {
        server.exec(QStringLiteral("ROLLBACK"), nullptr);
        if (error)
            *error = e;
        return false;
    };
    if (!push::loadTables(server, db, &tables, &e))
        return serverFail();
    push::Keys keys(db);
    push::OpRunner runner(server, keys, client);
    // The row_version each row has after this run's pushes: a later entry of the same row
    // (written with the same base) continues from it instead of meeting its own change.
    QHash<QPair<QString, qint64>, qint64> versions;

    for (;;) {
        QList<Entry> entries;
        if (!readEntries(db, std::max(1, options.batchSize), &entries))
            return fileFail(db, QStringLiteral("outbox"), error);
        if (entries.isEmpty()) {
            report->complete = true;
            break;
        }
        QList<Op> ops;
        for (const Entry &entry : std::as_const(entries)) {
            Op op;
            op.entry = entry;
            const auto t = tables.constFind(entry.table);
            if (t != tables.constEnd() && keys.readRow(*t, entry.key, &op.row)) {
                op.table = &t.value();
                op.cols = entryColumns(*t, entry);
                op.base = versions.value({entry.table, entry.key}, entry.base);
            }
            ops << op;
        }
        // One server transaction for the batch. An operation the server refuses aborts it: the
        // batch is run again with a savepoint around each operation, the refused ones rolled
        // back alone (and references checked at each statement, not at the commit).
        QList<Outcome> outcomes;
        QHash<QPair<QString, qint64>, qint64> batchVersions;
        for (bool careful : {false, true}) {
            outcomes = QList<Outcome>(ops.size()); // Nothing until run
            batchVersions = versions;
            bool refusedOne = false;
            if (!server.exec(QStringLiteral("BEGIN"), &e)
                || !server.exec(QStringLiteral("SELECT set_config('cockpit.client_id', $1, true)"), {client}, nullptr, &e)
                || (careful && !server.exec(QStringLiteral("SET CONSTRAINTS ALL IMMEDIATE"), &e)))
                return serverFail();
            int i = 0;
            while (i < ops.size() && !refusedOne) {
                // The next chunk: operations on distinct rows (one alone when careful).
                // Inserts of one table only: a child's region and parent checks (triggers) do
                // not see a parent the same statement inserts.
                QList<int> chunk;
                QSet<QPair<QString, qint64>> rows;
                QString inserting;
                for (; i < ops.size() && chunk.size() < (careful ? 1 : kChunk); ++i) {
                    Op &op = ops[i];
                    if (!op.table || (op.cols.isEmpty() && op.entry.op != QLatin1String("delete")))
                        continue; // gone, or a table the server does not keep: nothing to push
                    const QPair<QString, qint64> row{op.entry.table, op.entry.key};
                    if (rows.contains(row))
                        break;
                    if (op.entry.op == QLatin1String("insert")) {
                        if (!inserting.isEmpty() && inserting != op.entry.table)
                            break;
                        inserting = op.entry.table;
                    }
                    rows.insert(row);
                    op.base = batchVersions.value(row, op.entry.base);
                    chunk << i;
                }
                if (chunk.isEmpty())
                    continue;
                QList<Op *> chunkOps;
                for (const int c : std::as_const(chunk))
                    chunkOps << &ops[c];
                if (careful && !server.exec(QStringLiteral("SAVEPOINT op"), &e))
                    return serverFail();
                QList<Outcome> outs;
                if (!runner.run(chunkOps, &outs, &e)) {
                    if (!isRefusal(e))
                        return serverFail();
                    if (!careful) {
                        refusedOne = true;
                        break;
                    }
                    const PgError refusal = e;
                    if (!server.exec(QStringLiteral("ROLLBACK TO SAVEPOINT op"), &e))
                        return serverFail();
                    outs = {Outcome()};
                    runner.refused(*chunkOps.first(), refusal, &outs.first());
                } else if (careful && !server.exec(QStringLiteral("RELEASE SAVEPOINT op"), &e)) {
                    return serverFail();
                }
                for (int j = 0; j < chunk.size(); ++j) {
                    const Outcome &out = outs.at(j);
                    if (out.rowVersion > 0 && (out.kind == Outcome::Kind::Pushed || out.kind == Outcome::Kind::Merged))
                        batchVersions.insert({ops.at(chunk.at(j)).entry.table, ops.at(chunk.at(j)).entry.key}, out.rowVersion);
                    outcomes[chunk.at(j)] = out;
                }
            }
            if (!refusedOne) {
                if (server.exec(QStringLiteral("COMMIT"), &e))
                    break;
                // A deferred reference refused at the commit: the careful run finds which.
                if (careful || !isRefusal(e))
                    return serverFail();
            }
            server.exec(QStringLiteral("ROLLBACK"), nullptr);
        }
        versions = batchVersions;
        // Acknowledged: out of the outbox, with the conflicts and the server's values, in one
        // SQLite transaction (references may name rows reserved but not pulled yet).
        sqlite3_exec(db, "PRAGMA foreign_keys = OFF", nullptr, nullptr, nullptr);
        auto localFail = [&](const QString &what) {
            const bool failed = fileFail(db, what, error);
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
            return failed;
        };
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
            return localFail(QStringLiteral("begin"));
        sql::Statement done(db, "DELETE FROM outbox WHERE seq = ?");
        for (int i = 0; i < ops.size(); ++i) {
            const Outcome &out = outcomes.at(i);
            if (!recordLocally(db, keys, ops.at(i), out))
                return localFail(ops.at(i).entry.table);
            done.bind(1, ops.at(i).entry.seq);
            if (!done.run())
                return localFail(QStringLiteral("outbox"));
            switch (out.kind) {
            case Outcome::Kind::Pushed: ++report->pushed; break;
            case Outcome::Kind::Merged: ++report->merged; break;
            case Outcome::Kind::Conflict: ++report->conflicts; break;
            case Outcome::Kind::Refused: ++report->refused; break;
            case Outcome::Kind::Already: ++report->alreadyApplied; break;
            case Outcome::Kind::Nothing: ++report->nothingToPush; break;
            }
        }
        if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
            return localFail(QStringLiteral("commit"));
        sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
        ++report->batches;
        if (options.progress && !options.progress(report->total()))
            break;
    }
    report->elapsedMs = timer.elapsed();
    return true;
}

} // namespace cockpit::sync
