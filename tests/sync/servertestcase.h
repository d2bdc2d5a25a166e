#pragma once
// What every team server test shares: a throwaway PostgreSQL on loopback (pgcluster.h) and a
// temporary folder, started in initTestCase() by COCKPIT_START_TEST_CLUSTER() (the test is
// skipped, saying why, where PostgreSQL is not installed), and the calls each test makes
// against that server. A test class derives from ServerTestCase and passes the password its
// demo logins get.
#include "pgcluster.h"
#include "serverfixture.h"
#include "sync/pgconnection.h"

#include <QObject>
#include <QTemporaryDir>
#include <QVariantList>

#include <memory>

namespace cockpit::tests {

class ServerTestCase : public QObject
{
protected:
    explicit ServerTestCase(QString password) : m_password(std::move(password)) {}

    PgCluster m_cluster;
    QTemporaryDir m_dir;
    const QString m_password; // of every login provision() creates

    // `login` on database `db` of the cluster (TLS off: loopback), as the CLI takes it.
    QString url(const QString &db, const QString &login) const
    {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3?sslmode=disable").arg(login).arg(m_cluster.port()).arg(db);
    }
    using QObject::connect; // beside the one below
    std::unique_ptr<sync::PgConnection> connect(const sync::ServerAddress &address)
    {
        sync::PgError e;
        auto c = sync::PgConnection::open(address, &e);
        if (!c)
            qWarning("%s", qPrintable(e.message));
        return c;
    }
    // The first value of `sql`'s first row ("" and a warning when there is none).
    QString serverText(sync::PgConnection &c, const QString &sql, const QVariantList &params = {})
    {
        sync::PgResult r;
        sync::PgError e;
        if (!c.exec(sql, params, &r, &e) || r.rows() < 1) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(e.message));
            return {};
        }
        return r.text(0, 0);
    }
    // Database `db` provisioned with the tiny demo, one login per manager (serverfixture.h), its
    // schema up to `version` (default: this build's).
    bool provision(const QString &db, DemoServer *demo = nullptr, int version = -1)
    {
        DemoServer local;
        QString error;
        if (!provisionDemoServer(m_cluster, db, m_password, demo ? demo : &local, &error, version)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        return true;
    }
};

} // namespace cockpit::tests

// In initTestCase(): skips without PostgreSQL, else starts the cluster (stopped by its destructor).
#define COCKPIT_START_TEST_CLUSTER()                                                                                       \
    do {                                                                                                                   \
        if (::cockpit::tests::PgCluster::binDir().isEmpty())                                                               \
            QSKIP("PostgreSQL is not installed (no /usr/lib/postgresql/N/bin/initdb): the team server tests need it; "     \
                  "packaging/dev.sh installs the postgresql package");                                                     \
        QVERIFY(m_dir.isValid());                                                                                          \
        QString clusterError_;                                                                                             \
        QVERIFY2(m_cluster.start(&clusterError_), qPrintable(clusterError_));                                              \
    } while (false)
