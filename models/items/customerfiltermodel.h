#pragma once
// Filters (region, city, owner, industry) and pinyin/alias search over the customers,
// with sorting on every column, on the catalog's arrays.
#include "items/fastproxymodel.h"
#include "pinyin/pinyinindex.h"

#include <vector>

namespace cockpit {

class Catalog;
class CustomerTableModel;

struct CustomerFilter
{
    int region = -1, city = -1, owner = -1;
    QString industry; // empty = any
    QString search;
    bool operator==(const CustomerFilter &) const = default;
};

class CustomerFilterModel : public FastProxyModel
{
    Q_OBJECT
public:
    CustomerFilterModel(Catalog &catalog, CustomerTableModel &source, QObject *parent = nullptr);

    void setFilter(const CustomerFilter &filter);
    const CustomerFilter &filter() const { return m_filter; }
    void setSearch(const QString &text);

protected:
    bool acceptsRow(int sourceRow) const override;
    bool lessThan(int column, int left, int right) const override;
    void beginFilter() override;
    // A search lists whole-name (alias, pinyin, initials) hits first, then name starts, then the rest.
    bool ranked() const override { return !m_query.isEmpty(); }
    int rank(int sourceRow) const override;

private:
    Catalog &m_catalog;
    CustomerTableModel &m_table;
    CustomerFilter m_filter;
    PinyinQuery m_query{QString()};
    std::vector<char> m_match;
};

} // namespace cockpit
