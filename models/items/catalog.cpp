#include "items/catalog.h"

#include "storage/database.h"
#include "pinyin/pinyin.h"

#include <algorithm>
#include <numeric>

namespace cockpit {

using namespace storage;

Catalog::Catalog(Database &db, QObject *parent) : QObject(parent), m_db(db)
{
    // The file's committed writes, whoever made them (storage/changes.h), are all it hears.
    connect(&db, &Database::changed, this, &Catalog::onChanges);
}

void Catalog::onChanges(const ChangeSet &changes)
{
    // A new pipeline version adds stages and may re-point open leads: re-read it all.
    if (changes.touches(QStringLiteral("pipelines")) || changes.touches(QStringLiteral("pipeline_stages"))) {
        QString error;
        if (m_loaded && !load(&error))
            qWarning("Could not reload after a pipeline change: %s", qPrintable(error));
        return;
    }
    for (const TableChange &c : changes.changes) {
        // Leads and customers are deleted softly (an update), so every row named is read again.
        if (c.kind == ChangeKind::Deleted)
            continue;
        if (c.table == QLatin1String("leads")) {
            for (const QString &id : m_db.idsOfRows(c.table, c.rows))
                onLeadChanged(id);
        } else if (c.table == QLatin1String("customers")) {
            for (const QString &id : m_db.idsOfRows(c.table, c.rows))
                c.kind == ChangeKind::Inserted ? onCustomerAdded(id) : onCustomerChanged(id);
        }
    }
}

bool Catalog::load(QString *error)
{
    CatalogData data;
    if (!loadCatalog(m_db.path(), data, error))
        return false;
    adopt(std::move(data));
    return true;
}

void Catalog::adopt(CatalogData &&data)
{
    m_data = std::move(data);
    m_customerSearch.clear();
    m_userSearch.clear();
    m_titleSearch.clear();
    m_leadTitle.clear();
    m_titleIds.clear();
    m_customerSearchBuilt = m_userSearchBuilt = m_titlesBuilt = false;
    m_customerRank.clear();
    m_userRank.clear();
    m_loaded = true;
    const QStringList changed = std::exchange(m_changedDuringPreview, {});
    const QStringList added = std::exchange(m_addedDuringPreview, {});
    Q_EMIT loaded();
    if (m_data.complete) {
        for (const QString &id : added)
            onCustomerAdded(id);
        for (const QString &id : changed)
            onLeadChanged(id);
        for (const QString &id : std::exchange(m_changedCustomersDuringPreview, {}))
            onCustomerChanged(id);
    }
}

namespace {
template <typename Rows>
QString nameAt(const Rows &rows, int i)
{
    return i >= 0 && i < int(rows.size()) ? rows[size_t(i)].name : QString();
}

std::vector<int> ranksByPinyin(const std::vector<QString> &keys)
{
    std::vector<int> order(keys.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return keys[size_t(a)] < keys[size_t(b)]; });
    std::vector<int> rank(keys.size());
    for (size_t r = 0; r < order.size(); ++r)
        rank[size_t(order[r])] = int(r);
    return rank;
}
} // namespace

QString Catalog::regionName(int i) const { return nameAt(m_data.regions, i); }
QString Catalog::cityName(int i) const { return nameAt(m_data.cities, i); }
QString Catalog::teamName(int i) const { return nameAt(m_data.teams, i); }
QString Catalog::userName(int i) const { return nameAt(m_data.users, i); }

QString Catalog::stageName(int i) const
{
    if (i < 0 || i >= int(m_data.stages.size()))
        return {};
    const StageRow &s = m_data.stages[size_t(i)];
    return m_english && !s.nameEn.isEmpty() ? s.nameEn : s.name;
}

QString Catalog::pipelineName(int i) const
{
    if (i < 0 || i >= int(m_data.pipelines.size()))
        return {};
    const PipelineRow &p = m_data.pipelines[size_t(i)];
    const QString name = m_english && !p.nameEn.isEmpty() ? p.nameEn : p.name;
    // Leads on an older version stay there; the version tells the two apart.
    return p.version > 1 ? tr("%1 v%2").arg(name).arg(p.version) : name;
}

int Catalog::pipelineOfStage(int stage) const
{
    return stage >= 0 && stage < int(m_data.stages.size()) ? m_data.stages[size_t(stage)].pipeline : -1;
}

std::vector<int> Catalog::stagesOf(int pipeline) const
{
    std::vector<int> out;
    for (int i = 0; i < int(m_data.stages.size()); ++i)
        if (m_data.stages[size_t(i)].pipeline == pipeline)
            out.push_back(i);
    std::sort(out.begin(), out.end(), [&](int a, int b) {
        return m_data.stages[size_t(a)].position < m_data.stages[size_t(b)].position;
    });
    return out;
}

int Catalog::nextStage(int stage) const
{
    const std::vector<int> all = stagesOf(pipelineOfStage(stage));
    const auto it = std::find(all.begin(), all.end(), stage);
    return it == all.end() || it + 1 == all.end() ? -1 : *(it + 1);
}

const PinyinIndex &Catalog::customerSearch() const
{
    if (!m_customerSearchBuilt) {
        m_customerSearch.clear();
        m_customerSearch.reserve(int(m_data.customers.size()), int(m_data.customers.size()) * 16);
        for (const CustomerRow &c : m_data.customers)
            m_customerSearch.add(c.name, c.aliases.isEmpty() ? QStringList()
                                                             : c.aliases.split(QLatin1Char('|')));
        m_customerSearchBuilt = true;
    }
    return m_customerSearch;
}

const PinyinIndex &Catalog::userSearch() const
{
    if (!m_userSearchBuilt) {
        m_userSearch.clear();
        for (const UserRow &u : m_data.users)
            m_userSearch.add(u.name);
        m_userSearchBuilt = true;
    }
    return m_userSearch;
}

void Catalog::buildTitles() const
{
    m_titleSearch.clear();
    m_titleIds.clear();
    m_leadTitle.assign(m_data.leads.size(), -1);
    for (size_t i = 0; i < m_data.leads.size(); ++i) {
        const QString &title = m_data.leads[i].title;
        auto it = m_titleIds.constFind(title);
        if (it == m_titleIds.constEnd())
            it = m_titleIds.insert(title, m_titleSearch.add(title));
        m_leadTitle[i] = it.value();
    }
    m_titlesBuilt = true;
}

const PinyinIndex &Catalog::titleSearch() const
{
    if (!m_titlesBuilt)
        buildTitles();
    return m_titleSearch;
}

const std::vector<int> &Catalog::leadTitleIds() const
{
    if (!m_titlesBuilt)
        buildTitles();
    return m_leadTitle;
}

const std::vector<int> &Catalog::customerSortRank() const
{
    if (m_customerRank.size() != m_data.customers.size()) {
        std::vector<QString> keys;
        keys.reserve(m_data.customers.size());
        for (const CustomerRow &c : m_data.customers)
            keys.push_back(pinyin::sortKey(c.name));
        m_customerRank = ranksByPinyin(keys);
    }
    return m_customerRank;
}

const std::vector<int> &Catalog::userSortRank() const
{
    if (m_userRank.size() != m_data.users.size()) {
        std::vector<QString> keys;
        for (const UserRow &u : m_data.users)
            keys.push_back(pinyin::sortKey(u.name));
        m_userRank = ranksByPinyin(keys);
    }
    return m_userRank;
}

void Catalog::onLeadChanged(const QString &id)
{
    if (!m_data.complete)
        m_changedDuringPreview << id;
    const int row = m_data.index.lead(id);
    if (!m_loaded || row < 0)
        return;
    LeadRow fresh;
    if (loadLeadRow(m_db.handle(), id, m_data.index, fresh)) {
        if (m_titlesBuilt && fresh.title != m_data.leads[size_t(row)].title) {
            auto it = m_titleIds.constFind(fresh.title);
            if (it == m_titleIds.constEnd())
                it = m_titleIds.insert(fresh.title, m_titleSearch.add(fresh.title));
            m_leadTitle[size_t(row)] = it.value();
        }
        m_data.leads[size_t(row)] = fresh;
        Q_EMIT leadRowChanged(row);
    }
}

void Catalog::onCustomerAdded(const QString &id)
{
    if (!m_data.complete)
        m_addedDuringPreview << id;
    if (!m_loaded || m_data.index.customer(id) >= 0)
        return;
    CustomerRow fresh;
    if (!loadCustomerRow(m_db.handle(), id, m_data.index, fresh))
        return;
    const int row = int(m_data.customers.size());
    m_data.customers.push_back(fresh);
    m_data.index.addCustomer(id, row);
    if (m_customerSearchBuilt)
        m_customerSearch.add(fresh.name, fresh.aliases.isEmpty() ? QStringList()
                                                                 : fresh.aliases.split(QLatin1Char('|')));
    m_customerRank.clear(); // rebuilt on the next sort by name
    Q_EMIT customerRowsInserted(row, row);
}

void Catalog::onCustomerChanged(const QString &id)
{
    if (!m_data.complete)
        m_changedCustomersDuringPreview << id;
    const int row = m_data.index.customer(id);
    if (!m_loaded || row < 0)
        return;
    CustomerRow fresh;
    if (loadCustomerRow(m_db.handle(), id, m_data.index, fresh)) {
        m_data.customers[size_t(row)] = fresh;
        if (m_customerSearchBuilt)
            m_customerSearch.set(row, fresh.name, fresh.aliases.isEmpty() ? QStringList()
                                                                          : fresh.aliases.split(QLatin1Char('|')));
        m_customerRank.clear();
        Q_EMIT customerRowChanged(row);
    }
}

} // namespace cockpit
