#include "items/leadfiltermodel.h"

#include "items/catalog.h"
#include "items/leadtablemodel.h"

namespace cockpit {

using storage::LeadRow;

LeadFilterModel::LeadFilterModel(Catalog &catalog, LeadTableModel &source, QObject *parent)
    : FastProxyModel(parent), m_catalog(catalog)
{
    setSourceModel(&source);
}

void LeadFilterModel::setFilter(const LeadFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    refilter();
}

void LeadFilterModel::setSearch(const QString &text)
{
    LeadFilter f = m_filter;
    f.search = text;
    setFilter(f);
}

void LeadFilterModel::beginFilter()
{
    m_query = PinyinQuery(m_filter.search);
    m_customerMatch.clear();
    m_userMatch.clear();
    m_titleMatch.clear();
    m_customerKind.clear();
    if (m_query.isEmpty())
        return;
    // One pass over customers and users per keystroke; each lead then looks up its flags.
    m_catalog.customerSearch().matchAll(m_query, m_customerMatch);
    m_catalog.userSearch().matchAll(m_query, m_userMatch);
    m_catalog.titleSearch().matchAll(m_query, m_titleMatch);
    // How each matching customer matched, for ranking (only the few that match are walked again).
    m_customerKind.assign(m_customerMatch.size(), 0);
    for (size_t c = 0; c < m_customerMatch.size(); ++c)
        if (m_customerMatch[c])
            m_customerKind[c] = static_cast<signed char>(m_catalog.customerSearch().matchKind(int(c), m_query));
}

int LeadFilterModel::searchRank(int sourceRow) const
{
    const LeadRow &l = m_catalog.data().leads[size_t(sourceRow)];
    if (l.customer >= 0) {
        using M = PinyinIndex::Match;
        const auto kind = size_t(l.customer) < m_customerKind.size()
                              ? M(m_customerKind[size_t(l.customer)])
                              : m_catalog.customerSearch().matchKind(l.customer, m_query); // added since
        if (kind == M::Whole)
            return CustomerWhole;
        if (kind == M::Prefix)
            return CustomerPrefix;
        if (kind == M::Anywhere)
            return CustomerOrOwner;
    }
    if (l.owner >= 0 && size_t(l.owner) < m_userMatch.size() && m_userMatch[size_t(l.owner)])
        return CustomerOrOwner;
    return TitleOnly;
}

bool LeadFilterModel::acceptsRow(int sourceRow) const
{
    const auto &d = m_catalog.data();
    const LeadRow &l = d.leads[size_t(sourceRow)];
    const LeadFilter &f = m_filter;
    if (l.deleted || (f.region >= 0 && l.region != f.region) || (f.city >= 0 && l.city != f.city)
        || (f.team >= 0 && l.team != f.team) || (f.owner >= 0 && l.owner != f.owner)
        || (f.stage >= 0 && l.stage != f.stage)
        || (f.status >= 0 && int(l.status) != f.status))
        return false;
    if (f.pipeline >= 0 && m_catalog.pipelineOfStage(l.stage) != f.pipeline)
        return false;
    if (m_query.isEmpty())
        return true;
    if (l.customer >= 0) {
        if (size_t(l.customer) < m_customerMatch.size() ? m_customerMatch[size_t(l.customer)]
                                                         : m_catalog.customerSearch().matches(l.customer, m_query))
            return true;
    }
    if (l.owner >= 0 && size_t(l.owner) < m_userMatch.size() && m_userMatch[size_t(l.owner)])
        return true;
    const auto &titles = m_catalog.leadTitleIds();
    const int title = titles[size_t(sourceRow)];
    return size_t(title) < m_titleMatch.size() ? m_titleMatch[size_t(title)]
                                               : m_catalog.titleSearch().matches(title, m_query);
}

bool LeadFilterModel::lessThan(int column, int a, int b) const
{
    const auto &d = m_catalog.data();
    const LeadRow &x = d.leads[size_t(a)];
    const LeadRow &y = d.leads[size_t(b)];
    auto rank = [](const std::vector<int> &ranks, int i) { return i < 0 ? -1 : ranks[size_t(i)]; };
    switch (column) {
    case LeadTableModel::CustomerColumn: {
        const auto &r = m_catalog.customerSortRank();
        return rank(r, x.customer) < rank(r, y.customer);
    }
    case LeadTableModel::TitleColumn:
        return x.title < y.title;
    case LeadTableModel::OwnerColumn: {
        const auto &r = m_catalog.userSortRank();
        return rank(r, x.owner) < rank(r, y.owner);
    }
    case LeadTableModel::RegionColumn:
        return x.region < y.region;
    case LeadTableModel::CityColumn:
        return x.city < y.city;
    case LeadTableModel::TeamColumn:
        return x.team < y.team;
    case LeadTableModel::PipelineColumn:
        return m_catalog.pipelineOfStage(x.stage) < m_catalog.pipelineOfStage(y.stage);
    case LeadTableModel::StageColumn: {
        const int px = m_catalog.pipelineOfStage(x.stage), py = m_catalog.pipelineOfStage(y.stage);
        if (px != py)
            return px < py;
        return (x.stage < 0 ? -1 : d.stages[size_t(x.stage)].position)
               < (y.stage < 0 ? -1 : d.stages[size_t(y.stage)].position);
    }
    case LeadTableModel::StatusColumn:
        return x.status < y.status;
    case LeadTableModel::AmountColumn:
        return x.amountCents < y.amountCents;
    case LeadTableModel::ProbabilityColumn:
        return x.probability < y.probability;
    case LeadTableModel::ExpectedCloseColumn:
        return x.expectedClose < y.expectedClose;
    case LeadTableModel::DaysInStageColumn:
        // Longer in stage = larger value = earlier entry.
        return x.stageEnteredAt > y.stageEnteredAt;
    case LeadTableModel::UpdatedColumn:
        return x.updatedAt < y.updatedAt;
    default:
        return a < b;
    }
}

qint64 LeadFilterModel::sumAmountCents() const
{
    qint64 sum = 0;
    const auto &leads = m_catalog.data().leads;
    for (int r = 0; r < rowCount(); ++r)
        sum += leads[size_t(sourceRow(r))].amountCents;
    return sum;
}

} // namespace cockpit
