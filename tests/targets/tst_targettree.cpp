// The target tree and its undoable edits (targets/targettree.h): every level sums exactly.
#include "targets/targettree.h"
#include "targets/periodsplit.h"

#include <QTest>

#include "treeamounts.h"

using namespace cockpit::targets;
using cockpit::analytics::OrgLevel;

namespace {
// company → R1 (C1: a 600, b 400; C2: c 1000), R2 (C3: d 500)
TargetTree sample()
{
    TargetTree t;
    auto node = [&t](OrgLevel level, const char *name, int parent, qint64 amount = 0) {
        TargetNode n;
        n.level = level;
        n.orgId = n.name = QString::fromLatin1(name);
        n.parent = parent;
        n.amountCents = amount;
        return t.add(n);
    };
    const int co = node(OrgLevel::Company, "company", -1);
    const int r1 = node(OrgLevel::Region, "R1", co), r2 = node(OrgLevel::Region, "R2", co);
    const int c1 = node(OrgLevel::City, "C1", r1), c2 = node(OrgLevel::City, "C2", r1), c3 = node(OrgLevel::City, "C3", r2);
    node(OrgLevel::Rep, "a", c1, 600);
    node(OrgLevel::Rep, "b", c1, 400);
    node(OrgLevel::Rep, "c", c2, 1000);
    node(OrgLevel::Rep, "d", c3, 500);
    t.rollUp();
    return t;
}

} // namespace
// Node order: 0 company, 1 R1, 2 R2, 3 C1, 4 C2, 5 C3, 6 a, 7 b, 8 c, 9 d.

class TstTargetTree : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quarterSplitsIntoMonthsExactly()
    {
        TargetTree t = sample();
        t.nodes[6].amountCents = 1001; // a: weights 2 : 1 : 1 → 500.5, 250.25, 250.25
        t.nodes[7].amountCents = 100;  // b: nothing collected last year → thirds
        t.nodes[8].amountCents = 1000; // c: 1 : 1 : 1 → 333.33 each
        t.rollUp();
        QVector<QVector<qint64>> w(t.nodes.size(), {0, 0, 0});
        w[6] = {2, 1, 1};
        w[8] = {5, 5, 5};
        w[9] = {0, 0, 7}; // d: all in the third month
        w[1] = {1000, 0, 0}; // a parent's own weights are not used
        const auto m = splitIntoParts(t, w, 3);
        // Largest remainder: a's cent to month 1 (remainder 2 of 4); c's to month 1 (ties: earliest);
        // b's 1 cent left to month 1.
        QCOMPARE((QVector<qint64>{m[0][6], m[1][6], m[2][6]}), (QVector<qint64>{501, 250, 250}));
        QCOMPARE((QVector<qint64>{m[0][7], m[1][7], m[2][7]}), (QVector<qint64>{34, 33, 33}));
        QCOMPARE((QVector<qint64>{m[0][8], m[1][8], m[2][8]}), (QVector<qint64>{334, 333, 333}));
        QCOMPARE((QVector<qint64>{m[0][9], m[1][9], m[2][9]}), (QVector<qint64>{0, 0, 500}));
        for (int i = 0; i < t.nodes.size(); ++i)
            QCOMPARE(m[0][i] + m[1][i] + m[2][i], t.nodes[i].amountCents); // every node, every level
        // Each month's tree sums as the quarter's does.
        for (int k = 0; k < 3; ++k) {
            TargetTree month = t;
            for (int i = 0; i < t.nodes.size(); ++i)
                month.nodes[i].amountCents = m[k][i];
            QVERIFY(mismatches(month).isEmpty());
        }
        QCOMPARE(m[0][0], 501 + 34 + 334 + 0);
    }

    void yearSplitsIntoFourQuarters()
    {
        TargetTree t = sample();
        QVector<QVector<qint64>> w(t.nodes.size());
        w[6] = {1, 0, 0, 3}; // a 600 → 150, 0, 0, 450
        w[9] = {0, 0, 0, 0}; // d 500 → 125 each
        const auto q = splitIntoParts(t, w, 4);
        QCOMPARE(q.size(), 4);
        QCOMPARE((QVector<qint64>{q[0][6], q[1][6], q[2][6], q[3][6]}), (QVector<qint64>{150, 0, 0, 450}));
        QCOMPARE((QVector<qint64>{q[0][9], q[1][9], q[2][9], q[3][9]}), (QVector<qint64>{125, 125, 125, 125}));
        QCOMPARE((QVector<qint64>{q[0][7], q[1][7], q[2][7], q[3][7]}), (QVector<qint64>{100, 100, 100, 100})); // b: no weights
        for (int i = 0; i < t.nodes.size(); ++i)
            QCOMPARE(q[0][i] + q[1][i] + q[2][i] + q[3][i], t.nodes[i].amountCents);
        const auto parts = splitParts(cockpit::analytics::Period::year(QDate(2026, 5, 5)));
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts[3].first, QDate(2026, 10, 1));
        QCOMPARE(splitParts(cockpit::analytics::Period::quarter(QDate(2026, 5, 5))).value(2).first, QDate(2026, 6, 1));
        QVERIFY(splitParts(cockpit::analytics::Period::month(QDate(2026, 5, 5))).isEmpty());
    }

    void rollUpSums()
    {
        const TargetTree t = sample();
        QCOMPARE(fixture::amounts(t), (QVector<qint64>{2500, 2000, 500, 1000, 1000, 500, 600, 400, 1000, 500}));
        QVERIFY(mismatches(t).isEmpty());
        QCOMPARE(t.find(OrgLevel::City, QStringLiteral("C2")), 4);
        QCOMPARE(t.find(OrgLevel::Rep, QStringLiteral("C2")), -1);
    }

    void parentEditRedistributesInProportion()
    {
        const TargetTree t = sample();
        const auto cmd = setAmount(t, 0, 5000, EditMode::Rebalance);
        QVERIFY(cmd);
        const TargetTree after = apply(t, *cmd);
        QCOMPARE(fixture::amounts(after), (QVector<qint64>{5000, 4000, 1000, 2000, 2000, 1000, 1200, 800, 2000, 1000}));
        QVERIFY(mismatches(after).isEmpty());
        QCOMPARE(fixture::amounts(undo(after, *cmd)), fixture::amounts(t));
    }

    void oddCentsGoToLargestRemainders()
    {
        const TargetTree t = sample();
        const TargetTree after = apply(t, *setAmount(t, 0, 2501, EditMode::Rebalance));
        // R1 2000.8 → 2001, R2 500.2 → 500; C1/C2 1000.5 each → the first gets the cent;
        // a 600.6 → 601, b 400.4 → 400.
        QCOMPARE(fixture::amounts(after), (QVector<qint64>{2501, 2001, 500, 1001, 1000, 500, 601, 400, 1000, 500}));
        QVERIFY(mismatches(after).isEmpty());
    }

    void childEditRebalancesSiblings()
    {
        const TargetTree t = sample();
        const auto cmd = setAmount(t, 6, 700, EditMode::Rebalance);
        QVERIFY(cmd);
        QCOMPARE(cmd->changes.size(), 2);
        const TargetTree after = apply(t, *cmd);
        QCOMPARE(after.nodes[6].amountCents, 700);
        QCOMPARE(after.nodes[7].amountCents, 300);
        QCOMPARE(after.nodes[3].amountCents, 1000);
        QVERIFY(mismatches(after).isEmpty());
    }

    void regionEditRebalancesDownToReps()
    {
        const TargetTree t = sample();
        const TargetTree after = apply(t, *setAmount(t, 1, 2100, EditMode::Rebalance));
        QCOMPARE(fixture::amounts(after), (QVector<qint64>{2500, 2100, 400, 1050, 1050, 400, 630, 420, 1050, 400}));
        QVERIFY(mismatches(after).isEmpty());
    }

    void childEditFlagsParent()
    {
        const TargetTree t = sample();
        const auto cmd = setAmount(t, 6, 700, EditMode::Flag);
        QVERIFY(cmd);
        QCOMPARE(cmd->changes.size(), 1);
        const TargetTree after = apply(t, *cmd);
        QCOMPARE(mismatches(after), QVector<int>{3});
        QVERIFY(mismatches(undo(after, *cmd)).isEmpty());
    }

    void refusedEdits()
    {
        const TargetTree t = sample();
        QString error;
        QVERIFY(!setAmount(t, 6, 1001, EditMode::Rebalance, &error));
        QCOMPARE(error, QStringLiteral("a cannot exceed C1's ¥10.00 while its siblings are re-balanced."));
        QVERIFY(!setAmount(t, 8, 900, EditMode::Rebalance, &error)); // c is C2's only rep
        QVERIFY(error.startsWith(QStringLiteral("c has no sibling")));
        QVERIFY(setAmount(t, 8, 900, EditMode::Flag)); // flagging is allowed
        QVERIFY(!setAmount(t, 6, -1, EditMode::Flag, &error));
        QVERIFY(!setAmount(t, 42, 1, EditMode::Flag, &error));
    }

    void proposalPerLevel()
    {
        TargetTree t = sample();
        t.nodes[7].correctionBp = -500; // b
        // last year per node: reps a 1000, b 600, c 0, d 400 (parents: the sums)
        const QVector<qint64> lastYear{2000, 1600, 400, 1600, 0, 400, 1000, 600, 0, 400};
        // trailing 12 months: reps a 100, b 300, c 200, d 400 → d A, b B, c B, a C (4: 1 / 2 / 1)
        const QVector<qint64> t12{1000, 600, 400, 400, 200, 400, 100, 300, 200, 400};
        const TargetTree p = propose(t, lastYear, t12);
        QCOMPARE(p.nodes[7].correctionReason, QString()); // b: a correction without reason stays as loaded
        QCOMPARE(tierKey(*p.nodes[9].tier), QStringLiteral("A"));
        QCOMPARE(tierKey(*p.nodes[6].tier), QStringLiteral("C"));
        QCOMPARE(tierKey(*p.nodes[1].tier), QStringLiteral("B")); // regions: 600, 400 → B, C
        QCOMPARE(tierKey(*p.nodes[2].tier), QStringLiteral("C"));
        QCOMPARE(p.nodes[6].amountCents, 1215); // a: C, 21.5 %
        QCOMPARE(p.nodes[7].amountCents, 660);  // b: B, 15 % − 5 %
        QCOMPARE(p.nodes[8].amountCents, 0);    // c: no history
        QCOMPARE(p.nodes[9].amountCents, 440);  // d: A, 10 %
        QCOMPARE(p.nodes[0].amountCents, 2315);
        QCOMPARE(p.nodes[0].growthBp, 1575);    // 2315 / 2000 − 1
        QCOMPARE(p.nodes[3].growthBp, 1719);    // C1: 1875 / 1600 − 1 = 17.1875 %
        QVERIFY(mismatches(p).isEmpty());
    }

    void savedTermsStandInTheProposal()
    {
        TargetTree t = sample();
        t.nodes[6].rowId = 1; // a: saved as B, 14 %, +2 % "new product"
        t.nodes[6].tier = Tier::B;
        t.nodes[6].growthBp = 1400;
        t.nodes[6].correctionBp = 200;
        t.nodes[6].correctionReason = QStringLiteral("new product");
        t.nodes[9].rowId = 2; // d: saved as A with a growth outside A's band → A's default
        t.nodes[9].tier = Tier::A;
        t.nodes[9].growthBp = 3000;
        t.nodes[7].tier = Tier::A; // b: a tier without a saved row is not a saved term
        const QVector<qint64> base{2000, 1600, 400, 1600, 0, 400, 1000, 600, 0, 400};
        const QVector<qint64> t12{1000, 600, 400, 400, 200, 400, 100, 300, 200, 400};
        const TargetTree p = propose(t, base, t12);
        QCOMPARE(tierKey(*p.nodes[6].tier), QStringLiteral("B")); // ranked C, saved B
        QCOMPARE(p.nodes[6].amountCents, 1160);                   // 1000 × 1.16
        QCOMPARE(p.nodes[6].correctionReason, QStringLiteral("new product"));
        QCOMPARE(p.nodes[9].growthBp, 1000);
        QCOMPARE(p.nodes[9].amountCents, 440);
        QCOMPARE(tierKey(*p.nodes[7].tier), QStringLiteral("B")); // by rank
        QCOMPARE(p.nodes[7].amountCents, 690);                    // 600 × 1.15
        const QVector<std::optional<Tier>> ranked = rankTiers(t, t12);
        QCOMPARE(tierKey(*ranked[6]), QStringLiteral("C"));
        QVERIFY(!ranked[0]);
    }

    void termsAreCheckedAppliedAndUndone()
    {
        const TargetTree t = sample();
        QString error;
        TargetTerms terms{Tier::B, 1500, 300, QStringLiteral("  budget freeze  ")};
        // A unit with units below it has no terms of its own.
        QVERIFY(!setTerms(t, 3, terms, 1000, true, EditMode::Rebalance, {}, &error));
        QVERIFY2(error.startsWith(QStringLiteral("C1 has units below it")), qPrintable(error));
        QVERIFY(!setTerms(t, 6, {Tier::A, 1500, 0, {}}, 1000, true, EditMode::Rebalance, {}, &error)); // 15 % not in A
        QVERIFY(error.contains(QStringLiteral("8")));
        QVERIFY(!setTerms(t, 6, {Tier::B, 1500, 300, QStringLiteral(" ")}, 1000, true, EditMode::Rebalance, {}, &error));
        QCOMPARE(error, QStringLiteral("An external correction needs a reason."));
        QVERIFY(!setTerms(t, 6, {Tier::B, 1500, 600, QStringLiteral("x")}, 1000, true, EditMode::Rebalance, {}, &error));
        QVERIFY(!setTerms(t, 6, {std::nullopt, 1500, 0, {}}, 1000, true, EditMode::Rebalance, {}, &error));
        // Terms only: the amount stays.
        auto cmd = setTerms(t, 6, terms, 1000, false, EditMode::Rebalance);
        QVERIFY(cmd);
        QVERIFY(cmd->changes.isEmpty());
        QCOMPARE(cmd->terms.size(), 1);
        TargetTree after = apply(t, *cmd);
        QCOMPARE(after.nodes[6].correctionReason, QStringLiteral("budget freeze")); // trimmed
        QCOMPARE(after.nodes[6].amountCents, 600);
        QCOMPARE(termsOf(undo(after, *cmd).nodes[6]), termsOf(t.nodes[6]));
        // Adopted: a = 1000 × 1.18 = 1180 > C1's 1000 → re-balancing refuses, flagging takes it.
        QVERIFY(!setTerms(t, 6, terms, 1000, true, EditMode::Rebalance, {}, &error));
        cmd = setTerms(t, 6, terms, 1000, true, EditMode::Flag);
        QVERIFY(cmd);
        after = apply(t, *cmd);
        QCOMPARE(after.nodes[6].amountCents, 1180);
        QCOMPARE(fixture::amounts(undo(after, *cmd)), fixture::amounts(t));
        // A zero correction drops its reason; unchanged terms and amount: an empty command.
        cmd = setTerms(after, 6, {Tier::B, 1500, 300, QStringLiteral("budget freeze")}, 1000, true, EditMode::Flag);
        QVERIFY(cmd && cmd->isEmpty());
        cmd = setTerms(t, 6, {Tier::B, 1500, 0, QStringLiteral("left over")}, 1000, false, EditMode::Flag);
        QVERIFY(apply(t, *cmd).nodes[6].correctionReason.isEmpty());
    }

    void unitCorrectionForEveryRep()
    {
        // R1 holds three reps: a (saved B, 14 %, +2 % "new product"), b (saved B, 15 %, −3 % "old"),
        // c (no saved terms: ranked B, 15 %; no base).
        TargetTree t = sample();
        t.nodes[6].rowId = 1;
        t.nodes[6].tier = Tier::B;
        t.nodes[6].growthBp = 1400;
        t.nodes[6].correctionBp = 200;
        t.nodes[6].correctionReason = QStringLiteral("new product");
        t.nodes[7].rowId = 2;
        t.nodes[7].tier = Tier::B;
        t.nodes[7].growthBp = 1500;
        t.nodes[7].correctionBp = -300;
        t.nodes[7].correctionReason = QStringLiteral("old");
        const QVector<qint64> base{2000, 1600, 400, 1600, 0, 400, 1000, 600, 0, 400};
        const QVector<qint64> t12{1000, 600, 400, 400, 200, 400, 100, 300, 200, 400};
        const TargetTree p = propose(t, base, t12);
        QCOMPARE(repsUnder(t, 1), (QVector<int>{6, 7, 8}));
        QVERIFY(unitCorrection(t, 1).mixed);
        QCOMPARE(unitCorrection(t, 1).reps, 3);

        // Refused, with the unit named: out of bounds, no reason, no reps under it.
        QString error;
        QVERIFY(!setUnitCorrection(t, p, base, 1, 600, QStringLiteral("x"), true, EditMode::Rebalance, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("R1")) && error.contains(QStringLiteral("outside")), qPrintable(error));
        QVERIFY(!setUnitCorrection(t, p, base, 1, -300, QStringLiteral("  "), true, EditMode::Rebalance, {}, &error));
        QVERIFY2(error.endsWith(QStringLiteral("An external correction needs a reason.")), qPrintable(error));
        TargetTree empty = t;
        TargetNode c4;
        c4.level = OrgLevel::City;
        c4.orgId = c4.name = QStringLiteral("C4");
        c4.parent = 2;
        const int city = empty.add(c4);
        QVERIFY(!setUnitCorrection(empty, propose(empty, base, t12), base, city, 100, QStringLiteral("x"), true,
                                   EditMode::Flag, {}, &error));
        QCOMPARE(error, QStringLiteral("C4 has no reps under it to correct."));
        QVERIFY(!setUnitCorrection(t, p, base, 6, 100, QStringLiteral("x"), true, EditMode::Flag, {}, &error));

        // −3 % for every rep of R1, adopted: a 1000 × (1 + 14 % − 3 %), b 600 × 1.12, c 0; R1 = 1782
        // within the company's 2500, so R2 (and d) take the rest: every level sums.
        const QString reason = QStringLiteral("新增竞争对手低价");
        auto cmd = setUnitCorrection(t, p, base, 1, -300, QStringLiteral(" ") + reason, true, EditMode::Rebalance);
        QVERIFY(cmd);
        QVERIFY2(cmd->text.contains(QStringLiteral("R1")), qPrintable(cmd->text));
        TargetTree after = apply(t, *cmd);
        QCOMPARE(fixture::amounts(after), (QVector<qint64>{2500, 1782, 718, 1782, 0, 718, 1110, 672, 0, 718}));
        QVERIFY(mismatches(after).isEmpty());
        QCOMPARE(withUnitCorrection(p, base, 1, -300, reason).nodes[1].amountCents, 1782); // the dialog's line
        // Tiers and growths kept (c gets the ones its proposal was made with); b, already at −3 %,
        // gets the reason; d, outside R1, is untouched.
        QCOMPARE(termsOf(after.nodes[6]), (TargetTerms{Tier::B, 1400, -300, reason}));
        QCOMPARE(termsOf(after.nodes[7]), (TargetTerms{Tier::B, 1500, -300, reason}));
        QCOMPARE(termsOf(after.nodes[8]), (TargetTerms{Tier::B, 1500, -300, reason}));
        QCOMPARE(termsOf(after.nodes[9]), termsOf(t.nodes[9]));
        QCOMPARE(cmd->terms.size(), 3);
        const UnitCorrection shared = unitCorrection(after, 1);
        QVERIFY(!shared.mixed);
        QCOMPARE(shared.correctionBp, -300);
        QCOMPARE(shared.reason, reason);
        QVERIFY(unitCorrection(after, 0).mixed); // d has none
        // One command, undone exactly: every rep's terms and every amount.
        const TargetTree back = undo(after, *cmd);
        QCOMPARE(fixture::amounts(back), fixture::amounts(t));
        for (int i = 0; i < t.nodes.size(); ++i)
            QCOMPARE(termsOf(back.nodes[i]), termsOf(t.nodes[i]));
        // Flagging: R1 and its reps as above, the company keeps 2500 and shows the difference.
        cmd = setUnitCorrection(t, p, base, 1, -300, reason, true, EditMode::Flag);
        QVERIFY(cmd);
        after = apply(t, *cmd);
        QCOMPARE(fixture::amounts(after), (QVector<qint64>{2500, 1782, 500, 1782, 0, 500, 1110, 672, 0, 500}));
        QCOMPARE(mismatches(after), QVector<int>{0});
        // Terms only: no amount changes. A zero correction drops every reason.
        cmd = setUnitCorrection(t, p, base, 1, -300, reason, false, EditMode::Rebalance);
        QVERIFY(cmd && cmd->changes.isEmpty() && cmd->terms.size() == 3);
        cmd = setUnitCorrection(t, p, base, 0, 0, QStringLiteral("ignored"), false, EditMode::Rebalance);
        QVERIFY(cmd);
        after = apply(t, *cmd);
        for (int r : repsUnder(t, 0))
            QCOMPARE(termsOf(after.nodes[r]).correctionReason, QString());
        QVERIFY(!unitCorrection(after, 0).mixed);
    }

    void zeroSubtreeSplitsEvenly()
    {
        TargetTree t = sample();
        for (TargetNode &n : t.nodes)
            n.amountCents = 0;
        const TargetTree after = apply(t, *setAmount(t, 0, 3, EditMode::Rebalance));
        QCOMPARE(fixture::amounts(after), (QVector<qint64>{3, 2, 1, 1, 1, 1, 1, 0, 1, 1}));
        QVERIFY(mismatches(after).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstTargetTree)
#include "tst_targettree.moc"
