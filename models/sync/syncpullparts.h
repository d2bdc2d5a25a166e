#pragma once
// The pull's parts shared by the paged pull (syncpull.cpp) and the first pull by COPY
// (syncfirstpull.cpp): the sync_state helpers, the table map, the local key applier.
// Internal to models/sync.
#include "sync/pgconnection.h"
#include "sync/syncpull.h"

#include "storage/sqlitestatement.h"
#include "storage/uuidcolumn.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <sqlite3.h>

#include <map>

namespace cockpit::sync::pull {

inline const QString kNilUuid = QStringLiteral("00000000-0000-0000-0000-000000000000");

bool fileFail(sqlite3 *db, const QString &what, PgError *error);
bool sqlExec(sqlite3 *db, const char *sql);
QString stateValue(sqlite3 *db, const QString &key);
bool setState(sqlite3 *db, const QString &key, const QString &value);

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
        return reserveKey(table, uuidText, key);
    }

    // The keys reserved in one table, by the row's uuid text (36 characters).
    using Reservations = QHash<QByteArray, qint64>;
    // The table's reservations, kept at one address until loadReservations() (a first pull
    // asks once per table, then per row whether the table has any: else an arriving row
    // takes the next key).
    const Reservations *reservations(const QString &table) { return &m_reserved[table]; }

    // The key reserved for a row that arrives now (and the reservation dropped), or 0.
    qint64 takeReserved(const QString &table, QByteArrayView uuidText)
    {
        const auto byTable = m_reserved.find(table);
        if (byTable == m_reserved.end())
            return 0;
        // A view of the caller's bytes: nothing is copied to ask.
        const auto it = byTable->second.find(QByteArray::fromRawData(uuidText.data(), uuidText.size()));
        if (it == byTable->second.end())
            return 0;
        const qint64 key = it.value();
        byTable->second.erase(it);
        sql::Statement clear(m_db, "DELETE FROM sync_state WHERE key = ?");
        clear.bind(1, stateName(table, uuidText));
        if (sqlite3_step(clear.handle()) != SQLITE_DONE)
            return -1;
        return key;
    }
    qint64 takeReserved(const QString &table, const QString &uuidText)
    {
        const QByteArray text = uuidText.toLatin1();
        return takeReserved(table, QByteArrayView(text));
    }

    // A key for a row not here yet (the first pull's rows arrive parents first, so this is a
    // row the login cannot see, or a later row of the same table): reserved once.
    bool reserveKey(const QString &table, const QString &uuidText, qint64 *key)
    {
        Reservations &reserved = m_reserved[table];
        const QByteArray text = uuidText.toLatin1();
        const auto it = reserved.constFind(text);
        if (it != reserved.constEnd()) {
            *key = it.value();
            return true;
        }
        *key = nextKey(table);
        reserved.insert(text, *key);
        return setState(m_db, stateName(table, text), QString::number(*key));
    }

    // The reservations left by earlier pulls, read once.
    void loadReservations()
    {
        m_reserved.clear();
        sql::Statement st(m_db, "SELECT key, value FROM sync_state WHERE key LIKE 'key:%'");
        while (sqlite3_step(st.handle()) == SQLITE_ROW) {
            const QString name = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st.handle(), 0)));
            m_reserved[name.section(QLatin1Char(':'), 1, 1)].insert(name.section(QLatin1Char(':'), 2).toLatin1(),
                                                                    sqlite3_column_int64(st.handle(), 1));
        }
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
    // A reservation's sync_state key: "key:TABLE:UUID".
    static QString stateName(const QString &table, QByteArrayView uuidText)
    {
        return QStringLiteral("key:%1:%2").arg(table, QLatin1String(uuidText.data(), uuidText.size()));
    }

    std::map<QString, Reservations> m_reserved; // std::map: reservations() stays valid
    QHash<QString, qint64> m_max;
};

// The synced tables in reference order (parents first), with their columns on both sides.
bool loadTables(PgConnection &server, sqlite3 *db, QList<TableMap> *tables, PgError *error);

// The first pull of a new file by COPY (syncfirstpull.cpp): state key "first_pull" set.
bool firstPullPending(sqlite3 *db);
// Marks a new file for the first pull by COPY at `horizon` and sets the tables' secondary
// indexes aside until it ends (inside the caller's transaction).
bool startFirstPull(sqlite3 *db, const QList<TableMap> &tables, const QString &horizon);
// Ends a first pull (done, or overtaken by a new server epoch): its state cleared, the
// indexes it set aside built again.
bool abandonFirstPull(sqlite3 *db);
// Copies every table's rows below the first pull's horizon from the current snapshot, parents
// first, in batches each committed with its resume point; at the end the cursor is that
// horizon. `cancelled` when options.progress said stop; false with `error` on a failure.
bool copyFirstPull(PgConnection &server, sqlite3 *db, const QList<TableMap> &tables, Applier &keys,
                   const PullOptions &options, PullReport *report, bool *cancelled, PgError *error);

} // namespace cockpit::sync::pull
