// The index audit of schemas v3 and v4 (models/storage/SCHEMA_V3.md): the queries that an
// index was kept, merged or added for still use it, read off SQLite's EXPLAIN QUERY PLAN on
// the demo company (ANALYZEd by the generator, as every demo file is).
#include "analytics/query.h"
#include "analytics/scope.h"
#include "analytics/teamhealth.h"
#include "storage/database.h"
#include "tinydemo.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::analytics;

namespace {
// EXPLAIN QUERY PLAN of `query` with its binds inlined, one line per step.
QString planOf(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql))
        return QStringLiteral("(not explained: %1)").arg(sql.left(80));
    QStringList steps;
    while (q.next())
        steps << q.value(3).toString();
    return steps.join(QLatin1Char('\n'));
}
} // namespace

class TestIndexPlans : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void repsLiveLeadsUseTheAssignIndex();
    void teamHealthExitsReadTheExitIndexAlone();
    void oneLeadsActivitiesReadTheLeadIndexAlone();
    void retiredIndexesAreGone();

private:
    // The plans of the statements team health runs (2026-Q4, company) whose text holds
    // `marker`, traced as it runs them, with their binds inlined.
    QStringList teamHealthPlans(QLatin1String marker)
    {
        QueryTrace trace;
        computeTeamHealth(m_db->connection(), Scope{Period::quarter(QDate(2026, 11, 1)), OrgScope::company()},
                          QStringLiteral("2026-11-21T10:00:00Z"));
        QStringList plans;
        for (const TracedQuery &q : trace.queries())
            if (q.sql.contains(marker))
                plans << planOf(m_db->connection(), q.inlined());
        return plans;
    }
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
};

void TestIndexPlans::initTestCase()
{
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    const QString generated = fixture::generateTinyDemo(path, 42, QDate(2026, 11, 22));
    QVERIFY2(generated.isEmpty(), qPrintable(generated));
    m_db = std::make_unique<storage::Database>();
    QVERIFY(m_db->open(path).ok());
}

void TestIndexPlans::repsLiveLeadsUseTheAssignIndex()
{
    // idx_leads_owner_status went in v3: a rep's live leads (the alert facts' owner scope,
    // alertfacts.cpp) are sought in idx_leads_assign.
    const QString plan = planOf(m_db->connection(),
                                QStringLiteral("SELECT id, customer_id FROM leads WHERE owner_id = 'u' AND status = 'open'"
                                               " AND deleted = 0"));
    QVERIFY2(plan.contains(QLatin1String("idx_leads_assign (owner_id=? AND status=?)")), qPrintable(plan));
}

void TestIndexPlans::teamHealthExitsReadTheExitIndexAlone()
{
    // The stage exits' statement reads the covering idx_stage_history_by_at and
    // idx_leads_owner_of, with no look-up into the activities.
    const QStringList plans = teamHealthPlans(QLatin1String("exit_actions"));
    for (const QString &plan : plans) {
        QVERIFY2(plan.contains(QLatin1String("COVERING INDEX idx_stage_history_by_at (at>? AND at<?)")), qPrintable(plan));
        QVERIFY2(plan.contains(QLatin1String("COVERING INDEX idx_leads_owner_of (id=?)")), qPrintable(plan));
        QVERIFY2(!plan.contains(QLatin1String("activities")), qPrintable(plan));
    }
    QCOMPARE(plans.size(), 1);
}

void TestIndexPlans::oneLeadsActivitiesReadTheLeadIndexAlone()
{
    // v4 merged lead_at and lead_kind into idx_activities_by_lead, with `deleted` as a column
    // so that it is covering. Team health's per-lead subqueries (first sales action, first
    // demo):
    const QStringList perLead = teamHealthPlans(QLatin1String("FROM activities a WHERE a.lead_id = l.id"));
    for (const QString &plan : perLead)
        QVERIFY2(plan.contains(QLatin1String("COVERING INDEX idx_activities_by_lead (lead_id=?")), qPrintable(plan));
    QVERIFY(!perLead.isEmpty());
    // The alert facts' last live touch of each open lead (alertfacts.cpp), the lead's
    // touchpoints and the exit masks' pass in (lead, at) order read no activity rows either.
    for (const QString &sql :
         {QStringLiteral("SELECT l.id, (SELECT MAX(a.at) FROM activities a WHERE a.lead_id = l.id"
                         " AND a.at <= cockpit_secs('2026-11-21T10:00:00Z') AND a.deleted = 0) FROM leads l WHERE l.status = 'open'"),
          QStringLiteral("SELECT (a.at + 28800) / 86400 AS d, a.direction, COUNT(*) FROM activities a WHERE"
                         " a.lead_id = 'x' AND a.at >= cockpit_secs('2026-01-01') AND a.at < cockpit_secs('2026-12-01') AND a.deleted = 0"
                         " GROUP BY d, a.direction"),
          QStringLiteral("SELECT lead_id, at, kind FROM activities WHERE deleted = 0 AND lead_id IS NOT NULL"
                         " ORDER BY lead_id, at")}) {
        const QString plan = planOf(m_db->connection(), sql);
        QVERIFY2(plan.contains(QLatin1String("COVERING INDEX idx_activities_by_lead")), qPrintable(plan));
        QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE FOR ORDER BY")), qPrintable(plan));
    }
    // One customer's live sales actions (the alert facts of a customer) on the partial index.
    const QString plan = planOf(m_db->connection(),
                                QStringLiteral("SELECT customer_id, actor_id, lead_id, at, kind FROM activities"
                                               " WHERE at >= cockpit_secs('2026-10-01') AND at <= cockpit_secs('2026-11-21') AND direction = 'sales'"
                                               " AND deleted = 0 AND customer_id = 'c'"));
    QVERIFY2(plan.contains(QLatin1String("idx_activities_customer_sales (customer_id=?")), qPrintable(plan));
    // A silent lead's last customer messages, quoted in its alert (alertfacts.cpp).
    const QString quotes = planOf(m_db->connection(),
                                  QStringLiteral("SELECT at, text FROM activities WHERE lead_id = 'x' AND at <= cockpit_secs('2026-11-21')"
                                                 " AND direction = 'customer' AND deleted = 0 ORDER BY at DESC LIMIT 3"));
    QVERIFY2(quotes.contains(QLatin1String("COVERING INDEX idx_activities_customer_words (lead_id=? AND at<?)")),
             qPrintable(quotes));
    QVERIFY2(!quotes.contains(QLatin1String("TEMP B-TREE")), qPrintable(quotes));
}

void TestIndexPlans::retiredIndexesAreGone()
{
    QSqlQuery q(m_db->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT group_concat(name) FROM sqlite_master WHERE name IN"
                                  " ('idx_activities_lead_at', 'idx_activities_lead_kind', 'idx_activities_customer_at',"
                                  " 'idx_stage_history_at', 'idx_stage_history_exits', 'idx_leads_owner_status')")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QString());
}

QTEST_GUILESS_MAIN(TestIndexPlans)
#include "tst_indexplans.moc"
