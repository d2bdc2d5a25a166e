// The index audit of schema v3 (models/storage/SCHEMA_V3.md): the queries that an index was
// kept, merged or added for still use it, read off SQLite's EXPLAIN QUERY PLAN on the demo
// company (ANALYZEd by the generator, as every demo file is).
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

private:
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
    // The queries team health runs, traced; the stage exits' come from the covering
    // idx_stage_history_by_at and idx_leads_owner_of, with no look-up into the activities.
    QueryTrace trace;
    computeTeamHealth(m_db->connection(), Scope{Period::quarter(QDate(2026, 11, 1)), OrgScope::company()},
                      QStringLiteral("2026-11-21T10:00:00Z"));
    int exitQueries = 0;
    for (const TracedQuery &q : trace.queries()) {
        if (!q.sql.contains(QLatin1String("exit_actions")))
            continue;
        ++exitQueries;
        const QString plan = planOf(m_db->connection(), q.inlined());
        QVERIFY2(plan.contains(QLatin1String("COVERING INDEX idx_stage_history_by_at (at>? AND at<?)")), qPrintable(plan));
        QVERIFY2(plan.contains(QLatin1String("COVERING INDEX idx_leads_owner_of (id=?)")), qPrintable(plan));
        QVERIFY2(!plan.contains(QLatin1String("activities")), qPrintable(plan));
    }
    QCOMPARE(exitQueries, 1);
}

QTEST_GUILESS_MAIN(TestIndexPlans)
#include "tst_indexplans.moc"
