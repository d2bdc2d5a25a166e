#include "alertfacts.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

namespace cockpit::alerts {

namespace {
const char *kLeadSql =
    "SELECT l.id, l.customer_id, l.owner_id, l.title, l.stage_id, s.name, l.created_at,"
    " l.stage_entered_at, s.sla_minutes, p.handover_sla_minutes, l.assigned_at,"
    // Activities are an append-only log (never tombstoned), so MAX(at) is answered from the
    // covering index idx_activities_lead_at without touching the table.
    " (SELECT MAX(a.at) FROM activities a WHERE a.lead_id = l.id AND a.at <= :now),"
    " CASE WHEN p.handover_sla_minutes > 0 AND l.assigned_at IS NOT NULL THEN"
    "  (SELECT a.at FROM activities a WHERE a.lead_id = l.id AND a.at >= l.assigned_at AND a.at <= :now"
    "   AND a.direction = 'sales' AND a.deleted = 0 ORDER BY a.at LIMIT 1) END"
    " FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id JOIN pipelines p ON p.id = l.pipeline_id"
    " WHERE l.status = 'open' AND l.deleted = 0";

qint64 secs(const QVariant &v)
{
    return v.isNull() ? -1 : parseIsoSecs(v.toString());
}
} // namespace

bool FactLoader::fail(const QSqlQuery &q)
{
    m_error = q.lastError().text();
    return false;
}

bool FactLoader::users(UserMap &out)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, name, manager_id, region_id, left_date FROM users WHERE deleted = 0")))
        return fail(q);
    while (q.next()) {
        UserInfo u;
        u.id = q.value(0).toString();
        u.name = q.value(1).toString();
        u.managerId = q.value(2).toString();
        u.regionId = q.value(3).toString();
        u.leftAt = secs(q.value(4));
        out.insert(u.id, u);
    }
    return true;
}

bool FactLoader::openLeads(const Scope &scope, qint64 now, std::vector<LeadFacts> &out)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString sql = QString::fromLatin1(kLeadSql) + (scope.all ? QString() : QStringLiteral(" AND l.id = :id"));
    if (!q.prepare(sql))
        return fail(q);
    const QString nowIso = isoFromSecs(now);
    auto read = [&]() {
        while (q.next()) {
            LeadFacts f;
            f.id = q.value(0).toString();
            f.customerId = q.value(1).toString();
            f.ownerId = q.value(2).toString();
            f.title = q.value(3).toString();
            f.stageId = q.value(4).toString();
            f.stageName = q.value(5).toString();
            f.createdAt = secs(q.value(6));
            f.stageEnteredAt = secs(q.value(7));
            f.slaMinutes = q.value(8).toInt();
            f.handoverMinutes = q.value(9).toInt();
            f.assignedAt = secs(q.value(10));
            f.lastActivityAt = secs(q.value(11));
            f.firstSalesAfterAssign = secs(q.value(12));
            out.push_back(std::move(f));
        }
    };
    if (scope.all) {
        q.bindValue(QStringLiteral(":now"), nowIso);
        if (!q.exec())
            return fail(q);
        read();
        return true;
    }
    for (const QString &id : scope.leadIds) {
        q.bindValue(QStringLiteral(":now"), nowIso);
        q.bindValue(QStringLiteral(":id"), id);
        if (!q.exec())
            return fail(q);
        read();
    }
    return true;
}

bool FactLoader::moves(const Scope &scope, qint64 from, qint64 now, std::vector<StageMove> &out)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT lead_id, by_user_id, at FROM stage_history"
                                 " WHERE at >= ? AND at <= ? AND deleted = 0");
    if (!scope.all)
        sql += QStringLiteral(" AND lead_id = ?");
    if (!q.prepare(sql))
        return fail(q);
    auto run = [&](const QString *id) {
        q.addBindValue(isoFromSecs(from));
        q.addBindValue(isoFromSecs(now));
        if (id)
            q.addBindValue(*id);
        if (!q.exec())
            return fail(q);
        while (q.next())
            out.push_back({q.value(0).toString(), q.value(1).toString(), parseIsoSecs(q.value(2).toString())});
        return true;
    };
    if (scope.all)
        return run(nullptr);
    for (const QString &id : scope.leadIds)
        if (!run(&id))
            return false;
    return true;
}

bool FactLoader::touches(const Scope &scope, qint64 from, qint64 now, std::vector<Touch> &out)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // The whole window reads the covering partial index idx_activities_sales_at; one customer
    // its rows through idx_activities_customer_at.
    QString sql = scope.all ? QStringLiteral("SELECT customer_id, actor_id, lead_id, at, kind FROM activities"
                                             " INDEXED BY idx_activities_sales_at"
                                             " WHERE at >= ? AND at <= ? AND direction = 'sales' AND deleted = 0")
                            : QStringLiteral("SELECT customer_id, actor_id, lead_id, at, kind FROM activities"
                                             " WHERE at >= ? AND at <= ? AND direction = 'sales' AND deleted = 0"
                                             " AND customer_id = ?");
    if (!q.prepare(sql))
        return fail(q);
    auto run = [&](const QString *id) {
        q.addBindValue(isoFromSecs(from));
        q.addBindValue(isoFromSecs(now));
        if (id)
            q.addBindValue(*id);
        if (!q.exec())
            return fail(q);
        while (q.next()) {
            Touch t;
            t.customerId = q.value(0).toString();
            t.actorId = q.value(1).toString();
            t.leadId = q.value(2).toString();
            t.at = parseIsoSecs(q.value(3).toString());
            t.quote = q.value(4).toString() == QLatin1String("quote");
            out.push_back(std::move(t));
        }
        return true;
    };
    if (scope.all)
        return run(nullptr);
    for (const QString &id : scope.customerIds)
        if (!run(&id))
            return false;
    return true;
}

bool FactLoader::customerOwners(const QSet<QString> &customerIds, QHash<QString, QString> &out)
{
    QSqlQuery q(m_db);
    if (!q.prepare(QStringLiteral("SELECT owner_id FROM customers WHERE id = ?")))
        return fail(q);
    for (const QString &id : customerIds) {
        q.addBindValue(id);
        if (!q.exec())
            return fail(q);
        if (q.next())
            out.insert(id, q.value(0).toString());
    }
    return true;
}

bool FactLoader::alerts(const Scope &scope, qint64 now, std::vector<ExistingAlert> &out)
{
    const QString columns = QStringLiteral(
        "SELECT id, rule, subject_kind, subject_id, lead_id, dedupe_key, owner_id, recipients,"
        " escalated_to, raised_at, escalated_at, acknowledged_at, resolved_at, resolved_by,"
        " escalation_level, row_version FROM alerts");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QSet<QString> seen;
    auto read = [&]() {
        while (q.next()) {
            const QString id = q.value(0).toString();
            if (seen.contains(id))
                continue;
            seen.insert(id);
            ExistingAlert a;
            a.id = id;
            a.rule = q.value(1).toString();
            a.subjectKind = q.value(2).toString();
            a.subjectId = q.value(3).toString();
            a.leadId = q.value(4).toString();
            a.dedupeKey = q.value(5).toString();
            a.ownerId = q.value(6).toString();
            a.recipients = q.value(7).toString();
            a.escalatedTo = q.value(8).toString();
            a.raisedAt = secs(q.value(9));
            a.escalatedAt = secs(q.value(10));
            a.acknowledgedAt = secs(q.value(11));
            a.resolvedAt = secs(q.value(12));
            a.resolvedByPerson = !q.value(13).isNull();
            a.escalationLevel = q.value(14).toInt();
            a.rowVersion = q.value(15).toLongLong();
            out.push_back(std::move(a));
        }
    };
    if (scope.all) {
        // Open alerts, and of the closed ones only those that still decide something: keys a
        // person resolved (not raised again) and any resolved "after now" (the clock went back).
        // An alert the system resolved is over; its episode cannot come back.
        q.prepare(columns + QStringLiteral(" WHERE deleted = 0 AND (resolved_at IS NULL OR (dedupe_key != ''"
                                           " AND (resolved_by IS NOT NULL OR resolved_at > ?)))"));
        q.addBindValue(isoFromSecs(now));
        if (!q.exec())
            return fail(q);
        read();
        return true;
    }
    // Open demo alerts written before keys existed (few; a partial index finds them).
    if (!q.exec(columns + QStringLiteral(" WHERE dedupe_key = '' AND resolved_at IS NULL AND deleted = 0")))
        return fail(q);
    read();
    if (!q.prepare(columns + QStringLiteral(" WHERE lead_id = ? AND deleted = 0")))
        return fail(q);
    for (const QString &id : scope.leadIds) {
        q.addBindValue(id);
        if (!q.exec())
            return fail(q);
        read();
    }
    // Duplicate touch is about the customer; quote compliance keys start with the customer.
    if (!q.prepare(columns + QStringLiteral(" WHERE deleted = 0 AND ((subject_kind = 'customer' AND subject_id = ?)"
                                                    " OR (dedupe_key >= ? AND dedupe_key < ?))")))
        return fail(q);
    for (const QString &id : scope.customerIds) {
        const QString prefix = rule::ComplianceQuotes + u'|' + id + u'|';
        q.addBindValue(id);
        q.addBindValue(prefix);
        q.addBindValue(QString(prefix + QChar(0xFFFF)));
        if (!q.exec())
            return fail(q);
        read();
    }
    return true;
}

bool FactLoader::leadsOfCustomer(const QString &customerId, QSet<QString> &out)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM leads WHERE customer_id = ? AND deleted = 0"));
    q.addBindValue(customerId);
    if (!q.exec())
        return fail(q);
    while (q.next())
        out.insert(q.value(0).toString());
    return true;
}

QString FactLoader::customerOfLead(const QString &leadId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT customer_id FROM leads WHERE id = ?"));
    q.addBindValue(leadId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

bool FactLoader::scopeOfUser(const QString &userId, qint64 from, qint64 now, Scope &out)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, customer_id FROM leads WHERE owner_id = ? AND status = 'open' AND deleted = 0"));
    q.addBindValue(userId);
    if (!q.exec())
        return fail(q);
    while (q.next()) {
        out.leadIds.insert(q.value(0).toString());
        out.customerIds.insert(q.value(1).toString());
    }
    q.prepare(QStringLiteral("SELECT DISTINCT h.lead_id, l.customer_id FROM stage_history h"
                             " JOIN leads l ON l.id = h.lead_id"
                             " WHERE h.at >= ? AND h.at <= ? AND h.by_user_id = ?"));
    q.addBindValue(isoFromSecs(from));
    q.addBindValue(isoFromSecs(now));
    q.addBindValue(userId);
    if (!q.exec())
        return fail(q);
    while (q.next()) {
        out.leadIds.insert(q.value(0).toString());
        out.customerIds.insert(q.value(1).toString());
    }
    q.prepare(QStringLiteral("SELECT DISTINCT customer_id FROM activities WHERE actor_id = ? AND at >= ? AND at <= ?"));
    q.addBindValue(userId);
    q.addBindValue(isoFromSecs(from));
    q.addBindValue(isoFromSecs(now));
    if (!q.exec())
        return fail(q);
    while (q.next())
        out.customerIds.insert(q.value(0).toString());
    return true;
}

QJsonArray FactLoader::customerQuotes(const QString &leadId, qint64 now, int n)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT at, text FROM activities WHERE lead_id = ? AND at <= ?"
                             " AND direction = 'customer' AND deleted = 0 ORDER BY at DESC LIMIT ?"));
    q.addBindValue(leadId);
    q.addBindValue(isoFromSecs(now));
    q.addBindValue(n);
    QJsonArray out;
    if (q.exec())
        while (q.next())
            out.append(QJsonObject{{QStringLiteral("at"), q.value(0).toString()},
                                   {QStringLiteral("text"), q.value(1).toString()}});
    return out;
}

QString FactLoader::leadTitle(const QString &leadId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT title FROM leads WHERE id = ?"));
    q.addBindValue(leadId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QString FactLoader::customerName(const QString &customerId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name FROM customers WHERE id = ?"));
    q.addBindValue(customerId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

} // namespace cockpit::alerts
