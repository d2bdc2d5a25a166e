#pragma once
// A throwaway PostgreSQL for tests (SYNC.md "A throwaway PostgreSQL for tests"): initdb in a
// temporary folder, started with pg_ctl on a free loopback port, stopped and removed by the
// destructor (also when a test fails: QTest returns through it) or, when the test process
// crashes or is killed, by a detached watcher. initdb refuses root, so as
// root every server program runs as `postgres` through runuser; as anyone else, directly.
// Local socket connections are trusted; TCP ones need a password (SCRAM), so tests can see a
// wrong password refused. With TLS, the server presents a self-signed certificate made out to
// `certificateHost` (its own root, at rootCertificate()).
#include "sync/pgconnection.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace cockpit::tests {

class PgCluster
{
public:
    // The folder of initdb/pg_ctl (the newest /usr/lib/postgresql/N/bin, or $COCKPIT_PG_BIN),
    // empty when PostgreSQL is not installed: the tests then skip, saying so.
    static QString binDir();

    struct Options
    {
        bool tls = false;
        QString certificateHost = QStringLiteral("localhost");
    };
    PgCluster() = default;
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    bool start(const Options &options, QString *error);
    bool start(QString *error) { return start(Options{}, error); }
    void stop();

    int port() const { return m_port; }
    QString superPassword() const { return QStringLiteral("super-secret-pw"); }
    QString rootCertificate() const;
    // postgres@127.0.0.1:port/database, with the superuser's password, TLS off.
    sync::ServerAddress admin(const QString &database) const;
    sync::ServerAddress as(const QString &login, const QString &password, const QString &database) const;
    QString log() const; // the server's log, for a failure message

private:
    bool run(const QStringList &command, QString *error);
    void startWatchdog(const QString &bin);

    std::unique_ptr<QTemporaryDir> m_dir;
    int m_port = 0;
    bool m_running = false;
};

} // namespace cockpit::tests
