// Saving a repaired copy of a damaged file: a table-by-table salvage into a new file that is
// kept only if it passes the integrity check. The damaged file is only read.
#include "storage/database.h"

#include "storage/databaseinternal.h"
#include "storage/exitactions.h"

#include <QSqlDatabase>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <limits>

namespace cockpit::storage {

using detail::pragma;

namespace {
// Copies the rows of `table` that can still be read: forward by rowid until the first
// unreadable page, then backward from the end until the same. Rows in between are lost.
struct Salvaged
{
    qint64 rows = 0;
    bool gap = false;
    bool cancelled = false;
    QString error;
};

Salvaged salvageTable(QSqlDatabase from, QSqlDatabase to, const QString &table, bool hasRowid,
                      const std::function<bool()> &tick)
{
    Salvaged result;
    QStringList columns;
    {
        QSqlQuery info(from);
        if (!info.exec(QStringLiteral("PRAGMA table_info(\"%1\")").arg(table))) {
            result.error = info.lastError().text();
            return result;
        }
        while (info.next())
            columns << QLatin1Char('"') + info.value(1).toString() + QLatin1Char('"');
    }
    if (columns.isEmpty())
        return result;
    const QString list = columns.join(QLatin1Char(','));
    const QString marks = QStringList(columns.size() + (hasRowid ? 1 : 0), QStringLiteral("?")).join(QLatin1Char(','));
    QSqlQuery insert(to);
    insert.prepare(QStringLiteral("INSERT OR IGNORE INTO \"%1\" (%2%3) VALUES (%4)")
                       .arg(table, hasRowid ? QStringLiteral("rowid,") : QString(), list, marks));
    auto copy = [&](const QString &sql, const QVariant &bound, qint64 *last) {
        QSqlQuery q(from);
        q.setForwardOnly(true);
        q.prepare(sql);
        if (bound.isValid())
            q.addBindValue(bound);
        if (!q.exec())
            return false;
        while (q.next()) {
            const int n = q.record().count();
            for (int c = 0; c < n; ++c)
                insert.addBindValue(q.value(c));
            if (!insert.exec()) {
                result.error = insert.lastError().text();
                return false;
            }
            ++result.rows;
            if (!tick()) {
                result.cancelled = true;
                return false;
            }
            if (last && hasRowid)
                *last = q.value(0).toLongLong();
        }
        return !q.lastError().isValid();
    };
    const QString select = hasRowid ? QStringLiteral("SELECT rowid, %1 FROM \"%2\"").arg(list, table)
                                    : QStringLiteral("SELECT %1 FROM \"%2\"").arg(list, table);
    qint64 last = std::numeric_limits<qint64>::min();
    if (copy(hasRowid ? select + QStringLiteral(" ORDER BY rowid") : select, {}, &last) || !hasRowid
        || result.cancelled || !result.error.isEmpty())
        return result;
    result.gap = true;
    copy(select + QStringLiteral(" WHERE rowid > ? ORDER BY rowid DESC"), last, nullptr);
    return result;
}
} // namespace

QString Database::saveRepairedCopy(const QString &damaged, const QString &target, QString *report,
                                   const std::function<bool(int)> &progress)
{
    const QString shownTarget = QDir::toNativeSeparators(QFileInfo(target).absoluteFilePath());
    if (const QString problem = readProblem(damaged); !problem.isEmpty())
        return problem;
    if (QFileInfo::exists(target))
        return tr("\"%1\" already exists; choose a new file name.").arg(shownTarget);
    // The copy is built under a temporary name and renamed only once it passed its check,
    // so a half-written copy never looks like a database.
    const QString partial = target + QStringLiteral(".partial");
    auto removePartial = [&partial] {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(partial + suffix);
    };
    removePartial();
    const QString fromName = detail::connectionName("cockpit-salvage-from");
    const QString toName = detail::connectionName("cockpit-salvage-to");
    QString error;
    bool wasCancelled = false;
    QStringList lines;
    {
        QString openError;
        QSqlDatabase from = openConnection(damaged, fromName, Access::ReadOnly, &openError);
        QSqlDatabase to = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), toName);
        to.setDatabaseName(partial);
        if (!openError.isEmpty()) {
            error = openError;
        } else if (!to.open()) {
            error = to.lastError().text();
        } else {
            // The schema as the damaged file wrote it: tables first, then the rows, then the
            // indexes and triggers (so no trigger fires on a copied row).
            QList<QPair<QString, QString>> tables; // name, sql
            QStringList later;
            QSqlQuery schema(from);
            if (!schema.exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                                            "AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table' DESC, rowid"))) {
                error = schema.lastError().text();
            }
            while (error.isEmpty() && schema.next()) {
                if (schema.value(0).toString() == QLatin1String("table"))
                    tables.append({schema.value(1).toString(), schema.value(2).toString()});
                else
                    later << schema.value(2).toString();
            }
            QSqlQuery(to).exec(QStringLiteral("PRAGMA journal_mode = OFF"));
            QSqlQuery(to).exec(QStringLiteral("PRAGMA synchronous = OFF"));
            to.transaction();
            for (const auto &[name, sql] : std::as_const(tables)) {
                QSqlQuery create(to);
                if (error.isEmpty() && !create.exec(sql))
                    error = create.lastError().text();
            }
            // Progress by rows, against the row counts ANALYZE left in sqlite_stat1 (a table it
            // does not know counts as 1 000 rows); the copy is 0–90 %, indexes and check the rest.
            QHash<QString, qint64> estimate;
            {
                QSqlQuery stat(from);
                if (stat.exec(QStringLiteral("SELECT tbl, stat FROM sqlite_stat1")))
                    while (stat.next())
                        estimate[stat.value(0).toString()] = qMax(estimate.value(stat.value(0).toString()),
                                                                  stat.value(1).toString().section(QLatin1Char(' '), 0, 0).toLongLong());
            }
            qint64 expected = 0, copied = 0;
            for (const auto &[name, sql] : std::as_const(tables))
                expected += estimate.value(name, 1000);
            int lastPercent = -1;
            bool cancelled = false;
            auto report_ = [&](int percent) {
                if (percent != lastPercent && progress && !progress(percent))
                    cancelled = true;
                lastPercent = percent;
                return !cancelled;
            };
            const std::function<bool()> tick = [&] {
                ++copied;
                return (copied & 0xFFF) != 0 || report_(int(qMin<qint64>(90, copied * 90 / qMax<qint64>(1, expected))));
            };
            report_(0);
            qint64 lost = 0;
            for (const auto &[name, sql] : std::as_const(tables)) {
                if (!error.isEmpty())
                    break;
                const bool rowid = !sql.contains(QLatin1String("WITHOUT ROWID"), Qt::CaseInsensitive);
                const Salvaged s = salvageTable(from, to, name, rowid, tick);
                if (s.cancelled || cancelled) {
                    wasCancelled = true;
                    error = QStringLiteral("cancelled");
                    break;
                }
                if (!s.error.isEmpty() && s.rows == 0 && !s.gap)
                    error = s.error;
                if (s.gap)
                    ++lost;
                lines << (s.gap ? tr("%1: %2 rows (some rows could not be read)") : tr("%1: %2 rows")).arg(name).arg(s.rows);
            }
            if (error.isEmpty() && !report_(90)) {
                wasCancelled = true;
                error = QStringLiteral("cancelled");
            }
            for (const QString &sql : std::as_const(later)) {
                QSqlQuery create(to);
                if (error.isEmpty() && !create.exec(sql))
                    error = create.lastError().text();
            }
            // The identity the app checks: application_id and schema version.
            const int appId = pragma(from, QStringLiteral("application_id")).toInt();
            const int version = pragma(from, QStringLiteral("user_version")).toInt();
            // Derived data follows the rows that were saved: a lost activity changes the
            // exit actions of its lead's moves, and a mask written behind the app's back is
            // put right.
            if (error.isEmpty() && version >= 3) {
                const qint64 fixed = refreshExitActions(sqliteHandle(to), {}, &error);
                if (fixed > 0)
                    lines << tr("%n stage move(s) had their exit actions recomputed.", nullptr, int(fixed));
            }
            QSqlQuery(to).exec(QStringLiteral("PRAGMA application_id = %1").arg(appId));
            QSqlQuery(to).exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
            if (error.isEmpty() && !to.commit())
                error = to.lastError().text();
            if (error.isEmpty())
                lines.prepend(lost ? tr("%n table(s) had unreadable pages; their other rows were copied.", nullptr, int(lost))
                                   : tr("Every table could be read whole."));
            to.close();
        }
        from.close();
    }
    QSqlDatabase::removeDatabase(fromName);
    QSqlDatabase::removeDatabase(toName);
    if (!error.isEmpty()) {
        removePartial();
        return wasCancelled ? tr("Cancelled: no copy was written.")
                            : tr("No repaired copy could be made: %1").arg(error);
    }
    if (progress && !progress(97)) {
        removePartial();
        return tr("Cancelled: no copy was written.");
    }
    const CheckReport r = check(partial);
    if (r.integrity != QLatin1String("ok") || !r.isCockpit) {
        removePartial();
        return tr("The repaired copy did not pass its own check (%1), so it was not kept.")
            .arg(r.message.isEmpty() ? r.integrity.left(200) : r.message);
    }
    if (r.foreignKeyProblems > 0)
        lines << tr("%n row(s) refer to rows that were lost (sales-cockpit check lists them).", nullptr, r.foreignKeyProblems);
    if (!QFile::rename(partial, target)) {
        removePartial();
        return tr("Could not write \"%1\".").arg(shownTarget);
    }
    if (report)
        *report = lines.join(QLatin1Char('\n'));
    if (progress)
        progress(100);
    return {};
}

} // namespace cockpit::storage
