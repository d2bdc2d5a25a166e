// The desktop's sync service (issue 12) against a real PostgreSQL: Test connection says who the
// login is; Connect's first pull fills a new 0600 file with the region's rows only, reporting
// progress and announcing what it wrote to storage's change notifier; a pull cancelled mid-way
// keeps its pages and the next one completes without duplicates; a wrong password is a
// classified refusal that leaves the file as it was; a stopped server is "Offline since"
// with the edits waiting counted. A pull's new, deleted and moved leads reach an open Leads
// list at once.
#include "items/catalog.h"
#include "items/leadfiltermodel.h"
#include "items/leadtablemodel.h"
#include "servertestcase.h"
#include "synctestutil.h"
#include "storage/database.h"
#include "storage/leadrepository.h"
#include "sync/serversettings.h"
#include "sync/syncservice.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::tests;

namespace {
const QString kPassword = QStringLiteral("svc-pw-1234");
const QString kDb = QStringLiteral("t_service");

QVariant scalar(storage::Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next()) {
        qWarning("%s failed", qPrintable(sql));
        return {};
    }
    return q.value(0);
}
} // namespace

class TestSyncService : public ServerTestCase
{
    Q_OBJECT

public:
    TestSyncService() : ServerTestCase(kPassword) {}

private:
    QString m_manager, m_managerUser, m_region;

    sync::ServerAddress address(const QString &password) const
    {
        return m_cluster.as(m_manager, password, kDb);
    }
    QString serverCount(const QString &table)
    {
        sync::PgError e;
        auto admin = sync::PgConnection::open(m_cluster.admin(kDb), &e);
        sync::PgResult r;
        if (!admin || !admin->exec(QStringLiteral("SELECT count(*) FROM cockpit.%1 WHERE region_id = $1 OR region_id IS NULL")
                                       .arg(table), {m_region}, &r, &e))
            return e.message;
        return r.text(0, 0);
    }
    // Runs one sync and returns its outcome.
    sync::SyncOutcome syncOnce(sync::SyncService &service)
    {
        QSignalSpy finished(&service, &sync::SyncService::finished);
        service.syncNow();
        if (!finished.wait(240000))
            qWarning("the sync did not finish");
        return finished.isEmpty() ? sync::SyncOutcome{} : finished.first().first().value<sync::SyncOutcome>();
    }
    QString syncState(storage::Database &db)
    {
        return scalar(db, QStringLiteral("SELECT group_concat(key || '=' || value, ';') FROM "
                                         "(SELECT key, value FROM sync_state ORDER BY key)")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        COCKPIT_START_TEST_CLUSTER();
        QString error;
        DemoServer demo;
        QVERIFY2(provisionDemoServer(m_cluster, kDb, kPassword, &demo, &error), qPrintable(error));
        sync::PgError e;
        auto admin = sync::PgConnection::open(m_cluster.admin(kDb), &e);
        QVERIFY2(admin, qPrintable(e.message));
        sync::PgResult r;
        QVERIFY(admin->exec(QStringLiteral("SELECT login, user_id::text, region_id::text FROM cockpit.logins "
                                           "WHERE region_id IS NOT NULL ORDER BY login LIMIT 1"), {}, &r, &e));
        QCOMPARE(r.rows(), 1);
        m_manager = r.text(0, 0);
        m_managerUser = r.text(0, 1);
        m_region = r.text(0, 2);
    }

    // Test connection: the org user, the role and the region behind the login; nothing written.
    void probeSaysWhoTheLoginIs()
    {
        sync::ServerWho who;
        sync::PgError e;
        QVERIFY2(sync::probeServer(address(kPassword), &who, &e), qPrintable(e.message));
        QCOMPARE(who.login, m_manager);
        QCOMPARE(who.userId, m_managerUser);
        QVERIFY(!who.userName.isEmpty());
        QCOMPARE(who.role, QStringLiteral("regional_manager"));
        QVERIFY(!who.regionName.isEmpty());
        QVERIFY(!who.director);
    }

    // A wrong password: classified (BadPassword, a sentence naming the server), no file made,
    // and an existing copy's rows and sync state untouched.
    void wrongPasswordChangesNothing()
    {
        sync::ServerWho who;
        sync::PgError e;
        QVERIFY(!sync::probeServer(address(QStringLiteral("wrong")), &who, &e));
        QCOMPARE(e.kind, sync::PgError::Kind::BadPassword);
        QVERIFY2(e.message.contains(address(QString()).display()), qPrintable(e.message));
        QVERIFY(!e.message.contains(QStringLiteral("wrong")));

        const QString path = m_dir.filePath(QStringLiteral("refused.db"));
        storage::Database db;
        QVERIFY(db.open(path, storage::Database::Mode::CreateIfMissing).ok());
        const QString before = syncState(db);
        const qint64 leads = scalar(db, QStringLiteral("SELECT count(*) FROM leads")).toLongLong();
        sync::SyncService service(db, address(QStringLiteral("wrong")));
        const sync::SyncOutcome out = syncOnce(service);
        QVERIFY(!out.ok);
        QCOMPARE(out.error.kind, sync::PgError::Kind::BadPassword);
        QCOMPARE(service.state().phase, sync::SyncState::Phase::Failed);
        QCOMPARE(syncState(db), before); // not even the server's name
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM leads")).toLongLong(), leads);
    }

    // Connect: a new file (0600) in the data folder, filled with the region's rows only; the
    // pull reports progress and every page it commits reaches the change notifier; "you" are
    // the login's org user.
    void firstPullFillsTheRegion()
    {
        const QString path = sync::serverFilePath(address(QString()), m_dir.filePath(QStringLiteral("data")));
        QVERIFY2(path.contains(m_manager) && path.endsWith(QStringLiteral(".db")), qPrintable(path));
        QVERIFY(!QFile::exists(path));
        storage::Database db;
        QVERIFY(db.open(path, storage::Database::Mode::CreateIfMissing).ok());
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        sync::SyncService service(db, address(kPassword));
        service.setPageSize(500);
        QSignalSpy progress(&service, &sync::SyncService::progress);
        QSignalSpy changed(&db, &storage::Database::changed);
        const sync::SyncOutcome out = syncOnce(service);
        QVERIFY2(out.ok, qPrintable(out.error.message + out.localError));
        QVERIFY(out.pull.complete && out.pull.fullPull);
        QVERIFY(progress.size() >= 2);
        QVERIFY(progress.last().first().toLongLong() > progress.first().first().toLongLong());
        QCOMPARE(service.state().phase, sync::SyncState::Phase::Synced);
        QVERIFY(service.state().lastSync > 0);
        for (const QString &table : {QStringLiteral("leads"), QStringLiteral("customers"), QStringLiteral("users")})
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM %1").arg(table)).toString() + QLatin1Char(' ') + table,
                     serverCount(table) + QLatin1Char(' ') + table);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM regions WHERE uuid = cockpit_uuid('%1')").arg(m_region)).toString(),
                 QStringLiteral("1"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM leads WHERE region_id IS NOT NULL AND region_id <> "
                                           "(SELECT id FROM regions WHERE uuid = cockpit_uuid('%1'))").arg(m_region)).toString(),
                 QStringLiteral("0"));
        QCoreApplication::processEvents(); // the notifier announces from the event loop
        bool leadsAnnounced = false;
        for (const QList<QVariant> &signal : std::as_const(changed))
            leadsAnnounced = leadsAnnounced || signal.first().value<storage::ChangeSet>().touches(QStringLiteral("leads"));
        QVERIFY(leadsAnnounced);
        QCOMPARE(scalar(db, QStringLiteral("SELECT cockpit_uuid_text(uuid) FROM users WHERE id = "
                                           "(SELECT value FROM settings WHERE key = 'current_user_id')")).toString(),
                 m_managerUser);
    }

    // Cancel mid-way: the pages applied stay; the next sync completes; no row twice.
    void cancelThenResumeWithoutDuplicates()
    {
        storage::Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("cancel.db")), storage::Database::Mode::CreateIfMissing).ok());
        sync::SyncService service(db, address(kPassword));
        service.setPageSize(200);
        connect(&service, &sync::SyncService::progress, &service, &sync::SyncService::cancel, Qt::SingleShotConnection);
        const sync::SyncOutcome first = syncOnce(service);
        QVERIFY2(first.ok, qPrintable(first.error.message));
        QVERIFY(first.cancelled);
        // The first pull (by COPY, parents first) commits whole tables or 10 pages at a time,
        // so which tables are partial depends on where it stopped: the resumed sync must apply
        // the rest, and the file must end equal to the server.
        QVERIFY(first.pull.rowsApplied > 0);
        const sync::SyncOutcome second = syncOnce(service);
        QVERIFY2(second.ok && second.pull.complete, qPrintable(second.error.message));
        QVERIFY(second.pull.rowsApplied > 0); // the cancel left work for the resumed sync
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM leads")).toString(), serverCount(QStringLiteral("leads")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) - count(DISTINCT uuid) FROM leads")).toString(), QStringLiteral("0"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) - count(DISTINCT uuid) FROM customers")).toString(), QStringLiteral("0"));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    }

    // A sync pushes what was edited in the file: the edit reaches the server, the outbox
    // empties, and the row comes back with the server's row_version.
    void syncPushesEdits()
    {
        storage::Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("push.db")), storage::Database::Mode::CreateIfMissing).ok());
        sync::SyncService service(db, address(kPassword));
        QVERIFY(syncOnce(service).ok);
        const QString lead = scalar(db, QStringLiteral("SELECT id FROM leads ORDER BY id LIMIT 1")).toString();
        const QString uuid = scalar(db, QStringLiteral("SELECT cockpit_uuid_text(uuid) FROM leads WHERE id = %1").arg(lead)).toString();
        QVERIFY(storage::LeadRepository(db).update(lead, {{QStringLiteral("title"), QStringLiteral("Pushed by the service")}},
                                                   db.currentUserId())
                    .ok);
        const sync::SyncOutcome out = syncOnce(service);
        QVERIFY2(out.ok, qPrintable(out.error.message));
        QCOMPARE(out.push.pushed, qint64(1));
        QCOMPARE(service.state().editsWaiting, 0);
        sync::PgError e;
        auto admin = sync::PgConnection::open(m_cluster.admin(kDb), &e);
        QVERIFY(admin);
        sync::PgResult r;
        QVERIFY(admin->exec(QStringLiteral("SELECT title, row_version FROM cockpit.leads WHERE id = $1::uuid"), {uuid}, &r, &e));
        QCOMPARE(r.text(0, 0), QStringLiteral("Pushed by the service"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT row_version FROM leads WHERE id = %1").arg(lead)).toString(), r.text(0, 1));
    }

    // The open Leads screen follows a background pull: a lead created on the server appears,
    // one deleted there or moved to another region disappears, without a reset.
    void pullUpdatesTheOpenLeadsList()
    {
        storage::Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("screen.db")), storage::Database::Mode::CreateIfMissing).ok());
        sync::SyncService service(db, address(kPassword));
        QVERIFY(syncOnce(service).ok);
        Catalog catalog(db);
        LeadTableModel leads(catalog);
        LeadFilterModel shown(catalog, leads);
        QAbstractItemModelTester tester(&shown, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QString error;
        QVERIFY2(catalog.load(&error), qPrintable(error));
        const int before = shown.rowCount();
        QVERIFY(before > 2);
        QSignalSpy reset(&shown, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&shown, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&shown, &QAbstractItemModel::rowsRemoved);
        sync::PgError e;
        auto admin = sync::PgConnection::open(m_cluster.admin(kDb), &e);
        QVERIFY2(admin, qPrintable(e.message));
        auto serverExec = [&](const QString &sql, const QVariantList &params = {}) {
            sync::PgResult r;
            return admin->exec(sql, params, &r, &e);
        };
        // A new lead in the region (a copy of one, under a new id), committed on the server.
        QVERIFY2(serverExec(QStringLiteral("CREATE TEMP TABLE fresh AS SELECT * FROM cockpit.leads WHERE region_id = '%1'::uuid "
                                           "AND NOT deleted LIMIT 1").arg(m_region))
                     && serverExec(QStringLiteral("UPDATE fresh SET id = gen_random_uuid(), title = 'From the server'"))
                     && serverExec(QStringLiteral("INSERT INTO cockpit.leads SELECT * FROM fresh")),
                 qPrintable(e.message));
        QVERIFY(syncOnce(service).ok);
        QVERIFY(!inserted.isEmpty() || inserted.wait()); // announced from the event loop
        QCOMPARE(shown.rowCount(), before + 1);
        QCOMPARE(catalog.liveLeads(), qint64(before + 1));
        const int row = leads.rowOfId(scalar(db, QStringLiteral("SELECT id FROM leads WHERE title = 'From the server'")).toString());
        QVERIFY(row >= 0);
        QVERIFY(shown.mapFromSource(leads.index(row, 0)).isValid());
        // Deleted on the server (a tombstone), and another lead moved to another region.
        sync::PgResult other;
        QVERIFY(admin->exec(QStringLiteral("SELECT id::text FROM cockpit.regions WHERE id <> $1::uuid LIMIT 1"), {m_region}, &other, &e));
        QCOMPARE(other.rows(), 1);
        QVERIFY2(serverExec(QStringLiteral("UPDATE cockpit.leads SET deleted = true WHERE title = 'From the server'"))
                     && serverExec(QStringLiteral("UPDATE cockpit.leads SET region_id = $1::uuid WHERE id = (SELECT id FROM "
                                                  "cockpit.leads WHERE region_id = $2::uuid AND NOT deleted ORDER BY id LIMIT 1)"),
                                   {other.text(0, 0), m_region}),
                 qPrintable(e.message));
        QVERIFY(syncOnce(service).ok);
        while (removed.size() < 2 && removed.wait()) {
        }
        QCOMPARE(shown.rowCount(), before - 1);
        QVERIFY(!shown.mapFromSource(leads.index(row, 0)).isValid());
        QCOMPARE(reset.count(), 0);
    }

    // Each sync anchors the file's log on the server; a tail cut since (records deleted, the
    // head rolled back) is refused and shown in the state, and the edit made meanwhile still
    // reaches the server: the data sync stands.
    void chainAnchoredAndCutReported()
    {
        storage::Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("chain.db")), storage::Database::Mode::CreateIfMissing).ok());
        sync::SyncService service(db, address(kPassword));
        sync::SyncOutcome out = syncOnce(service);
        QVERIFY2(out.ok, qPrintable(out.error.message));
        const qint64 head = scalar(db, QStringLiteral("SELECT value FROM settings WHERE key = 'log_head_seq'")).toLongLong();
        QVERIFY(head > 10);
        QCOMPARE(out.chainPush.anchoredSeq, head);
        QVERIFY(!out.chain.isError());
        QVERIFY(!service.state().chain.isError());

        QSqlDatabase connection = db.connection();
        const qint64 keep = head - 3;
        QVERIFY(tests::rollBackLog(connection, keep));
        const QString lead = scalar(db, QStringLiteral("SELECT id FROM leads ORDER BY id LIMIT 1")).toString();
        QVERIFY(storage::LeadRepository(db).update(lead, {{QStringLiteral("title"), QStringLiteral("Edited after the cut")}},
                                                   db.currentUserId())
                    .ok);
        out = syncOnce(service);
        QVERIFY2(out.ok, qPrintable(out.error.message));
        QCOMPARE(out.push.pushed, qint64(1));
        QCOMPARE(out.chain.kind, sync::PgError::Kind::ChainRefused);
        QVERIFY2(out.chain.message.contains(QStringLiteral("ends at record #%1").arg(keep)), qPrintable(out.chain.message));
        QCOMPARE(service.state().phase, sync::SyncState::Phase::Synced);
        QCOMPARE(service.state().chain.message, out.chain.message);
        QCOMPARE(service.state().editsWaiting, 0);
    }

    // Last (it stops the server): edits made offline are counted, the state says since when.
    void serverStoppedIsOfflineWithEditsWaiting()
    {
        storage::Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("offline.db")), storage::Database::Mode::CreateIfMissing).ok());
        sync::SyncService service(db, address(kPassword));
        QVERIFY(syncOnce(service).ok);
        const int before = service.state().editsWaiting;
        const QString lead = scalar(db, QStringLiteral("SELECT id FROM leads ORDER BY id LIMIT 1")).toString();
        storage::LeadRepository leads(db);
        for (int i = 0; i < 3; ++i) {
            const auto written = leads.update(lead, {{QStringLiteral("title"), QStringLiteral("Offline edit %1").arg(i)}},
                                              db.currentUserId());
            QVERIFY2(written.ok, qPrintable(written.error));
        }
        m_cluster.stop();
        const qint64 stoppedAt = QDateTime::currentSecsSinceEpoch();
        const sync::SyncOutcome out = syncOnce(service);
        QVERIFY(!out.ok);
        QCOMPARE(out.error.kind, sync::PgError::Kind::Unreachable);
        const sync::SyncState state = service.state();
        QCOMPARE(state.phase, sync::SyncState::Phase::Offline);
        QVERIFY(state.offlineSince >= stoppedAt);
        QCOMPARE(state.editsWaiting, before + 3);
        // Still offline at the next try: the spell began at the first failure.
        QVERIFY(!syncOnce(service).ok);
        QCOMPARE(service.state().offlineSince, state.offlineSince);
        QCOMPARE(scalar(db, QStringLiteral("SELECT title FROM leads WHERE id = %1").arg(lead)).toString(),
                 QStringLiteral("Offline edit 2"));
    }
};

QTEST_GUILESS_MAIN(TestSyncService)
#include "tst_syncservice.moc"
