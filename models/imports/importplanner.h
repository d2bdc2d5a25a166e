#pragma once
// Internal to the importer: the planner that fills an ImportPlan (importplan.cpp for people,
// products, customers and the common parts; importplanleads.cpp for leads and the pipeline).
#include "imports/importplan.h"
#include "imports/tablesource.h"
#include "storage/sqlitestatement.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>
#include <optional>
#include <unordered_map>

namespace cockpit::imports::detail {

QString normaliseName(const QString &name);    // case, width, spaces and punctuation folded
QString normaliseCompany(const QString &name); // also legal suffixes (有限公司, Inc., Ltd …)
bool isClosingWord(const QString &normalised);
const QStringList &unmatchedFields(Entity entity); // the fields noteUnmatched() looks at  // "won", "赢单", "lost", "输单" … (a stage files write for a close)

// External ids → a number (a line, a row's index, a stored row's key): by two digests of the
// id (96 bits, so two of a million ids meet by chance once in ~10^17 imports), in 64 tables
// that grow one at a time — a QHash of the ids' texts was ~100 bytes an id, and the texts
// stayed when the rows they came from were spilled. An id costs 16 bytes (V = quint32) or 24.
std::pair<quint64, quint32> idDigest(const QString &id);

template <typename V>
class Digests
{
public:
    std::optional<V> value(const QString &id) const
    {
        const auto [a, b] = idDigest(id);
        const std::vector<Slot> &t = m_tables[a >> 58];
        if (t.empty())
            return std::nullopt;
        const std::size_t mask = t.size() - 1;
        for (std::size_t i = std::size_t(a) & mask;; i = (i + 1) & mask) {
            if (t[i].a == 0)
                return std::nullopt;
            if (t[i].a == a && t[i].b == b)
                return t[i].value;
        }
    }
    void insert(const QString &id, V value) // replaces
    {
        const auto [a, b] = idDigest(id);
        const std::size_t table = a >> 58;
        std::vector<Slot> &t = m_tables[table];
        // At most 3/4 full: doubled before the slot that would pass it.
        if ((m_counts[table] + 1) * 4 > t.size() * 3) {
            std::vector<Slot> bigger(t.empty() ? 64 : t.size() * 2);
            for (const Slot &s : t)
                if (s.a)
                    place(bigger, s);
            t.swap(bigger);
        }
        if (place(t, {a, b, value})) {
            ++m_counts[table];
            ++m_size;
        }
    }
    qsizetype size() const { return m_size; }

private:
    struct Slot
    {
        quint64 a = 0; // 0: empty
        quint32 b = 0;
        V value = 0;
    };
    static bool place(std::vector<Slot> &slots, const Slot &s)
    {
        const std::size_t mask = slots.size() - 1;
        for (std::size_t i = std::size_t(s.a) & mask;; i = (i + 1) & mask)
            if (slots[i].a == 0 || (slots[i].a == s.a && slots[i].b == s.b)) {
                const bool fresh = slots[i].a == 0;
                slots[i] = s;
                return fresh;
            }
    }
    std::vector<Slot> m_tables[64];
    std::size_t m_counts[64] = {};
    qsizetype m_size = 0;
};
using IdDigests = Digests<quint32>;

class Planner
{
public:
    Planner(QSqlDatabase db, const ImportRequest &request, ImportPlan &plan);
    void run();

    // One data row of a file while it is planned.
    struct Row
    {
        int file = -1;
        qint64 line = 0;
        const QStringList *fields = nullptr;
        const FileMapping *mapping = nullptr;
        const QHash<QString, int> *columnOf = nullptr; // field → column index
        QString error;     // the first error: the row is refused
        quint32 given = 0;
        quint32 translated = 0; // fields whose value the mapping translated (warned once)
    };

private:
    bool loadExisting();
    bool planPipeline();
    void planFile(int index);
    void planOrgRow(Row &row);
    void planProductRow(Row &row);
    void planCustomerRow(Row &row);
    void planLeadRow(Row &row);
    void planContactRow(Row &row);
    void planActivityRow(Row &row);
    void planOrderRow(Row &row);
    void planPaymentRow(Row &row);
    void planStoreRow(Row &row);    // importplanstores.cpp
    void planStoreDayRow(Row &row); // importplanstores.cpp
    void planTargetRow(Row &row);   // importplantargets.cpp
    bool loadStores();              // the stores and store days the database holds, on first need
    bool loadTargets();             // the targets the database holds, on first need
    // The org node a target names: by level, or (no level) the one unit or person of that name.
    RowRef findOrgNode(Row &row, QString *level, const QString &name, const char **kind);
    void finishStores();            // opening dates the files left out
    void checkTargetSums();         // a warning where a file's lower levels do not add up
    RowRef findLead(const QString &externalId) const; // this import's or an earlier one's
    // An instant from a date cell that may carry a time ("2026-03-05 14:30": Beijing time);
    // a bare date is 12:00 Beijing, as every other date of an import.
    std::optional<qint64> dateTime(Row &row, const QString &field, const QString &text);
    void finish();

    // The row's value of `field`: its cell (trimmed), else the mapping's default, then through
    // the mapping's value translation. Sets the field's bit in row.given when the cell had one.
    QString value(Row &row, const QString &field);
    QString columnName(const Row &row, const QString &field) const;
    void fail(Row &row, const QString &field, const QString &value, const QString &reason);
    // Counts the row's stage and people the import cannot match (ImportPlan::unmatched), with
    // the choices the wizard offers for them.
    void noteUnmatched(Row &row, const QStringList &fields); // fields: unmatchedFields(entity)
    void warn(const Row &row, const QString &field, const QString &value, const QString &reason);
    QString shared(const QString &text); // `text`, or an equal one kept before (its data shared)
    std::optional<qint64> date(Row &row, const QString &field, const QString &text); // an instant; fails the row when bad
    std::optional<qint64> money(Row &row, const QString &field, const QString &text);
    std::optional<qint64> integer(Row &row, const QString &field, const QString &text, qint64 min, qint64 max);

    RowRef findUser(Row &row, const QString &field, const QString &name, bool mayCreate);
    // The person `name` is (this import's, the database's, or by pinyin when only one reads
    // so), without a warning or a new person; *byPinyin says how it was found.
    RowRef knownUser(const QString &name, bool *byPinyin = nullptr) const;
    RowRef findRegion(const QString &name, bool create);
    RowRef findCity(const QString &name, RowRef region, bool create);
    RowRef findTeam(const QString &name, RowRef city, RowRef region, bool create);
    RowRef findCustomer(const QString &name) const;
    RowRef findProduct(Row &row, const QString &field, const QString &name);
    // The external id of a row: its id column, else a digest of its cells (so re-importing the
    // same file still finds its rows).
    QString externalId(Row &row);
    // true (and the row refused) when an earlier row of the same file had this id; the row's
    // id is remembered by rememberId() once it is planned.
    bool repeatsId(Row &row, const QString &id);
    void rememberId(const Row &row, const QString &id);
    // Action for a row that matches `existing` (0: none): compares the columns it would write.
    RowAction decide(const char *table, int index, qint64 existing, quint32 given);
    bool sameAsStored(const char *table, int index, qint64 key, quint32 given, QString *differs);

    QSqlDatabase m_db;
    const ImportRequest &m_request;
    ImportPlan &m_plan;
    TableSource *m_source = nullptr;
    qint64 m_totalBytes = 0, m_doneBytes = 0;

    // What the database holds (keys), and what the plan adds (indexes), by normalised name.
    QHash<QString, qint64> m_dbUsers, m_dbUsersByPinyin, m_dbRegions, m_dbProducts, m_dbCustomers;
    QHash<QString, qint64> m_dbCities, m_dbTeams; // "<region or city key>\n<name>"
    QHash<QString, QString> m_dbCustomerNames;    // normalised alias or name → the stored name
    QHash<QString, qint64> m_dbCustomersByPinyin;
    QHash<QString, int> m_users, m_regions, m_cities, m_teams, m_products, m_customers;
    QHash<QString, Digests<qint64>> m_keys; // entity → external id → key (import_keys)
    qint64 storedKey(const QString &entity, const QString &externalId) const; // 0: none
    QHash<QString, int> m_unmatched;               // "<file>\n<field>\n<value>" → index in plan.unmatched
    QHash<int, IdDigests> m_seenIds;               // file → external id → line, in this import
    QSet<QString> m_texts;                         // issue reasons, shared (shared())
    qint64 m_earliest = 0;                         // earliest date any row gives (0 = none)
    QString m_companyCurrency;
    int m_wonStage = -1, m_firstStage = 0;
    QHash<QString, int> m_stageByName; // normalised name → index; "lost" closing → -2
    QHash<qint64, int> m_stageByKey;
    // This import's leads, by external id, and what rows of later files need of them (kept
    // only when a later file names leads: activities, orders).
    struct LeadLink
    {
        qint64 existing = 0, createdAt = 0;
        RowRef customer;
    };
    bool m_linkLeads = false;
    IdDigests m_leadsByExternalId;
    std::vector<LeadLink> m_leadLinks;
    QHash<int, qint64> m_firstLead; // a planned customer → its earliest lead's creation
    // After a row of a spilled kind is planned (the last of `rows`): its action, as finish()
    // decides those kept in memory, and its file's counts.
    template <typename Rows>
    void decideLast(const char *table, Rows &rows);
    IdDigests m_contacts;                     // "<customer ref>\n<name>" → line
    QHash<QString, int> m_ordersByExternalId; // this import's orders
    bool m_storesLoaded = false, m_targetsLoaded = false, m_leadCustomersLoaded = false;
    QHash<qint64, qint64> m_leadCustomers;        // stored lead → its customer (activities)
    QHash<QString, qint64> m_dbStoresByUuid;      // the global id exports show
    QHash<QString, QList<qint64>> m_dbStoresByName; // normalised name → keys (two stores may share one)
    QHash<QString, int> m_stores;                 // this import's stores, by normalised name
    // Stored store days and targets, looked up by their natural key one row at a time (their
    // tables' indexes answer), so a re-import holds none of them in memory. Not prepared when
    // the table is empty.
    sql::Statement m_storeDayLookup; // store, day → key, deleted (tombstones too)
    sql::Statement m_targetLookup;   // kind, start, level, org key → key
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_compare; // sameAsStored's statements
};

} // namespace cockpit::imports::detail
