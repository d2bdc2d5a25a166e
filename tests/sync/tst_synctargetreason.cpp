// A target's correction reason (desktop schema v8, server step 005_target_reason.sql) end to end
// against a real PostgreSQL: the company copy brings the demo's reasons onto the server; desktop
// A saves a reason through the Targets write path and pushes it; desktop B (the region's
// manager) receives it in its first pull, edits it, pushes; A's next (incremental) pull brings
// B's reason back. A server of version 4 is refused by this build's `sync` with what to do,
// the file untouched; `server upgrade` takes it to 5 keeping every row and stamp, and the
// same sync then works.
#include "servertestcase.h"
#include "synctestutil.h"
#include "analytics/orgunits.h"
#include "storage/database.h"
#include "sync/pgconnection.h"
#include "sync/serverschema.h"
#include "sync/syncpull.h"
#include "sync/syncpush.h"
#include "targets/targetdata.h"
#include "targets/targetrepository.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::tests;

namespace {
const QString kPassword = QStringLiteral("reason-pw-5150");
const QDate kAsOf(2026, 11, 21); // the server's demo company is as of 2026-11-22

struct Run
{
    int code = -1;
    QString out;
    QString err;
};
} // namespace

class TestSyncTargetReason : public ServerTestCase
{
    Q_OBJECT

public:
    TestSyncTargetReason() : ServerTestCase(kPassword) {}

private:
    QString file(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".db")); }

    // One sync round as `sales-cockpit sync` runs it: pull, push, pull again after a push.
    QString syncRound(const QString &db, const QString &login, const QString &path)
    {
        storage::Database local;
        const auto opened = local.open(path, storage::Database::Mode::CreateIfMissing);
        if (!opened.ok())
            return opened.message;
        auto server = connect(m_cluster.as(login, kPassword, db));
        if (!server)
            return QStringLiteral("no connection");
        sync::PgError e;
        if (!sync::checkServerSchema(*server, &e))
            return e.message;
        sync::PullReport pulled;
        sync::PushReport pushed;
        const bool ok = sync::pullFromServer(*server, local.handle(), {}, &pulled, &e)
                        && sync::pushToServer(*server, local.handle(), {}, &pushed, &e)
                        && (pushed.total() == 0 || sync::pullFromServer(*server, local.handle(), {}, &pulled, &e));
        return ok ? QString() : e.message;
    }
    Run app(const QStringList &args, const QString &password)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), password);
        env.insert(QStringLiteral("HOME"), m_dir.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(COCKPIT_APP), args);
        p.waitForFinished(300000);
        return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    QString adminUrl(const QString &db) const
    {
        return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2?sslmode=disable").arg(m_cluster.port()).arg(db);
    }
    // A file's target tree of the demo's quarter, read as the Targets tab reads it.
    static targets::TargetTree tree(storage::Database &local)
    {
        const QSqlDatabase db = local.connection();
        return targets::computeTargets(db, analytics::Period::quarter(kAsOf), kAsOf, analytics::loadOrgUnits(db)).tree;
    }
    static QString reasonIn(const QString &path, const QString &hex)
    {
        return fileScalar(path, QStringLiteral("SELECT correction_reason FROM targets WHERE lower(hex(uuid)) = ?"), {hex}).toString();
    }
    QString onServer(sync::PgConnection &admin, const QString &hex, const QString &expr)
    {
        return serverText(admin, QStringLiteral("SELECT (%1)::text FROM cockpit.targets WHERE id = $1::uuid").arg(expr), {dashed(hex)});
    }
    // Rows, highest row_version and last_xid of every synced table on the server.
    QString stamps(sync::PgConnection &admin)
    {
        sync::PgResult r;
        sync::PgError e;
        admin.exec(QStringLiteral("SELECT name FROM cockpit.synced_tables ORDER BY position"), {}, &r, &e);
        QStringList parts;
        for (int i = 0; i < r.rows(); ++i)
            parts << serverText(admin, QStringLiteral("SELECT count(*) || '/' || coalesce(max(row_version), 0) || '/' || "
                                                      "coalesce(max(last_xid::text::bigint), 0) FROM cockpit.%1").arg(r.text(i, 0)));
        return parts.join(QLatin1Char(','));
    }

private Q_SLOTS:
    void initTestCase() { COCKPIT_START_TEST_CLUSTER(); }

    void reasonTravelsBothWays()
    {
        const QString db = QStringLiteral("t_reason");
        DemoServer demo;
        QVERIFY(provision(db, &demo));
        auto admin = connect(m_cluster.admin(db));
        QVERIFY(admin);
        // The company copy carried the demo's reasons: one for every correction.
        QVERIFY(serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.targets WHERE correction_reason <> ''")).toInt() > 0);
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.targets WHERE (correction_bp <> 0) <> (correction_reason <> '')")),
                 QStringLiteral("0"));

        // Desktop A (the director): a rep's correction and its reason, saved as the Targets tab saves.
        const QString a = file(QStringLiteral("a"));
        QCOMPARE(syncRound(db, QStringLiteral("director"), a), QString());
        QString hex;
        {
            storage::Database local;
            QVERIFY(local.open(a).ok());
            targets::TargetTree t = tree(local);
            int rep = -1;
            for (int i = 0; i < t.nodes.size() && rep < 0; ++i)
                if (t.nodes[i].level == analytics::OrgLevel::Rep && t.nodes[i].rowId)
                    rep = i;
            QVERIFY(rep > 0);
            t.nodes[rep].correctionBp = t.nodes[rep].correctionBp == 150 ? 160 : 150;
            t.nodes[rep].correctionReason = QStringLiteral("新品上市（A 的说明）");
            const targets::TargetSaveResult saved = targets::TargetRepository(local).save(t, QStringLiteral("approved"));
            QVERIFY2(saved.ok, qPrintable(saved.error));
            QCOMPARE(saved.written, 1);
            hex = fileScalar(a, QStringLiteral("SELECT lower(hex(uuid)) FROM targets WHERE id = ?"), {t.nodes[rep].rowId}).toString();
        }
        QVERIFY(!hex.isEmpty());
        QCOMPARE(syncRound(db, QStringLiteral("director"), a), QString());
        QCOMPARE(onServer(*admin, hex, QStringLiteral("correction_reason")), QStringLiteral("新品上市（A 的说明）"));
        QCOMPARE(fileScalar(a, QStringLiteral("SELECT COUNT(*) FROM outbox")).toInt(), 0);

        // Desktop B, the manager of that rep's region: its first pull brings A's reason.
        const QString region = onServer(*admin, hex, QStringLiteral("region_id"));
        const QString manager = serverText(*admin, QStringLiteral("SELECT login FROM cockpit.logins WHERE region_id = $1::uuid ORDER BY login LIMIT 1"), {region});
        QVERIFY2(!manager.isEmpty(), qPrintable(region));
        const QString b = file(QStringLiteral("b"));
        QCOMPARE(syncRound(db, manager, b), QString());
        QCOMPARE(reasonIn(b, hex), QStringLiteral("新品上市（A 的说明）"));

        // B rewords it (the row and its outbox entry, as the app writes an edit) and pushes.
        const qint64 keyB = fileScalar(b, QStringLiteral("SELECT id FROM targets WHERE lower(hex(uuid)) = ?"), {hex}).toLongLong();
        QVERIFY(!editFile(b, QStringLiteral("targets"), keyB, {{QStringLiteral("correction_reason"), QStringLiteral("重点客户扩容（B 改）")}}).isEmpty());
        QCOMPARE(syncRound(db, manager, b), QString());
        QCOMPARE(onServer(*admin, hex, QStringLiteral("correction_reason")), QStringLiteral("重点客户扩容（B 改）"));

        // A's incremental pull brings B's reason back, the correction A set unchanged, and the
        // Targets tab reads it.
        QCOMPARE(syncRound(db, QStringLiteral("director"), a), QString());
        QCOMPARE(reasonIn(a, hex), QStringLiteral("重点客户扩容（B 改）"));
        storage::Database local;
        QVERIFY(local.open(a).ok());
        const targets::TargetTree t = tree(local);
        bool found = false;
        for (const targets::TargetNode &n : t.nodes)
            if (n.rowId && fileScalar(a, QStringLiteral("SELECT lower(hex(uuid)) FROM targets WHERE id = ?"), {n.rowId}).toString() == hex) {
                found = true;
                QCOMPARE(n.correctionReason, QStringLiteral("重点客户扩容（B 改）"));
                QCOMPARE(QString::number(n.correctionBp), onServer(*admin, hex, QStringLiteral("correction_bp")));
            }
        QVERIFY(found);
    }

    // A server of version 4 (before the reason): this build's sync refuses it, saying to upgrade,
    // and writes no file. `server upgrade` takes it to 5 with every row and stamp as it was
    // (nothing re-pulled), the reasons ''; then the sync works and a reason pushes.
    void versionFourServerRefusedThenUpgraded()
    {
        const QString db = QStringLiteral("t_v4");
        QVERIFY(provision(db, nullptr, 4));
        auto admin = connect(m_cluster.admin(db));
        QVERIFY(admin);
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT max(version) FROM cockpit.schema_version")), QStringLiteral("4"));
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'cockpit'"
                                                   " AND table_name = 'targets' AND column_name = 'correction_reason'")),
                 QStringLiteral("0"));
        const QString path = file(QStringLiteral("v4"));
        const QStringList syncArgs = {QStringLiteral("sync"), QStringLiteral("--db"), path, QStringLiteral("--server"),
                                      url(db, QStringLiteral("director"))};
        Run r = app(syncArgs, kPassword);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("schema version 4, older than the version %1 this app needs").arg(sync::serverSchemaVersion()))
                     && r.err.contains(QLatin1String("sales-cockpit server upgrade")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(path));

        const QString before = stamps(*admin);
        const qint64 targetsBefore = serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.targets")).toLongLong();
        QVERIFY(targetsBefore > 0);
        r = app({QStringLiteral("server"), QStringLiteral("upgrade"), QStringLiteral("--server"), adminUrl(db)}, m_cluster.superPassword());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("schema version 4 -> 5 (005_target_reason.sql)")), qPrintable(r.out));
        QCOMPARE(stamps(*admin), before);
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.targets WHERE correction_reason = ''")).toLongLong(),
                 targetsBefore);

        r = app(syncArgs, kPassword);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT COUNT(*) FROM targets")).toLongLong(), targetsBefore);
        const qint64 key = fileScalar(path, QStringLiteral("SELECT min(id) FROM targets WHERE correction_bp <> 0")).toLongLong();
        QVERIFY(key > 0);
        const QString hex = fileScalar(path, QStringLiteral("SELECT lower(hex(uuid)) FROM targets WHERE id = ?"), {key}).toString();
        QVERIFY(!editFile(path, QStringLiteral("targets"), key, {{QStringLiteral("correction_reason"), QStringLiteral("区域市场收缩")}}).isEmpty());
        r = app(syncArgs, kPassword);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(onServer(*admin, hex, QStringLiteral("correction_reason")), QStringLiteral("区域市场收缩"));
    }
};

QTEST_GUILESS_MAIN(TestSyncTargetReason)
#include "tst_synctargetreason.moc"
