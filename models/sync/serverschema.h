#pragma once
// The team server's schema (packaging/server/*.sql, embedded): roles.sql, run every time, and
// the numbered files 001_base.sql, 002_chain.sql …, each applied once, in order, in one
// transaction with its row in cockpit.schema_version. A build knows the version its files
// end at; a desktop refuses a server whose schema is missing, older or newer.
#include "sync/pgconnection.h"

#include <QStringList>

namespace cockpit::sync {

// The version this build's files end at.
int serverSchemaVersion();

struct ServerSchemaState
{
    bool present = false; // the cockpit schema and its version table exist
    int version = 0;      // the highest applied step, 0 when none
    QString epoch;        // cockpit.server_info.epoch (empty before step 1)
};
bool readServerSchema(PgConnection &conn, ServerSchemaState *state, PgError *error);

// For a desktop: true when the server's schema is the one this build speaks; otherwise an
// error of kind SchemaMissing, SchemaOlder or SchemaNewer that says what to do.
bool checkServerSchema(PgConnection &conn, PgError *error);

struct UpgradeReport
{
    int from = 0;
    int to = 0;
    QStringList rolesCreated; // cockpit_owner, cockpit_app, cockpit_director when new
    QStringList applied;      // the files applied, "001_base.sql" …
    bool changed() const { return !rolesCreated.isEmpty() || !applied.isEmpty(); }
};
// As the administrator: the roles, the schema, then every step up to `target` (default: all
// of this build's). One transaction, under an advisory lock so two runs cannot interleave. A
// server newer than `target` is refused (SchemaNewer): nothing is ever downgraded.
bool upgradeServerSchema(PgConnection &admin, UpgradeReport *report, PgError *error, int target = -1);

// The administrator must bypass row-level security (a superuser or BYPASSRLS role) to load
// data and map logins; false with a message naming the login otherwise.
bool checkAdministrator(PgConnection &admin, PgError *error);

// The table a polymorphic key names, from its row's kind column: log_deletions' record_kind
// (activity, else a stage move); targets' and forecasts' org_level (region, city, rep; empty
// for the company or a level without a table of its own).
QString polymorphicTable(const QString &table, const QString &kind);

} // namespace cockpit::sync
