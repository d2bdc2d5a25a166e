#include "targets/periodsplit.h"
#include "targets/targetstext.h"

#include "storage/database.h"

#include <QSqlDatabase>

#include <algorithm>

namespace cockpit::targets {

using analytics::Period;
using analytics::PeriodKind;

QVector<QVector<qint64>> splitIntoParts(const TargetTree &whole, const QVector<QVector<qint64>> &weights, int parts)
{
    QVector<QVector<qint64>> out(parts, QVector<qint64>(whole.nodes.size(), 0));
    for (int i = 0; i < whole.nodes.size(); ++i) {
        const TargetNode &n = whole.nodes[i];
        if (!n.children.isEmpty())
            continue;
        QVector<qint64> w = weights.value(i);
        w.resize(parts);
        for (qint64 &x : w)
            x = std::max<qint64>(x, 0);
        const QVector<qint64> share = splitLargestRemainder(std::max<qint64>(n.amountCents, 0), w);
        for (int p = 0; p < parts; ++p)
            out[p][i] = share[p];
    }
    // Parents: the sums of their children (children come after their parent).
    for (int i = int(whole.nodes.size()) - 1; i >= 0; --i) {
        const TargetNode &n = whole.nodes[i];
        if (n.children.isEmpty())
            continue;
        for (QVector<qint64> &p : out) {
            qint64 sum = 0;
            for (int c : n.children)
                sum += p[c];
            p[i] = sum;
        }
    }
    return out;
}

QVector<Period> splitParts(const Period &period)
{
    QVector<Period> out;
    if (period.kind == PeriodKind::Quarter)
        for (int m = 0; m < 3; ++m)
            out << Period::month(period.first.addMonths(m));
    else if (period.kind == PeriodKind::Year)
        for (int q = 0; q < 4; ++q)
            out << Period::quarter(period.first.addMonths(3 * q));
    return out;
}

int PeriodSplitPlan::changed() const
{
    return int(std::count_if(commands.begin(), commands.end(), [](const TargetCommand &c) { return !c.isEmpty(); }));
}

PeriodSplitPlan planPeriodSplit(storage::Database &db, const TargetsView &whole, const analytics::OrgUnits &units)
{
    PeriodSplitPlan plan;
    plan.parts = splitParts(whole.period);
    if (plan.parts.isEmpty()) {
        plan.error = tr("Only a quarter's targets are split into months, and a year's into quarters.");
        return plan;
    }
    const bool quarter = whole.period.kind == PeriodKind::Quarter;
    if (const QVector<int> wrong = mismatches(whole.tree); !wrong.isEmpty()) {
        plan.error = (quarter ? tr("%1 does not equal the sum of the units below it: make the quarter sum before "
                                   "splitting it into months.")
                              : tr("%1 does not equal the sum of the units below it: make the year sum before "
                                   "splitting it into quarters."))
                         .arg(whole.tree.nodes[wrong.first()].name);
        return plan;
    }
    QSqlDatabase c = db.connection();
    const int n = int(plan.parts.size());
    // Weights: each rep's collections in the same part a year before; a unit's, its reps'.
    QVector<QVector<qint64>> weights(whole.tree.nodes.size(), QVector<qint64>(n, 0));
    for (int p = 0; p < n; ++p) {
        const QHash<QString, qint64> collected
            = loadCollections(c, plan.parts[p].first.addYears(-1), plan.parts[p].last.addYears(-1));
        for (int i = 0; i < whole.tree.nodes.size(); ++i) {
            const TargetNode &node = whole.tree.nodes[i];
            if (node.level == analytics::OrgLevel::Rep)
                weights[i][p] = collected.value(node.orgId);
        }
    }
    const QVector<QVector<qint64>> split = splitIntoParts(whole.tree, weights, n);
    for (int p = 0; p < n; ++p) {
        const Period &part = plan.parts[p];
        TargetTree t = loadTargetTree(c, part.kind, part.first, units, whole.reps);
        if (t.nodes.size() != whole.tree.nodes.size()) { // the same reps give the same tree
            plan.error = tr("The parts of %1 have another org tree than %1 itself.").arg(whole.period.label());
            return plan;
        }
        TargetCommand cmd;
        for (int i = 0; i < t.nodes.size(); ++i)
            if (t.nodes[i].amountCents != split[p][i])
                cmd.changes.append({i, t.nodes[i].amountCents, split[p][i]});
        cmd.text = quarter ? tr("Split %1 into months: %2").arg(whole.period.label(), part.label())
                           : tr("Split %1 into quarters: %2").arg(whole.period.label(), part.label());
        plan.commands << cmd;
        plan.before << std::move(t);
    }
    return plan;
}

} // namespace cockpit::targets
