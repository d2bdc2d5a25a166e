// The libpq client's failures, each against a real server and each a clear message naming
// what and where: wrong password, server down (before and during a session), TLS name
// mismatch, a login without rights, a server schema missing, older and newer.
#include "servertestcase.h"
#include "sync/pgconnection.h"
#include "sync/serverschema.h"

#include <QtTest>

using namespace cockpit;
using namespace cockpit::tests;
using Kind = sync::PgError::Kind;

class TestPgConnection : public ServerTestCase
{
    Q_OBJECT

public:
    TestPgConnection() : ServerTestCase(QStringLiteral("pw-1")) {}

private Q_SLOTS:
    void initTestCase()
    {
        COCKPIT_START_TEST_CLUSTER();
        QString error;
        QVERIFY2(createDatabase(m_cluster, QStringLiteral("plain"), &error), qPrintable(error));
    }

    void urlParsing_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("sslmode");
        QTest::newRow("full") << "postgresql://mgr@db.example:6543/sales?sslmode=require" << true
                              << "mgr@db.example:6543/sales" << "require";
        QTest::newRow("default port and TLS") << "postgresql://mgr@db.example/sales" << true << "mgr@db.example:5432/sales"
                                              << "verify-full";
        QTest::newRow("postgres scheme") << "postgres://a@h:1/d?sslmode=disable" << true << "a@h:1/d" << "disable";
        QTest::newRow("password refused") << "postgresql://mgr:secret@db.example/sales" << false << "" << "";
        QTest::newRow("no database") << "postgresql://mgr@db.example" << false << "" << "";
        QTest::newRow("no user") << "postgresql://db.example/sales" << false << "" << "";
        QTest::newRow("bad sslmode") << "postgresql://mgr@h/d?sslmode=prefer" << false << "" << "";
        QTest::newRow("other scheme") << "mysql://mgr@h/d" << false << "" << "";
    }
    void urlParsing()
    {
        QFETCH(QString, url);
        QFETCH(bool, ok);
        QFETCH(QString, display);
        QFETCH(QString, sslmode);
        sync::ServerAddress a;
        QString error;
        QCOMPARE(sync::ServerAddress::fromUrl(url, &a, &error), ok);
        if (ok) {
            QCOMPARE(a.display(), display);
            QCOMPARE(sync::sslModeText(a.sslMode), sslmode);
        } else {
            QVERIFY(!error.isEmpty());
            QVERIFY2(!error.contains(QLatin1String("secret")), qPrintable(error)); // never echoes a password
        }
    }

    void connectsAndBindsParameters()
    {
        sync::PgError e;
        auto c = sync::PgConnection::open(m_cluster.admin(QStringLiteral("plain")), &e);
        QVERIFY2(c, qPrintable(e.message));
        sync::PgResult r;
        // A value with quotes, a tab and a newline travels as a parameter, untouched.
        const QString tricky = QStringLiteral("O'Brien\t\"x\"\n; DROP TABLE y; 华东");
        QVERIFY2(c->exec(QStringLiteral("SELECT $1::text, $2::bigint + 1, $3::bytea, $4::boolean, $5::text IS NULL"),
                         {tricky, qint64(41), QByteArray("\x00\x01\xff", 3), true, QVariant()}, &r, &e),
                 qPrintable(e.message));
        QCOMPARE(r.text(0, 0), tricky);
        QCOMPARE(r.toLongLong(0, 1), 42);
        QCOMPARE(r.bytes(0, 2), QByteArray("\x00\x01\xff", 3));
        QVERIFY(r.toBool(0, 3));
        QVERIFY(r.toBool(0, 4));
        // COPY both ways, with the escapes of the text format.
        QVERIFY(c->exec(QStringLiteral("CREATE TEMP TABLE t (a text, b bigint)"), &e));
        QByteArray line;
        sync::appendCopyField(&line, tricky.toUtf8());
        line += "\t7\n";
        line += QByteArray(sync::kCopyNull) + "\t8\n";
        bool sent = false;
        qint64 rows = 0;
        QVERIFY2(c->copyIn(QStringLiteral("COPY t FROM STDIN"), [&](QByteArray *chunk) {
            if (!sent)
                *chunk = line;
            sent = true;
            return false;
        }, &rows, &e), qPrintable(e.message));
        QCOMPARE(rows, 2);
        QByteArray back;
        QVERIFY(c->copyOut(QStringLiteral("COPY (SELECT * FROM t ORDER BY b) TO STDOUT"), [&](const char *d, int n) {
            back.append(d, n);
            return true;
        }, &e));
        QCOMPARE(back, line);
        QVERIFY(c->exec(QStringLiteral("SELECT a FROM t WHERE b = 7"), {}, &r, &e));
        QCOMPARE(r.text(0, 0), tricky);
    }

    void wrongPassword()
    {
        sync::PgError e;
        auto c = sync::PgConnection::open(m_cluster.as(QStringLiteral("postgres"), QStringLiteral("not-it"), QStringLiteral("plain")), &e);
        QVERIFY(!c);
        QCOMPARE(e.kind, Kind::BadPassword);
        const QString where = QStringLiteral("postgres@127.0.0.1:%1/plain").arg(m_cluster.port());
        QVERIFY2(e.message.contains(where), qPrintable(e.message));
        QVERIFY2(!e.message.contains(QLatin1String("not-it")), qPrintable(e.message));
    }

    void noSuchDatabase()
    {
        sync::PgError e;
        QVERIFY(!sync::PgConnection::open(m_cluster.admin(QStringLiteral("nope")), &e));
        QCOMPARE(e.kind, Kind::NoDatabase);
        QVERIFY2(e.message.contains(QLatin1String("\"nope\"")), qPrintable(e.message));
    }

    void serverDown()
    {
        // Nothing listens: a fresh cluster started and stopped leaves its port free.
        PgCluster gone;
        QString error;
        QVERIFY2(gone.start(&error), qPrintable(error));
        const auto address = gone.admin(QStringLiteral("postgres"));
        sync::PgError e;
        auto c = sync::PgConnection::open(address, &e);
        QVERIFY2(c, qPrintable(e.message));
        gone.stop(); // mid-session
        sync::PgResult r;
        QVERIFY(!c->exec(QStringLiteral("SELECT 1"), {}, &r, &e));
        QCOMPARE(e.kind, Kind::Unreachable);
        QVERIFY2(e.message.contains(QStringLiteral("127.0.0.1:%1").arg(address.port)), qPrintable(e.message));
        QVERIFY(!sync::PgConnection::open(address, &e));
        QCOMPARE(e.kind, Kind::Unreachable);
        QVERIFY2(e.message.contains(QStringLiteral("127.0.0.1:%1").arg(address.port)), qPrintable(e.message));
    }

    void tlsNameMismatch()
    {
        PgCluster tls;
        QString error;
        PgCluster::Options options;
        options.tls = true;
        options.certificateHost = QStringLiteral("sales.example.com");
        QVERIFY2(tls.start(options, &error), qPrintable(error));
        qputenv("PGSSLROOTCERT", tls.rootCertificate().toLocal8Bit());
        auto address = tls.admin(QStringLiteral("postgres"));
        address.sslMode = sync::SslMode::VerifyFull;
        sync::PgError e;
        QVERIFY(!sync::PgConnection::open(address, &e));
        QCOMPARE(e.kind, Kind::TlsNameMismatch);
        QVERIFY2(e.message.contains(QStringLiteral("127.0.0.1:%1").arg(address.port)), qPrintable(e.message));
        QVERIFY2(e.message.contains(QLatin1String("sales.example.com")), qPrintable(e.message));
        // require: encrypted, the name not checked, so it connects.
        address.sslMode = sync::SslMode::Require;
        auto c = sync::PgConnection::open(address, &e);
        QVERIFY2(c, qPrintable(e.message));
        sync::PgResult r;
        QVERIFY(c->exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"), {}, &r, &e));
        QVERIFY(r.toBool(0, 0));
        qunsetenv("PGSSLROOTCERT");
    }

    void tlsRequiredButServerHasNone()
    {
        auto address = m_cluster.admin(QStringLiteral("plain")); // this cluster runs without TLS
        address.sslMode = sync::SslMode::Require;
        sync::PgError e;
        QVERIFY(!sync::PgConnection::open(address, &e));
        QCOMPARE(e.kind, Kind::TlsFailed);
        QVERIFY2(e.message.contains(QLatin1String("sslmode require")), qPrintable(e.message));
        QVERIFY2(e.message.contains(address.display()), qPrintable(e.message));
    }

    void roleWithoutRights()
    {
        QString error;
        DemoServer demo;
        QVERIFY2(provisionDemoServer(m_cluster, QStringLiteral("rights"), QStringLiteral("pw-1"), &demo, &error), qPrintable(error));
        sync::PgError e;
        auto admin = sync::PgConnection::open(m_cluster.admin(QStringLiteral("rights")), &e);
        QVERIFY(admin->exec(QStringLiteral("CREATE ROLE outsider LOGIN PASSWORD 'pw-2'"), &e));
        auto outsider = sync::PgConnection::open(m_cluster.as(QStringLiteral("outsider"), QStringLiteral("pw-2"), QStringLiteral("rights")), &e);
        QVERIFY2(outsider, qPrintable(e.message));
        sync::PgResult r;
        QVERIFY(!outsider->exec(QStringLiteral("SELECT count(*) FROM cockpit.customers"), {}, &r, &e));
        QCOMPARE(e.kind, Kind::NoRights);
        QVERIFY2(e.message.contains(QLatin1String("outsider")), qPrintable(e.message));
        QVERIFY2(e.message.contains(QStringLiteral("127.0.0.1:%1/rights").arg(m_cluster.port())), qPrintable(e.message));
        // A manager writing into another region is refused by a policy: the same kind.
        auto mgr = sync::PgConnection::open(m_cluster.as(QStringLiteral("manager_ec"), QStringLiteral("pw-1"), QStringLiteral("rights")), &e);
        QVERIFY2(mgr, qPrintable(e.message));
        QVERIFY(!mgr->exec(QStringLiteral("INSERT INTO cockpit.products (id, name, updated_at, region_id) "
                                          "SELECT gen_random_uuid(), 'x', 0, NULL"), &e));
        QCOMPARE(e.kind, Kind::NoRights);
        QVERIFY2(e.message.contains(QLatin1String("products")), qPrintable(e.message));
    }

    void schemaMissingOlderNewer()
    {
        QString error;
        QVERIFY2(createDatabase(m_cluster, QStringLiteral("versions"), &error), qPrintable(error));
        sync::PgError e;
        auto admin = sync::PgConnection::open(m_cluster.admin(QStringLiteral("versions")), &e);
        QVERIFY(!sync::checkServerSchema(*admin, &e));
        QCOMPARE(e.kind, Kind::SchemaMissing);
        QVERIFY2(e.message.contains(QLatin1String("server init")), qPrintable(e.message));

        sync::UpgradeReport report;
        QVERIFY2(sync::upgradeServerSchema(*admin, &report, &e, 1), qPrintable(e.message));
        QCOMPARE(report.to, 1);
        QVERIFY(!sync::checkServerSchema(*admin, &e));
        QCOMPARE(e.kind, Kind::SchemaOlder);
        QVERIFY2(e.message.contains(QLatin1String("server upgrade")), qPrintable(e.message));
        QVERIFY2(e.message.contains(QStringLiteral("127.0.0.1:%1/versions").arg(m_cluster.port())), qPrintable(e.message));

        QVERIFY2(sync::upgradeServerSchema(*admin, &report, &e), qPrintable(e.message));
        QCOMPARE(report.from, 1);
        QCOMPARE(report.to, sync::serverSchemaVersion());
        QVERIFY2(sync::checkServerSchema(*admin, &e), qPrintable(e.message));

        const int newer = sync::serverSchemaVersion() + 1;
        QVERIFY(admin->exec(QStringLiteral("INSERT INTO cockpit.schema_version (version) VALUES ($1)"), {newer}, nullptr, &e));
        QVERIFY(!sync::checkServerSchema(*admin, &e));
        QCOMPARE(e.kind, Kind::SchemaNewer);
        QVERIFY2(e.message.contains(QString::number(newer)), qPrintable(e.message));
        // And the administrator's tools leave a newer server alone.
        QVERIFY(!sync::upgradeServerSchema(*admin, &report, &e));
        QCOMPARE(e.kind, Kind::SchemaNewer);
        sync::PgResult r;
        QVERIFY(admin->exec(QStringLiteral("SELECT max(version) FROM cockpit.schema_version"), {}, &r, &e));
        QCOMPARE(r.toLongLong(0, 0), newer);
    }
};

QTEST_GUILESS_MAIN(TestPgConnection)
#include "tst_pgconnection.moc"
