#pragma once
// The four-level target tree company → region → city → rep of one period, and its edits as
// pure commands (apply/undo return the new tree), so the screen can put them on a QUndoStack.
//
// Rules: a node's amount is the sum of its children's, in cents, exactly.
// - Editing a node with children redistributes the new amount to them in proportion to their
//   current amounts (largest remainder, splitLargestRemainder()), down to the reps.
// - Editing a node below the company, in EditMode::Rebalance, gives its siblings the rest of
//   the parent's amount in proportion to theirs (so the parent holds); refused when the new
//   amount exceeds the parent's or the node has no sibling. In EditMode::Flag the parent
//   keeps its amount and shows as not matching (mismatches()) until fixed.
#include "analytics/scope.h"
#include "targets/targetmath.h"

#include <QDate>
#include <QString>
#include <QVector>

#include <optional>

namespace cockpit::targets {

struct TargetNode
{
    analytics::OrgLevel level = analytics::OrgLevel::Company; // Company, Region, City or Rep
    QString orgId;                                            // local key; empty for the company
    QString name;
    int parent = -1;
    QVector<int> children;
    qint64 amountCents = 0;
    std::optional<Tier> tier;
    int growthBp = 0, correctionBp = 0;
    QString correctionReason;
    qint64 rowId = 0; // the targets row (0: none yet)
    qint64 rowVersion = 0;
    QString status = QStringLiteral("draft"); // "draft" or "approved"
};

struct TargetTree
{
    analytics::PeriodKind kind = analytics::PeriodKind::Quarter; // Month, Quarter or Year
    QDate start;
    QVector<TargetNode> nodes; // nodes[0] is the company; a parent before its children

    int add(TargetNode node); // appends, links it to node.parent; returns its index
    int find(analytics::OrgLevel level, const QString &orgId) const; // -1 when absent
    // Sets every node with children to the sum of its children's amounts (bottom-up).
    void rollUp();
};

// The tiers by trailing-12-month collections (targetmath.h assignTiers) among the nodes of
// each level (regions, cities, reps); the company has none. trailing12: cents per node.
QVector<std::optional<Tier>> rankTiers(const TargetTree &tree, const QVector<qint64> &trailing12);

// A proposal for the whole tree (targetmath.h). A node with saved terms (a stored row with a
// tier: set by the manager, or adopted before) keeps its tier, its growth (the tier's default
// when outside the tier's band) and its correction; any other node takes its tier from
// rankTiers and the tier's default growth, and keeps its correction. Each leaf =
// proposal(base, growth, correction); parents are the sums of their children, with the
// effective growth (sum / base − 1) and no correction of their own. base (proposalBase's
// window, scaled) and trailing12 have one value per node (parents: the sums of their reps').
TargetTree propose(TargetTree tree, const QVector<qint64> &base, const QVector<qint64> &trailing12,
                   const TargetSettings &s = {});

// Nodes whose amount differs from the sum of their children's.
QVector<int> mismatches(const TargetTree &tree);

enum class EditMode { Rebalance, Flag };

// A node's terms: what its proposal is made of besides the base.
struct TargetTerms
{
    std::optional<Tier> tier;
    int growthBp = 0, correctionBp = 0;
    QString correctionReason;
    bool operator==(const TargetTerms &) const = default;
};
TargetTerms termsOf(const TargetNode &node);

// One undoable edit: the amounts it changed and the terms it set, before and after.
struct TargetCommand
{
    struct Change
    {
        int node = -1;
        qint64 before = 0, after = 0;
    };
    struct TermsChange
    {
        int node = -1;
        TargetTerms before, after;
    };
    QVector<Change> changes;
    QVector<TermsChange> terms;
    QString text; // "Set 华东 to ¥1,200,000.00", for the undo menu
    bool isEmpty() const { return changes.isEmpty() && terms.isEmpty(); }
};

// The command setting node `node` to `amountCents`, or nullopt with *error (translated).
std::optional<TargetCommand> setAmount(const TargetTree &tree, int node, qint64 amountCents, EditMode mode,
                                       QString *error = nullptr);
// The command giving leaf `node` the terms `terms` (a tier; growth inside the tier's band;
// a correction within the limit, with a reason when not 0: checkGrowth, checkCorrection) and,
// with `adopt`, the target proposal(baseCents, growth, correction) through setAmount(mode).
// nullopt with *error (translated) for a unit with units below it (its terms follow theirs) or
// terms out of bounds.
std::optional<TargetCommand> setTerms(const TargetTree &tree, int node, const TargetTerms &terms, qint64 baseCents,
                                      bool adopt, EditMode mode, const TargetSettings &s = {}, QString *error = nullptr);
// The amounts of adopting `proposal` at `node`: the node takes proposal's amount through
// setAmount(mode) (its parent and siblings as the mode says), every node below it its own
// amount in `proposal`. Terms are left to the caller. nullopt with *error (translated).
std::optional<TargetCommand> adoptAmounts(const TargetTree &tree, const TargetTree &proposal, int node, EditMode mode,
                                          QString *error = nullptr);

// The reps (level Rep) below `node`, in node order.
QVector<int> repsUnder(const TargetTree &tree, int node);
// What the reps under a unit share: their correction and reason when all have the same
// (mixed false), for the unit row's tooltip and the unit dialog's start.
struct UnitCorrection
{
    int reps = 0;
    bool mixed = false;
    int correctionBp = 0;
    QString reason;
};
UnitCorrection unitCorrection(const TargetTree &tree, int node);

// `proposal` (propose()'s) with every rep under `node` corrected by `correctionBp` with
// `reason`: each rep's amount proposal(base, its growth, correctionBp), the units re-summed
// (their growth is not recomputed). base: one value per node, as for propose().
TargetTree withUnitCorrection(TargetTree proposal, const QVector<qint64> &base, int node, int correctionBp,
                              const QString &reason);

// A unit-wide external correction (issue 14: a region's new competitor, a city's budget
// freeze): the command giving every rep under unit `node` the correction `correctionBp` with
// `reason` (checkCorrection; trimmed, dropped when the correction is 0), each keeping the tier
// and growth its proposal was made with (`proposal`: propose()'s; a rep without saved terms
// gets those, as adopting does); with `adopt` also the targets of withUnitCorrection() through
// adoptAmounts(mode). One command: one undo step. nullopt with *error (translated) for a
// correction out of bounds or without a reason, or a unit with no reps under it.
std::optional<TargetCommand> setUnitCorrection(const TargetTree &tree, const TargetTree &proposal,
                                               const QVector<qint64> &base, int node, int correctionBp,
                                               const QString &reason, bool adopt, EditMode mode,
                                               const TargetSettings &s = {}, QString *error = nullptr);

TargetTree apply(TargetTree tree, const TargetCommand &command);
TargetTree undo(TargetTree tree, const TargetCommand &command);

} // namespace cockpit::targets
