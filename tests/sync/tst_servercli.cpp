// `sales-cockpit server init|upgrade|add-user|users|prune-history` against a real PostgreSQL: each run twice
// changes nothing the second time and says so; what `server users` prints; passwords never
// printed; refusals exit non-zero with a message.
#include "servertestcase.h"
#include "sync/pgconnection.h"
#include "demo/demogenerator.h"
#include "sync/servercompanycopy.h"
#include "sync/serverschema.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::tests;

namespace {
const QString kLoginPassword = QStringLiteral("login-pw-4711");

struct Run
{
    int code = -1;
    QString out;
    QString err;
};
} // namespace

class TestServerCli : public ServerTestCase
{
    Q_OBJECT

public:
    TestServerCli() : ServerTestCase(kLoginPassword) {}

private:
    QString m_passwordFile;

    QString url(const QString &db) const
    {
        return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2?sslmode=disable").arg(m_cluster.port()).arg(db);
    }
    Run run(const QStringList &args, const QString &adminPassword = QString())
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), adminPassword.isEmpty() ? m_cluster.superPassword() : adminPassword);
        env.insert(QStringLiteral("HOME"), m_dir.path()); // no ~/.pgpass of the machine's
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(COCKPIT_APP), QStringList{QStringLiteral("server")} + args);
        p.waitForFinished(300000);
        Run r{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
        // No password, the administrator's or the logins', ever reaches the output.
        for (const QString &secret : {m_cluster.superPassword(), kLoginPassword}) {
            if (r.out.contains(secret) || r.err.contains(secret)) {
                r.code = -100; // fails every check of the exit code
                r.err = QStringLiteral("a password was printed");
            }
        }
        return r;
    }
    std::unique_ptr<sync::PgConnection> admin(const QString &db)
    {
        sync::PgError e;
        auto c = sync::PgConnection::open(m_cluster.admin(db), &e);
        if (!c)
            qWarning("%s", qPrintable(e.message));
        return c;
    }
    // Everything provisioning could change: rows and stamps of every table, roles, logins,
    // memberships, versions, the epoch.
    QString snapshot(const QString &db)
    {
        auto c = admin(db);
        sync::PgResult r;
        sync::PgError e;
        QStringList parts;
        c->exec(QStringLiteral("SELECT name FROM cockpit.synced_tables ORDER BY position"), {}, &r, &e);
        QStringList tables;
        for (int i = 0; i < r.rows(); ++i)
            tables << r.text(i, 0);
        for (const QString &t : tables) {
            c->exec(QStringLiteral("SELECT count(*), coalesce(max(row_version), 0), coalesce(max(last_xid::text::bigint), 0) FROM cockpit.%1").arg(t), {}, &r, &e);
            parts << QStringLiteral("%1:%2/%3/%4").arg(t, r.text(0, 0), r.text(0, 1), r.text(0, 2));
        }
        for (const char *sql : {"SELECT string_agg(rolname || rolcanlogin::text || rolsuper::text || rolbypassrls::text || coalesce(rolpassword, ''), ',' ORDER BY rolname) FROM pg_authid WHERE rolname NOT LIKE 'pg\\_%'",
                                "SELECT string_agg(login || user_id::text || coalesce(region_id::text, ''), ',' ORDER BY login) FROM cockpit.logins",
                                "SELECT string_agg(g.rolname || '>' || m.rolname, ',' ORDER BY g.rolname, m.rolname) FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member",
                                "SELECT string_agg(version::text, ',' ORDER BY version) FROM cockpit.schema_version",
                                "SELECT epoch::text FROM cockpit.server_info",
                                "SELECT count(*) FROM cockpit.tombstones"}) {
            c->exec(QString::fromLatin1(sql), {}, &r, &e);
            parts << r.text(0, 0);
        }
        return parts.join(QLatin1Char('\n'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        COCKPIT_START_TEST_CLUSTER();
        m_passwordFile = m_dir.filePath(QStringLiteral("pw"));
        QFile f(m_passwordFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kLoginPassword.toUtf8() + '\n');
    }

    void initTwiceChangesNothingTheSecondTime()
    {
        const QStringList args = {QStringLiteral("init"), QStringLiteral("--server"), url(QStringLiteral("company")),
                                  QStringLiteral("--demo"), QStringLiteral("micro"), QStringLiteral("--password-file"), m_passwordFile};
        const Run first = run(args);
        QVERIFY2(first.code == 0, qPrintable(first.err));
        for (const char *said : {"created the database company", "created the roles cockpit_app, cockpit_director, cockpit_owner",
                                 "schema version 0 -> 5 (001_base.sql, 002_chain.sql, 003_push.sql, 004_history.sql, 005_target_reason.sql)", "loaded the micro demo company",
                                 "created the login director", "created the login manager_ec", "created the login manager_sw",
                                 "made director a director (every region)", "set the password of manager_ec"})
            QVERIFY2(first.out.contains(QLatin1String(said)), qPrintable(QLatin1String(said) + QLatin1String("\n") + first.out));
        const QString before = snapshot(QStringLiteral("company"));
        const Run second = run(args);
        QVERIFY2(second.code == 0, qPrintable(second.err));
        QVERIFY2(second.out.contains(QLatin1String("the demo is not loaded again")), qPrintable(second.out));
        QVERIFY2(second.out.contains(QLatin1String("nothing changed")), qPrintable(second.out));
        QCOMPARE(snapshot(QStringLiteral("company")), before);
        // The logins work with the file's password.
        sync::PgError e;
        QVERIFY2(sync::PgConnection::open(m_cluster.as(QStringLiteral("manager_ec"), kLoginPassword, QStringLiteral("company")), &e),
                 qPrintable(e.message));
    }

    void upgradeTwiceChangesNothingTheSecondTime()
    {
        QString error;
        QVERIFY2(createDatabase(m_cluster, QStringLiteral("older"), &error), qPrintable(error));
        auto c = admin(QStringLiteral("older"));
        sync::UpgradeReport report;
        sync::PgError e;
        QVERIFY2(sync::upgradeServerSchema(*c, &report, &e, 1), qPrintable(e.message)); // a server of version 1
        const QStringList args = {QStringLiteral("upgrade"), QStringLiteral("--server"), url(QStringLiteral("older"))};
        const Run first = run(args);
        QVERIFY2(first.code == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains(QLatin1String("schema version 1 -> 5 (002_chain.sql, 003_push.sql, 004_history.sql, 005_target_reason.sql)")), qPrintable(first.out));
        QVERIFY2(sync::checkServerSchema(*c, &e), qPrintable(e.message));
        const QString before = snapshot(QStringLiteral("older"));
        const Run second = run(args);
        QVERIFY2(second.code == 0, qPrintable(second.err));
        QVERIFY2(second.out.contains(QLatin1String("nothing changed")), qPrintable(second.out));
        QCOMPARE(snapshot(QStringLiteral("older")), before);
    }

    // `server prune-history`: removes the column history older than the age, raises the
    // watermark (004_history.sql), and a second run finds nothing to remove.
    void pruneHistoryTwiceChangesNothingTheSecondTime()
    {
        auto c = admin(QStringLiteral("company"));
        sync::PgError e;
        QVERIFY2(c->exec(QStringLiteral("UPDATE cockpit.customers SET phone = '021-55555555' WHERE id IN "
                                        "(SELECT id FROM cockpit.customers ORDER BY id LIMIT 2)"),
                         &e),
                 qPrintable(e.message));
        const QStringList keep = {QStringLiteral("prune-history"), QStringLiteral("--server"), url(QStringLiteral("company")),
                                  QStringLiteral("--older-than"), QStringLiteral("30")};
        Run r = run(keep);
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("nothing changed")), qPrintable(r.out + r.err)); // all recent
        const QStringList all = {QStringLiteral("prune-history"), QStringLiteral("--server"), url(QStringLiteral("company")),
                                 QStringLiteral("--older-than"), QStringLiteral("0")};
        r = run(all);
        QVERIFY2(r.code == 0 && r.out.contains(QRegularExpression(QStringLiteral("removed [1-9][0-9]* column-history entries"))),
                 qPrintable(r.out + r.err));
        sync::PgResult left;
        QVERIFY(c->exec(QStringLiteral("SELECT count(*), (SELECT below FROM cockpit.column_history_pruned) > 0 FROM cockpit.column_history"),
                        {}, &left, &e));
        QCOMPARE(left.toLongLong(0, 0), qint64(0));
        QVERIFY(left.toBool(0, 1));
        r = run(all);
        QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("nothing changed")), qPrintable(r.out + r.err));
    }

    void usersListsLoginUserRoleRegion()
    {
        // What the table says, read independently of the command's own query.
        auto c = admin(QStringLiteral("company"));
        sync::PgResult r;
        sync::PgError e;
        QVERIFY(c->exec(QStringLiteral("SELECT u.name, u.id FROM cockpit.users u WHERE u.role = 'director'"), {}, &r, &e));
        const QString directorLine = QStringLiteral("director,%1,%2,director,(all)").arg(r.text(0, 0), r.text(0, 1));
        QVERIFY(c->exec(QStringLiteral("SELECT u.name, u.id, g.name FROM cockpit.users u JOIN cockpit.regions g ON g.id = u.region_id "
                                       "WHERE u.role = 'regional_manager' AND g.code = 'EC'"), {}, &r, &e));
        const QString eastLine = QStringLiteral("manager_ec,%1,%2,regional_manager,%3").arg(r.text(0, 0), r.text(0, 1), r.text(0, 2));
        QCOMPARE(r.text(0, 2), QStringLiteral("华东"));

        const Run csv = run({QStringLiteral("users"), QStringLiteral("--server"), url(QStringLiteral("company")),
                             QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(csv.code == 0, qPrintable(csv.err));
        const QStringList lines = csv.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), QStringLiteral("login,user,user_id,role,region"));
        QCOMPARE(lines.at(1), directorLine);
        QCOMPARE(lines.at(2), eastLine);
        QVERIFY2(lines.at(3).startsWith(QLatin1String("manager_sw,")) && lines.at(3).endsWith(QStringLiteral(",regional_manager,西南")),
                 qPrintable(lines.at(3)));

        const Run table = run({QStringLiteral("users"), QStringLiteral("--server"), url(QStringLiteral("company"))});
        QVERIFY2(table.code == 0, qPrintable(table.err));
        const QStringList rows = table.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows.at(0).simplified(), QStringLiteral("login user user_id role region"));
        QCOMPARE(rows.at(2).simplified(), QString(eastLine).replace(QLatin1Char(','), QLatin1Char(' ')));
        QCOMPARE(rows.at(4), QStringLiteral("3 login(s) on postgres@127.0.0.1:%1/company").arg(m_cluster.port()));
    }

    void addUserTwiceChangesNothingTheSecondTime()
    {
        auto c = admin(QStringLiteral("company"));
        sync::PgResult r;
        sync::PgError e;
        QVERIFY(c->exec(QStringLiteral("SELECT u.id, u.region_id FROM cockpit.users u JOIN cockpit.regions g ON g.id = u.region_id "
                                       "WHERE u.role = 'sales' AND g.code = 'SW' ORDER BY u.id LIMIT 1"), {}, &r, &e));
        const QString rep = r.text(0, 0), region = r.text(0, 1);
        const QStringList args = {QStringLiteral("add-user"), QStringLiteral("--server"), url(QStringLiteral("company")),
                                  QStringLiteral("--login"), QStringLiteral("rep_sw"), QStringLiteral("--user"), rep,
                                  QStringLiteral("--password-file"), m_passwordFile};
        const Run first = run(args);
        QVERIFY2(first.code == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains(QLatin1String("created the login rep_sw")), qPrintable(first.out));
        QVERIFY2(first.out.contains(QStringLiteral("mapped rep_sw to")), qPrintable(first.out));
        const QString before = snapshot(QStringLiteral("company"));
        const Run second = run(args);
        QVERIFY2(second.code == 0, qPrintable(second.err));
        QVERIFY2(second.out.contains(QLatin1String("nothing changed")), qPrintable(second.out));
        QCOMPARE(snapshot(QStringLiteral("company")), before);
        // The new login sees its user's region and nothing else; its user's row names it.
        auto login = sync::PgConnection::open(m_cluster.as(QStringLiteral("rep_sw"), kLoginPassword, QStringLiteral("company")), &e);
        QVERIFY2(login, qPrintable(e.message));
        QVERIFY(login->exec(QStringLiteral("SELECT count(*) FILTER (WHERE region_id <> $1), count(*) FROM cockpit.customers"), {region}, &r, &e));
        QCOMPARE(r.toLongLong(0, 0), 0);
        QVERIFY(r.toLongLong(0, 1) > 0);
        QVERIFY(c->exec(QStringLiteral("SELECT db_role FROM cockpit.users WHERE id = $1"), {rep}, &r, &e));
        QCOMPARE(r.text(0, 0), QStringLiteral("rep_sw"));
    }


    // The copy behind `init --demo`: every row arrives, every local key becomes the row's UUID,
    // every reference the referenced row's, every row its region (its own or its parent's), and
    // a logged deletion keeps its meaning (sets_deleted) without becoming a tombstone.
    void copyMapsEveryKeyToItsUuid()
    {
        const QString file = m_dir.filePath(QStringLiteral("copy.db"));
        demo::Options options;
        options.scale = demo::Scale::Micro;
        options.asOf = QDate(2026, 11, 22);
        QVERIFY(demo::generate(file, options).ok);
        QString activity;
        {
            auto local = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("copy"));
            local.setDatabaseName(file);
            QVERIFY(local.open());
            QSqlQuery q(local);
            QVERIFY(q.exec(QStringLiteral("SELECT lower(hex(uuid)) FROM activities ORDER BY id LIMIT 1 OFFSET 7")) && q.next());
            const QString h = q.value(0).toString();
            activity = QStringLiteral("%1-%2-%3-%4-%5").arg(h.mid(0, 8), h.mid(8, 4), h.mid(12, 4), h.mid(16, 4), h.mid(20));
        }
        QProcess del;
        del.start(QStringLiteral(COCKPIT_APP), {QStringLiteral("delete-activity"), QStringLiteral("--db"), file,
                                               QStringLiteral("--activity"), activity, QStringLiteral("--reason"), QStringLiteral("dup")});
        QVERIFY(del.waitForFinished(60000));
        QVERIFY2(del.exitCode() == 0, del.readAllStandardError().constData());

        QString error;
        QVERIFY2(createDatabase(m_cluster, QStringLiteral("copied"), &error), qPrintable(error));
        auto c = admin(QStringLiteral("copied"));
        sync::UpgradeReport report;
        sync::PgError e;
        QVERIFY(sync::upgradeServerSchema(*c, &report, &e));
        sync::CompanyCopyReport copied;
        QVERIFY2(sync::copyCompanyToServer(*c, file, &copied, &e), qPrintable(e.message));
        QCOMPARE(copied.rows.size(), 26);

        auto local = QSqlDatabase::database(QStringLiteral("copy"));
        auto localText = [&](const QString &sql) {
            QSqlQuery q(local);
            return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<%1>").arg(sql);
        };
        auto serverText = [&](const QString &sql) {
            sync::PgResult r;
            sync::PgError err;
            return c->exec(sql, {}, &r, &err) && r.rows() ? r.text(0, 0) : QStringLiteral("<%1: %2>").arg(sql, err.detail);
        };
        for (const auto &[table, rows] : std::as_const(copied.rows)) {
            QCOMPARE(QString::number(rows), localText(QStringLiteral("SELECT count(*) FROM %1").arg(table)));
            QCOMPARE(serverText(QStringLiteral("SELECT count(*) FROM cockpit.%1").arg(table)), QString::number(rows));
        }
        // References: each lead's customer, owner and stage, in UUIDs, and its times unchanged.
        QCOMPARE(serverText(QStringLiteral(
                     "SELECT string_agg(replace(l.id::text, '-', '') || ':' || replace(l.customer_id::text, '-', '') || ':' || "
                     "coalesce(replace(l.owner_id::text, '-', ''), '') || ':' || replace(l.stage_id::text, '-', '') || ':' || "
                     "l.created_at, ',' ORDER BY l.id) FROM cockpit.leads l")),
                 localText(QStringLiteral(
                     "SELECT group_concat(x, ',') FROM (SELECT lower(hex(l.uuid)) || ':' || lower(hex(c.uuid)) || ':' || "
                     "coalesce(lower(hex(u.uuid)), '') || ':' || lower(hex(s.uuid)) || ':' || l.created_at AS x FROM leads l "
                     "JOIN customers c ON c.id = l.customer_id LEFT JOIN users u ON u.id = l.owner_id "
                     "JOIN pipeline_stages s ON s.id = l.stage_id ORDER BY l.uuid)")));
        // Regions: a child row carries its parent's.
        for (const char *sql : {"SELECT count(*) FROM cockpit.contacts t JOIN cockpit.customers p ON p.id = t.customer_id WHERE t.region_id IS DISTINCT FROM p.region_id",
                                "SELECT count(*) FROM cockpit.activities t JOIN cockpit.customers p ON p.id = t.customer_id WHERE t.region_id IS DISTINCT FROM p.region_id",
                                "SELECT count(*) FROM cockpit.stage_history t JOIN cockpit.leads p ON p.id = t.lead_id WHERE t.region_id IS DISTINCT FROM p.region_id",
                                "SELECT count(*) FROM cockpit.store_days t JOIN cockpit.stores p ON p.id = t.store_id WHERE t.region_id IS DISTINCT FROM p.region_id",
                                "SELECT count(*) FROM cockpit.tasks t JOIN cockpit.users p ON p.id = t.user_id WHERE t.region_id IS DISTINCT FROM p.region_id",
                                "SELECT count(*) FROM cockpit.targets t JOIN cockpit.cities p ON p.id = t.org_id WHERE t.org_level = 'city' AND t.region_id IS DISTINCT FROM p.region_id",
                                "SELECT count(*) FROM cockpit.targets WHERE org_level <> 'company' AND (org_id IS NULL OR region_id IS NULL)",
                                "SELECT count(*) FROM cockpit.customers WHERE region_id IS NULL"})
            QCOMPARE(serverText(QString::fromLatin1(sql)), QStringLiteral("0"));
        QCOMPARE(serverText(QStringLiteral("SELECT count(DISTINCT region_id) FROM cockpit.activities")), QStringLiteral("2"));
        // The logged deletion: content kept, no tombstone; the activity itself is deleted.
        QCOMPARE(serverText(QStringLiteral("SELECT record_kind || ':' || record_id || ':' || sets_deleted || ':' || deleted || ':' || "
                                           "(region_id = (SELECT region_id FROM cockpit.activities WHERE id = record_id)) "
                                           "FROM cockpit.log_deletions")),
                 QStringLiteral("activity:%1:true:false:true").arg(activity));
        QCOMPARE(serverText(QStringLiteral("SELECT deleted::text FROM cockpit.activities WHERE id = '%1'").arg(activity)), QStringLiteral("true"));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("adminPassword");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        const QString company = QStringLiteral("postgresql://postgres@127.0.0.1:%1/company?sslmode=disable");
        QTest::newRow("no --server") << QStringList{QStringLiteral("users")} << QString() << 2 << "--server";
        QTest::newRow("password in the URL")
            << QStringList{QStringLiteral("users"), QStringLiteral("--server"), QStringLiteral("postgresql://postgres:x@127.0.0.1/company")}
            << QString() << 2 << "PGPASSWORD";
        QTest::newRow("wrong admin password") << QStringList{QStringLiteral("users"), QStringLiteral("--server"), QStringLiteral("@company")}
                                              << QStringLiteral("wrong-one") << 1 << "refused the password";
        QTest::newRow("unknown user") << QStringList{QStringLiteral("add-user"), QStringLiteral("--server"), QStringLiteral("@company"),
                                                     QStringLiteral("--login"), QStringLiteral("nobody_here"), QStringLiteral("--user"),
                                                     QStringLiteral("无此人")}
                                      << QString() << 1 << "has no user \"无此人\"";
        QTest::newRow("unknown user by UUID") << QStringList{QStringLiteral("add-user"), QStringLiteral("--server"), QStringLiteral("@company"),
                                                             QStringLiteral("--login"), QStringLiteral("postgres"), QStringLiteral("--user"),
                                                             QStringLiteral("00000000-0000-0000-0000-000000000000")}
                                              << QString() << 1 << "has no user";
        QTest::newRow("bad login name") << QStringList{QStringLiteral("add-user"), QStringLiteral("--server"), QStringLiteral("@company"),
                                                       QStringLiteral("--login"), QStringLiteral("Robert'); DROP"), QStringLiteral("--user"),
                                                       QStringLiteral("x")}
                                        << QString() << 1 << "cannot be a login";
        QTest::newRow("bad format") << QStringList{QStringLiteral("users"), QStringLiteral("--server"), QStringLiteral("@company"),
                                                   QStringLiteral("--format"), QStringLiteral("xml")}
                                    << QString() << 2 << "--format";
        QTest::newRow("prune without an age") << QStringList{QStringLiteral("prune-history"), QStringLiteral("--server"), QStringLiteral("@company")}
                                              << QString() << 2 << "--older-than DAYS";
        QTest::newRow("prune, a negative age") << QStringList{QStringLiteral("prune-history"), QStringLiteral("--server"), QStringLiteral("@company"),
                                                              QStringLiteral("--older-than"), QStringLiteral("-3")}
                                               << QString() << 2 << "--older-than DAYS";
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("drop")} << QString() << 2 << "init, add-user, users, upgrade or prune-history";
    }
    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, adminPassword);
        QFETCH(int, code);
        QFETCH(QString, says);
        for (QString &a : args)
            if (a == QLatin1String("@company"))
                a = url(QStringLiteral("company"));
        const Run r = run(args, adminPassword);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
    }

    void aSuperuserIsNeverALogin()
    {
        auto c = admin(QStringLiteral("company"));
        sync::PgResult r;
        sync::PgError e;
        QVERIFY(c->exec(QStringLiteral("SELECT id FROM cockpit.users WHERE role = 'director'"), {}, &r, &e));
        const Run run1 = run({QStringLiteral("add-user"), QStringLiteral("--server"), url(QStringLiteral("company")),
                              QStringLiteral("--login"), QStringLiteral("postgres"), QStringLiteral("--user"), r.text(0, 0)});
        QCOMPARE(run1.code, 1);
        QVERIFY2(run1.err.contains(QLatin1String("superuser or bypasses row-level security")), qPrintable(run1.err));
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
