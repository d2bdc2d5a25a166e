// KPI baseline tiles (kpi.h) on hand-made fixtures; every expected value is worked out in the
// comments. Then the demo company's documented signal on a Tiny demo.
#include "demo/demogenerator.h"
#include "fixture.h"
#include "analytics/cockpitfacts.h"
#include "analytics/kpi.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::analytics;

namespace {
// Nov 2 .. Nov 11 2026 (company days): S = 2026-11-01T16:00:00Z, E = 2026-11-11T16:00:00Z.
const Period kPeriod = Period::custom(QDate(2026, 11, 2), QDate(2026, 11, 11));
const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-11-20T00:00:00Z"), Qt::ISODate);

KpiRequest request(const Period &period, const OrgScope &org, QDateTime now = kNow)
{
    return {{period, org}, now, KpiSettings{}};
}

bool run(QSqlDatabase db, const QStringList &sql)
{
    for (const QString &s : sql)
        if (!fixture::exec(db, s))
            return false;
    return true;
}
} // namespace

class TestKpi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<storage::Database>();
        QVERIFY(m_db->open(m_dir.filePath(QStringLiteral("k%1.db").arg(m_n++)), storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populate(*m_db));
    }
    void cleanup() { m_db.reset(); }

    void rag_data()
    {
        QTest::addColumn<bool>("hasData");
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("lower");
        QTest::addColumn<int>("rag");
        // follow-up: healthy <= 7.2, industry 11.3
        QTest::newRow("lower: at healthy is green") << true << 7.2 << true << int(Rag::Green);
        QTest::newRow("lower: between is yellow") << true << 9.0 << true << int(Rag::Yellow);
        QTest::newRow("lower: at industry is yellow") << true << 11.3 << true << int(Rag::Yellow);
        QTest::newRow("lower: worse than industry is red") << true << 11.31 << true << int(Rag::Red);
        // actions: healthy >= 8.1, industry 4.7
        QTest::newRow("higher: at healthy is green") << true << 8.1 << false << int(Rag::Green);
        QTest::newRow("higher: at industry is yellow") << true << 4.7 << false << int(Rag::Yellow);
        QTest::newRow("higher: below industry is red") << true << 4.69 << false << int(Rag::Red);
        QTest::newRow("no data is grey") << false << 0.0 << false << int(Rag::Grey);
    }
    void rag()
    {
        QFETCH(bool, hasData);
        QFETCH(double, value);
        QFETCH(bool, lower);
        QFETCH(int, rag);
        const double healthy = lower ? 7.2 : 8.1, industry = lower ? 11.3 : 4.7;
        QCOMPARE(int(kpiRag(hasData, value, lower ? Direction::LowerIsBetter : Direction::HigherIsBetter, healthy, industry)), rag);
    }

    void months_data()
    {
        QTest::addColumn<Period>("period");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QDate>("first");
        QTest::newRow("running quarter: the 3 months before today's") << Period::quarter(QDate(2026, 11, 1)) << QDate(2026, 11, 21) << QDate(2026, 8, 1);
        QTest::newRow("past quarter: its own months") << Period::quarter(QDate(2026, 8, 1)) << QDate(2026, 11, 21) << QDate(2026, 7, 1);
        QTest::newRow("past month: it and the two before") << Period::month(QDate(2026, 5, 9)) << QDate(2026, 11, 21) << QDate(2026, 3, 1);
    }
    void months()
    {
        QFETCH(Period, period);
        QFETCH(QDate, today);
        QFETCH(QDate, first);
        const QVector<QDate> m = forecastMonths(period, today);
        QCOMPARE(m.size(), 3);
        QCOMPARE(m[0], first);
        QCOMPARE(m[2], first.addMonths(2));
    }

    void repDays_data()
    {
        QTest::addColumn<QDate>("hired");
        QTest::addColumn<QDate>("left");
        QTest::addColumn<int>("days");
        // Mon 2 Nov .. Wed 11 Nov 2026: Mon-Fri 2-6 and 9-11 = 8 days.
        QTest::newRow("whole period") << QDate(2020, 1, 1) << QDate() << 8;
        QTest::newRow("hired on Thursday 5th") << QDate(2026, 11, 5) << QDate() << 5;
        QTest::newRow("left on Monday 9th") << QDate(2020, 1, 1) << QDate(2026, 11, 9) << 5;
        QTest::newRow("hired after the period") << QDate(2026, 12, 1) << QDate() << 0;
    }
    void repDays()
    {
        QFETCH(QDate, hired);
        QFETCH(QDate, left);
        QFETCH(int, days);
        QCOMPARE(repWorkingDays(QDate(2026, 11, 2), QDate(2026, 11, 11), hired, left), days);
    }

    void followUp_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("id");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("gaps");
        QTest::addColumn<int>("rag");
        // Each lead's window is [max(S, created), min(E, closed)]; the distinct instants of its
        // sales actions strictly inside cut it (DESIGN.md §5). All three leads were created
        // before S, so every window starts at S: a1 (11-01T00:00) and f6 (10-10) never count.
        // lead-1: cuts 11-03T16, 11-06T16 (f3 at E is out) → 2 + 3 + 5 = 10 days over 3 gaps.
        // lead-2: f4 at S exactly cuts nothing; cut 11-05T00 → 3.3333 + 6.6667 = 10 days over 2.
        // lead-3: closed 11-05T16 → window [S, 11-05T16], cut 11-04T16 → 3 + 1 = 4 days over 2.
        // Company: 24 / 7 = 3.4286 (green); 王芳 (u1): 14 / 5 = 2.8 (green);
        // 李强 (u2): 10 / 2 = 5.0 (green).
        QTest::newRow("company") << int(OrgLevel::Company) << QString() << 24.0 / 7 << 7.0 << int(Rag::Green);
        QTest::newRow("rep u1") << int(OrgLevel::Rep) << QStringLiteral("101") << 2.8 << 5.0 << int(Rag::Green);
        QTest::newRow("rep u2") << int(OrgLevel::Rep) << QStringLiteral("102") << 5.0 << 2.0 << int(Rag::Green);
        QTest::newRow("other region: no data") << int(OrgLevel::Region) << QStringLiteral("9") << 0.0 << 0.0 << int(Rag::Grey);
    }
    void followUp()
    {
        QFETCH(int, level);
        QFETCH(QString, id);
        QFETCH(double, value);
        QFETCH(double, gaps);
        QFETCH(int, rag);
        QSqlDatabase db = m_db->connection();
        const QString t = QStringLiteral("cockpit_secs('2026-11-01T00:00:00Z')");
        // Activities f1..f7 = 11..17.
        QVERIFY(run(db, {
            QStringLiteral("UPDATE leads SET created_at = cockpit_secs('2026-10-01T00:00:00Z'), closed_at = cockpit_secs('2026-11-05T16:00:00Z') WHERE id = 3"),
            QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, duration_seconds, updated_at) VALUES"
                           " (11, 1, 1, 101, 'call', 'sales', cockpit_secs('2026-11-03T16:00:00Z'), 30, %1),"
                           " (12, 1, 1, 101, 'wechat', 'sales', cockpit_secs('2026-11-06T16:00:00Z'), 0, %1),"
                           " (13, 1, 1, 101, 'visit', 'sales', cockpit_secs('2026-11-11T16:00:00Z'), 0, %1),"
                           " (14, 2, 2, 102, 'call', 'sales', cockpit_secs('2026-11-01T16:00:00Z'), 29, %1),"
                           " (15, 2, 2, 102, 'email', 'sales', cockpit_secs('2026-11-05T00:00:00Z'), 0, %1),"
                           " (16, 3, 3, 101, 'meeting', 'sales', cockpit_secs('2026-10-10T00:00:00Z'), 0, %1),"
                           " (17, 3, 3, 101, 'visit', 'sales', cockpit_secs('2026-11-04T16:00:00Z'), 0, %1)").arg(t),
        }));
        const KpiTile tile = followUpTile(db, request(kPeriod, OrgScope{OrgLevel(level), id}));
        QCOMPARE(int(tile.rag), rag);
        QCOMPARE(tile.denominator, gaps);
        // The in-memory facts (cockpitfacts.h) give the same figure.
        const auto facts = CockpitFacts::load(db, KpiSettings{});
        QVERIFY(facts->usable());
        const KpiTile mem = followUpTile(db, request(kPeriod, OrgScope{OrgLevel(level), id}), facts.get());
        QCOMPARE(mem.denominator, tile.denominator);
        QCOMPARE(mem.sample, tile.sample);
        QVERIFY(qAbs(mem.numerator - tile.numerator) < 1e-9);
        if (tile.hasData)
            QVERIFY2(qAbs(tile.value - value) < 1e-4, qPrintable(QString::number(tile.value)));
        // The drill-down has one row per lead and the same totals.
        const DataTable rows = kpiDrillDown(db, request(kPeriod, OrgScope{OrgLevel(level), id}), QStringLiteral("followup"));
        QCOMPARE(rows.rows.size(), tile.sample);
        double g = 0;
        for (const QVariantList &r : rows.rows)
            g += r[6].toDouble();
        QCOMPARE(g, gaps);
    }

    // The follow-up window at the period's edges, one lead (lead-2 of 李强, u2) per row, worked
    // out by hand. October 2026: S = 09-30T16:00Z, E = 10-31T16:00Z (31 days); now 11-22.
    void followUpEdges_data()
    {
        QTest::addColumn<Period>("period");
        QTest::addColumn<QString>("created");
        QTest::addColumn<QString>("closed"); // empty: open
        QTest::addColumn<QStringList>("sales");    // sales actions
        QTest::addColumn<QStringList>("customer"); // customer activities (never cut)
        QTest::addColumn<double>("gapDays");
        QTest::addColumn<int>("gaps");
        const Period oct = Period::month(QDate(2026, 10, 1));
        const QString before = QStringLiteral("2026-09-01T00:00:00Z");
        // Silent since September: the old reading counted from 09-20; time before S never counts.
        QTest::newRow("silent since before the period") << oct << before << QString()
                                                        << QStringList{QStringLiteral("2026-09-20T00:00:00Z")} << QStringList{} << 31.0 << 1;
        // Created on 12 Oct 00:00 Beijing: the window starts there; cut 10-21T16 → 10 + 10 days.
        QTest::newRow("created inside: from creation") << oct << QStringLiteral("2026-10-11T16:00:00Z") << QString()
                                                       << QStringList{QStringLiteral("2026-10-21T16:00:00Z")} << QStringList{} << 20.0 << 2;
        // Closed 10-10T16: the window ends at closing; cut 10-05T16 → 5 + 5 days.
        QTest::newRow("closed inside: up to closing") << oct << before << QStringLiteral("2026-10-10T16:00:00Z")
                                                      << QStringList{QStringLiteral("2026-10-05T16:00:00Z")} << QStringList{} << 10.0 << 2;
        // Closed at S exactly: not open in the period, no window.
        QTest::newRow("closed at the period start") << oct << before << QStringLiteral("2026-09-30T16:00:00Z")
                                                    << QStringList{} << QStringList{} << 0.0 << 0;
        // Created at E exactly: not open in the period.
        QTest::newRow("created at the period end") << oct << QStringLiteral("2026-10-31T16:00:00Z") << QString()
                                                   << QStringList{} << QStringList{} << 0.0 << 0;
        // An action at S and two at the same second cut once: 15 + 16 days.
        QTest::newRow("action at the start, one instant twice") << oct << before << QString()
            << QStringList{QStringLiteral("2026-09-30T16:00:00Z"), QStringLiteral("2026-10-15T16:00:00Z"), QStringLiteral("2026-10-15T16:00:00Z")}
            << QStringList{} << 31.0 << 2;
        // The customer's own messages are not sales actions; nor are actions at E or later.
        QTest::newRow("customer activity and later actions cut nothing") << oct << before << QString()
            << QStringList{QStringLiteral("2026-10-31T16:00:00Z"), QStringLiteral("2026-11-05T00:00:00Z")}
            << QStringList{QStringLiteral("2026-10-15T16:00:00Z")} << 31.0 << 1;
        // A running month is cut at now (11-22T00:00): S = 10-31T16; cut 11-10T16 → 10 + 11.3333 days.
        QTest::newRow("running month: up to now") << Period::month(QDate(2026, 11, 1)) << before << QString()
                                                  << QStringList{QStringLiteral("2026-11-10T16:00:00Z")} << QStringList{} << 21.0 + 1.0 / 3 << 2;
    }
    void followUpEdges()
    {
        QFETCH(Period, period);
        QFETCH(QString, created);
        QFETCH(QString, closed);
        QFETCH(QStringList, sales);
        QFETCH(QStringList, customer);
        QFETCH(double, gapDays);
        QFETCH(int, gaps);
        QSqlDatabase db = m_db->connection();
        QStringList sql{QStringLiteral("UPDATE leads SET created_at = cockpit_secs('%1'), closed_at = %2, status = '%3' WHERE id = 2")
                            .arg(created, closed.isEmpty() ? QStringLiteral("NULL") : QStringLiteral("cockpit_secs('%1')").arg(closed),
                                 closed.isEmpty() ? QStringLiteral("open") : QStringLiteral("lost"))};
        int id = 40;
        for (const QString &at : sales)
            sql << QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, duration_seconds, updated_at)"
                                  " VALUES (%1, 2, 2, 102, 'call', 'sales', cockpit_secs('%2'), 60, cockpit_secs('%2'))").arg(id++).arg(at);
        for (const QString &at : customer)
            sql << QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, duration_seconds, updated_at)"
                                  " VALUES (%1, 2, 2, NULL, 'call', 'customer', cockpit_secs('%2'), 60, cockpit_secs('%2'))").arg(id++).arg(at);
        QVERIFY(run(db, sql));
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-22T00:00:00Z"), Qt::ISODate);
        const KpiRequest req = request(period, OrgScope{OrgLevel::Rep, QStringLiteral("102")}, now);
        const KpiTile tile = followUpTile(db, req);
        QCOMPARE(int(tile.denominator), gaps);
        QVERIFY2(qAbs(tile.numerator - gapDays) < 1e-9, qPrintable(QString::number(tile.numerator)));
        QCOMPARE(tile.hasData, gaps > 0);
        const auto facts = CockpitFacts::load(db, KpiSettings{});
        QVERIFY(facts->usable());
        const KpiTile mem = followUpTile(db, req, facts.get());
        QCOMPARE(mem.denominator, tile.denominator);
        QVERIFY(qAbs(mem.numerator - tile.numerator) < 1e-9);
        // The drill-down counts from the window's start.
        const DataTable rows = kpiDrillDown(db, req, QStringLiteral("followup"));
        QCOMPARE(rows.rows.size(), gaps > 0 ? 1 : 0);
        if (gaps > 0) {
            const qint64 start = std::max(period.startSecs(), QDateTime::fromString(created, Qt::ISODate).toSecsSinceEpoch());
            QCOMPARE(rows.rows[0][rows.columnIndex(QStringLiteral("window_start"))].toString(),
                     times::isoFromSecs(start));
        }
    }

    void effectiveActions()
    {
        QSqlDatabase db = m_db->connection();
        const QString t = QStringLiteral("cockpit_secs('2026-11-01T00:00:00Z')");
        // In [S, E) by u1/u2: call 30 s (yes), wechat answered after exactly 48 h (yes), visit
        // (yes), call 29 s (no), email answered 48 h + 1 s later (no), a visit at E (out), a
        // director's demo (not a rep). 3 effective / (2 reps × 8 working days) = 0.1875 → red.
        // Activities e1 = 21, e2 = 22, e2r = 23, e3 = 24, e4 = 25, e5 = 26, e5r = 27, e6 = 28, e7 = 29.
        QVERIFY(run(db, {
            QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, duration_seconds, reply_to, updated_at) VALUES"
                           " (21, 1, 1, 101, 'call', 'sales', cockpit_secs('2026-11-03T16:00:00Z'), 30, NULL, %1),"
                           " (22, 1, 1, 101, 'wechat', 'sales', cockpit_secs('2026-11-06T16:00:00Z'), 0, NULL, %1),"
                           " (23, 1, 1, NULL, 'wechat', 'customer', cockpit_secs('2026-11-08T16:00:00Z'), 0, 22, %1),"
                           " (24, 2, 2, 102, 'visit', 'sales', cockpit_secs('2026-11-04T16:00:00Z'), 0, NULL, %1),"
                           " (25, 2, 2, 102, 'call', 'sales', cockpit_secs('2026-11-01T16:00:00Z'), 29, NULL, %1),"
                           " (26, 2, 2, 102, 'email', 'sales', cockpit_secs('2026-11-05T00:00:00Z'), 0, NULL, %1),"
                           " (27, 2, 2, NULL, 'email', 'customer', cockpit_secs('2026-11-07T00:00:01Z'), 0, 26, %1),"
                           " (28, 1, 1, 101, 'visit', 'sales', cockpit_secs('2026-11-11T16:00:00Z'), 0, NULL, %1),"
                           " (29, 1, 1, 100, 'demo', 'sales', cockpit_secs('2026-11-04T00:00:00Z'), 0, NULL, %1)").arg(t),
        }));
        KpiTile tile = effectiveActionsTile(db, request(kPeriod, OrgScope::company()));
        QCOMPARE(tile.numerator, 3.0);
        QCOMPARE(tile.denominator, 16.0);
        QCOMPARE(tile.sample, 2);
        QCOMPARE(tile.value, 0.1875);
        QCOMPARE(tile.rag, Rag::Red);
        QCOMPARE(kpiDrillDown(db, request(kPeriod, OrgScope::company()), QStringLiteral("actions")).rows.size(), 3);
        // 李强 alone: only the visit → 1 / 8.
        tile = effectiveActionsTile(db, request(kPeriod, OrgScope{OrgLevel::Rep, QStringLiteral("102")}));
        QCOMPARE(tile.value, 0.125);
        // "Now" on Thursday 5 Nov 10:00 Beijing: completed days Mon 2 .. Wed 4 = 3 per rep; the
        // actions before Thu 00:00 Beijing (e1 11-03T16Z is Wed 4th, e3 11-04T16Z is Thu) → 1 / 6.
        tile = effectiveActionsTile(db, request(kPeriod, OrgScope::company(), QDateTime::fromString(QStringLiteral("2026-11-05T02:00:00Z"), Qt::ISODate)));
        QCOMPARE(tile.denominator, 6.0);
        QCOMPARE(tile.numerator, 1.0);
        // A period that has not started: grey.
        tile = effectiveActionsTile(db, request(Period::month(QDate(2027, 1, 1)), OrgScope::company()));
        QCOMPARE(tile.rag, Rag::Grey);
        // The in-memory facts count the same actions (exactly 48 h in, 48 h + 1 s out, …).
        const auto facts = CockpitFacts::load(db, KpiSettings{});
        QVERIFY(facts->usable());
        QCOMPARE(effectiveActionsTile(db, request(kPeriod, OrgScope::company()), facts.get()).numerator, 3.0);
        QCOMPARE(effectiveActionsTile(db, request(kPeriod, OrgScope{OrgLevel::Rep, QStringLiteral("102")}), facts.get()).value, 0.125);
        QCOMPARE(effectiveActionsTile(db, request(kPeriod, OrgScope::company(), QDateTime::fromString(QStringLiteral("2026-11-05T02:00:00Z"), Qt::ISODate)), facts.get()).numerator, 1.0);
    }

    void newHire()
    {
        QSqlDatabase db = m_db->connection();
        const QString t = QStringLiteral("cockpit_secs('2026-11-01T00:00:00Z')");
        const QString stage = fixture::stageId(db, "lifecycle", "sign");
        // 张伟 hired 2026-10-15: won on day 6 (counts), lost at 23:59 Beijing on day 30 (counts),
        // won at 00:00 Beijing on day 31 (too late) → 1 / 2 = 50 % → green. User u3 = 103;
        // leads n1 = 11, n2 = 12, n3 = 13.
        QVERIFY(run(db, {
            QStringLiteral("INSERT INTO users (id, name, role, region_id, city_id, team_id, hire_date, updated_at) VALUES"
                           " (103, '张伟', 'sales', 1, 1, 1, cockpit_day('2026-10-15'), %1)").arg(t),
            QStringLiteral("INSERT INTO leads (id, customer_id, owner_id, region_id, city_id, team_id, pipeline_id, stage_id,"
                           " stage_entered_at, title, status, created_at, closed_at, updated_at) VALUES"
                           " (11, 1, 103, 1, 1, 1, (SELECT id FROM pipelines WHERE code = 'lifecycle'), '%2', %1, 'n1', 'won', %1, cockpit_secs('2026-10-20T02:00:00Z'), %1),"
                           " (12, 2, 103, 1, 1, 1, (SELECT id FROM pipelines WHERE code = 'lifecycle'), '%2', %1, 'n2', 'lost', %1, cockpit_secs('2026-11-13T15:59:00Z'), %1),"
                           " (13, 3, 103, 1, 1, 1, (SELECT id FROM pipelines WHERE code = 'lifecycle'), '%2', %1, 'n3', 'won', %1, cockpit_secs('2026-11-13T16:00:00Z'), %1)").arg(t, stage),
        }));
        const Period quarter = Period::quarter(QDate(2026, 11, 1));
        KpiTile tile = newHireTile(db, request(quarter, OrgScope::company()));
        QCOMPARE(tile.numerator, 1.0);
        QCOMPARE(tile.denominator, 2.0);
        QCOMPARE(tile.value, 50.0);
        QCOMPARE(tile.rag, Rag::Green);
        QCOMPARE(kpiDrillDown(db, request(quarter, OrgScope::company()), QStringLiteral("newhire")).rows.size(), 2);
        // A year later 张伟 is no longer new: no deals → grey.
        tile = newHireTile(db, request(Period::quarter(QDate(2027, 11, 1)), OrgScope::company(), QDateTime::fromString(QStringLiteral("2027-12-01T00:00:00Z"), Qt::ISODate)));
        QCOMPARE(tile.rag, Rag::Grey);
    }

    // New hires at the edges of October 2026 (now 11-22): the deals are cut at the period's
    // end, the 12 months are counted back from it. Users 张伟 = 103 (hired 2026-10-15), 刘洋 =
    // 104 (hired 2025-11-01, just inside 12 months of 10-31), 陈晨 = 105 (hired 2025-10-31, just
    // outside). Leads 11..15.
    // - 11 张伟 won 10-20 (counts), 12 张伟 lost 10-31T15:59:59Z = 23:59:59 Beijing (counts),
    //   13 张伟 won 10-31T16:00Z = 1 Nov Beijing (after the period: not October's),
    //   14 刘洋 lost 2025-11-10 (counts), 15 陈晨 won 2025-11-05 (not a new hire for October).
    // October: 1 won / 3 = 33.3 % (yellow); reading 13 as the app did would give 2 / 4 = 50 %
    // (green). November as of 11-22 (12 months back to 2025-11-22: 刘洋 is out): 11, 12, 13
    // → 2 / 3 = 66.7 %.
    void newHireEdges()
    {
        QSqlDatabase db = m_db->connection();
        const QString t = QStringLiteral("cockpit_secs('2026-11-01T00:00:00Z')");
        const QString stage = fixture::stageId(db, "lifecycle", "sign");
        auto lead = [&](int id, int owner, const char *status, const char *closed) {
            return QStringLiteral("(%1, 1, %2, 1, 1, 1, (SELECT id FROM pipelines WHERE code = 'lifecycle'), '%3', %4, 'n%1', '%5',"
                                  " cockpit_secs('2025-10-01T00:00:00Z'), cockpit_secs('%6'), %4)")
                .arg(id).arg(owner).arg(stage, t, QLatin1String(status), QLatin1String(closed));
        };
        QVERIFY(run(db, {
            QStringLiteral("INSERT INTO users (id, name, role, region_id, city_id, team_id, hire_date, updated_at) VALUES"
                           " (103, '张伟', 'sales', 1, 1, 1, cockpit_day('2026-10-15'), %1),"
                           " (104, '刘洋', 'sales', 1, 1, 1, cockpit_day('2025-11-01'), %1),"
                           " (105, '陈晨', 'sales', 1, 1, 1, cockpit_day('2025-10-31'), %1)").arg(t),
            QStringLiteral("INSERT INTO leads (id, customer_id, owner_id, region_id, city_id, team_id, pipeline_id, stage_id,"
                           " stage_entered_at, title, status, created_at, closed_at, updated_at) VALUES ")
                + QStringList{lead(11, 103, "won", "2026-10-20T02:00:00Z"), lead(12, 103, "lost", "2026-10-31T15:59:59Z"),
                              lead(13, 103, "won", "2026-10-31T16:00:00Z"), lead(14, 104, "lost", "2025-11-10T02:00:00Z"),
                              lead(15, 105, "won", "2025-11-05T02:00:00Z")}.join(QStringLiteral(", ")),
        }));
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-22T00:00:00Z"), Qt::ISODate);
        KpiTile tile = newHireTile(db, request(Period::month(QDate(2026, 10, 1)), OrgScope::company(), now));
        QCOMPARE(tile.numerator, 1.0);
        QCOMPARE(tile.denominator, 3.0);
        QCOMPARE(tile.rag, Rag::Yellow);
        QStringList ids;
        for (const QVariantList &r : kpiDrillDown(db, request(Period::month(QDate(2026, 10, 1)), OrgScope::company(), now),
                                                  QStringLiteral("newhire")).rows)
            ids << r[0].toString();
        ids.sort();
        QCOMPARE(ids, (QStringList{QStringLiteral("11"), QStringLiteral("12"), QStringLiteral("14")}));
        // The same October a month later: nothing moves.
        const QDateTime later = QDateTime::fromString(QStringLiteral("2026-12-20T00:00:00Z"), Qt::ISODate);
        QCOMPARE(newHireTile(db, request(Period::month(QDate(2026, 10, 1)), OrgScope::company(), later)).denominator, 3.0);
        tile = newHireTile(db, request(Period::month(QDate(2026, 11, 1)), OrgScope::company(), now));
        QCOMPARE(tile.numerator, 2.0);
        QCOMPARE(tile.denominator, 3.0);
    }

    // Forecast accuracy with the snapshot as it stood at the month's start, both when a revision
    // overwrote the snapshot's value (older data, the demo before issue 13) and when the
    // snapshot stayed immutable. Company snapshots s1..s4 = 1..4 taken at 00:00 Beijing on the
    // 1st; revisions 1..3; payments 1..7 (order 1).
    // - Jul: s4 30 000; paid −5 000 (a refund) → actual floored at 0 → no accuracy.
    // - Aug: s1 first 100 000, revised 08-20 to 150 000 and 09-02 to 170 000; paid 80 000
    //   → 1 − 20 000 / 80 000 = 75 %.
    // - Sep: s2 50 000; paid 100 000 − 20 000 = 80 000 → 1 − 30 000 / 80 000 = 62.5 %.
    // - Oct: s3 40 000, revised on 11-05 (after October) to 90 000; paid 50 000 − 10 000 =
    //   40 000 → 100 %.
    // October (Aug–Oct): (75 + 62.5 + 100) / 3 = 79.1667 % (green); September (Jul–Sep):
    // (75 + 62.5) / 2 = 68.75 % (yellow), July listed with 0 collections, not counted.
    void forecastAsFirstTaken_data()
    {
        QTest::addColumn<bool>("inPlace");
        QTest::newRow("revisions overwrote the snapshot") << true;
        QTest::newRow("immutable snapshots") << false;
    }
    void forecastAsFirstTaken()
    {
        QFETCH(bool, inPlace);
        QSqlDatabase db = m_db->connection();
        const QString t = QStringLiteral("cockpit_secs('2026-11-01T00:00:00Z')");
        QVERIFY(run(db, {
            QStringLiteral("INSERT INTO forecast_snapshots (id, period_kind, period_start, org_level, org_id, taken_at, value_cents, low_cents, high_cents, confidence, updated_at) VALUES"
                           " (1, 'month', cockpit_day('2026-08-01'), 'company', NULL, cockpit_secs('2026-07-31T16:00:00Z'), %2, 0, 0, 70, %1),"
                           " (2, 'month', cockpit_day('2026-09-01'), 'company', NULL, cockpit_secs('2026-08-31T16:00:00Z'), 50000, 0, 0, 70, %1),"
                           " (3, 'month', cockpit_day('2026-10-01'), 'company', NULL, cockpit_secs('2026-09-30T16:00:00Z'), %3, 0, 0, 70, %1),"
                           " (4, 'month', cockpit_day('2026-07-01'), 'company', NULL, cockpit_secs('2026-06-30T16:00:00Z'), 30000, 0, 0, 70, %1)")
                .arg(t).arg(inPlace ? 170000 : 100000).arg(inPlace ? 90000 : 40000),
            QStringLiteral("INSERT INTO forecast_revisions (id, snapshot_id, old_value_cents, new_value_cents, reason_code, by_user_id, at, updated_at) VALUES"
                           " (1, 1, 150000, 170000, 'late_approval', 100, cockpit_secs('2026-09-02T00:00:00Z'), %1),"
                           " (2, 1, 100000, 150000, 'new_competitor', 100, cockpit_secs('2026-08-20T00:00:00Z'), %1),"
                           " (3, 3, 40000, 90000, 'late_approval', 100, cockpit_secs('2026-11-05T00:00:00Z'), %1)").arg(t),
            QStringLiteral("INSERT INTO orders (id, customer_id, rep_id, ordered_on, amount_cents, margin_cents, product_line, updated_at) VALUES"
                           " (1, 1, 101, cockpit_day('2026-06-01'), 500000, 0, 'mes', %1)").arg(t),
            QStringLiteral("INSERT INTO payments (id, order_id, customer_id, rep_id, amount_cents, due_on, paid_on, updated_at) VALUES"
                           " (1, 1, 1, 101, -5000, cockpit_day('2026-07-10'), cockpit_day('2026-07-10'), %1),"
                           " (2, 1, 1, 101, 80000, cockpit_day('2026-08-10'), cockpit_day('2026-08-10'), %1),"
                           " (3, 1, 1, 101, 100000, cockpit_day('2026-09-10'), cockpit_day('2026-09-10'), %1),"
                           " (4, 1, 1, 101, -20000, cockpit_day('2026-09-20'), cockpit_day('2026-09-20'), %1),"
                           " (5, 1, 1, 101, 50000, cockpit_day('2026-10-10'), cockpit_day('2026-10-10'), %1),"
                           " (6, 1, 1, 101, -10000, cockpit_day('2026-10-31'), cockpit_day('2026-10-31'), %1),"
                           " (7, 1, 1, 101, 70000, cockpit_day('2026-11-01'), cockpit_day('2026-11-01'), %1)").arg(t),
        }));
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-11-22T00:00:00Z"), Qt::ISODate);
        KpiRequest req = request(Period::month(QDate(2026, 10, 1)), OrgScope::company(), now);
        KpiTile tile = forecastTile(db, req);
        QCOMPARE(tile.denominator, 3.0);
        QVERIFY2(qAbs(tile.value - (75.0 + 62.5 + 100.0) / 3) < 1e-9, qPrintable(QString::number(tile.value)));
        QCOMPARE(tile.rag, Rag::Green);
        const DataTable oct = kpiDrillDown(db, req, QStringLiteral("forecast"));
        QCOMPARE(oct.rows.size(), 3);
        QCOMPARE(oct.rows[0][1].toLongLong(), 100000); // August as first taken
        QCOMPARE(oct.rows[2][1].toLongLong(), 40000);  // October before its November revision
        QCOMPARE(oct.rows[2][2].toLongLong(), 40000);
        req = request(Period::month(QDate(2026, 9, 1)), OrgScope::company(), now);
        tile = forecastTile(db, req);
        QCOMPARE(tile.denominator, 2.0);
        QCOMPARE(tile.value, 68.75);
        QCOMPARE(tile.rag, Rag::Yellow);
        const DataTable sep = kpiDrillDown(db, req, QStringLiteral("forecast"));
        QCOMPARE(sep.rows[0][0].toString(), QStringLiteral("2026-07"));
        QCOMPARE(sep.rows[0][2].toLongLong(), 0); // −5 000 floored at 0
        QCOMPARE(sep.rows[0][4].toString(), QStringLiteral("no"));
    }

    void forecast_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("id");
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("months");
        // Q4 2026 as of 2026-11-20 → Aug, Sep, Oct.
        // Company: Aug forecast 100 000 (the one taken on 1 Aug; the mid-month one is ignored)
        // vs 80 000 paid → 75 %; Sep only a snapshot taken on the 5th (the earliest) 50 000 vs
        // 100 000 → 50 %; Oct no collections → not counted. Mean 62.5 % (yellow).
        QTest::newRow("company") << int(OrgLevel::Company) << QString() << 62.5 << 2;
        // Team t1 = its reps' snapshots: Aug 80 000 + 20 000 vs 80 000 → 75 %; Sep none.
        QTest::newRow("team") << int(OrgLevel::Team) << QStringLiteral("1") << 75.0 << 1;
        QTest::newRow("rep u1") << int(OrgLevel::Rep) << QStringLiteral("101") << 100.0 << 1;
        QTest::newRow("region without snapshots") << int(OrgLevel::Region) << QStringLiteral("1") << 0.0 << 0;
    }
    void forecast()
    {
        QFETCH(int, level);
        QFETCH(QString, id);
        QFETCH(double, value);
        QFETCH(int, months);
        QSqlDatabase db = m_db->connection();
        const QString t = QStringLiteral("cockpit_secs('2026-11-01T00:00:00Z')");
        // Snapshots s1..s6 = 1..6; order o1 = 1; payments p1 = 1, p2 = 2.
        QVERIFY(run(db, {
            QStringLiteral("INSERT INTO forecast_snapshots (id, period_kind, period_start, org_level, org_id, taken_at, value_cents, low_cents, high_cents, confidence, updated_at) VALUES"
                           " (1, 'month', cockpit_day('2026-08-01'), 'company', NULL, cockpit_secs('2026-07-31T16:00:00Z'), 100000, 0, 0, 70, %1),"
                           " (2, 'month', cockpit_day('2026-08-01'), 'company', NULL, cockpit_secs('2026-08-15T00:00:00Z'), 999, 0, 0, 70, %1),"
                           " (3, 'month', cockpit_day('2026-09-01'), 'company', NULL, cockpit_secs('2026-09-05T00:00:00Z'), 50000, 0, 0, 70, %1),"
                           " (4, 'month', cockpit_day('2026-10-01'), 'company', NULL, cockpit_secs('2026-10-01T01:00:00Z'), 80000, 0, 0, 70, %1),"
                           " (5, 'month', cockpit_day('2026-08-01'), 'rep', 101, cockpit_secs('2026-07-31T16:00:00Z'), 80000, 0, 0, 70, %1),"
                           " (6, 'month', cockpit_day('2026-08-01'), 'rep', 102, cockpit_secs('2026-07-31T16:00:00Z'), 20000, 0, 0, 70, %1)").arg(t),
            QStringLiteral("INSERT INTO orders (id, customer_id, rep_id, ordered_on, amount_cents, margin_cents, product_line, updated_at) VALUES"
                           " (1, 1, 101, cockpit_day('2026-07-01'), 180000, 0, 'mes', %1)").arg(t),
            QStringLiteral("INSERT INTO payments (id, order_id, customer_id, rep_id, amount_cents, due_on, paid_on, updated_at) VALUES"
                           " (1, 1, 1, 101, 80000, cockpit_day('2026-08-10'), cockpit_day('2026-08-10'), %1),"
                           " (2, 1, 1, 101, 100000, cockpit_day('2026-09-30'), cockpit_day('2026-09-30'), %1)").arg(t),
        }));
        const KpiRequest req = request(Period::quarter(QDate(2026, 11, 1)), OrgScope{OrgLevel(level), id});
        const KpiTile tile = forecastTile(db, req);
        QCOMPARE(int(tile.denominator), months);
        QCOMPARE(tile.hasData, months > 0);
        if (months)
            QVERIFY2(qAbs(tile.value - value) < 1e-9, qPrintable(QString::number(tile.value)));
        QCOMPARE(kpiDrillDown(db, req, QStringLiteral("forecast")).rows.size(), 3);
    }

    void store()
    {
        QSqlDatabase db = m_db->connection();
        const QString t = QStringLiteral("cockpit_secs('2026-11-01T00:00:00Z')");
        // s1 11-02: 30 / 2 = 15; s1 11-03 has no staff (left out); s2 11-02: 40 / 4 = 10;
        // s2 11-12 is after the period. Mean (15 + 10) / 2 = 12.5 → yellow. Stores s1 = 1,
        // s2 = 2; store days d1..d4 = 1..4.
        QVERIFY(run(db, {
            QStringLiteral("INSERT INTO stores (id, name, region_id, city_id, opened_on, updated_at) VALUES"
                           " (1, '徐家汇店', 1, 1, cockpit_day('2020-01-01'), %1), (2, '静安店', 1, 1, cockpit_day('2020-01-01'), %1)").arg(t),
            QStringLiteral("INSERT INTO store_days (id, store_id, day, staff, receptions, exposure_bp, dwell_seconds, experiences, deals_72h, updated_at) VALUES"
                           " (1, 1, cockpit_day('2026-11-02'), 2, 30, 9000, 200, 1, 0, %1), (2, 1, cockpit_day('2026-11-03'), 0, 5, 9000, 200, 1, 0, %1),"
                           " (3, 2, cockpit_day('2026-11-02'), 4, 40, 9000, 200, 1, 0, %1), (4, 2, cockpit_day('2026-11-12'), 1, 99, 9000, 200, 1, 0, %1)").arg(t),
        }));
        KpiTile tile = storeTile(db, request(kPeriod, OrgScope::company()));
        QCOMPARE(tile.denominator, 2.0);
        QCOMPARE(tile.value, 12.5);
        QCOMPARE(tile.rag, Rag::Yellow);
        QCOMPARE(kpiDrillDown(db, request(kPeriod, OrgScope::company()), QStringLiteral("store")).rows.size(), 2);
        tile = storeTile(db, request(kPeriod, OrgScope{OrgLevel::City, QStringLiteral("1")}));
        QCOMPARE(tile.value, 12.5);
        tile = storeTile(db, request(kPeriod, OrgScope{OrgLevel::Team, QStringLiteral("1")}));
        QCOMPARE(tile.rag, Rag::Grey);
    }

    void settingsOverride()
    {
        QSqlDatabase db = m_db->connection();
        QVERIFY(fixture::exec(db, QStringLiteral("INSERT INTO settings (key, value) VALUES ('kpi.store.healthy', '12.0'), ('kpi.followup.industry', 'x')")));
        const KpiSettings s = KpiSettings::load(db);
        QCOMPARE(s.store.healthy, 12.0);
        QCOMPARE(s.followUp.industry, 11.3); // not a number → default
    }

    // The demo's signal (models/demo/demogenerator.cpp): every tile has data for the current
    // quarter; past months' forecasts are 50–80 % accurate; healthy stores mostly meet the
    // 12-groups target, so store efficiency is near it.
    void demoSignal()
    {
        const QString path = m_dir.filePath(QStringLiteral("tiny.db"));
        demo::Options o;
        o.scale = demo::Scale::Tiny;
        o.asOf = QDate(2026, 11, 22);
        QVERIFY(demo::generate(path, o).ok);
        storage::Database demoDb;
        QVERIFY(demoDb.open(path, storage::Database::Mode::OpenExisting).ok());
        const KpiRequest req{{Period::quarter(QDate(2026, 11, 1)), OrgScope::company()},
                             QDateTime::fromString(QStringLiteral("2026-11-21T10:00:00Z"), Qt::ISODate),
                             KpiSettings::load(demoDb.connection())};
        const QVector<KpiTile> tiles = computeKpis(demoDb.connection(), req);
        QCOMPARE(tiles.size(), 5);
        for (const KpiTile &t : tiles) {
            qInfo() << t.key << t.value << t.numerator << t.denominator << ragKey(t.rag);
            QVERIFY2(t.hasData, qPrintable(t.key + QStringLiteral(": ") + t.note));
        }
        QVERIFY(tiles[3].value >= 40 && tiles[3].value <= 85);
        QVERIFY(tiles[4].value >= 9.4 && tiles[4].value <= 16);
        QVERIFY(tiles[1].value > 0);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestKpi)
#include "tst_kpi.moc"
