#include "storage/schema.h"

#include "schema_sql.h" // generated: kSchemaV1Sql … kSchemaV8Sql

#include <QRegularExpression>

namespace cockpit::storage {

namespace {
QStringList splitStatements(const char *sql)
{
    // Statements are separated by a line holding only "-- ;" (see schema_v1.sql).
    static const QRegularExpression separator(QStringLiteral("^-- ;$"),
                                              QRegularExpression::MultilineOption);
    QStringList out;
    const QStringList parts = QString::fromUtf8(sql).split(separator);
    for (const QString &part : parts) {
        // Drop comment lines; keep the statement text.
        QStringList lines;
        for (const QString &line : part.split(QLatin1Char('\n'))) {
            if (!line.trimmed().startsWith(QLatin1String("--")))
                lines << line;
        }
        const QString stmt = lines.join(QLatin1Char('\n')).trimmed();
        if (!stmt.isEmpty())
            out << stmt;
    }
    return out;
}
} // namespace

QStringList schemaV1Tables()
{
    return splitStatements(kSchemaV1Sql);
}

QStringList schemaV1Indexes()
{
    return splitStatements(kIndexesV1Sql);
}

QStringList schemaV2Statements()
{
    return splitStatements(kSchemaV2Sql);
}

QStringList schemaV2Indexes()
{
    return splitStatements(kIndexesV2Sql);
}

QStringList schemaV3Statements()
{
    return splitStatements(kSchemaV3Sql);
}

QStringList schemaV3Indexes()
{
    return splitStatements(kIndexesV3Sql);
}

QStringList schemaV4Statements()
{
    return splitStatements(kSchemaV4Sql);
}

QStringList schemaV4Indexes()
{
    return splitStatements(kIndexesV4Sql);
}

QStringList schemaV5Tables()
{
    return splitStatements(kSchemaV5Sql);
}

QStringList schemaV5Indexes()
{
    return schemaV1Indexes() + schemaV2Indexes() + schemaV3Indexes() + schemaV4Indexes();
}

QStringList schemaV6Tables()
{
    return splitStatements(kSchemaV6Sql);
}

QStringList schemaV6Indexes()
{
    return splitStatements(kIndexesV6Sql);
}

QStringList schemaV7Statements()
{
    return splitStatements(kSchemaV7Sql);
}

QStringList schemaV7Indexes()
{
    return splitStatements(kIndexesV7Sql);
}

QStringList schemaV8Statements()
{
    return splitStatements(kSchemaV8Sql);
}

QStringList latestSchemaTables()
{
    return schemaV6Tables() + schemaV7Statements() + schemaV8Statements();
}

QStringList latestSchemaIndexes()
{
    return schemaV5Indexes() + schemaV6Indexes() + schemaV7Indexes();
}

QStringList syncedTables()
{
    return {QStringLiteral("regions"),        QStringLiteral("cities"),
            QStringLiteral("teams"),          QStringLiteral("users"),
            QStringLiteral("customers"),      QStringLiteral("contacts"),
            QStringLiteral("pipelines"),      QStringLiteral("pipeline_stages"),
            QStringLiteral("leads"),          QStringLiteral("stage_history"),
            QStringLiteral("activities"),     QStringLiteral("tasks"),
            QStringLiteral("orders"),         QStringLiteral("payments"),
            QStringLiteral("tickets"),        QStringLiteral("surveys"),
            QStringLiteral("contracts"),      QStringLiteral("product_trials"),
            QStringLiteral("collaboration_ratings"), QStringLiteral("targets"),
            QStringLiteral("forecast_snapshots"),    QStringLiteral("forecast_revisions"),
            QStringLiteral("stores"),         QStringLiteral("store_days"),
            QStringLiteral("alerts"),         QStringLiteral("products")};
}

QStringList syncedTables(int version)
{
    QStringList out = syncedTables();
    if (version < 7)
        out.removeAll(QStringLiteral("products"));
    return out;
}

QStringList localTables()
{
    return {QStringLiteral("settings"), QStringLiteral("outbox"), QStringLiteral("sync_state"),
            QStringLiteral("conflicts"), QStringLiteral("webhooks"),
            QStringLiteral("deliveries"),
            // The log's tombstones (logchain.h): local until the sync issue says how they travel.
            QStringLiteral("log_deletions"),
            // What each import wrote (schema v7): for re-import and undo on this machine.
            QStringLiteral("import_runs"), QStringLiteral("import_keys"), QStringLiteral("import_changes")};
}

const QList<TimeColumn> &timeColumns()
{
    static const QList<TimeColumn> columns = [] {
        QList<TimeColumn> out;
        // updated_at of every synced table.
        static const char *const synced[] = {
            "regions", "cities", "teams", "users", "customers", "contacts", "pipelines", "pipeline_stages",
            "leads", "stage_history", "activities", "tasks", "orders", "payments", "tickets", "surveys",
            "contracts", "product_trials", "collaboration_ratings", "targets", "forecast_snapshots",
            "forecast_revisions", "stores", "store_days", "alerts", "products"};
        for (const char *t : synced)
            out.append({t, "updated_at", false});
        const TimeColumn rest[] = {
            {"users", "hire_date", true}, {"users", "left_date", true},
            {"customers", "created_at", false}, {"customers", "customer_since", true},
            {"leads", "stage_entered_at", false}, {"leads", "created_at", false},
            {"leads", "assigned_at", false}, {"leads", "closed_at", false},
            {"leads", "expected_close", true}, {"leads", "intent_next_meeting", true},
            {"stage_history", "at", false}, {"activities", "at", false},
            {"tasks", "due_at", false}, {"tasks", "completed_at", false}, {"tasks", "week_start", true},
            {"orders", "ordered_on", true},
            {"payments", "due_on", true}, {"payments", "paid_on", true},
            {"tickets", "opened_at", false}, {"tickets", "resolved_at", false},
            {"surveys", "at", false},
            {"contracts", "signed_on", true}, {"contracts", "ends_on", true},
            {"product_trials", "started_on", true},
            {"collaboration_ratings", "at", false},
            {"targets", "period_start", true},
            {"forecast_snapshots", "taken_at", false}, {"forecast_snapshots", "period_start", true},
            {"forecast_revisions", "at", false},
            {"stores", "opened_on", true},
            {"store_days", "day", true},
            {"alerts", "raised_at", false}, {"alerts", "escalated_at", false},
            {"alerts", "acknowledged_at", false}, {"alerts", "resolved_at", false},
            {"outbox", "created_at", false},
            {"conflicts", "created_at", false}, {"conflicts", "resolved_at", false},
            {"webhooks", "created_at", false},
            {"deliveries", "next_attempt_at", false}, {"deliveries", "created_at", false},
            {"deliveries", "delivered_at", false},
            {"log_deletions", "at", false},
            {"import_runs", "started_at", false}, {"import_runs", "finished_at", false},
            {"import_runs", "undone_at", false},
        };
        for (const TimeColumn &c : rest)
            out.append(c);
        return out;
    }();
    return columns;
}

} // namespace cockpit::storage
