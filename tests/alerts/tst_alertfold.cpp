// The inbox a person works through (alertfold.h), with hand-made alerts: reasons of one subject
// fold into one row, the priority points and levels as the rule says (each edge), the order
// most-at-stake first, and the "Today" test at its 24 h edge.
#include "alerts/alertfold.h"
#include "alerts/alertrules.h"

#include <QTest>

using namespace cockpit::alerts;

namespace {
constexpr qint64 kDay = 86400;
const qint64 kNow = parseIsoSecs(QStringLiteral("2026-11-22T00:00:00Z"));

AlertRecord alert(const QString &id, const QString &rule, const QString &kind, const QString &subject, qint64 raisedAgo)
{
    AlertRecord a;
    a.id = id;
    a.rule = rule;
    a.subjectKind = kind;
    a.subjectId = subject;
    a.subjectName = kind + subject;
    a.ownerId = QStringLiteral("u1");
    a.raisedAt = isoFromSecs(kNow - raisedAgo);
    return a;
}

AlertRecord leadAlert(const QString &id, const QString &rule, const QString &lead, qint64 raisedAgo, qint64 amountYuan,
                      int probability)
{
    AlertRecord a = alert(id, rule, QStringLiteral("lead"), lead, raisedAgo);
    a.leadId = lead;
    a.leadAmountCents = amountYuan * 100;
    a.leadProbability = probability;
    return a;
}
} // namespace

class TestAlertFold : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void priorityPointsAtTheirEdges_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<qint64>("amountYuan");
        QTest::addColumn<int>("probability");
        QTest::addColumn<int>("escalation");
        QTest::addColumn<qint64>("age");
        QTest::addColumn<int>("reasons");
        QTest::addColumn<int>("points");
        QTest::addColumn<int>("level");
        const QString lead = QStringLiteral("lead");
        // Weighted amount = amount × probability: 40 000 × 50 % = 20 000, the 1-point edge.
        QTest::newRow("weighted 19 999") << lead << qint64(39998) << 50 << 0 << qint64(0) << 1 << 0 << 3;
        QTest::newRow("weighted 20 000") << lead << qint64(40000) << 50 << 0 << qint64(0) << 1 << 1 << 3;
        QTest::newRow("weighted 100 000") << lead << qint64(200000) << 50 << 0 << qint64(0) << 1 << 2 << 3;
        QTest::newRow("weighted 500 000") << lead << qint64(1000000) << 50 << 0 << qint64(0) << 1 << 3 << 2;
        QTest::newRow("no probability") << lead << qint64(9000000) << 0 << 0 << qint64(0) << 1 << 0 << 3;
        QTest::newRow("age 3 d - 1 s") << lead << qint64(0) << 0 << 0 << 3 * kDay - 1 << 1 << 0 << 3;
        QTest::newRow("age 3 d") << lead << qint64(0) << 0 << 0 << 3 * kDay << 1 << 1 << 3;
        QTest::newRow("age 7 d") << lead << qint64(0) << 0 << 0 << 7 * kDay << 1 << 2 << 3;
        QTest::newRow("escalated 1") << lead << qint64(0) << 0 << 1 << qint64(0) << 1 << 1 << 3;
        QTest::newRow("escalated 3 counts 2") << lead << qint64(0) << 0 << 3 << qint64(0) << 1 << 2 << 3;
        QTest::newRow("two reasons") << lead << qint64(0) << 0 << 0 << qint64(0) << 2 << 1 << 3;
        // P2 from 3 points, P1 from 5.
        QTest::newRow("P2 at 3") << lead << qint64(200000) << 50 << 1 << qint64(0) << 1 << 3 << 2;
        QTest::newRow("P2 at 4") << lead << qint64(200000) << 50 << 1 << 3 * kDay << 1 << 4 << 2;
        QTest::newRow("P1 at 5") << lead << qint64(200000) << 50 << 1 << 3 * kDay << 2 << 5 << 1;
        QTest::newRow("P1 at 8") << lead << qint64(1000000) << 50 << 2 << 7 * kDay << 2 << 8 << 1;
        // Subjects without a deal: a rep's compliance flag and a store 2, a customer 1.
        QTest::newRow("rep") << QStringLiteral("user") << qint64(0) << 0 << 0 << qint64(0) << 1 << 2 << 3;
        QTest::newRow("store") << QStringLiteral("store") << qint64(0) << 0 << 0 << qint64(0) << 1 << 2 << 3;
        QTest::newRow("customer") << QStringLiteral("customer") << qint64(0) << 0 << 0 << qint64(0) << 1 << 1 << 3;
    }
    void priorityPointsAtTheirEdges()
    {
        QFETCH(QString, kind);
        QFETCH(qint64, amountYuan);
        QFETCH(int, probability);
        QFETCH(int, escalation);
        QFETCH(qint64, age);
        QFETCH(int, reasons);
        QFETCH(int, points);
        QFETCH(int, level);
        PriorityInput in;
        in.subjectKind = kind;
        in.amountCents = amountYuan * 100;
        in.probability = probability;
        in.escalationLevel = escalation;
        in.ageSecs = age;
        in.rules = reasons == 2 ? QStringList{rule::StageSla, rule::Silence} : QStringList{rule::StageSla};
        const Priority p = priorityOf(in);
        QCOMPARE(p.points, points);
        QCOMPARE(p.level, level);
        QCOMPARE(p.points, p.stakePoints + p.escalationPoints + p.agePoints + p.reasonPoints);
        if (kind == QLatin1String("lead"))
            QCOMPARE(p.weightedCents, amountYuan * 100 * probability / 100);
    }

    void reasonsOfOneSubjectFoldIntoOneRow()
    {
        // The case: Stage SLA and Silence on one lead are one row listing both.
        std::vector<AlertRecord> alerts{
            leadAlert(QStringLiteral("1"), rule::Silence, QStringLiteral("7"), kDay, 100000, 50),
            leadAlert(QStringLiteral("2"), rule::StageSla, QStringLiteral("7"), 4 * kDay, 100000, 50),
            leadAlert(QStringLiteral("3"), rule::StageSla, QStringLiteral("8"), kDay, 100000, 50),
            alert(QStringLiteral("4"), rule::ComplianceStageChurn, QStringLiteral("user"), QStringLiteral("7"), kDay),
        };
        alerts[0].recipients = QStringLiteral("m1");
        alerts[1].state.escalatedTo = QStringLiteral("d1");
        alerts[1].escalatedToName = QStringLiteral("赵总");
        alerts[1].state.escalationLevel = 2;
        const std::vector<InboxRow> rows = foldAlerts(alerts, kNow);
        QCOMPARE(rows.size(), std::size_t(3)); // lead 7, lead 8, and user 7 (a rep is not a lead)
        const InboxRow &r = rows.front();
        QCOMPARE(r.subjectKind, QStringLiteral("lead"));
        QCOMPARE(r.subjectId, QStringLiteral("7"));
        QCOMPARE(r.rules, (QStringList{rule::StageSla, rule::Silence})); // the engine's order
        QCOMPARE(r.alerts, (std::vector<int>{1, 0}));                    // the escalated one first
        QCOMPARE(r.escalationLevel, 2);
        QCOMPARE(r.escalatedToName, QStringLiteral("赵总"));
        QCOMPARE(r.oldestRaisedAt, isoFromSecs(kNow - 4 * kDay));
        QCOMPARE(r.status, AlertStatus::Open);
        QVERIFY(r.addressees.contains(QStringLiteral("u1")) && r.addressees.contains(QStringLiteral("m1"))
                && r.addressees.contains(QStringLiteral("d1")));
        // 50 000 weighted → 1, escalation 2, age 4 d → 1, two reasons → 1.
        QCOMPARE(r.priority.points, 5);
        QCOMPARE(r.priority.level, 1);
        QCOMPARE(countByPriority(rows), (std::array<int, 4>{0, 1, 0, 2}));
    }

    void ageCountsFromWhenTheProblemBegan()
    {
        // Raised just now by a first evaluation, but overrunning its stage for 10 days: 2 points.
        std::vector<AlertRecord> alerts{leadAlert(QStringLiteral("1"), rule::StageSla, QStringLiteral("1"), 0, 0, 0)};
        alerts[0].details = QStringLiteral("{\"entered_at\":\"2026-11-11T22:00:00Z\",\"since\":\"%1\",\"sla_minutes\":120}")
                                .arg(isoFromSecs(kNow - 10 * kDay));
        std::vector<InboxRow> rows = foldAlerts(alerts, kNow);
        QCOMPARE(rows[0].priority.agePoints, 2);
        QCOMPARE(rows[0].oldestSince, isoFromSecs(kNow - 10 * kDay));
        QCOMPARE(rows[0].oldestRaisedAt, isoFromSecs(kNow));
        // A demo alert's plain text: its raising.
        alerts[0].details = QStringLiteral("线索 72 小时无跟进");
        rows = foldAlerts(alerts, kNow);
        QCOMPARE(rows[0].priority.agePoints, 0);
    }

    void acknowledgedAndResolvedReasons()
    {
        std::vector<AlertRecord> alerts{
            leadAlert(QStringLiteral("1"), rule::Silence, QStringLiteral("7"), kDay, 0, 0),
            leadAlert(QStringLiteral("2"), rule::StageSla, QStringLiteral("7"), kDay, 0, 0),
            leadAlert(QStringLiteral("3"), rule::HandoverSla, QStringLiteral("7"), 9 * kDay, 0, 0),
        };
        alerts[0].state.acknowledgedAt = isoFromSecs(kNow - 3600);
        alerts[1].state.acknowledgedAt = isoFromSecs(kNow - 3600);
        alerts[2].state.resolvedAt = isoFromSecs(kNow - 2 * kDay);
        std::vector<InboxRow> rows = foldAlerts(alerts, kNow);
        // One open row (both reasons acknowledged: the row is acknowledged) and the resolved
        // reason in the subject's history row, after every open row.
        QCOMPARE(rows.size(), std::size_t(2));
        QVERIFY(!rows[0].resolved);
        QCOMPARE(rows[0].status, AlertStatus::Acknowledged);
        QCOMPARE(rows[0].rules.size(), 2);
        QVERIFY(rows[1].resolved);
        QCOMPARE(rows[1].status, AlertStatus::Resolved);
        QCOMPARE(rows[1].rules, QStringList{rule::HandoverSla});
        // One reason not acknowledged: the row is open.
        alerts[1].state.acknowledgedAt.clear();
        rows = foldAlerts(alerts, kNow);
        QCOMPARE(rows[0].status, AlertStatus::Open);
    }

    void mostAtStakeFirst()
    {
        // Same points, the larger weighted amount first; then the escalation; then the oldest.
        std::vector<AlertRecord> alerts{
            leadAlert(QStringLiteral("1"), rule::StageSla, QStringLiteral("1"), kDay, 30000, 100),  // 1 pt, 30 000
            leadAlert(QStringLiteral("2"), rule::StageSla, QStringLiteral("2"), kDay, 90000, 100),  // 1 pt, 90 000
            leadAlert(QStringLiteral("3"), rule::StageSla, QStringLiteral("3"), 8 * kDay, 600000, 100), // 3+2: P1
            leadAlert(QStringLiteral("4"), rule::StageSla, QStringLiteral("4"), kDay, 0, 0),        // 0 pts
            leadAlert(QStringLiteral("5"), rule::StageSla, QStringLiteral("5"), 2 * kDay, 0, 0),    // 0 pts, older
            alert(QStringLiteral("6"), rule::StoreRed, QStringLiteral("store"), QStringLiteral("9"), kDay), // 2 pts
        };
        alerts[3].state.escalatedTo = QStringLiteral("m1"); // a demo alert: escalated, no level → level 1
        const std::vector<InboxRow> rows = foldAlerts(alerts, kNow);
        QStringList order;
        for (const InboxRow &r : rows)
            order << r.subjectKind.left(1) + r.subjectId;
        QCOMPARE(order, (QStringList{QStringLiteral("l3"), QStringLiteral("s9"), QStringLiteral("l2"), QStringLiteral("l1"),
                                     QStringLiteral("l4"), QStringLiteral("l5")}));
        QCOMPARE(rows[0].priority.level, 1);
        QCOMPARE(rows[4].escalationLevel, 1);
    }

    void todayIsTheLast24Hours()
    {
        std::vector<AlertRecord> alerts{
            leadAlert(QStringLiteral("1"), rule::StageSla, QStringLiteral("1"), kDay, 0, 0),     // raised exactly 24 h ago
            leadAlert(QStringLiteral("2"), rule::StageSla, QStringLiteral("2"), kDay + 1, 0, 0), // a second earlier
            leadAlert(QStringLiteral("3"), rule::StageSla, QStringLiteral("3"), 5 * kDay, 0, 0), // old, escalated today
            leadAlert(QStringLiteral("4"), rule::StageSla, QStringLiteral("4"), 5 * kDay, 0, 0), // old, escalated before
            leadAlert(QStringLiteral("5"), rule::StageSla, QStringLiteral("5"), 5 * kDay, 0, 0), // old, a new reason today
            leadAlert(QStringLiteral("6"), rule::Silence, QStringLiteral("5"), 3600, 0, 0),
        };
        alerts[2].state.escalatedTo = QStringLiteral("m1");
        alerts[2].state.escalatedAt = isoFromSecs(kNow - 3600);
        alerts[3].state.escalatedTo = QStringLiteral("m1");
        alerts[3].state.escalatedAt = isoFromSecs(kNow - 2 * kDay);
        const std::vector<InboxRow> rows = foldAlerts(alerts, kNow);
        QStringList today;
        for (const InboxRow &r : rows)
            if (isNewOrEscalatedSince(r, alerts, kNow - kTodayWindowSecs))
                today << r.subjectId;
        today.sort();
        QCOMPARE(today, (QStringList{QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("5")}));
    }

    void addressedToMeIsMineAndMyPeoplesP1()
    {
        // d (director) → m (regional manager) → t (team lead) → r1, r2; x reports to nobody.
        const QHash<QString, QString> managerOf{{QStringLiteral("d"), QString()}, {QStringLiteral("m"), QStringLiteral("d")},
                                                {QStringLiteral("t"), QStringLiteral("m")}, {QStringLiteral("r1"), QStringLiteral("t")},
                                                {QStringLiteral("r2"), QStringLiteral("t")}, {QStringLiteral("x"), QString()}};
        QCOMPARE(reportsOf(managerOf, QStringLiteral("d")),
                 (QSet<QString>{QStringLiteral("m"), QStringLiteral("t"), QStringLiteral("r1"), QStringLiteral("r2")}));
        QCOMPARE(reportsOf(managerOf, QStringLiteral("t")), (QSet<QString>{QStringLiteral("r1"), QStringLiteral("r2")}));
        QVERIFY(reportsOf(managerOf, QStringLiteral("r1")).isEmpty());
        QVERIFY(reportsOf(managerOf, QString()).isEmpty());

        std::vector<AlertRecord> alerts{
            leadAlert(QStringLiteral("1"), rule::StageSla, QStringLiteral("1"), 8 * kDay, 1000000, 60), // r1's P1
            leadAlert(QStringLiteral("2"), rule::StageSla, QStringLiteral("2"), kDay, 1000, 10),        // r1's P3
            leadAlert(QStringLiteral("3"), rule::StageSla, QStringLiteral("3"), kDay, 1000, 10),        // P3 escalated to d
            leadAlert(QStringLiteral("4"), rule::StageSla, QStringLiteral("4"), 8 * kDay, 1000000, 60), // x's P1
        };
        alerts[0].ownerId = alerts[1].ownerId = QStringLiteral("r1");
        alerts[2].ownerId = QStringLiteral("r2");
        alerts[2].state.escalatedTo = QStringLiteral("d");
        alerts[3].ownerId = QStringLiteral("x");
        const std::vector<InboxRow> rows = foldAlerts(alerts, kNow);
        auto mine = [&](const QString &me) {
            const QSet<QString> reports = reportsOf(managerOf, me);
            QStringList out;
            for (const InboxRow &r : rows)
                if (addressedTo(r, me, reports))
                    out << r.subjectId;
            out.sort();
            return out;
        };
        // The director: what escalated to them, and the P1 rows of everyone below them.
        QCOMPARE(mine(QStringLiteral("d")), (QStringList{QStringLiteral("1"), QStringLiteral("3")}));
        QCOMPARE(mine(QStringLiteral("t")), QStringList{QStringLiteral("1")});
        QCOMPARE(mine(QStringLiteral("r1")), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
        QCOMPARE(mine(QStringLiteral("x")), QStringList{QStringLiteral("4")});
    }

    void priorityRuleIsWritten()
    {
        QVERIFY(priorityRuleText().contains(QStringLiteral("500 000")));
        QVERIFY(priorityRuleText().contains(QStringLiteral("P1")));
        QCOMPARE(priorityLabel(2), QStringLiteral("P2"));
    }
};

QTEST_GUILESS_MAIN(TestAlertFold)
#include "tst_alertfold.moc"
