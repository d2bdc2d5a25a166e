// SYNC.md test 2, kill -9 during push: a sync round (pushchild: pull, push in batches of 4,
// pull; what `sales-cockpit sync` runs) killed with SIGKILL at 24 points, half spread over a
// whole run and half over its push, each round with new edits queued. After each
// kill: integrity_check ok; every edit no longer in the outbox (acknowledged) is on the
// server; no operation applied twice (one column-history row per claimed operation of this
// client). A last sync converges: the outbox empty, every edit on the server exactly once.
#include "servertestcase.h"
#include "synctestutil.h"
#include "sync/pgconnection.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <csignal>

using namespace cockpit;
using namespace cockpit::tests;

namespace {
const QString kPassword = QStringLiteral("kill-pw-1234");

struct Edit
{
    QString opId;
    QString table;
    QString column;
    QString uuid; // dashed
    QString value;
};
} // namespace

class TestSyncPushKill : public ServerTestCase
{
    Q_OBJECT

public:
    TestSyncPushKill() : ServerTestCase(kPassword) {}

private:
    std::unique_ptr<sync::PgConnection> m_admin;

    QProcess *startSync(const QString &path)
    {
        auto *p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), kPassword);
        env.insert(QStringLiteral("HOME"), m_dir.path());
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(PUSH_CHILD), {path, QStringLiteral("postgresql://director@127.0.0.1:%1/t_kill?sslmode=disable").arg(m_cluster.port()),
                                              QStringLiteral("4")});
        p->waitForStarted();
        return p;
    }
    QString server(const QString &sql, const QVariantList &params = {})
    {
        sync::PgResult r;
        sync::PgError e;
        if (!m_admin->exec(sql, params, &r, &e) || r.rows() < 1) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(e.message));
            return {};
        }
        return r.text(0, 0);
    }
    // The invariants after a kill (or the last sync).
    void check(const QString &path, const QList<Edit> &edits, const QString &client)
    {
        QCOMPARE(fileScalar(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        const QStringList queued = fileColumn(path, QStringLiteral("SELECT op_id FROM outbox"));
        const QSet<QString> waiting(queued.cbegin(), queued.cend());
        int acknowledged = 0;
        for (const Edit &e : edits) {
            if (waiting.contains(e.opId))
                continue;
            ++acknowledged;
            QCOMPARE(server(QStringLiteral("SELECT %1 FROM cockpit.%2 WHERE id = $1::uuid").arg(e.column, e.table), {e.uuid}), e.value);
        }
        const int claimed = server(QStringLiteral("SELECT count(*) FROM cockpit.applied_ops WHERE client_id = $1::uuid"), {client}).toInt();
        QVERIFY(claimed >= acknowledged && claimed <= edits.size());
        QCOMPARE(server(QStringLiteral("SELECT count(*) FROM cockpit.column_history WHERE client_id = $1::uuid"), {client}).toInt(), claimed);
    }

private Q_SLOTS:
    void initTestCase()
    {
        COCKPIT_START_TEST_CLUSTER();
        QString error;
        DemoServer demo;
        QVERIFY2(provisionDemoServer(m_cluster, QStringLiteral("t_kill"), kPassword, &demo, &error), qPrintable(error));
        sync::PgError e;
        m_admin = sync::PgConnection::open(m_cluster.admin(QStringLiteral("t_kill")), &e);
        QVERIFY2(m_admin, qPrintable(e.message));
    }

    void killNineDuringPush()
    {
        const QString path = m_dir.filePath(QStringLiteral("kill.db"));
        {
            QScopedPointer<QProcess> first(startSync(path));
            QVERIFY(first->waitForFinished(300000) && first->exitCode() == 0);
        }
        const QString client = fileScalar(path, QStringLiteral("SELECT value FROM sync_state WHERE key = 'client_id'")).toString();
        QVERIFY(!client.isEmpty());
        // Rows to edit, each once: activities' text, then customers' and contacts' names.
        QList<QPair<QString, QString>> targets; // (table|column, key)
        for (const auto &[table, col] : {qMakePair(QStringLiteral("activities"), QStringLiteral("text")),
                                         qMakePair(QStringLiteral("customers"), QStringLiteral("name")),
                                         qMakePair(QStringLiteral("contacts"), QStringLiteral("name"))})
            for (const QString &key : fileColumn(path, QStringLiteral("SELECT id FROM %1 ORDER BY id").arg(table)))
                targets << qMakePair(table + QLatin1Char('|') + col, key);
        constexpr int kKills = 24;
        const int perRound = std::min<int>(30, int(targets.size()) / (kKills + 1));
        QVERIFY2(perRound >= 10, "the micro demo has too few rows to edit");
        QList<Edit> edits;
        int next = 0;
        auto queue = [&](int round) {
            return withFile(path, [&](QSqlDatabase &db) {
                db.transaction();
                for (int i = 0; i < perRound; ++i, ++next) {
                    const QString table = targets[next].first.section(QLatin1Char('|'), 0, 0);
                    const QString col = targets[next].first.section(QLatin1Char('|'), 1);
                    Edit e{{}, table, col, {}, QStringLiteral("k%1-%2").arg(round).arg(i)};
                    e.uuid = dashed(fileScalar(path, QStringLiteral("SELECT lower(hex(uuid)) FROM %1 WHERE id = ?").arg(table), {targets[next].second}).toString());
                    e.opId = editRow(db, table, targets[next].second.toLongLong(), {{col, e.value}});
                    if (e.opId.isEmpty())
                        return false;
                    edits << e;
                }
                return db.commit();
            });
        };
        // One uncut run, to spread the kill points over a run's length.
        QVERIFY(queue(0));
        QElapsedTimer timer;
        timer.start();
        qint64 pushMs = 0;
        {
            QScopedPointer<QProcess> whole(startSync(path));
            QVERIFY(whole->waitForReadyRead(300000));
            const qint64 pushStart = timer.elapsed();
            QVERIFY(whole->waitForFinished(300000) && whole->exitCode() == 0);
            pushMs = std::max<qint64>(timer.elapsed() - pushStart, 20);
        }
        const qint64 runMs = std::max<qint64>(timer.elapsed(), 50);
        check(path, edits, client);
        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        qInfo("a whole sync of %d edits took %lld ms, its push and last pull %lld ms; kill points spread over each, seed %u",
              perRound, runMs, pushMs, seed);
        int before = 0, during = 0, after = 0; // kills before the push, amid it, after it
        for (int k = 0; k < kKills; ++k) {
            QVERIFY(queue(k + 1));
            const int waiting = fileScalar(path, QStringLiteral("SELECT count(*) FROM outbox")).toInt();
            // Even kills spread over the whole run (the start, the pull, the push, the last
            // pull), odd ones over the push and last pull, from the moment the child says so.
            const double at = (k / 2 + random.generateDouble()) / (kKills / 2);
            QScopedPointer<QProcess> p(startSync(path));
            if (k % 2 == 0) {
                QThread::msleep(int(runMs * 1.1 * at));
            } else {
                p->waitForReadyRead(60000);
                QThread::msleep(int(pushMs * 1.1 * at));
            }
            ::kill(pid_t(p->processId()), SIGKILL);
            p->waitForFinished(30000);
            const int left = fileScalar(path, QStringLiteral("SELECT count(*) FROM outbox")).toInt();
            ++(left == waiting ? before : left == 0 ? after : during);
            check(path, edits, client);
        }
        qInfo("of %d kills, %d landed before any batch was acknowledged, %d amid the push, %d after it", kKills, before, during, after);
        QScopedPointer<QProcess> last(startSync(path));
        QVERIFY(last->waitForFinished(300000));
        QVERIFY2(last->exitCode() == 0, qPrintable(QString::fromUtf8(last->readAllStandardError())));
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
        check(path, edits, client);
        QCOMPARE(server(QStringLiteral("SELECT count(*) FROM cockpit.applied_ops WHERE client_id = $1::uuid"), {client}).toInt(), edits.size());
        // Converged: the file holds the server's values.
        for (const Edit &e : edits)
            QCOMPARE(fileScalar(path, QStringLiteral("SELECT %1 FROM %2 WHERE lower(hex(uuid)) = ?").arg(e.column, e.table),
                                {QString(e.uuid).remove(QLatin1Char('-'))}).toString(),
                     e.value);
    }
};

QTEST_GUILESS_MAIN(TestSyncPushKill)
#include "tst_syncpushkill.moc"
