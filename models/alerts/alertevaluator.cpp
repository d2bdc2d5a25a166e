#include "alerts/alertevaluator.h"

#include "domain/times.h"
#include "storage/uuidcolumn.h"

#include "alerts/alertfacts.h"

#include "domain/ids.h"
#include "storage/outbox.h"
#include "storage/transaction.h"

#include "storage/database.h"
#include "storage/sqlitestatement.h"

#include <QSqlDatabase>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <future>
#include <utility>
#include <vector>

namespace cockpit::alerts {

QSqlDatabase AlertEvaluator::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

Q_LOGGING_CATEGORY(lcAlerts, "cockpit.alerts")

namespace {
constexpr qint64 kDay = 86400;

EvaluationResult failure(const QString &error)
{
    EvaluationResult r;
    r.error = error;
    return r;
}
} // namespace

qint64 lastEvaluation(QSqlDatabase db)
{
    qint64 last = -1;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    q.addBindValue(kLastEvaluationKey);
    if (q.exec() && q.next())
        last = std::max(last, parseIsoSecs(q.value(0).toString()));
    // Engine alerts (a dedupe key): raised, or resolved by the system, at an evaluation's time.
    if (q.exec(QStringLiteral("SELECT (SELECT MAX(raised_at) FROM alerts WHERE dedupe_key != '' AND deleted = 0),"
                              " (SELECT MAX(resolved_at) FROM alerts WHERE dedupe_key != '' AND resolved_by IS NULL"
                              "  AND deleted = 0)"))
        && q.next())
        for (int i = 0; i < 2; ++i) {
            qint64 secs = 0;
            if (!q.value(i).isNull() && times::instantOf(q.value(i), &secs))
                last = std::max(last, secs);
        }
    return last;
}

AlertEvaluator::AlertEvaluator(QSqlDatabase db, const Clock &clock) : m_connection(db.connectionName()), m_clock(clock) {}

AlertEvaluator::AlertEvaluator(storage::Database &db, const Clock &clock) : AlertEvaluator(db.connection(), clock) {}

Thresholds AlertEvaluator::thresholds(QStringList *problems) const
{
    return m_fixed ? *m_fixed : loadThresholds(db(), problems);
}

EvaluationResult AlertEvaluator::evaluateAll()
{
    QStringList problems;
    const Thresholds t = thresholds(&problems);
    Scope s;
    s.all = true;
    return evaluate(s, m_clock.now().toSecsSinceEpoch(), t, problems);
}

EvaluationResult AlertEvaluator::evaluateLead(const QString &leadId)
{
    QStringList problems;
    const Thresholds t = thresholds(&problems);
    FactLoader facts(db());
    Scope s;
    s.leadIds.insert(leadId);
    const QString customer = facts.customerOfLead(leadId);
    if (!customer.isEmpty())
        s.customerIds.insert(customer);
    return evaluate(s, m_clock.now().toSecsSinceEpoch(), t, problems);
}

EvaluationResult AlertEvaluator::evaluateCustomer(const QString &customerId)
{
    QStringList problems;
    const Thresholds t = thresholds(&problems);
    FactLoader facts(db());
    Scope s;
    s.customerIds.insert(customerId);
    if (!facts.leadsOfCustomer(customerId, s.leadIds))
        return failure(facts.lastError());
    return evaluate(s, m_clock.now().toSecsSinceEpoch(), t, problems);
}

EvaluationResult AlertEvaluator::evaluateUser(const QString &userId)
{
    QStringList problems;
    const Thresholds t = thresholds(&problems);
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    FactLoader facts(db());
    Scope s;
    const qint64 from = now - qint64(std::max(t.lookbackDays, t.duplicateDays)) * kDay;
    if (!facts.scopeOfUser(userId, from, now, s))
        return failure(facts.lastError());
    return evaluate(s, now, t, problems);
}

EvaluationResult AlertEvaluator::evaluate(Scope scope, qint64 now, const Thresholds &t, QStringList problems)
{
    QElapsedTimer timer;
    timer.start();
    EvaluationResult r;
    r.thresholdProblems = std::move(problems);
    auto progress = [this](int p) {
        if (m_progress)
            m_progress(p);
    };
    FactLoader facts(db());
    auto failed = [&]() {
        r.ok = false;
        r.error = facts.lastError();
        qCWarning(lcAlerts) << "evaluation failed:" << r.error;
        return r;
    };
    UserMap users;
    if (!facts.users(users))
        return failed();
    progress(5);
    std::vector<LeadFacts> leads;
    if (!facts.openLeads(scope, now, leads))
        return failed();
    const qint64 tLeads = timer.elapsed();
    progress(45);
    const qint64 from = now - qint64(std::max(t.lookbackDays, t.duplicateDays)) * kDay;
    std::vector<StageMove> moves;
    std::vector<Touch> touches;
    if (!facts.moves(scope, now - qint64(t.lookbackDays) * kDay, now, moves) || !facts.touches(scope, from, now, touches))
        return failed();
    const qint64 tWindow = timer.elapsed();
    progress(60);
    std::vector<Candidate> candidates;
    candidates.reserve(leads.size() + moves.size() / 16 + 64); // about one per open lead
    for (const LeadFacts &lead : leads)
        for (Candidate &c : leadCandidates(lead, now, t, users))
            candidates.push_back(std::move(c));
    for (Candidate &c : churnCandidates(moves, now, t, users))
        candidates.push_back(std::move(c));
    for (Candidate &c : quoteCandidates(touches, now, t, users))
        candidates.push_back(std::move(c));
    QHash<QString, QString> owners;
    // Owners only of customers that can qualify (enough distinct reps), so the full run
    // does not look up every touched customer. The distinct (customer, rep) pairs by sorting
    // one vector: a set of reps per customer cost 28 MB on the large demo.
    {
        std::vector<std::pair<QString, QString>> pairs; // customer, rep (shared strings)
        pairs.reserve(touches.size());
        for (const Touch &x : touches)
            if (x.at >= now - qint64(t.duplicateDays) * kDay)
                pairs.emplace_back(x.customerId, x.actorId);
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        QSet<QString> need;
        for (size_t i = 0; i < pairs.size();) {
            size_t j = i;
            while (j < pairs.size() && pairs[j].first == pairs[i].first)
                ++j;
            if (int(j - i) >= t.duplicateReps)
                need.insert(pairs[i].first);
            i = j;
        }
        std::vector<std::pair<QString, QString>>().swap(pairs);
        if (!facts.customerOwners(need, owners))
            return failed();
    }
    for (Candidate &c : duplicateCandidates(touches, owners, now, t, users))
        candidates.push_back(std::move(c));
    // The facts are in the candidates now: give their memory back before the plan and the
    // writes (peak memory of a first run on the large demo).
    std::vector<LeadFacts>().swap(leads);
    std::vector<StageMove>().swap(moves);
    std::vector<Touch>().swap(touches);
    r.candidates = int(candidates.size());
    std::vector<ExistingAlert> existing;
    if (!facts.alerts(scope, now, existing))
        return failed();
    const qint64 tAlerts = timer.elapsed();
    progress(75);
    const Plan plan = reconcile(std::move(candidates), existing, now, t, users);
    const qint64 tPlan = timer.elapsed();
    if (m_dryRun) {
        r.dryRun = true;
        QHash<QString, const ExistingAlert *> byId;
        for (const ExistingAlert &a : existing)
            byId.insert(a.id, &a);
        auto stored = [&](PlannedChange::Action action, const QString &id) {
            PlannedChange p;
            p.action = action;
            p.alertId = id;
            if (const ExistingAlert *a = byId.value(id)) {
                p.rule = a->rule;
                p.subjectKind = a->subjectKind;
                p.subjectId = a->subjectId;
                p.leadId = a->leadId;
                p.ownerId = a->ownerId;
            }
            return p;
        };
        for (const Candidate &c : plan.raise) {
            PlannedChange p;
            p.rule = c.rule;
            p.subjectKind = c.subjectKind;
            p.subjectId = c.subjectId;
            p.leadId = c.leadId;
            p.ownerId = c.ownerId;
            r.planned.push_back(std::move(p));
        }
        for (const auto &[id, c] : plan.adopt)
            r.planned.push_back(stored(PlannedChange::Adopt, id));
        for (const QString &id : plan.resolve)
            r.planned.push_back(stored(PlannedChange::Resolve, id));
        for (const Escalation &e : plan.escalate) {
            PlannedChange p = stored(PlannedChange::Escalate, e.alertId);
            p.escalateTo = e.to;
            p.level = e.level;
            r.planned.push_back(std::move(p));
        }
        r.raised = int(plan.raise.size());
        r.adopted = int(plan.adopt.size());
        r.resolved = int(plan.resolve.size());
        r.escalated = int(plan.escalate.size());
        r.ok = true;
        r.elapsedMs = timer.elapsed();
        progress(100);
        return r;
    }
    if (!apply(plan, existing, now, facts, r))
        return r;
    if (scope.all) {
        // The time of this full evaluation, kept only when it moves forward.
        QSqlQuery q(db());
        q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                                 " SET value = excluded.value WHERE excluded.value > settings.value"));
        q.addBindValue(kLastEvaluationKey);
        q.addBindValue(isoFromSecs(now));
        if (!q.exec())
            qCWarning(lcAlerts) << "could not record the evaluation time:" << q.lastError().text();
    }
    qCDebug(lcAlerts) << "phases (ms): leads" << tLeads << "window" << tWindow << "alerts" << tAlerts << "plan"
                      << tPlan << "written" << timer.elapsed() << "(quotes" << facts.quotesMs() << "of it)";
    progress(100);
    r.ok = true;
    r.elapsedMs = timer.elapsed();
    qCInfo(lcAlerts).nospace() << "evaluated " << (scope.all ? "all" : "scope") << " in " << r.elapsedMs
                               << " ms: " << r.candidates << " conditions, " << r.raised << " raised, "
                               << r.adopted << " adopted, " << r.resolved << " resolved, " << r.escalated
                               << " escalated";
    return r;
}

bool AlertEvaluator::apply(const Plan &plan, const std::vector<ExistingAlert> &existing, qint64 now,
                           FactLoader &facts, EvaluationResult &r)
{
    if (plan.isEmpty())
        return true;
    // Bound in the file's form; the outbox JSON speaks ISO text.
    const QString nowIso = isoFromSecs(now);
    const QVariant nowArg = times::instantParam(now);
    // Immediate: a new alert's extras (quotes, the lead's title, the customer's name) are read
    // before the first insert, while the app's own, the sync's or an import's connection may
    // write (storage/transaction.h says why).
    storage::Transaction tx(db(), storage::Transaction::Begin::Immediate);
    if (!tx.isActive()) {
        r.error = tx.errorText();
        qCWarning(lcAlerts) << "writing alerts failed:" << r.error;
        return false;
    }
    auto fail = [&](const QSqlQuery &q) {
        r.error = q.lastError().text();
        qCWarning(lcAlerts) << "writing alerts failed:" << r.error;
        return false;
    };
    storage::OutboxWriter writer(db());
    auto outbox = [&](const QString &id, const QString &op, const QJsonObject &fields, qint64 base) {
        QString error;
        if (!writer.append(QStringLiteral("alerts"), id, op, fields, base, &error)) {
            r.error = error;
            return false;
        }
        return true;
    };
    // At the sqlite3 level: a first run inserts tens of thousands (QSqlQuery's QVariant binds
    // were a fifth of the write).
    sql::Statement ins(storage::sqliteHandle(db()), std::string_view(
        "INSERT INTO alerts (uuid, rule, subject_kind, subject_id, owner_id, raised_at, details, updated_at,"
        " dedupe_key, escalation_level, lead_id, recipients) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"));
    auto bindKey = [&ins](int i, const QString &key) {
        if (key.isEmpty())
            ins.bindNull(i);
        else
            ins.bind(i, key.toLongLong());
    };
    // What each raised alert writes is built before it is written, a chunk at a time: the
    // parts that read the file (quotes, a title, a customer's name) on this thread, then the
    // JSON texts and ids of the next chunk on another thread while this one writes the last
    // (a first run on the large demo raises 45 000: 360 ms of building beside 640 of writing).
    // Chunks keep the memory flat: all of them built at once held 80 MB more.
    const std::vector<Candidate> &raise = plan.raise;
    const qsizetype n = qsizetype(raise.size());
    const qsizetype kChunk = m_writeChunk;
    struct Prepared
    {
        QString extraKey;
        QJsonValue extra; // the detail read from the file
        QString uuid, detailText, recipients;
        QByteArray uuidBytes, outboxJson;
    };
    // On this thread: the details that read the file.
    auto readExtras = [&](std::vector<Prepared> &chunk, qsizetype from) {
        for (qsizetype i = from; i < std::min(n, from + kChunk); ++i) {
            const Candidate &c = raise[size_t(i)];
            Prepared &p = chunk[size_t(i - from)];
            p.extraKey.clear();
            if (c.rule == rule::Silence) {
                p.extraKey = QStringLiteral("quotes");
                p.extra = facts.customerQuotes(c.leadId, now, 3);
            } else if (c.rule == rule::ComplianceStageChurn) {
                p.extraKey = QStringLiteral("title");
                p.extra = facts.leadTitle(c.leadId);
            } else if (c.rule == rule::ComplianceQuotes || c.rule == rule::DuplicateTouch) {
                p.extraKey = QStringLiteral("customer");
                p.extra = facts.customerName(c.rule == rule::DuplicateTouch
                                                 ? c.subjectId
                                                 : c.details.value(QStringLiteral("customer_id")).toString());
            }
        }
    };
    // On any thread: the rest (no file access).
    auto build = [&](std::vector<Prepared> &chunk, qsizetype from) {
        for (qsizetype i = from; i < std::min(n, from + kChunk); ++i) {
            const Candidate &c = raise[size_t(i)];
            Prepared &p = chunk[size_t(i - from)];
            QJsonObject details = c.details;
            details.insert(QStringLiteral("since"), isoFromSecs(c.since));
            if (!p.extraKey.isEmpty())
                details.insert(p.extraKey, p.extra);
            p.uuid = newId();
            p.uuidBytes = storage::uuidColumnValue(p.uuid);
            p.detailText = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
            p.recipients = c.recipients.join(u'|');
            if (p.recipients.isNull())
                p.recipients = QStringLiteral("");
            storage::OutboxFields fields;
            fields.add("uuid", p.uuid)
                .add("rule", c.rule)
                .add("subject_kind", c.subjectKind)
                .add("subject_id", c.subjectId)
                .addOrNull("owner_id", c.ownerId)
                .add("raised_at", nowIso)
                .add("details", p.detailText)
                .add("updated_at", nowIso)
                .add("dedupe_key", c.dedupeKey)
                .add("escalation_level", qint64(0))
                .addOrNull("lead_id", c.leadId)
                .add("recipients", p.recipients);
            p.outboxJson = fields.toJson();
        }
    };
    auto write = [&](const std::vector<Prepared> &chunk, qsizetype from) {
        for (qsizetype i = from; i < std::min(n, from + kChunk); ++i) {
            const Candidate &c = raise[size_t(i)];
            const Prepared &p = chunk[size_t(i - from)];
            ins.reset();
            sqlite3_bind_blob(ins.handle(), 1, p.uuidBytes.constData(), int(p.uuidBytes.size()), SQLITE_TRANSIENT);
            ins.bind(2, c.rule);
            ins.bind(3, c.subjectKind);
            bindKey(4, c.subjectId);
            bindKey(5, c.ownerId);
            ins.bind(6, nowArg);
            ins.bind(7, p.detailText);
            ins.bind(8, nowArg);
            ins.bind(9, c.dedupeKey);
            bindKey(10, c.leadId);
            ins.bind(11, p.recipients);
            if (!ins.run()) {
                r.error = ins.error();
                qCWarning(lcAlerts) << "writing alerts failed:" << r.error;
                return false;
            }
            // the local key (storage/keys.h)
            const QString id = QString::number(sqlite3_last_insert_rowid(storage::sqliteHandle(db())));
            if (QString error;
                !writer.appendJson(QStringLiteral("alerts"), id, QStringLiteral("insert"), p.outboxJson, 0, &error)) {
                r.error = error;
                return false;
            }
            r.raisedIds << id;
            ++r.raised;
        }
        return true;
    };
    if (n > 0) {
        std::vector<Prepared> current(size_t(std::min(n, kChunk))), next(current.size());
        readExtras(current, 0);
        build(current, 0);
        for (qsizetype from = 0; from < n; from += kChunk) {
            std::future<void> building;
            if (from + kChunk < n) { // the next chunk, built while this one is written
                readExtras(next, from + kChunk);
                building = std::async(std::launch::async, build, std::ref(next), from + kChunk);
            }
            const bool written = write(current, from);
            if (building.valid())
                building.get();
            if (!written)
                return false;
            std::swap(current, next);
        }
    }
    QSqlQuery upd(db());
    QHash<QString, qint64> versions;
    versions.reserve(qsizetype(existing.size()));
    for (const ExistingAlert &a : existing)
        versions.insert(a.id, a.rowVersion);
    auto baseVersion = [&](const QString &id) { return versions.value(id); };
    upd.prepare(QStringLiteral("UPDATE alerts SET dedupe_key = ?, lead_id = COALESCE(lead_id, ?), updated_at = ? WHERE id = ?"));
    for (const auto &[id, c] : plan.adopt) {
        upd.addBindValue(c.dedupeKey);
        upd.addBindValue(c.leadId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(c.leadId));
        upd.addBindValue(nowArg);
        upd.addBindValue(id);
        if (!upd.exec())
            return fail(upd);
        if (!outbox(id, QStringLiteral("update"),
                    {{QStringLiteral("dedupe_key"), c.dedupeKey}, {QStringLiteral("updated_at"), nowIso}},
                    baseVersion(id)))
            return false;
        r.changedIds << id;
        ++r.adopted;
    }
    upd.prepare(QStringLiteral("UPDATE alerts SET resolved_at = ?, resolved_by = NULL, updated_at = ? WHERE id = ?"));
    for (const QString &id : plan.resolve) {
        upd.addBindValue(nowArg);
        upd.addBindValue(nowArg);
        upd.addBindValue(id);
        if (!upd.exec())
            return fail(upd);
        if (!outbox(id, QStringLiteral("update"),
                    {{QStringLiteral("resolved_at"), nowIso}, {QStringLiteral("resolved_by"), QJsonValue()},
                     {QStringLiteral("updated_at"), nowIso}},
                    baseVersion(id)))
            return false;
        r.changedIds << id;
        ++r.resolved;
    }
    upd.prepare(QStringLiteral("UPDATE alerts SET escalated_to = ?, escalated_at = ?, escalation_level = ?,"
                               " escalated_by = NULL, updated_at = ? WHERE id = ?"));
    for (const Escalation &e : plan.escalate) {
        const QString at = isoFromSecs(e.at);
        upd.addBindValue(e.to);
        upd.addBindValue(times::instantParam(e.at));
        upd.addBindValue(e.level);
        upd.addBindValue(nowArg);
        upd.addBindValue(e.alertId);
        if (!upd.exec())
            return fail(upd);
        if (!outbox(e.alertId, QStringLiteral("update"),
                    {{QStringLiteral("escalated_to"), e.to}, {QStringLiteral("escalated_at"), at},
                     {QStringLiteral("escalation_level"), e.level}, {QStringLiteral("escalated_by"), QJsonValue()},
                     {QStringLiteral("updated_at"), nowIso}},
                    baseVersion(e.alertId)))
            return false;
        r.changedIds << e.alertId;
        ++r.escalated;
    }
    if (!tx.commit()) {
        r.error = db().lastError().text();
        return false;
    }
    r.changedIds << r.raisedIds;
    return true;
}

} // namespace cockpit::alerts
