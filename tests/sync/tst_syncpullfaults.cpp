// The pull under faults, against a real PostgreSQL (SYNC.md tests 2, 8 and 1):
// - kill -9 of `sales-cockpit sync` at random points of a first pull (by COPY) and of an
//   incremental one (pages of the change feed): after each kill the file passes
//   integrity_check, holds no row twice, and the next sync converges to exactly what the
//   server shows that login (per table: row count and a checksum of ids and row versions);
// - the pulling backend terminated by the administrator mid-pull: a clear error, then the
//   next sync resumes and converges, nothing twice;
// - a transaction left open on the server is reported by a file's FIRST pull already, and the
//   rows it held back arrive once it ends.
#include "servertestcase.h"
#include "synctestfile.h"
#include "sync/pgconnection.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::tests;

namespace {
const QString kPassword = QStringLiteral("faults-pw-1234");
const QString kLogin = QStringLiteral("director");
} // namespace

class TestSyncPullFaults : public ServerTestCase
{
    Q_OBJECT

public:
    TestSyncPullFaults() : ServerTestCase(kPassword) {}

private:
    QStringList m_tables;
    int m_files = 0;

    QString url(const QString &db) const
    {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3?sslmode=disable").arg(kLogin).arg(m_cluster.port()).arg(db);
    }
    QString newFile() { return m_dir.filePath(QStringLiteral("f%1.db").arg(++m_files)); }

    // `sync` as a child process, pages (and the first pull's batches) of 100 rows: many commits.
    std::unique_ptr<QProcess> start(const QString &db, const QString &path)
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), kPassword);
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("COCKPIT_SYNC_PAGE"), QStringLiteral("100"));
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(COCKPIT_APP), {QStringLiteral("sync"), QStringLiteral("--db"), path, QStringLiteral("--server"), url(db)});
        p->waitForStarted();
        return p;
    }
    // A whole sync: exit code, and the time it took.
    int syncToEnd(const QString &db, const QString &path, qint64 *ms = nullptr, QString *out = nullptr)
    {
        QElapsedTimer t;
        t.start();
        auto p = start(db, path);
        p->waitForFinished(300000);
        if (ms)
            *ms = t.elapsed();
        const QString text = QString::fromUtf8(p->readAllStandardOutput() + p->readAllStandardError());
        if (out)
            *out = text;
        if (p->exitCode() != 0)
            qWarning("%s", qPrintable(text));
        return p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
    }
    // Per synced table, what the login sees on the server: "table count md5(id:row_version,…)".
    QStringList serverState(const QString &db)
    {
        auto c = connect(m_cluster.as(kLogin, kPassword, db));
        QStringList out;
        for (const QString &t : std::as_const(m_tables)) {
            const bool log = t == QLatin1String("log_deletions");
            sync::PgResult r;
            sync::PgError e;
            if (!c || !c->exec(QStringLiteral("SELECT count(*), coalesce(string_agg(replace(id::text, '-', '')%1, ',' ORDER BY id), '') "
                                              "FROM cockpit.%2%3")
                                   .arg(log ? QString() : QStringLiteral(" || ':' || row_version"), t,
                                        log ? QStringLiteral(" WHERE NOT deleted") : QString()),
                               {}, &r, &e)) {
                qWarning("%s", qPrintable(e.message));
                return {};
            }
            out << QStringLiteral("%1 %2 %3").arg(t, r.text(0, 0),
                                                  QString::fromLatin1(QCryptographicHash::hash(r.text(0, 1).toUtf8(), QCryptographicHash::Md5).toHex()));
        }
        return out;
    }
    QStringList localState(const QString &path)
    {
        QStringList out;
        for (const QString &t : std::as_const(m_tables)) {
            const bool log = t == QLatin1String("log_deletions");
            const QString list = scalar(path, QStringLiteral("SELECT coalesce(group_concat(x, ','), '') FROM (SELECT lower(hex(uuid))%1 AS x "
                                                             "FROM %2 ORDER BY uuid)")
                                                  .arg(log ? QString() : QStringLiteral(" || ':' || row_version"), t))
                                     .toString();
            const QString count = scalar(path, QStringLiteral("SELECT count(*) FROM %1").arg(t)).toString();
            out << QStringLiteral("%1 %2 %3").arg(t, count,
                                                  QString::fromLatin1(QCryptographicHash::hash(list.toUtf8(), QCryptographicHash::Md5).toHex()));
        }
        return out;
    }
    // After a kill or a drop: a sound file, no row twice.
    void checkInterrupted(const QString &path)
    {
        QCOMPARE(scalar(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        if (scalar(path, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'sync_state'")).toInt() == 0)
            return; // killed before the schema was written: an empty file
        for (const QString &t : std::as_const(m_tables))
            QCOMPARE(scalar(path, QStringLiteral("SELECT count(*) - count(DISTINCT uuid) FROM %1").arg(t)).toInt(), 0);
    }
    // Changes on the server for an incremental pull: 1 500 activities edited, 20 leads deleted.
    bool changeServer(const QString &db, int round)
    {
        auto admin = connect(m_cluster.admin(db));
        sync::PgError e;
        return admin
               && admin->exec(QStringLiteral("UPDATE cockpit.activities SET text = text || '%1' WHERE id IN "
                                             "(SELECT id FROM cockpit.activities ORDER BY md5(id::text || '%1') LIMIT 1500)")
                                  .arg(round),
                              &e)
               && admin->exec(QStringLiteral("UPDATE cockpit.leads SET deleted = true WHERE id IN "
                                             "(SELECT id FROM cockpit.leads WHERE NOT deleted ORDER BY md5(id::text || '%1') LIMIT 20)")
                                  .arg(round),
                              &e);
    }

private Q_SLOTS:
    void initTestCase()
    {
        COCKPIT_START_TEST_CLUSTER();
        QVERIFY(provision(QStringLiteral("t_tables")));
        auto admin = connect(m_cluster.admin(QStringLiteral("t_tables")));
        QVERIFY(admin);
        sync::PgResult r;
        sync::PgError e;
        QVERIFY(admin->exec(QStringLiteral("SELECT name FROM cockpit.synced_tables ORDER BY position"), {}, &r, &e));
        for (int i = 0; i < r.rows(); ++i)
            m_tables << r.text(i, 0);
        QVERIFY(!m_tables.isEmpty());
    }

    // SYNC.md test 2 (pull): kill -9 at ≥ 20 random points, half in first pulls, half in
    // incremental ones; each time the file is sound and the next sync converges.
    void killedPullsConverge()
    {
        const QString db = QStringLiteral("t_kill");
        QVERIFY(provision(db));
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("kill points from seed %u", seed);
        QRandomGenerator rng(seed);
        const QStringList server = serverState(db);
        QVERIFY(!server.isEmpty());
        qint64 firstMs = 0;
        const QString reference = newFile();
        QCOMPARE(syncToEnd(db, reference, &firstMs), 0);
        QCOMPARE(localState(reference), server);

        int kills = 0, midway = 0;
        for (int attempt = 0; kills < 12 && attempt < 60; ++attempt) {
            const QString path = newFile();
            auto p = start(db, path);
            // The kill point: a random time after the file exists (made and renamed first).
            while (!QFile::exists(path) && p->state() == QProcess::Running)
                p->waitForFinished(1);
            if (p->waitForFinished(int(rng.bounded(quint32(firstMs) + 1))))
                continue; // it ended before the kill point: not a kill
            p->kill();
            p->waitForFinished();
            if (!QFile::exists(path))
                continue; // killed before it created the file: not a kill of a pull
            ++kills;
            checkInterrupted(path);
            const int leads = scalar(path, QStringLiteral("SELECT count(*) FROM leads")).toInt();
            midway += leads > 0 && localState(path) != server;
            QCOMPARE(syncToEnd(db, path), 0);
            QCOMPARE(localState(path), server);
        }
        QVERIFY2(kills >= 12, qPrintable(QStringLiteral("only %1 kills landed in a first pull").arg(kills)));
        qInfo("first pulls: %d kills, %d of them with part of the company in the file", kills, midway);

        // Incremental pulls of the reference file.
        int incremental = 0;
        for (int round = 0; incremental < 10 && round < 60; ++round) {
            QVERIFY(changeServer(db, round));
            const QStringList changed = serverState(db);
            qint64 ms = 0;
            if (round == 0) { // the first round, whole, times an incremental pull
                QCOMPARE(syncToEnd(db, reference, &ms), 0);
                QCOMPARE(localState(reference), changed);
                firstMs = ms;
                continue;
            }
            auto p = start(db, reference);
            if (!p->waitForFinished(int(rng.bounded(quint32(firstMs) + 1)))) {
                p->kill();
                p->waitForFinished();
                ++incremental;
                checkInterrupted(reference);
            }
            QCOMPARE(syncToEnd(db, reference), 0);
            QCOMPARE(localState(reference), changed);
        }
        QVERIFY2(incremental >= 10, qPrintable(QStringLiteral("only %1 kills landed in an incremental pull").arg(incremental)));
    }

    // SYNC.md test 8: the administrator ends the pulling backend in the middle of a first pull
    // (a COPY) and of an incremental one (a page of the change feed): the sync says the
    // connection was lost, the file is sound, and the next sync converges without duplicates.
    void disconnectMidPullResumes()
    {
        const QString db = QStringLiteral("t_drop");
        QVERIFY(provision(db));
        auto admin = connect(m_cluster.admin(db));
        QVERIFY(admin);
        const QString path = newFile();
        for (const QString &statement : {QStringLiteral("COPY%"), QStringLiteral("SELECT f.table_name%")}) {
            if (statement.startsWith(QLatin1String("SELECT")))
                QVERIFY(changeServer(db, 1000));
            bool dropped = false;
            for (int attempt = 0; !dropped && attempt < 20; ++attempt) {
                auto p = start(db, path);
                while (p->state() == QProcess::Running && !dropped) {
                    sync::PgResult r;
                    sync::PgError e;
                    QVERIFY(admin->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 "
                                                       "AND state = 'active' AND query LIKE $2"),
                                        {kLogin, statement}, &r, &e));
                    dropped = r.rows() > 0 && r.toBool(0, 0);
                    if (!dropped)
                        p->waitForFinished(2);
                }
                p->waitForFinished();
                if (!dropped)
                    continue; // it ended before the drop; the next attempt pulls what changes next
                const QString err = QString::fromUtf8(p->readAllStandardError());
                QCOMPARE(p->exitCode(), 1);
                QVERIFY2(err.contains(QStringLiteral("was lost during the pull")) && err.contains(QStringLiteral("the next sync continues")),
                         qPrintable(err));
                checkInterrupted(path);
                if (statement.startsWith(QLatin1String("SELECT")))
                    break;
                QVERIFY(changeServer(db, 2000 + attempt)); // the next attempt's incremental has changes to pull
            }
            QVERIFY2(dropped, qPrintable(statement));
            QCOMPARE(syncToEnd(db, path), 0);
            QCOMPARE(localState(path), serverState(db));
        }
    }

    // SYNC.md test 1 on a first pull: A holds a transaction open, B commits after it. A new
    // file's first pull says so at once; B's row (above the horizon A holds) is not taken; once
    // A commits, both rows arrive, each once.
    void firstPullReportsAStall()
    {
        const QString db = QStringLiteral("t_stall");
        QVERIFY(provision(db));
        auto admin = connect(m_cluster.admin(db));
        sync::PgResult leads;
        sync::PgError e;
        QVERIFY(admin->exec(QStringLiteral("SELECT id::text, replace(id::text, '-', '') FROM cockpit.leads ORDER BY id LIMIT 2"), {}, &leads, &e));
        auto a = connect(m_cluster.as(kLogin, kPassword, db));
        auto b = connect(m_cluster.as(kLogin, kPassword, db));
        QVERIFY(a && b);
        QVERIFY(a->exec(QStringLiteral("BEGIN"), &e));
        QVERIFY(a->exec(QStringLiteral("UPDATE cockpit.leads SET title = 'late A' WHERE id = $1"), {leads.text(0, 0)}, nullptr, &e));
        QVERIFY(b->exec(QStringLiteral("UPDATE cockpit.leads SET title = 'early B' WHERE id = $1"), {leads.text(1, 0)}, nullptr, &e));
        const QString path = newFile();
        auto title = [&](int i) {
            return scalar(path, QStringLiteral("SELECT coalesce((SELECT title FROM leads WHERE lower(hex(uuid)) = ?), '')"), {leads.text(i, 1)}).toString();
        };
        QString out;
        QCOMPARE(syncToEnd(db, path, nullptr, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("warning: a transaction open on the server")), qPrintable(out));
        QVERIFY(title(0) != QLatin1String("late A"));
        QVERIFY(title(1) != QLatin1String("early B"));
        QVERIFY(a->exec(QStringLiteral("COMMIT"), &e));
        QCOMPARE(syncToEnd(db, path, nullptr, &out), 0);
        QVERIFY2(out.contains(QStringLiteral(" 2 row(s) applied")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("warning")), qPrintable(out));
        QCOMPARE(title(0), QStringLiteral("late A"));
        QCOMPARE(title(1), QStringLiteral("early B"));
        QCOMPARE(syncToEnd(db, path, nullptr, &out), 0);
        QVERIFY2(out.contains(QStringLiteral(" 0 row(s) applied")), qPrintable(out));
        QCOMPARE(localState(path), serverState(db));
    }
};

QTEST_GUILESS_MAIN(TestSyncPullFaults)
#include "tst_syncpullfaults.moc"
