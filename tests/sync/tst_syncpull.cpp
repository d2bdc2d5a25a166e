// Pull (server → desktop, SYNC.md) against a real PostgreSQL: `sales-cockpit sync` as each
// demo login. A manager receives exactly their region's rows and the company-wide ones; a
// late-committing writer's row arrives exactly once (after its transaction ends, with the
// stall reported meanwhile); a new server epoch re-pulls everything and keeps the outbox; an
// interrupted pull (a cancel, or the connection killed between pages) resumes without
// applying anything twice; the pulled file passes integrity_check and its reports run and
// equal those of the company the server was loaded from.
#include "servertestcase.h"
#include "synctestfile.h"
#include "demo/demogenerator.h"
#include "storage/database.h"
#include "sync/pgconnection.h"
#include "sync/syncpull.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::tests;

namespace {
const QString kPassword = QStringLiteral("pull-pw-1234");

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestSyncPull : public ServerTestCase
{
    Q_OBJECT

public:
    TestSyncPull() : ServerTestCase(kPassword) {}

private:
    QStringList m_tables;

    QString file(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".db")); }

    Run app(const QStringList &args, const QHash<QString, QString> &extraEnv = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), kPassword);
        env.insert(QStringLiteral("HOME"), m_dir.path());
        for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
            env.insert(it.key(), it.value());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(COCKPIT_APP), args);
        p.waitForFinished(300000);
        return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    // Pull only: these tests hold edits in the outbox on purpose (tst_syncpush pushes them).
    Run sync(const QString &db, const QString &login, const QString &path, const QHash<QString, QString> &env = {})
    {
        return app({QStringLiteral("sync"), QStringLiteral("--pull-only"), QStringLiteral("--db"), path, QStringLiteral("--server"), url(db, login)}, env);
    }
    // Rows per synced table in a file, "table:count,…".
    QString localCounts(const QString &path)
    {
        QStringList parts;
        for (const QString &t : std::as_const(m_tables))
            parts << QStringLiteral("%1:%2").arg(t, scalar(path, QStringLiteral("SELECT count(*) FROM %1").arg(t)).toString());
        return parts.join(QLatin1Char(','));
    }
    // Every index of a file, "name:sql;…": a first pull sets most aside and builds them at the end.
    QString indexesOf(const QString &path)
    {
        return scalar(path, QStringLiteral("SELECT group_concat(name || ':' || sql, ';') FROM (SELECT name, sql FROM sqlite_master "
                                           "WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)")).toString();
    }
    int appliedIn(const QString &out)
    {
        static const QRegularExpression re(QStringLiteral("(\\d+) row\\(s\\) applied"));
        const auto m = re.match(out);
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        COCKPIT_START_TEST_CLUSTER();
        DemoServer demo;
        QVERIFY(provision(QStringLiteral("t_tables"), &demo));
        auto admin = connect(m_cluster.admin(QStringLiteral("t_tables")));
        QVERIFY(admin);
        sync::PgResult r;
        sync::PgError e;
        QVERIFY(admin->exec(QStringLiteral("SELECT name FROM cockpit.synced_tables ORDER BY position"), {}, &r, &e));
        for (int i = 0; i < r.rows(); ++i)
            m_tables << r.text(i, 0);
        QCOMPARE(m_tables.size(), 26);
    }

    // Each manager: every synced table holds exactly the server's rows of their region and the
    // company-wide ones; none of the other region's customers or leads. The director: the whole
    // company, whose reports equal those of the file the server was loaded from.
    void managerReceivesOnlyTheirRegion()
    {
        const QString db = QStringLiteral("t_region");
        DemoServer demo;
        QVERIFY(provision(db, &demo));
        auto admin = connect(m_cluster.admin(db));
        QVERIFY(admin);
        int managers = 0;
        for (const auto &[login, user] : std::as_const(demo.logins)) {
            const QString region = serverText(*admin, QStringLiteral("SELECT coalesce(region_id::text, '') FROM cockpit.logins WHERE login = $1"), {login});
            const QString path = file(QStringLiteral("region-") + login);
            const Run r = sync(db, login, path);
            QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
            QVERIFY2(r.out.contains(QStringLiteral("(full pull)")), qPrintable(r.out));
            QCOMPARE(scalar(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
            QVERIFY(column(path, QStringLiteral("PRAGMA foreign_key_check")).isEmpty());
            // "You" are the login's org user.
            QCOMPARE(scalar(path, QStringLiteral("SELECT cockpit_uuid_hex FROM (SELECT lower(hex(uuid)) AS cockpit_uuid_hex FROM users "
                                                 "WHERE id = (SELECT value FROM settings WHERE key = 'current_user_id'))")).toString(),
                     QString(user).remove(QLatin1Char('-')));
            for (const QString &t : std::as_const(m_tables)) {
                const QString where = region.isEmpty() ? QStringLiteral("true") : QStringLiteral("region_id = '%1' OR region_id IS NULL").arg(region);
                const QString expected = serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.%1 WHERE %2").arg(t, where));
                QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM %1").arg(t)).toString() + QLatin1Char(' ') + t,
                         expected + QLatin1Char(' ') + t);
            }
            if (region.isEmpty())
                continue;
            ++managers;
            QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM regions")).toInt(), 1);
            // Not one customer or lead of another region, by id.
            for (const char *t : {"customers", "leads", "activities"}) {
                sync::PgResult others;
                sync::PgError e;
                QVERIFY(admin->exec(QStringLiteral("SELECT replace(id::text, '-', '') FROM cockpit.%1 WHERE region_id <> $1").arg(QLatin1String(t)),
                                    {region}, &others, &e));
                QVERIFY(others.rows() > 0);
                const QStringList mine = column(path, QStringLiteral("SELECT lower(hex(uuid)) FROM %1").arg(QLatin1String(t)));
                for (int i = 0; i < others.rows(); ++i)
                    QVERIFY2(!mine.contains(others.text(i, 0)), t);
            }
            const Run report = app({QStringLiteral("report"), QStringLiteral("funnel"), QStringLiteral("--db"), path,
                                    QStringLiteral("--period"), QStringLiteral("2026")});
            QVERIFY2(report.code == 0 && report.out.contains(QStringLiteral("reach")), qPrintable(report.out + report.err));
        }
        QCOMPARE(managers, 2);
        // The director's file reports what the company the server was loaded from reports.
        demo::Options options; // as serverfixture.cpp loads it
        options.scale = demo::Scale::Micro;
        options.seed = 42;
        options.asOf = QDate(2026, 11, 22);
        const QString original = file(QStringLiteral("original"));
        QVERIFY(demo::generate(original, options).ok);
        const QString director = file(QStringLiteral("region-director"));
        QVERIFY(QFile::exists(director));
        for (const char *report : {"kpi", "funnel", "conversion", "radar", "outcomes"}) {
            const QStringList args{QStringLiteral("report"), QLatin1String(report), QStringLiteral("--period"), QStringLiteral("2026"),
                                   QStringLiteral("--now"), QStringLiteral("2026-11-22T12:00:00"), QStringLiteral("--db")};
            const Run a = app(args + QStringList{original});
            const Run b = app(args + QStringList{director});
            QCOMPARE(b.code, a.code);
            QVERIFY2(!a.out.isEmpty(), report);
            QCOMPARE(b.out, a.out);
        }
    }

    // SYNC.md test 1: A holds its transaction open, B commits after it; a pull takes neither
    // (B is above the horizon A holds) and reports the stall; after A commits both arrive,
    // each once.
    void lateCommittingWriterArrivesOnce()
    {
        const QString db = QStringLiteral("t_late");
        DemoServer demo;
        QVERIFY(provision(db, &demo));
        const QString path = file(QStringLiteral("late"));
        QCOMPARE(sync(db, QStringLiteral("director"), path).code, 0);
        auto admin = connect(m_cluster.admin(db));
        sync::PgResult leads;
        sync::PgError e;
        QVERIFY(admin->exec(QStringLiteral("SELECT id::text, replace(id::text, '-', '') FROM cockpit.leads ORDER BY id LIMIT 2"), {}, &leads, &e));
        auto a = connect(m_cluster.as(QStringLiteral("director"), kPassword, db));
        auto b = connect(m_cluster.as(QStringLiteral("director"), kPassword, db));
        QVERIFY(a && b);
        QVERIFY(a->exec(QStringLiteral("BEGIN"), &e));
        QVERIFY(a->exec(QStringLiteral("UPDATE cockpit.leads SET title = 'late A' WHERE id = $1"), {leads.text(0, 0)}, nullptr, &e));
        QVERIFY(b->exec(QStringLiteral("UPDATE cockpit.leads SET title = 'early B' WHERE id = $1"), {leads.text(1, 0)}, nullptr, &e));
        auto title = [&](int i) {
            return scalar(path, QStringLiteral("SELECT title FROM leads WHERE lower(hex(uuid)) = ?"), {leads.text(i, 1)}).toString();
        };
        Run r = sync(db, QStringLiteral("director"), path);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(appliedIn(r.out), 0);
        QVERIFY(title(0) != QLatin1String("late A"));
        QVERIFY(title(1) != QLatin1String("early B"));
        r = sync(db, QStringLiteral("director"), path); // the horizon still stands: reported
        QVERIFY2(r.out.contains(QStringLiteral("warning: a transaction open on the server")), qPrintable(r.out));
        QCOMPARE(appliedIn(r.out), 0);
        QVERIFY(a->exec(QStringLiteral("COMMIT"), &e));
        r = sync(db, QStringLiteral("director"), path);
        QCOMPARE(appliedIn(r.out), 2);
        QVERIFY(!r.out.contains(QStringLiteral("warning")));
        QCOMPARE(title(0), QStringLiteral("late A"));
        QCOMPARE(title(1), QStringLiteral("early B"));
        r = sync(db, QStringLiteral("director"), path);
        QCOMPARE(appliedIn(r.out), 0);
    }

    // SYNC.md test 5: a restored server (new epoch) without two leads: the file re-pulls
    // everything; the lead the outbox still holds an edit of stays, the other goes; the
    // outbox is kept whole.
    void epochChangeRepullsAndKeepsTheOutbox()
    {
        const QString db = QStringLiteral("t_epoch");
        DemoServer demo;
        QVERIFY(provision(db, &demo));
        const QString path = file(QStringLiteral("epoch"));
        QCOMPARE(sync(db, QStringLiteral("director"), path).code, 0);
        const QStringList two = column(path, QStringLiteral("SELECT lower(hex(uuid)) FROM leads ORDER BY id LIMIT 2"));
        const qint64 edited = scalar(path, QStringLiteral("SELECT id FROM leads ORDER BY id LIMIT 1")).toLongLong();
        QVERIFY(scalar(path, QStringLiteral("INSERT INTO outbox (op_id, table_name, row_id, op, fields, base_row_version, created_at) "
                                            "VALUES ('op-epoch', 'leads', ?, 'update', '{\"title\":\"mine\"}', 1, 0) RETURNING seq"),
                       {edited}).isValid());
        const int leadsBefore = scalar(path, QStringLiteral("SELECT count(*) FROM leads")).toInt();
        auto admin = connect(m_cluster.admin(db));
        sync::PgError e;
        auto uuid = [](const QString &hex) { return QUuid::fromString(QStringLiteral("%1-%2-%3-%4-%5").arg(hex.left(8), hex.mid(8, 4), hex.mid(12, 4), hex.mid(16, 4), hex.mid(20))).toString(QUuid::WithoutBraces); };
        // A restore from an older dump: the rows are simply not there (no tombstone), and the
        // server has a new identity.
        QVERIFY(admin->exec(QStringLiteral("SET session_replication_role = replica"), &e));
        QVERIFY(admin->exec(QStringLiteral("DELETE FROM cockpit.leads WHERE id IN ($1, $2)"), {uuid(two.at(0)), uuid(two.at(1))}, nullptr, &e));
        QVERIFY(admin->exec(QStringLiteral("RESET session_replication_role"), &e));
        QVERIFY(admin->exec(QStringLiteral("UPDATE cockpit.server_info SET epoch = gen_random_uuid()"), &e));
        const Run r = sync(db, QStringLiteral("director"), path);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("a new epoch")) && r.out.contains(QStringLiteral("the 1 edit(s) waiting were kept")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("removed 1 row(s)")), qPrintable(r.out));
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 1);
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM leads WHERE id = ?"), {edited}).toInt(), 1);
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM leads WHERE lower(hex(uuid)) = ?"), {two.at(1)}).toInt(), 0);
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM leads")).toInt(), leadsBefore - 1);
        QCOMPARE(scalar(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        const Run again = sync(db, QStringLiteral("director"), path);
        QCOMPARE(appliedIn(again.out), 0);
        QVERIFY2(!again.out.contains(QStringLiteral("a new epoch")), qPrintable(again.out));
    }

    // SYNC.md test 8 (and the cancel of the first pull): a pull stopped after some pages, by
    // a cancel or by the connection dying, resumes at its cursor: the rows applied before and
    // after add up to one uninterrupted pull's, and the files end equal.
    void interruptedPullResumesWithoutDuplicates()
    {
        const QString db = QStringLiteral("t_resume");
        DemoServer demo;
        QVERIFY(provision(db, &demo));
        const QString whole = file(QStringLiteral("resume-whole"));
        const Run w = sync(db, QStringLiteral("director"), whole);
        QVERIFY2(w.code == 0, qPrintable(w.err));
        const int total = appliedIn(w.out);
        QVERIFY(total > 2000);
        // The indexes the first pull set aside (the activity log's unique log_seq ones too)
        // are all back, as a new file has them.
        const QString fresh = file(QStringLiteral("resume-fresh"));
        {
            storage::Database made;
            QVERIFY(made.open(fresh, storage::Database::Mode::CreateIfMissing).ok());
        }
        QVERIFY(indexesOf(fresh).contains(QStringLiteral("idx_activities_log_seq:CREATE UNIQUE INDEX")));
        QCOMPARE(indexesOf(whole), indexesOf(fresh));

        // Cancelled after two pages of 500.
        const QString cancelled = file(QStringLiteral("resume-cancel"));
        const QHash<QString, QString> pages{{QStringLiteral("COCKPIT_SYNC_PAGE"), QStringLiteral("500")}};
        QHash<QString, QString> stop = pages;
        stop.insert(QStringLiteral("COCKPIT_SYNC_STOP_AFTER_PAGES"), QStringLiteral("2"));
        Run r = sync(db, QStringLiteral("director"), cancelled, stop);
        QCOMPARE(r.code, 3);
        QCOMPARE(appliedIn(r.out), 1000);
        QCOMPARE(scalar(cancelled, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        r = sync(db, QStringLiteral("director"), cancelled, pages);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(appliedIn(r.out), total - 1000);
        QCOMPARE(localCounts(cancelled), localCounts(whole));
        QCOMPARE(indexesOf(cancelled), indexesOf(fresh));

        // The connection killed by the server between pages (in process: the next page fails).
        const QString killed = file(QStringLiteral("resume-killed"));
        storage::Database local;
        QVERIFY(local.open(killed, storage::Database::Mode::CreateIfMissing).ok());
        auto admin = connect(m_cluster.admin(db));
        auto director = connect(m_cluster.as(QStringLiteral("director"), kPassword, db));
        QVERIFY(admin && director);
        const QString pid = serverText(*director, QStringLiteral("SELECT pg_backend_pid()::text"));
        sync::PullOptions options;
        options.pageSize = 700;
        options.progress = [&](qint64) {
            sync::PgError e;
            admin->exec(QStringLiteral("SELECT pg_terminate_backend($1::int)"), {pid}, nullptr, &e);
            return true;
        };
        sync::PullReport report;
        sync::PgError e;
        QVERIFY(!sync::pullFromServer(*director, local.handle(), options, &report, &e));
        QCOMPARE(e.kind, sync::PgError::Kind::Unreachable);
        QVERIFY(report.pages >= 1);
        // The tables whose COPY had ended (a first pull commits at each table's end).
        QVERIFY(report.rowsApplied < total);
        const qint64 before = report.rowsApplied;
        director = connect(m_cluster.as(QStringLiteral("director"), kPassword, db));
        QVERIFY(director);
        options.progress = {};
        QVERIFY2(sync::pullFromServer(*director, local.handle(), options, &report, &e), qPrintable(e.message));
        QVERIFY(report.complete);
        QCOMPARE(report.rowsApplied, total - before);
        local.close();
        QCOMPARE(localCounts(killed), localCounts(whole));
        QCOMPARE(indexesOf(killed), indexesOf(fresh));
        QCOMPARE(scalar(killed, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    }

    // A pull never overwrites a queued local edit: the edited column stays, the server's other
    // changes to the row arrive around it; a row whose outbox entry has no fields (the row as
    // committed) is left whole.
    void queuedEditsAreNotOverwritten()
    {
        const QString db = QStringLiteral("t_queued");
        DemoServer demo;
        QVERIFY(provision(db, &demo));
        const QString path = file(QStringLiteral("queued"));
        QCOMPARE(sync(db, QStringLiteral("director"), path).code, 0);
        const QStringList ids = column(path, QStringLiteral("SELECT id FROM leads ORDER BY id LIMIT 2"));
        const QStringList hex = column(path, QStringLiteral("SELECT lower(hex(uuid)) FROM leads ORDER BY id LIMIT 2"));
        QVERIFY(scalar(path, QStringLiteral("UPDATE leads SET title = 'mine' WHERE id = ? RETURNING id"), {ids.at(0)}).isValid());
        QVERIFY(scalar(path, QStringLiteral("INSERT INTO outbox (op_id, table_name, row_id, op, fields, base_row_version, created_at) "
                                            "VALUES ('op-q1', 'leads', ?, 'update', '{\"title\":\"mine\"}', 1, 0) RETURNING seq"),
                       {ids.at(0)}).isValid());
        QVERIFY(scalar(path, QStringLiteral("UPDATE leads SET title = 'whole' WHERE id = ? RETURNING id"), {ids.at(1)}).isValid());
        QVERIFY(scalar(path, QStringLiteral("INSERT INTO outbox (op_id, table_name, row_id, op, fields, base_row_version, created_at) "
                                            "VALUES ('op-q2', 'leads', ?, 'update', 'null', 1, 0) RETURNING seq"),
                       {ids.at(1)}).isValid());
        auto director = connect(m_cluster.as(QStringLiteral("director"), kPassword, db));
        QVERIFY(director);
        sync::PgError e;
        for (const QString &h : hex)
            QVERIFY(director->exec(QStringLiteral("UPDATE cockpit.leads SET title = 'theirs', amount_cents = 4242 WHERE replace(id::text, '-', '') = $1"),
                                   {h}, nullptr, &e));
        const Run r = sync(db, QStringLiteral("director"), path);
        QVERIFY2(r.out.contains(QStringLiteral("2 row(s) with edits waiting kept")), qPrintable(r.out));
        QCOMPARE(scalar(path, QStringLiteral("SELECT title || '/' || amount_cents FROM leads WHERE id = ?"), {ids.at(0)}).toString(),
                 QStringLiteral("mine/4242"));
        QCOMPARE(scalar(path, QStringLiteral("SELECT title FROM leads WHERE id = ?"), {ids.at(1)}).toString(), QStringLiteral("whole"));
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 2);
    }

    // A file with a company of its own is never merged into a server's copy.
    void refusesAFileWithItsOwnCompany()
    {
        const QString db = QStringLiteral("t_refuse");
        DemoServer demo;
        QVERIFY(provision(db, &demo));
        const QString path = file(QStringLiteral("own"));
        QCOMPARE(app({QStringLiteral("init"), QStringLiteral("--db"), path}).code, 0);
        const Run r = sync(db, QStringLiteral("director"), path);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("holds a company of its own")), qPrintable(r.err));
        QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) FROM users")).toInt(), 1);
        const Run status = app({QStringLiteral("sync"), QStringLiteral("--db"), path, QStringLiteral("--status")});
        QCOMPARE(status.code, 0);
        QVERIFY2(status.out.contains(QStringLiteral("edits waiting: 1")), qPrintable(status.out));
    }
};

QTEST_GUILESS_MAIN(TestSyncPull)
#include "tst_syncpull.moc"
