#pragma once
// Filters (region, city, team, owner, pipeline, stage, status) and pinyin/alias search
// over the leads, with sorting on every column, all on the catalog's arrays.
#include "items/fastproxymodel.h"
#include "pinyin/pinyinindex.h"

#include <QString>

#include <vector>

namespace cockpit {

class Catalog;
class LeadTableModel;

struct LeadFilter
{
    int region = -1, city = -1, team = -1, owner = -1, pipeline = -1, stage = -1;
    int status = -1; // storage::LeadStatus as int, -1 = any
    QString search;  // customer name / alias / pinyin, owner name, lead title
    bool operator==(const LeadFilter &) const = default;
};

class LeadFilterModel : public FastProxyModel
{
    Q_OBJECT
public:
    LeadFilterModel(Catalog &catalog, LeadTableModel &source, QObject *parent = nullptr);

    void setFilter(const LeadFilter &filter);
    const LeadFilter &filter() const { return m_filter; }
    void setSearch(const QString &text);
    qint64 sumAmountCents() const; // of the rows shown
    // How a shown lead matched the search: 0 the customer's whole name, alias, full pinyin or
    // initials ("bs" → 博世); 1 the start of the customer's name; 2 elsewhere in the customer's
    // name or the owner's; 3 only the lead's title. Rows are listed in this order.
    enum SearchRank { CustomerWhole, CustomerPrefix, CustomerOrOwner, TitleOnly };
    int searchRank(int sourceRow) const;

protected:
    bool acceptsRow(int sourceRow) const override;
    bool lessThan(int column, int left, int right) const override;
    void beginFilter() override;
    bool ranked() const override { return !m_query.isEmpty(); }
    int rank(int sourceRow) const override { return searchRank(sourceRow); }

private:
    Catalog &m_catalog;
    LeadFilter m_filter;
    PinyinQuery m_query{QString()};
    std::vector<char> m_customerMatch, m_userMatch, m_titleMatch;
    std::vector<signed char> m_customerKind; // PinyinIndex::Match per customer
};

} // namespace cockpit
