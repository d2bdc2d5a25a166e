// Benchmark (issue 12 "Scale", incremental): 1 000 local edits pushed, and 1 000 rows changed
// on the server pulled, each timed in process against a throwaway PostgreSQL on loopback with
// the micro demo company, as its director. Prints the figures; never fails on timing (targets:
// ≤ 1 s each). Besides the wall time it prints the CPU time the client process and the
// server's backend spent (getrusage, /proc/PID/stat): on a machine shared with other work the
// wall time mostly measures waiting for a core. Run: build/tests/sync/bench_syncpush.
#include "pgcluster.h"
#include "serverfixture.h"
#include "synctestutil.h"
#include "storage/database.h"
#include "sync/pgconnection.h"
#include "sync/syncpull.h"
#include "sync/syncpush.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>
#include <unistd.h>

using namespace cockpit;
using namespace cockpit::tests;

namespace {
qint64 selfCpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000;
}
// utime + stime of a process (the server backend serving a connection), in ms.
qint64 processCpuMs(const QString &pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 12 ? (fields.at(11).toLongLong() + fields.at(12).toLongLong()) * 1000 / sysconf(_SC_CLK_TCK) : -1;
}
} // namespace

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
        sync::PgResult pid;
        QVERIFY(director->exec(QStringLiteral("SELECT pg_backend_pid()::text"), {}, &pid, &e));
        const QString backend = pid.text(0, 0);
        sync::PushReport pushed;
        QElapsedTimer timer;
        qint64 client = selfCpuMs(), server = processCpuMs(backend);
        timer.start();
        QVERIFY2(sync::pushToServer(*director, local.handle(), {}, &pushed, &e), qPrintable(e.message));
        const qint64 pushMs = timer.elapsed();
        const qint64 pushClientCpu = selfCpuMs() - client, pushServerCpu = processCpuMs(backend) - server;
        QCOMPARE(pushed.pushed, kEdits);
        // What the push changed comes back once; then 1 000 rows changed by someone else.
        QVERIFY2(sync::pullFromServer(*director, local.handle(), {}, &pulled, &e), qPrintable(e.message));
        QVERIFY(admin->exec(QStringLiteral("UPDATE cockpit.activities SET text = text || ' (server)' "
                                           "WHERE id IN (SELECT id FROM cockpit.activities ORDER BY id DESC LIMIT 1000)"),
                            &e));
        client = selfCpuMs();
        server = processCpuMs(backend);
        timer.restart();
        QVERIFY2(sync::pullFromServer(*director, local.handle(), {}, &pulled, &e), qPrintable(e.message));
        const qint64 pullMs = timer.elapsed();
        const qint64 pullClientCpu = selfCpuMs() - client, pullServerCpu = processCpuMs(backend) - server;
        const qint64 changed = pulled.rowsApplied;
        local.close();
        std::printf("bench_syncpush: %d local edits pushed in %lld ms wall (%lld batch(es); CPU: client %lld ms + server %lld ms); "
                    "%lld changed rows pulled in %lld ms wall (CPU: client %lld ms + server %lld ms); targets: <= 1 000 ms each; "
                    "load average %s\n",
                    kEdits, pushMs, pushed.batches, pushClientCpu, pushServerCpu, changed, pullMs, pullClientCpu, pullServerCpu,
                    [] { QFile l(QStringLiteral("/proc/loadavg")); return l.open(QIODevice::ReadOnly) ? l.readAll().left(14).trimmed() : QByteArray(); }().constData());
        std::fflush(stdout);
        QCOMPARE(changed, std::min<qint64>(1000, keys.size()));
    }
};

QTEST_GUILESS_MAIN(BenchSyncPush)
#include "bench_syncpush.moc"
