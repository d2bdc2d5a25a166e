// Reads the deals and their history from the file (history.h), on two connections at once.
// Plain reads; everything as-of is rebuilt in memory by asOf().
#include "forecast/history.h"
#include "analytics/idmap.h"
#include "analytics/query.h"
#include "analytics/scope.h"

#include <QSqlDatabase>
#include <QLocale>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cstring>

namespace cockpit::forecast {

namespace {
int seniorityBucketOf(int seniority)
{
    return seniority <= 2 ? 0 : seniority == 3 ? 1 : 2;
}

// What the second connection reads while the first reads the deals and their stage moves
// (loadHistory): the payments and the activities that count, as they come. The halves take
// about as long (large demo: 0.25 s each; the activities are 0.9 M rows).
struct Trail
{
    QHash<int, std::vector<std::pair<qint64, qint64>>> payments;
    enum Direction : std::int8_t { Other, Sales, Customer };
    struct Touch
    {
        qint64 lead, at;
        bool demo;
        Direction direction;
    };
    std::vector<Touch> touches;
};

void readTrail(QSqlDatabase db, Trail &t)
{
    {
        analytics::BulkQuery pay(db, QStringLiteral("SELECT customer_id, due_on, paid_on FROM payments WHERE deleted = 0"));
        while (pay.next())
            t.payments[int(pay.int64(0))].push_back({pay.int64(1), pay.isNull(2) ? -1 : pay.int64(2)});
    }
    analytics::BulkQuery act(db, QStringLiteral("SELECT lead_id, at, kind, direction FROM activities WHERE deleted = 0 AND lead_id IS NOT NULL "
                                                "AND (kind = 'demo' OR direction IN ('sales', 'customer'))"));
    while (act.next()) {
        const std::string_view dir = act.text(3) ? std::string_view(act.text(3), std::size_t(act.bytes(3))) : std::string_view();
        t.touches.push_back({act.int64(0), act.int64(1), act.bytes(2) == 4 && std::string_view(act.text(2), 4) == "demo",
                             dir == "sales" ? Trail::Sales : dir == "customer" ? Trail::Customer : Trail::Other});
    }
}

// Texts numbered in the order first met. A few (chain roles, industries) are told apart by
// comparing them: hashing each row's text cost more than reading the row (large demo: 60 ms
// of the contacts' 120). Past kCompared of them, a hash.
struct Names
{
    static constexpr std::size_t kCompared = 16;
    std::vector<QByteArray> names;
    QHash<QByteArray, int> number; // filled once there are more than kCompared

    int find(std::string_view text) const
    {
        if (names.size() <= kCompared) {
            for (std::size_t i = 0; i < names.size(); ++i)
                if (std::size_t(names[i].size()) == text.size() && std::memcmp(names[i].constData(), text.data(), text.size()) == 0)
                    return int(i);
            return -1;
        }
        return number.value(QByteArray::fromRawData(text.data(), qsizetype(text.size())), -1);
    }
    int index(std::string_view text)
    {
        if (const int known = find(text); known >= 0)
            return known;
        names.emplace_back(text.data(), qsizetype(text.size())); // a copy: the row's text goes at the next step
        if (names.size() > kCompared)
            for (std::size_t i = number.isEmpty() ? 0 : names.size() - 1; i < names.size(); ++i)
                number.insert(names[i], int(i));
        return int(names.size()) - 1;
    }
    int index(const analytics::BulkQuery &q, int column) { return index(textOf(q, column)); }
    static std::string_view textOf(const analytics::BulkQuery &q, int column)
    {
        return q.text(column) ? std::string_view(q.text(column), std::size_t(q.bytes(column))) : std::string_view();
    }
};

struct CustomerRead
{
    int industry = -1; // in Names
    qint64 sinceDay = -1, budgetCents = 0;
};

// The deal of an id in deals sorted by id, or null; fastest when asked in ascending order.
class DealFinder
{
public:
    explicit DealFinder(std::vector<DealHistory> &deals) : m_deals(deals) {}
    DealHistory *operator()(qint64 id)
    {
        if (m_at < m_deals.size() && m_deals[m_at].current.id < id && (m_at + 1 == m_deals.size() || m_deals[m_at + 1].current.id >= id))
            ++m_at; // the next deal (or past the last)
        else if (m_at >= m_deals.size() || m_deals[m_at].current.id != id)
            m_at = std::size_t(std::lower_bound(m_deals.begin(), m_deals.end(), id,
                                                [](const DealHistory &d, qint64 v) { return d.current.id < v; })
                               - m_deals.begin());
        return m_at < m_deals.size() && m_deals[m_at].current.id == id ? &m_deals[m_at] : nullptr;
    }

private:
    std::vector<DealHistory> &m_deals;
    std::size_t m_at = 0;
};

// The deals as they stand now, in id order, with their stage moves (the rest of their trail
// comes from readTrail).
void readDeals(QSqlDatabase db, History &h)
{
    using analytics::runQuery;
    QSqlQuery c = runQuery(db, QStringLiteral("SELECT value FROM settings WHERE key = 'currency'"));
    h.currency = c.next() ? c.value(0).toString() : QStringLiteral("CNY");

    // Stage names in the interface's language (the English name where there is one).
    const bool english = QLocale().language() != QLocale::Chinese;
    QSqlQuery st = runQuery(db, QStringLiteral("SELECT id, name, name_en, terminal FROM pipeline_stages WHERE deleted = 0"));
    while (st.next()) {
        const auto id = std::size_t(st.value(0).toLongLong());
        if (id >= h.stageNames.size()) {
            h.stageNames.resize(id + 1);
            h.stageCloses.resize(id + 1, 0);
        }
        const QString en = st.value(2).toString();
        h.stageNames[id] = english && !en.isEmpty() ? en : st.value(1).toString();
        h.stageCloses[id] = st.value(3).toInt() != 0;
    }

    // The bulk reads go through SQLite directly (BulkQuery): a million rows through QVariant
    // cost seconds. Text that repeats (chain roles, industries) is kept once, as a number:
    // a string or a hash per row costs more than reading it.
    Names roles, industries;
    // The customers apart, not joined to each lead: a lookup per lead in the customers' table
    // cost more than the leads' whole read (large demo: 0.45 s of 0.7 s).
    // By row number, found by id (a table where ids are dense, as the file's own numbering
    // leaves them): a hash lookup per lead cost more than the lead's read.
    std::vector<CustomerRead> customers;
    analytics::IdMap customerRow;
    {
        analytics::BulkQuery cu(db, QStringLiteral("SELECT id, industry, customer_since, budget_cents FROM customers"));
        while (cu.next()) {
            customerRow.insert(cu.int64(0), int(customers.size()));
            customers.push_back({cu.bytes(1) > 0 ? industries.index(cu, 1) : -1, cu.isNull(2) ? -1 : cu.int64(2), cu.int64(3)});
        }
    }
    // Contacts: the highest seniority per (customer, chain role), in a table of a row per
    // customer and a column per role once the roles are known.
    std::vector<int> seniority; // customer row × roles → seniority, -1 = no contact
    {
        // The table read straight: SQLite's GROUP BY walked an index and sorted every row into
        // a temporary tree (the demos hold one contact per customer and role, so grouping saves
        // no rows), twice the time.
        struct Met
        {
            int customer, role, seniority;
        };
        std::vector<Met> met;
        analytics::BulkQuery ct(db, QStringLiteral("SELECT customer_id, chain_role, seniority FROM contacts NOT INDEXED WHERE deleted = 0"));
        while (ct.next()) // seniority is NOT NULL
            if (const int row = customerRow.find(ct.int64(0)); row >= 0) // else no such customer: no lead of it is read
                met.push_back({row, roles.index(ct, 1), int(ct.int64(2))});
        const std::size_t nRoles = roles.names.size();
        seniority.assign(customers.size() * nRoles, -1);
        for (const Met &m : met) {
            int &best = seniority[std::size_t(m.customer) * nRoles + std::size_t(m.role)];
            best = std::max(best, m.seniority);
        }
    }
    std::vector<int> industryOf(industries.names.size(), -1); // industries' number → h.industries

    {
        // Room for every lead at once (a count from the smallest index, a few milliseconds):
        // grown step by step, the deals were copied over and over (large demo: 28 MB).
        QSqlQuery n = runQuery(db, QStringLiteral("SELECT count(*) FROM leads"));
        if (n.next())
            h.deals.reserve(std::size_t(n.value(0).toLongLong()));
    }
    // NOT INDEXED: in id order the table itself is read in order; SQLite would otherwise walk
    // idx_leads_owner_of and look each row up.
    analytics::BulkQuery q(db, QStringLiteral(
        "SELECT l.id, l.pipeline_id, l.stage_id, l.customer_id, COALESCE(l.owner_id, 0), l.amount_cents, l.expected_close,"
        " l.status, l.closed_at, l.created_at, l.probability, l.intent_seal, l.intent_budget_range, l.intent_contact,"
        " l.intent_next_meeting, l.competitor_present, l.technical_validation, l.decision_role, COALESCE(l.product_id, -1),"
        " CASE WHEN l.status = 'open' THEN l.title END"
        " FROM leads l NOT INDEXED WHERE l.deleted = 0 ORDER BY l.id"));
    while (q.next()) {
        const int customerAt = customerRow.find(q.int64(3));
        if (customerAt < 0)
            continue; // no such customer (a hand-edited file): as the join left it out
        const CustomerRead *customer = &customers[std::size_t(customerAt)];
        DealHistory r;
        Deal &d = r.current;
        d.id = q.int64(0);
        d.pipeline = int(q.int64(1));
        d.stage = int(q.int64(2));
        d.customer = int(q.int64(3));
        d.owner = int(q.int64(4));
        d.amountCents = q.int64(5);
        d.expectedCloseDay = q.isNull(6) ? -1 : q.int64(6);
        const std::string_view status = q.text(7) ? std::string_view(q.text(7), std::size_t(q.bytes(7))) : std::string_view();
        d.outcome = status == "won" ? Outcome::Won : status == "lost" ? Outcome::Lost : Outcome::Open;
        r.closedAt = d.closed() && !q.isNull(8) ? q.int64(8) : -1;
        if (d.closed() && r.closedAt < 0)
            d.outcome = Outcome::Open; // closed with no date: cannot be placed in time
        d.closedDay = r.closedAt >= 0 ? analytics::companyDayNumber(r.closedAt) : -1;
        r.createdAt = q.int64(9);
        d.createdDay = analytics::companyDayNumber(r.createdAt);
        d.recordedProbability = int(q.int64(10));
        d.intentSeal = int(q.int64(11)) != 0;
        d.intentBudget = q.bytes(12) > 0;
        d.intentContact = q.bytes(13) > 0;
        d.intentNextMeeting = !q.isNull(14);
        h.intentRecorded = h.intentRecorded || d.intentSeal || d.intentBudget || d.intentContact || d.intentNextMeeting;
        d.bucket[Competitor] = std::int8_t(int(q.int64(15)) != 0);
        d.bucket[TechValidation] = std::int8_t(int(q.int64(16)) != 0 ? 2 : 0);
        const std::string_view role = q.text(17) ? std::string_view(q.text(17), std::size_t(q.bytes(17))) : std::string_view();
        d.decisionRoleKnown = !role.empty();
        d.finalApproverMet = role == "final_approver";
        d.product = int(q.int64(18));
        if (customer->industry >= 0) { // numbered in the order the deals name them
            int &industry = industryOf[std::size_t(customer->industry)];
            if (industry < 0) {
                industry = int(h.industries.size());
                h.industries << QString::fromUtf8(industries.names[std::size_t(customer->industry)]);
            }
            d.industry = industry;
        }
        r.customerSinceDay = customer->sinceDay;
        r.budgetCents = customer->budgetCents;
        if (q.bytes(19) > 0)
            h.openTitles.insert(d.id, q.string(19));
        if (!role.empty()) {
            const int roleNumber = roles.find(role);
            const int known = roleNumber < 0 ? -1 : seniority[std::size_t(customerAt) * roles.names.size() + std::size_t(roleNumber)];
            r.seniorityBucket = known >= 0 ? seniorityBucketOf(known) : (role == "final_approver" || role == "decision_maker" ? 2 : 0);
        }
        h.deals.push_back(std::move(r));
    }
    // The moves come by lead, as the deals: a cursor finds each one's deal, most often where
    // the last one was (a hash lookup per row cost 0.1 s).
    DealFinder find(h.deals);
    analytics::BulkQuery mv(db, QStringLiteral("SELECT lead_id, at, to_stage_id FROM stage_history WHERE deleted = 0 ORDER BY lead_id, at, id"));
    while (mv.next())
        if (DealHistory *r = find(mv.int64(0)))
            r->moves.push_back({mv.int64(1), int(mv.int64(2))});
}
} // namespace

History loadHistory(QSqlDatabase db)
{
    // Two halves at once on two connections (the machine has two cores or more): the deals
    // and their moves on this one, the payments and activities on a second. A file SQLite holds in
    // memory has no second connection: both here, one after the other.
    History h;
    Trail trail;
    const QString file = db.databaseName();
    if (!file.isEmpty() && file != QLatin1String(":memory:") && !file.startsWith(QLatin1String("file::memory:"))) {
        analytics::runAlongside(db, [&](QSqlDatabase on) { readDeals(on, h); },
                                [&](QSqlDatabase on) { readTrail(on, trail); });
    } else {
        readDeals(db, h);
        readTrail(db, trail);
    }
    h.payments = std::move(trail.payments);
    // The touches come by lead, as the deals and their moves (readDeals).
    DealFinder find(h.deals);
    for (const Trail::Touch &t : trail.touches) {
        DealHistory *found = find(t.lead);
        if (!found)
            continue;
        DealHistory &r = *found;
        if (t.demo && (r.firstDemoAt < 0 || t.at < r.firstDemoAt))
            r.firstDemoAt = t.at;
        if (t.direction == Trail::Sales)
            r.salesAt.push_back(t.at);
        else if (t.direction == Trail::Customer)
            r.customerAt.push_back(t.at);
    }
    std::vector<Deal> now;
    now.reserve(h.deals.size());
    for (DealHistory &r : h.deals) {
        std::sort(r.salesAt.begin(), r.salesAt.end());
        std::sort(r.customerAt.begin(), r.customerAt.end());
        now.push_back(r.current);
    }
    h.amountLeaks = amountLeaksOutcome(now);
    h.closeDateWritten = closeDateWrittenAtClose(now);
    int won = 0, lost = 0, with[4][2] = {};
    for (const Deal &d : now) {
        if (!d.closed())
            continue;
        const int k = d.won() ? 0 : 1;
        (d.won() ? won : lost) += 1;
        with[0][k] += d.intentSeal || d.intentBudget || d.intentContact || d.intentNextMeeting;
        with[1][k] += d.decisionRoleKnown;
        with[2][k] += d.bucket[Competitor] == 1;
        with[3][k] += d.bucket[TechValidation] >= 2;
    }
    for (int f = 0; f < 4; ++f)
        if (writtenByOutcome(with[f][0], won, with[f][1], lost))
            h.outcomeWritten |= 1 << f;
    return h;
}

} // namespace cockpit::forecast
