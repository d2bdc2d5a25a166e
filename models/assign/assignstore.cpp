#include "assign/assignstore.h"

#include "domain/clock.h"
#include "storage/database.h"
#include "domain/ids.h"
#include "domain/times.h"
#include "storage/outbox.h"
#include "storage/sqlitestatement.h"
#include "storage/transaction.h"

#include <QSqlDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <memory>

namespace cockpit::assign {

namespace {
// Names the lead a refused undo is about as a person knows it: its title and global id, not
// the local key (storage/keys.h).
QString changedMeanwhile(sqlite3 *handle, const QString &leadKey)
{
    sql::Statement st(handle, std::string_view("SELECT title, cockpit_uuid_text(uuid) FROM leads WHERE id = ?"));
    st.bind(1, leadKey.toLongLong());
    if (st.next())
        return AssignStore::tr("Lead “%1” (%2) was changed or removed meanwhile; no owner was changed.")
            .arg(st.text(0), st.text(1));
    return AssignStore::tr("A lead was removed meanwhile; no owner was changed.");
}

QJsonValue jsonOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

const QString kLeadSelect = QStringLiteral(
    "SELECT l.id, l.owner_id, l.region_id, l.city_id, l.team_id, l.assigned_at, l.status,"
    " l.budget_band, c.industry, c.city_id, c.region_id"
    " FROM leads l JOIN customers c ON c.id = l.customer_id WHERE l.deleted = 0 AND ");

bool readLeads(QSqlQuery &q, std::vector<StoredLead> *out, QString *error)
{
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        StoredLead s;
        s.facts.id = q.value(0).toString();
        s.owner.ownerId = q.value(1).toString();
        s.owner.regionId = q.value(2).toString();
        s.owner.cityId = q.value(3).toString();
        s.owner.teamId = q.value(4).toString();
        s.owner.assignedAt = times::instantIso(q.value(5));
        s.facts.open = q.value(6).toString() == QLatin1String("open");
        s.facts.budgetBand = q.value(7).toString();
        s.facts.industry = q.value(8).toString();
        s.facts.ownerId = s.owner.ownerId;
        s.facts.teamId = s.owner.teamId;
        // A new lead sits in its customer's city until someone owns it.
        s.facts.cityId = s.owner.cityId.isEmpty() ? q.value(9).toString() : s.owner.cityId;
        s.facts.regionId = s.owner.regionId.isEmpty() ? q.value(10).toString() : s.owner.regionId;
        out->push_back(std::move(s));
    }
    return true;
}

} // namespace

int AssignStore::loadCap() const
{
    bool ok = false;
    const int cap = m_db.setting(QLatin1String(kLoadCapKey)).toInt(&ok);
    return ok && cap > 0 ? cap : kDefaultLoadCap;
}

bool AssignStore::setLoadCap(int cap, QString *error)
{
    if (cap < 1 || cap > 100000) {
        if (error)
            *error = tr("The load cap must be between 1 and 100 000 open leads (got %1).").arg(cap);
        return false;
    }
    if (!m_db.setSetting(QLatin1String(kLoadCapKey), QString::number(cap))) {
        if (error)
            *error = tr("Could not save the load cap.");
        return false;
    }
    return true;
}

Options AssignStore::options(const QDateTime &now, std::uint64_t seed) const
{
    Options o;
    o.loadCap = loadCap();
    o.seed = seed;
    o.today = now.toUTC().date();
    o.now = now.toSecsSinceEpoch();
    return o;
}

bool AssignStore::loadReps(const QDateTime &now, int winRateDays, std::vector<Rep> *reps,
                           OrgNames *names, QString *error) const
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery u(db);
    u.setForwardOnly(true);
    if (!u.exec(QStringLiteral("SELECT id, name, role, team_id, city_id, region_id, left_date,"
                               " capability_industries, budget_band FROM users"
                               " WHERE deleted = 0 AND role = 'sales'"))) {
        *error = u.lastError().text();
        return false;
    }
    QHash<QString, int> index;
    reps->clear();
    while (u.next()) {
        Rep r;
        r.id = u.value(0).toString();
        r.name = u.value(1).toString();
        r.role = u.value(2).toString();
        r.teamId = u.value(3).toString();
        r.cityId = u.value(4).toString();
        r.regionId = u.value(5).toString();
        r.leftDate = times::dateOf(u.value(6));
        const QString tags = u.value(7).toString();
        if (!tags.trimmed().isEmpty())
            r.industries = tags.split(QLatin1Char('|'), Qt::SkipEmptyParts);
        r.bandRank = std::max(0, bandRank(u.value(8).toString()));
        index.insert(r.id, int(reps->size()));
        reps->push_back(std::move(r));
    }

    // Load, the last 24 h, the rotation position and recent results in one pass.
    // idx_leads_assign (indexes_v2.sql) answers from the index alone; the planner's
    // statistics do not know that, so name it, and fall back where an older file lacks it.
    QSqlQuery l(db);
    l.setForwardOnly(true);
    const QString aggregate = QStringLiteral(
        "SELECT owner_id, sum(status = 'open'), sum(assigned_at >= ?), max(assigned_at),"
        " sum(status = 'won' AND closed_at >= ?), sum(status = 'lost' AND closed_at >= ?)"
        " FROM leads %1 WHERE deleted = 0 AND owner_id IS NOT NULL GROUP BY owner_id");
    if (!l.prepare(aggregate.arg(QStringLiteral("INDEXED BY idx_leads_assign"))))
        l.prepare(aggregate.arg(QString()));
    const QVariant dayAgo = times::instantParam(now.addSecs(-24 * 3600).toSecsSinceEpoch());
    const QVariant windowStart = times::instantParam(now.addDays(-winRateDays).toSecsSinceEpoch());
    l.addBindValue(dayAgo);
    l.addBindValue(windowStart);
    l.addBindValue(windowStart);
    if (!l.exec()) {
        *error = l.lastError().text();
        return false;
    }
    while (l.next()) {
        const int i = index.value(l.value(0).toString(), -1);
        if (i < 0)
            continue;
        Rep &r = (*reps)[size_t(i)];
        r.openLoad = l.value(1).toInt();
        r.assigned24h = l.value(2).toInt();
        qint64 last = 0;
        r.lastAssignedAt = times::instantOf(l.value(3), &last) ? last : 0;
        r.won = l.value(4).toInt();
        r.lost = l.value(5).toInt();
    }

    if (names) {
        QSqlQuery n(db);
        n.setForwardOnly(true);
        if (!n.exec(QStringLiteral("SELECT 0, id, name FROM teams UNION ALL SELECT 1, id, name FROM cities"
                                   " UNION ALL SELECT 2, id, name FROM regions"))) {
            *error = n.lastError().text();
            return false;
        }
        while (n.next()) {
            auto &map = n.value(0).toInt() == 0 ? names->teams
                        : n.value(0).toInt() == 1 ? names->cities
                                                  : names->regions;
            map.insert(n.value(1).toString(), n.value(2).toString());
        }
    }
    return true;
}

bool AssignStore::loadLeads(const QStringList &ids, std::vector<StoredLead> *out, QString *error) const
{
    out->clear();
    if (ids.isEmpty())
        return true;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(kLeadSelect + QStringLiteral("l.id IN (SELECT value FROM json_each(?))"));
    q.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact)));
    return readLeads(q, out, error);
}

bool AssignStore::loadUnassignedLeads(std::vector<StoredLead> *out, QString *error) const
{
    out->clear();
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(kLeadSelect + QStringLiteral("l.owner_id IS NULL AND l.status = 'open' ORDER BY l.created_at, l.id"));
    return readLeads(q, out, error);
}

bool AssignStore::apply(const QList<OwnerChange> &changes, bool forward, const QString &actorId,
                        QString *error)
{
    Q_UNUSED(actorId); // the outbox records the change; who made it is the session's user
    if (changes.isEmpty())
        return true;
    QSqlDatabase db = m_db.connection();
    // A bulk change dirties index pages all over the leads table; with the normal 16 MB page
    // cache SQLite spills them to the WAL repeatedly during the transaction. Give a large
    // batch room (memory is only used as pages are touched), then restore the setting.
    struct CacheScope
    {
        QSqlDatabase db;
        QString previous;
        ~CacheScope()
        {
            if (!previous.isEmpty())
                QSqlQuery(db).exec(QStringLiteral("PRAGMA cache_size = ") + previous);
        }
    } cache{db, {}};
    if (changes.size() > 500) {
        QSqlQuery c(db);
        if (c.exec(QStringLiteral("PRAGMA cache_size")) && c.next())
            cache.previous = QString::number(c.value(0).toLongLong());
        c.finish();
        c.exec(QStringLiteral("PRAGMA cache_size = -262144")); // 256 MB at most
    }
    storage::Transaction tx(db);
    if (!tx.isActive()) {
        *error = db.lastError().text();
        return false;
    }
    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();
    const QString now = times::isoFromSecs(nowSecs); // the outbox's text
    // The sqlite3 handle of the same connection (so inside the transaction above): one
    // prepared statement for every lead; QSqlQuery's per-row overhead doubled the time.
    sqlite3 *handle = m_db.handle();
    sqlite3_stmt *up = nullptr;
    if (!handle
        || sqlite3_prepare_v2(handle,
                              "UPDATE leads SET owner_id = ?, region_id = ?, city_id = ?, team_id = ?,"
                              " assigned_at = ?, updated_at = ? WHERE id = ? AND deleted = 0"
                              " AND owner_id IS ? RETURNING row_version",
                              -1, &up, nullptr) != SQLITE_OK) {
        *error = handle ? QString::fromUtf8(sqlite3_errmsg(handle)) : tr("The database is not open.");
        return false;
    }
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> guard(up, sqlite3_finalize);
    auto bind = [up](int i, const QByteArray &text, bool nullWhenEmpty) {
        if (nullWhenEmpty && text.isEmpty())
            sqlite3_bind_null(up, i);
        else
            sqlite3_bind_text(up, i, text.constData(), int(text.size()), SQLITE_TRANSIENT);
    };
    // A time column: the value of times::instantParam (ISO text up to schema v5, an integer
    // after); an empty ISO string is NULL.
    auto bindTime = [up, &bind](int i, const QVariant &v) {
        if (v.typeId() == QMetaType::LongLong)
            sqlite3_bind_int64(up, i, v.toLongLong());
        else
            bind(i, v.toString().toUtf8(), true);
    };
    auto paramOfIso = [](const QString &iso) {
        return iso.isEmpty() ? QVariant() : times::instantParam(times::secsFromIso(iso));
    };
    const QVariant nowAt = times::instantParam(nowSecs);
    storage::OutboxWriter outbox(db);
    for (const OwnerChange &c : changes) {
        const OwnerState &from = forward ? c.before : c.after;
        const OwnerState &to = forward ? c.after : c.before;
        bind(1, to.ownerId.toUtf8(), true);
        bind(2, to.regionId.toUtf8(), true);
        bind(3, to.cityId.toUtf8(), true);
        bind(4, to.teamId.toUtf8(), true);
        bindTime(5, paramOfIso(to.assignedAt));
        bindTime(6, nowAt);
        bind(7, c.leadId.toUtf8(), false);
        bind(8, from.ownerId.toUtf8(), true);
        int rc = sqlite3_step(up);
        if (rc != SQLITE_ROW) {
            *error = rc == SQLITE_DONE ? changedMeanwhile(handle, c.leadId)
                                       : QString::fromUtf8(sqlite3_errmsg(handle));
            return false;
        }
        const qint64 rowVersion = sqlite3_column_int64(up, 0);
        while (rc == SQLITE_ROW)
            rc = sqlite3_step(up);
        sqlite3_reset(up);
        if (rc != SQLITE_DONE) {
            *error = QString::fromUtf8(sqlite3_errmsg(handle));
            return false;
        }
        const QJsonObject fields{{QStringLiteral("owner_id"), jsonOrNull(to.ownerId)},
                                 {QStringLiteral("region_id"), jsonOrNull(to.regionId)},
                                 {QStringLiteral("city_id"), jsonOrNull(to.cityId)},
                                 {QStringLiteral("team_id"), jsonOrNull(to.teamId)},
                                 {QStringLiteral("assigned_at"), jsonOrNull(to.assignedAt)},
                                 {QStringLiteral("updated_at"), now}};
        if (!outbox.append(QStringLiteral("leads"), c.leadId, QStringLiteral("update"), fields, rowVersion, error))
            return false;
    }
    if (!tx.commit()) {
        *error = db.lastError().text();
        return false;
    }
    m_db.announceChanges();
    return true;
}

BulkResult AssignStore::assignLeads(std::vector<StoredLead> leads, const Clock &clock,
                                    const QString &actorId, std::uint64_t seed)
{
    BulkResult result;
    result.requested = int(leads.size());
    const QDateTime now = clock.now();
    const Options opts = options(now, seed);
    std::vector<Rep> reps;
    OrgNames names;
    if (!loadReps(now, opts.winRateDays, &reps, &names, &result.error))
        return result;
    Assigner assigner(std::move(reps), opts, std::move(names));
    const QString at = toIsoUtc(now);
    for (const StoredLead &lead : leads) {
        const Decision d = assigner.assign(lead.facts);
        if (d.rep < 0) {
            result.notAssigned << lead.facts.id;
            result.reasons << d.message;
            continue;
        }
        const Rep &r = assigner.reps()[size_t(d.rep)];
        result.changes << OwnerChange{lead.facts.id, lead.owner,
                                      OwnerState{r.id, r.regionId, r.cityId, r.teamId, at}};
    }
    if (!apply(result.changes, true, actorId, &result.error)) {
        result.notAssigned.clear();
        result.reasons.clear();
        result.changes.clear();
        return result;
    }
    result.ok = true;
    return result;
}

BulkResult AssignStore::autoAssign(const QStringList &leadIds, const Clock &clock,
                                   const QString &actorId, std::uint64_t seed)
{
    std::vector<StoredLead> leads;
    BulkResult failed;
    failed.requested = int(leadIds.size());
    if (!loadLeads(leadIds, &leads, &failed.error))
        return failed;
    // Keep the caller's order (the order the leads were selected in).
    QHash<QString, int> order;
    for (int i = 0; i < leadIds.size(); ++i)
        order.insert(leadIds.at(i), i);
    std::sort(leads.begin(), leads.end(), [&](const StoredLead &a, const StoredLead &b) {
        return order.value(a.facts.id) < order.value(b.facts.id);
    });
    BulkResult r = assignLeads(std::move(leads), clock, actorId, seed);
    r.requested = int(leadIds.size());
    return r;
}

BulkResult AssignStore::assignUnassigned(const Clock &clock, const QString &actorId, std::uint64_t seed)
{
    std::vector<StoredLead> leads;
    BulkResult failed;
    if (!loadUnassignedLeads(&leads, &failed.error))
        return failed;
    return assignLeads(std::move(leads), clock, actorId, seed);
}

BulkResult AssignStore::reassignTo(const QStringList &leadIds, const QString &repId,
                                   const Clock &clock, const QString &actorId)
{
    BulkResult result;
    result.requested = int(leadIds.size());
    const QDateTime now = clock.now();
    std::vector<Rep> reps;
    if (!loadReps(now, 180, &reps, nullptr, &result.error))
        return result;
    const Assigner assigner(std::move(reps), options(now, 0));
    const int rep = assigner.indexOf(repId);
    if (rep < 0) {
        result.error = tr("The chosen person is not a sales rep (or no longer exists).");
        return result;
    }
    const Rep &r = assigner.reps()[size_t(rep)];
    if (!assigner.isActive(rep)) {
        result.error = tr("%1 left on %2 and cannot take leads.").arg(r.name, r.leftDate.toString(Qt::ISODate));
        return result;
    }
    std::vector<StoredLead> leads;
    if (!loadLeads(leadIds, &leads, &result.error))
        return result;
    const QString at = toIsoUtc(now);
    for (const StoredLead &lead : leads) {
        if (lead.owner.ownerId == repId) {
            result.notAssigned << lead.facts.id;
            result.reasons << tr("Already owned by %1.").arg(r.name);
            continue;
        }
        result.changes << OwnerChange{lead.facts.id, lead.owner,
                                      OwnerState{r.id, r.regionId, r.cityId, r.teamId, at}};
    }
    if (!apply(result.changes, true, actorId, &result.error)) {
        result.changes.clear();
        result.notAssigned.clear();
        result.reasons.clear();
        return result;
    }
    result.ok = true;
    return result;
}

bool AssignStore::prepare(const QString &leadId, const Clock &clock, std::uint64_t seed,
                          std::optional<Assigner> *assigner, StoredLead *lead, QString *error) const
{
    std::vector<StoredLead> leads;
    if (!loadLeads({leadId}, &leads, error))
        return false;
    if (leads.empty()) {
        *error = tr("The lead no longer exists.");
        return false;
    }
    *lead = leads.front();
    const QDateTime now = clock.now();
    const Options opts = options(now, seed);
    std::vector<Rep> reps;
    OrgNames names;
    if (!loadReps(now, opts.winRateDays, &reps, &names, error))
        return false;
    assigner->emplace(std::move(reps), opts, std::move(names));
    return true;
}

} // namespace cockpit::assign
