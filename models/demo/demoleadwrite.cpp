// Writes leads (with gate fields and intent-letter facts) and their stage history, and
// collects the historic stage-SLA / hand-over / compliance alerts.
#include "demo/demomodel.h"
#include "demo/demonames.h"

#include "domain/pipeline.h"

#include <algorithm>

namespace cockpit::demo::detail {

namespace {
constexpr int kIntentStage[3] = {3, 3, 1};

int bandOf(qint64 cents)
{
    const qint64 yuan = cents / 100;
    return yuan < 100000 ? 0 : (yuan < 500000 ? 1 : 2);
}

int managerOf(const Ctx &c, int u)
{
    const int m = c.users[u].manager;
    return m >= 0 ? m : c.director;
}
} // namespace

void writeLeads(Ctx &c, Rng &r)
{
    Insert lins(*c.db, "leads",
                "id, customer_id, owner_id, region_id, city_id, team_id, pipeline_id, stage_id,"
                " stage_entered_at, title, amount_cents, expected_close, source_campaign, status,"
                " lost_reason, forecast_category, probability, intent_seal, intent_budget_range,"
                " intent_contact, intent_next_meeting, tags, pain_keywords, budget_band, decision_role,"
                " requirement_doc, confirmation_signed, competitor_present, technical_validation,"
                " created_at, assigned_at, closed_at, updated_at");
    const QStringList bands = cockpit::budgetBands();
    const QStringList roles = cockpit::decisionRoles();
    static const char *tagPool[] = {"重点客户", "续约", "战略项目", "老客户转介绍", "政府补贴"};

    for (std::size_t i = 0; i < c.leads.size(); ++i) {
        Lead &L = c.leads[i];
        const User &owner = c.users[L.owner];
        const Customer &cu = c.customers[L.customer];
        const PipelineInfo &pi = c.pipelines[L.pipeline];
        const int p = L.pipeline;
        const int s = L.stage;
        const bool won = L.status == 'w';

        // The customer has its own column; the title names what is being sold.
        QByteArray title = QByteArray(names::kProductLines[L.productLine]) + "项目";
        qint64 expected = dayOf(L.created) + qint64(cu.closeCycle * r.uniform(0.8, 1.5));
        if (L.status == 'o' && expected < c.today)
            expected = c.today + r.range(7, 60);
        if (L.closedAt >= 0)
            expected = dayOf(L.closedAt);
        qint64 y;
        unsigned m, d;
        civilFromDays(dayOf(L.created), y, m, d);
        const QByteArray campaign = QByteArray(names::kSources[cu.source]) + '-' + QByteArray::number(y) + 'Q' +
                                    QByteArray::number((m - 1) / 3 + 1);

        // Gate fields: filled for leads past the gate that requires them (and often before).
        const bool pastScreen = (p == Lifecycle && s >= 2) || won;
        QByteArray pain, band, role, reqDoc;
        if (pastScreen || r.chance(s >= 1 ? 0.6 : 0.25)) {
            const int a = r.index(std::size(names::kPainKeywords));
            const int b = (a + 1 + r.index(std::size(names::kPainKeywords) - 1)) % int(std::size(names::kPainKeywords));
            pain = QByteArray(names::kPainKeywords[a]) + '|' + names::kPainKeywords[b];
        }
        if (pastScreen || r.chance(s >= 1 ? 0.7 : 0.3))
            band = bands.at(bandOf(L.amount)).toUtf8();
        if (pastScreen || r.chance(s >= 1 ? 0.5 : 0.2))
            role = roles.at(r.index(roles.size())).toUtf8();
        if ((p == B2B && (s >= 1 || won)) || (p != B2B && s >= 2 && r.chance(0.5))) {
            if (r.chance(0.5))
                reqDoc = "需求清单-" + QByteArray::number(qint64(i) + 1) + ".docx";
            else
                reqDoc = "会议纪要-" + isoDate(dayOf(L.entry[std::min(s, 1)]));
        }
        const int confirmation = (p == KeyAccount && (s >= 1 || won)) ? 1 : 0;
        const int competitor = (L.lostReason == 1 || r.chance(0.3)) ? 1 : 0;
        const int techValidation = (s >= 2 && r.chance(won ? 0.8 : 0.5)) ? 1 : 0;

        // Intent letter (意向书): complete, or missing exactly one of its four facts.
        int seal = 0;
        QByteArray budgetRange, contact;
        std::optional<Date> nextMeeting;
        if (s >= kIntentStage[p] && L.status != 'l') {
            seal = 1;
            budgetRange = bands.at(bandOf(L.amount)).toUtf8();
            contact = cu.contactName;
            nextMeeting = Date{dayOf(L.stageEnteredAt) + r.range(5, 21)};
            if (!r.chance(won ? 0.9 : 0.6)) {
                switch (r.index(4)) {
                case 0: seal = 0; break;
                case 1: budgetRange.clear(); break;
                case 2: contact.clear(); break;
                default: nextMeeting.reset(); break;
                }
            }
        }
        const bool intentComplete = seal && !budgetRange.isEmpty() && !contact.isEmpty() && nextMeeting;

        int prob;
        const char *category;
        if (won) {
            prob = 100;
            category = "commit";
        } else if (L.status == 'l') {
            prob = 0;
            category = "omitted";
        } else {
            static const int base[4] = {10, 25, 45, 65};
            prob = std::clamp(int(base[s] * owner.skill) + int(r.range(-5, 5)), 5, 90);
            if (s >= kIntentStage[p] && !intentComplete)
                prob = std::min(prob, 35);
            if (L.silent && r.chance(0.3))
                category = "omitted";
            else
                category = prob >= 60 ? "commit" : (prob >= 35 ? "best_case" : "pipeline");
        }
        const QByteArray tags = r.chance(0.15) ? QByteArray(tagPool[r.index(std::size(tagPool))]) : QByteArray();
        const std::optional<Time> closed = L.closedAt >= 0 ? std::optional<Time>(Time{L.closedAt}) : std::nullopt;
        const qint64 updated = std::max(L.stageEnteredAt, L.closedAt);
        lins.row(L.id, cu.id, owner.id, c.regions[owner.region].id, c.cities[owner.city].id,
                 c.teams[owner.team].id, pi.id, pi.stageIds[s], Time{L.stageEnteredAt}, title, L.amount,
                 Date{expected}, campaign,
                 L.status == 'o' ? "open" : (won ? "won" : "lost"),
                 L.lostReason >= 0 ? names::kLostReasons[L.lostReason] : "", category, prob, seal,
                 budgetRange, contact, nextMeeting, tags, pain, band, role, reqDoc, confirmation,
                 competitor, techValidation, Time{L.created}, Time{L.assigned}, closed, Time{updated});

        // Stage history: creation, then every move; churn leads bounce six more times.
        const int creator = p == B2B && !c.marketing.empty() ? c.marketing[i % c.marketing.size()] : L.owner;
        // (Written by writeLog() with the log chain; updated_at is the move's time.)
        auto move = [&](const Id &id, int from, int to, qint64 at, int by, const char *reason) {
            StageMoveRow &m = c.stageMoveRows.emplace_back();
            m.id = id;
            m.at = at;
            m.lead = int(i);
            m.from = from;
            m.to = to;
            m.by = by;
            m.reason = reason;
        };
        move(c.newId(r), -1, 0, L.created, creator, "创建线索");
        for (int k = 1; k <= s; ++k) {
            const Id hid = c.newId(r);
            move(hid, k - 1, k, L.entry[k], L.owner, names::kMoveReasons[r.index(std::size(names::kMoveReasons))]);
        }
        if (L.churn) {
            for (int k = 1; k <= 6; ++k) {
                const int from = (k % 2 == 1) ? s : s - 1;
                const int to = (k % 2 == 1) ? s - 1 : s;
                move(c.newId(r), from, to, L.entry[s] + k * 15 * kMinute, L.owner, "");
            }
            AlertRow a;
            a.rule = "compliance_stage_churn";
            a.subjectKind = "user";
            a.subjectId = owner.id;
            a.owner = managerOf(c, L.owner);
            a.raisedAt = L.stageEnteredAt + 5 * kMinute;
            a.ackBy = a.owner;
            a.ackAt = std::min(c.now, a.raisedAt + r.range(kHour, 20 * kHour));
            a.details = "同一线索一天内阶段变更 7 次：" + title;
            c.alerts.push_back(a);
        }

        // Historic stage-SLA alerts on closed leads that overstayed a stage.
        if (L.status != 'o' && r.chance(0.03)) {
            for (int k = 0; k < s; ++k) {
                const qint64 sla = qint64(pi.slaMinutes[k]) * kMinute;
                if (sla > 0 && L.entry[k + 1] - L.entry[k] > sla) {
                    AlertRow a;
                    a.rule = "stage_sla";
                    a.subjectKind = "lead";
                    a.subjectId = L.id;
                    a.owner = L.owner;
                    a.raisedAt = L.entry[k] + sla;
                    a.resolvedBy = L.owner;
                    a.resolvedAt = L.entry[k + 1];
                    const int mgr = managerOf(c, L.owner);
                    if (r.chance(0.25) && a.resolvedAt - a.raisedAt > 3 * kHour) {
                        a.escalatedTo = managerOf(c, mgr);
                        a.escalatedAt = a.raisedAt + 2 * kHour;
                    }
                    a.ackBy = mgr;
                    a.ackAt = a.raisedAt + std::min<qint64>(r.range(10 * kMinute, 4 * kHour),
                                                            (a.resolvedAt - a.raisedAt) / 2);
                    a.details = "阶段「" + pi.stageNames[k] + "」超过SLA " + QByteArray::number(pi.slaMinutes[k]) +
                                " 分钟";
                    c.alerts.push_back(a);
                    break;
                }
            }
        }
        // Marketing hand-over SLA (48 h to first follow-up) on B2B leads.
        if (p == B2B && L.lastTouch >= 0 && L.firstAction - L.assigned > 48 * kHour && L.firstAction < c.now) {
            AlertRow a;
            a.rule = "handover_sla";
            a.subjectKind = "lead";
            a.subjectId = L.id;
            a.owner = L.owner;
            a.raisedAt = L.assigned + 48 * kHour;
            a.ackBy = managerOf(c, L.owner);
            a.ackAt = a.raisedAt + (L.firstAction - a.raisedAt) / 2;
            a.resolvedBy = L.owner;
            a.resolvedAt = L.firstAction;
            a.details = "市场移交后48小时未跟进";
            c.alerts.push_back(a);
        }
    }
}

} // namespace cockpit::demo::detail
