#include "analytics/funnel.h"

#include "analytics/analyticstext.h"
#include "analytics/cockpitfacts.h"
#include "analytics/kpi.h"
#include "analytics/query.h"
#include "domain/times.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

namespace cockpit::analytics {

namespace {

const OrgColumns kLeadOrg{QStringLiteral("l.region_id"), QStringLiteral("l.city_id"),
                          QStringLiteral("l.team_id"), QStringLiteral("l.owner_id")};
const QString kNone = QStringLiteral("<none>");

OrgLevel levelOf(GroupBy by)
{
    switch (by) {
    case GroupBy::Region: return OrgLevel::Region;
    case GroupBy::City: return OrgLevel::City;
    case GroupBy::Team: return OrgLevel::Team;
    case GroupBy::Rep: return OrgLevel::Rep;
    }
    return OrgLevel::Region;
}

QString pick(const QString &zh, const QString &en, bool english)
{
    return english && !en.isEmpty() ? en : zh;
}

struct StageMap
{
    QString code, name;
    QVector<FunnelStage> stages;
    QVector<QPair<QString, int>> ids; // stage id of any version → index
};

StageMap stageMap(QSqlDatabase db, const QString &code, bool english)
{
    StageMap m;
    m.code = code;
    QSqlQuery q = runQuery(db, QStringLiteral(
        "SELECT s.id, s.code, s.name, s.name_en, p.version, p.name, p.name_en FROM pipeline_stages s"
        " JOIN pipelines p ON p.id = s.pipeline_id WHERE p.code = ? AND s.deleted = 0 AND p.deleted = 0"
        " ORDER BY p.version DESC, s.position"), {code});
    int newest = -1;
    QHash<QString, int> index;
    QVector<QPair<QString, QString>> rest; // (id, code) of older versions
    while (q.next()) {
        const int version = q.value(4).toInt();
        if (newest < 0) {
            newest = version;
            m.name = pick(q.value(5).toString(), q.value(6).toString(), english);
        }
        const QString stageCode = q.value(1).toString();
        if (version == newest) {
            FunnelStage s;
            s.code = stageCode;
            s.name = pick(q.value(2).toString(), q.value(3).toString(), english);
            index.insert(stageCode, int(m.stages.size()));
            m.stages << s;
            m.ids << qMakePair(q.value(0).toString(), index.value(stageCode));
        } else {
            rest << qMakePair(q.value(0).toString(), stageCode);
        }
    }
    for (const auto &r : rest)
        if (index.contains(r.second))
            m.ids << qMakePair(r.first, index.value(r.second));
    if (!m.stages.isEmpty())
        m.stages.last().last = true;
    return m;
}

// "WITH st(id, k) AS (VALUES …), ent AS (leads that entered a stage in the period)".
QString entryCte(const StageMap &m, const FunnelRequest &req, QVariantList &binds, const QString &extraWhere,
                 const QVariantList &extraBinds)
{
    QStringList values;
    for (const auto &id : m.ids) {
        values << QStringLiteral("(?, ?)");
        binds << id.first << id.second;
    }
    QString sql = QStringLiteral("WITH st(id, k) AS (VALUES %1),"
                                 " ent AS (SELECT h.lead_id AS lead_id, st.k AS k, MIN(h.at) AS first_at, %2 AS grp,"
                                 " l.closed_at AS closed_at"
                                 " FROM stage_history h CROSS JOIN st ON st.id = h.to_stage_id JOIN leads l ON l.id = h.lead_id"
                                 " WHERE h.at >= ? AND h.at < ? AND h.deleted = 0 AND l.deleted = 0")
                      .arg(values.join(QStringLiteral(", ")), groupColumn(req.by, kLeadOrg));
    binds << times::instantParam(req.scope.period.startSecs()) << times::instantParam(req.scope.period.endSecs());
    sql += orgCondition(req.scope.org, kLeadOrg, binds);
    sql += extraWhere;
    binds << extraBinds;
    sql += QStringLiteral(" GROUP BY h.lead_id, st.k)");
    return sql;
}

const char *kConverted =
    "EXISTS (SELECT 1 FROM stage_history h2 WHERE h2.lead_id = ent.lead_id AND h2.at > ent.first_at"
    " AND h2.deleted = 0 AND h2.to_stage_id IN (SELECT id FROM st WHERE k = ent.k + 1))";

// Not converted, not closed, and its latest stage move (by time, then row) is into stage k.
const char *kOpenInStage =
    "(ent.closed_at IS NULL AND (SELECT h3.to_stage_id FROM stage_history h3 WHERE h3.lead_id = ent.lead_id"
    " AND h3.deleted = 0 ORDER BY h3.at DESC, h3.id DESC LIMIT 1) IN (SELECT id FROM st WHERE k = ent.k))";

} // namespace

FunnelSettings FunnelSettings::load(QSqlDatabase db)
{
    FunnelSettings s;
    s.flagBelowPct = numericSetting(db, QStringLiteral("funnel.flag_below_pct"), s.flagBelowPct);
    s.minCohort = int(numericSetting(db, QStringLiteral("funnel.min_cohort"), s.minCohort));
    return s;
}

QVector<PipelineInfo> pipelines(QSqlDatabase db, const OrgScope &org, bool english, const CockpitFacts *facts)
{
    // The versions of each pipeline code (a handful of rows), then the leads per version in
    // one pass over the leads of the org.
    QHash<QString, QString> codeOfVersion;
    QHash<QString, int> newestVersion;
    QVector<PipelineInfo> out;
    {
        QSqlQuery q = runQuery(db, QStringLiteral("SELECT id, code, name, name_en, version FROM pipelines WHERE deleted = 0"));
        while (q.next()) {
            const QString code = q.value(1).toString();
            codeOfVersion.insert(q.value(0).toString(), code);
            auto it = std::find_if(out.begin(), out.end(), [&](const PipelineInfo &p) { return p.code == code; });
            if (it == out.end()) {
                out << PipelineInfo{code, {}, 0};
                it = out.end() - 1;
            }
            if (q.value(4).toInt() >= newestVersion.value(code, -1)) {
                newestVersion.insert(code, q.value(4).toInt());
                it->name = pick(q.value(2).toString(), q.value(3).toString(), english);
            }
        }
    }
    auto add = [&](const QString &version, int leads) {
        const QString code = codeOfVersion.value(version);
        for (PipelineInfo &p : out)
            if (p.code == code)
                p.leads += leads;
    };
    if (facts && facts->usable()) {
        const QHash<QString, int> counts = facts->leadsPerPipeline(org);
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            add(it.key(), it.value());
    } else {
        QVariantList binds;
        QString sql = QStringLiteral("SELECT l.pipeline_id, COUNT(*) FROM leads l WHERE l.deleted = 0");
        sql += orgCondition(org, kLeadOrg, binds);
        sql += QStringLiteral(" GROUP BY l.pipeline_id");
        QSqlQuery q = runQuery(db, sql, binds);
        while (q.next())
            add(q.value(0).toString(), q.value(1).toInt());
    }
    std::sort(out.begin(), out.end(), [](const PipelineInfo &a, const PipelineInfo &b) {
        return a.leads != b.leads ? a.leads > b.leads : a.code < b.code;
    });
    return out;
}

QStringList FunnelResult::transitionLabels() const
{
    QStringList out;
    for (int k = 0; k + 1 < stages.size(); ++k)
        out << stages[k].name + QStringLiteral(" → ") + stages[k + 1].name;
    return out;
}

int FunnelResult::flaggedCells() const
{
    int n = 0;
    for (const HeatRow &r : rows)
        for (const HeatCell &c : r.cells)
            n += c.flagged ? 1 : 0;
    return n;
}

static QString resolvePipeline(QSqlDatabase db, const FunnelRequest &req)
{
    if (!req.pipelineCode.isEmpty())
        return req.pipelineCode;
    const QVector<PipelineInfo> all = pipelines(db, req.scope.org, req.english);
    return all.isEmpty() ? QString() : all.first().code;
}

FunnelResult computeFunnel(QSqlDatabase db, const FunnelRequest &req, const OrgUnits &units, const CockpitFacts *facts)
{
    FunnelResult r;
    r.scope = req.scope;
    r.by = req.by;
    r.settings = req.settings;
    const QString code = resolvePipeline(db, req);
    if (code.isEmpty())
        return r;
    const StageMap m = stageMap(db, code, req.english);
    if (m.stages.isEmpty())
        throw QueryError(tr("Pipeline \"%1\" does not exist or has no stages.").arg(code));
    r.pipelineCode = code;
    r.pipelineName = m.name;
    r.stages = m.stages;
    const int transitions = int(r.stages.size()) - 1;

    // Rows: every unit of `by` within the scope, in name order.
    QHash<QString, int> rowOf;
    for (const OrgUnit &u : units.unitsWithin(req.scope.org, req.by)) {
        rowOf.insert(u.id, int(r.rows.size()));
        r.rows << HeatRow{u.id, u.name, QVector<HeatCell>(std::max(0, transitions))};
    }

    QVector<CockpitFacts::CohortCell> cohort;
    if (facts && facts->usable()) {
        cohort = facts->funnelCohort(req.scope.org, req.by, req.scope.period.startSecs(), req.scope.period.endSecs(), m.ids);
    } else {
        QVariantList binds;
        const QString sql = entryCte(m, req, binds, {}, {})
                            + QStringLiteral(" SELECT grp, k, COUNT(*), SUM(c), SUM(NOT c AND %2) FROM"
                                             " (SELECT ent.*, %1 AS c FROM ent) ent GROUP BY grp, k")
                                  .arg(QLatin1String(kConverted), QLatin1String(kOpenInStage));
        QSqlQuery q = runQuery(db, sql, binds);
        while (q.next())
            cohort << CockpitFacts::CohortCell{q.value(0).isNull() ? kNone : q.value(0).toString(), q.value(1).toInt(),
                                               q.value(2).toInt(), q.value(3).toInt(), q.value(4).toInt()};
    }
    for (const CockpitFacts::CohortCell &cell : std::as_const(cohort)) {
        const QString grp = cell.group;
        const int k = cell.k;
        const int entered = cell.entered;
        const int converted = cell.converted;
        if (k < 0 || k >= r.stages.size())
            continue;
        r.stages[k].entered += entered;
        if (k < transitions) {
            r.stages[k].converted += converted;
            r.stages[k].open += cell.open;
        }
        if (k >= transitions)
            continue;
        auto it = rowOf.find(grp);
        if (it == rowOf.end()) {
            const QString name = grp == kNone ? tr("(none)") : units.name(levelOf(req.by), grp);
            it = rowOf.insert(grp, int(r.rows.size()));
            r.rows << HeatRow{grp, name, QVector<HeatCell>(transitions)};
        }
        HeatCell &c = r.rows[*it].cells[k];
        c.entered += entered;
        c.converted += converted;
        c.open += cell.open;
    }
    for (HeatRow &row : r.rows)
        for (HeatCell &c : row.cells) {
            c.tooFew = c.entered < req.settings.minCohort;
            c.maturing = isMaturing(c.entered, c.open);
            c.flagged = !c.tooFew && !c.maturing && c.ratePct() < req.settings.flagBelowPct;
        }
    // Reps who left and have nothing in the period are noise in the heat map.
    if (req.by == GroupBy::Rep) {
        QVector<HeatRow> kept;
        for (const HeatRow &row : std::as_const(r.rows)) {
            const OrgUnit *u = units.find(OrgLevel::Rep, row.orgId);
            bool any = false;
            for (const HeatCell &c : row.cells)
                any = any || c.entered > 0;
            if (any || !u || u->active)
                kept << row;
        }
        r.rows = kept;
    }
    return r;
}

DataTable funnelDrillDown(QSqlDatabase db, const FunnelRequest &req, int stage, const QString &orgId)
{
    DataTable t;
    t.columns = {QStringLiteral("lead_id"), QStringLiteral("title"), QStringLiteral("customer"), QStringLiteral("owner"),
                 QStringLiteral("entered_at"), QStringLiteral("reached_next"), QStringLiteral("open_in_stage"),
                 QStringLiteral("current_stage"), QStringLiteral("status")};
    t.headers = {tr("Lead"), tr("Title"), tr("Customer"), tr("Owner"), tr("Entered at (UTC)"), tr("Reached next stage"),
                 tr("Still open in this stage"), tr("Current stage"), tr("Status")};
    t.keyColumn = 0;
    t.keyKind = QStringLiteral("lead");
    const QString code = resolvePipeline(db, req);
    if (code.isEmpty())
        return t;
    const StageMap m = stageMap(db, code, req.english);
    if (stage < 0 || stage >= m.stages.size())
        return t;
    t.title = m.stages[stage].name;
    if (stage + 1 < m.stages.size())
        t.title += QStringLiteral(" → ") + m.stages[stage + 1].name;
    QString extra = QStringLiteral(" AND st.k = ?");
    QVariantList extraBinds{stage};
    if (orgId == kNone) {
        extra += QStringLiteral(" AND ") + groupColumn(req.by, kLeadOrg) + QStringLiteral(" IS NULL");
    } else if (!orgId.isEmpty()) {
        extra += orgCondition(OrgScope{levelOf(req.by), orgId}, kLeadOrg, extraBinds);
    }
    QVariantList binds;
    const QString sql = entryCte(m, req, binds, extra, extraBinds)
                        + QStringLiteral(" SELECT ent.lead_id, l.title, c.name, o.name, ent.first_at, %1,"
                                         " cs.name, cs.name_en, l.status, NOT %1 AND %2 FROM ent JOIN leads l ON l.id = ent.lead_id"
                                         " JOIN customers c ON c.id = l.customer_id LEFT JOIN users o ON o.id = l.owner_id"
                                         " LEFT JOIN pipeline_stages cs ON cs.id = l.stage_id ORDER BY ent.first_at")
                              .arg(QLatin1String(kConverted), QLatin1String(kOpenInStage));
    QSqlQuery q = runQuery(db, sql, binds);
    const bool last = stage + 1 >= m.stages.size();
    while (q.next())
        t.rows << QVariantList{q.value(0), q.value(1), q.value(2), q.value(3), times::instantIso(q.value(4)),
                               last ? QVariant() : QVariant(q.value(5).toBool() ? tr("yes") : tr("no")),
                               last ? QVariant() : QVariant(q.value(9).toBool() ? tr("yes") : tr("no")),
                               pick(q.value(6).toString(), q.value(7).toString(), req.english), q.value(8)};
    return t;
}

DataTable funnelTable(const FunnelResult &r)
{
    DataTable t;
    t.title = tr("Funnel: %1, %2").arg(r.pipelineName, r.scope.period.label());
    t.columns = {QStringLiteral("position"), QStringLiteral("stage_code"), QStringLiteral("stage"),
                 QStringLiteral("entered"), QStringLiteral("converted_to_next"), QStringLiteral("conversion_pct"),
                 QStringLiteral("open_in_stage"), QStringLiteral("maturing")};
    t.headers = {tr("Position"), tr("Stage code"), tr("Stage"), tr("Entered"), tr("Reached next stage"), tr("Conversion"),
                 tr("Still open in stage"), tr("Maturing")};
    for (int k = 0; k < r.stages.size(); ++k) {
        const FunnelStage &s = r.stages[k];
        const double rate = s.ratePct();
        t.rows << QVariantList{k, s.code, s.name, s.entered, s.last ? QVariant() : QVariant(s.converted),
                               std::isnan(rate) ? QVariant() : QVariant(std::round(rate * 10) / 10),
                               s.last ? QVariant() : QVariant(s.open), s.last ? QVariant() : QVariant(s.maturing() ? 1 : 0)};
    }
    return t;
}

DataTable conversionTable(const FunnelResult &r)
{
    DataTable t;
    t.title = tr("Stage conversion by %1: %2, %3").arg(groupByKey(r.by), r.pipelineName, r.scope.period.label());
    t.columns = {QStringLiteral("org_id"), QStringLiteral("org"), QStringLiteral("from_stage"), QStringLiteral("to_stage"),
                 QStringLiteral("entered"), QStringLiteral("converted"), QStringLiteral("rate_pct"), QStringLiteral("flagged"),
                 QStringLiteral("too_few"), QStringLiteral("open_in_stage"), QStringLiteral("maturing")};
    t.headers = {tr("Org id"), tr("Org unit"), tr("From stage"), tr("To stage"), tr("Entered"), tr("Converted"),
                 tr("Conversion"), tr("Flagged"), tr("Too few"), tr("Still open in stage"), tr("Maturing")};
    for (const HeatRow &row : r.rows)
        for (int k = 0; k < row.cells.size(); ++k) {
            const HeatCell &c = row.cells[k];
            const double rate = c.ratePct();
            t.rows << QVariantList{row.orgId, row.orgName, r.stages[k].name, r.stages[k + 1].name, c.entered, c.converted,
                                   std::isnan(rate) ? QVariant() : QVariant(std::round(rate * 10) / 10),
                                   c.flagged ? 1 : 0, c.tooFew ? 1 : 0, c.open, c.maturing ? 1 : 0};
        }
    return t;
}

} // namespace cockpit::analytics
