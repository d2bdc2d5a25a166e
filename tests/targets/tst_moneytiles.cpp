// The cockpit's money tiles (targets/moneytiles.h, issue 14): the pure tiles at their edges
// (attainment colours at 90 % and 70 %, no target, a week), and on a generated demo company
// each amount against an independent SQL statement, for the company and one region, for a
// closed quarter and the running one; the drill-downs list exactly the rows behind a tile.
#include "targets/moneytiles.h"
#include "targets/forecasttile.h"
#include "forecast/forecastview.h"

#include "analytics/orgunits.h"
#include "analytics/query.h"
#include "storage/database.h"
#include "tinydemo.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace cockpit;
using namespace cockpit::targets;

class TestMoneyTiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_db.reset(); }
    void attainmentColoursAtTheirEdges_data();
    void attainmentColoursAtTheirEdges();
    void noTargetSaysWhy();
    void weightedShareOfOpen();
    void forecastTileAgainstTheTarget();
    void amountsEqualIndependentSql_data();
    void amountsEqualIndependentSql();
    void drillDownsListTheRowsBehind();

private:
    qint64 sqlValue(const QString &sql, const QVariantList &binds)
    {
        QSqlQuery q(m_db->connection());
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec() || !q.next())
            qFatal("%s", qPrintable(sql));
        return q.value(0).toLongLong();
    }
    analytics::Scope scopeOf(const QString &period, const QString &region) const
    {
        analytics::Scope s;
        s.period = period == QLatin1String("q3") ? analytics::Period::quarter(QDate(2026, 8, 1))
                                                 : analytics::Period::quarter(QDate(2026, 11, 1));
        if (!region.isEmpty())
            s.org = analytics::OrgScope{analytics::OrgLevel::Region, region};
        return s;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    qint64 m_now = 0;
    QString m_region;
};

void TestMoneyTiles::initTestCase()
{
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    const QString error = fixture::generateTinyDemo(path, 7, QDate(2026, 11, 20));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_db = std::make_unique<storage::Database>();
    QVERIFY(m_db->open(path).ok());
    m_now = QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC).toSecsSinceEpoch();
    const analytics::OrgUnits units = analytics::loadOrgUnits(m_db->connection());
    QVERIFY(!units.regions.isEmpty());
    m_region = units.regions.first().id;
}

void TestMoneyTiles::attainmentColoursAtTheirEdges_data()
{
    QTest::addColumn<qint64>("collected");
    QTest::addColumn<qint64>("target");
    QTest::addColumn<int>("colour");
    QTest::addColumn<double>("pct");
    QTest::newRow("90 % exactly: green") << qint64(9000) << qint64(10000) << int(analytics::Rag::Green) << 90.0;
    QTest::newRow("a cent under 90 %: yellow") << qint64(8999) << qint64(10000) << int(analytics::Rag::Yellow) << 89.99;
    QTest::newRow("70 % exactly: yellow") << qint64(7000) << qint64(10000) << int(analytics::Rag::Yellow) << 70.0;
    QTest::newRow("under 70 %: red") << qint64(6999) << qint64(10000) << int(analytics::Rag::Red) << 69.99;
    QTest::newRow("over the target") << qint64(25000) << qint64(10000) << int(analytics::Rag::Green) << 250.0;
}

void TestMoneyTiles::attainmentColoursAtTheirEdges()
{
    QFETCH(qint64, collected);
    QFETCH(qint64, target);
    QFETCH(int, colour);
    QFETCH(double, pct);
    MoneyFacts f;
    f.collectedCents = collected;
    f.targetCents = target;
    const QVector<MoneyTile> tiles = moneyTiles(f);
    QCOMPARE(tiles.size(), 5);
    const MoneyTile &a = tiles[4];
    QCOMPARE(a.key, QStringLiteral("attainment"));
    QVERIFY(a.hasData);
    QCOMPARE(int(a.colour), colour);
    QVERIFY(std::abs(*a.pct - pct) < 1e-9);
    QCOMPARE(a.targetCents, target);
}

void TestMoneyTiles::noTargetSaysWhy()
{
    MoneyFacts f;
    f.collectedCents = 500;
    f.targetCents = -1;
    MoneyTile a = moneyTiles(f)[4];
    QVERIFY(!a.hasData);
    QCOMPARE(int(a.colour), int(analytics::Rag::Grey));
    QVERIFY(!a.note.isEmpty());
    f.targetCents = 0; // a target of 0 is no ground for a percentage
    a = moneyTiles(f)[4];
    QVERIFY(!a.hasData);
    QVERIFY(!a.note.isEmpty());
    f.targetCents = 1000;
    f.targetPeriod = false; // a week
    a = moneyTiles(f)[4];
    QVERIFY(!a.hasData);
    QVERIFY(a.note.contains(QStringLiteral("month")));
}

void TestMoneyTiles::weightedShareOfOpen()
{
    MoneyFacts f;
    f.pipelineCents = 100000;
    f.weightedCents = 41234.6;
    f.openDeals = 3;
    const QVector<MoneyTile> tiles = moneyTiles(f);
    QCOMPARE(tiles[2].cents, qint64(100000));
    QCOMPARE(tiles[3].cents, qint64(41235)); // rounded to the cent
    QVERIFY(std::abs(*tiles[3].pct - 41.2346) < 1e-9);
    QVERIFY(tiles[2].note.isEmpty() && tiles[3].note.isEmpty());
    // Estimated amounts (a file with amounts only on won deals) are said on both tiles.
    f.estimatedDeals = 2;
    QVERIFY(moneyTiles(f)[2].note.contains(QStringLiteral("2 deal")));
    QVERIFY(moneyTiles(f)[3].note.contains(QStringLiteral("2 deal")));
    f.pipelineCents = 0;
    f.weightedCents = 0;
    QVERIFY(!moneyTiles(f)[3].pct); // no open amount: no share
}

void TestMoneyTiles::forecastTileAgainstTheTarget()
{
    forecast::ForecastView v;
    v.currency = QStringLiteral("CNY");
    v.sim.p10 = 70000;
    v.sim.p50 = 90000;
    v.sim.p90 = 120000;
    v.sim.draws = 10000;
    v.sim.confidence = 0.764;
    v.sim.dealsInPeriod = 4;
    v.targetCents = 100000;
    MoneyTile t = forecastTile(v);
    QCOMPARE(t.key, QStringLiteral("forecast"));
    QVERIFY(t.hasData);
    QCOMPARE(t.cents, 90000);
    QCOMPARE(t.count, 4);
    QCOMPARE(*t.pct, 90.0);
    QCOMPARE(t.colour, analytics::Rag::Green); // 90 % is green, as attainment
    QVERIFY2(t.note.contains(QStringLiteral("76 %")), qPrintable(t.note));
    v.sim.p50 = 89999;
    QCOMPARE(forecastTile(v).colour, analytics::Rag::Yellow);
    v.sim.p50 = 69999;
    QCOMPARE(forecastTile(v).colour, analytics::Rag::Red);
    // No target: the amount without a percent or a colour.
    v.targetCents = -1;
    t = forecastTile(v);
    QVERIFY(t.hasData && !t.pct);
    QCOMPARE(t.colour, analytics::Rag::Grey);
    // A history that ended long ago says as of when.
    v.historical = true;
    v.asOfDay = analytics::dayNumber(QDate(2018, 1, 1));
    QVERIFY2(forecastTile(v).note.contains(QLocale().toString(QDate(2018, 1, 1), QLocale::ShortFormat)),
             qPrintable(forecastTile(v).note));
}

void TestMoneyTiles::amountsEqualIndependentSql_data()
{
    QTest::addColumn<QString>("period");
    QTest::addColumn<bool>("region");
    QTest::newRow("Q3 company (closed)") << "q3" << false;
    QTest::newRow("Q3 region (closed)") << "q3" << true;
    QTest::newRow("Q4 company (running)") << "q4" << false;
    QTest::newRow("Q4 region (running)") << "q4" << true;
}

void TestMoneyTiles::amountsEqualIndependentSql()
{
    QFETCH(QString, period);
    QFETCH(bool, region);
    const analytics::Scope scope = scopeOf(period, region ? m_region : QString());
    const MoneyFigures m = computeMoney(m_db->connection(), scope, m_now);
    const qint64 start = scope.period.startSecs(), end = std::min(scope.period.endSecs(), m_now);
    const QString owner = region ? QStringLiteral(" AND owner_id IN (SELECT id FROM users WHERE region_id = %1)").arg(m_region)
                                 : QString();
    const QString rep = region ? QStringLiteral(" AND rep_id IN (SELECT id FROM users WHERE region_id = %1)").arg(m_region)
                               : QStringLiteral(" AND rep_id IS NOT NULL");
    const qint64 won = sqlValue(QStringLiteral("SELECT COALESCE(SUM(amount_cents), 0) FROM leads WHERE deleted = 0"
                                               " AND status = 'won' AND closed_at >= ? AND closed_at < ?")
                                    + owner,
                                {start, end});
    const qint64 wonDeals = sqlValue(QStringLiteral("SELECT COUNT(*) FROM leads WHERE deleted = 0"
                                                    " AND status = 'won' AND closed_at >= ? AND closed_at < ?")
                                         + owner,
                                     {start, end});
    const qint64 firstDay = analytics::dayNumber(scope.period.first);
    const qint64 lastDay = analytics::dayNumber(std::min(scope.period.last, analytics::companyDayOf(m_now)));
    const qint64 collected = sqlValue(QStringLiteral("SELECT COALESCE(SUM(amount_cents), 0) FROM payments WHERE deleted = 0"
                                                     " AND paid_on >= ? AND paid_on <= ?")
                                          + rep,
                                      {firstDay, lastDay});
    // Open at the moment: created before it, not closed by then.
    const qint64 pipeline = sqlValue(QStringLiteral("SELECT COALESCE(SUM(amount_cents), 0) FROM leads WHERE deleted = 0"
                                                    " AND created_at < ? AND (closed_at IS NULL OR closed_at >= ?)")
                                         + owner,
                                     {end, end});
    QVERIFY(won > 0);
    QVERIFY(collected > 0);
    QCOMPARE(m.tiles[0].cents, won);
    QCOMPARE(qint64(m.tiles[0].count), wonDeals);
    QCOMPARE(m.tiles[1].cents, collected);
    QCOMPARE(m.tiles[2].cents, pipeline);
    QVERIFY(m.tiles[3].cents > 0 && m.tiles[3].cents < pipeline);
    if (!region) {
        const qint64 target = sqlValue(QStringLiteral("SELECT COALESCE(MAX(amount_cents), -1) FROM targets WHERE deleted = 0"
                                                      " AND org_level = 'company' AND period_kind = 'quarter' AND period_start = ?"),
                                       {firstDay});
        QVERIFY2(target > 0, "the demo sets company quarter targets");
        QCOMPARE(m.tiles[4].targetCents, target);
        QVERIFY(std::abs(*m.tiles[4].pct - 100.0 * double(collected) / double(target)) < 1e-9);
    }
}

void TestMoneyTiles::drillDownsListTheRowsBehind()
{
    const analytics::Scope scope = scopeOf(QStringLiteral("q3"), m_region);
    const MoneyFigures m = computeMoney(m_db->connection(), scope, m_now);
    for (int i : {0, 1, 2, 3}) {
        const analytics::DataTable t = moneyDrillDown(m_db->connection(), scope, m_now, m.tiles[i].key);
        QCOMPARE(t.rows.size(), m.tiles[i].count);
        const int amount = t.columnIndex(i == 3 ? QStringLiteral("weighted_cents") : QStringLiteral("amount_cents"));
        QVERIFY(amount >= 0);
        qint64 sum = 0;
        for (const QVariantList &row : t.rows)
            sum += row[amount].toLongLong();
        if (i == 3) // each row rounded to the cent
            QVERIFY2(std::abs(sum - m.tiles[i].cents) <= t.rows.size(), qPrintable(QString::number(sum - m.tiles[i].cents)));
        else
            QCOMPARE(sum, m.tiles[i].cents);
    }
    bool threw = false;
    try {
        moneyDrillDown(m_db->connection(), scope, m_now, QStringLiteral("nope"));
    } catch (const analytics::QueryError &) {
        threw = true;
    }
    QVERIFY(threw);
}

QTEST_MAIN(TestMoneyTiles)
#include "tst_moneytiles.moc"
