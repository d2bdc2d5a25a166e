#include "analytics/alertsfeed.h"

#include "analytics/analyticstext.h"
#include "alerts/alerttext.h"
#include "analytics/query.h"
#include "domain/times.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QSqlQuery>

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
    if (total)
        *total = scalar(db, QStringLiteral("SELECT COUNT(*)") + where, binds, 0).toInt();
    QVariantList b = binds;
    b << limit;
    QSqlQuery q = runQuery(db, QStringLiteral(
        "SELECT COALESCE(a.lead_id, CASE WHEN a.subject_kind = 'lead' THEN a.subject_id END), a.raised_at, a.rule,"
        " CASE a.subject_kind WHEN 'lead' THEN (SELECT c.name || ' · ' || l.title FROM leads l"
        "   JOIN customers c ON c.id = l.customer_id WHERE l.id = a.subject_id)"
        "  WHEN 'user' THEN (SELECT name FROM users WHERE id = a.subject_id)"
        "  WHEN 'customer' THEN (SELECT name FROM customers WHERE id = a.subject_id)"
        "  WHEN 'store' THEN (SELECT name FROM stores WHERE id = a.subject_id) END,"
        " a.details, u.name, a.acknowledged_at") + where + QStringLiteral(" ORDER BY a.raised_at DESC LIMIT ?"), b);
    while (q.next()) {
        const QString rule = q.value(2).toString();
        t.rows << QVariantList{q.value(0).toString(), times::instantIso(q.value(1)), alerts::ruleLabel(rule), q.value(3),
                               alerts::detailsSummary(rule, q.value(4).toString()), q.value(5),
                               q.value(6).isNull() ? tr("open") : tr("acknowledged"), rule};
    }
    return t;
}

} // namespace cockpit::analytics
