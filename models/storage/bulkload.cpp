#include "storage/bulkload.h"
#include "domain/times.h"

#include "storage/sqlitestatement.h"

#include "domain/civildate.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <sqlite3.h>

#include <string>
#include <thread>

namespace cockpit::storage {

Q_LOGGING_CATEGORY(lcLoad, "cockpit.storage.load")

namespace {


// The connection and statement of the loader: the shared sqlite3-level wrappers.
using Conn = sql::Handle;
using Stmt = sql::Statement;

std::string_view view(sqlite3_stmt *s, int col)
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(s, col));
    return p ? std::string_view(p, size_t(sqlite3_column_bytes(s, col))) : std::string_view();
}

QString text(sqlite3_stmt *s, int col)
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(s, col));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(s, col)) : QString();
}

qint64 seconds(sqlite3_stmt *s, int col)
{
    if (sqlite3_column_type(s, col) == SQLITE_INTEGER) // schema v6 (storage/TIMES_V6.md)
        return sqlite3_column_int64(s, col);
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(s, col));
    return p ? parseIsoSeconds(p, sqlite3_column_bytes(s, col)) : 0;
}

bool openReadOnly(const QString &path, Conn &c, QString *error)
{
    c.db = sql::openReadOnly(path, error);
    return c.db != nullptr;
}

bool prepare(sqlite3 *db, const char *sqlText, Stmt &st, QString *error)
{
    return st.prepare(db, QByteArray(sqlText), error);
}

QStringList splitBars(const QString &s)
{
    return s.isEmpty() ? QStringList() : s.split(QLatin1Char('|'));
}

const char kLeadColumns[] =
    "SELECT id, title, customer_id, owner_id, region_id, city_id, team_id, stage_id,"
    " amount_cents, expected_close, stage_entered_at, updated_at, probability, status, deleted FROM leads";
const char kCustomerColumns[] =
    "SELECT id, name, aliases, industry, size, source, phone, region_id, city_id, owner_id,"
    " created_at, deleted FROM customers";

void readLead(sqlite3_stmt *s, const CatalogIndex &ix, LeadRow &r)
{
    r.id = text(s, 0);
    r.title = text(s, 1);
    r.customer = CatalogIndex::find(ix.m_customers, view(s, 2));
    r.owner = CatalogIndex::find(ix.m_users, view(s, 3));
    r.region = CatalogIndex::find(ix.m_regions, view(s, 4));
    r.city = CatalogIndex::find(ix.m_cities, view(s, 5));
    r.team = CatalogIndex::find(ix.m_teams, view(s, 6));
    r.stage = CatalogIndex::find(ix.m_stages, view(s, 7));
    r.amountCents = sqlite3_column_int64(s, 8);
    if (sqlite3_column_type(s, 9) == SQLITE_INTEGER) { // a day number (schema v6)
        r.expectedClose = std::int32_t(sqlite3_column_int64(s, 9));
    } else {
        const auto *close = reinterpret_cast<const char *>(sqlite3_column_text(s, 9));
        r.expectedClose = close ? parseIsoDays(close, sqlite3_column_bytes(s, 9)) : 0;
    }
    r.stageEnteredAt = seconds(s, 10);
    r.updatedAt = seconds(s, 11);
    r.probability = std::int8_t(sqlite3_column_int(s, 12));
    const auto *st = reinterpret_cast<const char *>(sqlite3_column_text(s, 13));
    r.status = !st || st[0] == 'o' ? LeadStatus::Open : st[0] == 'w' ? LeadStatus::Won : LeadStatus::Lost;
    r.deleted = sqlite3_column_int(s, 14) != 0;
}

void readCustomer(sqlite3_stmt *s, const CatalogIndex &ix, CustomerRow &r)
{
    r.id = text(s, 0);
    r.name = text(s, 1);
    r.aliases = text(s, 2);
    r.industry = text(s, 3);
    r.size = text(s, 4);
    r.source = text(s, 5);
    r.phone = text(s, 6);
    r.region = CatalogIndex::find(ix.m_regions, view(s, 7));
    r.city = CatalogIndex::find(ix.m_cities, view(s, 8));
    r.owner = CatalogIndex::find(ix.m_users, view(s, 9));
    r.createdAt = seconds(s, 10);
    r.deleted = sqlite3_column_int(s, 11) != 0;
}

} // namespace

qint64 parseIsoSeconds(const char *p, int n)
{
    qint64 secs = 0;
    return times::parseIso(p, n, &secs) ? secs : 0;
}

std::int32_t parseIsoDays(const char *p, int n)
{
    const qint64 s = parseIsoSeconds(p, n);
    return s == 0 ? 0 : std::int32_t(s / 86400);
}

void CatalogIndex::build(const CatalogData &data)
{
    auto fill = [](Map &m, const auto &rows) {
        m.clear();
        m.reserve(rows.size());
        for (int i = 0; i < int(rows.size()); ++i)
            m.emplace(rows[size_t(i)].id.toStdString(), i);
    };
    fill(m_regions, data.regions);
    fill(m_cities, data.cities);
    fill(m_teams, data.teams);
    fill(m_users, data.users);
    fill(m_pipelines, data.pipelines);
    fill(m_stages, data.stages);
    fill(m_customers, data.customers);
    fill(m_leads, data.leads);
}

namespace {
// Lookups of the small tables, rebuilt as each one is read.
void buildSmall(CatalogIndex &ix, const CatalogData &data)
{
    auto fill = [](CatalogIndex::Map &m, const auto &rows) {
        m.clear();
        for (int i = 0; i < int(rows.size()); ++i)
            m.emplace(rows[size_t(i)].id.toStdString(), i);
    };
    fill(ix.m_regions, data.regions);
    fill(ix.m_cities, data.cities);
    fill(ix.m_teams, data.teams);
    fill(ix.m_users, data.users);
    fill(ix.m_pipelines, data.pipelines);
    fill(ix.m_stages, data.stages);
}

// Org, pipelines and stages: a few hundred rows at most.
bool loadSmallTables(sqlite3 *db, CatalogData &out, QString *error)
{
    CatalogIndex &ix = out.index;
    {
        Stmt st;
        if (!prepare(db, "SELECT id, name FROM regions WHERE deleted = 0 ORDER BY code, name", st, error))
            return false;
        while (sqlite3_step(st.handle()) == SQLITE_ROW)
            out.regions.push_back({text(st.handle(), 0), text(st.handle(), 1)});
    }
    buildSmall(ix, out);
    {
        Stmt st;
        if (!prepare(db, "SELECT id, region_id, name FROM cities WHERE deleted = 0 ORDER BY name", st, error))
            return false;
        while (sqlite3_step(st.handle()) == SQLITE_ROW) {
            CityRow r{text(st.handle(), 0), text(st.handle(), 1), text(st.handle(), 2)};
            r.region = ix.region(r.regionId);
            out.cities.push_back(r);
        }
    }
    buildSmall(ix, out);
    {
        Stmt st;
        if (!prepare(db, "SELECT id, city_id, region_id, name FROM teams WHERE deleted = 0 ORDER BY name", st, error))
            return false;
        while (sqlite3_step(st.handle()) == SQLITE_ROW) {
            TeamRow r{text(st.handle(), 0), text(st.handle(), 1), text(st.handle(), 2), text(st.handle(), 3)};
            r.city = ix.city(r.cityId);
            r.region = ix.region(r.regionId);
            out.teams.push_back(r);
        }
    }
    buildSmall(ix, out);
    {
        Stmt st;
        if (!prepare(db,
                     "SELECT id, name, role, manager_id, region_id, city_id, team_id, left_date"
                     " FROM users WHERE deleted = 0 ORDER BY name", st, error))
            return false;
        while (sqlite3_step(st.handle()) == SQLITE_ROW) {
            UserRow r{text(st.handle(), 0), text(st.handle(), 1), text(st.handle(), 2), text(st.handle(), 3),
                      text(st.handle(), 4), text(st.handle(), 5), text(st.handle(), 6)};
            r.region = ix.region(r.regionId);
            r.city = ix.city(r.cityId);
            r.team = ix.team(r.teamId);
            r.left = sqlite3_column_type(st.handle(), 7) != SQLITE_NULL;
            out.users.push_back(r);
        }
    }
    {
        Stmt st;
        if (!prepare(db, "SELECT id, code, name, name_en, version FROM pipelines WHERE deleted = 0"
                           " ORDER BY code, version", st, error))
            return false;
        while (sqlite3_step(st.handle()) == SQLITE_ROW)
            out.pipelines.push_back({text(st.handle(), 0), text(st.handle(), 1), text(st.handle(), 2), text(st.handle(), 3),
                                     sqlite3_column_int(st.handle(), 4)});
    }
    buildSmall(ix, out);
    {
        Stmt st;
        if (!prepare(db,
                     "SELECT id, pipeline_id, code, name, name_en, position, sla_minutes, exit_gate,"
                     " standard_actions, terminal FROM pipeline_stages WHERE deleted = 0"
                     " ORDER BY pipeline_id, position", st, error))
            return false;
        while (sqlite3_step(st.handle()) == SQLITE_ROW) {
            StageRow r;
            r.id = text(st.handle(), 0);
            r.pipelineId = text(st.handle(), 1);
            r.code = text(st.handle(), 2);
            r.name = text(st.handle(), 3);
            r.nameEn = text(st.handle(), 4);
            r.pipeline = ix.pipeline(r.pipelineId);
            r.position = sqlite3_column_int(st.handle(), 5);
            r.slaMinutes = sqlite3_column_int(st.handle(), 6);
            r.exitGate = splitBars(text(st.handle(), 7));
            r.standardActions = splitBars(text(st.handle(), 8));
            r.terminal = sqlite3_column_int(st.handle(), 9) != 0;
            out.stages.push_back(r);
        }
    }
    buildSmall(ix, out);
    return true;
}

void readSettings(sqlite3 *db, CatalogData &out)
{
    Stmt st;
    if (!prepare(db, "SELECT key, value FROM settings WHERE key IN ('demo', 'current_user_id', 'currency')", st, nullptr))
        return;
    while (sqlite3_step(st.handle()) == SQLITE_ROW) {
        const QString key = text(st.handle(), 0);
        if (key == QLatin1String("demo"))
            out.demo = text(st.handle(), 1) == QLatin1String("1");
        else if (key == QLatin1String("currency"))
            out.currency = text(st.handle(), 1);
        else
            out.currentUserId = text(st.handle(), 1);
    }
}

qint64 scalar(sqlite3 *db, const char *sql)
{
    Stmt st;
    if (!prepare(db, sql, st, nullptr) || sqlite3_step(st.handle()) != SQLITE_ROW)
        return -1;
    return sqlite3_column_int64(st.handle(), 0);
}

// The live rows of the catalog's two tables, counted on their partial indexes of live rows
// (indexes_v1.sql; 2-3 ms each on the large demo, against 6-12 ms for the planner's pick),
// or on the table when a file lacks them.
qint64 liveCount(sqlite3 *db, const char *table, const char *index)
{
    const std::string count = std::string("SELECT count(*) FROM ") + table;
    const qint64 n = scalar(db, (count + " INDEXED BY " + index + " WHERE deleted = 0").c_str());
    return n >= 0 ? n : scalar(db, (count + " WHERE deleted = 0").c_str());
}

// Customers are read on their own thread and connection while leads load on the caller's.
bool cancelled(const std::atomic_bool *cancel, size_t row)
{
    return cancel && (row & 1023) == 0 && cancel->load(std::memory_order_relaxed);
}

bool loadCustomers(const QString &path, const CatalogIndex &ix, std::vector<CustomerRow> &out,
                   QString *error, const std::atomic_bool *cancel)
{
    Conn c;
    if (!openReadOnly(path, c, error))
        return false;
    Stmt st;
    const QByteArray sql = QByteArray(kCustomerColumns) + " WHERE deleted = 0 ORDER BY rowid";
    if (!prepare(c.db, sql.constData(), st, error))
        return false;
    while (sqlite3_step(st.handle()) == SQLITE_ROW) {
        if (cancelled(cancel, out.size())) {
            if (error)
                *error = QStringLiteral("cancelled");
            return false;
        }
        out.emplace_back();
        readCustomer(st.handle(), ix, out.back());
    }
    return true;
}
} // namespace

bool loadCatalog(const QString &path, CatalogData &out, QString *error, const std::atomic_bool *cancel)
{
    QElapsedTimer timer;
    timer.start();
    Conn c;
    if (!openReadOnly(path, c, error))
        return false;
    out = CatalogData();
    // One read transaction: every table from the same snapshot.
    sqlite3_exec(c.db, "BEGIN", nullptr, nullptr, nullptr);
    if (!loadSmallTables(c.db, out, error))
        return false;
    // Customer ids first (one narrow pass), so leads can refer to customer rows while the
    // full customer rows load on another thread.
    CatalogIndex::Map &customerIds = out.index.m_customers;
    customerIds.clear();
    {
        Stmt st;
        if (!prepare(c.db, "SELECT id FROM customers WHERE deleted = 0 ORDER BY rowid", st, error))
            return false;
        int row = 0;
        while (sqlite3_step(st.handle()) == SQLITE_ROW)
            customerIds.emplace(std::string(view(st.handle(), 0)), row++);
        out.customers.reserve(size_t(row));
    }
    QString customerError;
    bool customersOk = false;
    std::thread customers([&] { customersOk = loadCustomers(path, out.index, out.customers, &customerError, cancel); });
    bool leadsOk = true;
    {
        Stmt count;
        if (prepare(c.db, "SELECT max(rowid) FROM leads", count, nullptr) && sqlite3_step(count.handle()) == SQLITE_ROW)
            out.leads.reserve(size_t(sqlite3_column_int64(count.handle(), 0)));
        Stmt st;
        const QByteArray sql = QByteArray(kLeadColumns) + " WHERE deleted = 0 ORDER BY rowid";
        leadsOk = prepare(c.db, sql.constData(), st, error);
        while (leadsOk && sqlite3_step(st.handle()) == SQLITE_ROW) {
            if (cancelled(cancel, out.leads.size())) {
                leadsOk = false;
                if (error)
                    *error = QStringLiteral("cancelled");
                break;
            }
            out.leads.emplace_back();
            readLead(st.handle(), out.index, out.leads.back());
        }
        CatalogIndex::Map &leadIds = out.index.m_leads;
        leadIds.reserve(out.leads.size());
        for (int i = 0; i < int(out.leads.size()); ++i)
            leadIds.emplace(out.leads[size_t(i)].id.toStdString(), i);
    }
    customers.join();
    if (!customersOk) {
        if (error)
            *error = customerError;
        return false;
    }
    if (!leadsOk)
        return false;
    readSettings(c.db, out);
    out.totalLeads = qint64(out.leads.size());
    out.totalCustomers = qint64(out.customers.size());
    sqlite3_exec(c.db, "COMMIT", nullptr, nullptr, nullptr);
    qCInfo(lcLoad) << "loaded" << out.leads.size() << "leads and" << out.customers.size()
                   << "customers in" << timer.elapsed() << "ms";
    return true;
}

bool countCatalog(const QString &path, qint64 *leads, qint64 *customers, QString *error)
{
    Conn c;
    if (!openReadOnly(path, c, error))
        return false;
    *leads = liveCount(c.db, "leads", "idx_leads_live_updated");
    *customers = liveCount(c.db, "customers", "idx_customers_live");
    return *leads >= 0 && *customers >= 0;
}

bool loadCatalogPreview(const QString &path, int limit, CatalogData &out, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    Conn c;
    if (!openReadOnly(path, c, error))
        return false;
    out = CatalogData();
    out.complete = false;
    sqlite3_exec(c.db, "BEGIN", nullptr, nullptr, nullptr);
    if (!loadSmallTables(c.db, out, error))
        return false;
    out.totalLeads = liveCount(c.db, "leads", "idx_leads_live_updated");
    out.totalCustomers = liveCount(c.db, "customers", "idx_customers_live");
    {
        Stmt st;
        const QByteArray sql = QByteArray(kCustomerColumns)
                               + " WHERE id IN (SELECT customer_id FROM leads WHERE deleted = 0"
                                 " ORDER BY updated_at DESC LIMIT ?) ORDER BY rowid";
        if (!prepare(c.db, sql.constData(), st, error))
            return false;
        sqlite3_bind_int(st.handle(), 1, limit);
        while (sqlite3_step(st.handle()) == SQLITE_ROW) {
            out.customers.emplace_back();
            readCustomer(st.handle(), out.index, out.customers.back());
            out.index.m_customers.emplace(out.customers.back().id.toStdString(), int(out.customers.size()) - 1);
        }
    }
    {
        Stmt st;
        const QByteArray sql = QByteArray(kLeadColumns) + " WHERE deleted = 0 ORDER BY updated_at DESC LIMIT ?";
        if (!prepare(c.db, sql.constData(), st, error))
            return false;
        sqlite3_bind_int(st.handle(), 1, limit);
        while (sqlite3_step(st.handle()) == SQLITE_ROW) {
            out.leads.emplace_back();
            readLead(st.handle(), out.index, out.leads.back());
            out.index.m_leads.emplace(out.leads.back().id.toStdString(), int(out.leads.size()) - 1);
        }
    }
    readSettings(c.db, out);
    sqlite3_exec(c.db, "COMMIT", nullptr, nullptr, nullptr);
    qCInfo(lcLoad) << "preview of" << out.leads.size() << "of" << out.totalLeads << "leads in"
                   << timer.elapsed() << "ms";
    return true;
}

namespace {
// One row by id, on the app's own connection (the edit that triggered it has committed):
// no second handle is opened for it.
template <typename Row, typename Reader>
bool loadOneRow(sqlite3 *db, const char *columns, const QString &id, const CatalogIndex &index,
                Row &out, Reader read)
{
    if (!db)
        return false;
    Stmt st;
    const QByteArray sql = QByteArray(columns) + " WHERE id = ?";
    if (!prepare(db, sql.constData(), st, nullptr))
        return false;
    const QByteArray key = id.toUtf8();
    sqlite3_bind_text(st.handle(), 1, key.constData(), int(key.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(st.handle()) != SQLITE_ROW)
        return false;
    read(st.handle(), index, out);
    return true;
}
} // namespace

bool loadLeadRow(sqlite3 *db, const QString &id, const CatalogIndex &index, LeadRow &out)
{
    return loadOneRow(db, kLeadColumns, id, index, out, readLead);
}

bool loadCustomerRow(sqlite3 *db, const QString &id, const CatalogIndex &index, CustomerRow &out)
{
    return loadOneRow(db, kCustomerColumns, id, index, out, readCustomer);
}

} // namespace cockpit::storage
