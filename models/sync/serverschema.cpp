#include "sync/serverschema.h"

#include "server_sql.h"

namespace cockpit::sync {

int serverSchemaVersion()
{
    int v = 0;
    for (const auto &step : kServerSteps)
        v = qMax(v, step.version);
    return v;
}

bool readServerSchema(PgConnection &conn, ServerSchemaState *state, PgError *error)
{
    *state = {};
    PgResult r;
    if (!conn.exec(QStringLiteral("SELECT to_regclass('cockpit.schema_version') IS NOT NULL, "
                                  "to_regclass('cockpit.server_info') IS NOT NULL"),
                   {}, &r, error))
        return false;
    if (!r.toBool(0, 0))
        return true;
    const bool hasInfo = r.toBool(0, 1);
    state->present = true;
    if (!conn.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM cockpit.schema_version"), {}, &r, error))
        return false;
    state->version = int(r.toLongLong(0, 0));
    if (PgResult info; hasInfo && conn.exec(QStringLiteral("SELECT epoch FROM cockpit.server_info"), {}, &info, nullptr)
                       && info.rows() == 1)
        state->epoch = info.text(0, 0);
    return true;
}

bool checkServerSchema(PgConnection &conn, PgError *error)
{
    ServerSchemaState state;
    if (!readServerSchema(conn, &state, error))
        return false;
    const QString where = conn.address().display();
    PgError e;
    if (!state.present || state.version == 0) {
        e.kind = PgError::Kind::SchemaMissing;
        e.message = Server::tr("%1 holds no Sales Cockpit team server (no cockpit schema). Its administrator sets "
                               "it up with: sales-cockpit server init --server postgresql://ADMIN@%2:%3/%4")
                        .arg(where, conn.address().host)
                        .arg(conn.address().port)
                        .arg(conn.address().database);
    } else if (state.version < serverSchemaVersion()) {
        e.kind = PgError::Kind::SchemaOlder;
        e.message = Server::tr("The team server %1 has schema version %2, older than the version %3 this app "
                               "needs. Its administrator upgrades it with: sales-cockpit server upgrade")
                        .arg(where)
                        .arg(state.version)
                        .arg(serverSchemaVersion());
    } else if (state.version > serverSchemaVersion()) {
        e.kind = PgError::Kind::SchemaNewer;
        e.message = Server::tr("The team server %1 has schema version %2, newer than the version %3 this app "
                               "knows. Update Sales Cockpit on this computer.")
                        .arg(where)
                        .arg(state.version)
                        .arg(serverSchemaVersion());
    }
    if (error)
        *error = e;
    return !e.isError();
}

bool checkAdministrator(PgConnection &admin, PgError *error)
{
    PgResult r;
    if (!admin.exec(QStringLiteral("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"), {},
                    &r, error))
        return false;
    if (r.rows() == 1 && r.toBool(0, 0))
        return true;
    if (error) {
        error->kind = PgError::Kind::NoRights;
        error->message = Server::tr("%1 is not an administrator of the server: setting up a team server needs a "
                                    "superuser (or a role with BYPASSRLS and CREATEROLE), such as postgres.")
                             .arg(admin.address().display());
    }
    return false;
}

bool upgradeServerSchema(PgConnection &admin, UpgradeReport *report, PgError *error, int target)
{
    *report = {};
    if (target < 0)
        target = serverSchemaVersion();
    auto fail = [&](const PgError &e) {
        admin.exec(QStringLiteral("ROLLBACK"), nullptr);
        if (error)
            *error = e;
        return false;
    };
    PgError e;
    if (!admin.exec(QStringLiteral("BEGIN"), &e))
        return fail(e);
    // One provisioning at a time per database (a second run waits, then finds nothing to do).
    if (!admin.exec(QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('sales-cockpit server schema'))"), &e))
        return fail(e);
    PgResult before;
    if (!admin.exec(QStringLiteral("SELECT array_to_string(array_agg(rolname ORDER BY rolname), ',') FROM pg_roles "
                                   "WHERE rolname IN ('cockpit_owner', 'cockpit_app', 'cockpit_director')"),
                    {}, &before, &e))
        return fail(e);
    const QStringList had = before.text(0, 0).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!admin.execScript(kServerRolesSql, &e))
        return fail(e);
    for (const char *role : {"cockpit_app", "cockpit_director", "cockpit_owner"})
        if (!had.contains(QLatin1String(role)))
            report->rolesCreated << QLatin1String(role);
    ServerSchemaState state;
    if (!readServerSchema(admin, &state, &e))
        return fail(e);
    report->from = report->to = state.version;
    if (state.version > target) {
        e.kind = PgError::Kind::SchemaNewer;
        e.message = Server::tr("The team server %1 has schema version %2, newer than the version %3 this build "
                               "knows; it is left as it is. Use a newer Sales Cockpit to administer it.")
                        .arg(admin.address().display())
                        .arg(state.version)
                        .arg(target);
        return fail(e);
    }
    for (const auto &step : kServerSteps) {
        if (step.version <= state.version || step.version > target)
            continue;
        QByteArray script = "SET LOCAL ROLE cockpit_owner;\n";
        script += step.sql;
        script += "\nRESET ROLE;";
        if (!admin.execScript(script, &e)) {
            e.message = Server::tr("%1 (in %2)").arg(e.message, QLatin1String(step.file));
            return fail(e);
        }
        if (!admin.exec(QStringLiteral("INSERT INTO cockpit.schema_version (version, app_version) VALUES ($1, $2)"),
                        {step.version, QCoreApplication::applicationVersion()}, nullptr, &e))
            return fail(e);
        report->applied << QLatin1String(step.file);
        report->to = step.version;
    }
    if (!admin.exec(QStringLiteral("COMMIT"), &e))
        return fail(e);
    return true;
}

QString polymorphicTable(const QString &table, const QString &kind)
{
    if (table == QLatin1String("log_deletions"))
        return kind == QLatin1String("activity") ? QStringLiteral("activities") : QStringLiteral("stage_history");
    if (kind == QLatin1String("region"))
        return QStringLiteral("regions");
    if (kind == QLatin1String("city"))
        return QStringLiteral("cities");
    if (kind == QLatin1String("rep"))
        return QStringLiteral("users");
    return {};
}

} // namespace cockpit::sync
