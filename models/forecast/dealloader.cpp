// Reads the deals and their history from the file (history.h). Plain aggregation queries on
// indexed columns; everything as-of is rebuilt in memory by asOf().
#include "forecast/history.h"
#include "analytics/query.h"
#include "analytics/scope.h"

#include <QSqlDatabase>
#include <QLocale>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace cockpit::forecast {

namespace {
int seniorityBucketOf(int seniority)
{
    return seniority <= 2 ? 0 : seniority == 3 ? 1 : 2;
}
} // namespace

History loadHistory(QSqlDatabase db)
{
    using analytics::runQuery;
    History h;
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
    // cost seconds. Contacts: the highest seniority per (customer, chain role).
    QHash<qint64, QHash<QString, int>> seniority;
    {
        analytics::BulkQuery ct(db, QStringLiteral("SELECT customer_id, chain_role, MAX(seniority) FROM contacts WHERE deleted = 0 "
                                                   "GROUP BY customer_id, chain_role"));
        while (ct.next())
            seniority[ct.int64(0)].insert(ct.string(1), int(ct.int64(2)));
    }
    {
        analytics::BulkQuery pay(db, QStringLiteral("SELECT customer_id, due_on, paid_on FROM payments WHERE deleted = 0"));
        while (pay.next())
            h.payments[int(pay.int64(0))].push_back({pay.int64(1), pay.isNull(2) ? -1 : pay.int64(2)});
    }

    QHash<QString, int> industryIndex;
    QHash<qint64, std::size_t> row;
    analytics::BulkQuery q(db, QStringLiteral(
        "SELECT l.id, l.pipeline_id, l.stage_id, l.customer_id, COALESCE(l.owner_id, 0), l.amount_cents, l.expected_close,"
        " l.status, l.closed_at, l.created_at, l.probability, l.intent_seal, l.intent_budget_range, l.intent_contact,"
        " l.intent_next_meeting, l.competitor_present, l.technical_validation, l.decision_role, COALESCE(l.product_id, -1),"
        " c.industry, c.customer_since, c.budget_cents, CASE WHEN l.status = 'open' THEN l.title END"
        " FROM leads l JOIN customers c ON c.id = l.customer_id WHERE l.deleted = 0 ORDER BY l.id"));
    while (q.next()) {
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
        const QString role = q.string(17);
        d.decisionRoleKnown = !role.isEmpty();
        d.finalApproverMet = role == QLatin1String("final_approver");
        d.product = int(q.int64(18));
        const QString industry = q.string(19);
        if (!industry.isEmpty()) {
            auto it = industryIndex.constFind(industry);
            if (it == industryIndex.cend()) {
                it = industryIndex.insert(industry, int(h.industries.size()));
                h.industries << industry;
            }
            d.industry = *it;
        }
        r.customerSinceDay = q.isNull(20) ? -1 : q.int64(20);
        r.budgetCents = q.int64(21);
        if (q.bytes(22) > 0)
            h.openTitles.insert(d.id, q.string(22));
        if (!role.isEmpty()) {
            const int known = seniority.value(d.customer).value(role, -1);
            r.seniorityBucket = known >= 0 ? seniorityBucketOf(known)
                                           : (role == QLatin1String("final_approver") || role == QLatin1String("decision_maker") ? 2 : 0);
        }
        row.insert(d.id, h.deals.size());
        h.deals.push_back(std::move(r));
    }

    {
        analytics::BulkQuery mv(db, QStringLiteral("SELECT lead_id, at, to_stage_id FROM stage_history WHERE deleted = 0 ORDER BY lead_id, at, id"));
        while (mv.next()) {
            const auto it = row.constFind(mv.int64(0));
            if (it != row.cend())
                h.deals[*it].moves.push_back({mv.int64(1), int(mv.int64(2))});
        }
    }
    {
        analytics::BulkQuery act(db, QStringLiteral("SELECT lead_id, at, kind, direction FROM activities WHERE deleted = 0 AND lead_id IS NOT NULL "
                                                    "AND (kind = 'demo' OR direction IN ('sales', 'customer'))"));
        while (act.next()) {
            const auto it = row.constFind(act.int64(0));
            if (it == row.cend())
                continue;
            DealHistory &r = h.deals[*it];
            const qint64 at = act.int64(1);
            if (act.bytes(2) == 4 && std::string_view(act.text(2), 4) == "demo" && (r.firstDemoAt < 0 || at < r.firstDemoAt))
                r.firstDemoAt = at;
            const std::string_view dir = act.text(3) ? std::string_view(act.text(3), std::size_t(act.bytes(3))) : std::string_view();
            if (dir == "sales")
                r.salesAt.push_back(at);
            else if (dir == "customer")
                r.customerAt.push_back(at);
        }
    }
    std::vector<Deal> now;
    now.reserve(h.deals.size());
    for (DealHistory &r : h.deals) {
        std::sort(r.salesAt.begin(), r.salesAt.end());
        std::sort(r.customerAt.begin(), r.customerAt.end());
        now.push_back(r.current);
    }
    h.amountLeaks = amountLeaksOutcome(now);
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
