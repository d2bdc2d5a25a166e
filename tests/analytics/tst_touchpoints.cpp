// The touchpoint heat map (DESIGN.md §5): buckets by company day (UTC+8) or ISO week, counts
// per direction, cold zones of consecutive silent days, org restriction, drill-down rows,
// the `touchpoints` report, and the demo's silent open leads (signal 3).
#include "storage/database.h"
#include "demo/demogenerator.h"
#include "fixture.h"
#include "touchfixture.h"
#include "analytics/query.h"
#include "analytics/reports.h"
#include "analytics/touchpoints.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::analytics;

namespace {

// "2026-07-01:s2 2026-07-03:c1 2026-07-03:x4" → daily counts (s sales, c customer, x cross).
QVector<DayCount> parseDays(const QString &text)
{
    QVector<DayCount> out;
    for (const QString &item : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString day = item.section(QLatin1Char(':'), 0, 0), what = item.section(QLatin1Char(':'), 1, 1);
        const int row = what.startsWith(QLatin1Char('s')) ? 0 : what.startsWith(QLatin1Char('c')) ? 1 : 2;
        out.push_back({QDate::fromString(day, Qt::ISODate), row, what.mid(1).toInt()});
    }
    return out;
}

// Buckets as "s/c/x" per bucket, space-separated.
QString bucketCounts(const TouchpointGrid &g)
{
    QStringList parts;
    for (const TouchBucket &b : g.buckets)
        parts << QStringLiteral("%1/%2/%3").arg(b.counts[0]).arg(b.counts[1]).arg(b.counts[2]);
    return parts.join(QLatin1Char(' '));
}

QString bucketRanges(const TouchpointGrid &g)
{
    QStringList parts;
    for (const TouchBucket &b : g.buckets)
        parts << b.first.toString(QStringLiteral("MM-dd")) + QStringLiteral("..") + b.last.toString(QStringLiteral("MM-dd"));
    return parts.join(QLatin1Char(' '));
}

QString zones(const TouchpointGrid &g)
{
    QStringList parts;
    for (const ColdZone &z : g.coldZones)
        parts << QStringLiteral("%1..%2=%3[%4-%5]")
                     .arg(z.first.toString(QStringLiteral("MM-dd")), z.last.toString(QStringLiteral("MM-dd")))
                     .arg(z.days())
                     .arg(z.firstBucket)
                     .arg(z.lastBucket);
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestTouchpoints : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void grid_data();
    void grid();
    void weekBuckets();
    void leadFromDatabase_data();
    void leadFromDatabase();
    void portfolioOrg_data();
    void portfolioOrg();
    void drillDownMatchesCell();
    void coldDaysSetting();
    void report();
    void demoSilentLeadsEndCold();

private:
    bool openFixture(QTemporaryDir &dir, storage::Database &database);
};

void TestTouchpoints::grid_data()
{
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QDate>("lastObserved");
    QTest::addColumn<QString>("days");
    QTest::addColumn<int>("coldDays");
    QTest::addColumn<QString>("counts");
    QTest::addColumn<QString>("zones");

    // 5 days by day. Silent (no sales/customer): 07-02 (1 day), 07-04..05 (2 days): no zone at 3.
    QTest::newRow("2 silent days are not cold")
        << QDate(2026, 7, 1) << QDate(2026, 7, 5) << QDate(2026, 7, 5) << "2026-07-01:s2 2026-07-03:c1" << 3
        << "2/0/0 0/0/0 0/1/0 0/0/0 0/0/0" << "";
    // The same with a 2-day threshold: 07-04..05 is a zone, in buckets 3..4; 07-02 alone is not.
    QTest::newRow("2 silent days at threshold 2")
        << QDate(2026, 7, 1) << QDate(2026, 7, 5) << QDate(2026, 7, 5) << "2026-07-01:s2 2026-07-03:c1" << 2
        << "2/0/0 0/0/0 0/1/0 0/0/0 0/0/0" << "07-04..07-05=2[3-4]";
    // 07-02..04 silent = 3 days → one zone; 07-05 has a sales action.
    QTest::newRow("3 silent days are cold")
        << QDate(2026, 7, 1) << QDate(2026, 7, 5) << QDate(2026, 7, 5) << "2026-07-01:s1 2026-07-05:s1" << 3
        << "1/0/0 0/0/0 0/0/0 0/0/0 1/0/0" << "07-02..07-04=3[1-3]";
    // Cross-department work does not warm a lead: 07-03 has only cross → still silent.
    QTest::newRow("cross does not warm")
        << QDate(2026, 7, 1) << QDate(2026, 7, 5) << QDate(2026, 7, 5) << "2026-07-01:s1 2026-07-03:x4 2026-07-05:c1"
        << 3 << "1/0/0 0/0/0 0/0/4 0/0/0 0/1/0" << "07-02..07-04=3[1-3]";
    // A silent end: 07-03..07-06 (4 days) is a zone ending on the last day.
    QTest::newRow("silent end")
        << QDate(2026, 7, 1) << QDate(2026, 7, 6) << QDate(2026, 7, 6) << "2026-07-01:s1 2026-07-02:c2" << 3
        << "1/0/0 0/2/0 0/0/0 0/0/0 0/0/0 0/0/0" << "07-03..07-06=4[2-5]";
    // Days after lastObserved (07-04) are the future: no zone there even though silent.
    QTest::newRow("future is not silence")
        << QDate(2026, 7, 1) << QDate(2026, 7, 10) << QDate(2026, 7, 4) << "2026-07-01:s1 2026-07-02:s1" << 3
        << "1/0/0 1/0/0 0/0/0 0/0/0 0/0/0 0/0/0 0/0/0 0/0/0 0/0/0 0/0/0" << "";
    // Days outside the span are ignored; a day with zero count is no touch.
    QTest::newRow("outside and zero ignored")
        << QDate(2026, 7, 1) << QDate(2026, 7, 3) << QDate(2026, 7, 3) << "2026-06-30:s5 2026-07-02:s0 2026-07-04:c1" << 3
        << "0/0/0 0/0/0 0/0/0" << "07-01..07-03=3[0-2]";
    // All silent from the first day, 45 days → still day buckets (45 is the limit).
    QTest::newRow("45 days by day")
        << QDate(2026, 7, 1) << QDate(2026, 8, 14) << QDate(2026, 8, 14) << "" << 3
        << QStringList(45, QStringLiteral("0/0/0")).join(QLatin1Char(' ')) << "07-01..08-14=45[0-44]";
}

void TestTouchpoints::grid()
{
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(QDate, lastObserved);
    QFETCH(QString, days);
    QFETCH(int, coldDays);
    QFETCH(QString, counts);
    QFETCH(QString, zones);
    const TouchpointGrid g = buildTouchpointGrid(first, last, lastObserved, parseDays(days), coldDays);
    QCOMPARE(g.size, BucketSize::Day);
    QCOMPARE(bucketCounts(g), counts);
    QCOMPARE(::zones(g), zones);
    for (int b = 0; b < g.buckets.size(); ++b) {
        QCOMPARE(g.bucketOf(g.buckets.at(b).first), b);
        QCOMPARE(g.buckets.at(b).future, g.buckets.at(b).first > lastObserved);
    }
    QCOMPARE(g.bucketOf(first.addDays(-1)), -1);
    QCOMPARE(g.bucketOf(last.addDays(1)), -1);
}

void TestTouchpoints::weekBuckets()
{
    // Q4 2026: Oct 1 (Thursday) .. Dec 31 = 92 days > 45 → ISO weeks clipped to the span:
    // Oct 1–4, then 12 full weeks Oct 5 .. Dec 27, then Dec 28–31 = 14 buckets.
    const auto days = parseDays(QStringLiteral("2026-10-01:s1 2026-10-04:s2 2026-10-05:c3 2026-11-22:x1 2026-11-23:s7"));
    const TouchpointGrid g = buildTouchpointGrid(QDate(2026, 10, 1), QDate(2026, 12, 31), QDate(2026, 11, 21), days, 3);
    QCOMPARE(g.size, BucketSize::Week);
    QCOMPARE(g.buckets.size(), 14);
    QCOMPARE(g.buckets.first().first, QDate(2026, 10, 1));
    QCOMPARE(g.buckets.first().last, QDate(2026, 10, 4));
    QCOMPARE(g.buckets.at(1).first, QDate(2026, 10, 5));
    QCOMPARE(g.buckets.at(1).last, QDate(2026, 10, 11));
    QCOMPARE(g.buckets.last().first, QDate(2026, 12, 28));
    QCOMPARE(g.buckets.last().last, QDate(2026, 12, 31));
    QCOMPARE(bucketCounts(g).section(QLatin1Char(' '), 0, 1), QStringLiteral("3/0/0 0/3/0"));
    // Nov 16–22 is bucket 7 (Oct 1–4, 5–11, 12–18, 19–25, 26–Nov 1, 2–8, 9–15, 16–22).
    QCOMPARE(g.bucketOf(QDate(2026, 11, 22)), 7);
    QCOMPARE(g.buckets.at(7).counts[2], 1);
    QVERIFY(!g.buckets.at(7).future); // Nov 16 <= Nov 21 observed
    QVERIFY(g.buckets.at(8).future);  // Nov 23–29 (its 7 sales actions are counted all the same)
    QCOMPARE(g.buckets.at(8).counts[0], 7);
    // Silent Oct 6 .. Nov 21 (47 days, observed end) → one zone from bucket 1 to bucket 7.
    QCOMPARE(zones(g), QStringLiteral("10-06..11-21=47[1-7]"));
    QCOMPARE(g.coldDaysIn(1), 6); // Oct 6..11
    QCOMPARE(g.coldDaysIn(7), 6); // Nov 16..21
    QCOMPARE(g.coldDaysIn(0), 0);
    QCOMPARE(g.maxCount(), 7);
    QCOMPARE(g.total(0), 10);
    // A forced day grid over the same span: 92 buckets.
    QCOMPARE(buildTouchpointGrid(QDate(2026, 10, 1), QDate(2026, 12, 31), QDate(2026, 11, 21), days, 3, BucketSize::Day)
                 .buckets.size(),
             92);
    QCOMPARE(bucketSizeFor(45), BucketSize::Day);
    QCOMPARE(bucketSizeFor(46), BucketSize::Week);
}

bool TestTouchpoints::openFixture(QTemporaryDir &dir, storage::Database &database)
{
    return fixture::openTouchpointFixture(dir, database);
}

void TestTouchpoints::leadFromDatabase_data()
{
    QTest::addColumn<QString>("lead");
    QTest::addColumn<QString>("now");
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("ranges");
    QTest::addColumn<QString>("counts");
    QTest::addColumn<QString>("zones");
    // Closed: June 30 .. July 4 by day. b1 June 30; b2 (16:30Z) and b3 July 1; b4 July 2;
    // b5 July 4; b6 after close is not shown. Silent July 2..3 (2 days, b4 is cross): no zone.
    QTest::newRow("closed lead stops at close")
        << "21" /* tp-closed */ << "2026-11-21T10:00:00Z" << int(BucketSize::Day) << "06-30..06-30 07-01..07-01 07-02..07-02 07-03..07-03 07-04..07-04"
        << "1/0/0 1/1/0 0/0/1 0/0/0 0/1/0" << "";
    // Open, "now" July 8 12:00 Beijing: July 1 .. July 8 by day; b12 is deleted. Silent
    // July 3 .. 8 (b10 on July 5 is cross) = 6 days, buckets 2..7.
    QTest::newRow("open lead runs to now")
        << "22" /* tp-open */ << "2026-07-08T04:00:00Z" << int(BucketSize::Day)
        << "07-01..07-01 07-02..07-02 07-03..07-03 07-04..07-04 07-05..07-05 07-06..07-06 07-07..07-07 07-08..07-08"
        << "2/0/0 0/1/0 0/0/0 0/0/0 0/0/1 0/0/0 0/0/0 0/0/0" << "07-03..07-08=6[2-7]";
    // Open, now Sept 1 (63 days) → weeks: June 29–July 5 clipped to July 1..5, then July 6–12 …
    // Aug 31–Sept 6 clipped to Aug 31..Sept 1 = 1 + 8 + 1 = 10 buckets.
    QTest::newRow("long open lead by week")
        << "22" /* tp-open */ << "2026-09-01T04:00:00Z" << int(BucketSize::Week)
        << "07-01..07-05 07-06..07-12 07-13..07-19 07-20..07-26 07-27..08-02 08-03..08-09 08-10..08-16 08-17..08-23 08-24..08-30 08-31..09-01"
        << "2/1/1 0/0/0 0/0/0 0/0/0 0/0/0 0/0/0 0/0/0 0/0/0 0/0/0 0/0/0" << "07-03..09-01=61[0-9]";
}

void TestTouchpoints::leadFromDatabase()
{
    QFETCH(QString, lead);
    QFETCH(QString, now);
    QFETCH(int, size);
    QFETCH(QString, ranges);
    QFETCH(QString, counts);
    QFETCH(QString, zones);
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(openFixture(dir, database));
    const TouchpointGrid g = computeTouchpoints(database.connection(), TouchpointSubject::lead(lead, now));
    QCOMPARE(int(g.size), size);
    QCOMPARE(bucketRanges(g), ranges);
    QCOMPARE(bucketCounts(g), counts);
    QCOMPARE(::zones(g), zones);
    for (const TouchBucket &b : g.buckets)
        QVERIFY(!b.future);
}

void TestTouchpoints::portfolioOrg_data()
{
    QTest::addColumn<QString>("org"); // level:id
    QTest::addColumn<QString>("counts");
    // July 1..7 2026 by day, now Nov 21. Activities of leads only (b11 has none; b12 deleted).
    // lead-1's a1/a2 are on Nov 1, outside. Company: June 30 b1 is outside too.
    // July 1: b2 s, b3 c, b7 s, b8 s → 3/1/0; July 2: b4 x, b9 c → 0/1/1; July 4: b5 c; July 5: b10 x;
    // July 6: b6 s (after tp-closed's close: a portfolio counts every activity of its leads).
    QTest::newRow("company") << "company:" << "3/1/0 0/1/1 0/0/0 0/1/0 0/0/1 1/0/0 0/0/0";
    QTest::newRow("region r1") << "region:1" << "1/1/0 0/0/1 0/0/0 0/1/0 0/0/0 1/0/0 0/0/0";
    QTest::newRow("city c2") << "city:2" << "2/0/0 0/1/0 0/0/0 0/0/0 0/0/1 0/0/0 0/0/0";
    QTest::newRow("team t1") << "team:1" << "1/1/0 0/0/1 0/0/0 0/1/0 0/0/0 1/0/0 0/0/0";
    QTest::newRow("rep u3") << "rep:103" << "2/0/0 0/1/0 0/0/0 0/0/0 0/0/1 0/0/0 0/0/0";
    QTest::newRow("rep u2 (acts but owns none)") << "rep:102" << "0/0/0 0/0/0 0/0/0 0/0/0 0/0/0 0/0/0 0/0/0";
}

void TestTouchpoints::portfolioOrg()
{
    QFETCH(QString, org);
    QFETCH(QString, counts);
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(openFixture(dir, database));
    static const QHash<QString, OrgLevel> levels = {{QStringLiteral("company"), OrgLevel::Company},
                                                     {QStringLiteral("region"), OrgLevel::Region},
                                                     {QStringLiteral("city"), OrgLevel::City},
                                                     {QStringLiteral("team"), OrgLevel::Team},
                                                     {QStringLiteral("rep"), OrgLevel::Rep}};
    const Scope scope{Period::custom(QDate(2026, 7, 1), QDate(2026, 7, 7)),
                      OrgScope{levels.value(org.section(QLatin1Char(':'), 0, 0)), org.section(QLatin1Char(':'), 1)}};
    const TouchpointGrid g = computeTouchpoints(database.connection(), TouchpointSubject::portfolio(scope, QStringLiteral("2026-11-21T10:00:00Z")));
    QCOMPARE(g.size, BucketSize::Day);
    QCOMPARE(g.buckets.size(), 7);
    QCOMPARE(bucketCounts(g), counts);
}

void TestTouchpoints::drillDownMatchesCell()
{
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(openFixture(dir, database));
    QSqlDatabase db = database.connection();
    const Scope scope{Period::custom(QDate(2026, 7, 1), QDate(2026, 7, 7)), OrgScope::company()};
    const auto subject = TouchpointSubject::portfolio(scope, QStringLiteral("2026-11-21T10:00:00Z"));
    const TouchpointGrid g = computeTouchpoints(db, subject);
    int cells = 0;
    for (int b = 0; b < g.buckets.size(); ++b)
        for (int r = 0; r < kTouchRows; ++r) {
            const DataTable t = touchpointActivities(db, subject, r, g.buckets.at(b).first, g.buckets.at(b).last);
            QCOMPARE(t.rows.size(), g.buckets.at(b).counts[size_t(r)]);
            cells += int(t.rows.size());
        }
    QCOMPARE(cells, 9); // b2 b3 b4 b5 b6 b7 b8 b9 b10
    // July 1 sales: b7 (10:00 Beijing) and b8 (16:00) of tp-open, b2 (00:30) of tp-closed; newest first.
    const DataTable t = touchpointActivities(db, subject, 0, QDate(2026, 7, 1), QDate(2026, 7, 1));
    QCOMPARE(t.keyKind, QStringLiteral("lead"));
    QCOMPARE(t.columns.at(t.keyColumn), QStringLiteral("lead_id"));
    QCOMPARE(t.rows.at(0).at(0).toString(), QStringLiteral("2026-07-01 16:00"));
    QCOMPARE(t.rows.at(2).at(0).toString(), QStringLiteral("2026-07-01 00:30"));
    QCOMPARE(t.rows.at(2).at(4).toString(), QStringLiteral("21") /* tp-closed */);
    QCOMPARE(t.rows.at(2).at(3).toString(), QStringLiteral("王芳"));
    QCOMPARE(t.rows.at(2).at(5).toString(), QStringLiteral("博世"));
    QCOMPARE(t.rows.at(2).at(6).toLongLong(), 60);
    QCOMPARE(t.rows.at(2).at(7).toString(), QStringLiteral("凌晨"));
    // One lead's cell: tp-closed's July 1 is b2 only.
    const auto one = TouchpointSubject::lead(QStringLiteral("21") /* tp-closed */, QStringLiteral("2026-11-21T10:00:00Z"));
    QCOMPARE(touchpointActivities(db, one, 0, QDate(2026, 7, 1), QDate(2026, 7, 1)).rows.size(), 1);
    // An unknown lead is a clear error naming it.
    try {
        computeTouchpoints(db, TouchpointSubject::lead(QStringLiteral("nope"), QStringLiteral("2026-11-21T10:00:00Z")));
        QFAIL("no error for an unknown lead");
    } catch (const QueryError &e) {
        QVERIFY2(e.message().contains(QLatin1String("nope")), qPrintable(e.message()));
    }
}

void TestTouchpoints::coldDaysSetting()
{
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(openFixture(dir, database));
    QSqlDatabase db = database.connection();
    QCOMPARE(analytics::coldDaysSetting(db), 3);
    const auto subject = TouchpointSubject::lead(QStringLiteral("21") /* tp-closed */, QStringLiteral("2026-11-21T10:00:00Z"));
    QVERIFY(computeTouchpoints(db, subject).coldZones.isEmpty()); // July 2..3: 2 days
    QVERIFY(fixture::exec(db, QStringLiteral("INSERT INTO settings (key, value) VALUES ('touchpoints.cold_days', '2')")));
    QCOMPARE(analytics::coldDaysSetting(db), 2);
    QCOMPARE(zones(computeTouchpoints(db, subject)), QStringLiteral("07-02..07-03=2[2-3]"));
    QVERIFY(fixture::exec(db, QStringLiteral("UPDATE settings SET value = 'x' WHERE key = 'touchpoints.cold_days'")));
    QCOMPARE(analytics::coldDaysSetting(db), 3); // invalid → default
    QVERIFY(fixture::exec(db, QStringLiteral("UPDATE settings SET value = '0' WHERE key = 'touchpoints.cold_days'")));
    QCOMPARE(analytics::coldDaysSetting(db), 3);
}

void TestTouchpoints::report()
{
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(openFixture(dir, database));
    const ReportInfo *info = findReport(QStringLiteral("touchpoints"));
    QVERIFY(info);
    ReportRequest req;
    req.scope = {Period::custom(QDate(2026, 7, 1), QDate(2026, 7, 7)), OrgScope{OrgLevel::Rep, QStringLiteral("103") /* u3 */}};
    req.asOfIso = QStringLiteral("2026-11-21T10:00:00Z");
    const DataTable t = info->run(database.connection(), req);
    QCOMPARE(t.columns, (QStringList{"bucket_start", "bucket_end", "sales", "customer", "cross", "cold", "cold_days"}));
    QCOMPARE(t.rows.size(), 7);
    // u3: July 1 2 s, July 2 1 c; silent (no s/c) July 3..7 = 5 days → cold from row 2 on.
    QCOMPARE(t.rows.at(0), (QVariantList{QDate(2026, 7, 1), QDate(2026, 7, 1), 2, 0, 0, 0, 0}));
    QCOMPARE(t.rows.at(1), (QVariantList{QDate(2026, 7, 2), QDate(2026, 7, 2), 0, 1, 0, 0, 0}));
    QCOMPARE(t.rows.at(4), (QVariantList{QDate(2026, 7, 5), QDate(2026, 7, 5), 0, 0, 1, 1, 1}));
    QVERIFY(t.title.contains(QStringLiteral("陈明")));
}

void TestTouchpoints::demoSilentLeadsEndCold()
{
    // Signal 3: ~12 % + of every rep's open leads have had no activity for 76 h .. 20 days
    // before "now" (the evening before asOf, 10:00 UTC). Each of them shows a cold zone of
    // at least 3 days ending on its last day.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.db"));
    demo::Options o;
    o.scale = demo::Scale::Tiny;
    o.seed = 42;
    o.asOf = QDate(2026, 11, 22);
    const demo::Result r = demo::generate(path, o);
    QVERIFY2(r.ok, qPrintable(r.error));
    ReadConnection connection(path);
    QVERIFY2(connection.isOpen(), qPrintable(connection.error()));
    QSqlDatabase db = connection.db();
    const QString now = QStringLiteral("2026-11-21T10:00:00Z");
    // Open leads created at least 4 days before now whose newest activity is older than 76 h.
    QSqlQuery q = runQuery(db, QStringLiteral("SELECT l.id FROM leads l WHERE l.status = 'open' AND l.deleted = 0"
                                              " AND l.created_at < cockpit_secs('2026-11-17T10:00:00Z')"
                                              " AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.lead_id = l.id"
                                              "   AND a.deleted = 0 AND a.at >= cockpit_secs('2026-11-18T06:00:00Z'))"));
    int silent = 0;
    while (q.next()) {
        const QString id = q.value(0).toString();
        const TouchpointGrid g = computeTouchpoints(db, TouchpointSubject::lead(id, now));
        QVERIFY2(!g.coldZones.isEmpty(), qPrintable(id));
        const ColdZone &z = g.coldZones.last();
        QCOMPARE(z.last, QDate(2026, 11, 21));
        QVERIFY2(z.days() >= 3, qPrintable(QStringLiteral("%1: %2 days").arg(id).arg(z.days())));
        QCOMPARE(z.lastBucket, g.buckets.size() - 1);
        ++silent;
    }
    QVERIFY2(silent >= 5, qPrintable(QString::number(silent)));
    // And a rep's portfolio grid over the quarter sums to the rep's leads' activities.
    // (A rep still employed: the demo's leavers keep their open leads but act no more.)
    const QString rep = scalar(db, QStringLiteral("SELECT owner_id FROM leads l JOIN users u ON u.id = l.owner_id"
                                                  " WHERE l.status = 'open' AND u.left_date IS NULL GROUP BY owner_id"
                                                  " ORDER BY COUNT(*) DESC, owner_id LIMIT 1")).toString();
    const Scope scope{Period::quarter(QDate(2026, 11, 22)), OrgScope{OrgLevel::Rep, rep}};
    const TouchpointGrid g = computeTouchpoints(db, TouchpointSubject::portfolio(scope, now));
    const int all = scalar(db, QStringLiteral("SELECT COUNT(*) FROM activities a JOIN leads l ON l.id = a.lead_id"
                                              " WHERE l.owner_id = ? AND a.deleted = 0 AND l.deleted = 0"
                                              " AND a.at >= cockpit_secs('2026-09-30T16:00:00Z') AND a.at < cockpit_secs('2026-12-31T16:00:00Z')"),
                           {rep}).toInt();
    QVERIFY(all > 0);
    QCOMPARE(g.total(0) + g.total(1) + g.total(2), all);
    QCOMPARE(g.size, BucketSize::Week);
    QCOMPARE(g.lastObserved, QDate(2026, 11, 21));
}

QTEST_GUILESS_MAIN(TestTouchpoints)
#include "tst_touchpoints.moc"
