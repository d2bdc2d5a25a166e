#include "items/customerfiltermodel.h"

#include "items/catalog.h"
#include "items/customertablemodel.h"

#include <cmath>

namespace cockpit {

using storage::CustomerRow;

CustomerFilterModel::CustomerFilterModel(Catalog &catalog, CustomerTableModel &source, QObject *parent)
    : FastProxyModel(parent), m_catalog(catalog), m_table(source)
{
    setSourceModel(&source);
}

void CustomerFilterModel::setFilter(const CustomerFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    refilter();
}

void CustomerFilterModel::setSearch(const QString &text)
{
    CustomerFilter f = m_filter;
    f.search = text;
    setFilter(f);
}

void CustomerFilterModel::beginFilter()
{
    m_query = PinyinQuery(m_filter.search);
    m_match.clear();
    if (!m_query.isEmpty())
        m_catalog.customerSearch().matchAll(m_query, m_match);
}

bool CustomerFilterModel::acceptsRow(int sourceRow) const
{
    const CustomerRow &c = m_catalog.data().customers[size_t(sourceRow)];
    const CustomerFilter &f = m_filter;
    if (c.deleted || (f.region >= 0 && c.region != f.region) || (f.city >= 0 && c.city != f.city)
        || (f.owner >= 0 && c.owner != f.owner) || (!f.industry.isEmpty() && c.industry != f.industry))
        return false;
    if (m_query.isEmpty())
        return true;
    if (size_t(sourceRow) < m_match.size())
        return m_match[size_t(sourceRow)];
    return m_catalog.customerSearch().matches(sourceRow, m_query); // added after the search began
}

int CustomerFilterModel::rank(int sourceRow) const
{
    // Whole (3) first, then Prefix (2), then Anywhere (1).
    return 3 - int(m_catalog.customerSearch().matchKind(sourceRow, m_query));
}

bool CustomerFilterModel::lessThan(int column, int a, int b) const
{
    const auto &d = m_catalog.data();
    const CustomerRow &x = d.customers[size_t(a)];
    const CustomerRow &y = d.customers[size_t(b)];
    switch (column) {
    case CustomerTableModel::NameColumn: {
        const auto &r = m_catalog.customerSortRank();
        return r[size_t(a)] < r[size_t(b)];
    }
    case CustomerTableModel::AliasesColumn: return x.aliases < y.aliases;
    case CustomerTableModel::IndustryColumn: return x.industry < y.industry;
    case CustomerTableModel::SizeColumn: return x.size < y.size;
    case CustomerTableModel::RegionColumn: return x.region < y.region;
    case CustomerTableModel::CityColumn: return x.city < y.city;
    case CustomerTableModel::OwnerColumn: {
        const auto &r = m_catalog.userSortRank();
        return (x.owner < 0 ? -1 : r[size_t(x.owner)]) < (y.owner < 0 ? -1 : r[size_t(y.owner)]);
    }
    case CustomerTableModel::SourceColumn: return x.source < y.source;
    case CustomerTableModel::PhoneColumn: return x.phone < y.phone;
    case CustomerTableModel::OpenLeadsColumn: return m_table.openLeads(a) < m_table.openLeads(b);
    case CustomerTableModel::CreatedColumn: return x.createdAt < y.createdAt;
    case CustomerTableModel::ValueScoreColumn:
    case CustomerTableModel::HealthScoreColumn: {
        // No score sorts below every score.
        const bool value = column == CustomerTableModel::ValueScoreColumn;
        const double p = value ? m_table.valueScore(a) : m_table.healthScore(a);
        const double q = value ? m_table.valueScore(b) : m_table.healthScore(b);
        if (std::isnan(p) || std::isnan(q))
            return std::isnan(p) && !std::isnan(q);
        return p < q;
    }
    default: return a < b;
    }
}

} // namespace cockpit
