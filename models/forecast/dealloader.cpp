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
qint64 intOr(const QVariant &v, qint64 fallback) { return v.isNull() ? fallback : v.toLongLong(); }

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

    // Contacts: the highest seniority per (customer, chain role).
    QHash<qint64, QHash<QString, int>> seniority;
    QSqlQuery ct = runQuery(db, QStringLiteral("SELECT customer_id, chain_role, MAX(seniority) FROM contacts WHERE deleted = 0 "
                                               "GROUP BY customer_id, chain_role"));
    while (ct.next())
        seniority[ct.value(0).toLongLong()].insert(ct.value(1).toString(), ct.value(2).toInt());

    QSqlQuery pay = runQuery(db, QStringLiteral("SELECT customer_id, due_on, paid_on FROM payments WHERE deleted = 0"));
    while (pay.next())
        h.payments[int(pay.value(0).toLongLong())].push_back({pay.value(1).toLongLong(), intOr(pay.value(2), -1)});

    QHash<QString, int> industryIndex;
    QHash<qint64, std::size_t> row;
    QSqlQuery q = runQuery(db, QStringLiteral(
        "SELECT l.id, l.pipeline_id, l.stage_id, l.customer_id, COALESCE(l.owner_id, 0), l.amount_cents, l.expected_close,"
        " l.status, l.closed_at, l.created_at, l.probability, l.intent_seal, l.intent_budget_range, l.intent_contact,"
        " l.intent_next_meeting, l.competitor_present, l.technical_validation, l.decision_role, COALESCE(l.product_id, -1),"
        " c.industry, c.customer_since, c.budget_cents, CASE WHEN l.status = 'open' THEN l.title END"
        " FROM leads l JOIN customers c ON c.id = l.customer_id WHERE l.deleted = 0 ORDER BY l.id"));
    while (q.next()) {
        DealHistory r;
        Deal &d = r.current;
        d.id = q.value(0).toLongLong();
        d.pipeline = q.value(1).toInt();
        d.stage = q.value(2).toInt();
        d.customer = q.value(3).toInt();
        d.owner = q.value(4).toInt();
        d.amountCents = q.value(5).toLongLong();
        d.expectedCloseDay = intOr(q.value(6), -1);
        const QString status = q.value(7).toString();
        d.outcome = status == QLatin1String("won") ? Outcome::Won : status == QLatin1String("lost") ? Outcome::Lost : Outcome::Open;
        r.closedAt = d.closed() ? intOr(q.value(8), -1) : -1;
        if (d.closed() && r.closedAt < 0)
            d.outcome = Outcome::Open; // closed with no date: cannot be placed in time
        d.closedDay = r.closedAt >= 0 ? analytics::companyDayNumber(r.closedAt) : -1;
        r.createdAt = q.value(9).toLongLong();
        d.createdDay = analytics::companyDayNumber(r.createdAt);
        d.recordedProbability = q.value(10).toInt();
        d.intentSeal = q.value(11).toInt() != 0;
        d.intentBudget = !q.value(12).toString().isEmpty();
        d.intentContact = !q.value(13).toString().isEmpty();
        d.intentNextMeeting = !q.value(14).isNull();
        h.intentRecorded = h.intentRecorded || d.intentSeal || d.intentBudget || d.intentContact || d.intentNextMeeting;
        d.bucket[Competitor] = std::int8_t(q.value(15).toInt() != 0);
        d.bucket[TechValidation] = std::int8_t(q.value(16).toInt() != 0 ? 2 : 0);
        const QString role = q.value(17).toString();
        d.decisionRoleKnown = !role.isEmpty();
        d.finalApproverMet = role == QLatin1String("final_approver");
        d.product = q.value(18).toInt();
        const QString industry = q.value(19).toString();
        if (!industry.isEmpty()) {
            auto it = industryIndex.constFind(industry);
            if (it == industryIndex.cend()) {
                it = industryIndex.insert(industry, int(h.industries.size()));
                h.industries << industry;
            }
            d.industry = *it;
        }
        r.customerSinceDay = intOr(q.value(20), -1);
        r.budgetCents = q.value(21).toLongLong();
        if (const QString title = q.value(22).toString(); !title.isEmpty())
            h.openTitles.insert(d.id, title);
        if (!role.isEmpty()) {
            const int known = seniority.value(d.customer).value(role, -1);
            r.seniorityBucket = known >= 0 ? seniorityBucketOf(known)
                                           : (role == QLatin1String("final_approver") || role == QLatin1String("decision_maker") ? 2 : 0);
        }
        row.insert(d.id, h.deals.size());
        h.deals.push_back(std::move(r));
    }

    QSqlQuery mv = runQuery(db, QStringLiteral("SELECT lead_id, at, to_stage_id FROM stage_history WHERE deleted = 0 ORDER BY lead_id, at, id"));
    while (mv.next()) {
        const auto it = row.constFind(mv.value(0).toLongLong());
        if (it != row.cend())
            h.deals[*it].moves.push_back({mv.value(1).toLongLong(), mv.value(2).toInt()});
    }
    QSqlQuery act = runQuery(db, QStringLiteral("SELECT lead_id, at, kind, direction FROM activities WHERE deleted = 0 AND lead_id IS NOT NULL "
                                                "AND (kind = 'demo' OR direction IN ('sales', 'customer'))"));
    act.setForwardOnly(true);
    while (act.next()) {
        const auto it = row.constFind(act.value(0).toLongLong());
        if (it == row.cend())
            continue;
        DealHistory &r = h.deals[*it];
        const qint64 at = act.value(1).toLongLong();
        if (act.value(2).toString() == QLatin1String("demo") && (r.firstDemoAt < 0 || at < r.firstDemoAt))
            r.firstDemoAt = at;
        const QString dir = act.value(3).toString();
        if (dir == QLatin1String("sales"))
            r.salesAt.push_back(at);
        else if (dir == QLatin1String("customer"))
            r.customerAt.push_back(at);
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
