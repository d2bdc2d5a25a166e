// Rep and team health (DESIGN.md §5): every formula on hand-computed cases, the whole
// computation on a hand-made company (November 2026, now = 2026-11-21 10:00 UTC), and the
// demo company's signal.
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

// The fixture company (team t1: 王芳 u1, 李强 u2) plus team t2 (张伟 u3) and 刘洋 u4 of
// t1 who left on 2026-09-30. See each test for the rows that matter. Keys (schema v5): team
// t2 = 2; users u3 = 103, u4 = 104; customers k4 = 4, k5 = 5; leads lead-N = N; stage moves
// hN = N; activities b1 .. b8 = 201 .. 208; survey s1, ticket tk1, contract ct1 = 1; orders
// oN = N; payments pN = N; trials trN = N; ratings crN = N; tasks taskN = N.
bool populate(storage::Database &database)
{
    if (!fixture::populate(database))
        return false;
    QSqlDatabase db = database.connection();
    const QString t = QStringLiteral("cockpit_secs('2026-11-01T00:00:00Z')");
    const QString reg = fixture::stageId(db, "lifecycle", "register");
    const QString scr = fixture::stageId(db, "lifecycle", "screen");
    const QString dia = fixture::stageId(db, "lifecycle", "diagnose");
    const QString quo = fixture::stageId(db, "lifecycle", "quote");
    const QString pipe = QStringLiteral("(SELECT id FROM pipelines WHERE code = 'lifecycle')");
    QStringList sql = {
        QStringLiteral("INSERT INTO teams (id, city_id, region_id, name, updated_at) VALUES (2, 1, 1, '上海二组', %1)").arg(t),
        QStringLiteral("INSERT INTO users (id, name, role, region_id, city_id, team_id, hire_date, left_date, updated_at) VALUES"
                       " (103, '张伟', 'sales', 1, 1, 2, cockpit_day('2021-01-01'), NULL, %1),"
                       " (104, '刘洋', 'sales', 1, 1, 1, cockpit_day('2021-01-01'), cockpit_day('2026-09-30'), %1)").arg(t),
        QStringLiteral("UPDATE users SET main_product_line = 'CRM云' WHERE id = 101"),
        QStringLiteral("INSERT INTO customers (id, name, owner_id, region_id, city_id, source, phone, core_need,"
                       " close_cycle_days, created_at, updated_at) VALUES"
                       " (4, '张江客户', 103, 1, 1, '展会', '1', '需求', 30, %1, %1),"
                       " (5, '离职客户', 104, 1, 1, '展会', '1', '需求', 30, %1, %1)").arg(t),
        // lead-1 (u1): assigned 07:50 Beijing 1 Nov; created into 15分钟初筛 (h1 of the fixture).
        QStringLiteral("UPDATE leads SET assigned_at = cockpit_secs('2026-10-31T23:50:00Z') WHERE id = 1"),
        QStringLiteral("INSERT INTO leads (id, customer_id, owner_id, region_id, city_id, team_id, pipeline_id, stage_id,"
                       " stage_entered_at, title, status, created_at, assigned_at, updated_at) VALUES"
                       " (4, 4, 103, 1, 1, 2, %2, '%3', %1, 'L4', 'open', %1, NULL, %1),"
                       " (5, 5, 104, 1, 1, 1, %2, '%3', %1, 'L5', 'open', %1, NULL, %1),"
                       " (6, 1, 101, 1, 1, 1, %2, '%3', %1, 'L6', 'open', %1, NULL, %1),"
                       // u1's other assignments in November: answered after 30, 60 and 120 minutes
                       " (7, 1, 101, 1, 1, 1, %2, '%3', %1, 'L7', 'open', %1, cockpit_secs('2026-11-10T00:00:00Z'), %1),"
                       " (8, 1, 101, 1, 1, 1, %2, '%3', %1, 'L8', 'open', %1, cockpit_secs('2026-11-11T00:00:00Z'), %1),"
                       " (9, 3, 101, 1, 1, 1, %2, '%3', %1, 'L9', 'open', %1, cockpit_secs('2026-11-12T00:00:00Z'), %1),"
                       // u2: assigned, never answered
                       " (10, 2, 102, 1, 1, 1, %2, '%3', %1, 'L10', 'open', %1, cockpit_secs('2026-11-12T00:00:00Z'), %1)")
            .arg(t, pipe, scr),
        QStringLiteral("INSERT INTO stage_history (id, lead_id, from_stage_id, to_stage_id, at, updated_at) VALUES"
                       // lead-1: screen → diagnose (call seen; the fixture's wechat a2 is the customer's own:
                       // 1/2), diagnose → quote (meeting, no visit: 1/2)
                       " (2, 1, '%1', '%2', cockpit_secs('2026-11-03T00:00:00Z'), %5),"
                       " (3, 1, '%2', '%3', cockpit_secs('2026-11-05T00:00:00Z'), %5),"
                       // lead-2 (u2): register → screen (no call: 0/1), screen → diagnose (call, no wechat: 1/2)
                       " (4, 2, NULL, '%4', cockpit_secs('2026-11-01T00:00:00Z'), %5),"
                       " (5, 2, '%4', '%1', cockpit_secs('2026-11-02T00:00:00Z'), %5),"
                       " (6, 2, '%1', '%2', cockpit_secs('2026-11-02T12:00:00Z'), %5),"
                       // lead-4 (u3): register → screen with a call (1/1)
                       " (7, 4, NULL, '%4', cockpit_secs('2026-11-01T00:00:00Z'), %5),"
                       " (8, 4, '%4', '%1', cockpit_secs('2026-11-01T01:00:00Z'), %5),"
                       // lead-5 (u4, left): register → screen without a call — not counted anywhere
                       " (9, 5, NULL, '%4', cockpit_secs('2026-11-01T00:00:00Z'), %5),"
                       " (10, 5, '%4', '%1', cockpit_secs('2026-11-01T01:00:00Z'), %5),"
                       // lead-2 in October: outside the period
                       " (11, 6, NULL, '%4', cockpit_secs('2026-10-10T00:00:00Z'), %5),"
                       " (12, 6, '%4', '%1', cockpit_secs('2026-10-11T00:00:00Z'), %5)")
            .arg(scr, dia, quo, reg, t),
        QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, updated_at) VALUES"
                       " (201, 1, 1, 101, 'meeting', 'sales', cockpit_secs('2026-11-04T00:00:00Z'), %1),"
                       " (202, 2, 2, 102, 'call', 'sales', cockpit_secs('2026-11-02T06:00:00Z'), %1),"
                       " (203, 4, 4, 103, 'call', 'sales', cockpit_secs('2026-11-01T00:30:00Z'), %1),"
                       // a customer response comes first; the sales action 30 min after assignment counts
                       " (204, 7, 1, NULL, 'wechat', 'customer', cockpit_secs('2026-11-10T00:10:00Z'), %1),"
                       " (205, 7, 1, 101, 'call', 'sales', cockpit_secs('2026-11-10T00:30:00Z'), %1),"
                       " (206, 8, 1, 101, 'email', 'sales', cockpit_secs('2026-11-11T01:00:00Z'), %1),"
                       " (207, 9, 3, 101, 'visit', 'sales', cockpit_secs('2026-11-12T02:00:00Z'), %1),"
                       // k2's last sales action exactly 7 days before now
                       " (208, NULL, 2, 102, 'call', 'sales', cockpit_secs('2026-11-14T10:00:00Z'), %1)")
            .arg(t),
        // k2 (u2's only customer): NPS 8 → 80, response 60 min → 100, 1 complaint → 75,
        // fulfilment 90, renewal 70, 1 of 2 payments on time → 50, 1 of 2 trials adopted → 50,
        // recency 7 days → 100: health = 615 / 8 = 76.875.
        QStringLiteral("INSERT INTO surveys (id, customer_id, at, nps, updated_at) VALUES (1, 2, cockpit_secs('2026-06-01T00:00:00Z'), 8, %1)").arg(t),
        QStringLiteral("INSERT INTO tickets (id, customer_id, opened_at, first_response_minutes, complaint, updated_at) VALUES"
                       " (1, 2, cockpit_secs('2026-07-01T00:00:00Z'), 60, 1, %1)").arg(t),
        QStringLiteral("INSERT INTO contracts (id, customer_id, signed_on, ends_on, value_cents, fulfilment_pct, renewal_intent, updated_at)"
                       " VALUES (1, 2, cockpit_day('2026-01-01'), cockpit_day('2026-12-31'), 100, 90, 70, %1)").arg(t),
        QStringLiteral("INSERT INTO orders (id, customer_id, lead_id, rep_id, ordered_on, amount_cents, margin_cents, product_line, updated_at) VALUES"
                       " (1, 2, 2, 102, cockpit_day('2026-03-01'), 100, 10, 'ERP套件', %1),"
                       // u1 (main line CRM云): 1 000 元 CRM云 + 3 000 元 ERP套件 in November → 75 % cross-sell
                       " (2, 1, 1, 101, cockpit_day('2026-11-05'), 100000, 10, 'CRM云', %1),"
                       " (3, 1, 1, 101, cockpit_day('2026-11-06'), 300000, 10, 'ERP套件', %1),"
                       " (4, 1, 1, 101, cockpit_day('2026-10-06'), 900000, 10, 'ERP套件', %1)").arg(t),
        QStringLiteral("INSERT INTO payments (id, order_id, customer_id, rep_id, amount_cents, due_on, paid_on, updated_at) VALUES"
                       " (1, 1, 2, 102, 50, cockpit_day('2026-04-01'), cockpit_day('2026-04-01'), %1),"
                       " (2, 1, 2, 102, 50, cockpit_day('2026-05-01'), cockpit_day('2026-05-09'), %1)").arg(t),
        QStringLiteral("INSERT INTO product_trials (id, customer_id, product_line, started_on, adopted, updated_at) VALUES"
                       " (1, 2, 'BI', cockpit_day('2026-02-01'), 1, %1), (2, 2, 'MES', cockpit_day('2026-02-01'), 0, %1)").arg(t),
        // u1 rated 5 and 4 in November → (4.5 − 1) / 4 = 87.5; the October 1 is outside
        QStringLiteral("INSERT INTO collaboration_ratings (id, rep_id, rater_id, at, score, updated_at) VALUES"
                       " (1, 101, 100, cockpit_secs('2026-11-03T00:00:00Z'), 5, %1),"
                       " (2, 101, 100, cockpit_secs('2026-11-04T00:00:00Z'), 4, %1),"
                       " (3, 101, 100, cockpit_secs('2026-10-04T00:00:00Z'), 1, %1)").arg(t),
    };
    // Tasks. u1: week of 2 Nov 10 tasks (9 done) → required 12; week of 9 Nov 14 (all done)
    // → 14; PEI 23 / 26. u3: week of 9 Nov 12 done; week of 2 Nov none → 12 / 24. u2: none
    // → 0 / 24. The week of 16 Nov has not ended by now and is not judged.
    int n = 0;
    auto task = [&](const char *user, const char *week, bool done) {
        sql << QStringLiteral("INSERT INTO tasks (id, user_id, week_start, action, due_at, completed_at, updated_at)"
                              " VALUES (%1, %2, cockpit_day('%3'), 'call', cockpit_secs('%3T10:00:00Z'), %4, %5)")
                   .arg(++n)
                   .arg(QLatin1String(user), QLatin1String(week),
                        done ? QStringLiteral("cockpit_secs('%1T09:00:00Z')").arg(QLatin1String(week)) : QStringLiteral("NULL"), t);
    };
    for (int i = 0; i < 10; ++i)
        task("101" /* u1 */, "2026-11-02", i < 9);
    for (int i = 0; i < 14; ++i)
        task("101" /* u1 */, "2026-11-09", true);
    for (int i = 0; i < 12; ++i)
        task("103" /* u3 */, "2026-11-09", true);
    for (int i = 0; i < 20; ++i)
        task("102" /* u2 */, "2026-11-16", true);
    for (const QString &s : sql)
        if (!exec(db, s))
            return false;
    return fixture::settle(db);
}

const HealthRow *rowOf(const QVector<HealthRow> &rows, const QString &id)
{
    for (const HealthRow &r : rows)
        if (r.unit.id == id)
            return &r;
    return nullptr;
}

bool near(double a, double b) { return std::abs(a - b) < 1e-6; }
} // namespace


using fixture::healthDiff;

namespace {
// Every scope × now: the cached path (cold, warm, on two connections) against the SQL path;
// without the coverage trend (what Performance and Correlation read), the SQL path and the
// cached one (the latter also on a cache that never saw the trend's months) against the same
// figures with the trend left out.
void checkCachedAgainstSql(QSqlDatabase db, const QVector<Scope> &scopes, const QStringList &nows)
{
    TeamHealthCache cache, periodOnly;
    for (const QString &now : nows)
        for (const Scope &scope : scopes) {
            const TeamHealth ref = computeTeamHealth(db, scope, now);
            const QString where = scope.period.key() + QLatin1Char(' ') + QString::number(int(scope.org.level)) + scope.org.id + QLatin1Char(' ') + now;
            for (const TeamHealthOptions &o : {TeamHealthOptions{&cache, false, {}}, TeamHealthOptions{&cache, false, {}},
                                               TeamHealthOptions{&cache, true, {}}}) {
                const QString d = healthDiff(computeTeamHealth(db, scope, now, {}, o), ref);
                QVERIFY2(d.isEmpty(), qPrintable(where + QStringLiteral(": ") + d));
            }
            TeamHealth noTrend = ref;
            noTrend.coverage.clear();
            noTrend.coverageWarning = false;
            for (const TeamHealthOptions &o : {TeamHealthOptions{nullptr, false, {}, false}, TeamHealthOptions{&cache, true, {}, false},
                                               TeamHealthOptions{&periodOnly, false, {}, false},
                                               TeamHealthOptions{&periodOnly, true, {}, false}}) {
                const TeamHealth th = computeTeamHealth(db, scope, now, {}, o);
                QVERIFY(th.coverage.isEmpty());
                const QString d = healthDiff(th, noTrend);
                QVERIFY2(d.isEmpty(), qPrintable(where + QStringLiteral(" without the trend: ") + d));
            }
        }
}
} // namespace

class TestTeamHealth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void light_data();
    void light();
    void medianOf_data();
    void medianOf();
    void required_data();
    void required();
    void responseScale_data();
    void responseScale();
    void composite_data();
    void composite();
    void declines_data();
    void declines();
    void customer_data();
    void customer();
    void topMissingTies();
    void stepDurationsCountInPeriod();
    void company();
    void orgRestriction();
    void drillDowns();
    void demoSignal();
    void cachedFactsMatchSql();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    Scope m_november{Period::month(QDate(2026, 11, 1)), OrgScope::company()};
};

void TestTeamHealth::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = std::make_unique<storage::Database>();
    QVERIFY(m_db->open(m_dir.filePath(QStringLiteral("f.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(populate(*m_db));
}

void TestTeamHealth::light_data()
{
    QTest::addColumn<double>("pct");
    QTest::addColumn<int>("expected");
    QTest::addColumn<int>("light");
    QTest::newRow("above 90 green") << 90.01 << 10 << int(Rag::Green);
    QTest::newRow("exactly 90 yellow") << 90.0 << 10 << int(Rag::Yellow);
    QTest::newRow("exactly 70 yellow") << 70.0 << 10 << int(Rag::Yellow);
    QTest::newRow("below 70 red") << 69.99 << 10 << int(Rag::Red);
    QTest::newRow("nothing expected grey") << 0.0 << 0 << int(Rag::Grey);
}

void TestTeamHealth::light()
{
    QFETCH(double, pct);
    QFETCH(int, expected);
    QFETCH(int, light);
    QCOMPARE(int(processLight(pct, expected)), light);
}

void TestTeamHealth::medianOf_data()
{
    QTest::addColumn<QVector<double>>("values");
    QTest::addColumn<OptD>("expected");
    QTest::newRow("empty") << QVector<double>{} << OptD{};
    QTest::newRow("one") << QVector<double>{5} << OptD{5};
    QTest::newRow("odd unsorted") << QVector<double>{4, 1, 3} << OptD{3};
    QTest::newRow("even: mean of the middle two") << QVector<double>{120, 10, 60, 30} << OptD{45};
}

void TestTeamHealth::medianOf()
{
    QFETCH(QVector<double>, values);
    QFETCH(OptD, expected);
    QCOMPARE(median(values), expected);
}

void TestTeamHealth::required_data()
{
    QTest::addColumn<int>("tasks");
    QTest::addColumn<int>("required");
    QTest::newRow("none still 12") << 0 << 12;
    QTest::newRow("fewer than 12") << 10 << 12;
    QTest::newRow("exactly 12") << 12 << 12;
    QTest::newRow("more than 12") << 15 << 15;
}

void TestTeamHealth::required()
{
    QFETCH(int, tasks);
    QFETCH(int, required);
    QCOMPARE(requiredTasks(tasks), required);
}

void TestTeamHealth::responseScale_data()
{
    QTest::addColumn<double>("minutes");
    QTest::addColumn<double>("score");
    QTest::newRow("instant") << 0.0 << 100.0;
    QTest::newRow("5 min") << 5.0 << 100.0;
    // geometric middle of 5 and 480: sqrt(2400) ≈ 48.99 → 50
    QTest::newRow("geometric middle") << std::sqrt(2400.0) << 50.0;
    QTest::newRow("8 h") << 480.0 << 0.0;
    QTest::newRow("a day") << 1440.0 << 0.0;
}

void TestTeamHealth::responseScale()
{
    QFETCH(double, minutes);
    QFETCH(double, score);
    QVERIFY2(near(responseScore(minutes), score), qPrintable(QString::number(responseScore(minutes))));
}

void TestTeamHealth::composite_data()
{
    QTest::addColumn<OptD>("compliance");
    QTest::addColumn<OptD>("health");
    QTest::addColumn<OptD>("cross");
    QTest::addColumn<OptD>("collab");
    QTest::addColumn<double>("firstQuarter");
    QTest::addColumn<OptD>("expected");
    // first quarter: .4×80 + .2×50 + .2×20 + .2×60 = 32 + 10 + 4 + 12 = 58
    QTest::newRow("first quarter") << OptD{80} << OptD{50} << OptD{20} << OptD{60} << 1.0 << OptD{58};
    // later: .1×80 + .5×50 + .2×20 + .2×60 = 8 + 25 + 4 + 12 = 49
    QTest::newRow("later") << OptD{80} << OptD{50} << OptD{20} << OptD{60} << 0.0 << OptD{49};
    // half: weights 25/35/20/20 → 20 + 17.5 + 4 + 12 = 53.5
    QTest::newRow("half new") << OptD{80} << OptD{50} << OptD{20} << OptD{60} << 0.5 << OptD{53.5};
    // later without collaboration: (8 + 25 + 4) / 0.8 = 46.25
    QTest::newRow("missing renormalises") << OptD{80} << OptD{50} << OptD{20} << OptD{} << 0.0 << OptD{46.25};
    QTest::newRow("nothing") << OptD{} << OptD{} << OptD{} << OptD{} << 0.0 << OptD{};
}

void TestTeamHealth::composite()
{
    QFETCH(OptD, compliance);
    QFETCH(OptD, health);
    QFETCH(OptD, cross);
    QFETCH(OptD, collab);
    QFETCH(double, firstQuarter);
    QFETCH(OptD, expected);
    const OptD got = compositeScore(compliance, health, cross, collab, firstQuarter);
    QCOMPARE(got.has_value(), expected.has_value());
    if (got)
        QVERIFY2(near(*got, *expected), qPrintable(QString::number(*got)));
}

void TestTeamHealth::declines_data()
{
    QTest::addColumn<QVector<OptD>>("trend");
    QTest::addColumn<bool>("warning");
    QTest::newRow("two declines") << QVector<OptD>{90, 88, 80, 70} << true;
    QTest::newRow("one decline") << QVector<OptD>{90, 80, 85, 80} << false;
    QTest::newRow("flat then decline") << QVector<OptD>{70, 70, 60} << false;
    QTest::newRow("earlier declines, recovered") << QVector<OptD>{90, 80, 70, 75} << false;
    QTest::newRow("gap skipped") << QVector<OptD>{90, 80, OptD{}, 70} << true;
    QTest::newRow("too short") << QVector<OptD>{90, 80} << false;
}

void TestTeamHealth::declines()
{
    QFETCH(QVector<OptD>, trend);
    QFETCH(bool, warning);
    QCOMPARE(twoDeclines(trend), warning);
}

void TestTeamHealth::customer_data()
{
    QTest::addColumn<int>("dim");
    QTest::addColumn<OptD>("value");
    QTest::addColumn<OptD>("score");
    // Base facts below: 80, 100, 90, 70, 50, 75, 50, 100 → 615 / 8 = 76.875
    QTest::newRow("nps 8 → 80") << int(HealthDim::Nps) << OptD{80} << OptD{76.875};
    QTest::newRow("response 60 min → 100") << int(HealthDim::ServiceResponse) << OptD{100} << OptD{76.875};
    QTest::newRow("payments 1 of 2 → 50") << int(HealthDim::Punctuality) << OptD{50} << OptD{76.875};
    QTest::newRow("one complaint → 75") << int(HealthDim::Complaints) << OptD{75} << OptD{76.875};
    QTest::newRow("recency 7 days → 100") << int(HealthDim::Recency) << OptD{100} << OptD{76.875};
}

void TestTeamHealth::customer()
{
    QFETCH(int, dim);
    QFETCH(OptD, value);
    QFETCH(OptD, score);
    CustomerFacts f;
    f.npsMean = 8;
    f.responseMinutes = 60;
    f.fulfilmentPct = 90;
    f.renewalIntent = 70;
    f.paymentsDue = 2;
    f.paymentsOnTime = 1;
    f.tickets = 1;
    f.complaints = 1;
    f.trials = 2;
    f.adopted = 1;
    f.daysSinceInteraction = 7;
    const CustomerHealth h = customerHealth(f);
    QCOMPARE(h.dims[dim], value);
    QVERIFY(near(*h.score, *score));

    // Other scale points: response 750 min → 50; 48.5 days → 50; five complaints → 0.
    CustomerFacts g;
    g.responseMinutes = 750;
    g.daysSinceInteraction = 48.5;
    g.complaints = 5;
    const CustomerHealth k = customerHealth(g);
    QVERIFY(near(*k.dims[int(HealthDim::ServiceResponse)], 50));
    QVERIFY(near(*k.dims[int(HealthDim::Recency)], 50));
    QCOMPARE(k.dims[int(HealthDim::Complaints)], OptD{0});
    QVERIFY(!k.dims[int(HealthDim::Nps)]); // no survey: no data, left out of the mean
    QVERIFY(near(*k.score, (50.0 + 50.0 + 0.0) / 3));
    // Weights: NPS twice as heavy → (2×80 + 100) / 3.
    TeamHealthSettings s;
    s.healthWeights = {2, 1, 0, 0, 0, 0, 0, 0};
    QVERIFY(near(*customerHealth(f, s).score, 260.0 / 3));
}

void TestTeamHealth::topMissingTies()
{
    const auto top = topMissing({{QStringLiteral("wechat"), 1}, {QStringLiteral("call"), 3},
                                 {QStringLiteral("visit"), 1}, {QStringLiteral("demo"), 1}, {QStringLiteral("quote"), 0}});
    QCOMPARE(top.size(), 3);
    QCOMPARE(top[0], qMakePair(QStringLiteral("call"), 3));
    QCOMPARE(top[1], qMakePair(QStringLiteral("demo"), 1)); // ties by name
    QCOMPARE(top[2], qMakePair(QStringLiteral("visit"), 1));
}

void TestTeamHealth::stepDurationsCountInPeriod()
{
    // assigned 1 Nov 00:00, touch +2 h, needs +1 day, demo (October: before needs → skipped),
    // objection 3 Nov, signed 5 Nov 00:00, paid 2026-11-06 (00:00 Beijing = 5 Nov 16:00 UTC).
    const auto t = [](const char *iso) { return times::secsFromIso(QString::fromLatin1(iso)); };
    const StepEnds ends{t("2026-11-01T00:00:00Z"), t("2026-11-01T02:00:00Z"), t("2026-11-02T02:00:00Z"),
                        t("2026-10-20T00:00:00Z"), t("2026-11-03T00:00:00Z"), t("2026-11-05T00:00:00Z"),
                        t("2026-11-05T16:00:00Z")};
    const StepTimes st = stepDurations(ends, t("2026-10-31T16:00:00Z"), times::secsFromIso(kNow));
    QCOMPARE(st.hours[int(SalesStep::FirstTouch)], QVector<double>{2});
    QCOMPARE(st.hours[int(SalesStep::NeedsConfirmed)], QVector<double>{24});
    QVERIFY(st.hours[int(SalesStep::Demo)].isEmpty());             // demo before needs
    QCOMPARE(st.hours[int(SalesStep::ObjectionHandled)], QVector<double>{24 * 14}); // 20 Oct → 3 Nov
    QCOMPARE(st.hours[int(SalesStep::Signed)], QVector<double>{48});
    QCOMPARE(st.hours[int(SalesStep::Paid)], QVector<double>{16});
    // The same lead judged in October: only the steps ending in October (none here but demo,
    // whose start is after its end).
    const StepTimes oct = stepDurations(ends, t("2026-09-30T16:00:00Z"), t("2026-10-31T16:00:00Z"));
    for (const auto &h : oct.hours)
        QVERIFY(h.isEmpty());
}

void TestTeamHealth::company()
{
    const TeamHealth th = computeTeamHealth(m_db->connection(), m_november, kNow);
    // u4 left on 30 Sep: not listed, and lead-5's exit counts nowhere.
    QCOMPARE(th.reps.size(), 3);
    QVERIFY(!rowOf(th.reps, QStringLiteral("104") /* u4 */));
    const HealthRow *u1 = rowOf(th.reps, QStringLiteral("101") /* u1 */);
    const HealthRow *u2 = rowOf(th.reps, QStringLiteral("102") /* u2 */);
    const HealthRow *u3 = rowOf(th.reps, QStringLiteral("103") /* u3 */);
    QVERIFY(u1 && u2 && u3);

    // Key actions: u1 2/4 = 50 % red (lead-1's wechat in 初筛 is the customer's own, a2: not
    // the rep's; no visit in 诊断); u2 1/3 red, missing call and wechat; u3 1/1 green.
    QCOMPARE(u1->counts.exits, 2);
    QCOMPARE(u1->counts.actionsExpected, 4);
    QCOMPARE(u1->counts.actionsDone, 2);
    QCOMPARE(u1->figures.light, Rag::Red);
    const QList<QPair<QString, int>> u1Missing{{QStringLiteral("visit"), 1}, {QStringLiteral("wechat"), 1}};
    QCOMPARE(u1->figures.topMissing, u1Missing);
    QCOMPARE(u2->counts.actionsDone, 1);
    QCOMPARE(u2->counts.actionsExpected, 3);
    QCOMPARE(u2->figures.light, Rag::Red);
    const QList<QPair<QString, int>> u2Missing{{QStringLiteral("call"), 1}, {QStringLiteral("wechat"), 1}};
    QCOMPARE(u2->figures.topMissing, u2Missing);
    QCOMPARE(u3->figures.light, Rag::Green);
    QCOMPARE(*u3->figures.compliancePct, 100.0);

    // Team t1 = u1 + u2 (u4 left): 3/7 → red, missing wechat twice, call and visit once.
    const HealthRow *t1 = rowOf(th.teams, QStringLiteral("1") /* t1 */);
    QVERIFY(t1);
    QCOMPARE(t1->counts.actionsExpected, 7);
    QCOMPARE(t1->counts.actionsDone, 3);
    QCOMPARE(t1->figures.light, Rag::Red);
    const QList<QPair<QString, int>> t1Missing{
        {QStringLiteral("wechat"), 2}, {QStringLiteral("call"), 1}, {QStringLiteral("visit"), 1}};
    QCOMPARE(t1->figures.topMissing, t1Missing);

    // PEI: u1 23/26, u2 0/24, u3 12/24; the unfinished week of 16 Nov is not judged.
    QCOMPARE(u1->counts.tasksDone, 23);
    QCOMPARE(u1->counts.tasksRequired, 26);
    QVERIFY(near(*u1->figures.peiPct, 100.0 * 23 / 26));
    QCOMPARE(u2->counts.tasksRequired, 24);
    QCOMPARE(*u2->figures.peiPct, 0.0);
    QCOMPARE(*u3->figures.peiPct, 50.0);

    // Response: u1 10, 30, 60, 120 min → median 45; u2's one lead unanswered.
    QCOMPARE(u1->counts.leadsAssigned, 4);
    QVERIFY(near(*u1->figures.responseMedianMin, 45));
    QCOMPARE(u2->counts.leadsUnanswered, 1);
    QVERIFY(!u2->figures.responseMedianMin);
    QVERIFY(!u2->figures.radar[int(RadarAxis::ResponseTime)]);
    QVERIFY(near(*u1->figures.radar[int(RadarAxis::ResponseTime)], responseScore(45)));

    // Customer health of u2 = k2's 76.875.
    QCOMPARE(u2->counts.customers, 1);
    QVERIFY(near(*u2->figures.customerHealth, 76.875));

    // Cross-sell 75 %, collaboration 87.5 for u1; none for u3.
    QCOMPARE(u1->counts.wonCents, 400000);
    QVERIFY(near(*u1->figures.crossSellPct, 75));
    QVERIFY(near(*u1->figures.collaboration, 87.5));
    QVERIFY(!u3->figures.collaboration);

    // Composite: all three fixture customers are prospects (no customer_since) → first-quarter weights.
    QCOMPARE(u1->figures.firstQuarterShare, 1.0);
    QVERIFY(near(*u1->figures.composite,
                 *compositeScore(50, u1->figures.customerHealth, 75, 87.5, 1.0)));
    // Every rep here has fewer than 5 stage exits: listed, but shown apart (too little data).
    for (const HealthRow &r : th.reps)
        QCOMPARE(r.standing, RepStanding::TooLittleData);

    // Coverage in November: u3 green of 3 judged → 33.3 %.
    QCOMPARE(th.coverageJudged, 3);
    QCOMPARE(th.coverageExecuted, 1);
    QCOMPARE(th.coverage.size(), 6);
    QCOMPARE(th.coverage.last().month, QDate(2026, 11, 1));
    QCOMPARE(th.coverage.last().judged, 3);
    QCOMPARE(th.coverage.last().executed, 1);
    // October: lead-6 (u1) left 注册 without a call → u1 judged, not executed.
    QCOMPARE(th.coverage[4].judged, 1);
    QCOMPARE(th.coverage[4].executed, 0);
    QCOMPARE(*th.coverage[4].pct, 0.0);
    QVERIFY(!th.coverage[3].pct); // September: nothing to judge
}

void TestTeamHealth::orgRestriction()
{
    const Scope team2{m_november.period, OrgScope{OrgLevel::Team, QStringLiteral("2") /* t2 */}};
    const TeamHealth th = computeTeamHealth(m_db->connection(), team2, kNow);
    QCOMPARE(th.reps.size(), 1);
    QCOMPARE(th.reps[0].unit.id, QStringLiteral("103") /* u3 */);
    QCOMPARE(th.teams.size(), 1);
    QCOMPARE(th.total.counts.actionsExpected, 1);
    QCOMPARE(th.total.counts.customers, 1);
    const Scope rep1{m_november.period, OrgScope{OrgLevel::Rep, QStringLiteral("101") /* u1 */}};
    const TeamHealth r = computeTeamHealth(m_db->connection(), rep1, kNow);
    QCOMPARE(r.reps.size(), 1);
    QCOMPARE(r.total.counts.actionsExpected, 4);
    QCOMPARE(r.total.counts.wonCents, 400000);
}

void TestTeamHealth::drillDowns()
{
    QSqlDatabase db = m_db->connection();
    const OrgUnits units = loadOrgUnits(db);
    const Scope rep2{m_november.period, OrgScope{OrgLevel::Rep, QStringLiteral("102") /* u2 */}};
    const DataTable exits = stageExitsTable(db, rep2, kNow, units);
    QCOMPARE(exits.keyKind, QStringLiteral("lead"));
    QCOMPARE(exits.rows.size(), 2);
    const int missing = exits.columnIndex(QStringLiteral("missing"));
    QStringList all;
    for (const QVariantList &row : exits.rows)
        all << row[missing].toString();
    all.sort();
    QCOMPARE(all, (QStringList{QStringLiteral("call"), QStringLiteral("wechat")}));

    const Scope rep1{m_november.period, OrgScope{OrgLevel::Rep, QStringLiteral("101") /* u1 */}};
    const DataTable tasks = tasksTable(db, rep1, kNow, units);
    QCOMPARE(tasks.rows.size(), 24);
    int missed = 0;
    for (const QVariantList &row : tasks.rows)
        missed += row[tasks.columnIndex(QStringLiteral("completed_at"))].isNull();
    QCOMPARE(missed, 1);
    const DataTable responses = responsesTable(db, rep1, kNow, units);
    QCOMPARE(responses.rows.size(), 4);
    // u1's assignments of November, each with its first sales action (hand-computed from the
    // fixture: a customer's own message before it does not count).
    QHash<QString, QVariantList> byLead;
    for (const QVariantList &row : responses.rows)
        byLead.insert(row[0].toString(), row);
    const int firstAt = responses.columnIndex(QStringLiteral("first_action_at"));
    const int minutes = responses.columnIndex(QStringLiteral("minutes"));
    QCOMPARE(byLead.value(QStringLiteral("7")).value(responses.columnIndex(QStringLiteral("assigned_at"))).toString(),
             QStringLiteral("2026-11-10T00:00:00Z"));
    QCOMPARE(byLead.value(QStringLiteral("7")).value(firstAt).toString(), QStringLiteral("2026-11-10T00:30:00Z"));
    QCOMPARE(byLead.value(QStringLiteral("7")).value(minutes).toDouble(), 30.0);
    QCOMPARE(byLead.value(QStringLiteral("8")).value(minutes).toDouble(), 60.0);
    QCOMPARE(byLead.value(QStringLiteral("9")).value(minutes).toDouble(), 120.0);
    QCOMPARE(byLead.value(QStringLiteral("9")).value(responses.columnIndex(QStringLiteral("lead"))).toString(), QStringLiteral("L9"));
    // u2's lead 10: assigned, never answered.
    const DataTable unanswered = responsesTable(db, rep2, kNow, units);
    bool sawTen = false;
    for (const QVariantList &row : unanswered.rows)
        if (row[0].toString() == QLatin1String("10")) {
            sawTen = true;
            QVERIFY(row[firstAt].isNull() && row[minutes].isNull());
        }
    QVERIFY(sawTen);
    const DataTable customers = customerHealthTable(db, rep2, kNow, units);
    QCOMPARE(customers.rows.size(), 1);
    QVERIFY(near(customers.rows[0][customers.columnIndex(QStringLiteral("health_score"))].toDouble(), 76.875));
    QCOMPARE(customers.rows[0][customers.columnIndex(QStringLiteral("payment_punctuality"))].toDouble(), 50.0);
    QCOMPARE(ordersTable(db, rep1, kNow, units).rows.size(), 2);
    QCOMPARE(ratingsTable(db, rep1, kNow, units).rows.size(), 2);

    const TeamHealth th = computeTeamHealth(db, m_november, kNow);
    const DataTable radar = radarTable(th, false);
    QCOMPARE(radar.rows.size(), 3);
    QCOMPARE(radarTable(th, true).rows.size(), 2);
    // The export names each rep by its global id; the screen keeps the key (storage/keys.h).
    const QString u1 = storage::uuidForKey(db, QStringLiteral("users"), QStringLiteral("101"));
    QCOMPARE(u1.size(), 36);
    QVERIFY(toCsv(radar).contains(QByteArray("\r\n" + u1.toUtf8() + ",")));
    QVERIFY(!toCsv(radar).contains(QByteArray("\r\n101,")));
    const DataTable cov = coverageTable(th);
    QCOMPARE(cov.rows.size(), 7); // six months + the period
    const DataTable keys = keyActionsTable(*rowOf(th.reps, QStringLiteral("101") /* u1 */), m_november);
    QCOMPARE(keys.rows.size(), 4); // call, meeting, visit, wechat
}

void TestTeamHealth::demoSignal()
{
    const QString path = m_dir.filePath(QStringLiteral("tiny.db"));
    demo::Options o;
    o.scale = demo::Scale::Tiny;
    o.seed = 42;
    o.asOf = QDate(2026, 11, 22);
    const demo::Result res = demo::generate(path, o);
    QVERIFY2(res.ok, qPrintable(res.error));
    ReadConnection c(path);
    QVERIFY(c.isOpen());
    const Scope q{Period::quarter(QDate(2026, 11, 1)), OrgScope::company()};
    const TeamHealth th = computeTeamHealth(c.db(), q, kNow);
    QVERIFY(th.reps.size() >= 10);
    // Reps differ in responsiveness (README signal 1): sorted by median response, the fastest
    // quarter's radar score is clearly above the slowest quarter's.
    QVector<QPair<double, double>> resp; // median minutes, radar score
    QVector<double> compliance;
    for (const HealthRow &r : th.reps) {
        if (r.figures.responseMedianMin)
            resp.append({*r.figures.responseMedianMin, *r.figures.radar[int(RadarAxis::ResponseTime)]});
        if (r.figures.compliancePct)
            compliance.append(*r.figures.compliancePct);
    }
    QVERIFY(resp.size() >= 8);
    std::sort(resp.begin(), resp.end());
    const qsizetype k = resp.size() / 4;
    double fast = 0, slow = 0;
    for (qsizetype i = 0; i < k; ++i) {
        fast += resp[i].second / k;
        slow += resp[resp.size() - 1 - i].second / k;
    }
    QVERIFY2(fast - slow > 20, qPrintable(QStringLiteral("fast %1 slow %2").arg(fast).arg(slow)));
    QVERIFY2(resp.first().first * 3 < resp.last().first, "the fastest rep answers far sooner than the slowest");
    // Compliance differs between reps and is not all-or-nothing.
    std::sort(compliance.begin(), compliance.end());
    QVERIFY(compliance.size() >= 8);
    QVERIFY2(compliance.last() - compliance.first() > 10,
             qPrintable(QStringLiteral("%1..%2").arg(compliance.first()).arg(compliance.last())));
    // Weekly tasks are mostly done (demo diligence), below the ideal.
    QVERIFY(th.total.figures.peiPct && *th.total.figures.peiPct > 40 && *th.total.figures.peiPct < 100);
    QVERIFY(th.total.figures.customerHealth && *th.total.figures.customerHealth > 30);
}

void TestTeamHealth::cachedFactsMatchSql()
{
    // The hand-made company: periods around November (weeks, months, quarters, the year),
    // the company, a team and a rep; now = the fixture's, later that day and the next day (the
    // current month's exits and the customers of another "now" are reused only when nothing
    // they read by time happened in between).
    QVector<Scope> scopes;
    const QVector<Period> periods{m_november.period, Period::quarter(QDate(2026, 11, 1)), Period::quarter(QDate(2026, 8, 1)),
                                  Period::week(QDate(2026, 11, 10)), Period::month(QDate(2026, 10, 1)),
                                  Period::custom(QDate(2026, 1, 1), QDate(2026, 12, 31))};
    for (const Period &p : periods)
        for (const OrgScope &org : {OrgScope::company(), OrgScope{OrgLevel::Team, QStringLiteral("1") /* t1 */},
                                    OrgScope{OrgLevel::Rep, QStringLiteral("101") /* u1 */}})
            scopes.append({p, org});
    checkCachedAgainstSql(m_db->connection(), scopes, {kNow, QStringLiteral("2026-11-21T12:30:00Z"), QStringLiteral("2026-11-22T03:00:00Z"), kNow});
    if (QTest::currentTestFailed())
        return;

    // The Tiny demo company (made by demoSignal, or here): the quarters, months and a week around now,
    // the company, its first region and city.
    const QString path = m_dir.filePath(QStringLiteral("tiny.db"));
    if (!QFile::exists(path)) { // run alone
        demo::Options o;
        o.scale = demo::Scale::Tiny;
        o.seed = 42;
        o.asOf = QDate(2026, 11, 22);
        const demo::Result res = demo::generate(path, o);
        QVERIFY2(res.ok, qPrintable(res.error));
    }
    ReadConnection c(path);
    QVERIFY(c.isOpen());
    const OrgUnits units = loadOrgUnits(c.db());
    const auto regions = units.unitsWithin(OrgScope::company(), GroupBy::Region);
    const auto cities = units.unitsWithin(OrgScope::company(), GroupBy::City);
    QVERIFY(!regions.isEmpty() && !cities.isEmpty());
    scopes.clear();
    for (const Period &p : {Period::quarter(QDate(2026, 11, 1)), Period::quarter(QDate(2026, 8, 1)),
                            Period::month(QDate(2026, 11, 1)), Period::month(QDate(2026, 9, 1)),
                            Period::week(QDate(2026, 11, 16))})
        for (const OrgScope &org : {OrgScope::company(), OrgScope{OrgLevel::Region, regions.first().id},
                                    OrgScope{OrgLevel::City, cities.last().id}})
            scopes.append({p, org});
    checkCachedAgainstSql(c.db(), scopes, {kNow, QStringLiteral("2026-11-21T15:00:00Z"), QStringLiteral("2026-11-22T12:00:00Z")});
    if (QTest::currentTestFailed())
        return;

    // Warm, a scope seen before queries neither the stage exits nor the customers again.
    {
        TeamHealthCache cache;
        const TeamHealthOptions warm{&cache, false, {}};
        computeTeamHealth(m_db->connection(), m_november, kNow, {}, warm);
        QueryTrace trace;
        const TeamHealth again = computeTeamHealth(m_db->connection(), m_november, kNow, {}, warm);
        QVERIFY(again.total.counts.exits > 0 && again.total.counts.customers > 0);
        QVERIFY(!trace.queries().isEmpty());
        for (const TracedQuery &q : trace.queries())
            QVERIFY2(!q.sql.contains(QLatin1String("FROM stage_history h")) && !q.sql.contains(QLatin1String("exit_actions & ?"))
                         && !q.sql.contains(QLatin1String("FROM customers c")),
                     qPrintable(q.sql.left(80)));
    }

    // Without the trend, October after this quarter (whose six months hold it) loads no stage
    // exit, and its customers' last sales actions come from the quarter's months; a stage move
    // and a sales call in October reach its figures at once.
    {
        TeamHealthCache cache;
        const TeamHealthOptions periodOnly{&cache, false, {}, false};
        const Scope october{Period::month(QDate(2026, 10, 1)), OrgScope::company()};
        computeTeamHealth(m_db->connection(), {Period::quarter(QDate(2026, 11, 1)), OrgScope::company()}, kNow, {}, periodOnly);
        QueryTrace trace;
        const TeamHealth before = computeTeamHealth(m_db->connection(), october, kNow, {}, periodOnly);
        QVERIFY(!trace.queries().isEmpty());
        for (const TracedQuery &q : trace.queries())
            QVERIFY2(!q.sql.contains(QLatin1String("stage_history")) && !q.sql.contains(QLatin1String("SELECT customer_id, at FROM activities")),
                     qPrintable(q.sql.left(80)));
        QVERIFY(before.total.counts.exits > 0);
        const HealthRow *u1 = rowOf(before.reps, QStringLiteral("101"));
        QVERIFY(u1 && u1->figures.customerHealth);
        // Lead 6 (u1) moves on from the stage it entered on 11 October.
        QVERIFY(exec(m_db->connection(),
                     QStringLiteral("INSERT INTO stage_history (id, lead_id, from_stage_id, to_stage_id, at, updated_at)"
                                    " SELECT 13, 6, h12.to_stage_id, h6.to_stage_id, cockpit_secs('2026-10-20T00:00:00Z'), h12.updated_at"
                                    " FROM stage_history h12, stage_history h6 WHERE h12.id = 12 AND h6.id = 6")));
        // u1 calls k3 on 25 October: six days before the month's end (recency 100, from 0).
        QVERIFY(exec(m_db->connection(),
                     QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, updated_at)"
                                    " SELECT 301, 9, 3, 101, 'call', 'sales', cockpit_secs('2026-10-25T00:00:00Z'), updated_at"
                                    " FROM activities WHERE id = 207")));
        const TeamHealth after = computeTeamHealth(m_db->connection(), october, kNow, {}, periodOnly);
        TeamHealth sql = computeTeamHealth(m_db->connection(), october, kNow);
        sql.coverage.clear();
        sql.coverageWarning = false;
        QCOMPARE(after.total.counts.exits, before.total.counts.exits + 1);
        const HealthRow *u1After = rowOf(after.reps, QStringLiteral("101"));
        QVERIFY(u1After && u1After->figures.customerHealth && *u1After->figures.customerHealth > *u1->figures.customerHealth);
        QVERIFY2(healthDiff(after, sql).isEmpty(), qPrintable(healthDiff(after, sql)));
    }

    // A data change reaches the cached path at once (a worse survey: the customer facts).
    TeamHealthCache cache;
    const TeamHealthOptions cached{&cache, false, {}};
    const TeamHealth before = computeTeamHealth(m_db->connection(), m_november, kNow, {}, cached);
    QVERIFY(exec(m_db->connection(), QStringLiteral("UPDATE surveys SET nps = 0")));
    const TeamHealth sql = computeTeamHealth(m_db->connection(), m_november, kNow);
    const TeamHealth after = computeTeamHealth(m_db->connection(), m_november, kNow, {}, cached);
    QVERIFY(!healthDiff(before, sql).isEmpty()); // the change shows in the figures
    QVERIFY2(healthDiff(after, sql).isEmpty(), qPrintable(healthDiff(after, sql)));
}

QTEST_GUILESS_MAIN(TestTeamHealth)
#include "tst_teamhealth.moc"
