#include "sync/servercompanycopy.h"
#include "sync/serverschema.h"

#include "storage/sqlitestatement.h"
#include "storage/uuidcolumn.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QUuid>

#include <algorithm>

#include <sqlite3.h>

namespace cockpit::sync {

namespace {

// The local region of a row of each table, as an SQL expression over the row (alias t).
QString regionExpression(const QString &table)
{
    static const QSet<QString> viaCustomer = {QStringLiteral("contacts"), QStringLiteral("activities"),
                                              QStringLiteral("orders"), QStringLiteral("payments"),
                                              QStringLiteral("tickets"), QStringLiteral("surveys"),
                                              QStringLiteral("contracts"), QStringLiteral("product_trials")};
    auto orgRegion = [](const QString &alias) {
        return QStringLiteral("CASE %1.org_level WHEN 'region' THEN %1.org_id "
                              "WHEN 'city' THEN (SELECT region_id FROM cities WHERE id = %1.org_id) "
                              "WHEN 'rep' THEN (SELECT region_id FROM users WHERE id = %1.org_id) END")
            .arg(alias);
    };
    if (viaCustomer.contains(table))
        return QStringLiteral("(SELECT region_id FROM customers WHERE id = t.customer_id)");
    if (table == QLatin1String("stage_history"))
        return QStringLiteral("(SELECT region_id FROM leads WHERE id = t.lead_id)");
    if (table == QLatin1String("tasks"))
        return QStringLiteral("(SELECT region_id FROM users WHERE id = t.user_id)");
    if (table == QLatin1String("collaboration_ratings"))
        return QStringLiteral("(SELECT region_id FROM users WHERE id = t.rep_id)");
    if (table == QLatin1String("store_days"))
        return QStringLiteral("(SELECT region_id FROM stores WHERE id = t.store_id)");
    if (table == QLatin1String("targets") || table == QLatin1String("forecast_snapshots"))
        return orgRegion(QStringLiteral("t"));
    if (table == QLatin1String("forecast_revisions"))
        return QStringLiteral("(SELECT %1 FROM forecast_snapshots s WHERE s.id = t.snapshot_id)").arg(orgRegion(QStringLiteral("s")));
    if (table == QLatin1String("log_deletions"))
        return QStringLiteral("CASE t.record_kind WHEN 'activity' THEN (SELECT c.region_id FROM activities a JOIN customers c "
                              "ON c.id = a.customer_id WHERE a.id = t.record_id) ELSE (SELECT l.region_id FROM stage_history h "
                              "JOIN leads l ON l.id = h.lead_id WHERE h.id = t.record_id) END");
    return {}; // pipelines, pipeline_stages, products: company-wide
}

// The server's uuid text for a local `uuid` column value.
QByteArray serverUuid(const void *data, int size)
{
    char text[36];
    if (size == 16 && storage::formatUuid(static_cast<const unsigned char *>(data), size, text) == 36)
        return QByteArray(text, 36);
    static const QUuid ns = QUuid::fromString(QLatin1String("6f1c2c58-3c1e-4f5e-9a39-0c5b1d3b8e21"));
    return QUuid::createUuidV5(ns, QByteArray(static_cast<const char *>(data), size)).toByteArray(QUuid::WithoutBraces);
}

struct LocalFile
{
    sqlite3 *db = nullptr;
    QHash<QString, QHash<qint64, QByteArray>> keys; // table → local key → uuid text
    ~LocalFile() { sqlite3_close(db); }

    const QHash<qint64, QByteArray> *keysOf(const QString &table, QString *error)
    {
        auto it = keys.find(table);
        if (it != keys.end())
            return &it.value();
        QHash<qint64, QByteArray> map;
        sql::Statement st(db, QStringLiteral("SELECT id, uuid FROM %1").arg(table).toStdString());
        if (!st.isValid()) {
            *error = st.error();
            return nullptr;
        }
        while (sqlite3_step(st.handle()) == SQLITE_ROW)
            map.insert(sqlite3_column_int64(st.handle(), 0),
                       serverUuid(sqlite3_column_blob(st.handle(), 1), sqlite3_column_bytes(st.handle(), 1)));
        return &keys.insert(table, map).value();
    }
};

enum class Source { Id, Region, Reference, Polymorphic, Deleted, Plain };
struct Column
{
    QString name;
    Source source = Source::Plain;
    QString refTable; // Reference, Region
    int sqlIndex = 0; // in the SQLite select
};

} // namespace

bool copyCompanyToServer(PgConnection &admin, const QString &sqlitePath, CompanyCopyReport *report, PgError *error)
{
    QElapsedTimer timer;
    timer.start();
    *report = {};
    auto fileError = [&](const QString &text) {
        admin.exec(QStringLiteral("ROLLBACK"), nullptr);
        if (error) {
            error->kind = PgError::Kind::Other;
            error->message = Server::tr("Reading the company from %1 failed: %2").arg(sqlitePath, text);
        }
        return false;
    };
    LocalFile file;
    if (sqlite3_open_v2(sqlitePath.toUtf8().constData(), &file.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return fileError(QString::fromUtf8(sqlite3_errmsg(file.db)));
    if (!storage::registerKeyFunctions(file.db))
        return fileError(QStringLiteral("SQL functions"));

    PgError e;
    PgResult tables;
    if (!admin.exec(QStringLiteral("BEGIN"), &e)
        || !admin.exec(QStringLiteral("SELECT name FROM cockpit.synced_tables ORDER BY position"), {}, &tables, &e)) {
        admin.exec(QStringLiteral("ROLLBACK"), nullptr);
        if (error)
            *error = e;
        return false;
    }
    // The references are dropped for the load and added back after it, in the same
    // transaction: adding a constraint checks all rows with one join per reference, where the
    // deferred per-row checks took 13 of 24 s for the small demo.
    PgResult references;
    if (!admin.exec(QStringLiteral("SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint "
                                   "WHERE contype = 'f' AND connamespace = 'cockpit'::regnamespace "
                                   "AND conrelid IN (SELECT ('cockpit.' || quote_ident(name))::regclass FROM cockpit.synced_tables) "
                                   "ORDER BY 1, 2"),
                    {}, &references, &e)) {
        admin.exec(QStringLiteral("ROLLBACK"), nullptr);
        if (error)
            *error = e;
        return false;
    }
    for (int i = 0; i < references.rows(); ++i) {
        if (!admin.exec(QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2").arg(references.text(i, 0), references.text(i, 1)), &e)) {
            admin.exec(QStringLiteral("ROLLBACK"), nullptr);
            if (error)
                *error = e;
            return false;
        }
    }
    // The copy gives each child its parent's region itself (regionExpression); the per-row
    // check of the same is off for the load and on again before the commit.
    PgResult children;
    if (!admin.exec(QStringLiteral("SELECT child FROM cockpit.region_parents"), {}, &children, &e)) {
        admin.exec(QStringLiteral("ROLLBACK"), nullptr);
        if (error)
            *error = e;
        return false;
    }
    auto parentChecks = [&](const char *how) {
        for (int i = 0; i < children.rows(); ++i)
            if (!admin.exec(QStringLiteral("ALTER TABLE cockpit.%1 %2 TRIGGER parent_region")
                                .arg(admin.quoteIdentifier(children.text(i, 0)), QLatin1String(how)), &e))
                return false;
        return true;
    };
    if (!parentChecks("DISABLE")) {
        admin.exec(QStringLiteral("ROLLBACK"), nullptr);
        if (error)
            *error = e;
        return false;
    }
    QString problem;
    for (int ti = 0; ti < tables.rows(); ++ti) {
        const QString table = tables.text(ti, 0);
        const qint64 tableStart = timer.elapsed();
        // Local columns and references.
        QSet<QString> local;
        QHash<QString, QString> references;
        {
            sql::Statement info(file.db, QStringLiteral("PRAGMA table_info(%1)").arg(table).toStdString());
            while (sqlite3_step(info.handle()) == SQLITE_ROW)
                local.insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(info.handle(), 1))));
            sql::Statement fks(file.db, QStringLiteral("PRAGMA foreign_key_list(%1)").arg(table).toStdString());
            while (sqlite3_step(fks.handle()) == SQLITE_ROW)
                references.insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(fks.handle(), 3))),
                                  QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(fks.handle(), 2))));
        }
        if (local.isEmpty())
            return fileError(QStringLiteral("the file has no table %1").arg(table));
        PgResult serverColumns;
        if (!admin.exec(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = 'cockpit' "
                                       "AND table_name = $1 AND is_generated = 'NEVER' AND column_name NOT IN "
                                       "('row_version', 'last_xid') ORDER BY ordinal_position"),
                        {table}, &serverColumns, &e)) {
            admin.exec(QStringLiteral("ROLLBACK"), nullptr);
            if (error)
                *error = e;
            return false;
        }
        QList<Column> columns;
        QStringList selects;
        QStringList names;
        const QString kindColumn = table == QLatin1String("log_deletions") ? QStringLiteral("record_kind")
                                                                            : QStringLiteral("org_level");
        for (int ci = 0; ci < serverColumns.rows(); ++ci) {
            Column c;
            c.name = serverColumns.text(ci, 0);
            if (c.name == QLatin1String("id")) {
                c.source = Source::Id;
                selects << QStringLiteral("t.uuid");
            } else if (c.name == QLatin1String("region_id")) {
                c.source = Source::Region;
                c.refTable = QStringLiteral("regions");
                const QString expr = local.contains(c.name) ? QStringLiteral("t.region_id") : regionExpression(table);
                selects << (expr.isEmpty() ? QStringLiteral("NULL") : expr);
            } else if (c.name == QLatin1String("sets_deleted")) {
                c.source = Source::Deleted; // log_deletions: the file's `deleted` is content here
                selects << QStringLiteral("t.deleted");
            } else if (c.name == QLatin1String("deleted") && table == QLatin1String("log_deletions")) {
                c.source = Source::Deleted; // and the row itself is no tombstone
                selects << QStringLiteral("0");
            } else if (!local.contains(c.name)) {
                continue; // a server-only column with a default
            } else if (references.contains(c.name)) {
                c.source = Source::Reference;
                c.refTable = references.value(c.name);
                selects << QStringLiteral("t.") + c.name;
            } else if (c.name == QLatin1String("org_id") || c.name == QLatin1String("record_id")) {
                c.source = Source::Polymorphic;
                selects << QStringLiteral("t.%1 || '|' || t.%2").arg(kindColumn, c.name);
            } else if (c.name == QLatin1String("deleted")) {
                c.source = Source::Deleted;
                selects << QStringLiteral("t.deleted");
            } else {
                selects << QStringLiteral("t.") + c.name;
            }
            c.sqlIndex = int(selects.size()) - 1;
            columns << c;
            names << c.name;
        }
        sql::Statement rows(file.db, QStringLiteral("SELECT %1 FROM %2 t ORDER BY t.id").arg(selects.join(QStringLiteral(", ")), table).toStdString());
        if (!rows.isValid())
            return fileError(rows.error());
        // Key maps before streaming (the COPY cannot pause for a query of the file).
        QHash<QString, const QHash<qint64, QByteArray> *> maps;
        for (const Column &c : std::as_const(columns)) {
            if (!c.refTable.isEmpty() && !maps.contains(c.refTable)) {
                const auto *m = file.keysOf(c.refTable, &problem);
                if (!m)
                    return fileError(problem);
                maps.insert(c.refTable, m);
            }
        }
        const bool polymorphic = std::any_of(columns.cbegin(), columns.cend(),
                                             [](const Column &c) { return c.source == Source::Polymorphic; });
        if (polymorphic) {
            for (const char *t : {"regions", "cities", "users", "activities", "stage_history"}) {
                const auto *m = file.keysOf(QLatin1String(t), &problem);
                if (!m)
                    return fileError(problem);
                maps.insert(QLatin1String(t), m);
            }
        }
        bool streamOk = true;
        qint64 copied = 0;
        auto next = [&](QByteArray *chunk) {
            while (chunk->size() < (1 << 20)) {
                const int rc = sqlite3_step(rows.handle());
                if (rc == SQLITE_DONE)
                    return false;
                if (rc != SQLITE_ROW) {
                    problem = QString::fromUtf8(sqlite3_errmsg(file.db));
                    streamOk = false;
                    return false;
                }
                sqlite3_stmt *st = rows.handle();
                for (int i = 0; i < columns.size(); ++i) {
                    const Column &c = columns.at(i);
                    if (i)
                        chunk->append('\t');
                    const int type = sqlite3_column_type(st, c.sqlIndex);
                    if (type == SQLITE_NULL) {
                        chunk->append(kCopyNull);
                        continue;
                    }
                    switch (c.source) {
                    case Source::Id:
                        chunk->append(serverUuid(sqlite3_column_blob(st, c.sqlIndex), sqlite3_column_bytes(st, c.sqlIndex)));
                        break;
                    case Source::Region:
                    case Source::Reference: {
                        const auto *m = maps.value(c.refTable);
                        const auto it = m->constFind(sqlite3_column_int64(st, c.sqlIndex));
                        chunk->append(it == m->constEnd() ? QByteArray(kCopyNull) : it.value());
                        break;
                    }
                    case Source::Polymorphic: {
                        const QString v = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, c.sqlIndex)));
                        const QString target = polymorphicTable(table, v.section(QLatin1Char('|'), 0, 0));
                        const auto *m = maps.value(target);
                        const QByteArray mapped = m ? m->value(v.section(QLatin1Char('|'), 1).toLongLong()) : QByteArray();
                        chunk->append(mapped.isEmpty() ? QByteArray(kCopyNull) : mapped);
                        break;
                    }
                    case Source::Deleted:
                        chunk->append(sqlite3_column_int64(st, c.sqlIndex) ? 't' : 'f');
                        break;
                    case Source::Plain:
                        if (type == SQLITE_BLOB) {
                            chunk->append("\\\\x");
                            chunk->append(QByteArray(static_cast<const char *>(sqlite3_column_blob(st, c.sqlIndex)),
                                                     sqlite3_column_bytes(st, c.sqlIndex)).toHex());
                        } else {
                            appendCopyField(chunk, QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(st, c.sqlIndex)),
                                                              sqlite3_column_bytes(st, c.sqlIndex)));
                        }
                        break;
                    }
                }
                chunk->append('\n');
            }
            return true;
        };
        const QString copySql = QStringLiteral("COPY cockpit.%1 (%2) FROM STDIN").arg(table, names.join(QStringLiteral(", ")));
        if (!admin.copyIn(copySql, next, &copied, &e) || !streamOk) {
            if (!streamOk)
                return fileError(problem);
            admin.exec(QStringLiteral("ROLLBACK"), nullptr);
            if (error) {
                *error = e;
                error->message = Server::tr("Copying %1 to %2 failed: %3").arg(table, admin.address().display(), e.message);
            }
            return false;
        }
        report->rows.append({table, copied});
        report->tableMs.append(timer.elapsed() - tableStart);
        report->total += copied;
    }
    const qint64 commitStart = timer.elapsed();
    if (!parentChecks("ENABLE")) {
        admin.exec(QStringLiteral("ROLLBACK"), nullptr);
        if (error)
            *error = e;
        return false;
    }
    for (int i = 0; i < references.rows(); ++i) {
        if (!admin.exec(QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3")
                            .arg(references.text(i, 0), references.text(i, 1), references.text(i, 2)), &e)) {
            admin.exec(QStringLiteral("ROLLBACK"), nullptr);
            if (error) {
                *error = e;
                error->message = Server::tr("The company in %1 refers to rows it does not hold: %2").arg(sqlitePath, e.message);
            }
            return false;
        }
    }
    if (!admin.exec(QStringLiteral("COMMIT"), &e)) {
        if (error)
            *error = e;
        return false;
    }
    report->commitMs = timer.elapsed() - commitStart;
    const qint64 vacuumStart = timer.elapsed();
    for (const auto &[table, rows] : std::as_const(report->rows)) {
        Q_UNUSED(rows)
        if (!admin.exec(QStringLiteral("VACUUM (ANALYZE) cockpit.%1").arg(table), &e)) {
            if (error) {
                *error = e;
                error->message = Server::tr("The company was copied to %1, but VACUUM (ANALYZE) of %2 failed: %3")
                                     .arg(admin.address().display(), table, e.message);
            }
            return false;
        }
    }
    report->vacuumMs = timer.elapsed() - vacuumStart;
    report->elapsedMs = timer.elapsed();
    return true;
}

} // namespace cockpit::sync
