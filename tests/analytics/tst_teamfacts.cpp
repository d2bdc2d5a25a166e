// Team's facts kept on disk between runs (TeamHealthCache::setDiskDirectory): the next run on
// the same data reads them back instead of loading them, with the very figures of the SQL
// path; changed data, a damaged file or a period that cuts a month loads again.
#include "analytics/query.h"
#include "analytics/teamhealth.h"
#include "fixture.h"
#include "storage/database.h"
#include "teamhealthdiff.h"
#include "tinydemo.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::analytics;
using fixture::healthDiff;

namespace {
const Scope kQuarter{Period::quarter(QDate(2026, 11, 1)), OrgScope::company()};
// After the demo's last data (2026-11-22): between the two, nothing happens (a run, and the
// next start the same day).
const QString kNow = QStringLiteral("2026-11-23T02:00:00Z");
const QString kLater = QStringLiteral("2026-11-23T02:05:00Z");

// The statements that load facts (not those that only check them): the month slabs' exits,
// the customers' rows and their aggregates.
bool loadsFacts(const QList<TracedQuery> &queries)
{
    for (const TracedQuery &q : queries)
        if (q.sql.contains(QLatin1String("exit_actions & ?")) || q.sql.contains(QLatin1String("FROM customers c"))
            || q.sql.contains(QLatin1String("AVG(nps) FROM surveys"))) {
            qInfo().noquote() << "loads:" << q.sql.left(60);
            return true;
        }
    return false;
}

QStringList factFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("team-facts-*.bin")}, QDir::Files);
}
} // namespace

class TestTeamFacts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("tiny.db"));
        const QString error = fixture::generateTinyDemo(m_path, 42, QDate(2026, 11, 22));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void readBackOnTheSameData()
    {
        QTemporaryDir disk;
        ReadConnection c(m_path);
        QVERIFY(c.isOpen());
        {
            TeamHealthCache first;
            first.setDiskDirectory(disk.path());
            const TeamHealth th = computeTeamHealth(c.db(), kQuarter, kNow, {}, {&first, true, {}});
            QVERIFY(th.total.counts.exits > 0 && th.total.counts.customers > 0);
            first.waitForDisk();
        }
        QCOMPARE(factFiles(disk.path()).size(), 1);

        // The next run: nothing loaded again, the figures of the SQL path at its own "now".
        TeamHealthCache next;
        next.setDiskDirectory(disk.path());
        QueryTrace trace;
        const TeamHealth restored = computeTeamHealth(c.db(), kQuarter, kLater, {}, {&next, true, {}});
        QVERIFY(!loadsFacts(trace.queries()));
        const TeamHealth sql = computeTeamHealth(c.db(), kQuarter, kLater);
        QVERIFY2(healthDiff(restored, sql).isEmpty(), qPrintable(healthDiff(restored, sql)));

        // A week cuts its month: that month's days are loaded (the file keeps the month sums).
        const Scope week{Period::week(QDate(2026, 11, 16)), OrgScope::company()};
        const TeamHealth weekCached = computeTeamHealth(c.db(), week, kLater, {}, {&next, false, {}});
        const TeamHealth weekSql = computeTeamHealth(c.db(), week, kLater);
        QVERIFY2(healthDiff(weekCached, weekSql).isEmpty(), qPrintable(healthDiff(weekCached, weekSql)));

        // A copy of the file (another path, the same content) reads them too.
        const QString copy = copyOfDemo(QStringLiteral("copy.db"));
        QVERIFY(!copy.isEmpty());
        ReadConnection cc(copy);
        TeamHealthCache other;
        other.setDiskDirectory(disk.path());
        QueryTrace traceCopy;
        const TeamHealth fromCopy = computeTeamHealth(cc.db(), kQuarter, kLater, {}, {&other, false, {}});
        QVERIFY(!loadsFacts(traceCopy.queries()));
        QVERIFY2(healthDiff(fromCopy, sql).isEmpty(), qPrintable(healthDiff(fromCopy, sql)));
    }

    void changedDataIsLoadedAgain()
    {
        QTemporaryDir disk;
        const QString path = copyOfDemo(QStringLiteral("changed.db"));
        QVERIFY(!path.isEmpty());
        {
            ReadConnection c(path);
            TeamHealthCache first;
            first.setDiskDirectory(disk.path());
            computeTeamHealth(c.db(), kQuarter, kNow, {}, {&first, false, {}});
            first.waitForDisk();
        }
        QCOMPARE(factFiles(disk.path()).size(), 1);
        // Worse surveys, written as the app writes (a new updated_at).
        {
            storage::Database db;
            QVERIFY(db.open(path).ok());
            QVERIFY(fixture::exec(db.connection(), QStringLiteral("UPDATE surveys SET nps = 0, updated_at = updated_at + 60")));
        }
        ReadConnection c(path);
        TeamHealthCache next;
        next.setDiskDirectory(disk.path());
        QueryTrace trace;
        const TeamHealth after = computeTeamHealth(c.db(), kQuarter, kLater, {}, {&next, false, {}});
        QVERIFY(loadsFacts(trace.queries()));
        const TeamHealth sql = computeTeamHealth(c.db(), kQuarter, kLater);
        QVERIFY2(healthDiff(after, sql).isEmpty(), qPrintable(healthDiff(after, sql)));
        next.waitForDisk();
        QCOMPARE(factFiles(disk.path()).size(), 2); // the new data's facts beside the old ones
    }

    void damagedFileIsNotRead()
    {
        QTemporaryDir disk;
        ReadConnection c(m_path);
        {
            TeamHealthCache first;
            first.setDiskDirectory(disk.path());
            computeTeamHealth(c.db(), kQuarter, kNow, {}, {&first, false, {}});
            first.waitForDisk();
        }
        const QStringList files = factFiles(disk.path());
        QCOMPARE(files.size(), 1);
        const QString file = QDir(disk.path()).filePath(files.first());
        QByteArray bytes;
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            bytes = f.readAll();
        }
        const TeamHealth sql = computeTeamHealth(c.db(), kQuarter, kLater);
        // One byte flipped in the middle, then the file cut short: loaded again both times.
        for (const QByteArray &damaged : {QByteArray(bytes).replace(bytes.size() / 2, 1, QByteArray(1, char(bytes.at(bytes.size() / 2) ^ 0x5a))),
                                          bytes.left(bytes.size() - 100)}) {
            {
                QFile f(file);
                QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
                QCOMPARE(f.write(damaged), damaged.size());
            }
            TeamHealthCache next;
            next.setDiskDirectory(disk.path());
            QueryTrace trace;
            const TeamHealth th = computeTeamHealth(c.db(), kQuarter, kLater, {}, {&next, false, {}});
            QVERIFY(loadsFacts(trace.queries()));
            QVERIFY2(healthDiff(th, sql).isEmpty(), qPrintable(healthDiff(th, sql)));
            next.waitForDisk();
        }
    }

private:
    // A copy of the demo file beside it (empty when it could not be made).
    QString copyOfDemo(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        return QFile::copy(m_path, path) ? path : QString();
    }
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestTeamFacts)
#include "tst_teamfacts.moc"
