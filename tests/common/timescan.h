#pragma once
// Checks of the time columns (storage::timeColumns(), TIMES_V6.md §6): what every v6 file
// must hold, and a digest of every time as ISO text that a migration must not change.
#include "storage/schema.h"

#include <QCryptographicHash>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

namespace fixture {

// The columns of `table` in the file (empty when the table does not exist).
inline QStringList columnsIn(QSqlDatabase db, const QString &table)
{
    QStringList out;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(table)))
        while (q.next())
            out << q.value(0).toString();
    return out;
}

// Every time column declared INTEGER, holding integers or NULL, instants after 1973 and
// before 2100, days (since 1970-01-01) before 2100: a day number written as an instant, or
// the reverse, shows as out of range. One line per problem; empty when there is none.
inline QStringList timeColumnProblems(QSqlDatabase db)
{
    QStringList problems;
    for (const cockpit::storage::TimeColumn &c : cockpit::storage::timeColumns()) {
        const QString table = QLatin1String(c.table), column = QLatin1String(c.column);
        QSqlQuery type(db);
        if (!type.exec(QStringLiteral("SELECT type FROM pragma_table_info('%1') WHERE name = '%2'").arg(table, column))
            || !type.next()) {
            problems << QStringLiteral("%1.%2: missing").arg(table, column);
            continue;
        }
        if (type.value(0).toString() != QLatin1String("INTEGER"))
            problems << QStringLiteral("%1.%2: declared %3").arg(table, column, type.value(0).toString());
        const QString range = c.day ? QStringLiteral("%1 NOT BETWEEN -25000 AND 47482").arg(column)
                                    : QStringLiteral("%1 NOT BETWEEN 100000000 AND 4102444800").arg(column);
        QSqlQuery bad(db);
        if (!bad.exec(QStringLiteral("SELECT COUNT(*), MIN(quote(%2)) FROM %1 WHERE %2 IS NOT NULL"
                                     " AND (typeof(%2) <> 'integer' OR %3)")
                          .arg(table, column, range))
            || !bad.next())
            problems << QStringLiteral("%1.%2: cannot scan").arg(table, column);
        else if (bad.value(0).toLongLong() > 0)
            problems << QStringLiteral("%1.%2: %3 bad values, e.g. %4")
                            .arg(table, column, bad.value(0).toString(), bad.value(1).toString());
    }
    return problems;
}

// "table.column" → SHA-256 of the column's values as ISO text (instants) or dates (days),
// in rowid order, for every time column the file has: equal before and after a migration
// that kept every time. Works on text (schema v1-v5) and integer (v6) files alike.
inline QMap<QString, QByteArray> timeDigests(QSqlDatabase db)
{
    QMap<QString, QByteArray> out;
    for (const cockpit::storage::TimeColumn &c : cockpit::storage::timeColumns()) {
        const QString table = QLatin1String(c.table), column = QLatin1String(c.column);
        if (!columnsIn(db, table).contains(column))
            continue;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        const QString expr = c.day ? QStringLiteral("substr(cockpit_date(%1), 1, 10)").arg(column)
                                   : QStringLiteral("cockpit_iso(%1)").arg(column);
        // '' in an old file is "no time", as NULL is (the migration makes it NULL).
        if (!q.exec(QStringLiteral("SELECT NULLIF(%1, '') FROM %2 ORDER BY rowid").arg(expr, table)))
            continue;
        QCryptographicHash h(QCryptographicHash::Sha256);
        while (q.next())
            h.addData(q.value(0).isNull() ? QByteArray("<null>|") : q.value(0).toString().toUtf8() + '|');
        out.insert(table + QLatin1Char('.') + column, h.result().toHex().left(16));
    }
    return out;
}

} // namespace fixture
