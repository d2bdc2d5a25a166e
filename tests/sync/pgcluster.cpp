#include "pgcluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cockpit::tests {

namespace {

bool isRoot() { return ::geteuid() == 0; }

// A port nothing listens on now (the kernel's choice of a free ephemeral port).
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

bool chownTree(const QString &path, QString *error)
{
    const passwd *pw = ::getpwnam("postgres");
    if (!pw) {
        *error = QStringLiteral("running as root and there is no user postgres to run the server as");
        return false;
    }
    QProcess p;
    p.start(QStringLiteral("chown"), {QStringLiteral("-R"), QStringLiteral("postgres:"), path});
    p.waitForFinished();
    if (p.exitCode() != 0) {
        *error = QString::fromLocal8Bit(p.readAllStandardError());
        return false;
    }
    return true;
}

} // namespace

QString PgCluster::binDir()
{
    const QString env = qEnvironmentVariable("COCKPIT_PG_BIN");
    if (!env.isEmpty())
        return QFile::exists(env + QStringLiteral("/initdb")) ? env : QString();
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &v : versions) {
        const QString bin = root.filePath(v + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")) && QFile::exists(bin + QStringLiteral("/pg_ctl")))
            return bin;
    }
    return {};
}

bool PgCluster::run(const QStringList &command, QString *error)
{
    QStringList args = command;
    QString program = args.takeFirst();
    if (isRoot()) {
        args = QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + args;
        program = QStringLiteral("runuser");
    }
    QProcess p;
    p.setWorkingDirectory(m_dir->path());
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("%1 %2 failed: %3 %4")
                     .arg(program, args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAllStandardError()),
                          QString::fromLocal8Bit(p.readAllStandardOutput()));
        return false;
    }
    return true;
}

bool PgCluster::start(const Options &options, QString *error)
{
    const QString bin = binDir();
    if (bin.isEmpty()) {
        *error = QStringLiteral("PostgreSQL is not installed (no /usr/lib/postgresql/N/bin/initdb)");
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/cockpit-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        *error = m_dir->errorString();
        return false;
    }
    const QString dir = m_dir->path();
    QFile pw(dir + QStringLiteral("/pw"));
    if (!pw.open(QIODevice::WriteOnly) || pw.write(superPassword().toUtf8() + '\n') < 0) {
        *error = pw.errorString();
        return false;
    }
    pw.close();
    if (isRoot() && !chownTree(dir, error))
        return false;
    if (!run({bin + QStringLiteral("/initdb"), QStringLiteral("-D"), dir + QStringLiteral("/data"), QStringLiteral("-U"),
              QStringLiteral("postgres"), QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=scram-sha-256"),
              QStringLiteral("--pwfile=") + dir + QStringLiteral("/pw"), QStringLiteral("--no-sync"),
              QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C")},
             error))
        return false;
    QString settings = QStringLiteral("-c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60 -k %1").arg(dir);
    if (options.tls) {
        QProcess openssl;
        openssl.setWorkingDirectory(dir);
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                       QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=") + options.certificateHost, QStringLiteral("-keyout"),
                       QStringLiteral("server.key"), QStringLiteral("-out"), QStringLiteral("server.crt")});
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
            *error = QStringLiteral("openssl: ") + QString::fromLocal8Bit(openssl.readAllStandardError());
            return false;
        }
        QFile::setPermissions(dir + QStringLiteral("/server.key"), QFile::ReadOwner | QFile::WriteOwner);
        if (isRoot() && !chownTree(dir + QStringLiteral("/server.key"), error))
            return false;
        settings += QStringLiteral(" -c ssl=on -c ssl_cert_file=%1/server.crt -c ssl_key_file=%1/server.key").arg(dir);
    }
    // A port another process takes between freePort() and the start is rare: try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freePort();
        if (run({bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), dir + QStringLiteral("/data"), QStringLiteral("-o"),
                 QStringLiteral("-p %1 %2").arg(m_port).arg(settings), QStringLiteral("-l"), dir + QStringLiteral("/log"),
                 QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")},
                error)) {
            m_running = true;
            startWatchdog(bin);
            return true;
        }
    }
    *error += QStringLiteral("\n") + log();
    return false;
}

// A test that crashes or is killed runs no destructor: a detached watcher stops the server
// and removes the folder once this process is gone (it exits by itself after a normal stop).
void PgCluster::startWatchdog(const QString &bin)
{
    const QString dir = m_dir->path();
    const QString asPostgres = isRoot() ? QStringLiteral("runuser -u postgres -- ") : QString();
    const QString script = QStringLiteral(
        "while kill -0 %1 2>/dev/null; do [ -f '%2/data/postmaster.pid' ] || exit 0; sleep 1; done; "
        "%3'%4/pg_ctl' -D '%2/data' -m immediate -w stop >/dev/null 2>&1; rm -rf '%2'")
        .arg(QCoreApplication::applicationPid()).arg(dir, asPostgres, bin);
    QProcess::startDetached(QStringLiteral("sh"), {QStringLiteral("-c"), script});
}

void PgCluster::stop()
{
    if (!m_running)
        return;
    QString ignored;
    run({binDir() + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), m_dir->path() + QStringLiteral("/data"),
         QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")},
        &ignored);
    m_running = false;
}

PgCluster::~PgCluster()
{
    stop(); // then QTemporaryDir removes the folder
}

QString PgCluster::rootCertificate() const
{
    return m_dir ? m_dir->path() + QStringLiteral("/server.crt") : QString();
}

sync::ServerAddress PgCluster::admin(const QString &database) const
{
    return as(QStringLiteral("postgres"), superPassword(), database);
}

sync::ServerAddress PgCluster::as(const QString &login, const QString &password, const QString &database) const
{
    sync::ServerAddress a;
    a.host = QStringLiteral("127.0.0.1");
    a.port = m_port;
    a.database = database;
    a.user = login;
    a.password = password;
    a.sslMode = sync::SslMode::Disable;
    return a;
}

QString PgCluster::log() const
{
    QFile f(m_dir ? m_dir->path() + QStringLiteral("/log") : QString());
    return f.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(f.readAll().right(4000)) : QString();
}

} // namespace cockpit::tests
