#include "targets/targettree.h"
#include "targets/targetstext.h"

#include <QLocale>

#include <algorithm>

namespace cockpit::targets {

int TargetTree::add(TargetNode node)
{
    const int index = int(nodes.size());
    const int parent = node.parent;
    nodes.append(std::move(node));
    if (parent >= 0)
        nodes[parent].children.append(index);
    return index;
}

int TargetTree::find(analytics::OrgLevel level, const QString &orgId) const
{
    for (int i = 0; i < nodes.size(); ++i)
        if (nodes[i].level == level && nodes[i].orgId == orgId)
            return i;
    return -1;
}

void TargetTree::rollUp()
{
    for (int i = int(nodes.size()) - 1; i >= 0; --i) {
        if (nodes[i].children.isEmpty())
            continue;
        qint64 sum = 0;
        for (int c : nodes[i].children)
            sum += nodes[c].amountCents;
        nodes[i].amountCents = sum;
    }
}

QVector<std::optional<Tier>> rankTiers(const TargetTree &tree, const QVector<qint64> &trailing12)
{
    using analytics::OrgLevel;
    QVector<std::optional<Tier>> out(tree.nodes.size());
    for (OrgLevel level : {OrgLevel::Region, OrgLevel::City, OrgLevel::Rep}) {
        QVector<int> members;
        QVector<qint64> values;
        for (int i = 0; i < tree.nodes.size(); ++i)
            if (tree.nodes[i].level == level) {
                members << i;
                values << trailing12.value(i);
            }
        const QVector<Tier> tiers = assignTiers(values);
        for (int k = 0; k < members.size(); ++k)
            out[members[k]] = tiers[k];
    }
    return out;
}

TargetTree propose(TargetTree tree, const QVector<qint64> &base, const QVector<qint64> &trailing12,
                   const TargetSettings &s)
{
    const QVector<std::optional<Tier>> ranked = rankTiers(tree, trailing12);
    for (int i = 0; i < tree.nodes.size(); ++i) {
        TargetNode &n = tree.nodes[i];
        const bool saved = n.rowId && n.tier; // the manager's terms (or the last adopted ones) stand
        if (!saved) {
            n.tier = ranked[i];
            n.growthBp = 0;
        }
        if (!n.children.isEmpty())
            continue;
        if (!saved || !checkGrowth(*n.tier, n.growthBp, s).isEmpty())
            n.growthBp = s.band(n.tier.value_or(Tier::B)).defaultBp();
        n.amountCents = proposal(base.value(i), n.growthBp, n.correctionBp);
    }
    tree.rollUp();
    for (int i = 0; i < tree.nodes.size(); ++i) {
        TargetNode &n = tree.nodes[i];
        if (n.children.isEmpty())
            continue;
        n.correctionBp = 0;
        n.correctionReason.clear();
        const qint64 b = base.value(i);
        n.growthBp = b > 0 ? int((__int128(n.amountCents) * 10000 + b / 2) / b - 10000) : 0;
    }
    return tree;
}

QVector<int> mismatches(const TargetTree &tree)
{
    QVector<int> out;
    for (int i = 0; i < tree.nodes.size(); ++i) {
        const TargetNode &n = tree.nodes[i];
        if (n.children.isEmpty())
            continue;
        qint64 sum = 0;
        for (int c : n.children)
            sum += tree.nodes[c].amountCents;
        if (sum != n.amountCents)
            out << i;
    }
    return out;
}

namespace {
// Records node := amount and its children redistributed, recursively, into `amounts`.
void distribute(const TargetTree &tree, int node, qint64 amount, QVector<qint64> &amounts)
{
    amounts[node] = amount;
    const QVector<int> &kids = tree.nodes[node].children;
    if (kids.isEmpty())
        return;
    QVector<qint64> weights;
    for (int c : kids)
        weights << tree.nodes[c].amountCents;
    const QVector<qint64> parts = splitLargestRemainder(amount, weights);
    for (int k = 0; k < kids.size(); ++k)
        distribute(tree, kids[k], parts[k], amounts);
}

} // namespace

std::optional<TargetCommand> setAmount(const TargetTree &tree, int node, qint64 amountCents, EditMode mode,
                                       QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<TargetCommand> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (node < 0 || node >= tree.nodes.size())
        return fail(tr("There is no such node in the target tree."));
    if (amountCents < 0)
        return fail(tr("A target cannot be negative."));
    QVector<qint64> amounts(tree.nodes.size());
    for (int i = 0; i < tree.nodes.size(); ++i)
        amounts[i] = tree.nodes[i].amountCents;
    const TargetNode &n = tree.nodes[node];
    distribute(tree, node, amountCents, amounts);
    if (n.parent >= 0 && mode == EditMode::Rebalance) {
        const TargetNode &p = tree.nodes[n.parent];
        if (p.children.size() < 2)
            return fail(tr("%1 has no sibling to re-balance against: edit %2 instead, or flag the difference.")
                            .arg(n.name, p.name));
        if (amountCents > p.amountCents)
            return fail(tr("%1 cannot exceed %2's %3 while its siblings are re-balanced.")
                            .arg(n.name, p.name, moneyText(p.amountCents)));
        QVector<int> siblings;
        QVector<qint64> weights;
        for (int c : p.children)
            if (c != node) {
                siblings << c;
                weights << tree.nodes[c].amountCents;
            }
        const QVector<qint64> parts = splitLargestRemainder(p.amountCents - amountCents, weights);
        for (int k = 0; k < siblings.size(); ++k)
            distribute(tree, siblings[k], parts[k], amounts);
    }
    TargetCommand cmd;
    for (int i = 0; i < tree.nodes.size(); ++i)
        if (amounts[i] != tree.nodes[i].amountCents)
            cmd.changes.append({i, tree.nodes[i].amountCents, amounts[i]});
    cmd.text = tr("Set %1 to %2").arg(n.name, moneyText(amountCents));
    return cmd;
}

TargetTerms termsOf(const TargetNode &node)
{
    return {node.tier, node.growthBp, node.correctionBp, node.correctionReason};
}

namespace {
void setTermsOf(TargetNode &n, const TargetTerms &t)
{
    n.tier = t.tier;
    n.growthBp = t.growthBp;
    n.correctionBp = t.correctionBp;
    n.correctionReason = t.correctionReason;
}
} // namespace

std::optional<TargetCommand> setTerms(const TargetTree &tree, int node, const TargetTerms &terms, qint64 baseCents,
                                      bool adopt, EditMode mode, const TargetSettings &s, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<TargetCommand> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (node < 0 || node >= tree.nodes.size())
        return fail(tr("There is no such node in the target tree."));
    const TargetNode &n = tree.nodes[node];
    if (!n.children.isEmpty())
        return fail(tr("%1 has units below it: its proposal is their sum, so set the tier, growth and correction of "
                       "each rep.")
                        .arg(n.name));
    if (!terms.tier)
        return fail(tr("Choose a tier for %1.").arg(n.name));
    if (const QString e = checkGrowth(*terms.tier, terms.growthBp, s); !e.isEmpty())
        return fail(e);
    TargetTerms t = terms;
    t.correctionReason = t.correctionReason.trimmed();
    if (t.correctionBp == 0)
        t.correctionReason.clear();
    if (const QString e = checkCorrection(t.correctionBp, t.correctionReason, s); !e.isEmpty())
        return fail(e);
    TargetCommand cmd;
    if (adopt) {
        QString why;
        const auto amount = setAmount(tree, node, proposal(baseCents, t.growthBp, t.correctionBp), mode, &why);
        if (!amount)
            return fail(why);
        cmd = *amount;
    }
    if (termsOf(n) != t)
        cmd.terms.append({node, termsOf(n), t});
    cmd.text = tr("Set the terms of %1 (tier %2, growth %3 %, correction %4 %)")
                   .arg(n.name, tierKey(*t.tier), QLocale().toString(t.growthBp / 100.0, 'f', 2),
                        QLocale().toString(t.correctionBp / 100.0, 'f', 2));
    return cmd;
}

std::optional<TargetCommand> adoptAmounts(const TargetTree &tree, const TargetTree &proposal, int node, EditMode mode,
                                          QString *error)
{
    const auto first = setAmount(tree, node, proposal.nodes.value(node).amountCents, mode, error);
    if (!first)
        return std::nullopt;
    // The units below take their own proposals, not a share in proportion to today's targets.
    TargetTree after = apply(tree, *first);
    QVector<int> stack{node};
    while (!stack.isEmpty()) {
        const int i = stack.takeLast();
        after.nodes[i].amountCents = proposal.nodes[i].amountCents;
        stack << after.nodes[i].children;
    }
    TargetCommand cmd;
    for (int i = 0; i < after.nodes.size(); ++i)
        if (after.nodes[i].amountCents != tree.nodes[i].amountCents)
            cmd.changes.append({i, tree.nodes[i].amountCents, after.nodes[i].amountCents});
    return cmd;
}

QVector<int> repsUnder(const TargetTree &tree, int node)
{
    QVector<int> reps;
    if (node < 0 || node >= tree.nodes.size())
        return reps;
    QVector<int> stack = tree.nodes[node].children;
    while (!stack.isEmpty()) {
        const int i = stack.takeLast();
        if (tree.nodes[i].level == analytics::OrgLevel::Rep)
            reps << i;
        stack << tree.nodes[i].children;
    }
    std::sort(reps.begin(), reps.end());
    return reps;
}

UnitCorrection unitCorrection(const TargetTree &tree, int node)
{
    UnitCorrection u;
    for (int r : repsUnder(tree, node)) {
        const TargetNode &n = tree.nodes[r];
        if (u.reps++ == 0) {
            u.correctionBp = n.correctionBp;
            u.reason = n.correctionReason;
        } else if (n.correctionBp != u.correctionBp || n.correctionReason != u.reason) {
            u.mixed = true;
        }
    }
    return u;
}

TargetTree withUnitCorrection(TargetTree proposal, const QVector<qint64> &base, int node, int correctionBp,
                              const QString &reason)
{
    for (int r : repsUnder(proposal, node)) {
        TargetNode &n = proposal.nodes[r];
        n.correctionBp = correctionBp;
        n.correctionReason = reason;
        n.amountCents = targets::proposal(base.value(r), n.growthBp, correctionBp);
    }
    proposal.rollUp();
    return proposal;
}

std::optional<TargetCommand> setUnitCorrection(const TargetTree &tree, const TargetTree &proposal,
                                               const QVector<qint64> &base, int node, int correctionBp,
                                               const QString &reason, bool adopt, EditMode mode,
                                               const TargetSettings &s, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<TargetCommand> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (node < 0 || node >= tree.nodes.size() || proposal.nodes.size() != tree.nodes.size())
        return fail(tr("There is no such node in the target tree."));
    const TargetNode &n = tree.nodes[node];
    const QVector<int> reps = repsUnder(tree, node);
    if (reps.isEmpty())
        return fail(tr("%1 has no reps under it to correct.").arg(n.name));
    const QString why = correctionBp ? reason.trimmed() : QString();
    if (const QString e = checkCorrection(correctionBp, why, s); !e.isEmpty())
        return fail(tr("The correction for the reps under %1: %2").arg(n.name, e));
    const TargetTree corrected = withUnitCorrection(proposal, base, node, correctionBp, why);
    TargetCommand cmd;
    if (adopt) {
        QString e;
        const auto amounts = adoptAmounts(tree, corrected, node, mode, &e);
        if (!amounts)
            return fail(e);
        cmd = *amounts;
    }
    for (int r : reps) {
        const TargetTerms after = termsOf(corrected.nodes[r]);
        if (termsOf(tree.nodes[r]) != after)
            cmd.terms.append({r, termsOf(tree.nodes[r]), after});
    }
    cmd.text = tr("Correct the %n rep(s) under %1 by %2", nullptr, int(reps.size())).arg(n.name, bpText(correctionBp));
    return cmd;
}

TargetTree apply(TargetTree tree, const TargetCommand &command)
{
    for (const TargetCommand::Change &c : command.changes)
        tree.nodes[c.node].amountCents = c.after;
    for (const TargetCommand::TermsChange &c : command.terms)
        setTermsOf(tree.nodes[c.node], c.after);
    return tree;
}

TargetTree undo(TargetTree tree, const TargetCommand &command)
{
    for (const TargetCommand::Change &c : command.changes)
        tree.nodes[c.node].amountCents = c.before;
    for (const TargetCommand::TermsChange &c : command.terms)
        setTermsOf(tree.nodes[c.node], c.before);
    return tree;
}

} // namespace cockpit::targets
