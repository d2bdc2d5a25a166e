#include "alerts/alertfacts.h"

#include "domain/times.h"
#include "storage/sqlitestatement.h"

#include <QSqlDatabase>
#include <QElapsedTimer>
#include <QSet>

#include <QJsonArray>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace cockpit::alerts {

namespace {
// The bulk reads (tens of thousands of rows) go straight through SQLite: Qt's per-value
// QVariant costs more than the query itself at this size.
class Raw
{
public:
    Raw(const QSqlDatabase &db, const QString &sqlText, QString *error) : m_error(error)
    {
        const QVariant v = db.driver()->handle();
        sqlite3 *h = v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0 ? *static_cast<sqlite3 *const *>(v.data())
                                                                         : nullptr;
        if (!h)
            *m_error = QStringLiteral("not an SQLite connection");
        else if (!m_st.prepare(h, sqlText.toUtf8(), m_error))
            return;
    }
    bool ok() const { return m_st.isValid(); }
    void reset() { m_st.reset(); }
    void bind(int i, const QString &s) { m_st.bind(i, s); }
    void bindTime(int i, qint64 secs) { m_st.bind(i, times::instantParam(secs)); }
    // True while a row is there; false at the end or on an error (then error is set).
    bool next()
    {
        if (m_st.next())
            return true;
        if (m_st.hasError())
            *m_error = m_st.error();
        return false;
    }
    QString text(int c) const { return m_st.text(c); }
    bool isNull(int c) const { return m_st.isNull(c); }
    qint64 integer(int c) const { return m_st.int64(c); }
    qint64 time(int c) const
    {
        qint64 secs = 0;
        if (m_st.instant(c, &secs))
            return secs;
        const char *p = m_st.cstr(c); // another ISO spelling, or nothing
        return p ? parseIsoSecs(QString::fromLatin1(p, m_st.bytes(c))) : -1;
    }

private:
    sql::Statement m_st;
    QString *m_error;
};

const char *kLeadSql =
    "SELECT l.id, l.customer_id, l.owner_id, l.title, l.stage_id, s.name, l.created_at,"
    " l.stage_entered_at, s.sla_minutes, p.handover_sla_minutes, l.assigned_at,"
    // The last live touch and the first sales action after assignment, both from the
    // covering index idx_activities_by_lead without touching the table.
    " (SELECT MAX(a.at) FROM activities a WHERE a.lead_id = l.id AND a.at <= ?1 AND a.deleted = 0),"
    " CASE WHEN p.handover_sla_minutes > 0 AND l.assigned_at IS NOT NULL THEN"
    "  (SELECT a.at FROM activities a WHERE a.lead_id = l.id AND a.at >= l.assigned_at AND a.at <= ?1"
    "   AND a.direction = 'sales' AND a.deleted = 0 ORDER BY a.at LIMIT 1) END"
    " FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id JOIN pipelines p ON p.id = l.pipeline_id"
    " WHERE l.status = 'open' AND l.deleted = 0";

// Runs a window query (?1 = from, ?2 = now, and ?3 = one id when not `all`) over the whole
// window, or once per id, handing each row to `row`.
template <typename Row>
bool scanWindow(Raw &q, const QString &error, qint64 from, qint64 now, bool all, const QSet<QString> &ids, Row row)
{
    auto run = [&](const QString *id) {
        q.bindTime(1, from);
        q.bindTime(2, now);
        if (id)
            q.bind(3, *id);
        while (q.next())
            row(q);
        q.reset();
        return error.isEmpty();
    };
    if (all)
        return run(nullptr);
    for (const QString &id : ids)
        if (!run(&id))
            return false;
    return true;
}

// A time column read through Qt: epoch seconds, -1 for none (as Raw::time).
qint64 secs(const QVariant &v)
{
    qint64 s = 0;
    if (times::instantOf(v, &s))
        return s;
    // Another ISO spelling, or nothing (an integer was taken above).
    return v.isNull() ? -1 : parseIsoSecs(v.toString());
}

// users.left_date: 00:00 UTC of that day in epoch seconds (what the rules have always
// compared), -1 for none.
qint64 dateSecs(const QVariant &v)
{
    qint64 day = 0;
    return times::dayOf(v, &day) ? day * times::kDay : -1;
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
        u.leftAt = dateSecs(q.value(4));
        out.insert(u.id, u);
    }
    return true;
}

bool FactLoader::openLeads(const Scope &scope, qint64 now, std::vector<LeadFacts> &out)
{
    m_error.clear();
    Raw q(m_db, QString::fromLatin1(kLeadSql) + (scope.all ? QString() : QStringLiteral(" AND l.id = ?2")), &m_error);
    if (!q.ok())
        return false;
    auto run = [&]() {
        while (q.next()) {
            LeadFacts f;
            f.id = q.text(0);
            f.customerId = q.text(1);
            f.ownerId = q.text(2);
            f.title = q.text(3);
            f.stageId = q.text(4);
            f.stageName = q.text(5);
            f.createdAt = q.time(6);
            f.stageEnteredAt = q.time(7);
            f.slaMinutes = int(q.integer(8));
            f.handoverMinutes = int(q.integer(9));
            f.assignedAt = q.time(10);
            f.lastActivityAt = q.time(11);
            f.firstSalesAfterAssign = q.time(12);
            out.push_back(std::move(f));
        }
        q.reset();
        return m_error.isEmpty();
    };
    if (scope.all) {
        q.bindTime(1, now);
        return run();
    }
    for (const QString &id : scope.leadIds) {
        q.bindTime(1, now);
        q.bind(2, id);
        if (!run())
            return false;
    }
    return true;
}

bool FactLoader::moves(const Scope &scope, qint64 from, qint64 now, std::vector<StageMove> &out)
{
    m_error.clear();
    QString sql = QStringLiteral("SELECT lead_id, by_user_id, at FROM stage_history"
                                 " WHERE at >= ?1 AND at <= ?2 AND deleted = 0");
    if (!scope.all)
        sql += QStringLiteral(" AND lead_id = ?3");
    Raw q(m_db, sql, &m_error);
    if (!q.ok())
        return false;
    return scanWindow(q, m_error, from, now, scope.all, scope.leadIds,
                      [&](const Raw &r) { out.push_back({r.text(0), r.text(1), r.time(2)}); });
}

bool FactLoader::touches(const Scope &scope, qint64 from, qint64 now, std::vector<Touch> &out)
{
    m_error.clear();
    // The whole window reads the covering partial index idx_activities_sales_at; one customer
    // its rows through idx_activities_customer_sales.
    Raw q(m_db,
          scope.all ? QStringLiteral("SELECT customer_id, actor_id, lead_id, at, kind FROM activities"
                                     " INDEXED BY idx_activities_sales_at"
                                     " WHERE at >= ?1 AND at <= ?2 AND direction = 'sales' AND deleted = 0")
                    : QStringLiteral("SELECT customer_id, actor_id, lead_id, at, kind FROM activities"
                                     " WHERE at >= ?1 AND at <= ?2 AND direction = 'sales' AND deleted = 0"
                                     " AND customer_id = ?3"),
          &m_error);
    if (!q.ok())
        return false;
    // A window holds hundreds of thousands of touches by a few hundred reps on far fewer
    // customers and leads: one shared string per distinct id, not one allocation per field.
    QSet<QString> pool;
    const auto interned = [&pool](QString s) {
        if (s.isEmpty())
            return s;
        const auto it = pool.constFind(s);
        if (it != pool.cend())
            return *it;
        pool.insert(s);
        return s;
    };
    return scanWindow(q, m_error, from, now, scope.all, scope.customerIds, [&](const Raw &r) {
        Touch t;
        t.customerId = interned(r.text(0));
        t.actorId = interned(r.text(1));
        t.leadId = interned(r.text(2));
        t.at = r.time(3);
        t.quote = r.text(4) == QLatin1String("quote");
        out.push_back(std::move(t));
    });
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
        m_error.clear();
        Raw r(m_db, columns + QStringLiteral(" WHERE deleted = 0 AND (resolved_at IS NULL OR (dedupe_key != ''"
                                             " AND (resolved_by IS NOT NULL OR resolved_at > ?1)))"),
              &m_error);
        if (!r.ok())
            return false;
        r.bindTime(1, now);
        while (r.next()) {
            ExistingAlert a;
            a.id = r.text(0);
            a.rule = r.text(1);
            a.subjectKind = r.text(2);
            a.subjectId = r.text(3);
            a.leadId = r.text(4);
            a.dedupeKey = r.text(5);
            a.ownerId = r.text(6);
            a.recipients = r.text(7);
            a.escalatedTo = r.text(8);
            a.raisedAt = r.time(9);
            a.escalatedAt = r.time(10);
            a.acknowledgedAt = r.time(11);
            a.resolvedAt = r.time(12);
            a.resolvedByPerson = !r.isNull(13);
            a.escalationLevel = int(r.integer(14));
            a.rowVersion = r.integer(15);
            out.push_back(std::move(a));
        }
        return m_error.isEmpty();
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
    q.addBindValue(times::instantParam(from));
    q.addBindValue(times::instantParam(now));
    q.addBindValue(userId);
    if (!q.exec())
        return fail(q);
    while (q.next()) {
        out.leadIds.insert(q.value(0).toString());
        out.customerIds.insert(q.value(1).toString());
    }
    q.prepare(QStringLiteral("SELECT DISTINCT customer_id FROM activities WHERE actor_id = ? AND at >= ? AND at <= ?"));
    q.addBindValue(userId);
    q.addBindValue(times::instantParam(from));
    q.addBindValue(times::instantParam(now));
    if (!q.exec())
        return fail(q);
    while (q.next())
        out.customerIds.insert(q.value(0).toString());
    return true;
}

QJsonArray FactLoader::customerQuotes(const QString &leadId, qint64 now, int n)
{
    QElapsedTimer timer;
    timer.start();
    if (!m_quotes) { // prepared once: a first run asks for thousands of silent leads
        // Read from the covering idx_activities_customer_words alone.
        m_quotes.emplace(m_db);
        m_quotes->prepare(QStringLiteral("SELECT at, text FROM activities WHERE lead_id = ? AND at <= ?"
                                         " AND direction = 'customer' AND deleted = 0 ORDER BY at DESC LIMIT ?"));
    }
    QSqlQuery &q = *m_quotes;
    q.addBindValue(leadId);
    q.addBindValue(times::instantParam(now));
    q.addBindValue(n);
    QJsonArray out;
    if (q.exec())
        while (q.next())
            out.append(QJsonObject{{QStringLiteral("at"), times::instantIso(q.value(0))}, // details JSON: ISO
                                   {QStringLiteral("text"), q.value(1).toString()}});
    q.finish();
    m_quotesNs += timer.nsecsElapsed();
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
