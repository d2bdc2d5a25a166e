#include "analytics/cockpitfacts.h"
#include "domain/times.h"

#include "domain/civildate.h"
#include "storage/sqlitestatement.h"

#include "analytics/analyticstext.h"
#include "analytics/idmap.h"
#include "analytics/query.h"

#include "storage/database.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <memory>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cockpit::analytics {


namespace {

constexpr qint64 kOpen = std::numeric_limits<qint64>::max();

// The facts' statements: BulkQuery (query.h), whose failure names the cockpit's facts.
class Stmt : public BulkQuery
{
public:
    Stmt(sqlite3 *db, const QString &sqlText, const QVariantList &binds = {})
        : BulkQuery(db, sqlText, binds,
                    QCoreApplication::translate("cockpit::analytics", "The cockpit could not read its facts (%1): %2"))
    {
    }
};


const char *kLeads = "SELECT id, created_at, closed_at, region_id, city_id, team_id, owner_id, pipeline_id FROM leads"
                     " WHERE deleted = 0";
// One pass over the sales actions (the covering index idx_activities_sales_facts when the
// file has it): the lead's action times and whether each one is effective.
const char *kActionsIndexed = "SELECT lead_id, at, actor_id, kind, duration_seconds, CASE WHEN kind IN ('wechat', 'email')"
                              " THEN id END FROM activities INDEXED BY idx_activities_sales_facts"
                              " WHERE direction = 'sales' AND deleted = 0";
const char *kActions = "SELECT lead_id, at, actor_id, kind, duration_seconds, CASE WHEN kind IN ('wechat', 'email')"
                       " THEN id END FROM activities WHERE direction = 'sales' AND deleted = 0";
const char *kHistory = "SELECT lead_id, to_stage_id, at FROM stage_history WHERE deleted = 0";
const char *kReps = "SELECT id, region_id, city_id, team_id FROM users WHERE role = 'sales' AND deleted = 0";
const char *kReplies = "SELECT reply_to, at FROM activities WHERE reply_to IS NOT NULL AND direction = 'customer'"
                       " AND deleted = 0";

bool hasIndex(sqlite3 *db, const char *name)
{
    sqlite3_stmt *st = nullptr;
    bool found = false;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", -1, &st, nullptr) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        found = sqlite3_step(st) == SQLITE_ROW;
    }
    sqlite3_finalize(st);
    return found;
}

} // namespace

bool CockpitFacts::parseUtc(const char *p, int n, qint64 *seconds)
{
    return n == 20 && times::parseIso(p, n, seconds); // instants only, never a bare date
}

QByteArray CockpitFacts::fingerprint(QSqlDatabase db, const KpiSettings &settings)
{
    QByteArray f = QByteArray::number(settings.effectiveCallSeconds) + '|' + QByteArray::number(settings.replyWithinHours);
    // The live leads counted on idx_leads_live_updated (indexes_v1.sql) rather than the table.
    const QString sql = QStringLiteral(
        "SELECT (SELECT group_concat(value, ',') FROM settings WHERE key IN ('log_head_seq', 'log_head_hash')),"
        " (SELECT COUNT(*) FROM leads %1 WHERE deleted = 0) || ',' || (SELECT MAX(updated_at) FROM leads WHERE deleted = 0),"
        " (SELECT COUNT(*) || ',' || MAX(updated_at) FROM users)");
    QSqlQuery q;
    try {
        q = runQuery(db, sql.arg(QStringLiteral("INDEXED BY idx_leads_live_updated")));
    } catch (const QueryError &) {
        q = runQuery(db, sql.arg(QString())); // a file without the index
    }
    if (q.next())
        for (int i = 0; i < 3; ++i)
            f += '|' + q.value(i).toString().toUtf8();
    return f;
}


std::shared_ptr<const CockpitFacts> CockpitFacts::load(QSqlDatabase db, const KpiSettings &settings,
                                                      const Alongside &alongside)
{
    auto f = std::make_shared<CockpitFacts>();
    sqlite3 *h = storage::sqliteHandle(db);
    if (!h)
        throw QueryError(QCoreApplication::translate("cockpit::analytics", "The cockpit's facts need an SQLite database."));
    IdMap pool; // org, user, pipeline and stage ids → pool ids (their text, as before schema v5)
    auto intern = [&](const Stmt &s, int c) -> int {
        qint64 id = 0;
        const int k = s.key(c, &id);
        if (k <= 0) {
            if (k < 0)
                f->m_usable = false; // not an integer key: the SQL path reads it
            return -1;
        }
        const int found = pool.find(id);
        if (found >= 0)
            return found;
        const QString text = QString::number(id);
        const int p = int(f->m_pool.size());
        f->m_pool << text;
        f->m_poolIndex.insert(text, p);
        pool.insert(id, p);
        return p;
    };
    auto time = [&](Stmt &s, int c, qint64 *t) {
        if (!s.instant(c, t))
            f->m_usable = false;
    };

    IdMap leadOf;
    std::vector<qint64> leadIds;
    IdMap repOf; // sales reps (users.role = 'sales', not deleted) → pool id
    auto loadLeadsAndReps = [&] {
        {
            Stmt s(h, QString::fromLatin1(kLeads));
            while (s.next()) {
                qint64 id = 0;
                if (s.key(0, &id) != 1)
                    continue; // an INTEGER PRIMARY KEY always is one
                const int i = int(f->m_leadCreated.size());
                leadOf.insert(id, i);
                leadIds.push_back(id);
                qint64 created = 0, closed = kOpen;
                time(s, 1, &created);
                if (!s.isNull(2))
                    time(s, 2, &closed);
                f->m_leadCreated << created;
                f->m_leadClosed << closed;
                f->m_leadRegion << intern(s, 3);
                f->m_leadCity << intern(s, 4);
                f->m_leadTeam << intern(s, 5);
                f->m_leadOwner << intern(s, 6);
                f->m_leadPipeline << intern(s, 7);
            }
        }
        {
            Stmt s(h, QString::fromLatin1(kReps));
            QVector<std::array<int, 4>> reps;
            while (s.next()) {
                qint64 id = 0;
                if (s.key(0, &id) != 1)
                    continue;
                reps << std::array<int, 4>{intern(s, 0), intern(s, 1), intern(s, 2), intern(s, 3)};
                repOf.insert(id, reps.last()[0]);
            }
            f->m_userRegion.fill(-3, f->m_pool.size());
            f->m_userCity.fill(-3, f->m_pool.size());
            f->m_userTeam.fill(-3, f->m_pool.size());
            for (const auto &r : reps) {
                f->m_userRegion[r[0]] = r[1];
                f->m_userCity[r[0]] = r[2];
                f->m_userTeam[r[0]] = r[3];
            }
        }
    };
    // Customer answers by the action they answer (no interning: another thread may load them).
    IdMap replyHead; // action id → its first answer; more through replyNext
    QVector<qint64> replyTime;
    QVector<int> replyNext;
    bool repliesUsable = true;
    auto loadReplies = [&](sqlite3 *conn) {
        Stmt s(conn, QString::fromLatin1(kReplies));
        while (s.next()) {
            qint64 action = 0;
            qint64 t = 0;
            if (s.key(0, &action) != 1 || !s.instant(1, &t)) {
                repliesUsable = false;
                continue;
            }
            const int i = int(replyTime.size());
            const int head = replyHead.find(action);
            replyTime << t;
            replyNext << -1;
            if (head < 0) {
                replyHead.insert(action, i);
            } else {
                replyNext[i] = replyNext[head]; // keep the head, chain the rest
                replyNext[head] = i;
            }
        }
    };
    if (!db.databaseName().isEmpty()) {
        runAlongside(
            alongside, db, [&](QSqlDatabase) { loadLeadsAndReps(); },
            [&](QSqlDatabase on) {
                sqlite3 *h2 = storage::sqliteHandle(on);
                if (!h2)
                    throw QueryError(QStringLiteral("no second connection to %1").arg(db.databaseName()));
                loadReplies(h2);
            });
    } else {
        loadLeadsAndReps();
        loadReplies(h);
    }
    f->m_usable = f->m_usable && repliesUsable;
    const int leads = int(f->m_leadCreated.size());
    // (lead, time) pairs into per-lead runs sorted by time.
    auto bucket = [leads](const QVector<int> &lead, QVector<int> &start, QVector<int> &order) {
        start.fill(0, leads + 1);
        for (int l : lead)
            ++start[l + 1];
        std::partial_sum(start.begin(), start.end(), start.begin());
        order.resize(lead.size());
        QVector<int> pos(start.begin(), start.end() - 1);
        for (int i = 0; i < lead.size(); ++i)
            order[pos[lead[i]]++] = i;
    };
    // The sales actions, in two halves of the lead ids on two connections (two cores).
    struct Scan
    {
        QVector<int> lead;
        QVector<qint64> at;
        QVector<QPair<qint64, int>> eff;
        bool usable = true;
        QString error;
    };
    const qint64 within = qint64(settings.replyWithinHours) * 3600;
    auto scan = [&](sqlite3 *conn, const QString &sql, const QVariantList &binds, Scan &out) {
        Stmt s(conn, sql, binds);
        qint64 lastLead = std::numeric_limits<qint64>::min();
        int lastIndex = -1;
        while (s.next()) {
            qint64 t = 0;
            if (!s.instant(1, &t))
                out.usable = false;
            qint64 lead = 0;
            const int hasLead = s.key(0, &lead);
            if (hasLead < 0) {
                out.usable = false;
            } else if (hasLead > 0) {
                if (lead != lastLead) { // the index is in lead order: one look-up per lead
                    lastIndex = leadOf.find(lead);
                    lastLead = lead;
                }
                if (lastIndex >= 0) {
                    out.lead << lastIndex;
                    out.at << t;
                }
            }
            qint64 actorId = 0;
            const int hasActor = s.key(2, &actorId);
            if (hasActor <= 0) {
                if (hasActor < 0)
                    out.usable = false;
                continue;
            }
            const int actor = repOf.find(actorId);
            if (actor < 0)
                continue; // not a sales rep
            const char *k = s.text(3);
            const std::string_view kind = k ? std::string_view(k, std::size_t(s.bytes(3))) : std::string_view();
            bool effective = kind == "visit" || kind == "meeting" || kind == "demo" || kind == "quote"
                             || (kind == "call" && s.int64(4) >= settings.effectiveCallSeconds);
            qint64 action = 0;
            if (!effective && s.key(5, &action) > 0) {
                for (int r = replyHead.find(action); r >= 0 && !effective; r = replyNext[r])
                    effective = replyTime[r] >= t && replyTime[r] - t <= within;
            }
            if (effective)
                out.eff << qMakePair(t, actor);
        }
    };
    // Stage history, grouped by lead and sorted by time (the funnel's cohorts).
    auto loadHistory = [&] {
        QVector<int> lead, stage;
        QVector<qint64> at;
        Stmt s(h, QString::fromLatin1(kHistory));
        while (s.next()) {
            qint64 id = 0;
            const int l = s.key(0, &id) > 0 ? leadOf.find(id) : -1;
            if (l < 0)
                continue;
            qint64 t = 0;
            time(s, 2, &t);
            lead << l;
            stage << intern(s, 1);
            at << t;
        }
        QVector<int> order;
        bucket(lead, f->m_histStart, order);
        f->m_histTime.resize(order.size());
        f->m_histStage.resize(order.size());
        for (int l = 0; l < leads; ++l) {
            const int b = f->m_histStart[l], e = f->m_histStart[l + 1];
            // Stable: moves at the same second stay in the order read (row id), as SQL's "at, id".
            std::stable_sort(order.begin() + b, order.begin() + e, [&](int x, int y) { return at[x] < at[y]; });
            for (int i = b; i < e; ++i) {
                f->m_histTime[i] = at[order[i]];
                f->m_histStage[i] = stage[order[i]];
            }
        }
    };
    Scan low, high;
    const bool indexed = hasIndex(h, "idx_activities_sales_facts");
    if (indexed && leadIds.size() >= 2 && !db.databaseName().isEmpty()) {
        // The history and the lower 40 % of the leads here, the rest on a second connection:
        // the history takes about a fifth of the work, so both end at about the same time.
        const std::size_t split = leadIds.size() * 2 / 5;
        std::nth_element(leadIds.begin(), leadIds.begin() + qsizetype(split), leadIds.end());
        const qlonglong mid = leadIds[split];
        runAlongside(
            alongside, db,
            [&](QSqlDatabase) {
                loadHistory();
                scan(h, QString::fromLatin1(kActionsIndexed) + QStringLiteral(" AND lead_id IS NULL"), {}, low);
                scan(h, QString::fromLatin1(kActionsIndexed) + QStringLiteral(" AND lead_id < ?"), {mid}, low);
                std::sort(low.eff.begin(), low.eff.end()); // each half sorts its own, at once
            },
            [&](QSqlDatabase on) {
                sqlite3 *h2 = storage::sqliteHandle(on);
                if (!h2)
                    throw QueryError(QStringLiteral("no second connection to %1").arg(db.databaseName()));
                scan(h2, QString::fromLatin1(kActionsIndexed) + QStringLiteral(" AND lead_id >= ?"), {mid}, high);
                std::sort(high.eff.begin(), high.eff.end());
            });
    } else {
        loadHistory();
        scan(h, QString::fromLatin1(indexed ? kActionsIndexed : kActions), {}, low);
        std::sort(low.eff.begin(), low.eff.end());
    }
    f->m_usable = f->m_usable && low.usable && high.usable;
    {
        QVector<int> lead = std::move(low.lead);
        QVector<qint64> at = std::move(low.at);
        lead += high.lead;
        at += high.at;
        if (std::is_sorted(lead.cbegin(), lead.cend())) {
            // The usual case: the index gives the actions by lead id, and the leads were read
            // by id, so they are grouped already; count the runs instead of bucketing.
            f->m_actionStart.fill(0, leads + 1);
            for (int l : std::as_const(lead))
                ++f->m_actionStart[l + 1];
            std::partial_sum(f->m_actionStart.begin(), f->m_actionStart.end(), f->m_actionStart.begin());
            f->m_actionTimes = std::move(at);
        } else {
            QVector<int> order;
            bucket(lead, f->m_actionStart, order);
            f->m_actionTimes.resize(order.size());
            for (int i = 0; i < order.size(); ++i)
                f->m_actionTimes[i] = at[order[i]];
        }
        for (int l = 0; l < leads; ++l) {
            const auto b = f->m_actionTimes.begin() + f->m_actionStart[l], e = f->m_actionTimes.begin() + f->m_actionStart[l + 1];
            if (!std::is_sorted(b, e))
                std::sort(b, e);
        }
        QVector<QPair<qint64, int>> eff(low.eff.size() + high.eff.size());
        std::merge(low.eff.cbegin(), low.eff.cend(), high.eff.cbegin(), high.eff.cend(), eff.begin());
        f->m_effTime.reserve(eff.size());
        f->m_effActor.reserve(eff.size());
        for (const auto &e : std::as_const(eff)) {
            f->m_effTime << e.first;
            f->m_effActor << e.second;
        }
    }
    return f;
}

qint64 CockpitFacts::bytes() const
{
    qint64 n = 0;
    n += (m_leadCreated.size() + m_leadClosed.size() + m_actionTimes.size() + m_histTime.size() + m_effTime.size()) * 8;
    n += (m_leadRegion.size() * 5 + m_actionStart.size() + m_histStart.size() + m_histStage.size() + m_effActor.size()
          + m_userRegion.size() * 3) * 4;
    for (const QString &s : m_pool)
        n += 2 * (s.size() * 2 + 32);
    return n;
}

int CockpitFacts::poolId(const QString &id) const
{
    return m_poolIndex.value(id, -2);
}

const QVector<int> *CockpitFacts::leadColumn(OrgLevel level) const
{
    switch (level) {
    case OrgLevel::Company: return nullptr;
    case OrgLevel::Region: return &m_leadRegion;
    case OrgLevel::City: return &m_leadCity;
    case OrgLevel::Team: return &m_leadTeam;
    case OrgLevel::Rep: return &m_leadOwner;
    }
    return nullptr;
}

QVector<char> CockpitFacts::repsIn(const OrgScope &org) const
{
    QVector<char> in(m_userRegion.size(), 0);
    const int id = org.isCompany() ? -1 : poolId(org.id);
    for (int u = 0; u < in.size(); ++u) {
        if (m_userRegion[u] == -3)
            continue;
        switch (org.level) {
        case OrgLevel::Company: in[u] = 1; break;
        case OrgLevel::Region: in[u] = m_userRegion[u] == id; break;
        case OrgLevel::City: in[u] = m_userCity[u] == id; break;
        case OrgLevel::Team: in[u] = m_userTeam[u] == id; break;
        case OrgLevel::Rep: in[u] = u == id; break;
        }
    }
    return in;
}

QHash<QString, int> CockpitFacts::leadsPerPipeline(const OrgScope &org) const
{
    const QVector<int> *col = leadColumn(org.level);
    const int id = col ? poolId(org.id) : 0;
    QHash<int, int> n;
    for (int l = 0; l < m_leadPipeline.size(); ++l)
        if (!col || (*col)[l] == id)
            ++n[m_leadPipeline[l]];
    QHash<QString, int> out;
    for (auto it = n.cbegin(); it != n.cend(); ++it)
        if (it.key() >= 0)
            out.insert(m_pool[it.key()], it.value());
    return out;
}

CockpitFacts::FollowUp CockpitFacts::followUp(const OrgScope &org, qint64 startSecs, qint64 endSecs) const
{
    FollowUp out;
    const qint64 s = startSecs, e = endSecs;
    const QVector<int> *col = leadColumn(org.level);
    const int id = col ? poolId(org.id) : 0;
    qint64 gapSeconds = 0;
    for (int l = 0; l < m_leadCreated.size(); ++l) {
        const qint64 created = m_leadCreated[l], closed = m_leadClosed[l];
        if (created >= e || (closed != kOpen && (closed <= s || closed <= created)) || (col && (*col)[l] != id))
            continue;
        // The window [max(s, created), min(e, closed)], cut by the sales actions inside it.
        const qint64 w0 = std::max(s, created);
        const qint64 w1 = std::min(e, closed);
        const auto b = m_actionTimes.begin() + m_actionStart[l], en = m_actionTimes.begin() + m_actionStart[l + 1];
        // Distinct instants strictly inside (w0, w1), as the SQL's COUNT(DISTINCT a.at).
        qint64 cuts = 0;
        for (auto it = std::upper_bound(b, en, w0); it != en && *it < w1; ++it)
            cuts += it == b || *it != *(it - 1) ? 1 : 0;
        gapSeconds += w1 - w0;
        out.gaps += cuts + 1;
        ++out.leads;
    }
    out.gapDays = double(gapSeconds) / 86400.0;
    return out;
}

qint64 CockpitFacts::effectiveActions(const OrgScope &org, qint64 startSecs, qint64 endSecs) const
{
    const qint64 s = startSecs, e = endSecs;
    const QVector<char> in = repsIn(org);
    const int b = int(std::lower_bound(m_effTime.begin(), m_effTime.end(), s) - m_effTime.begin());
    const int en = int(std::lower_bound(m_effTime.begin(), m_effTime.end(), e) - m_effTime.begin());
    qint64 n = 0;
    for (int i = b; i < en; ++i)
        n += in[m_effActor[i]];
    return n;
}

QVector<CockpitFacts::CohortCell> CockpitFacts::funnelCohort(const OrgScope &org, GroupBy by, qint64 startSecs,
                                                             qint64 endSecs,
                                                             const QVector<QPair<QString, int>> &stageIndex) const
{
    QVector<CohortCell> out;
    const qint64 s = startSecs, e = endSecs;
    QHash<int, int> kOf; // pool id → stage index
    int stages = 0;
    for (const auto &p : stageIndex) {
        const int id = poolId(p.first);
        if (id >= 0)
            kOf.insert(id, p.second);
        stages = std::max(stages, p.second + 1);
    }
    const QVector<int> *col = leadColumn(org.level);
    const int orgId = col ? poolId(org.id) : 0;
    const OrgLevel groupLevel = by == GroupBy::Region ? OrgLevel::Region
                                : by == GroupBy::City ? OrgLevel::City
                                : by == GroupBy::Team ? OrgLevel::Team
                                                      : OrgLevel::Rep;
    const QVector<int> &group = *leadColumn(groupLevel);
    QHash<qint64, int> cellOf; // (group pool id + 1) * stages + k → index in out
    QVector<qint64> first(stages);
    QVector<char> entered(stages);
    for (int l = 0; l < m_leadCreated.size(); ++l) {
        if (col && (*col)[l] != orgId)
            continue;
        const int b = m_histStart[l], en = m_histStart[l + 1];
        if (b == en)
            continue;
        std::fill(entered.begin(), entered.end(), 0);
        bool any = false;
        for (int i = b; i < en && m_histTime[i] < e; ++i) {
            if (m_histTime[i] < s)
                continue;
            auto k = kOf.constFind(m_histStage[i]);
            if (k == kOf.constEnd() || entered[*k])
                continue;
            entered[*k] = 1; // times are sorted: the first entry
            first[*k] = m_histTime[i];
            any = true;
        }
        if (!any)
            continue;
        const int g = group[l];
        const auto lastK = kOf.constFind(m_histStage[en - 1]);
        const int sitsIn = m_leadClosed[l] == kOpen && lastK != kOf.constEnd() ? *lastK : -1;
        for (int k = 0; k < stages; ++k) {
            if (!entered[k])
                continue;
            bool converted = false;
            for (int i = b; i < en && !converted; ++i) {
                if (m_histTime[i] <= first[k])
                    continue;
                auto kk = kOf.constFind(m_histStage[i]);
                converted = kk != kOf.constEnd() && *kk == k + 1;
            }
            const qint64 key = qint64(g + 1) * stages + k;
            auto it = cellOf.find(key);
            if (it == cellOf.end()) {
                it = cellOf.insert(key, int(out.size()));
                out << CohortCell{g < 0 ? QStringLiteral("<none>") : m_pool[g], k, 0, 0, 0};
            }
            ++out[*it].entered;
            out[*it].converted += converted ? 1 : 0;
            out[*it].open += !converted && sitsIn == k ? 1 : 0;
        }
    }
    // In the order of SQL's GROUP BY grp, k (NULL first).
    std::sort(out.begin(), out.end(), [](const CohortCell &a, const CohortCell &b) {
        const bool an = a.group == QLatin1String("<none>"), bn = b.group == QLatin1String("<none>");
        if (an != bn)
            return an;
        return a.group != b.group ? a.group < b.group : a.k < b.k;
    });
    return out;
}

} // namespace cockpit::analytics
