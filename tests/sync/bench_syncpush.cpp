// Benchmark (issue 12 "Scale", incremental): 1 000 local edits pushed, and 1 000 rows changed
// on the server pulled, each timed in process against a throwaway PostgreSQL on loopback with
// the micro demo company, as its director. Prints the figures; never fails on timing (targets:
// ≤ 1 s each). Run: ctest -R bench_syncpush -V, or build/tests/sync/bench_syncpush.
#include "pgcluster.h"
#include "serverfixture.h"
#include "synctestutil.h"
#include "storage/database.h"
#include "sync/pgconnection.h"
#include "sync/syncpull.h"
#include "sync/syncpush.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::tests;

class BenchSyncPush : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pushAndPullAThousand()
    {
        if (PgCluster::binDir().isEmpty())
            QSKIP("PostgreSQL is not installed: the sync bench needs it");
        QTemporaryDir dir;
        PgCluster cluster;
        QString error;
        QVERIFY2(cluster.start(&error), qPrintable(error));
        const QString db = QStringLiteral("bench");
        const QString password = QStringLiteral("bench-pw-1234");
        DemoServer demo;
        QVERIFY2(provisionDemoServer(cluster, db, password, &demo, &error), qPrintable(error));
        sync::PgError e;
        auto director = sync::PgConnection::open(cluster.as(QStringLiteral("director"), password, db), &e);
        auto admin = sync::PgConnection::open(cluster.admin(db), &e);
        QVERIFY2(director && admin, qPrintable(e.message));
        const QString path = dir.filePath(QStringLiteral("bench.db"));
        storage::Database local;
        QVERIFY(local.open(path, storage::Database::Mode::CreateIfMissing).ok());
        sync::PullReport pulled;
        QVERIFY2(sync::pullFromServer(*director, local.handle(), {}, &pulled, &e), qPrintable(e.message));
        local.close();

        // 1 000 edits as the app writes them (row + outbox entry), over activities' texts.
        constexpr int kEdits = 1000;
        const QStringList keys = fileColumn(path, QStringLiteral("SELECT id FROM activities ORDER BY id"));
        QVERIFY(!keys.isEmpty());
        QVERIFY(withFile(path, [&](QSqlDatabase &db) {
            db.transaction();
            for (int i = 0; i < kEdits; ++i)
                if (editRow(db, QStringLiteral("activities"), keys[i % keys.size()].toLongLong(),
                            {{QStringLiteral("text"), QStringLiteral("bench %1").arg(i)}}).isEmpty())
                    return false;
            return db.commit();
        }));
        QVERIFY(local.open(path, storage::Database::Mode::OpenExisting).ok());
        sync::PushReport pushed;
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(sync::pushToServer(*director, local.handle(), {}, &pushed, &e), qPrintable(e.message));
        const qint64 pushMs = timer.elapsed();
        QCOMPARE(pushed.pushed, kEdits);
        // What the push changed comes back once; then 1 000 rows changed by someone else.
        QVERIFY2(sync::pullFromServer(*director, local.handle(), {}, &pulled, &e), qPrintable(e.message));
        QVERIFY(admin->exec(QStringLiteral("UPDATE cockpit.activities SET text = text || ' (server)' "
                                           "WHERE id IN (SELECT id FROM cockpit.activities ORDER BY id DESC LIMIT 1000)"),
                            &e));
        timer.restart();
        QVERIFY2(sync::pullFromServer(*director, local.handle(), {}, &pulled, &e), qPrintable(e.message));
        const qint64 pullMs = timer.elapsed();
        const qint64 changed = pulled.rowsApplied;
        local.close();
        std::printf("bench_syncpush: %d local edits pushed in %lld ms (%lld batch(es)); %lld changed rows pulled in %lld ms "
                    "(targets: 1 000 each in <= 1 000 ms)\n",
                    kEdits, pushMs, pushed.batches, changed, pullMs);
        std::fflush(stdout);
        QCOMPARE(changed, std::min<qint64>(1000, keys.size()));
    }
};

QTEST_GUILESS_MAIN(BenchSyncPush)
#include "bench_syncpush.moc"
