#include "storage/keys.h"

#include "storage/database.h"
#include "storage/schema.h"
#include "storage/sqlitestatement.h"
#include "domain/times.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <sqlite3.h>

#include <cstring>
#include <functional>

Q_LOGGING_CATEGORY(lcKeys, "cockpit.storage.keys")

namespace cockpit::storage {

namespace {

bool exec(sqlite3 *db, const QByteArray &sql, QString *error)
{
    char *err = nullptr;
    if (sqlite3_exec(db, sql.constData(), nullptr, nullptr, &err) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(err ? err : sqlite3_errmsg(db)) + QStringLiteral(" in: ")
                     + QString::fromUtf8(sql.left(160));
        sqlite3_free(err);
        return false;
    }
    return true;
}

QByteArray quoted(const QString &name) { return '"' + name.toUtf8() + '"'; }

QByteArray oldName(const QString &table) { return quoted(table + QStringLiteral("__v4")); }

// The old rowid of the row of `target` whose text id is `expr` (the new key).
QByteArray mapped(const QString &target, const QByteArray &expr)
{
    return "(SELECT rowid FROM " + oldName(target) + " WHERE id = " + expr + ")";
}

// References whose target table a column of the row names (alerts' subjects, targets' and
// forecasts' org units, the outbox's and conflicts' rows).
QByteArray polymorphic(const QString &table, const QString &column)
{
    if (table == QLatin1String("alerts") && column == QLatin1String("subject_id"))
        return "COALESCE(CASE o.subject_kind WHEN 'lead' THEN " + mapped(QStringLiteral("leads"), "o.subject_id")
               + " WHEN 'user' THEN " + mapped(QStringLiteral("users"), "o.subject_id")
               + " WHEN 'customer' THEN " + mapped(QStringLiteral("customers"), "o.subject_id")
               + " WHEN 'store' THEN " + mapped(QStringLiteral("stores"), "o.subject_id") + " END, 0)";
    if ((table == QLatin1String("targets") || table == QLatin1String("forecast_snapshots"))
        && column == QLatin1String("org_id"))
        return "CASE o.org_level WHEN 'region' THEN " + mapped(QStringLiteral("regions"), "o.org_id")
               + " WHEN 'city' THEN " + mapped(QStringLiteral("cities"), "o.org_id")
               + " WHEN 'team' THEN " + mapped(QStringLiteral("teams"), "o.org_id")
               + " WHEN 'rep' THEN " + mapped(QStringLiteral("users"), "o.org_id") + " END";
    if ((table == QLatin1String("outbox") || table == QLatin1String("conflicts"))
        && column == QLatin1String("row_id")) {
        QByteArray sql = "COALESCE(CASE o.table_name";
        for (const QString &t : syncedTables(5))
            sql += " WHEN '" + t.toUtf8() + "' THEN " + mapped(t, "o.row_id");
        return sql + " END, 0)";
    }
    if (table == QLatin1String("deliveries") && column == QLatin1String("alert_id"))
        return "COALESCE(" + mapped(QStringLiteral("alerts"), "o.alert_id") + ", 0)";
    return {};
}

struct Column
{
    QString name;
    QString type;
};

QList<Column> columnsOf(sqlite3 *db, const QByteArray &table)
{
    QList<Column> out;
    sql::Statement st(db, std::string_view("PRAGMA table_info(" + table.toStdString() + ")"));
    while (st.next())
        out.append({st.text(1), st.text(2)});
    return out;
}

QHash<QString, QString> foreignKeysOf(sqlite3 *db, const QString &table)
{
    QHash<QString, QString> out;
    sql::Statement st(db, std::string_view("PRAGMA foreign_key_list(" + quoted(table).toStdString() + ")"));
    while (st.next())
        out.insert(st.text(3), st.text(2)); // from column → target table
    return out;
}

qint64 count(sqlite3 *db, const QByteArray &table)
{
    sql::Statement st(db, std::string_view("SELECT count(*) FROM " + table.toStdString()));
    return st.next() ? st.int64(0) : -1;
}

// How a rebuild fills one column of a new table: the SELECT expression over the old row
// (alias `o`), empty to leave the column to its default; false (with *error set) when the
// column cannot be filled.
using ColumnExpr = std::function<bool(const QString &table, const Column &column,
                                      const QHash<QString, QString> &oldTypes, QByteArray *expr,
                                      QString *error)>;

// Copies one table (renamed to table + suffix) into its new shape.
bool copyTable(sqlite3 *db, const QString &table, const QByteArray &old, const ColumnExpr &columnExpr,
               const char *what, QString *error)
{
    const QList<Column> newColumns = columnsOf(db, quoted(table));
    QHash<QString, QString> oldTypes;
    for (const Column &c : columnsOf(db, old))
        oldTypes.insert(c.name, c.type);
    QByteArrayList into, from;
    for (const Column &c : newColumns) {
        QByteArray expr;
        if (!columnExpr(table, c, oldTypes, &expr, error))
            return false;
        if (expr.isEmpty())
            continue; // takes its default
        into << quoted(c.name);
        from << expr;
    }
    const QByteArray sql = "INSERT INTO " + quoted(table) + " (" + into.join(", ") + ") SELECT "
                           + from.join(", ") + " FROM " + old + " AS o ORDER BY o.rowid";
    if (!exec(db, sql, error)) {
        if (error)
            *error = QStringLiteral("%1: %2: %3").arg(QLatin1String(what), table, *error);
        return false;
    }
    const qint64 before = count(db, old), after = count(db, quoted(table));
    if (before != after) {
        if (error)
            *error = QStringLiteral("%1: %2 has %3 rows, had %4").arg(QLatin1String(what), table).arg(after).arg(before);
        return false;
    }
    return true;
}

// Schema v5's columns from a v4 row: the old rowid as key, the text id as uuid, references
// mapped through the old text ids.
bool integerKeyColumn(const QString &table, const Column &c, const QHash<QString, QString> &oldTypes,
                      const QHash<QString, QString> &fks, bool hasUuid, QByteArray *expr, QString *error)
{
    const bool wasText = oldTypes.value(c.name) == QLatin1String("TEXT");
    if (c.name == QLatin1String("id") && hasUuid)
        *expr = "o.rowid";
    else if (c.name == QLatin1String("uuid"))
        *expr = "cockpit_uuid(o.id)";
    else if (!oldTypes.contains(c.name))
        expr->clear();
    else if (wasText && c.type == QLatin1String("INTEGER")) {
        *expr = polymorphic(table, c.name);
        if (expr->isEmpty() && fks.contains(c.name))
            *expr = mapped(fks.value(c.name), "o." + quoted(c.name));
        if (expr->isEmpty()) {
            if (error)
                *error = QStringLiteral("schema v5: no mapping for %1.%2").arg(table, c.name);
            return false;
        }
    } else {
        *expr = "o." + quoted(c.name);
    }
    return true;
}

// Ids written inside text: alert dedupe keys ("rule|<lead>|<episode>"), alert recipients
// ("<user>|<user>") and the current user. Each UUID token becomes the key of the row it
// names (UUIDs are unique across tables); any other token stays.
class TokenMapper
{
public:
    explicit TokenMapper(sqlite3 *db) : m_db(db)
    {
        for (const QString &t : syncedTables(5))
            m_lookups.emplace_back(db, std::string_view("SELECT id FROM " + quoted(t).toStdString()
                                                        + " WHERE uuid = cockpit_uuid(?)"));
    }
    QString map(const QString &text)
    {
        QStringList parts = text.split(QLatin1Char('|'));
        for (QString &p : parts) {
            if (p.size() != 36)
                continue;
            auto it = m_cache.constFind(p);
            if (it == m_cache.cend()) {
                QString key = p;
                for (sql::Statement &st : m_lookups) {
                    st.reset();
                    st.bind(1, p);
                    if (st.next()) {
                        key = QString::number(st.int64(0));
                        break;
                    }
                }
                it = m_cache.insert(p, key);
            }
            p = *it;
        }
        return parts.join(QLatin1Char('|'));
    }

private:
    sqlite3 *m_db;
    std::vector<sql::Statement> m_lookups;
    QHash<QString, QString> m_cache;
};

bool mapTokens(sqlite3 *db, QString *error)
{
    TokenMapper mapper(db);
    sql::Statement read(db, std::string_view("SELECT id, dedupe_key, recipients FROM alerts"
                                             " WHERE dedupe_key <> '' OR recipients <> ''"));
    sql::Statement write(db, std::string_view("UPDATE alerts SET dedupe_key = ?, recipients = ? WHERE id = ?"));
    struct Row { qint64 id; QString key, recipients; };
    std::vector<Row> rows;
    while (read.next())
        rows.push_back({read.int64(0), read.text(1), read.text(2)});
    for (const Row &r : rows) {
        write.reset();
        write.bind(1, mapper.map(r.key));
        write.bind(2, mapper.map(r.recipients));
        write.bind(3, r.id);
        if (!write.run()) {
            if (error)
                *error = write.error();
            return false;
        }
    }
    sql::Statement user(db, std::string_view("SELECT value FROM settings WHERE key = 'current_user_id'"));
    if (user.next()) {
        const QString mappedUser = mapper.map(user.text(0));
        sql::Statement set(db, std::string_view("UPDATE settings SET value = ? WHERE key = 'current_user_id'"));
        set.bind(1, mappedUser);
        if (!set.run()) {
            if (error)
                *error = set.error();
            return false;
        }
    }
    return true;
}

} // namespace

QString keyForUuid(const QSqlDatabase &db, const QString &table, const QString &uuid)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM %1 WHERE uuid = ?").arg(table));
    q.addBindValue(uuidColumnValue(uuid));
    if (q.exec() && q.next())
        return q.value(0).toString();
    // A value kept as text (a migrated non-UUID id) is stored as text, not as a blob.
    q.prepare(QStringLiteral("SELECT id FROM %1 WHERE uuid = ?").arg(table));
    q.addBindValue(uuid);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QString uuidForKey(const QSqlDatabase &db, const QString &table, const QString &key)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT uuid FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(key);
    return q.exec() && q.next() ? uuidText(q.value(0).toByteArray()) : QString();
}

QHash<QString, QString> uuidsForKeys(const QSqlDatabase &db, const QString &table, const QStringList &keys)
{
    QHash<QString, QString> out;
    QStringList unique = keys;
    unique.removeAll(QString());
    unique.removeDuplicates();
    for (qsizetype from = 0; from < unique.size(); from += 500) {
        const QStringList part = unique.mid(from, 500);
        QStringList marks;
        marks.fill(QStringLiteral("?"), part.size());
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id, uuid FROM %1 WHERE id IN (%2)").arg(table, marks.join(u',')));
        for (const QString &k : part)
            q.addBindValue(k.toLongLong());
        if (!q.exec())
            continue;
        while (q.next())
            out.insert(q.value(0).toString(), uuidText(q.value(1).toByteArray()));
    }
    return out;
}

QString keyForUuid(const Database &db, const QString &table, const QString &uuid)
{
    return keyForUuid(db.connection(), table, uuid);
}

QString uuidForKey(const Database &db, const QString &table, const QString &key)
{
    return uuidForKey(db.connection(), table, key);
}

QHash<QString, QString> uuidsForKeys(const Database &db, const QString &table, const QStringList &keys)
{
    return uuidsForKeys(db.connection(), table, keys);
}

namespace {
// Every table rebuilt into `newTables` in the caller's transaction (foreign keys off): each
// table T renamed T<suffix>, the old indexes dropped (the caller builds the new ones), the new
// tables created and filled through `columnExpr`, AUTOINCREMENT counters carried over, the
// old tables dropped.
bool rebuildTables(sqlite3 *db, const QStringList &newTables, const QString &suffix,
                   const ColumnExpr &columnExpr, const char *what, QString *error)
{
    QStringList oldTables;
    {
        sql::Statement st(db, std::string_view("SELECT name FROM sqlite_master WHERE type = 'table'"
                                               " AND name NOT LIKE 'sqlite_%' ORDER BY name"));
        while (st.next())
            oldTables << st.text(0);
    }
    // Renaming must not rewrite the other tables' REFERENCES clauses: they name the new
    // tables, created under the old names below.
    if (!exec(db, "PRAGMA legacy_alter_table = ON", error))
        return false;
    for (const QString &t : oldTables) {
        if (!exec(db, "ALTER TABLE " + quoted(t) + " RENAME TO " + quoted(t + suffix), error))
            return false;
    }
    // The old tables' indexes keep their names; drop them so the new ones can be created.
    {
        QByteArrayList drops;
        sql::Statement st(db, std::string_view("SELECT name FROM sqlite_master WHERE type = 'index'"
                                               " AND sql IS NOT NULL"));
        while (st.next())
            drops << "DROP INDEX " + quoted(st.text(0));
        for (const QByteArray &d : drops)
            if (!exec(db, d, error))
                return false;
    }
    if (!exec(db, "PRAGMA legacy_alter_table = OFF", error))
        return false;
    for (const QString &sql : newTables)
        if (!exec(db, sql.toUtf8(), error))
            return false;
    for (const QString &t : oldTables) {
        if (!copyTable(db, t, quoted(t + suffix), columnExpr, what, error))
            return false;
    }
    // AUTOINCREMENT counters go on from where they were.
    for (const QString &t : oldTables) {
        const QByteArray name = t.toUtf8(), old = (t + suffix).toUtf8();
        if (!exec(db, "DELETE FROM sqlite_sequence WHERE name = '" + name + "' AND EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '" + old + "')", error)
            || !exec(db, "INSERT INTO sqlite_sequence (name, seq) SELECT '" + name + "', seq FROM sqlite_sequence WHERE name = '" + old + "'", error))
            return false;
    }
    for (const QString &t : oldTables)
        if (!exec(db, "DROP TABLE " + quoted(t + suffix), error))
            return false;
    return true;
}
} // namespace

bool rebuildWithIntegerKeys(sqlite3 *db, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    if (!registerKeyFunctions(db)) {
        if (error)
            *error = QStringLiteral("schema v5: cannot register the key functions");
        return false;
    }
    QString current; // the table whose foreign keys are below
    QHash<QString, QString> fks;
    bool hasUuid = false;
    const ColumnExpr columns = [&](const QString &table, const Column &c, const QHash<QString, QString> &oldTypes,
                                   QByteArray *expr, QString *error) {
        if (table != current) {
            current = table;
            fks = foreignKeysOf(db, table);
            hasUuid = false;
            for (const Column &n : columnsOf(db, quoted(table)))
                hasUuid = hasUuid || n.name == QLatin1String("uuid");
        }
        return integerKeyColumn(table, c, oldTypes, fks, hasUuid, expr, error);
    };
    if (!rebuildTables(db, schemaV5Tables(), QStringLiteral("__v4"), columns, "schema v5", error)
        || !mapTokens(db, error))
        return false;
    qCInfo(lcKeys) << "rebuilt the tables with integer keys in" << timer.elapsed() << "ms";
    return true;
}

bool rebuildWithIntegerTimes(sqlite3 *db, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    if (!registerKeyFunctions(db)) {
        if (error)
            *error = QStringLiteral("schema v6: cannot register the time functions");
        return false;
    }
    QHash<QString, bool> timeKinds; // "table.column" -> a calendar day
    for (const TimeColumn &t : timeColumns())
        timeKinds.insert(QLatin1String(t.table) + QLatin1Char('.') + QLatin1String(t.column), t.day);
    const ColumnExpr columns = [&timeKinds](const QString &table, const Column &c,
                                            const QHash<QString, QString> &oldTypes, QByteArray *expr,
                                            QString *) {
        if (!oldTypes.contains(c.name)) {
            expr->clear();
            return true;
        }
        const auto kind = timeKinds.constFind(table + QLatin1Char('.') + c.name);
        if (kind == timeKinds.cend())
            *expr = "o." + quoted(c.name);
        else // '' and NULL become NULL; text that is no time fails the statement, naming it
            *expr = (*kind ? "cockpit_day(o." : "cockpit_secs(o.") + quoted(c.name) + ")";
        return true;
    };
    if (!rebuildTables(db, schemaV6Tables(), QStringLiteral("__v5"), columns, "schema v6", error)) {
        // Name the value that stopped it (the old tables are still there until the caller
        // rolls back).
        for (const TimeColumn &t : timeColumns()) {
            const QByteArray old = quoted(QLatin1String(t.table) + QStringLiteral("__v5"));
            sql::Statement st(db, std::string_view("SELECT rowid, " + std::string(t.column) + " FROM " + old.toStdString()
                                                   + " WHERE typeof(" + t.column + ") = 'text' AND " + t.column + " <> ''"));
            while (st.isValid() && st.next()) {
                const QString text = st.text(1);
                qint64 secs = 0;
                if (times::parseIso(t.day ? QStringView(text).left(10) : QStringView(text), &secs))
                    continue;
                if (error)
                    *error = QStringLiteral("schema v6: %1.%2 of row %3 holds \"%4\", which is not a %5 (ISO 8601)")
                                 .arg(QLatin1String(t.table), QLatin1String(t.column))
                                 .arg(st.int64(0))
                                 .arg(text.left(60), t.day ? QStringLiteral("date") : QStringLiteral("time"));
                return false;
            }
        }
        return false;
    }
    qCInfo(lcKeys) << "rebuilt the tables with integer times in" << timer.elapsed() << "ms";
    return true;
}

} // namespace cockpit::storage
