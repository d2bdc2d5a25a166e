#include "storage/schema.h"

#include "schema_sql.h" // generated: kSchemaV1Sql … kSchemaV5Sql

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

QStringList latestSchemaTables()
{
    return schemaV5Tables();
}

QStringList latestSchemaIndexes()
{
    return schemaV1Indexes() + schemaV2Indexes() + schemaV3Indexes() + schemaV4Indexes();
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
            QStringLiteral("alerts")};
}

QStringList localTables()
{
    return {QStringLiteral("settings"), QStringLiteral("outbox"), QStringLiteral("sync_state"),
            QStringLiteral("conflicts"), QStringLiteral("webhooks"),
            QStringLiteral("deliveries")};
}

} // namespace cockpit::storage
