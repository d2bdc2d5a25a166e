#include "items/catalog.h"

#include "storage/conflictrepository.h"
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
    // A new pipeline version adds stages and may re-point open leads, and a region, city,
    // team or user a pull brings is a name new leads refer to: re-read it all.
    bool namesAdded = false;
    for (const TableChange &c : changes.changes)
        namesAdded = namesAdded
                     || (c.kind == ChangeKind::Inserted
                         && (c.table == QLatin1String("regions") || c.table == QLatin1String("cities")
                             || c.table == QLatin1String("teams") || c.table == QLatin1String("users")));
    if (namesAdded || changes.touches(QStringLiteral("pipelines")) || changes.touches(QStringLiteral("pipeline_stages"))) {
        QString error;
        if (m_loaded && !load(&error))
            qWarning("Could not reload after a pipeline or org change: %s", qPrintable(error));
        return;
    }
    if (changes.touches(QStringLiteral("conflicts")))
        refreshNotOnServer(true);
    // Customers first: a lead of the same commit (a pull's page) may name a new customer.
    for (const TableChange &c : changes.changes) {
        if (c.table != QLatin1String("customers"))
            continue;
        if (c.kind == ChangeKind::Deleted) {
            onRowsDeleted(c);
            continue;
        }
        for (const QString &id : m_db.idsOfRows(c.table, c.rows))
            m_data.index.customer(id) < 0 ? onCustomerAdded(id) : onCustomerChanged(id);
    }
    QStringList leads;
    for (const TableChange &c : changes.changes) {
        if (c.table != QLatin1String("leads"))
            continue;
        if (c.kind == ChangeKind::Deleted)
            onRowsDeleted(c);
        else
            leads << m_db.idsOfRows(c.table, c.rows);
    }
    if (!leads.isEmpty())
        onLeadsChanged(leads);
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
    m_leadsNotOnServer.clear();
    m_customersNotOnServer.clear();
    refreshNotOnServer(false); // before `loaded`: the models read it as they reset
    Q_EMIT loaded();
    if (m_data.complete) {
        for (const QString &id : added)
            onCustomerAdded(id);
        if (!changed.isEmpty())
            onLeadsChanged(changed);
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
    for (size_t i = 0; i < m_data.leads.size(); ++i)
        m_leadTitle[i] = titleId(m_data.leads[i].title);
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

int Catalog::titleId(const QString &title) const
{
    auto it = m_titleIds.constFind(title);
    if (it == m_titleIds.constEnd())
        it = m_titleIds.insert(title, m_titleSearch.add(title));
    return it.value();
}

void Catalog::onLeadChanged(const QString &id)
{
    const int row = m_data.index.lead(id);
    if (!m_loaded || row < 0)
        return;
    LeadRow fresh;
    if (!loadLeadRow(m_db.handle(), id, m_data.index, fresh)) {
        // Gone from the file (a pull removed it): shown as deleted.
        if (m_data.leads[size_t(row)].deleted)
            return;
        m_data.leads[size_t(row)].deleted = true;
        Q_EMIT leadRowChanged(row);
        return;
    }
    if (m_titlesBuilt && fresh.title != m_data.leads[size_t(row)].title)
        m_leadTitle[size_t(row)] = titleId(fresh.title);
    m_data.leads[size_t(row)] = fresh;
    Q_EMIT leadRowChanged(row);
}

void Catalog::onLeadsChanged(const QStringList &ids)
{
    if (!m_data.complete)
        m_changedDuringPreview << ids; // re-read once the full data arrives
    if (!m_loaded)
        return;
    // A burst of new leads (a large import, a first pull) is read whole: one load is faster
    // than thousands of single-row reads on the window's thread.
    constexpr int kReloadAbove = 5000;
    int unknown = 0;
    for (const QString &id : ids)
        unknown += m_data.index.lead(id) < 0;
    if (unknown > kReloadAbove && m_data.complete) {
        QString error;
        if (!load(&error))
            qWarning("Could not reload after %d new leads: %s", unknown, qPrintable(error));
        return;
    }
    const int first = int(m_data.leads.size());
    for (const QString &id : ids) {
        if (m_data.index.lead(id) >= 0) {
            onLeadChanged(id);
            continue;
        }
        // New to this window (a pull, another connection): appended, so no row number shifts.
        LeadRow fresh;
        if (!loadLeadRow(m_db.handle(), id, m_data.index, fresh) || fresh.deleted)
            continue;
        if (m_titlesBuilt)
            m_leadTitle.push_back(titleId(fresh.title));
        m_data.index.addLead(id, int(m_data.leads.size()));
        m_data.leads.push_back(std::move(fresh));
    }
    if (int(m_data.leads.size()) > first)
        Q_EMIT leadRowsInserted(first, int(m_data.leads.size()) - 1);
}

void Catalog::onRowsDeleted(const TableChange &change)
{
    // Leads and customers are tombstoned (an update); a row removed outright (a pull's clean-up)
    // is named by its row id, which is its local key.
    const bool leads = change.table == QLatin1String("leads");
    for (qint64 rowId : change.rows) {
        const QString id = QString::number(rowId);
        if (!m_data.complete)
            (leads ? m_changedDuringPreview : m_changedCustomersDuringPreview) << id;
        if (leads) {
            const int row = m_data.index.lead(id);
            if (row >= 0 && !m_data.leads[size_t(row)].deleted) {
                m_data.leads[size_t(row)].deleted = true;
                Q_EMIT leadRowChanged(row);
            }
        } else {
            const int row = m_data.index.customer(id);
            if (row >= 0 && !m_data.customers[size_t(row)].deleted) {
                m_data.customers[size_t(row)].deleted = true;
                Q_EMIT customerRowChanged(row);
            }
        }
    }
}

void Catalog::refreshNotOnServer(bool announce)
{
    if (!m_loaded)
        return;
    const storage::ConflictRepository conflicts(m_db);
    const auto ids = [&](const QString &table) {
        QSet<QString> out;
        for (qint64 key : conflicts.refusedInserts(table))
            out.insert(QString::number(key));
        return out;
    };
    const QSet<QString> leads = ids(QStringLiteral("leads")), customers = ids(QStringLiteral("customers"));
    const QSet<QString> leadsBefore = std::exchange(m_leadsNotOnServer, leads);
    const QSet<QString> customersBefore = std::exchange(m_customersNotOnServer, customers);
    if (!announce)
        return;
    for (const QString &id : (leads - leadsBefore) + (leadsBefore - leads))
        if (const int row = m_data.index.lead(id); row >= 0)
            Q_EMIT leadRowChanged(row);
    for (const QString &id : (customers - customersBefore) + (customersBefore - customers))
        if (const int row = m_data.index.customer(id); row >= 0)
            Q_EMIT customerRowChanged(row);
}

bool Catalog::leadNotOnServer(int row) const
{
    return !m_leadsNotOnServer.isEmpty() && row >= 0 && row < int(m_data.leads.size())
           && m_leadsNotOnServer.contains(m_data.leads[size_t(row)].id);
}

bool Catalog::customerNotOnServer(int row) const
{
    return !m_customersNotOnServer.isEmpty() && row >= 0 && row < int(m_data.customers.size())
           && m_customersNotOnServer.contains(m_data.customers[size_t(row)].id);
}

qint64 Catalog::liveLeads() const
{
    return std::count_if(m_data.leads.begin(), m_data.leads.end(), [](const LeadRow &l) { return !l.deleted; });
}

qint64 Catalog::liveCustomers() const
{
    return std::count_if(m_data.customers.begin(), m_data.customers.end(), [](const CustomerRow &c) { return !c.deleted; });
}

void Catalog::onCustomerAdded(const QString &id)
{
    if (!m_data.complete)
        m_addedDuringPreview << id;
    if (!m_loaded || m_data.index.customer(id) >= 0)
        return;
    CustomerRow fresh;
    if (!loadCustomerRow(m_db.handle(), id, m_data.index, fresh) || fresh.deleted)
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
    if (!loadCustomerRow(m_db.handle(), id, m_data.index, fresh)) {
        fresh = m_data.customers[size_t(row)]; // gone from the file: shown as deleted
        fresh.deleted = true;
    }
    {
        m_data.customers[size_t(row)] = fresh;
        if (m_customerSearchBuilt)
            m_customerSearch.set(row, fresh.name, fresh.aliases.isEmpty() ? QStringList()
                                                                          : fresh.aliases.split(QLatin1Char('|')));
        m_customerRank.clear();
        Q_EMIT customerRowChanged(row);
    }
}

} // namespace cockpit
