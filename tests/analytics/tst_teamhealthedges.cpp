// Who counts and where a period ends, in team health (DESIGN.md §5, issue 13 §1–§2): working
// days, a rep's standing (ranked, left, too little data), the composite's colour with a missing
// component, and a hand-made company around the October / November 2026 boundary (PEI weeks by
// their Monday, reps hired or leaving mid-period, a customer's call not counted as the rep's).
#include "storage/database.h"
#include "storage/keys.h"
#include "demo/demogenerator.h"
#include "fixture.h"
#include "analytics/query.h"
#include "analytics/teamhealth.h"
#include "analytics/teamhealthtables.h"
#include "teamhealthdiff.h"
#include "domain/times.h"

#include <QSqlDatabase>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace cockpit;
using namespace cockpit::analytics;

using OptD = std::optional<double>;
Q_DECLARE_METATYPE(OptD)

namespace {
const QString kNow = QStringLiteral("2026-11-21T10:00:00Z");

bool exec(QSqlDatabase db, const QString &sql) { return fixture::exec(db, sql); }

const HealthRow *rowOf(const QVector<HealthRow> &rows, const QString &id)
{
    for (const HealthRow &r : rows)
        if (r.unit.id == id)
            return &r;
    return nullptr;
}

bool near(double a, double b) { return std::abs(a - b) < 1e-6; }
} // namespace

class TestTeamHealthEdges : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void workingDayCount_data();
    void workingDayCount();
    void standing_data();
    void standing();
    void compositeColour_data();
    void compositeColour();
    void periodEdges();

private:
    Scope m_november{Period::month(QDate(2026, 11, 1)), OrgScope::company()};
};

void TestTeamHealthEdges::workingDayCount_data()
{
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<int>("days");
    QTest::newRow("October 2026 (Thu 1 – Sat 31)") << QDate(2026, 10, 1) << QDate(2026, 10, 31) << 22;
    QTest::newRow("a weekend") << QDate(2026, 10, 3) << QDate(2026, 10, 4) << 0;
    QTest::newRow("Wed 14 – Sat 31 Oct") << QDate(2026, 10, 14) << QDate(2026, 10, 31) << 13;
    QTest::newRow("one Monday") << QDate(2026, 10, 26) << QDate(2026, 10, 26) << 1;
    QTest::newRow("Sun – Sun") << QDate(2026, 10, 4) << QDate(2026, 10, 11) << 5;
    QTest::newRow("reversed") << QDate(2026, 10, 9) << QDate(2026, 10, 1) << 0;
    QTest::newRow("invalid") << QDate() << QDate(2026, 10, 1) << 0;
}

void TestTeamHealthEdges::workingDayCount()
{
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(int, days);
    QCOMPARE(workingDays(first, last), days);
}

void TestTeamHealthEdges::standing_data()
{
    // October 2026: 22 working days; judged after its end (lastDay = 31 Oct) unless told.
    QTest::addColumn<QDate>("hired");
    QTest::addColumn<QDate>("left");
    QTest::addColumn<QDate>("lastDay");
    QTest::addColumn<int>("exits");
    QTest::addColumn<int>("standing");
    const QDate end(2026, 10, 31);
    QTest::newRow("active, enough exits") << QDate(2022, 1, 1) << QDate() << end << 5 << int(RepStanding::Ranked);
    QTest::newRow("4 exits: too little") << QDate(2022, 1, 1) << QDate() << end << 4 << int(RepStanding::TooLittleData);
    QTest::newRow("left 5 Oct") << QDate(2022, 1, 1) << QDate(2026, 10, 5) << end << 40 << int(RepStanding::Left);
    QTest::newRow("left 30 Oct, the day before the end") << QDate(2022, 1, 1) << QDate(2026, 10, 30) << end << 40
                                                          << int(RepStanding::Left);
    QTest::newRow("left on the last day: still active") << QDate(2022, 1, 1) << QDate(2026, 10, 31) << end << 40
                                                         << int(RepStanding::Ranked);
    QTest::newRow("leaves later than today (current period)") << QDate(2022, 1, 1) << QDate(2026, 10, 28)
                                                               << QDate(2026, 10, 20) << 40 << int(RepStanding::Ranked);
    // Hired Wed 14 Oct: 13 of 22 working days ≥ half; Thu 15 Oct: 12 ≥ 11; Mon 19 Oct: 10 < 11.
    QTest::newRow("hired 14 Oct: 13 of 22 days") << QDate(2026, 10, 14) << QDate() << end << 5 << int(RepStanding::Ranked);
    QTest::newRow("hired 16 Oct: 11 of 22 days") << QDate(2026, 10, 16) << QDate() << end << 5 << int(RepStanding::Ranked);
    QTest::newRow("hired 19 Oct: 10 of 22 days") << QDate(2026, 10, 19) << QDate() << end << 9
                                                 << int(RepStanding::TooLittleData);
}

void TestTeamHealthEdges::standing()
{
    QFETCH(QDate, hired);
    QFETCH(QDate, left);
    QFETCH(QDate, lastDay);
    QFETCH(int, exits);
    QFETCH(int, standing);
    QCOMPARE(int(repStanding(hired, left, Period::month(QDate(2026, 10, 1)), lastDay, exits)), standing);
}

void TestTeamHealthEdges::compositeColour_data()
{
    QTest::addColumn<OptD>("composite");
    QTest::addColumn<OptD>("pei");
    QTest::addColumn<OptD>("crossSell");
    QTest::addColumn<int>("light");
    QTest::newRow("84.5, all there: green") << OptD{84.5} << OptD{90} << OptD{20} << int(Rag::Green);
    QTest::newRow("exactly 80: green") << OptD{80} << OptD{90} << OptD{20} << int(Rag::Green);
    QTest::newRow("84.5 with PEI 0 %: yellow") << OptD{84.5} << OptD{0} << OptD{20} << int(Rag::Yellow);
    QTest::newRow("84.5 without PEI: yellow") << OptD{84.5} << OptD{} << OptD{20} << int(Rag::Yellow);
    QTest::newRow("84.5 without cross-sell: yellow") << OptD{84.5} << OptD{90} << OptD{} << int(Rag::Yellow);
    QTest::newRow("84.5, cross-sell 0: yellow") << OptD{84.5} << OptD{90} << OptD{0} << int(Rag::Yellow);
    QTest::newRow("60: yellow") << OptD{60} << OptD{90} << OptD{20} << int(Rag::Yellow);
    QTest::newRow("59.9: red") << OptD{59.9} << OptD{90} << OptD{20} << int(Rag::Red);
    QTest::newRow("59.9 with a hole: red") << OptD{59.9} << OptD{0} << OptD{20} << int(Rag::Red);
    QTest::newRow("no score: grey") << OptD{} << OptD{90} << OptD{20} << int(Rag::Grey);
}

void TestTeamHealthEdges::compositeColour()
{
    QFETCH(OptD, composite);
    QFETCH(OptD, pei);
    QFETCH(OptD, crossSell);
    QFETCH(int, light);
    QCOMPARE(int(compositeLight(composite, {OptD{95}, OptD{70}, crossSell, OptD{80}, pei})), light);
    // And through healthFigures(): a rep whose PEI is 0 % (tasks required, none done) is not green.
    HealthCounts c;
    c.actionsExpected = 10;
    c.actionsDone = 10;
    c.customers = c.customersScored = 1;
    c.healthSum = 95;
    c.wonCents = 100;
    c.crossSellCents = 50;
    c.ratings = 1;
    c.ratingSum = 5;
    c.tasksRequired = 12;
    const HealthFigures zero = healthFigures(c);
    QVERIFY(*zero.composite >= 80);
    QCOMPARE(zero.compositeLight, Rag::Yellow);
    c.tasksDone = 12;
    QCOMPARE(healthFigures(c).compositeLight, Rag::Green);
}

void TestTeamHealthEdges::periodEdges()
{
    // A company of its own, by hand, around the October / November 2026 boundary (Mondays in
    // October: 5, 12, 19, 26; the week of 26 Oct ends Sun 1 Nov; 28 Sep – 4 Oct is
    // September's). Now = 21 Nov: the weeks of 2 and 9 Nov are over, that of 16 Nov is not.
    //   u1 王芳 (101): active. Tasks: 28 Sep 12 done (September's); 26 Oct 12 listed, 10 done
    //     on Fri 30 Oct, 1 on Sun 1 Nov 23:00 Beijing (inside the week), 1 on 3 Nov (late).
    //     October: 4 weeks × 12 = 48 required, 11 done. November: 2 Nov, 9 Nov → 24, 0 done.
    //   u2 李强 (102): active, no tasks: October 0 / 48.
    //   u5 陈新 (105): hired Wed 14 Oct. Weeks employed throughout: 19, 26 Oct → 24; done:
    //     week 12 Oct 12 (not counted: not employed all of it), 19 Oct 12 → 12 / 24.
    //   u6 吴离 (106): left Wed 21 Oct. Weeks: 5, 12 Oct → 24; week 5 Oct 6 listed, all done;
    //     week 19 Oct 12 done (not counted) → 6 / 24. Shown apart (left), pooled nowhere.
    //   u7 郑晚 (107): hired Mon 26 Oct: week 26 Oct → 12, none done; 5 of 22 working days.
    // Key actions: lead-1 (u1) enters 初筛 10 Oct, leaves for 诊断 12 Oct; in between the
    // customer calls (direction customer) and u1 sends a wechat: expected call + wechat, done
    // wechat alone → 1 / 2, missing call. A sales call at the exit instant belongs to the next
    // window.
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(database.open(dir.filePath(QStringLiteral("edges.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(database));
    QSqlDatabase db = database.connection();
    const QString t = QStringLiteral("cockpit_secs('2026-09-01T00:00:00Z')");
    const QString reg = fixture::stageId(db, "lifecycle", "register");
    const QString scr = fixture::stageId(db, "lifecycle", "screen");
    const QString dia = fixture::stageId(db, "lifecycle", "diagnose");
    QStringList sql = {
        QStringLiteral("INSERT INTO users (id, name, role, region_id, city_id, team_id, hire_date, left_date, updated_at) VALUES"
                       " (105, '陈新', 'sales', 1, 1, 1, cockpit_day('2026-10-14'), NULL, %1),"
                       " (106, '吴离', 'sales', 1, 1, 1, cockpit_day('2024-01-01'), cockpit_day('2026-10-21'), %1),"
                       " (107, '郑晚', 'sales', 1, 1, 1, cockpit_day('2026-10-26'), NULL, %1)").arg(t),
        // lead-1 (u1): 注册 → 初筛 on 10 Oct, 初筛 → 诊断 on 12 Oct (its fixture move h1 of 1 Nov stays).
        QStringLiteral("INSERT INTO stage_history (id, lead_id, from_stage_id, to_stage_id, at, updated_at) VALUES"
                       " (20, 1, '%1', '%2', cockpit_secs('2026-10-10T02:00:00Z'), %4),"
                       " (21, 1, '%2', '%3', cockpit_secs('2026-10-12T02:00:00Z'), %4)").arg(reg, scr, dia, t),
        QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, updated_at) VALUES"
                       " (30, 1, 1, NULL, 'call', 'customer', cockpit_secs('2026-10-11T02:00:00Z'), %1),"
                       " (31, 1, 1, 101, 'wechat', 'sales', cockpit_secs('2026-10-11T03:00:00Z'), %1),"
                       " (32, 1, 1, 101, 'call', 'sales', cockpit_secs('2026-10-12T02:00:00Z'), %1)").arg(t),
    };
    int n = 100;
    auto tasks = [&](const char *user, const char *week, int count, const QString &completed) {
        for (int i = 0; i < count; ++i)
            sql << QStringLiteral("INSERT INTO tasks (id, user_id, week_start, action, due_at, completed_at, updated_at)"
                                  " VALUES (%1, %2, cockpit_day('%3'), 'call', cockpit_secs('%3T10:00:00Z'), %4, %5)")
                       .arg(++n)
                       .arg(QLatin1String(user), QLatin1String(week), completed, t);
    };
    const auto at = [](const char *iso) { return QStringLiteral("cockpit_secs('%1')").arg(QLatin1String(iso)); };
    tasks("101", "2026-09-28", 12, at("2026-10-01T02:00:00Z"));
    tasks("101", "2026-10-26", 10, at("2026-10-30T02:00:00Z"));
    tasks("101", "2026-10-26", 1, at("2026-11-01T15:00:00Z")); // Sun 1 Nov 23:00 Beijing
    tasks("101", "2026-10-26", 1, at("2026-11-03T02:00:00Z")); // after the week
    tasks("105", "2026-10-12", 12, at("2026-10-15T02:00:00Z"));
    tasks("105", "2026-10-19", 12, at("2026-10-20T02:00:00Z"));
    tasks("106", "2026-10-05", 6, at("2026-10-06T02:00:00Z"));
    tasks("106", "2026-10-19", 12, at("2026-10-20T02:00:00Z"));
    for (const QString &q : std::as_const(sql))
        QVERIFY2(exec(db, q), qPrintable(q.left(120)));
    QVERIFY(fixture::settle(db));

    const Scope october{Period::month(QDate(2026, 10, 1)), OrgScope::company()};
    TeamHealthSettings anyExits; // the employment rule alone: no stage exit needed to be ranked
    anyExits.minExitsToRank = 0;
    const TeamHealth oct = computeTeamHealth(db, october, kNow, anyExits);
    const HealthRow *u1 = rowOf(oct.reps, QStringLiteral("101"));
    const HealthRow *u2 = rowOf(oct.reps, QStringLiteral("102"));
    const HealthRow *u5 = rowOf(oct.reps, QStringLiteral("105"));
    const HealthRow *u6 = rowOf(oct.reps, QStringLiteral("106"));
    const HealthRow *u7 = rowOf(oct.reps, QStringLiteral("107"));
    QVERIFY(u1 && u2 && u5 && u6 && u7);
    QCOMPARE(oct.reps.size(), 5);

    // PEI: the straddling week counts in October, whole; September's week does not.
    QCOMPARE(u1->counts.repWeeks, 4);
    QCOMPARE(u1->counts.tasksRequired, 48);
    QCOMPARE(u1->counts.tasksDone, 11);
    QVERIFY(near(*u1->figures.peiPct, 100.0 * 11 / 48));
    QCOMPARE(u2->counts.tasksRequired, 48);
    QCOMPARE(u2->counts.tasksDone, 0);
    QCOMPARE(u5->counts.repWeeks, 2);
    QCOMPARE(u5->counts.tasksRequired, 24);
    QCOMPARE(u5->counts.tasksDone, 12);
    QCOMPARE(u6->counts.repWeeks, 2);
    QCOMPARE(u6->counts.tasksRequired, 24);
    QCOMPARE(u6->counts.tasksDone, 6);
    QCOMPARE(u7->counts.tasksRequired, 12);
    QCOMPARE(u7->counts.tasksDone, 0);

    // Key-action completion: the customer's call is not u1's.
    QCOMPARE(u1->counts.exits, 2); // 注册 → 初筛 (no known entry: expects a call, none) and 初筛 → 诊断
    QCOMPARE(u1->counts.byKind.value(QStringLiteral("wechat")).done, 1);
    QCOMPARE(u1->counts.byKind.value(QStringLiteral("call")).expected, 2);
    QCOMPARE(u1->counts.byKind.value(QStringLiteral("call")).done, 0);
    QCOMPARE(u1->counts.actionsExpected, 3);
    QCOMPARE(u1->counts.actionsDone, 1);
    QCOMPARE(u1->figures.topMissing.value(0), qMakePair(QStringLiteral("call"), 2));

    // Who counts: u6 left during October (apart, pooled nowhere); u7 was employed 5 of 22
    // working days (apart, too little data, but pooled); u1, u2 and u5 (13 of 22) ranked.
    QCOMPARE(u1->standing, RepStanding::Ranked);
    QCOMPARE(u2->standing, RepStanding::Ranked);
    QCOMPARE(u5->standing, RepStanding::Ranked);
    QCOMPARE(u6->standing, RepStanding::Left);
    QCOMPARE(u6->left, QDate(2026, 10, 21));
    QCOMPARE(u7->standing, RepStanding::TooLittleData);
    QCOMPARE(u7->workingDaysEmployed, 5);
    QCOMPARE(u7->workingDaysInPeriod, 22);
    QCOMPARE(u5->workingDaysEmployed, 13);
    const HealthRow *t1 = rowOf(oct.teams, QStringLiteral("1"));
    QVERIFY(t1);
    QCOMPARE(t1->counts.tasksRequired, 48 + 48 + 24 + 12); // u1, u2, u5, u7: not u6
    QCOMPARE(t1->counts.tasksDone, 11 + 12);
    QCOMPARE(oct.total.counts.tasksRequired, 132);
    // With the default rule (at least 5 stage exits) nobody here has enough to be ranked.
    const TeamHealth strict = computeTeamHealth(db, october, kNow);
    for (const HealthRow &r : strict.reps)
        QCOMPARE(r.standing, r.unit.id == QLatin1String("106") ? RepStanding::Left : RepStanding::TooLittleData);
    // The report lists each rep's standing.
    const DataTable radar = radarTable(oct, false);
    const int standingCol = radar.columnIndex(QStringLiteral("standing"));
    QVERIFY(standingCol >= 0);
    QStringList standings;
    for (const QVariantList &row : radar.rows)
        standings << row[0].toString() + QLatin1Char('=') + row[standingCol].toString();
    standings.sort();
    QCOMPARE(standings, (QStringList{QStringLiteral("101=ranked"), QStringLiteral("102=ranked"), QStringLiteral("105=ranked"),
                                     QStringLiteral("106=left"), QStringLiteral("107=too_little_data")}));

    // The rows behind PEI are the rep-weeks it counts: u5's week of 12 Oct (hired on its
    // Wednesday) is not there; u1's October is the week of 26 Oct, 11 done, 1 late.
    const OrgUnits units = loadOrgUnits(db);
    const DataTable u5Tasks = tasksTable(db, {october.period, OrgScope{OrgLevel::Rep, QStringLiteral("105")}}, kNow, units);
    QCOMPARE(u5Tasks.rows.size(), 12);
    for (const QVariantList &row : u5Tasks.rows)
        QCOMPARE(row[u5Tasks.columnIndex(QStringLiteral("week_start"))].toDate(), QDate(2026, 10, 19));
    const DataTable u1Tasks = tasksTable(db, {october.period, OrgScope{OrgLevel::Rep, QStringLiteral("101")}}, kNow, units);
    QCOMPARE(u1Tasks.rows.size(), 12);
    int missed = 0;
    for (const QVariantList &row : u1Tasks.rows)
        missed += row[u1Tasks.columnIndex(QStringLiteral("completed_at"))].isNull();
    QCOMPARE(missed, 1);

    // November: the week of 26 Oct counts nowhere else; 2 and 9 Nov are judged, 16 Nov not.
    const TeamHealth nov = computeTeamHealth(db, m_november, kNow, anyExits);
    const HealthRow *u1n = rowOf(nov.reps, QStringLiteral("101"));
    QVERIFY(u1n);
    QCOMPARE(u1n->counts.repWeeks, 2);
    QCOMPARE(u1n->counts.tasksRequired, 24);
    QCOMPARE(u1n->counts.tasksDone, 0);
    QVERIFY(!rowOf(nov.reps, QStringLiteral("106"))); // left before November: not listed

    // October seen on 1 Nov (its last week not over): judged without it; from Mon 2 Nov 00:00
    // Beijing on, with it — and later data (a task of 26 Oct's week done on 5 Nov) changes nothing.
    const TeamHealth early = computeTeamHealth(db, october, QStringLiteral("2026-11-01T12:00:00Z"), anyExits);
    QCOMPARE(rowOf(early.reps, QStringLiteral("101"))->counts.repWeeks, 3);
    const TeamHealth atEnd = computeTeamHealth(db, october, QStringLiteral("2026-11-01T16:00:00Z"), anyExits);
    QCOMPARE(rowOf(atEnd.reps, QStringLiteral("101"))->counts.tasksDone, 11);
    QVERIFY(exec(db, QStringLiteral("INSERT INTO tasks (id, user_id, week_start, action, due_at, completed_at, updated_at)"
                                    " VALUES (999, 102, cockpit_day('2026-10-26'), 'call', cockpit_secs('2026-10-26T10:00:00Z'),"
                                    " cockpit_secs('2026-11-05T02:00:00Z'), %1)").arg(t)));
    const TeamHealth later = computeTeamHealth(db, october, kNow, anyExits);
    QCOMPARE(rowOf(later.reps, QStringLiteral("102"))->counts.tasksDone, 0); // done after its week
    QCOMPARE(rowOf(later.reps, QStringLiteral("101"))->counts.tasksDone, 11);
}

QTEST_GUILESS_MAIN(TestTeamHealthEdges)
#include "tst_teamhealthedges.moc"
