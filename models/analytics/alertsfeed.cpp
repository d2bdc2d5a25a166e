#include "analytics/alertsfeed.h"

#include "analytics/analyticstext.h"
#include "alerts/alertrules.h"
#include "alerts/alerttext.h"
#include "analytics/query.h"
#include "domain/times.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>

namespace cockpit::analytics {

namespace {
const OrgColumns kOwnerOrg{QStringLiteral("u.region_id"), QStringLiteral("u.city_id"), QStringLiteral("u.team_id"),
                           QStringLiteral("a.owner_id")};
} // namespace

DataTable openAlertsFeed(QSqlDatabase db, const OrgScope &org, int limit, int *total)
{
    DataTable t;
    t.title = tr("Open alerts");
    t.columns = {QStringLiteral("lead_id"), QStringLiteral("raised_at"), QStringLiteral("rule"), QStringLiteral("subject"),
                 QStringLiteral("summary"), QStringLiteral("owner"), QStringLiteral("state"), QStringLiteral("rule_key")};
    t.headers = {tr("Lead"), tr("Raised"), tr("Rule"), tr("About"), tr("What"), tr("Owner"), tr("State"), tr("Rule key")};
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("lead");
    QVariantList binds;
    QString where = QStringLiteral(" FROM alerts a LEFT JOIN users u ON u.id = a.owner_id"
                                   " WHERE a.resolved_at IS NULL AND a.deleted = 0");
    where += orgCondition(org, kOwnerOrg, binds);
    // One row per subject (lead, rep, customer, store) with its reasons folded in, as the
    // Alerts inbox shows them (alertfold.h): the same lead's stage SLA and silence are one row.
    const QString grouped = where + QStringLiteral(" GROUP BY a.subject_kind, a.subject_id");
    if (total)
        *total = scalar(db, QStringLiteral("SELECT COUNT(*) FROM (SELECT 1") + grouped + u')', binds, 0).toInt();
    QVariantList b = binds;
    b << limit;
    // The newest reason's row gives the time, rule, details and owner (SQLite takes bare
    // columns from the row of the single MAX()).
    QSqlQuery q = runQuery(db, QStringLiteral(
        "SELECT f.lead, f.newest, f.rules,"
        " CASE f.kind WHEN 'lead' THEN (SELECT c.name || ' · ' || l.title FROM leads l"
        "   JOIN customers c ON c.id = l.customer_id WHERE l.id = f.sid)"
        "  WHEN 'user' THEN (SELECT name FROM users WHERE id = f.sid)"
        "  WHEN 'customer' THEN (SELECT name FROM customers WHERE id = f.sid)"
        "  WHEN 'store' THEN (SELECT name FROM stores WHERE id = f.sid) END,"
        " f.details, f.owner, f.unacknowledged, f.rule FROM ("
        "SELECT a.subject_kind AS kind, a.subject_id AS sid, MAX(a.raised_at) AS newest,"
        " COALESCE(a.lead_id, CASE WHEN a.subject_kind = 'lead' THEN a.subject_id END) AS lead,"
        " GROUP_CONCAT(DISTINCT a.rule) AS rules, a.rule AS rule, a.details AS details, u.name AS owner,"
        " SUM(a.acknowledged_at IS NULL) AS unacknowledged") + grouped
        + QStringLiteral(" ORDER BY newest DESC LIMIT ?) f ORDER BY f.newest DESC"), b);
    const QStringList order = [] {
        QStringList o = alerts::engineRules();
        o << alerts::rule::StoreRed;
        return o;
    }();
    while (q.next()) {
        QStringList rules = q.value(2).toString().split(u',', Qt::SkipEmptyParts);
        std::sort(rules.begin(), rules.end(), [&](const QString &x, const QString &y) {
            const auto ix = order.indexOf(x), iy = order.indexOf(y);
            return ix != iy ? (ix < 0 ? order.size() : ix) < (iy < 0 ? order.size() : iy) : x < y;
        });
        QStringList labels;
        for (const QString &r : std::as_const(rules))
            labels << alerts::ruleLabel(r);
        const QString newestRule = q.value(7).toString();
        t.rows << QVariantList{q.value(0).toString(), times::instantIso(q.value(1)), labels.join(QStringLiteral(" · ")),
                               q.value(3), alerts::detailsSummary(newestRule, q.value(4).toString()), q.value(5),
                               q.value(6).toInt() > 0 ? tr("open") : tr("acknowledged"), rules.join(u'+')};
    }
    return t;
}

} // namespace cockpit::analytics
