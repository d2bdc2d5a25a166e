#pragma once
// Loads what the tables show into compact column arrays in one pass per table, with the
// sqlite3 C API on a read-only connection of its own (so it can run on a worker thread
// while the window is built). The leads and customers screens read only these arrays:
// no query per cell, sort and filter over plain vectors.
#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace cockpit::storage {

struct RegionRow { QString id, name; };
struct CityRow { QString id, regionId, name; int region = -1; };
struct TeamRow { QString id, cityId, regionId, name; int city = -1, region = -1; };
struct UserRow
{
    QString id, name, role, managerId, regionId, cityId, teamId;
    int region = -1, city = -1, team = -1;
    bool left = false;
};
struct PipelineRow { QString id, code, name, nameEn; int version = 1; };
struct StageRow
{
    QString id, pipelineId, code, name, nameEn;
    int pipeline = -1, position = 0, slaMinutes = 0;
    QStringList exitGate, standardActions;
    bool terminal = false;
};

enum class LeadStatus : std::uint8_t { Open, Won, Lost };

// One lead as held in the column store (also the unit of a single-row refresh).
struct LeadRow
{
    QString id, title;
    int customer = -1, owner = -1, region = -1, city = -1, team = -1, stage = -1;
    qint64 amountCents = 0;
    std::int32_t expectedClose = 0; // days since 1970-01-01, 0 = none
    qint64 stageEnteredAt = 0;      // seconds since the epoch, UTC
    qint64 updatedAt = 0;
    std::int8_t probability = 0;
    LeadStatus status = LeadStatus::Open;
    bool deleted = false; // tombstoned after loading (a pull's tombstone, a region move)
};

struct CustomerRow
{
    QString id, name, aliases, industry, size, source, phone;
    int region = -1, city = -1, owner = -1;
    qint64 createdAt = 0;
    bool deleted = false; // tombstoned after loading (e.g. undo of its creation)
};

struct CatalogData;

// Row lookups from ids. Keys are the ids' UTF-8 bytes, so the loader maps the text it
// gets from SQLite without making a QString per reference.
class CatalogIndex
{
public:
    void build(const CatalogData &data);
    int region(const QString &id) const { return find(m_regions, id); }
    int city(const QString &id) const { return find(m_cities, id); }
    int team(const QString &id) const { return find(m_teams, id); }
    int user(const QString &id) const { return find(m_users, id); }
    int stage(const QString &id) const { return find(m_stages, id); }
    int pipeline(const QString &id) const { return find(m_pipelines, id); }
    int customer(const QString &id) const { return find(m_customers, id); }
    int lead(const QString &id) const { return find(m_leads, id); }
    void addCustomer(const QString &id, int row) { m_customers.emplace(id.toStdString(), row); }
    void addLead(const QString &id, int row) { m_leads.emplace(id.toStdString(), row); }

    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Map = std::unordered_map<std::string, int, Hash, std::equal_to<>>;
    static int find(const Map &map, std::string_view key)
    {
        const auto it = map.find(key);
        return it == map.end() ? -1 : it->second;
    }
    static int find(const Map &map, const QString &key) { return find(map, std::string_view(key.toStdString())); }

    Map m_regions, m_cities, m_teams, m_users, m_stages, m_pipelines, m_customers, m_leads;
};

struct CatalogData
{
    std::vector<RegionRow> regions;
    std::vector<CityRow> cities;
    std::vector<TeamRow> teams;
    std::vector<UserRow> users;
    std::vector<PipelineRow> pipelines;
    std::vector<StageRow> stages;
    std::vector<CustomerRow> customers;
    std::vector<LeadRow> leads;
    bool demo = false;
    QString currentUserId;
    QString currency = QStringLiteral("CNY"); // settings "currency" (an import may set USD …)
    CatalogIndex index; // built by loadCatalog()
    // A preview holds only the most recently updated leads (and their customers); the
    // totals say how many there are in all.
    bool complete = true;
    qint64 totalLeads = 0;
    qint64 totalCustomers = 0;
};

// Fills `out` (and its index) from the database at `path`. Returns false with a message on
// failure. Customers and leads load on two threads with a connection each.
// `cancel`, when set by another thread, stops the load early (returns false, "cancelled").
bool loadCatalog(const QString &path, CatalogData &out, QString *error,
                 const std::atomic_bool *cancel = nullptr);

// Live lead and customer counts from the partial indexes (milliseconds at any size).
bool countCatalog(const QString &path, qint64 *leads, qint64 *customers, QString *error);

// The first screen of a large database: the org, pipelines, the `limit` most recently
// updated leads and their customers (complete = false). The full load follows.
bool loadCatalogPreview(const QString &path, int limit, CatalogData &out, QString *error);

// Reads one lead / customer again after an edit, mapping ids through `index`, on the
// Database's own handle (Database::handle(), owning thread only).
bool loadLeadRow(sqlite3 *db, const QString &id, const CatalogIndex &index, LeadRow &out);
bool loadCustomerRow(sqlite3 *db, const QString &id, const CatalogIndex &index, CustomerRow &out);

// Fast parse of our own UTC ISO-8601 "YYYY-MM-DDTHH:MM:SSZ" (or a bare date) to epoch
// seconds; 0 for empty or malformed text.
qint64 parseIsoSeconds(const char *text, int length);
std::int32_t parseIsoDays(const char *text, int length);

} // namespace cockpit::storage
