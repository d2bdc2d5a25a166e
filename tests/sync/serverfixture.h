#pragma once
// A provisioned team server for tests: the schema (up to `version`), the micro demo company
// copied in (demo seed 42, as of 2026-11-22), and the demo's logins with `password`.
#include "pgcluster.h"
#include "sync/pgconnection.h"

#include <QList>
#include <QPair>

namespace cockpit::tests {

struct DemoServer
{
    QList<QPair<QString, QString>> logins; // (login, org user UUID)
    qint64 rows = 0;
};

// `version`: the server schema to stop at (default: this build's); an older one is a server
// its administrator has not upgraded yet, the company copied onto the columns it has.
bool provisionDemoServer(PgCluster &cluster, const QString &database, const QString &password, DemoServer *out,
                         QString *error, int version = -1);
// Creates `database` (empty) on the cluster.
bool createDatabase(PgCluster &cluster, const QString &database, QString *error);

} // namespace cockpit::tests
