// Money and service: orders for won leads (+ repeat orders, cross-sell), payments with late
// and unpaid ones, contracts, tickets, NPS surveys and product trials. Also fills the
// per-rep monthly collections that targets and forecasts are derived from.
#include "demo/demomodel.h"
#include "demo/demonames.h"

#include <algorithm>
#include <cmath>

namespace cockpit::demo::detail {

void writeSales(Ctx &c, Rng &r)
{
    c.monthBase = monthIndexOfDay(c.today) - 36;
    c.monthSlots = 36 + 8;
    c.repMonthPaid.assign(c.users.size(), std::vector<qint64>(std::size_t(c.monthSlots), 0));

    Insert oins(*c.db, "orders",
                "id, customer_id, lead_id, rep_id, ordered_on, amount_cents, margin_cents, product_line, updated_at");
    Insert pins(*c.db, "payments", "id, order_id, customer_id, rep_id, amount_cents, due_on, paid_on, updated_at");
    Insert kins(*c.db, "contracts",
                "id, customer_id, signed_on, ends_on, value_cents, fulfilment_pct, renewal_intent, updated_at");

    auto addOrder = [&](int ci, const std::optional<Id> &leadId, int rep, qint64 day, qint64 amount, int line) {
        const Customer &cu = c.customers[ci];
        const Id oid = c.newId(r);
        const qint64 margin = qint64(double(amount) * r.uniform(0.18, 0.45)) / 100 * 100;
        oins.row(oid, cu.id, leadId, c.users[rep].id, Date{day}, amount, margin, names::kProductLines[line],
                 Time{day * kDay + 3 * kHour});
        static const int shares[3][3] = {{100, 0, 0}, {50, 50, 0}, {30, 40, 30}};
        static const int dueOffset[3][3] = {{30, 0, 0}, {30, 120, 0}, {30, 90, 180}};
        static const std::vector<double> planW{0.4, 0.4, 0.2};
        const int plan = r.weighted(planW);
        qint64 left = amount;
        for (int k = 0; k <= plan; ++k) {
            const qint64 part = k == plan ? left : amount * shares[plan][k] / 100 / 100 * 100;
            left -= part;
            const qint64 due = day + dueOffset[plan][k];
            qint64 paid = -1;
            if (due <= c.today) {
                const double x = r.uniform();
                if (x < cu.punctuality * 0.92) {
                    paid = std::max(day, due - r.range(0, 10));
                } else if (x < 0.93) {
                    paid = due + r.range(5, 75); // late
                    if (paid > c.today)
                        paid = -1;
                }
            } else if (r.chance(0.15)) {
                paid = r.range(day, c.today);
            }
            const Id pid = c.newId(r);
            const std::optional<Date> paidOn = paid >= 0 ? std::optional<Date>(Date{paid}) : std::nullopt;
            pins.row(pid, oid, cu.id, c.users[rep].id, part, Date{due}, paidOn,
                     Time{(paid >= 0 ? paid : day) * kDay + 3 * kHour});
            if (paid >= 0) {
                const int slot = monthIndexOfDay(paid) - c.monthBase;
                if (slot >= 0 && slot < c.monthSlots)
                    c.repMonthPaid[rep][slot] += part;
            }
        }
    };

    for (const Lead &L : c.leads) {
        if (L.status != 'w')
            continue;
        const qint64 day = dayOf(L.closedAt);
        addOrder(L.customer, L.id, L.owner, day, L.amount, L.productLine);
        const Customer &cu = c.customers[L.customer];
        const qint64 years = r.range(1, 3);
        const qint64 ends = day + 365 * years;
        const double elapsed = double(c.today - day) / double(ends - day);
        const int fulfil = int(std::clamp(elapsed * 100.0 * r.uniform(0.8, 1.3), 0.0, 100.0));
        const int intent = int(std::clamp(cu.happiness * 100.0 + r.normal(0, 12), 0.0, 100.0));
        const Id kid = c.newId(r);
        kins.row(kid, cu.id, Date{day}, Date{ends}, L.amount, fulfil, intent, Time{c.now - r.range(0, 30 * kDay)});
    }
    // Repeat orders from existing customers, often in another product line (cross-sell).
    for (std::size_t ci = 0; ci < c.customers.size(); ++ci) {
        const Customer &cu = c.customers[ci];
        if (cu.firstWonDay < 0 || !r.chance(0.25))
            continue;
        const int n = int(r.range(1, 2));
        for (int k = 0; k < n; ++k) {
            const qint64 day = cu.firstWonDay + r.range(30, 300);
            if (day >= c.today)
                break;
            const User &owner = c.users[cu.owner];
            if (!owner.activeAt(day * kDay + 3 * kHour))
                break;
            const qint64 amount = std::max<qint64>(1000000, qint64(double(cu.budget) * r.uniform(0.15, 0.4)) / 10000 * 10000);
            const int line = r.chance(0.5) ? owner.productLine : r.index(names::kProductLineCount);
            addOrder(int(ci), std::nullopt, cu.owner, day, amount, line);
        }
    }

    // Service and voice of the customer.
    Insert tins(*c.db, "tickets",
                "id, customer_id, opened_at, first_response_minutes, resolved_at, complaint, subject, updated_at");
    Insert sins(*c.db, "surveys", "id, customer_id, at, nps, text, keywords, updated_at");
    Insert trins(*c.db, "product_trials", "id, customer_id, product_line, started_on, adopted, updated_at");
    for (const Customer &cu : c.customers) {
        if (cu.firstWonDay >= 0) {
            const int nt = int(r.range(0, cu.happiness < 0.5 ? 4 : 2));
            for (int k = 0; k < nt; ++k) {
                const qint64 opened = std::min(c.now - kHour, workTime(r.range(cu.firstWonDay + 3, c.today), r));
                const qint64 resp = std::clamp<qint64>(qint64(r.lognormal(cu.happiness > 0.5 ? 40 : 150, 1.0)), 1, 2880);
                std::optional<Time> resolved;
                const qint64 res = opened + resp * kMinute + qint64(r.lognormal(kDay, 1.0));
                if (r.chance(0.88) && res < c.now)
                    resolved = Time{res};
                const int complaint = r.chance((1.0 - cu.happiness) * 0.5) ? 1 : 0;
                const char *subject = names::kTicketSubjects[r.index(std::size(names::kTicketSubjects))];
                const Id tid = c.newId(r);
                const qint64 updated = resolved ? resolved->secs : opened;
                tins.row(tid, cu.id, Time{opened}, std::optional<qint64>(resp), resolved, complaint, subject, Time{updated});
            }
            if (cu.firstWonDay + 30 < c.today) {
                const int ns = int(r.range(1, 2));
                for (int k = 0; k < ns; ++k) {
                    const qint64 at = std::min(c.now - kHour, workTime(r.range(cu.firstWonDay + 30, c.today), r));
                    const int nps = int(std::clamp<qint64>(std::lround(cu.happiness * 10.0 + r.normal(0, 1.5)), 0, 10));
                    QByteArray keywords, text;
                    if (nps <= 6 || (nps <= 8 && r.chance(0.5))) {
                        const int a = r.index(std::size(names::kBadKeywords));
                        keywords = names::kBadKeywords[a];
                        text = QByteArray("客户反馈：") + names::kBadKeywords[a];
                        if (nps <= 4) {
                            const int b = (a + 1) % int(std::size(names::kBadKeywords));
                            keywords += QByteArray("|") + names::kBadKeywords[b];
                            text += QByteArray("，") + names::kBadKeywords[b];
                        }
                    } else if (nps >= 9) {
                        const char *g = names::kGoodKeywords[r.index(std::size(names::kGoodKeywords))];
                        keywords = g;
                        text = QByteArray("客户表扬：") + g;
                    } else {
                        text = "整体满意";
                    }
                    const Id sid = c.newId(r);
                    sins.row(sid, cu.id, Time{at}, nps, text, keywords, Time{at});
                }
            }
        }
        if (r.chance(cu.firstWonDay >= 0 ? 0.35 : 0.1)) {
            const qint64 start = c.today - r.range(10, 365);
            const int adopted = r.chance(0.25 + 0.4 * cu.happiness) ? 1 : 0;
            const Id pid = c.newId(r);
            trins.row(pid, cu.id, names::kProductLines[r.index(names::kProductLineCount)], Date{start}, adopted,
                      Time{std::min(c.now, (start + 14) * kDay + 3 * kHour)});
        }
    }
}

} // namespace cockpit::demo::detail
