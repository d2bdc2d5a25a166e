#include "storage/migrations.h"

#include "storage/activitylog.h"
#include "storage/database.h"
#include "storage/exitactions.h"
#include "storage/keys.h"
#include "domain/ids.h"
#include "domain/pipeline.h"
#include "domain/times.h"
#include "storage/schema.h"
#include "storage/sqlitestatement.h"
#include "storage/transaction.h"

#include <QSqlDatabase>
#include <QDateTime>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace cockpit::storage {

namespace {
bool exec(QSqlDatabase db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        if (error)
            *error = q.lastError().text() + QStringLiteral(" in: ") + sql.left(120);
        return false;
    }
    return true;
}
} // namespace

bool seedPipelineTemplates(QSqlDatabase db, qint64 now, QString *error)
{
    const QVariant at = times::instantParam(now);
    QSqlQuery p(db);
    p.prepare(QStringLiteral(
        "INSERT INTO pipelines (uuid, code, name, name_en, version, first_response_minutes,"
        " handover_sla_minutes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery s(db);
    s.prepare(QStringLiteral(
        "INSERT INTO pipeline_stages (uuid, pipeline_id, position, code, name, name_en,"
        " sla_minutes, exit_gate, standard_actions, terminal, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const PipelineDef &def : pipelineTemplates()) {
        for (const QVariant &v : {QVariant(uuidColumnValue(newId())), QVariant(def.code), QVariant(def.name),
                                  QVariant(def.nameEn), QVariant(def.version),
                                  QVariant(def.firstResponseMinutes),
                                  QVariant(def.handoverSlaMinutes), at})
            p.addBindValue(v);
        if (!p.exec()) {
            if (error)
                *error = p.lastError().text();
            return false;
        }
        const QVariant pid = p.lastInsertId();
        for (int i = 0; i < def.stages.size(); ++i) {
            const StageDef &st = def.stages.at(i);
            for (const QVariant &v :
                 {QVariant(uuidColumnValue(newId())), pid, QVariant(i), QVariant(st.code),
                  QVariant(st.name), QVariant(st.nameEn), QVariant(st.slaMinutes),
                  QVariant(QStringLiteral("") + st.exitGate.join(QLatin1Char('|'))),
                  QVariant(QStringLiteral("") + st.standardActions.join(QLatin1Char('|'))),
                  QVariant(st.terminal ? 1 : 0), at})
                s.addBindValue(v);
            if (!s.exec()) {
                if (error)
                    *error = s.lastError().text();
                return false;
            }
        }
    }
    return true;
}

bool createSchema(QSqlDatabase db, QString *error)
{
    Transaction tx(db);
    if (!tx.isActive()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    for (const QString &sql : latestSchemaTables() + latestSchemaIndexes()) {
        if (!exec(db, sql, error))
            return false;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (!seedPipelineTemplates(db, now, error))
        return false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES ('created_at', ?)"));
    q.addBindValue(times::isoFromSecs(now)); // settings values stay ISO text
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    if (!exec(db, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId), error)
        || !exec(db, QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion), error))
        return false;
    return tx.commit();
}

QString backupBeforeMigration(QSqlDatabase db, const QString &path, int fromVersion,
                              QString *error)
{
    QString target = QStringLiteral("%1.v%2.bak").arg(path).arg(fromVersion);
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = QStringLiteral("%1.v%2.%3.bak").arg(path).arg(fromVersion).arg(n);
    sql::createPrivateFile(target); // 0600, like the file it copies (VACUUM INTO fills an empty file)
    QSqlQuery q(db);
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(target);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return {};
    }
    return target;
}

namespace {
// Runs a version's statements; an ALTER TABLE … ADD COLUMN that an interrupted earlier run
// already applied is skipped, so a step can run again.
bool applyStatements(QSqlDatabase db, const QStringList &statements, QString *error)
{
    for (const QString &sql : statements) {
        if (sql.startsWith(QLatin1String("ALTER TABLE"))) {
            const QStringList words = sql.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            const QString table = words.value(2), column = words.value(5);
            QSqlQuery info(db);
            bool present = false;
            if (info.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table))) {
                while (info.next())
                    present = present || info.value(1).toString() == column;
            }
            if (present)
                continue;
        }
        if (!exec(db, sql, error))
            return false;
    }
    return true;
}
} // namespace

namespace {
// Versions 5 and 6, the compact reshape: every table rebuilt (integer keys and one uuid per
// row, then integer times; storage/keys.h), then the indexes, in one transaction.
bool rebuildStep(QSqlDatabase db, int version, bool (*rebuild)(sqlite3 *, QString *), QString *error)
{
    Transaction tx(db);
    if (!tx.isActive()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    if (!rebuild(sqliteHandle(db), error))
        return false;
    // v5 has no log_deletions yet: only the indexes of its own tables.
    for (const QString &sql : version == 5 ? schemaV5Indexes() : schemaV5Indexes() + schemaV6Indexes())
        if (!exec(db, sql, error))
            return false;
    if (!exec(db, QStringLiteral("PRAGMA user_version = %1").arg(version), error))
        return false;
    return tx.commit();
}
} // namespace

bool migrateTo(QSqlDatabase db, int version, QString *error)
{
    // Version 1 is created whole by createSchema(); each later step is one transaction,
    // safe to re-run (IF NOT EXISTS, guarded ALTERs) and writes user_version last.
    if (version < 2 || version > 8) {
        if (error)
            *error = QStringLiteral("no migration step to schema version %1").arg(version);
        return false;
    }
    if (version == 5 || version == 6) {
        // The rebuild moves rows between tables that reference each other: foreign keys are
        // off for it (a pragma that only works outside a transaction) and on again after.
        exec(db, QStringLiteral("PRAGMA foreign_keys = OFF"), nullptr);
        const bool ok = rebuildStep(db, version, version == 5 ? rebuildWithIntegerKeys : rebuildWithIntegerTimes, error);
        exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), nullptr);
        return ok;
    }
    Transaction tx(db);
    if (!tx.isActive()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    if (version == 2) {
        if (!applyStatements(db, schemaV2Statements() + schemaV2Indexes(), error))
            return false;
        // Data steps of version 2: the log chain over existing records.
        if (!buildLogChain(db, error))
            return false;
    } else if (version == 3) {
        // Data step of version 3: every stage move's exit actions, written before the index
        // that covers them exists (under it the writes take three times as long).
        if (!applyStatements(db, schemaV3Statements(), error)
            || refreshExitActions(sqliteHandle(db), {}, error) < 0
            || !applyStatements(db, schemaV3Indexes(), error))
            return false;
    } else if (version == 7) {
        // New tables and columns only (imports): nothing is rebuilt.
        if (!applyStatements(db, schemaV7Statements() + schemaV7Indexes(), error))
            return false;
    } else if (version == 8) {
        // One column (a target's correction reason); v7 rows get ''.
        if (!applyStatements(db, schemaV8Statements(), error))
            return false;
    } else {
        // Version 4 changes indexes only: the merged one first, then the drops.
        if (!applyStatements(db, schemaV4Indexes() + schemaV4Statements(), error))
            return false;
    }
    if (!exec(db, QStringLiteral("PRAGMA user_version = %1").arg(version), error))
        return false;
    return tx.commit();
}

} // namespace cockpit::storage
