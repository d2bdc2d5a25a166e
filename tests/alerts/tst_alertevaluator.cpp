// The evaluator against a real database: thresholds from settings, raised once with outbox
// rows, auto-resolved, escalated up the chain, owner left, clock backwards, demo alerts
// adopted, person-made changes with who/when, and incremental = full on the tiny demo.
#include "alerts/alertevaluator.h"
#include "alerts/alertstore.h"
#include "alerts/alerttext.h"
#include "storage/database.h"
#include "demo/demogenerator.h"
#include "domain/ids.h"
#include "storage/outbox.h"

#include "../common/fixture.h"
#include "../common/otherwriter.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

using namespace cockpit;
using namespace cockpit::alerts;

namespace {
const QDateTime T0 = fromIsoUtc(QStringLiteral("2026-11-01T00:00:00Z"));

QVariant scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        qWarning() << q.lastError().text() << sql;
        return {};
    }
    return q.value(0);
}

int count(QSqlDatabase db, const QString &where)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM alerts WHERE ") + where).toInt();
}

// Every alert as a comparable line (ids and write times differ between databases).
QStringList snapshot(QSqlDatabase db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT rule, subject_id, dedupe_key, owner_id, recipients, escalation_level,"
                          " COALESCE(escalated_to, ''), resolved_at IS NULL, COALESCE(lead_id, '') FROM alerts"
                          " ORDER BY rule, subject_id, dedupe_key, raised_at"));
    QStringList out;
    while (q.next()) {
        QStringList f;
        for (int i = 0; i < 9; ++i)
            f << q.value(i).toString();
        out << f.join(u'|');
    }
    return out;
}
} // namespace

class TestAlertEvaluator : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    int m_n = 0;

    QSqlDatabase db() { return m_db->connection(); }
    void exec(const QString &sql) { QVERIFY2(fixture::exec(db(), sql), qPrintable(sql)); }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<storage::Database>();
        const QString path = m_dir.filePath(QStringLiteral("t%1.db").arg(++m_n));
        QVERIFY(m_db->open(path, storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populate(*m_db));
        // A team lead between the reps and the director: u1, u2 → u9 (109) → u0.
        exec(QStringLiteral("INSERT INTO users (id, name, role, manager_id, hire_date, updated_at) VALUES"
                            " (109, '孙组长', 'team_lead', 100, cockpit_day('2020-01-01'),"
                            " cockpit_secs('2026-01-01T00:00:00Z'))"));
        exec(QStringLiteral("UPDATE users SET manager_id = 109 WHERE id IN (101, 102)"));
    }
    void cleanup() { m_db.reset(); }

    // evaluateUser finds the stage moves its user made in the window by seeking
    // idx_stage_history_by_user_at, not by scanning the window (81 → 10 ms on the large demo).
    void userScopeSeeksItsStageMoves()
    {
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT DISTINCT h.lead_id, l.customer_id FROM stage_history h"
                                      " JOIN leads l ON l.id = h.lead_id"
                                      " WHERE h.at >= cockpit_secs('2026-10-01T00:00:00Z') AND h.at <= cockpit_secs('2026-11-01T00:00:00Z')"
                                      " AND h.by_user_id = 101")));
        QString plan;
        while (q.next())
            plan += q.value(3).toString() + QLatin1Char('\n');
        QVERIFY2(plan.contains(QLatin1String("idx_stage_history_by_user_at (by_user_id=? AND at>? AND at<?)")), qPrintable(plan));
        ManualClock clock(T0);
        QVERIFY(AlertEvaluator(db(), clock).evaluateUser(QStringLiteral("101")).ok);
    }

    void thresholdsFromSettings()
    {
        QStringList problems;
        QCOMPARE(loadThresholds(db(), &problems), Thresholds{});
        QVERIFY(problems.isEmpty());
        Thresholds t;
        t.silenceHours = 24;
        t.escalationHours = 8;
        QVERIFY(saveThresholds(db(), t));
        QCOMPARE(loadThresholds(db()), t);
        exec(QStringLiteral("UPDATE settings SET value = 'soon' WHERE key = 'rules.quote_hours'"));
        const Thresholds loaded = loadThresholds(db(), &problems);
        QCOMPARE(loaded.quoteHours, 72);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(QStringLiteral("rules.quote_hours")));
        t.churnMoves = 0;
        QString error;
        QVERIFY(!saveThresholds(db(), t, &error));
        QVERIFY(error.contains(QStringLiteral("rules.churn_moves")));

        // The evaluator reads them: silence after 24 h instead of 72 h.
        exec(QStringLiteral("UPDATE settings SET value = '72' WHERE key = 'rules.quote_hours'"));
        ManualClock clock(T0.addSecs(24 * 3600));
        AlertEvaluator e(db(), clock);
        QVERIFY(e.evaluateAll().ok);
        QCOMPARE(count(db(), QStringLiteral("rule = 'silence'")), 2);
    }

    void stageSlaRaisedOnceWithOutbox()
    {
        ManualClock clock(T0.addSecs(2 * 3600 - 1));
        AlertEvaluator e(db(), clock);
        auto r = e.evaluateAll();
        QVERIFY(r.ok);
        QCOMPARE(count(db(), QStringLiteral("rule = 'stage_sla'")), 0);
        const int outboxBefore = storage::pendingOutboxCount(db());
        clock.advanceSecs(1);
        r = e.evaluateAll();
        QVERIFY(r.ok);
        QCOMPARE(r.raised, 2); // lead-1 and lead-2 (lead-3 is won)
        QCOMPARE(count(db(), QStringLiteral("rule = 'stage_sla' AND owner_id = 101 AND recipients = '109'"
                                            " AND lead_id = 1 AND dedupe_key != ''")), 1);
        QCOMPARE(storage::pendingOutboxCount(db()), outboxBefore + 2);
        clock.advanceSecs(3600);
        r = e.evaluateAll();
        QCOMPARE(r.raised, 0);
        QCOMPARE(count(db(), QStringLiteral("rule = 'stage_sla'")), 2);
    }

    void silenceShowsCustomerQuotes()
    {
        exec(QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, text, updated_at) VALUES"
                            " (3, 1, 1, NULL, 'wechat', 'customer', cockpit_secs('2026-10-31T12:00:00Z'), '预算下月批',"
                            "  cockpit_secs('2026-10-31T12:00:00Z')),"
                            " (4, 1, 1, NULL, 'email', 'customer', cockpit_secs('2026-10-30T12:00:00Z'), '太贵了',"
                            "  cockpit_secs('2026-10-30T12:00:00Z')),"
                            " (5, 1, 1, NULL, 'email', 'customer', cockpit_secs('2026-10-29T12:00:00Z'), '最老的一条',"
                            "  cockpit_secs('2026-10-29T12:00:00Z'))"));
        ManualClock clock(T0.addSecs(72 * 3600));
        AlertEvaluator e(db(), clock);
        QVERIFY(e.evaluateAll().ok);
        AlertStore store(db(), clock);
        const auto open = store.openAlertsForLead(QStringLiteral("1"));
        auto it = std::find_if(open.begin(), open.end(), [](const AlertRecord &a) { return a.rule == rule::Silence; });
        QVERIFY(it != open.end());
        const QJsonObject d = QJsonDocument::fromJson(it->details.toUtf8()).object();
        const QJsonArray quotes = d.value(QStringLiteral("quotes")).toArray();
        QCOMPARE(quotes.size(), 3);
        QCOMPARE(quotes.at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("请发资料"));
        QCOMPARE(quotes.at(2).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("太贵了"));
        const QString text = alertDetailsText(*it);
        QVERIFY2(text.contains(QStringLiteral("预算下月批")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("最老的一条")));
    }

    // Raising an alert reads its extras (the customer's quotes, the lead's title) before its
    // first insert. Another connection (the app's, the sync's, an import's) holds the write
    // lock and commits meanwhile: the rules must wait for it and write, not fail with
    // "database is locked".
    void raisesWhileAnotherConnectionWrites()
    {
        ManualClock clock(T0.addSecs(72 * 3600));
        AlertEvaluator e(db(), clock);
        fixture::OtherWriter other(m_db->path());
        QVERIFY(other.holdsLock());
        const auto r = e.evaluateAll();
        other.finish();
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.raised > 0);
        QCOMPARE(count(db(), QStringLiteral("1 = 1")), r.raised); // every one raised is written
        QVERIFY(count(db(), QStringLiteral("rule = '%1'").arg(rule::Silence)) > 0);
    }

    void autoResolvedWhenConditionClears()
    {
        ManualClock clock(T0.addSecs(3 * 3600));
        AlertEvaluator e(db(), clock);
        QVERIFY(e.evaluateAll().ok);
        QCOMPARE(count(db(), QStringLiteral("lead_id = 2 AND resolved_at IS NULL")), 1);
        exec(QStringLiteral("UPDATE leads SET status = 'lost' WHERE id = 2"));
        clock.advanceSecs(60);
        const auto r = e.evaluateLead(QStringLiteral("2"));
        QVERIFY(r.ok);
        QCOMPARE(r.resolved, 1);
        QCOMPARE(count(db(), QStringLiteral("lead_id = 2 AND resolved_at = cockpit_secs('2026-11-01T03:01:00Z')"
                                            " AND resolved_by IS NULL")), 1);
        // lead-1's alert is untouched by the incremental run on lead-2.
        QCOMPARE(count(db(), QStringLiteral("lead_id = 1 AND resolved_at IS NULL")), 1);
    }

    void escalatesUpTheChainAndStopsAtTop()
    {
        ManualClock clock(T0.addSecs(2 * 3600));
        AlertEvaluator e(db(), clock);
        QVERIFY(e.evaluateAll().ok);
        clock.advanceSecs(24 * 3600 - 1);
        QCOMPARE(e.evaluateAll().escalated, 0);
        clock.advanceSecs(1);
        QCOMPARE(e.evaluateAll().escalated, 2);
        // u1 (owner) with u9 copied → u0, the director.
        QCOMPARE(count(db(), QStringLiteral("lead_id = 1 AND escalated_to = 100 AND escalation_level = 1"
                                            " AND escalated_at = cockpit_secs('2026-11-02T02:00:00Z') AND escalated_by IS NULL")), 1);
        clock.advanceSecs(5 * 24 * 3600);
        QCOMPARE(e.evaluateAll().escalated, 0); // the top
        QCOMPARE(count(db(), QStringLiteral("escalation_level > 1")), 0);
    }

    void acknowledgeStopsEscalationAndRecordsWho()
    {
        ManualClock clock(T0.addSecs(2 * 3600));
        AlertEvaluator e(db(), clock);
        QVERIFY(e.evaluateAll().ok);
        const QString id = scalar(db(), QStringLiteral("SELECT id FROM alerts WHERE lead_id = 1")).toString();
        AlertStore store(db(), clock);
        clock.advanceSecs(600);
        const int outbox = storage::pendingOutboxCount(db());
        const AlertChange ack = store.acknowledge(id, QStringLiteral("109"));
        QVERIFY2(ack.ok, qPrintable(ack.error));
        QCOMPARE(ack.after.acknowledgedBy, QStringLiteral("109"));
        QCOMPARE(ack.after.acknowledgedAt, QStringLiteral("2026-11-01T02:10:00Z"));
        QVERIFY(ack.before.acknowledgedAt.isEmpty());
        QCOMPARE(storage::pendingOutboxCount(db()), outbox + 1);
        QVERIFY(!store.acknowledge(id, QStringLiteral("100")).ok); // already
        clock.advanceSecs(3 * 24 * 3600);
        e.evaluateAll();
        QCOMPARE(store.fetch(id)->state.escalationLevel, 0);

        // Manual escalation records who, and refuses past the top.
        const AlertChange up = store.escalate(id, QStringLiteral("109"));
        QVERIFY2(up.ok, qPrintable(up.error));
        QCOMPARE(up.after.escalatedTo, QStringLiteral("100"));
        QCOMPARE(up.after.escalatedBy, QStringLiteral("109"));
        const AlertChange top = store.escalate(id, QStringLiteral("109"));
        QVERIFY(!top.ok);
        QVERIFY(!top.error.isEmpty());

        // Resolve, then undo (write the state before) restores exactly.
        const AlertChange res = store.resolve(id, QStringLiteral("101"));
        QVERIFY(res.ok);
        QCOMPARE(store.fetch(id)->resolvedByName, QStringLiteral("王芳"));
        QVERIFY(store.writeState(id, res.after, res.before).ok);
        QCOMPARE(store.fetch(id)->state, res.before);
        // A stale undo is refused rather than overwriting a newer change.
        QVERIFY(!store.writeState(id, res.after, res.before).ok);
        // A person's resolve is not undone by the evaluator, nor raised again.
        QVERIFY(store.resolve(id, QStringLiteral("101")).ok);
        const auto r = e.evaluateAll();
        QCOMPARE(r.raised, 0);
        QCOMPARE(store.fetch(id)->state.resolvedBy, QStringLiteral("101"));
    }

    void ownerLeftAddressesManager()
    {
        exec(QStringLiteral("UPDATE users SET left_date = cockpit_day('2026-10-15') WHERE id = 101"));
        ManualClock clock(T0.addSecs(2 * 3600));
        AlertEvaluator e(db(), clock);
        QVERIFY(e.evaluateAll().ok);
        AlertStore store(db(), clock);
        const auto open = store.openAlertsForLead(QStringLiteral("1"));
        QCOMPARE(open.size(), std::size_t(1));
        QCOMPARE(open.front().ownerId, QStringLiteral("109"));
        QCOMPARE(open.front().recipients, QStringLiteral("100"));
        QVERIFY(alertDetailsText(open.front()).contains(QStringLiteral("王芳")));
        // Escalation skips people who left too: u9 → u0.
        clock.advanceSecs(24 * 3600);
        QVERIFY(e.evaluateAll().ok);
        QCOMPARE(count(db(), QStringLiteral("lead_id = 1 AND escalated_to IS NULL")), 1); // u0 already copied: top
    }

    void clockBackwardsNeverUnraises()
    {
        ManualClock clock(T0.addSecs(3 * 3600));
        AlertEvaluator e(db(), clock);
        QVERIFY(e.evaluateAll().ok);
        const QStringList before = snapshot(db());
        QCOMPARE(before.size(), 2);
        clock.set(T0.addSecs(3600)); // an hour before the SLA ran out
        const auto r = e.evaluateAll();
        QVERIFY(r.ok);
        QCOMPARE(r.raised + r.resolved + r.escalated, 0);
        QCOMPARE(snapshot(db()), before);
        // Facts stamped in the "future" count as not yet happened: no negative durations.
        clock.set(T0.addSecs(-3600));
        QCOMPARE(e.evaluateAll().raised, 0);
        QCOMPARE(count(db(), QStringLiteral("raised_at > cockpit_secs('2026-11-01T03:00:00Z') OR escalated_at < raised_at")), 0);
        // Back to normal time: escalation measured from raising, once.
        clock.set(T0.addSecs(27 * 3600));
        QCOMPARE(e.evaluateAll().escalated, 2);
    }

    void demoAlertsAdoptedNotDuplicated()
    {
        // A demo-made alert 'old' (500) on u1, acknowledged by u9, with no dedupe key.
        exec(QStringLiteral("INSERT INTO alerts (id, rule, subject_kind, subject_id, owner_id, raised_at, acknowledged_by,"
                            " acknowledged_at, details, updated_at) VALUES (500, 'compliance_stage_churn', 'user', 101,"
                            " 109, cockpit_secs('2026-10-30T03:05:00Z'), 109, cockpit_secs('2026-10-30T05:00:00Z'),"
                            " '同一线索一天内阶段变更 7 次', cockpit_secs('2026-10-30T05:00:00Z'))"));
        const QString screen = fixture::stageId(db(), "lifecycle", "screen");
        const QString diagnose = fixture::stageId(db(), "lifecycle", "diagnose");
        for (int i = 0; i < 6; ++i)
            exec(QStringLiteral("INSERT INTO stage_history (id, lead_id, from_stage_id, to_stage_id, at, by_user_id, updated_at)"
                                " VALUES (%1, 1, '%2', '%3', cockpit_secs('2026-10-30T02:%4:00Z'), 101, cockpit_secs('2026-10-30T02:00:00Z'))")
                     .arg(10 + i) // m0 .. m5
                     .arg(i % 2 ? diagnose : screen, i % 2 ? screen : diagnose)
                     .arg(i * 5, 2, 10, QLatin1Char('0')));
        ManualClock clock(T0.addSecs(3600));
        AlertEvaluator e(db(), clock);
        const auto r = e.evaluateAll();
        QVERIFY(r.ok);
        QCOMPARE(r.adopted, 1);
        QCOMPARE(count(db(), QStringLiteral("rule = 'compliance_stage_churn'")), 1);
        QCOMPARE(count(db(), QStringLiteral("id = 500 AND dedupe_key != '' AND lead_id = 1")), 1);
        // Incremental runs see it too.
        QCOMPARE(e.evaluateLead(QStringLiteral("1")).raised, 0);
        QCOMPARE(count(db(), QStringLiteral("rule = 'compliance_stage_churn'")), 1);
    }

    void incrementalEqualsFull()
    {
        // The tiny demo, twice: one gets full evaluations, the other incremental ones after
        // the same edits at the same times; the alerts must come out the same.
        const QString a = m_dir.filePath(QStringLiteral("full.db"));
        demo::Options options;
        options.scale = demo::Scale::Tiny;
        options.seed = 7;
        options.asOf = QDate(2026, 11, 22);
        QVERIFY(demo::generate(a, options, {}).ok);
        const QString b = m_dir.filePath(QStringLiteral("incr.db"));
        QVERIFY(QFile::copy(a, b));
        storage::Database full, incr;
        QVERIFY(full.open(a).ok());
        QVERIFY(incr.open(b).ok());
        ManualClock clock(fromIsoUtc(QStringLiteral("2026-11-22T10:00:00Z")));
        AlertEvaluator ef(full.connection(), clock), ei(incr.connection(), clock);
        ef.setWriteChunk(7); // many chunks, the last one short: the same alerts as one chunk
        const QString inserts = QStringLiteral("SELECT count(*) FROM outbox WHERE table_name = 'alerts' AND op = 'insert'");
        const int before = scalar(full.connection(), inserts).toInt();
        const EvaluationResult first = ef.evaluateAll();
        QVERIFY(first.ok);
        QVERIFY(first.raised > 7 * 3);
        QCOMPARE(scalar(full.connection(), inserts).toInt() - before, first.raised);
        QVERIFY(ei.evaluateAll().ok);
        QCOMPARE(snapshot(incr.connection()), snapshot(full.connection()));
        const QString details = QStringLiteral("SELECT group_concat(rule || subject_id || dedupe_key || details, '|') FROM"
                                               " (SELECT * FROM alerts ORDER BY rule, subject_id, dedupe_key, raised_at)");
        QCOMPARE(scalar(full.connection(), details).toString(), scalar(incr.connection(), details).toString());
        QVERIFY(count(full.connection(), QStringLiteral("resolved_at IS NULL AND dedupe_key != ''")) > 10);

        // Edits: a call on a silent lead, a lead closed, six stage moves by one rep, three
        // quotes and two colleagues' calls on one customer.
        QSqlDatabase fdb = full.connection();
        const QString silent = scalar(fdb, QStringLiteral("SELECT lead_id FROM alerts WHERE rule = 'silence' AND resolved_at IS NULL LIMIT 1")).toString();
        const QString slow = scalar(fdb, QStringLiteral("SELECT lead_id FROM alerts WHERE rule = 'stage_sla' AND resolved_at IS NULL"
                                                        " AND lead_id != %1 LIMIT 1").arg(silent)).toString();
        QSqlQuery lq(fdb);
        lq.exec(QStringLiteral("SELECT l.id, l.customer_id, l.owner_id, l.stage_id FROM leads l WHERE status = 'open'"
                               " AND id NOT IN (%1, %2) LIMIT 1").arg(silent, slow));
        QVERIFY(lq.next());
        const QString busy = lq.value(0).toString(), customer = lq.value(1).toString(),
                      owner = lq.value(2).toString(), stage = lq.value(3).toString();
        QSqlQuery rq(fdb);
        rq.exec(QStringLiteral("SELECT id FROM users WHERE role = 'sales' AND id != %1 LIMIT 2").arg(owner));
        QStringList others;
        while (rq.next())
            others << rq.value(0).toString();
        QCOMPARE(others.size(), 2);
        QVERIFY(!silent.isEmpty() && !slow.isEmpty());
        const QString at = QStringLiteral("2026-11-22T09:30:00Z");
        // The new rows' keys (readable names e1, s0 .. s5, q0 .. q2, c0 .. c1) are far above the demo's.
        QStringList edits = {
            QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, updated_at)"
                           " SELECT 9000001, id, customer_id, owner_id, 'call', 'sales', cockpit_secs('%1'), cockpit_secs('%1') FROM leads WHERE id = %2").arg(at, silent),
            QStringLiteral("UPDATE leads SET status = 'won' WHERE id = %1").arg(slow),
        };
        for (int i = 0; i < 6; ++i)
            edits << QStringLiteral("INSERT INTO stage_history (id, lead_id, from_stage_id, to_stage_id, at, by_user_id, updated_at)"
                                    " VALUES (%1, %2, %3, %3, cockpit_secs('2026-11-22T0%4:00:00Z'), %5,"
                                    " cockpit_secs('2026-11-22T0%4:00:00Z'))")
                         .arg(9000000 + i).arg(busy, stage).arg(i + 1).arg(owner);
        for (int i = 0; i < 3; ++i)
            edits << QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, quote_version, updated_at)"
                                    " VALUES (%5, %2, %3, %4, 'quote', 'sales', cockpit_secs('2026-11-2%1T08:00:00Z'), %1,"
                                    " cockpit_secs('2026-11-2%1T08:00:00Z'))")
                         .arg(i).arg(busy, customer, owner).arg(9000010 + i);
        for (int i = 0; i < 2; ++i)
            edits << QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, updated_at)"
                                    " VALUES (%4, NULL, %2, %3, 'call', 'sales', cockpit_secs('2026-11-21T0%1:00:00Z'),"
                                    " cockpit_secs('2026-11-21T0%1:00:00Z'))")
                         .arg(i).arg(customer, others.at(i)).arg(9000020 + i);
        for (const QString &sql : edits) {
            QVERIFY(fixture::exec(fdb, sql));
            QVERIFY(fixture::exec(incr.connection(), sql));
        }
        QVERIFY(ef.evaluateAll().ok);
        QVERIFY(ei.evaluateLead(silent).ok);
        QVERIFY(ei.evaluateLead(slow).ok);
        QVERIFY(ei.evaluateLead(busy).ok);
        QCOMPARE(snapshot(incr.connection()), snapshot(fdb));
        QCOMPARE(count(fdb, QStringLiteral("rule = 'compliance_stage_churn' AND lead_id = %1").arg(busy)), 1);
        QCOMPARE(count(fdb, QStringLiteral("rule = 'compliance_quotes' AND subject_id = %1").arg(owner)), 1);
        QCOMPARE(count(fdb, QStringLiteral("rule = 'duplicate_touch' AND subject_id = %1 AND resolved_at IS NULL").arg(customer)), 1);
        QCOMPARE(count(fdb, QStringLiteral("rule = 'silence' AND lead_id = %1 AND resolved_at IS NULL").arg(silent)), 0);

        // A day later, escalations: the user-scoped run matches too for that user's alerts.
        clock.advanceSecs(24 * 3600);
        QVERIFY(ef.evaluateAll().ok);
        QVERIFY(ei.evaluateAll().ok);
        QCOMPARE(snapshot(incr.connection()), snapshot(fdb));

        // The whole inbox, read in one pass with names from memory (AlertStore::list), says
        // the same as each alert read alone through the joins (fetch), for every kind of
        // subject and person on it.
        AlertStore store(fdb, clock);
        const std::vector<AlertRecord> inbox = store.list(false);
        QVERIFY(inbox.size() > 20);
        QSet<QString> kinds;
        int named = 0;
        for (const AlertRecord &a : inbox) {
            const auto one = store.fetch(a.id);
            QVERIFY(one);
            const QStringList listed{a.rule, a.subjectKind, a.subjectId, a.subjectName, a.leadId, a.ownerId,
                                     a.ownerName, a.escalatedToName, a.acknowledgedByName, a.resolvedByName,
                                     a.escalatedByName, a.regionId, a.recipients, a.recipientNames, a.dedupeKey,
                                     a.details, a.raisedAt, a.state.escalatedTo, a.state.resolvedAt,
                                     QString::number(a.state.escalationLevel), QString::number(a.rowVersion)};
            const QStringList fetched{one->rule, one->subjectKind, one->subjectId, one->subjectName, one->leadId,
                                      one->ownerId, one->ownerName, one->escalatedToName, one->acknowledgedByName,
                                      one->resolvedByName, one->escalatedByName, one->regionId, one->recipients,
                                      one->recipientNames, one->dedupeKey, one->details, one->raisedAt,
                                      one->state.escalatedTo, one->state.resolvedAt,
                                      QString::number(one->state.escalationLevel), QString::number(one->rowVersion)};
            QCOMPARE(listed, fetched);
            kinds.insert(a.subjectKind);
            named += !a.subjectName.isEmpty() && !a.regionId.isEmpty() && !a.escalatedToName.isEmpty();
        }
        QVERIFY2(kinds.contains(QStringLiteral("lead")) && kinds.contains(QStringLiteral("user"))
                     && kinds.contains(QStringLiteral("customer")),
                 qPrintable(QStringList(kinds.values()).join(u',')));
        QVERIFY(named > 0); // escalated alerts with a subject and a region were compared
    }
};

QTEST_GUILESS_MAIN(TestAlertEvaluator)
#include "tst_alertevaluator.moc"
