// Periods, org scoping, the traced query runner and result tables: the ground every cockpit
// figure stands on.
#include "analytics/datatable.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "fixture.h"
#include "analytics/orgunits.h"
#include "analytics/query.h"
#include "analytics/scope.h"
#include "domain/times.h"

#include <QSqlDatabase>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::analytics;

class TestScope : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void periods_data();
    void periods();
    void stepping();
    void boundsAreBeijingDays();
    void integerTwinsAgreeWithIso();
    void parse_data();
    void parse();
    void orgCondition();
    void csvAndJson();
    void traceInlinesBinds();
    void orgUnits();
    void scopeStateSignalsOnlyOnChange();
};

void TestScope::periods_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QString>("key");
    QTest::newRow("week mid") << int(PeriodKind::Week) << QDate(2026, 11, 19) << QDate(2026, 11, 16) << QDate(2026, 11, 22) << "2026-W47";
    QTest::newRow("week over new year") << int(PeriodKind::Week) << QDate(2027, 1, 1) << QDate(2026, 12, 28) << QDate(2027, 1, 3) << "2026-W53";
    QTest::newRow("month feb leap") << int(PeriodKind::Month) << QDate(2028, 2, 10) << QDate(2028, 2, 1) << QDate(2028, 2, 29) << "2028-02";
    QTest::newRow("quarter 4") << int(PeriodKind::Quarter) << QDate(2026, 11, 22) << QDate(2026, 10, 1) << QDate(2026, 12, 31) << "2026-Q4";
    QTest::newRow("quarter 1") << int(PeriodKind::Quarter) << QDate(2026, 3, 31) << QDate(2026, 1, 1) << QDate(2026, 3, 31) << "2026-Q1";
    QTest::newRow("year") << int(PeriodKind::Year) << QDate(2026, 11, 22) << QDate(2026, 1, 1) << QDate(2026, 12, 31) << "2026";
    QTest::newRow("year, leap") << int(PeriodKind::Year) << QDate(2028, 2, 29) << QDate(2028, 1, 1) << QDate(2028, 12, 31) << "2028";
    QTest::newRow("year to date") << int(PeriodKind::YearToDate) << QDate(2026, 11, 22) << QDate(2026, 1, 1) << QDate(2026, 11, 22) << "2026-ytd-11-22";
    QTest::newRow("year to date, 1 Jan") << int(PeriodKind::YearToDate) << QDate(2027, 1, 1) << QDate(2027, 1, 1) << QDate(2027, 1, 1) << "2027-ytd-01-01";
}

void TestScope::periods()
{
    QFETCH(int, kind);
    QFETCH(QDate, day);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(QString, key);
    const Period p = Period::containing(PeriodKind(kind), day);
    QCOMPARE(p.first, first);
    QCOMPARE(p.last, last);
    QCOMPARE(p.key(), key);
    QCOMPARE(parsePeriod(key, QDate(2000, 1, 1)), std::optional<Period>(p)); // the key reads back
}

void TestScope::stepping()
{
    // A year steps by years; year to date keeps its span (1 Jan .. the same day), so last
    // year's figure is the like-for-like comparison; 29 Feb steps to 28 Feb.
    QCOMPARE(Period::year(QDate(2026, 5, 5)).previous(), Period::year(QDate(2025, 1, 1)));
    QCOMPARE(Period::year(QDate(2026, 5, 5)).next().key(), QStringLiteral("2027"));
    const Period ytd = Period::yearToDate(QDate(2026, 11, 22));
    QCOMPARE(ytd.previous(), Period::yearToDate(QDate(2025, 11, 22)));
    QCOMPARE(ytd.next(), Period::yearToDate(QDate(2027, 11, 22)));
    QCOMPARE(ytd.days(), 326);
    QCOMPARE(Period::yearToDate(QDate(2028, 2, 29)).previous(), Period::yearToDate(QDate(2027, 2, 28)));
    // Bounds are Beijing days like every other period: 1 Jan 00:00 +08:00 .. the next day's.
    QCOMPARE(ytd.startUtc(), QStringLiteral("2025-12-31T16:00:00Z"));
    QCOMPARE(ytd.endUtc(), QStringLiteral("2026-11-22T16:00:00Z"));
    QCOMPARE(Period::year(QDate(2026, 1, 1)).endUtc(), QStringLiteral("2026-12-31T16:00:00Z"));
    QCOMPARE(Period::year(QDate(2026, 1, 1)).label(), QStringLiteral("Year 2026"));
    QCOMPARE(ytd.label(), QStringLiteral("2026 to date (1/1 – 11/22)"));

    const Period q = Period::quarter(QDate(2026, 1, 15));
    QCOMPARE(q.previous(), Period::quarter(QDate(2025, 12, 1)));
    QCOMPARE(q.next().first, QDate(2026, 4, 1));
    const Period c = Period::custom(QDate(2026, 8, 1), QDate(2026, 8, 10));
    QCOMPARE(c.days(), 10);
    QCOMPARE(c.previous(), Period::custom(QDate(2026, 7, 22), QDate(2026, 7, 31)));
    QCOMPARE(c.next(), Period::custom(QDate(2026, 8, 11), QDate(2026, 8, 20)));
    QCOMPARE(Period::month(QDate(2026, 1, 31)).next(), Period::month(QDate(2026, 2, 1)));
}

void TestScope::boundsAreBeijingDays()
{
    const Period p = Period::month(QDate(2026, 7, 5));
    QCOMPARE(p.startUtc(), QStringLiteral("2026-06-30T16:00:00Z"));
    QCOMPARE(p.endUtc(), QStringLiteral("2026-07-31T16:00:00Z"));
    QCOMPARE(companyDay(QStringLiteral("2026-06-30T15:59:59Z")), QDate(2026, 6, 30));
    QCOMPARE(companyDay(QStringLiteral("2026-06-30T16:00:00Z")), QDate(2026, 7, 1));
    QCOMPARE(companyDay(QStringLiteral("2026-06-30T16:00:00")), QDate(2026, 7, 1)); // no zone: UTC as stored
    QVERIFY(!companyDay(QStringLiteral("yesterday")).isValid());
}

// The epoch-second and day-number twins (storage/TIMES_V6.md) give what the ISO forms give.
void TestScope::integerTwinsAgreeWithIso()
{
    const Period p = Period::month(QDate(2026, 7, 5));
    QCOMPARE(p.startSecs(), times::secsFromIso(p.startUtc()));
    QCOMPARE(p.endSecs(), times::secsFromIso(p.endUtc()));
    QCOMPARE(times::isoFromSecs(p.startSecs()), QStringLiteral("2026-06-30T16:00:00Z"));
    QCOMPARE(dayNumber(QDate(1970, 1, 1)), qint64(0));
    QCOMPARE(times::isoFromDay(dayNumber(QDate(2026, 7, 1))), QStringLiteral("2026-07-01"));
    QCOMPARE(dayDate(dayNumber(QDate(2026, 7, 1))), QDate(2026, 7, 1));
    for (QDate d(1969, 12, 25); d <= QDate(2027, 3, 1); d = d.addDays(7)) {
        QCOMPARE(companyDayStart(d), times::secsFromIso(companyDayStartUtc(d)));
        QCOMPARE(companyDayOf(companyDayStart(d)), d);
        QCOMPARE(companyDayOf(companyDayStart(d) - 1), d.addDays(-1));
        QCOMPARE(companyDayOf(companyDayStart(d) + 12345), companyDay(times::isoFromSecs(companyDayStart(d) + 12345)));
    }
    // Bound for a date column: the file's form (ISO text until the switch); NULL when invalid.
    QCOMPARE(dateParam(QDate(2026, 7, 1)), times::dayParam(dayNumber(QDate(2026, 7, 1))));
    QVERIFY(dateParam(QDate()).isNull());
    qint64 secs = 0;
    QVERIFY(utcSecs(QStringLiteral("2026-06-30T16:00:00Z"), &secs));
    QCOMPARE(companyDayOf(secs), QDate(2026, 7, 1));
    QVERIFY(utcSecs(QStringLiteral("2026-06-30T16:00:00"), &secs)); // no zone: UTC as stored
    QCOMPARE(times::isoFromSecs(secs), QStringLiteral("2026-06-30T16:00:00Z"));
    QVERIFY(!utcSecs(QStringLiteral("yesterday"), &secs));
}

void TestScope::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("key"); // empty = refused
    QTest::newRow("this quarter") << "this-quarter" << "2026-Q4";
    QTest::newRow("last quarter") << "last-quarter" << "2026-Q3";
    QTest::newRow("last month") << "LAST-MONTH" << "2026-10";
    QTest::newRow("this week") << "this-week" << "2026-W47";
    QTest::newRow("custom") << "2026-08-01..2026-08-20" << "2026-08-01..2026-08-20";
    QTest::newRow("reversed custom") << "2026-08-20..2026-08-01" << "";
    QTest::newRow("month 13") << "2026-13" << "";
    QTest::newRow("week 54") << "2026-W54" << "";
    QTest::newRow("quarter 5") << "2026-Q5" << "";
    QTest::newRow("this year") << "this-year" << "2026";
    QTest::newRow("last year") << "last-year" << "2025";
    QTest::newRow("ytd") << "ytd" << "2026-ytd-11-22";
    QTest::newRow("last ytd: the same span a year earlier") << "last-ytd" << "2025-ytd-11-22";
    QTest::newRow("a year") << "2024" << "2024";
    QTest::newRow("ytd of a past year") << "2025-YTD-06-30" << "2025-ytd-06-30";
    QTest::newRow("ytd, no such day") << "2026-ytd-02-30" << "";
    QTest::newRow("words") << "soon" << "";
}

void TestScope::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, key);
    QString error;
    const auto p = parsePeriod(text, QDate(2026, 11, 22), &error);
    if (key.isEmpty()) {
        QVERIFY(!p);
        QVERIFY2(error.contains(text), qPrintable(error));
    } else {
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->key(), key);
    }
}

void TestScope::orgCondition()
{
    const OrgColumns cols{QStringLiteral("l.region_id"), QStringLiteral("l.city_id"), QString(), QStringLiteral("l.owner_id")};
    QVariantList binds;
    QCOMPARE(analytics::orgCondition(OrgScope::company(), cols, binds), QString());
    QVERIFY(binds.isEmpty());
    QCOMPARE(analytics::orgCondition({OrgLevel::City, QStringLiteral("1")}, cols, binds), QStringLiteral(" AND l.city_id = ?"));
    QCOMPARE(binds, QVariantList{QStringLiteral("1")});
    QVERIFY_THROWS_EXCEPTION(QueryError, analytics::orgCondition({OrgLevel::Team, QStringLiteral("1")}, cols, binds));
    QCOMPARE(childGroup(OrgScope::company()), GroupBy::Region);
    QCOMPARE(childGroup({OrgLevel::City, QStringLiteral("1")}), GroupBy::Team);
}

void TestScope::csvAndJson()
{
    DataTable t;
    t.title = QStringLiteral("t");
    t.columns = {QStringLiteral("name"), QStringLiteral("amount_cents"), QStringLiteral("rate_pct"), QStringLiteral("day")};
    t.rows << QVariantList{QStringLiteral("博世, \"BOSCH\""), qint64(123456), 41.25, QDate(2026, 8, 1)};
    t.rows << QVariantList{QStringLiteral("华为"), QVariant(), 0.5, QVariant()};
    QCOMPARE(QString::fromUtf8(toCsv(t)),
             QStringLiteral("name,amount_cents,rate_pct,day\r\n\"博世, \"\"BOSCH\"\"\",123456,41.25,2026-08-01\r\n华为,,0.5,\r\n"));
    const QByteArray json = toJson(t);
    QVERIFY(json.contains("\"amount_cents\": 123456"));
    QVERIFY(json.contains("\"amount_cents\": null"));
    QCOMPARE(displayValue(QStringLiteral("amount_cents"), qint64(123456)), QLocale().toString(1234.56, 'f', 2));
    QCOMPARE(displayValue(QStringLiteral("x"), QVariant()), QStringLiteral("—"));
    QCOMPARE(displayValue(QStringLiteral("first_quarter"), true), QStringLiteral("yes"));
    QCOMPARE(displayValue(QStringLiteral("first_quarter"), false), QStringLiteral("no"));
    QCOMPARE(displayValue(QStringLiteral("raised_at"), QStringLiteral("2026-11-20T03:35:00Z")),
             QDateTime(QDate(2026, 11, 20), QTime(3, 35), Qt::UTC).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QTemporaryDir dir;
    QString error;
    QVERIFY(writeCsv(t, dir.filePath(QStringLiteral("a.csv")), &error));
    QVERIFY(!writeCsv(t, dir.filePath(QStringLiteral("missing/dir/a.csv")), &error));
    QVERIFY(error.contains(QStringLiteral("missing/dir/a.csv")));
}

void TestScope::traceInlinesBinds()
{
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(database.open(dir.filePath(QStringLiteral("t.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(database));
    QueryTrace trace;
    QCOMPARE(scalar(database.connection(), QStringLiteral("SELECT count(*) FROM customers WHERE name <> '?' AND owner_id = ?"),
                    {QStringLiteral("101")}).toInt(), 2);
    QCOMPARE(trace.queries().size(), 1);
    QCOMPARE(trace.queries().first().inlined(),
             QStringLiteral("SELECT count(*) FROM customers WHERE name <> '?' AND owner_id = '101'"));
    QCOMPARE(sqlLiteral(QStringLiteral("O'Brien")), QStringLiteral("'O''Brien'"));
    QVERIFY_THROWS_EXCEPTION(QueryError, runQuery(database.connection(), QStringLiteral("SELECT nope FROM customers")));
}

void TestScope::orgUnits()
{
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(database.open(dir.filePath(QStringLiteral("t.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(database));
    const OrgUnits u = loadOrgUnits(database.connection());
    QCOMPARE(u.regions.size(), 1);
    QCOMPARE(u.reps.size(), 2); // the director is not a rep
    QCOMPARE(u.name(OrgLevel::Rep, QStringLiteral("102")), QStringLiteral("李强"));
    QCOMPARE(u.unitsWithin({OrgLevel::Team, QStringLiteral("1")}, GroupBy::Rep).size(), 2);
    QCOMPARE(u.unitsWithin({OrgLevel::Region, QStringLiteral("nowhere")}, GroupBy::Rep).size(), 0);
    QCOMPARE(u.parse(QStringLiteral("region:华东")), std::optional<OrgScope>(OrgScope{OrgLevel::Region, QStringLiteral("1")}));
    // By id: the UUID the command line names a row by (u1 = 101).
    const QString u1 = storage::uuidForKey(database.connection(), QStringLiteral("users"), QStringLiteral("101"));
    QVERIFY(!u1.isEmpty());
    QCOMPARE(u.parse(QStringLiteral("rep:") + u1), std::optional<OrgScope>(OrgScope{OrgLevel::Rep, QStringLiteral("101")}));
    QString error;
    QVERIFY(!u.parse(QStringLiteral("city:火星"), &error));
    QVERIFY(error.contains(QStringLiteral("火星")));
    QVERIFY(!u.parse(QStringLiteral("planet:x"), &error));
}

void TestScope::scopeStateSignalsOnlyOnChange()
{
    ScopeState state({Period::quarter(QDate(2026, 11, 1)), OrgScope::company()});
    QSignalSpy spy(&state, &ScopeState::scopeChanged);
    state.setPeriod(Period::quarter(QDate(2026, 12, 1))); // same quarter
    QCOMPARE(spy.count(), 0);
    state.setOrg({OrgLevel::Region, QStringLiteral("1")});
    QCOMPARE(spy.count(), 1);
    state.setPeriod(state.scope().period.previous());
    QCOMPARE(spy.count(), 2);
    QCOMPARE(state.scope().period.key(), QStringLiteral("2026-Q3"));
}

QTEST_GUILESS_MAIN(TestScope)
#include "tst_scope.moc"
