// The four-colour store health code (DESIGN.md §5): per-dimension colours at and around the
// targets and red lines, persistence, gaps, worst-of, grey, settings, the scope, the nearby
// store, and the demo company's store signal.
#include "storage/database.h"
#include "demo/demogenerator.h"
#include "fixture.h"
#include "analytics/storecodes.h"
#include "analytics/reports.h"
#include "storage/keys.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace cockpit;
using namespace cockpit::analytics;

Q_DECLARE_METATYPE(cockpit::analytics::StoreDay)

namespace {
const QDate kD(2026, 11, 21); // the judged day in the hand-made cases

// A day `offset` days before kD; the defaults meet every target exactly:
// 60 receptions / 5 staff = 12.0, exposure 9000 bp = 90 %, dwell 192 s = 3.2 min,
// 18 deals / 100 experiences = 18 %.
StoreDay day(int offset, int staff = 5, int receptions = 60, int exposureBp = 9000, int dwell = 192,
             int experiences = 100, int deals = 18)
{
    return StoreDay{kD.addDays(-offset), staff, receptions, exposureBp, dwell, experiences, deals};
}
StoreDay lowStaff(int offset) { return day(offset, 5, 39); } // 7.8 per staff: below the red line 8

// The store's days are keyed store × 100 + n (store 2's days are 200, 201, …).
QString insertStoreDays(int store, const QVector<StoreDay> &days)
{
    QStringList values;
    int n = 0;
    for (const StoreDay &d : days)
        values << QStringLiteral("(%1, %2, cockpit_day('%3'), %4, %5, %6, %7, %8, %9, cockpit_secs('2026-11-21T00:00:00Z'))")
                      .arg(store * 100 + n++).arg(store).arg(d.day.toString(Qt::ISODate)).arg(d.staff).arg(d.receptions)
                      .arg(d.exposureBp).arg(d.dwellSeconds).arg(d.experiences).arg(d.deals72h);
    return QStringLiteral("INSERT INTO store_days (id, store_id, day, staff, receptions, exposure_bp, dwell_seconds,"
                          " experiences, deals_72h, updated_at) VALUES ") + values.join(QStringLiteral(", "));
}
} // namespace

class TestStoreCodes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dimension_data();
    void dimension();
    void worstOf();
    void settingsOverride();
    void gridOverScope();
    void reportAndDrillDown();
    void nearbyIsNear();
    void demoSignal();
};

void TestStoreCodes::dimension_data()
{
    QTest::addColumn<int>("dim");
    QTest::addColumn<QList<StoreDay>>("days");
    QTest::addColumn<int>("expected");
    const int S = int(StoreDimension::Staff), E = int(StoreDimension::Exposure), W = int(StoreDimension::Dwell),
              C = int(StoreDimension::Conversion);
    const int G = int(Rag::Green), Y = int(Rag::Yellow), O = int(Rag::Orange), R = int(Rag::Red), N = int(Rag::Grey);
    // Staff efficiency: target 12, red line < 8 on 3 days running.
    QTest::newRow("staff exactly at target 60/5=12 → green") << S << QList<StoreDay>{day(0)} << G;
    QTest::newRow("staff 59/5=11.8 → yellow") << S << QList<StoreDay>{day(0, 5, 59)} << Y;
    QTest::newRow("staff exactly at red line 40/5=8 → yellow") << S << QList<StoreDay>{day(0, 5, 40)} << Y;
    QTest::newRow("staff 39/5=7.8 one day → orange") << S << QList<StoreDay>{day(1), lowStaff(0)} << O;
    QTest::newRow("staff below red 2 days → orange") << S << QList<StoreDay>{day(2), lowStaff(1), lowStaff(0)} << O;
    QTest::newRow("staff below red 3 days → red") << S << QList<StoreDay>{lowStaff(2), lowStaff(1), lowStaff(0)} << R;
    QTest::newRow("staff below red 5 days, unsorted → red")
        << S << QList<StoreDay>{lowStaff(0), lowStaff(3), lowStaff(1), lowStaff(4), lowStaff(2)} << R;
    QTest::newRow("staff gap day (no data) breaks the run → orange")
        << S << QList<StoreDay>{lowStaff(3), lowStaff(2), lowStaff(0)} << O; // day 1 missing: run = 1
    QTest::newRow("staff yellow day in between breaks the run → orange")
        << S << QList<StoreDay>{lowStaff(3), lowStaff(2), day(1, 5, 45), lowStaff(0)} << O;
    QTest::newRow("staff red earlier, recovered today → green") << S << QList<StoreDay>{lowStaff(3), lowStaff(2), lowStaff(1), day(0)} << G;
    QTest::newRow("no staff, no receptions → grey") << S << QList<StoreDay>{day(0, 0, 0)} << N;
    QTest::newRow("no row on the judged day → grey") << S << QList<StoreDay>{day(1)} << N;
    // Exposure: target 90 %, red line < 70 %, 1 day.
    QTest::newRow("exposure exactly 90% → green") << E << QList<StoreDay>{day(0, 5, 60, 9000)} << G;
    QTest::newRow("exposure 89.99% → yellow") << E << QList<StoreDay>{day(0, 5, 60, 8999)} << Y;
    QTest::newRow("exposure exactly 70% → yellow") << E << QList<StoreDay>{day(0, 5, 60, 7000)} << Y;
    QTest::newRow("exposure 69.99% one day → red") << E << QList<StoreDay>{day(0, 5, 60, 6999)} << R;
    // Dwell: target 3.2 min (192 s), red line < 2.5 min (150 s).
    QTest::newRow("dwell exactly 3.2 min → green") << W << QList<StoreDay>{day(0, 5, 60, 9000, 192)} << G;
    QTest::newRow("dwell 191 s → yellow") << W << QList<StoreDay>{day(0, 5, 60, 9000, 191)} << Y;
    QTest::newRow("dwell exactly 2.5 min → yellow") << W << QList<StoreDay>{day(0, 5, 60, 9000, 150)} << Y;
    QTest::newRow("dwell 149 s → red") << W << QList<StoreDay>{day(0, 5, 60, 9000, 149)} << R;
    // Conversion: target 18 %, red line = experiences without any deal within 72 h.
    QTest::newRow("conversion exactly 18/100 → green") << C << QList<StoreDay>{day(0)} << G;
    QTest::newRow("conversion 17/100 → yellow") << C << QList<StoreDay>{day(0, 5, 60, 9000, 192, 100, 17)} << Y;
    QTest::newRow("conversion 1/100 is low but not the red line → yellow")
        << C << QList<StoreDay>{day(0, 5, 60, 9000, 192, 100, 1)} << Y;
    QTest::newRow("conversion 5 experiences, 0 deals → red") << C << QList<StoreDay>{day(0, 5, 60, 9000, 192, 5, 0)} << R;
    QTest::newRow("conversion 0 experiences → grey") << C << QList<StoreDay>{day(0, 5, 60, 9000, 192, 0, 0)} << N;
}

void TestStoreCodes::dimension()
{
    QFETCH(int, dim);
    QFETCH(QList<StoreDay>, days);
    QFETCH(int, expected);
    QCOMPARE(int(dimensionColour(days, kD, StoreDimension(dim), StoreThresholds{})), expected);
}

void TestStoreCodes::worstOf()
{
    const StoreThresholds t;
    QCOMPARE(storeColour({day(0)}, kD, t), Rag::Green);
    // staff yellow (11.8) + exposure red (69.99 %) → red
    QCOMPARE(storeColour({day(0, 5, 59, 6999)}, kD, t), Rag::Red);
    // staff orange (one day below 8) + dwell yellow → orange
    QCOMPARE(storeColour({day(0, 5, 39, 9000, 170)}, kD, t), Rag::Orange);
    // conversion grey (no experiences), the rest green → green, not grey
    QCOMPARE(storeColour({day(0, 5, 60, 9000, 192, 0, 0)}, kD, t), Rag::Green);
    QCOMPARE(storeColour({}, kD, t), Rag::Grey);
    QCOMPARE(storeColour({day(1)}, kD, t), Rag::Grey);
}

void TestStoreCodes::settingsOverride()
{
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(database.open(dir.filePath(QStringLiteral("t.db")), storage::Database::Mode::CreateIfMissing).ok());
    QCOMPARE(loadStoreThresholds(database.connection()), StoreThresholds{});
    QVERIFY(database.setSetting(QStringLiteral("stores.staff_days"), QStringLiteral("1")));
    QVERIFY(database.setSetting(QStringLiteral("stores.exposure_days"), QStringLiteral("2")));
    QVERIFY(database.setSetting(QStringLiteral("stores.dwell_target_min"), QStringLiteral("4")));
    QVERIFY(database.setSetting(QStringLiteral("stores.conversion_target_pct"), QStringLiteral("lots")));
    QVERIFY(database.setSetting(QStringLiteral("stores.staff_red"), QStringLiteral("-3")));
    QStringList problems;
    const StoreThresholds t = loadStoreThresholds(database.connection(), &problems);
    QCOMPARE(t.staffDays, 1);
    QCOMPARE(t.exposureDays, 2);
    QCOMPARE(t.dwellTargetMin, 4.0);
    QCOMPARE(t.conversionTargetPct, 18.0); // bad value keeps the default …
    QCOMPARE(t.staffRed, 8.0);
    QCOMPARE(problems.size(), 2);           // … and says so
    QVERIFY(problems.join(QLatin1Char(' ')).contains(QStringLiteral("stores.conversion_target_pct = \"lots\"")));
    // staff: one day below the red line is red now; exposure needs two days.
    QCOMPARE(dimensionColour({lowStaff(0)}, kD, StoreDimension::Staff, t), Rag::Red);
    QCOMPARE(dimensionColour({day(0, 5, 60, 6000)}, kD, StoreDimension::Exposure, t), Rag::Orange);
    QCOMPARE(dimensionColour({day(1, 5, 60, 6000), day(0, 5, 60, 6000)}, kD, StoreDimension::Exposure, t), Rag::Red);
    QCOMPARE(dimensionColour({day(0)}, kD, StoreDimension::Dwell, t), Rag::Yellow); // 3.2 < 4
}

namespace {
// 上海 (c1): s1 green, s2 staff red (3 days), s4 data only until kD-5 (grey on kD);
// 杭州 (c2, same region): s5 staff orange (1 day). Another region 华南 (r2, 广州 c3): s6 green.
// Keys: c2 = 2, c3 = 3, r2 = 2; stores sN = N.
bool populateStores(storage::Database &database)
{
    QSqlDatabase db = database.connection();
    if (!fixture::populate(database))
        return false;
    const QString t = QStringLiteral("cockpit_secs('2026-11-01T00:00:00Z')");
    const QStringList sql = {
        QStringLiteral("INSERT INTO cities (id, region_id, name, updated_at) VALUES (2, 1, '杭州', %1)").arg(t),
        QStringLiteral("INSERT INTO regions (id, code, name, updated_at) VALUES (2, 'south', '华南', %1)").arg(t),
        QStringLiteral("INSERT INTO cities (id, region_id, name, updated_at) VALUES (3, 2, '广州', %1)").arg(t),
        QStringLiteral("INSERT INTO stores (id, name, region_id, city_id, opened_on, updated_at) VALUES"
                       " (1, '上海徐汇体验店', 1, 1, cockpit_day('2024-01-01'), %1),"
                       " (2, '上海浦东体验店', 1, 1, cockpit_day('2024-01-01'), %1),"
                       " (4, '上海静安体验店', 1, 1, cockpit_day('2024-01-01'), %1),"
                       " (5, '杭州西湖体验店', 1, 2, cockpit_day('2024-01-01'), %1),"
                       " (6, '广州天河体验店', 2, 3, cockpit_day('2024-01-01'), %1)").arg(t),
        insertStoreDays(1, {day(3), day(2), day(1), day(0, 5, 75)}), // 15 per staff
        insertStoreDays(2, {day(3), lowStaff(2), lowStaff(1), lowStaff(0)}),
        insertStoreDays(4, {day(6), day(5)}),
        insertStoreDays(5, {day(1), lowStaff(0)}),
        insertStoreDays(6, {day(0, 5, 100)}), // 20 per staff, but another region
    };
    for (const QString &s : sql)
        if (!fixture::exec(db, s))
            return false;
    return true;
}
} // namespace

void TestStoreCodes::gridOverScope()
{
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(database.open(dir.filePath(QStringLiteral("t.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(populateStores(database));
    const StoreThresholds t;
    const Period q4 = Period::quarter(kD);
    const StoreCodes all = computeStoreCodes(database.connection(), {q4, OrgScope::company()}, t);
    QCOMPARE(all.asOf, kD); // the last day with data in Q4
    QCOMPARE(all.stores.size(), 5);
    // Worst first: s2 red, s5 orange, then green s1 (华东) and s6 (华南), grey s4 last.
    QStringList order;
    for (const StoreCode &s : all.stores)
        order << s.storeId;
    QCOMPARE(order, (QStringList{"2", "5", "1", "6", "4"}));
    QCOMPARE(all.countByColour[size_t(Rag::Red)], 1);
    QCOMPARE(all.countByColour[size_t(Rag::Orange)], 1);
    QCOMPARE(all.countByColour[size_t(Rag::Green)], 2);
    QCOMPARE(all.countByColour[size_t(Rag::Grey)], 1);
    const StoreCode *s2 = all.find(QStringLiteral("2"));
    QCOMPARE(s2->colours[0], Rag::Red);
    QCOMPARE(s2->colours[1], Rag::Green);
    QCOMPARE(*s2->values[0], 7.8);
    QCOMPARE(s2->daysRed, 1);          // red only on kD (kD-2, kD-1 were orange)
    QCOMPARE(s2->strip[kStripDays - 1], Rag::Red);
    QCOMPARE(s2->strip[kStripDays - 2], Rag::Orange);
    QCOMPARE(s2->strip[kStripDays - 4], Rag::Green);
    QCOMPARE(s2->strip[0], Rag::Grey);
    QCOMPARE(s2->peerStoreId, QStringLiteral("1")); // the green store of the same city
    QVERIFY(s2->actions[0].contains(QStringLiteral("上海徐汇体验店")));
    QVERIFY(s2->actions[1].isEmpty());
    const StoreCode *s5 = all.find(QStringLiteral("5"));
    QCOMPARE(s5->overall, Rag::Orange);
    QCOMPARE(s5->peerStoreId, QStringLiteral("1")); // none green in 杭州 → the region's best, not 华南's s6
    QCOMPARE(all.find(QStringLiteral("4"))->overall, Rag::Grey);
    QVERIFY(!all.find(QStringLiteral("4"))->day);

    // A period ending before kD judges its own last day with data.
    const StoreCodes earlier = computeStoreCodes(database.connection(),
                                                 {Period::custom(kD.addDays(-30), kD.addDays(-2)), OrgScope::company()}, t);
    QCOMPARE(earlier.asOf, kD.addDays(-2));
    QCOMPARE(earlier.find(QStringLiteral("2"))->overall, Rag::Orange);
    QCOMPARE(earlier.find(QStringLiteral("4"))->overall, Rag::Grey);

    // Org scopes: region, city, and a team means its city.
    QCOMPARE(computeStoreCodes(database.connection(), {q4, {OrgLevel::Region, "1"}}, t).stores.size(), 4);
    QCOMPARE(computeStoreCodes(database.connection(), {q4, {OrgLevel::City, "2"}}, t).stores.size(), 1);
    const StoreCodes team = computeStoreCodes(database.connection(), {q4, {OrgLevel::Team, "1"}}, t);
    QCOMPARE(team.stores.size(), 3);
    QVERIFY(team.scopeNote.contains(QStringLiteral("上海")));
    QCOMPARE(computeStoreCodes(database.connection(), {q4, {OrgLevel::Rep, "101"}}, t).stores.size(), 3);
    // No data in the period: every store grey, no day judged.
    const StoreCodes none = computeStoreCodes(database.connection(), {Period::quarter(QDate(2025, 1, 1)), OrgScope::company()}, t);
    QVERIFY(!none.asOf.isValid());
    QCOMPARE(none.countByColour[size_t(Rag::Grey)], 5);
}

void TestStoreCodes::reportAndDrillDown()
{
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(database.open(dir.filePath(QStringLiteral("t.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(populateStores(database));
    const StoreCodes all = computeStoreCodes(database.connection(), {Period::quarter(kD), OrgScope::company()}, {});
    const DataTable grid = storeCodesTable(all);
    QCOMPARE(grid.rows.size(), 5);
    QCOMPARE(grid.keyKind, QStringLiteral("store"));
    const QVariantList &first = grid.rows.first();
    QCOMPARE(first.at(grid.columnIndex("store_id")).toString(), QStringLiteral("2"));
    QCOMPARE(first.at(grid.columnIndex("receptions_per_staff")).toDouble(), 7.8);
    QCOMPARE(first.at(grid.columnIndex("staff_code")).toString(), QStringLiteral("red"));
    QCOMPARE(first.at(grid.columnIndex("code")).toString(), QStringLiteral("red"));
    QCOMPARE(first.at(grid.columnIndex("nearby_store")).toString(), QStringLiteral("上海徐汇体验店"));
    QCOMPARE(first.at(grid.columnIndex("conversion_pct")).toDouble(), 18.0);
    // The screen keeps the key; the CSV and JSON exports name the store by its global id.
    const QString uuid2 = storage::uuidForKey(database.connection(), QStringLiteral("stores"), QStringLiteral("2"));
    QCOMPARE(uuid2.size(), 36);
    const QByteArray csv = toCsv(grid);
    QVERIFY2(csv.contains(QByteArray("\r\n" + uuid2.toUtf8() + ",")), csv.left(400).constData());
    QVERIFY(!csv.contains("\r\n2,"));
    QVERIFY(toJson(grid).contains(uuid2.toUtf8()));
    // So do the drill-down's, computed by the FigureService's workers (attachGlobalIds).
    DataTable daysOut = storeDaysTable(database.connection(), QStringLiteral("2"), kD.addDays(-29), kD, {});
    attachGlobalIds(daysOut, database.connection(), GroupBy::Region);
    QVERIFY(toCsv(daysOut).contains(QByteArray("\r\n" + uuid2.toUtf8() + ",")));

    const DataTable days = storeDaysTable(database.connection(), QStringLiteral("2"), kD.addDays(-29), kD, {});
    QCOMPARE(days.rows.size(), 4); // newest first
    QCOMPARE(days.rows.at(0).at(days.columnIndex("day")).toDate(), kD);
    QCOMPARE(days.rows.at(0).at(days.columnIndex("code")).toString(), QStringLiteral("red"));
    QCOMPARE(days.rows.at(1).at(days.columnIndex("staff_code")).toString(), QStringLiteral("orange"));
    QCOMPARE(days.rows.at(3).at(days.columnIndex("code")).toString(), QStringLiteral("green"));
    // Judging the first shown day uses the days before it: from kD only, still red.
    const DataTable one = storeDaysTable(database.connection(), QStringLiteral("2"), kD, kD, {});
    QCOMPARE(one.rows.size(), 1);
    QCOMPARE(one.rows.at(0).at(one.columnIndex("staff_code")).toString(), QStringLiteral("red"));
}

void TestStoreCodes::nearbyIsNear()
{
    // The built-in city table: 广州–深圳 about 105 km, 广州–厦门 about 500 km; "市" is accepted.
    QVERIFY(cityDistanceKm(QStringLiteral("广州"), QStringLiteral("深圳")));
    QVERIFY(std::abs(*cityDistanceKm(QStringLiteral("广州"), QStringLiteral("深圳")) - 105) < 10);
    QVERIFY(std::abs(*cityDistanceKm(QStringLiteral("广州市"), QStringLiteral("厦门")) - 500) < 30);
    QCOMPARE(*cityDistanceKm(QStringLiteral("上海"), QStringLiteral("上海")), 0.0);
    QVERIFY(!cityDistanceKm(QStringLiteral("广州"), QStringLiteral("不存在")));

    // 华南: a red 广州 store; green stores in 厦门 (better, ~500 km) and 深圳 (~105 km): the
    // 深圳 one is named. A red 兰州 store (another region, > 800 km from every green store
    // but 上海's) gets none; a red store of a city not in the table falls back to its region.
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(database.open(dir.filePath(QStringLiteral("t.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(populateStores(database));
    const QString t = QStringLiteral("cockpit_secs('2026-11-01T00:00:00Z')");
    const QStringList sql = {
        QStringLiteral("INSERT INTO cities (id, region_id, name, updated_at) VALUES (4, 2, '厦门', %1), (5, 2, '深圳', %1),"
                       " (6, 2, '镇南', %1), (7, 2, '兰州', %1)").arg(t),
        QStringLiteral("INSERT INTO stores (id, name, region_id, city_id, opened_on, updated_at) VALUES"
                       " (7, '厦门中心体验店', 2, 4, cockpit_day('2024-01-01'), %1),"
                       " (8, '深圳南山体验店', 2, 5, cockpit_day('2024-01-01'), %1),"
                       " (9, '广州越秀体验店', 2, 3, cockpit_day('2024-01-01'), %1),"
                       " (10, '镇南一号体验店', 2, 6, cockpit_day('2024-01-01'), %1),"
                       " (11, '兰州西固体验店', 2, 7, cockpit_day('2024-01-01'), %1)").arg(t),
        QStringLiteral("UPDATE store_days SET receptions = 50 WHERE store_id = 6"), // 广州天河: yellow (10 per staff)
        insertStoreDays(7, {day(0, 5, 110)}), // 22 per staff
        insertStoreDays(8, {day(0, 5, 65)}),  // 13 per staff
        insertStoreDays(9, {day(3), lowStaff(2), lowStaff(1), lowStaff(0)}),
        insertStoreDays(10, {day(3), lowStaff(2), lowStaff(1), lowStaff(0)}),
        insertStoreDays(11, {day(3), lowStaff(2), lowStaff(1), lowStaff(0)}),
    };
    for (const QString &q : sql)
        QVERIFY(fixture::exec(database.connection(), q));
    const StoreCodes all = computeStoreCodes(database.connection(), {Period::quarter(kD), OrgScope::company()}, {});
    QCOMPARE(all.find(QStringLiteral("6"))->overall, Rag::Yellow);
    const StoreCode *gz = all.find(QStringLiteral("9"));
    QCOMPARE(gz->overall, Rag::Red);
    QCOMPARE(gz->peerStoreName, QStringLiteral("深圳南山体验店"));
    QVERIFY(gz->actions[0].contains(QStringLiteral("深圳南山体验店")));
    // Unknown city: the region's best green store (厦门, 22 per staff), as before.
    QCOMPARE(all.find(QStringLiteral("10"))->peerStoreName, QStringLiteral("厦门中心体验店"));
    // 兰州: nothing green within 800 km.
    const StoreCode *lz = all.find(QStringLiteral("11"));
    QCOMPARE(lz->overall, Rag::Red);
    QVERIFY(lz->peerStoreId.isEmpty());
    QCOMPARE(lz->actions[0], storeAction(StoreDimension::Staff, QString()));
    // Same city first: 上海浦东 still names 上海徐汇 (15 per staff), though 厦门 has 22.
    QCOMPARE(all.find(QStringLiteral("2"))->peerStoreId, QStringLiteral("1"));
}

void TestStoreCodes::demoSignal()
{
    // README signal 6: ~8 % of stores (>= 1) below the red line in exactly one dimension on
    // every one of their last 14–40 days; healthy stores green or yellow.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tiny.db"));
    demo::Options o;
    o.scale = demo::Scale::Tiny;
    o.seed = 42;
    o.asOf = QDate(2026, 11, 22);
    QVERIFY(demo::generate(path, o).ok);
    storage::Database database;
    QVERIFY(database.open(path).ok());
    const StoreCodes codes = computeStoreCodes(database.connection(), {Period::quarter(QDate(2026, 11, 21)), OrgScope::company()},
                                               loadStoreThresholds(database.connection()));
    QCOMPARE(codes.asOf, QDate(2026, 11, 21));
    QCOMPARE(codes.stores.size(), 6);
    int red = 0;
    for (const StoreCode &s : codes.stores) {
        int redDims = 0, bad = 0;
        for (Rag c : s.colours) {
            redDims += c == Rag::Red;
            bad += c == Rag::Red || c == Rag::Orange || c == Rag::Grey;
        }
        if (s.overall == Rag::Red) {
            ++red;
            QCOMPARE(redDims, 1);  // exactly one dimension
            QCOMPARE(bad, 1);
            QVERIFY2(s.daysRed >= 12, qPrintable(QString::number(s.daysRed))); // >= 14 weak days, red from the 3rd
            QCOMPARE(s.colours[0], Rag::Red); // tiny: one weak store, kind "staff"
        } else {
            QVERIFY2(s.overall == Rag::Green || s.overall == Rag::Yellow, qPrintable(s.name));
            for (Rag c : s.strip)
                QVERIFY(c == Rag::Green || c == Rag::Yellow);
        }
    }
    QCOMPARE(red, 1);
}

QTEST_GUILESS_MAIN(TestStoreCodes)
#include "tst_storecodes.moc"
