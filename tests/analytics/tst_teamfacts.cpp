// Team's facts kept on disk between runs (TeamHealthCache::setDiskDirectory): the next run on
// the same data reads them back instead of loading them, with the very figures of the SQL
// path; changed data, a damaged file or a period that cuts a month loads again.
#include "analytics/query.h"
#include "analytics/teamhealth.h"
#include "analytics/teamhealthsql.h"
#include "analytics/scope.h"
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

    // The contracts' and payments' aggregates, grouped in C++ from plain scans, against the
    // grouped SQL they replaced, for every customer of the demo; with two contracts of one
    // customer ending the same day, after its others (the lower id's renewal intent counts).
    void customerAggregatesAsGroupedSql()
    {
        QTemporaryDir dir;
        storage::Database db;
        QVERIFY(fixture::openCopy(m_path, dir.path(), db));
        QSqlDatabase c = db.connection();
        const qint64 asOf = fixture::t("2026-11-23T02:00:00Z").toLongLong();
        const QDate day = companyDayOf(asOf);
        const QVariant dayParam = dateParam(day);
        QVERIFY(fixture::exec(c, QStringLiteral("INSERT INTO contracts (customer_id, signed_on, ends_on, value_cents, fulfilment_pct,"
                                                " renewal_intent, updated_at) SELECT id, %1 - 30, %1 + 4000, 100, 40, 90, 0 FROM customers"
                                                " WHERE id = (SELECT MIN(id) FROM customers)").arg(dayParam.toLongLong())));
        QVERIFY(fixture::exec(c, QStringLiteral("INSERT INTO contracts (customer_id, signed_on, ends_on, value_cents, fulfilment_pct,"
                                                " renewal_intent, updated_at) SELECT id, %1 - 20, %1 + 4000, 100, 60, 10, 0 FROM customers"
                                                " WHERE id = (SELECT MIN(id) FROM customers)").arg(dayParam.toLongLong())));
        const QHash<qint64, CustomerFacts> got = detail::loadCustomerAggregates(c, asOf);
        int contracts = 0, payments = 0;
        QSqlQuery k = runQuery(c, QStringLiteral("SELECT k1.customer_id, AVG(k1.fulfilment_pct),"
                                                 " (SELECT k2.renewal_intent FROM contracts k2 WHERE k2.customer_id = k1.customer_id"
                                                 "   AND k2.signed_on <= ? AND k2.deleted = 0 ORDER BY k2.ends_on DESC, k2.id LIMIT 1)"
                                                 " FROM contracts k1 WHERE k1.signed_on <= ? AND k1.deleted = 0 GROUP BY k1.customer_id"),
                               {dayParam, dayParam});
        while (k.next()) {
            const CustomerFacts f = got.value(k.value(0).toLongLong());
            QVERIFY(f.fulfilmentPct && f.renewalIntent);
            QCOMPARE(*f.fulfilmentPct, k.value(1).toDouble());
            QCOMPARE(*f.renewalIntent, k.value(2).toDouble());
            ++contracts;
        }
        QSqlQuery p = runQuery(c, QStringLiteral("SELECT customer_id, COUNT(*), SUM(paid_on IS NOT NULL AND paid_on <= due_on)"
                                                 " FROM payments WHERE due_on >= ? AND due_on < ? AND deleted = 0 GROUP BY customer_id"),
                               {dateParam(day.addDays(-365)), dayParam});
        while (p.next()) {
            const CustomerFacts f = got.value(p.value(0).toLongLong());
            QCOMPARE(f.paymentsDue, p.value(1).toInt());
            QCOMPARE(f.paymentsOnTime, p.value(2).toInt());
            ++payments;
        }
        QVERIFY(contracts > 10 && payments > 10);
        // No customer has figures the SQL has not.
        int withContracts = 0, withPayments = 0;
        for (const CustomerFacts &f : got) {
            withContracts += f.fulfilmentPct ? 1 : 0;
            withPayments += f.paymentsDue > 0 ? 1 : 0;
        }
        QCOMPARE(withContracts, contracts);
        QCOMPARE(withPayments, payments);
        // The tie: the lower id's 90 of the two ending last.
        QSqlQuery m = runQuery(c, QStringLiteral("SELECT MIN(id) FROM customers"));
        QVERIFY(m.next());
        QCOMPARE(got.value(m.value(0).toLongLong()).renewalIntent.value_or(-1), 90.0);
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
