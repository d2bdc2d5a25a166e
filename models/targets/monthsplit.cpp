#include "targets/monthsplit.h"
#include "targets/targetstext.h"

#include "storage/database.h"

#include <QSqlDatabase>

#include <algorithm>
#include <numeric>

namespace cockpit::targets {

std::array<QVector<qint64>, 3> splitQuarter(const TargetTree &quarter, const QVector<std::array<qint64, 3>> &weights)
{
    std::array<QVector<qint64>, 3> out;
    for (QVector<qint64> &m : out)
        m = QVector<qint64>(quarter.nodes.size(), 0);
    for (int i = 0; i < quarter.nodes.size(); ++i) {
        const TargetNode &n = quarter.nodes[i];
        if (!n.children.isEmpty())
            continue;
        std::array<qint64, 3> w = weights.value(i, {0, 0, 0});
        for (qint64 &x : w)
            x = std::max<qint64>(x, 0);
        if (std::accumulate(w.begin(), w.end(), qint64(0)) == 0)
            w = {1, 1, 1};
        const qint64 total = std::accumulate(w.begin(), w.end(), qint64(0));
        // Largest remainder: floor shares, then the cents left to the largest fractions
        // (earlier months first on ties).
        std::array<qint64, 3> share{}, rest{};
        qint64 given = 0;
        for (int m = 0; m < 3; ++m) {
            const __int128 exact = __int128(n.amountCents) * w[std::size_t(m)];
            share[std::size_t(m)] = qint64(exact / total);
            rest[std::size_t(m)] = qint64(exact % total);
            given += share[std::size_t(m)];
        }
        std::array<int, 3> order{0, 1, 2};
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return rest[std::size_t(a)] > rest[std::size_t(b)]; });
        for (qint64 left = n.amountCents - given, k = 0; left > 0; --left, ++k)
            ++share[std::size_t(order[std::size_t(k % 3)])];
        for (int m = 0; m < 3; ++m)
            out[std::size_t(m)][i] = share[std::size_t(m)];
    }
    // Parents: the sums of their children (children come after their parent).
    for (int i = quarter.nodes.size() - 1; i >= 0; --i) {
        const TargetNode &n = quarter.nodes[i];
        if (n.children.isEmpty())
            continue;
        for (QVector<qint64> &m : out) {
            qint64 sum = 0;
            for (int c : n.children)
                sum += m[c];
            m[i] = sum;
        }
    }
    return out;
}

int MonthSplitPlan::changed() const
{
    return int(std::count_if(commands.begin(), commands.end(), [](const TargetCommand &c) { return !c.changes.isEmpty(); }));
}

MonthSplitPlan planMonthSplit(storage::Database &db, const TargetsView &quarter, const analytics::OrgUnits &units)
{
    MonthSplitPlan plan;
    if (quarter.period.kind != analytics::PeriodKind::Quarter) {
        plan.error = tr("Only a quarter's targets are split into months.");
        return plan;
    }
    if (const QVector<int> wrong = mismatches(quarter.tree); !wrong.isEmpty()) {
        plan.error = tr("%1 does not equal the sum of the units below it: make the quarter sum before splitting it "
                        "into months.")
                         .arg(quarter.tree.nodes[wrong.first()].name);
        return plan;
    }
    QSqlDatabase c = db.connection();
    // Weights: each rep's collections in the same three months a year before; a unit's, its reps'.
    QVector<std::array<qint64, 3>> weights(quarter.tree.nodes.size(), {0, 0, 0});
    for (int m = 0; m < 3; ++m) {
        const QDate first = quarter.period.first.addMonths(m).addYears(-1);
        const QHash<QString, qint64> collected = loadCollections(c, first, first.addMonths(1).addDays(-1));
        for (int i = 0; i < quarter.tree.nodes.size(); ++i) {
            const TargetNode &n = quarter.tree.nodes[i];
            if (n.level == analytics::OrgLevel::Rep)
                weights[i][std::size_t(m)] = collected.value(n.orgId);
        }
    }
    const std::array<QVector<qint64>, 3> split = splitQuarter(quarter.tree, weights);
    for (int m = 0; m < 3; ++m) {
        const QDate month = quarter.period.first.addMonths(m);
        TargetTree t = loadTargetTree(c, analytics::PeriodKind::Month, month, units, quarter.reps);
        if (t.nodes.size() != quarter.tree.nodes.size()) { // the same reps give the same tree
            plan.error = tr("The months of %1 have another org tree than the quarter.").arg(quarter.period.label());
            return plan;
        }
        TargetCommand &cmd = plan.commands[std::size_t(m)];
        for (int i = 0; i < t.nodes.size(); ++i)
            if (t.nodes[i].amountCents != split[std::size_t(m)][i])
                cmd.changes.append({i, t.nodes[i].amountCents, split[std::size_t(m)][i]});
        cmd.text = tr("Split %1 into months: %2").arg(quarter.period.label(), analytics::Period::month(month).label());
        plan.before[std::size_t(m)] = std::move(t);
    }
    return plan;
}

} // namespace cockpit::targets
