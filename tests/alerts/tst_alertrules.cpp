// The alert rules as pure decisions: thresholds hit exactly, addressing, escalation and the
// reconciliation with stored alerts — no database.
#include "alerts/alertrules.h"

#include <QJsonArray>
#include <QTest>

using namespace cockpit::alerts;

namespace {
constexpr qint64 H = 3600, D = 86400;
const qint64 T0 = parseIsoSecs(QStringLiteral("2026-11-02T02:00:00Z")); // 10:00 Beijing

// director u0 ← regional manager u1 ← team lead u2 ← reps u3, u4, u5 (u5 left)
UserMap org()
{
    UserMap m;
    auto add = [&](const char *id, const char *name, const char *mgr, qint64 left = -1) {
        m.insert(QLatin1String(id), UserInfo{QLatin1String(id), QString::fromUtf8(name), QLatin1String(mgr), {}, left});
    };
    add("u0", "赵总", "");
    add("u1", "钱经理", "u0");
    add("u2", "孙组长", "u1");
    add("u3", "王芳", "u2");
    add("u4", "李强", "u2");
    add("u5", "周离", "u2", T0 - 10 * D);
    return m;
}

LeadFacts lead()
{
    LeadFacts f;
    f.id = QStringLiteral("L1");
    f.customerId = QStringLiteral("K1");
    f.ownerId = QStringLiteral("u3");
    f.title = QStringLiteral("博世 质检系统");
    f.stageId = QStringLiteral("S1");
    f.stageName = QStringLiteral("15分钟初筛");
    f.createdAt = T0 - 1 * H;
    f.stageEnteredAt = T0;
    f.slaMinutes = 120;
    f.lastActivityAt = T0;
    return f;
}

int countRule(const std::vector<Candidate> &cs, const QString &rule)
{
    return int(std::count_if(cs.begin(), cs.end(), [&](const Candidate &c) { return c.rule == rule; }));
}

ExistingAlert stored(const Candidate &c, qint64 raisedAt, const QString &id = QStringLiteral("A1"))
{
    ExistingAlert a;
    a.id = id;
    a.rule = c.rule;
    a.subjectKind = c.subjectKind;
    a.subjectId = c.subjectId;
    a.leadId = c.leadId;
    a.dedupeKey = c.dedupeKey;
    a.ownerId = c.ownerId;
    a.recipients = c.recipients.join(u'|');
    a.raisedAt = raisedAt;
    return a;
}
} // namespace

class TestAlertRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void isoParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("secs");
        QTest::newRow("epoch") << QStringLiteral("1970-01-01T00:00:00Z") << qint64(0);
        QTest::newRow("demo") << QStringLiteral("2026-11-22T05:34:36Z") << qint64(1795325676);
        QTest::newRow("leap day") << QStringLiteral("2024-02-29T12:00:00Z") << qint64(1709208000);
        QTest::newRow("new year eve") << QStringLiteral("2025-12-31T23:59:59Z") << qint64(1767225599);
        QTest::newRow("2100 is no leap year") << QStringLiteral("2100-03-01T00:00:00Z") << qint64(4107542400);
        QTest::newRow("date only") << QStringLiteral("2026-10-29") << qint64(1793232000);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("garbage") << QStringLiteral("yesterday") << qint64(-1);
    }
    void isoParsing()
    {
        QFETCH(QString, text);
        QFETCH(qint64, secs);
        QCOMPARE(parseIsoSecs(text), secs);
        if (secs > 0 && text.size() == 20)
            QCOMPARE(isoFromSecs(secs), text);
    }

    void stageSlaAtThresholdNotBefore()
    {
        const UserMap users = org();
        const Thresholds t;
        LeadFacts f = lead();
        f.lastActivityAt = T0 + 2 * H; // not silent
        QCOMPARE(countRule(leadCandidates(f, T0 + 2 * H - 1, t, users), rule::StageSla), 0);
        const auto cs = leadCandidates(f, T0 + 2 * H, t, users);
        QCOMPARE(countRule(cs, rule::StageSla), 1);
        const Candidate &c = cs.front();
        QCOMPARE(c.ownerId, QStringLiteral("u3"));
        QCOMPARE(c.recipients, QStringList{QStringLiteral("u2")}); // the direct manager
        QCOMPARE(c.since, T0 + 2 * H);
        QVERIFY(c.dedupeKey.contains(QStringLiteral("L1")));
        QVERIFY(c.dedupeKey.contains(QStringLiteral("2026-11-02T02:00:00Z")));
        // A stage with no SLA never raises.
        f.slaMinutes = 0;
        QCOMPARE(countRule(leadCandidates(f, T0 + 100 * D, t, users), rule::StageSla), 0);
    }

    void silenceAtThreshold()
    {
        const UserMap users = org();
        Thresholds t;
        LeadFacts f = lead();
        f.slaMinutes = 0;
        QCOMPARE(countRule(leadCandidates(f, T0 + 72 * H - 1, t, users), rule::Silence), 0);
        QCOMPARE(countRule(leadCandidates(f, T0 + 72 * H, t, users), rule::Silence), 1);
        t.silenceHours = 24; // from the settings
        QCOMPARE(countRule(leadCandidates(f, T0 + 24 * H, t, users), rule::Silence), 1);
        // No activity at all: silent since assignment.
        f.lastActivityAt = -1;
        f.assignedAt = T0 - 10 * H;
        QCOMPARE(countRule(leadCandidates(f, T0 + 14 * H, t, users), rule::Silence), 1);
    }

    void handoverAtThreshold()
    {
        const UserMap users = org();
        const Thresholds t;
        LeadFacts f = lead();
        f.slaMinutes = 0;
        f.handoverMinutes = 48 * 60;
        f.assignedAt = T0;
        f.lastActivityAt = T0 + 47 * H; // a customer reply, not a sales follow-up
        QCOMPARE(countRule(leadCandidates(f, T0 + 48 * H - 1, t, users), rule::HandoverSla), 0);
        QCOMPARE(countRule(leadCandidates(f, T0 + 48 * H, t, users), rule::HandoverSla), 1);
        f.firstSalesAfterAssign = T0 + 50 * H;
        QCOMPARE(countRule(leadCandidates(f, T0 + 51 * H, t, users), rule::HandoverSla), 0);
    }

    void ownerLeftGoesToManager()
    {
        const UserMap users = org();
        LeadFacts f = lead();
        f.ownerId = QStringLiteral("u5");
        const auto cs = leadCandidates(f, T0 + 3 * H, Thresholds{}, users);
        QCOMPARE(countRule(cs, rule::StageSla), 1);
        QCOMPARE(cs.front().ownerId, QStringLiteral("u2"));
        QCOMPARE(cs.front().recipients, QStringList{QStringLiteral("u1")});
        const QJsonObject left = cs.front().details.value(QStringLiteral("owner_left")).toObject();
        QCOMPARE(left.value(QStringLiteral("id")).toString(), QStringLiteral("u5"));
        QCOMPARE(left.value(QStringLiteral("left_at")).toString(), isoFromSecs(T0 - 10 * D));
        // Before the leaving day the owner is still addressed.
        QCOMPARE(leadCandidates(f, T0 - 11 * D + 3 * H, Thresholds{}, users).size(), std::size_t(0));
        f.stageEnteredAt = T0 - 12 * D;
        f.lastActivityAt = T0 - 12 * D;
        const auto early = leadCandidates(f, T0 - 11 * D, Thresholds{}, users);
        QVERIFY(!early.empty());
        QCOMPARE(early.front().ownerId, QStringLiteral("u5"));
    }

    void clockBehindFacts()
    {
        // Facts stamped after now (the clock went back): no candidate, no negative ages.
        LeadFacts f = lead();
        f.stageEnteredAt = T0 + 10 * H;
        f.lastActivityAt = T0 + 10 * H;
        QVERIFY(leadCandidates(f, T0, Thresholds{}, org()).empty());
    }

    void churn()
    {
        const UserMap users = org();
        const Thresholds t;
        std::vector<StageMove> moves;
        for (int i = 0; i < 4; ++i)
            moves.push_back({QStringLiteral("L1"), QStringLiteral("u3"), T0 + i * 15 * 60});
        QVERIFY(churnCandidates(moves, T0 + H, t, users).empty());
        moves.push_back({QStringLiteral("L1"), QStringLiteral("u3"), T0 + 4 * 15 * 60});
        const auto cs = churnCandidates(moves, T0 + H, t, users);
        QCOMPARE(cs.size(), std::size_t(1));
        QCOMPARE(cs.front().subjectKind, QStringLiteral("user"));
        QCOMPARE(cs.front().subjectId, QStringLiteral("u3"));
        QCOMPARE(cs.front().ownerId, QStringLiteral("u2")); // the rep's manager
        QCOMPARE(cs.front().leadId, QStringLiteral("L1"));
        QCOMPARE(cs.front().details.value(QStringLiteral("day")).toString(), QStringLiteral("2026-11-02"));
        // Before the fifth move happened the flag does not exist.
        QVERIFY(churnCandidates(moves, T0 + 4 * 15 * 60 - 1, t, users).empty());
        // Outside the look-back window: old history does not flood the inbox.
        QVERIFY(churnCandidates(moves, T0 + 31 * D, t, users).empty());
        // Five moves split by the company's midnight (16:00 UTC) are two days.
        std::vector<StageMove> split;
        const qint64 midnight = parseIsoSecs(QStringLiteral("2026-11-02T16:00:00Z"));
        for (int i = 0; i < 5; ++i)
            split.push_back({QStringLiteral("L1"), QStringLiteral("u3"), midnight + (i - 2) * 600});
        QVERIFY(churnCandidates(split, midnight + H, t, users).empty());
    }

    void quotes()
    {
        const UserMap users = org();
        const Thresholds t;
        auto quote = [](qint64 at) {
            return Touch{QStringLiteral("K1"), QStringLiteral("u4"), QStringLiteral("L1"), at, true};
        };
        std::vector<Touch> spread{quote(T0), quote(T0 + 40 * H), quote(T0 + 72 * H + 1)};
        QVERIFY(quoteCandidates(spread, T0 + 80 * H, t, users).empty());
        std::vector<Touch> close{quote(T0), quote(T0 + 20 * H), quote(T0 + 72 * H)};
        const auto cs = quoteCandidates(close, T0 + 80 * H, t, users);
        QCOMPARE(cs.size(), std::size_t(1));
        QCOMPARE(cs.front().subjectId, QStringLiteral("u4"));
        QCOMPARE(cs.front().ownerId, QStringLiteral("u2"));
        QCOMPARE(cs.front().details.value(QStringLiteral("quotes")).toInt(), 3);
        QVERIFY(cs.front().dedupeKey.startsWith(QStringLiteral("compliance_quotes|K1|u4|")));
    }

    void duplicateTouch()
    {
        const UserMap users = org();
        const Thresholds t;
        const QHash<QString, QString> owners{{QStringLiteral("K1"), QStringLiteral("u3")}};
        auto touch = [](const char *rep, qint64 at) {
            return Touch{QStringLiteral("K1"), QLatin1String(rep), QString(), at, false};
        };
        std::vector<Touch> two{touch("u3", T0), touch("u4", T0 + H), touch("u4", T0 + 2 * H)};
        QVERIFY(duplicateCandidates(two, owners, T0 + D, t, users).empty());
        std::vector<Touch> three = two;
        three.push_back(touch("u1", T0 + 3 * H));
        auto cs = duplicateCandidates(three, owners, T0 + 3 * H, t, users);
        QCOMPARE(cs.size(), std::size_t(1));
        QCOMPARE(cs.front().subjectKind, QStringLiteral("customer"));
        QCOMPARE(cs.front().ownerId, QStringLiteral("u2")); // the customer owner's manager
        QCOMPARE(cs.front().recipients, QStringList{QStringLiteral("u3")});
        QCOMPARE(cs.front().details.value(QStringLiteral("reps")).toArray().size(), 3);
        // The first touch falls out of the 30-day window.
        QVERIFY(duplicateCandidates(three, owners, T0 + 30 * D + 1, t, users).empty());
    }

    void escalationUpTheChain()
    {
        const UserMap users = org();
        const Thresholds t; // 24 h
        LeadFacts f = lead();
        const Candidate c = leadCandidates(f, T0 + 2 * H, t, users).front();
        ExistingAlert a = stored(c, T0 + 2 * H);
        QVERIFY(!escalationDue(a, T0 + 26 * H - 1, t, users));
        auto e = escalationDue(a, T0 + 26 * H, t, users);
        QVERIFY(e);
        // owner u3, direct manager u2 already copied → next up is u1.
        QCOMPARE(e->to, QStringLiteral("u1"));
        QCOMPARE(e->level, 1);
        QCOMPARE(e->at, T0 + 26 * H);
        a.escalatedTo = e->to;
        a.escalatedAt = e->at;
        a.escalationLevel = e->level;
        QVERIFY(!escalationDue(a, T0 + 50 * H - 1, t, users));
        e = escalationDue(a, T0 + 50 * H, t, users);
        QVERIFY(e);
        QCOMPARE(e->to, QStringLiteral("u0"));
        QCOMPARE(e->level, 2);
        a.escalatedTo = e->to;
        a.escalatedAt = e->at;
        a.escalationLevel = e->level;
        QVERIFY(!escalationDue(a, T0 + 500 * H, t, users)); // the top: stops
        // Several windows missed at once climb one level per window, to the top.
        ExistingAlert b = stored(c, T0 + 2 * H);
        e = escalationDue(b, T0 + 2 * H + 5 * 24 * H, t, users);
        QVERIFY(e);
        QCOMPARE(e->to, QStringLiteral("u0"));
        QCOMPARE(e->level, 2);
        QCOMPARE(e->at, T0 + 2 * H + 2 * 24 * H);
        // Acknowledged: no escalation. Clock behind: none either.
        b.acknowledgedAt = T0 + 3 * H;
        QVERIFY(!escalationDue(b, T0 + 100 * H, t, users));
        b.acknowledgedAt = -1;
        QVERIFY(!escalationDue(b, T0, t, users));
    }

    void reconcileRaisesOnceResolvesAndAdopts()
    {
        const UserMap users = org();
        const Thresholds t;
        const qint64 now = T0 + 3 * H;
        const auto cs = leadCandidates(lead(), now, t, users);
        QCOMPARE(cs.size(), std::size_t(1));
        Plan p = reconcile(cs, {}, now, t, users);
        QCOMPARE(p.raise.size(), std::size_t(1));
        // Stored → not raised again, whether open or resolved by a person.
        ExistingAlert a = stored(cs.front(), now);
        QVERIFY(reconcile(cs, {a}, now, t, users).isEmpty());
        a.resolvedAt = now;
        a.resolvedByPerson = true;
        QVERIFY(reconcile(cs, {a}, now + H, t, users).raise.empty());
        // Condition cleared → resolved by the system.
        a.resolvedAt = -1;
        p = reconcile({}, {a}, now + H, t, users);
        QCOMPARE(p.resolve, std::vector<QString>{QStringLiteral("A1")});
        // ... but not when the clock went back behind its raising.
        QVERIFY(reconcile({}, {a}, now - H, t, users).resolve.empty());
        // Compliance flags are never resolved by the system.
        ExistingAlert flag = a;
        flag.rule = rule::ComplianceStageChurn;
        QVERIFY(reconcile({}, {flag}, now + H, t, users).resolve.empty());
        // A demo alert without a key describing the same episode is adopted, not duplicated.
        ExistingAlert legacy = a;
        legacy.dedupeKey.clear();
        legacy.raisedAt = cs.front().since + 10 * 60;
        p = reconcile(cs, {legacy}, now, t, users);
        QVERIFY(p.raise.empty());
        QCOMPARE(p.adopt.size(), std::size_t(1));
        QCOMPARE(p.adopt.front().first, QStringLiteral("A1"));
        // A legacy alert of an older episode is not this one.
        legacy.raisedAt = cs.front().since - 3 * D;
        p = reconcile(cs, {legacy}, now, t, users);
        QCOMPARE(p.raise.size(), std::size_t(1));
        QVERIFY(p.adopt.empty());
    }

    void duplicateNotRaisedAgainAfterPersonResolved()
    {
        const UserMap users = org();
        const Thresholds t;
        const QHash<QString, QString> owners{{QStringLiteral("K1"), QStringLiteral("u3")}};
        std::vector<Touch> touches;
        for (const char *rep : {"u3", "u4", "u1"})
            touches.push_back(Touch{QStringLiteral("K1"), QLatin1String(rep), QString(), T0, false});
        const auto cs = duplicateCandidates(touches, owners, T0 + H, t, users);
        ExistingAlert a = stored(cs.front(), T0 + H);
        a.dedupeKey += QStringLiteral("-older-episode-key"); // the window slid since
        QVERIFY(reconcile(cs, {a}, T0 + 2 * H, t, users).isEmpty()); // open one of the subject = same episode
        a.resolvedAt = T0 + 2 * H;
        a.resolvedByPerson = true;
        QVERIFY(reconcile(cs, {a}, T0 + 3 * H, t, users).raise.empty());
    }
};

QTEST_GUILESS_MAIN(TestAlertRules)
#include "tst_alertrules.moc"
