// The targets figures on the tiny demo: the loaders against independent SQL, the write path
// (rows, outbox entries, approve refused on a mismatch), and `report` on the command line.
#include "targets/bonusdata.h"
#include "targets/customerdata.h"
#include "targets/performancedata.h"
#include "targets/targetdata.h"
#include "targets/targetrepository.h"
#include "targets/targetreports.h"

#include "analytics/orgunits.h"
#include "storage/database.h"
#include "storage/outbox.h"

#include "clirun.h"
#include "otherwriter.h"
#include "tinydemo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include "forecast/forecast.h"
#include "forecast/history.h"
#include "forecast/winprob.h"
#include "forecast/montecarlo.h"
#include <QTest>

#include "treeamounts.h"

using namespace cockpit;
using namespace cockpit::targets;
using analytics::Period;

namespace {
const QDate kAsOf(2026, 11, 21);
const QString kNow = QStringLiteral("2026-11-21T04:00:00Z");

qint64 sqlValue(QSqlDatabase db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next())
        qFatal("%s", qPrintable(sql));
    return q.value(0).toLongLong();
}

} // namespace

class TstTargetsDb : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("tiny.db"));
        QCOMPARE(fixture::generateTinyDemo(m_path, 7, kAsOf.addDays(1)), QString());
        QVERIFY(m_db.open(m_path, storage::Database::Mode::OpenExisting).ok());
    }

    void targetsMatchSql()
    {
        QSqlDatabase db = m_db.connection();
        const analytics::OrgUnits units = analytics::loadOrgUnits(db);
        const Period q = Period::quarter(kAsOf);
        const TargetsView v = computeTargets(db, q, kAsOf, units);
        QVERIFY(v.tree.nodes.size() > 5);
        QVERIFY(mismatches(v.tree).isEmpty()); // the demo's targets sum level by level
        QCOMPARE(v.tree.nodes[0].amountCents,
                 sqlValue(db, QStringLiteral("SELECT amount_cents FROM targets WHERE period_kind = 'quarter'"
                                             " AND org_level = 'company' AND period_start = ?"),
                          {analytics::dateParam(q.first)}));
        // Collections of the reps in the tree, summed independently.
        QStringList reps;
        for (const RepRecord &r : v.reps)
            reps << r.unit.id;
        const qint64 collected = sqlValue(
            db, QStringLiteral("SELECT coalesce(SUM(amount_cents), 0) FROM payments WHERE deleted = 0 AND paid_on >= ?"
                               " AND paid_on <= ? AND rep_id IN (%1)").arg(reps.join(QLatin1Char(','))),
            {analytics::dateParam(q.first), analytics::dateParam(kAsOf)});
        QVERIFY(collected > 0);
        QCOMPARE(v.rows[0].collectedCents, collected);
        QCOMPARE(v.rows[0].colour, attainmentColour(collected, v.tree.nodes[0].amountCents));
        // The proposal sums too, and every rep is tiered.
        QVERIFY(mismatches(v.proposal).isEmpty());
        for (const TargetNode &n : v.proposal.nodes)
            if (n.level == analytics::OrgLevel::Rep)
                QVERIFY(n.tier.has_value());
        // The proposal's base, independently: the first collection decides whether last year's
        // quarter is covered; each rep's proposal is its base × (1 + growth + correction).
        const QDate firstPaid = QDate(1970, 1, 1).addDays(sqlValue(
            db, QStringLiteral("SELECT MIN(paid_on) FROM payments WHERE deleted = 0 AND rep_id IS NOT NULL")));
        const QDate firstWhole = firstPaid.day() == 1 ? firstPaid : QDate(firstPaid.year(), firstPaid.month(), 1).addMonths(1);
        const bool covered = firstWhole <= q.first.addMonths(-12);
        QCOMPARE(v.base.sameLastYear, covered);
        const QDate from = covered ? q.first.addMonths(-12) : q.first.addMonths(-v.base.months);
        QCOMPARE(v.base.first, from);
        int checked = 0;
        for (int i = 0; i < v.tree.nodes.size(); ++i) {
            const TargetNode &p = v.proposal.nodes[i];
            if (p.level != analytics::OrgLevel::Rep)
                continue;
            const qint64 window = sqlValue(db, QStringLiteral("SELECT coalesce(SUM(amount_cents), 0) FROM payments WHERE deleted = 0"
                                                              " AND rep_id = ? AND paid_on >= ? AND paid_on < ?"),
                                           {p.orgId, analytics::dateParam(from), analytics::dateParam(from.addMonths(v.base.months))});
            QCOMPARE(v.rows[i].baseCents, v.base.scaled(window));
            QCOMPARE(p.amountCents, proposal(v.base.scaled(window), p.growthBp, p.correctionBp));
            checked += window > 0;
        }
        QVERIFY(checked > 0);
        QVERIFY(v.rows[0].forecast6Cents > 0);
        QVERIFY(v.rows[0].gap.enoughData);
        QCOMPARE(v.rows[0].gap.elapsedDays, 52); // 1 Oct .. 21 Nov
        // Not a target period.
        QVERIFY_THROWS_EXCEPTION(analytics::QueryError, computeTargets(db, Period::week(kAsOf), kAsOf, units));
    }

    void saveEditsWithOutboxAndUndo()
    {
        QSqlDatabase db = m_db.connection();
        const analytics::OrgUnits units = analytics::loadOrgUnits(db);
        const Period q = Period::quarter(kAsOf);
        const TargetTree tree = computeTargets(db, q, kAsOf, units).tree;
        const auto cmd = setAmount(tree, 0, tree.nodes[0].amountCents + 100001, EditMode::Rebalance);
        QVERIFY(cmd);
        const TargetTree edited = apply(tree, *cmd);
        TargetRepository repo(m_db);
        const int outboxBefore = storage::pendingOutboxCount(db);
        TargetSaveResult r = repo.save(edited, QStringLiteral("draft"));
        QVERIFY2(r.ok, qPrintable(r.error));
        // every edited row, and the rest turned draft: one outbox entry per row written
        QCOMPARE(storage::pendingOutboxCount(db), outboxBefore + r.written);
        const TargetTree reloaded = computeTargets(db, q, kAsOf, units).tree;
        QCOMPARE(fixture::amounts(reloaded), fixture::amounts(edited));
        QCOMPARE(reloaded.nodes[0].status, QStringLiteral("draft"));

        // Flagging a child leaves a mismatch: approving is refused, nothing written.
        const TargetTree flagged = apply(reloaded, *setAmount(reloaded, reloaded.nodes[0].children.first(), 1, EditMode::Flag));
        const int outboxMid = storage::pendingOutboxCount(db);
        r = repo.save(flagged, QStringLiteral("approved"));
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(QStringLiteral("re-balance it before approving")));
        QCOMPARE(storage::pendingOutboxCount(db), outboxMid);

        // Undo and approve: the file holds the original amounts again.
        r = repo.save(undo(reloaded, *cmd), QStringLiteral("approved"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(fixture::amounts(computeTargets(db, q, kAsOf, units).tree), fixture::amounts(tree));
        QVERIFY(!repo.save(tree, QStringLiteral("final")).ok);
    }

    // Saving reads each stored node before it writes it. Another connection (the sync, the
    // alert rules, an import) holds the write lock and commits while the save waits: the save
    // must then go through, not fail with "database is locked" (a deferred transaction's
    // snapshot, taken by its first read, cannot become a write after that commit).
    void saveWaitsForAnotherWriter()
    {
        QSqlDatabase db = m_db.connection();
        const analytics::OrgUnits units = analytics::loadOrgUnits(db);
        const Period q = Period::quarter(kAsOf);
        const TargetTree tree = computeTargets(db, q, kAsOf, units).tree;
        QVERIFY(tree.nodes[0].rowId > 0); // stored: the save reads it first
        const TargetTree edited = apply(tree, *setAmount(tree, 0, tree.nodes[0].amountCents + 7, EditMode::Rebalance));
        fixture::OtherWriter other(m_path);
        const bool held = other.holdsLock();
        const TargetSaveResult r = TargetRepository(m_db).save(edited, QStringLiteral("draft"));
        other.finish();
        QVERIFY(held);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(fixture::amounts(computeTargets(db, q, kAsOf, units).tree), fixture::amounts(edited));
        QCOMPARE(TargetRepository(m_db).save(tree, QStringLiteral("draft")).ok, true); // as it was
    }

    void proposalForANewPeriodIsInserted()
    {
        QSqlDatabase db = m_db.connection();
        const analytics::OrgUnits units = analytics::loadOrgUnits(db);
        const Period next = Period::quarter(QDate(2027, 1, 1));
        const TargetsView v = computeTargets(db, next, kAsOf, units);
        for (const TargetNode &n : v.tree.nodes)
            QCOMPARE(n.rowId, 0);
        const qint64 before = sqlValue(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE table_name = 'targets' AND op = 'insert'"));
        const TargetSaveResult r = TargetRepository(m_db).save(v.proposal, QStringLiteral("draft"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.written, int(v.tree.nodes.size()));
        QCOMPARE(sqlValue(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE table_name = 'targets' AND op = 'insert'")),
                 before + r.written);
        const TargetTree stored = computeTargets(db, next, kAsOf, units).tree;
        QCOMPARE(fixture::amounts(stored), fixture::amounts(v.proposal));
        QVERIFY(mismatches(stored).isEmpty());
        // A second save of the same tree writes nothing.
        QCOMPARE(TargetRepository(m_db).save(stored, QStringLiteral("draft")).written, 0);
    }

    void performanceOverActiveReps()
    {
        QSqlDatabase db = m_db.connection();
        const analytics::Scope scope{Period::quarter(kAsOf), analytics::OrgScope::company()};
        const PerformanceView v = computePerformance(db, scope, kNow);
        QVERIFY(!v.scores.isEmpty());
        int ranked = 0;
        for (const RepFigures &f : v.reps)
            ranked += f.rep.standing == analytics::RepStanding::Ranked;
        QCOMPARE(v.scores.size(), ranked);
        QCOMPARE(v.scores.first().rank, 1);
        const RepFigures *best = v.figures(v.scores.first().repId);
        QVERIFY(best);
        QCOMPARE(best->inputs.collectionsCents,
                 sqlValue(db, QStringLiteral("SELECT coalesce(SUM(amount_cents), 0) FROM payments WHERE deleted = 0"
                                             " AND rep_id = ? AND paid_on >= ? AND paid_on <= ?"),
                          {best->rep.unit.id, analytics::dateParam(scope.period.first), analytics::dateParam(kAsOf)}));
        for (const RepScore &s : v.scores)
            QVERIFY(s.score && *s.score >= 0 && *s.score <= 100);
    }

    void customerScoresCoverTheBase()
    {
        QSqlDatabase db = m_db.connection();
        const CustomerScoresView v = computeCustomerScores(db, analytics::OrgScope::company(), kNow);
        QCOMPARE(qint64(v.rows.size()), sqlValue(db, QStringLiteral("SELECT COUNT(*) FROM customers WHERE deleted = 0")));
        QHash<QString, int> perOwner;
        for (const Pick &p : v.picks) {
            QVERIFY(++perOwner[p.ownerId] <= 3);
            QVERIFY(!p.why.isEmpty());
        }
        QVERIFY(!v.picks.isEmpty());
        for (const CustomerScoreRow &r : v.rows)
            QVERIFY(r.value.score >= 0 && r.value.score <= 100);
    }

    void bonusFromTheFile()
    {
        QSqlDatabase db = m_db.connection();
        const analytics::OrgUnits units = analytics::loadOrgUnits(db);
        const analytics::Scope scope{Period::quarter(kAsOf), analytics::OrgScope::company()};
        BonusInputs in = loadBonusInputs(db, scope, kAsOf, units);
        QVERIFY(!in.reps.isEmpty());
        QVERIFY(!in.deals.isEmpty());
        // Each deal's chance is the forecast's: win probability × the chance it closes in the period.
        {
            const forecast::History h = forecast::loadHistory(db);
            const forecast::DealSet set = forecast::asOf(h, analytics::companyDayStart(kAsOf.addDays(1)));
            const forecast::WinRates rates = forecast::learnRates(set.deals, set.asOfDay, set.intentRecorded);
            forecast::SimOptions one;
            one.draws = 1;
            QHash<QString, double> chance;
            for (const forecast::SimDeal &d : forecast::forecastPeriod(set, rates, analytics::dayNumber(scope.period.first),
                                                                       analytics::dayNumber(scope.period.last), one).deals)
                chance.insert(QString::number(d.id), d.winProbability * d.inPeriod);
            int some = 0;
            for (const SimDeal &d : std::as_const(in.deals)) {
                QVERIFY(d.probability >= 0 && d.probability <= 1);
                QCOMPARE(d.probability, chance.value(d.id, 0.0));
                some += d.probability > 0;
            }
            QVERIFY(some > 0);
        }
        // With them, a rep's range is collected + marked won + the P10/P90 of the rest.
        {
            const BonusSimulation sim = simulateBonus(in.reps, in.deals);
            const SimRep &r = in.reps.first();
            std::vector<forecast::SimDeal> rest;
            for (const SimDeal &d : std::as_const(in.deals))
                if (d.repId == r.repId && d.mark == DealMark::Open) {
                    forecast::SimDeal s;
                    s.amountCents = d.amountCents;
                    s.winProbability = d.probability;
                    s.inPeriod = 1;
                    rest.push_back(s);
                }
            forecast::SimOptions o;
            o.draws = kBonusDraws;
            o.threads = 1;
            const forecast::SimResult mc = forecast::simulate(rest, o);
            QCOMPARE(sim.reps.first().lowCollectedCents, r.collectedCents + (rest.empty() ? 0 : mc.p10));
            QCOMPARE(sim.reps.first().highCollectedCents,
                     r.collectedCents + (rest.empty() ? 0 : mc.p90));
            QVERIFY(sim.teamLowCents <= sim.teamHighCents);
        }
        // Without chances (the plain rule): marking a deal won moves its amount from the
        // ceiling's open part to the floor.
        for (SimDeal &d : in.deals)
            d.probability = -1;
        const BonusSimulation base = simulateBonus(in.reps, in.deals);
        QVERIFY(base.teamLowCents <= base.teamHighCents);
        int rep = -1;
        for (int i = 0; i < in.reps.size() && rep < 0; ++i)
            if (in.reps[i].repId == in.deals.first().repId)
                rep = i;
        QVERIFY(rep >= 0);
        in.deals.first().mark = DealMark::Won;
        const BonusSimulation won = simulateBonus(in.reps, in.deals);
        QCOMPARE(won.reps[rep].lowCollectedCents, base.reps[rep].lowCollectedCents + in.deals.first().amountCents);
        QCOMPARE(won.reps[rep].highCollectedCents, base.reps[rep].highCollectedCents);
        in.deals.first().mark = DealMark::Lost;
        const BonusSimulation lost = simulateBonus(in.reps, in.deals);
        QCOMPARE(lost.reps[rep].highCollectedCents, base.reps[rep].highCollectedCents - in.deals.first().amountCents);
        // Every rep's collections as summed by SQL.
        qint64 collected = 0;
        for (const SimRep &r : in.reps)
            collected += r.collectedCents;
        QStringList ids;
        for (const SimRep &r : in.reps)
            ids << r.repId;
        QCOMPARE(collected, sqlValue(db, QStringLiteral("SELECT coalesce(SUM(amount_cents), 0) FROM payments WHERE deleted = 0"
                                                        " AND paid_on >= ? AND paid_on <= ? AND rep_id IN (%1)")
                                             .arg(ids.join(QLatin1Char(','))),
                                     {analytics::dateParam(scope.period.first), analytics::dateParam(kAsOf)}));
    }

    void reportsOnTheCommandLine()
    {
        for (const QString &name : {QStringLiteral("targets"), QStringLiteral("performance"), QStringLiteral("correlation"),
                                    QStringLiteral("customerscores"), QStringLiteral("bonus")}) {
            const fixture::CliRun run = fixture::runCli(
                QStringLiteral(COCKPIT_APP),
                {QStringLiteral("report"), name, QStringLiteral("--db"), m_path, QStringLiteral("--period"),
                 QStringLiteral("2026-Q4"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--now"), kNow},
                m_dir.path());
            QVERIFY2(run.code == 0, qPrintable(name + QStringLiteral(": ") + run.err));
            const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
            QVERIFY2(!o.value(QStringLiteral("rows")).toArray().isEmpty(), qPrintable(name));
        }
        const fixture::CliRun week = fixture::runCli(
            QStringLiteral(COCKPIT_APP),
            {QStringLiteral("report"), QStringLiteral("targets"), QStringLiteral("--db"), m_path, QStringLiteral("--period"),
             QStringLiteral("2026-W40"), QStringLiteral("--now"), kNow},
            m_dir.path());
        QCOMPARE(week.code, 1);
        QVERIFY(week.err.contains(QStringLiteral("Targets are set per month, quarter or year")));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    storage::Database m_db;
};

QTEST_GUILESS_MAIN(TstTargetsDb)
#include "tst_targetsdb.moc"
