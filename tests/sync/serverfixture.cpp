#include "serverfixture.h"

#include "demo/demogenerator.h"
#include "sync/servercompanycopy.h"
#include "sync/serverprovisioner.h"
#include "sync/serverschema.h"

#include <QTemporaryDir>

namespace cockpit::tests {

bool createDatabase(PgCluster &cluster, const QString &database, QString *error)
{
    sync::PgError e;
    auto admin = sync::PgConnection::open(cluster.admin(QStringLiteral("postgres")), &e);
    if (!admin || !admin->exec(QStringLiteral("CREATE DATABASE %1").arg(admin->quoteIdentifier(database)), &e)) {
        *error = e.message;
        return false;
    }
    return true;
}

bool provisionDemoServer(PgCluster &cluster, const QString &database, const QString &password, DemoServer *out,
                         QString *error, int version)
{
    if (!createDatabase(cluster, database, error))
        return false;
    sync::PgError e;
    auto admin = sync::PgConnection::open(cluster.admin(database), &e);
    sync::UpgradeReport report;
    if (!admin || !sync::upgradeServerSchema(*admin, &report, &e, version)) {
        *error = e.message;
        return false;
    }
    QTemporaryDir dir;
    demo::Options options;
    options.scale = demo::Scale::Micro;
    options.seed = 42;
    options.asOf = QDate(2026, 11, 22);
    const QString file = dir.filePath(QStringLiteral("micro.db"));
    const auto generated = demo::generate(file, options);
    if (!generated.ok) {
        *error = generated.error;
        return false;
    }
    sync::CompanyCopyReport copied;
    if (!sync::copyCompanyToServer(*admin, file, &copied, &e) || !sync::demoLoginPlan(*admin, &out->logins, &e)) {
        *error = e.message;
        return false;
    }
    out->rows = copied.total;
    for (const auto &[login, user] : std::as_const(out->logins)) {
        sync::AddLoginResult added;
        if (!sync::addLogin(*admin, login, user, password.toUtf8(), &added, &e)) {
            *error = e.message;
            return false;
        }
    }
    return true;
}

} // namespace cockpit::tests
