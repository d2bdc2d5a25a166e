#include "targettreemodel.h"

#include "chartstyle.h"
#include "domain/money.h"

#include <QLocale>

namespace cockpit::ui {

using namespace targets;
using analytics::OrgLevel;

namespace {
QString money(qint64 cents) { return formatCnyWan(cents, QLocale()); }
} // namespace

TargetTreeModel::TargetTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void TargetTreeModel::setView(std::shared_ptr<const TargetsView> view, const QVector<int> &roots)
{
    beginResetModel();
    m_view = std::move(view);
    const TargetsView *v = m_view.get();
    m_roots = v ? roots : QVector<int>{};
    const qsizetype n = v ? v->tree.nodes.size() : 0;
    m_row.fill(-1, n);
    m_isRoot.fill(false, n);
    for (int r = 0; r < m_roots.size(); ++r) {
        m_row[m_roots[r]] = r;
        m_isRoot[m_roots[r]] = true;
    }
    // Everything under a root is shown, in the tree's order (by name within a parent).
    QVector<int> stack = m_roots;
    while (!stack.isEmpty()) {
        const int i = stack.takeLast();
        const QVector<int> &kids = v->tree.nodes[i].children;
        for (int k = 0; k < kids.size(); ++k) {
            m_row[kids[k]] = k;
            stack << kids[k];
        }
    }
    endResetModel();
}

void TargetTreeModel::nodesChanged(const QVector<int> &nodes)
{
    for (int node : nodes) {
        if (node < 0 || node >= m_row.size() || m_row[node] < 0)
            continue;
        Q_EMIT dataChanged(indexOfNode(node, Target), indexOfNode(node, Mismatch));
    }
}

const QVector<int> &TargetTreeModel::childrenOf(int node) const
{
    return node < 0 ? m_roots : m_view->tree.nodes[node].children;
}

int TargetTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : -1;
}

QModelIndex TargetTreeModel::indexOfNode(int node, int column) const
{
    if (!m_view || node < 0 || node >= m_row.size() || m_row[node] < 0)
        return {};
    return createIndex(m_row[node], column, quintptr(node));
}

QModelIndex TargetTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_view || column < 0 || column >= ColumnCount)
        return {};
    const QVector<int> &kids = childrenOf(nodeOf(parent));
    if (row < 0 || row >= kids.size())
        return {};
    return createIndex(row, column, quintptr(kids[row]));
}

QModelIndex TargetTreeModel::parent(const QModelIndex &child) const
{
    const int node = nodeOf(child);
    if (node < 0 || m_isRoot[node])
        return {};
    return indexOfNode(m_view->tree.nodes[node].parent);
}

int TargetTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_view || (parent.isValid() && parent.column() != 0))
        return 0;
    return int(childrenOf(nodeOf(parent)).size());
}

int TargetTreeModel::columnCount(const QModelIndex &) const { return ColumnCount; }

QVariant TargetTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Name: return tr("Org unit");
        case Target: return tr("Target");
        case Tier: return tr("Tier");
        case Growth: return tr("Growth");
        case Correction: return tr("Correction");
        case Proposal: return tr("Proposal");
        case Collected: return tr("Collected");
        case Attainment: return tr("Attainment");
        case Mismatch: return tr("Sums");
        case ColumnCount: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Target: return tr("The target of the period; double-click or F2 to edit (e.g. 820000 or 82万)");
        case Tier: return tr("A/B/C by trailing-12-month collections: top 20 %, middle 50 %, bottom 30 % of the level");
        case Growth: return tr("Growth over the base (A 8–12 %, B 12–18 %, C 18–25 %); F4 sets a rep's tier, growth and correction");
        case Correction: return tr("External correction within ±5 %, with a reason; F4 sets a rep's, or one for every rep under a unit");
        case Proposal: return tr("Base × (1 + growth + correction); the base is last year's collections of the same period "
                                 "when the file covers it; parents sum their children");
        case Collected: return tr("Payments received in the period up to today");
        case Attainment: return tr("Collected / target: ≥ 90 % green, 70–89 % yellow, < 70 % red");
        case Mismatch: return tr("Whether the target equals the sum of the targets below it");
        default: break;
        }
    }
    if (role == Qt::TextAlignmentRole && section != Name)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags TargetTreeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (index.isValid() && index.column() == Target)
        f |= Qt::ItemIsEditable;
    return f;
}

bool TargetTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Target || nodeOf(index) < 0)
        return false;
    // Not written here: the tab validates it and writes it through the undo stack, which
    // reports the changed nodes back (nodesChanged).
    Q_EMIT editRequested(nodeOf(index), value.toString());
    return false;
}

QVariant TargetTreeModel::data(const QModelIndex &index, int role) const
{
    const int node = nodeOf(index);
    if (!m_view || node < 0)
        return {};
    const TargetNode &n = m_view->tree.nodes[node];
    const TargetRow &r = m_view->rows[node];
    const int col = index.column();
    if (role == NodeRole)
        return node;
    if (role == RagRole)
        return int(r.colour);
    if (role == CentsRole) {
        switch (col) {
        case Target: return r.targetCents;
        case Proposal: return r.proposalCents;
        case Collected: return r.collectedCents;
        default: return {};
        }
    }
    if (role == Qt::EditRole && col == Target)
        return money(r.targetCents);
    if (role == Qt::DisplayRole) {
        switch (Column(col)) {
        case Name: return n.name;
        case Target: return money(r.targetCents);
        case Tier: return n.tier ? tierKey(*n.tier) : QString();
        case Growth: return n.rowId ? bpText(n.growthBp) : QString();
        case Correction: return n.correctionBp ? bpText(n.correctionBp) : QString();
        case Proposal: {
            const QString tier = r.proposedTier ? tierKey(*r.proposedTier) + QStringLiteral(" · ") : QString();
            return QString(tier + money(r.proposalCents));
        }
        case Collected: return money(r.collectedCents);
        case Attainment:
            return r.attainmentPct ? QLocale().toString(*r.attainmentPct, 'f', 1) + QStringLiteral(" %")
                                   : QStringLiteral("—");
        case Mismatch: return r.mismatch ? tr("⚠ differs") : tr("✓");
        case ColumnCount: break;
        }
    }
    if (role == Qt::TextAlignmentRole && col != Name)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && col == Attainment && r.colour != analytics::Rag::Grey)
        return ragColor(r.colour);
    if (role == Qt::ForegroundRole) {
        if (col == Attainment && r.colour != analytics::Rag::Grey)
            return textOn(ragColor(r.colour));
        if (col == Mismatch && r.mismatch)
            return ragColor(analytics::Rag::Red);
    }
    if (role == Qt::ToolTipRole)
        return tooltip(node, col);
    return {};
}

QString TargetTreeModel::tooltip(int node, int column) const
{
    const TargetRow &r = m_view->rows[node];
    const TargetNode &n = m_view->tree.nodes[node];
    switch (Column(column)) {
    case Target:
        return n.rowId ? tr("%1: %2 (%3)").arg(n.name, formatCny(r.targetCents, QLocale()),
                                               n.status == QLatin1String("approved") ? tr("approved") : tr("draft"))
                       : tr("%1: no target saved for this period yet").arg(n.name);
    case Proposal: {
        const ProposalBase &b = m_view->base;
        const QString window = baseWindowText(b);
        QString text = b.sameLastYear
                           ? tr("Base: collections of the same period last year (%1): %2").arg(window, formatCny(r.baseCents, QLocale()))
                           : tr("Base: collections of %1, the latest complete months before the period (the file's "
                                "collections begin too late to cover the same period last year)")
                                 .arg(window);
        if (!b.sameLastYear)
            text += b.months == b.periodMonths
                        ? tr(": %1").arg(formatCny(r.baseCents, QLocale()))
                        : tr(", scaled × %1 / %2 to the period's length: %3")
                              .arg(b.periodMonths).arg(b.months).arg(formatCny(r.baseCents, QLocale()));
        if (!r.baseCents)
            return text + QLatin1Char('\n') + tr("No collections in the base: the proposal is 0");
        const TargetNode &p = m_view->proposal.nodes[node];
        text += QLatin1Char('\n')
                + (n.children.isEmpty()
                       ? tr("%1 × (1 + %2 growth + %3 correction) = %4")
                             .arg(formatCny(r.baseCents, QLocale()), bpText(p.growthBp), bpText(p.correctionBp),
                                  formatCny(r.proposalCents, QLocale()))
                       : tr("The sum of the units below: %1 (%2 over the base)")
                             .arg(formatCny(r.proposalCents, QLocale()), bpText(p.growthBp)));
        if (r.proposedTier && r.rankedTier && *r.proposedTier != *r.rankedTier)
            text += QLatin1Char('\n') + tr("Tier %1 as saved; trailing 12 months (%2) rank it %3")
                                             .arg(tierKey(*r.proposedTier), formatCny(r.trailing12Cents, QLocale()),
                                                  tierKey(*r.rankedTier));
        else
            text += QLatin1Char('\n') + tr("Trailing 12 months: %1").arg(formatCny(r.trailing12Cents, QLocale()));
        return text;
    }
    case Correction: {
        if (n.children.isEmpty())
            return n.correctionBp ? tr("%1: %2").arg(bpText(n.correctionBp), n.correctionReason) : QString();
        const UnitCorrection u = unitCorrection(m_view->tree, node);
        if (!u.reps)
            return QString();
        if (u.mixed)
            return tr("Mixed corrections among its %n rep(s); F4 sets one for all", nullptr, u.reps);
        if (!u.correctionBp)
            return tr("No correction for any of its %n rep(s); F4 sets one for all", nullptr, u.reps);
        return tr("%1 for all %n rep(s): %2", nullptr, u.reps).arg(bpText(u.correctionBp), u.reason);
    }
    case Attainment:
        return tr("%1 collected of %2").arg(formatCny(r.collectedCents, QLocale()), formatCny(r.targetCents, QLocale()));
    case Mismatch: {
        if (!r.mismatch)
            return tr("The targets below add up to this one");
        qint64 sum = 0;
        for (int c : n.children)
            sum += m_view->tree.nodes[c].amountCents;
        return tr("The targets below add up to %1, not %2: edit this target to redistribute it, or re-balance a child")
            .arg(formatCny(sum, QLocale()), formatCny(r.targetCents, QLocale()));
    }
    default: return {};
    }
}

} // namespace cockpit::ui
