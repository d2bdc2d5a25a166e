// The inbox models and the undoable alert actions: acknowledge / escalate / resolve go through
// the QUndoStack and undo restores the stored state exactly; the table model under
// QAbstractItemModelTester; filters and the counts per rule.
#include "items/alertactions.h"
#include "alerts/alertevaluator.h"
#include "alerts/alertinbox.h"
#include "alerts/alerttablemodel.h"
#include "storage/database.h"
#include "domain/ids.h"
#include "orgfixture.h"
#include "demo/demogenerator.h"
#include "analytics/alertsfeed.h"

#include <QSqlDatabase>
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace cockpit;
using namespace cockpit::alerts;

class TestAlertInbox : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<ManualClock> m_clock;
    int m_n = 0;

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<storage::Database>();
        QVERIFY(m_db->open(m_dir.filePath(QStringLiteral("i%1.db").arg(++m_n)), storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populateWithChain(*m_db));
        m_clock = std::make_unique<ManualClock>(fromIsoUtc(QStringLiteral("2026-11-01T03:00:00Z")));
        AlertEvaluator e(m_db->connection(), *m_clock);
        QCOMPARE(e.evaluateAll().raised, 2);
    }
    void cleanup() { m_db.reset(); }

    void undoRestoresEachAction()
    {
        QUndoStack stack;
        AlertActions actions(*m_db, stack, *m_clock);
        QSignalSpy changed(&actions, &AlertActions::alertChanged);
        const QString id = actions.store().openAlertsForLead(QStringLiteral("1")).front().id;
        const AlertState initial = actions.store().fetch(id)->state;

        m_clock->advanceSecs(60);
        QVERIFY(actions.acknowledge(id).ok);
        QCOMPARE(actions.store().fetch(id)->state.acknowledgedBy, QStringLiteral("100")); // u0, current_user_id
        QCOMPARE(actions.store().fetch(id)->state.acknowledgedAt, QStringLiteral("2026-11-01T03:01:00Z"));
        QVERIFY(actions.escalate(id).ok);
        QCOMPARE(actions.store().fetch(id)->state.escalatedTo, QStringLiteral("100") /* u0 */);
        QVERIFY(actions.resolve(id).ok);
        QCOMPARE(actions.store().fetch(id)->state.resolvedBy, QStringLiteral("100") /* u0 */);
        QCOMPARE(stack.count(), 3);
        QCOMPARE(changed.count(), 3);
        // A refused action never reaches the stack.
        QVERIFY(!actions.resolve(id).ok);
        QCOMPARE(stack.count(), 3);

        stack.undo();
        QVERIFY(actions.store().fetch(id)->state.resolvedAt.isEmpty());
        stack.undo();
        QVERIFY(actions.store().fetch(id)->state.escalatedTo.isEmpty());
        stack.undo();
        QCOMPARE(actions.store().fetch(id)->state, initial);
        stack.redo();
        QCOMPARE(actions.store().fetch(id)->state.acknowledgedBy, QStringLiteral("100") /* u0 */);
        QCOMPARE(changed.count(), 7);
    }

    void staleUndoIsRefusedNotOverwritten()
    {
        QUndoStack stack;
        AlertActions actions(*m_db, stack, *m_clock);
        QSignalSpy failed(&actions, &AlertActions::commandFailed);
        const QString id = actions.store().openAlertsForLead(QStringLiteral("1")).front().id;
        QVERIFY(actions.acknowledge(id).ok);
        // Meanwhile the rule clears and the evaluator resolves the alert.
        QVERIFY(fixture::exec(m_db->connection(), QStringLiteral("UPDATE leads SET status = 'won' WHERE id = 1")));
        AlertEvaluator e(m_db->connection(), *m_clock);
        QCOMPARE(e.evaluateLead(QStringLiteral("1")).resolved, 1);
        stack.undo();
        QCOMPARE(failed.count(), 1);
        QVERIFY(!actions.store().fetch(id)->state.resolvedAt.isEmpty());
    }

    void modelFiltersAndCounts()
    {
        AlertTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        AlertFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const InboxSnapshot s = evaluateAndLoad(m_db->path(), *m_clock, false);
        QVERIFY2(s.ok, qPrintable(s.error));
        QCOMPARE(s.alerts.size(), std::size_t(2));
        model.setAlerts(s.alerts, s.regionNames, m_clock->now().toSecsSinceEpoch());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(filter.rowCount(), 2);
        const int row = model.rowOf(model.alerts().front().id);
        QCOMPARE(model.index(row, AlertTableModel::Rule).data().toString(), QStringLiteral("Stage SLA"));
        QCOMPARE(model.index(row, AlertTableModel::Region).data().toString(), QStringLiteral("华东"));
        QCOMPARE(model.index(row, AlertTableModel::State).data().toString(), QStringLiteral("Open"));
        QVERIFY(model.index(row, AlertTableModel::Subject).data().toString().contains(QStringLiteral("博世"))
                || model.index(row, AlertTableModel::Subject).data().toString().contains(QStringLiteral("华为")));
        // The delivery column is somebody else's: empty until a provider is set.
        QVERIFY(model.index(row, AlertTableModel::Delivery).data().toString().isEmpty());
        model.setDeliveryStateProvider([](const QString &) { return QStringLiteral("sent"); });
        QCOMPARE(model.index(row, AlertTableModel::Delivery).data().toString(), QStringLiteral("sent"));

        AlertFilter f;
        f.personId = QStringLiteral("101"); // u1, lead-1's owner
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 1);
        f.personId = QStringLiteral("109"); // u9, the manager copied on both
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 2);
        f.rules = {rule::Silence};
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 0);
        QCOMPARE(countByRule(model.alerts(), f).value(rule::StageSla), 2); // chips ignore the rule part
        f = AlertFilter{};
        f.regionId = QStringLiteral("elsewhere");
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 0);

        // One alert updated after an action: the rows are folded again (its subject moves to
        // the resolved rows).
        QUndoStack stack;
        AlertActions actions(*m_db, stack, *m_clock);
        const QString id = model.alerts().front().id;
        QVERIFY(actions.resolve(id).ok);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.updateAlert(*actions.store().fetch(id));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.rowAt(model.rowOf(id))->resolved);
        f = AlertFilter{};
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 1); // resolved ones are hidden by default
        f.state = StateFilter::Resolved;
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 1);
    }

    void addressedToMeForTheDirector()
    {
        // A day on, nobody acknowledged: both stage SLA alerts went up to the director (u0,
        // the file's current user), who then finds them under "Addressed to me"; the rep
        // finds their own lead only.
        m_clock->advanceSecs(24 * 3600);
        AlertEvaluator e(m_db->connection(), *m_clock);
        QCOMPARE(e.evaluateAll().escalated, 2);
        const InboxSnapshot s = evaluateAndLoad(m_db->path(), *m_clock, false);
        QVERIFY(s.ok);
        AlertTableModel model;
        model.setAlerts(s.alerts, s.regionNames, m_clock->now().toSecsSinceEpoch());
        AlertFilterModel filter;
        filter.setSourceModel(&model);
        AlertFilter f;
        f.personId = m_db->currentUserId();
        QCOMPARE(f.personId, QStringLiteral("100"));
        f.personReports = reportsOf(s.managerOf, f.personId);
        QCOMPARE(f.personReports, (QSet<QString>{QStringLiteral("101"), QStringLiteral("102"), QStringLiteral("109")}));
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 2);
        f.personId = QStringLiteral("101");
        f.personReports = reportsOf(s.managerOf, f.personId);
        filter.setFilter(f);
        QCOMPARE(filter.rowCount(), 1);
    }

    void cockpitFeedIsFoldedToo()
    {
        // Three days on, each lead has stage SLA and silence: the cockpit's panel lists each
        // lead once with both reasons, and counts subjects.
        m_clock->advanceSecs(3 * 24 * 3600);
        AlertEvaluator e(m_db->connection(), *m_clock);
        QCOMPARE(e.evaluateAll().raised, 2);
        int total = -1;
        const analytics::DataTable t = analytics::openAlertsFeed(m_db->connection(), analytics::OrgScope::company(), 50, &total);
        QCOMPARE(total, 2);
        QCOMPARE(int(t.rows.size()), 2);
        for (const QVariantList &row : t.rows) {
            QCOMPARE(row.at(t.columnIndex(QStringLiteral("rule"))).toString(), QStringLiteral("Stage SLA · Silence"));
            QCOMPARE(row.at(t.columnIndex(QStringLiteral("rule_key"))).toString(), QStringLiteral("stage_sla+silence"));
            QCOMPARE(row.at(t.columnIndex(QStringLiteral("state"))).toString(), QStringLiteral("open"));
        }
        // Only the newest subjects when limited; the total stays.
        const analytics::DataTable one = analytics::openAlertsFeed(m_db->connection(), analytics::OrgScope::company(), 1, &total);
        QCOMPARE(int(one.rows.size()), 1);
        QCOMPARE(total, 2);
    }

    void theDemoDirectorHasAnInbox()
    {
        // The tiny demo as the app first opens it, evaluated at its date: the director it
        // signs in as has a non-empty "Addressed to me" (their people's P1 rows), a morning's
        // worth: fewer rows than the whole company's.
        const QString path = m_dir.filePath(QStringLiteral("demo-director.db"));
        demo::Options options;
        options.scale = demo::Scale::Tiny;
        options.seed = 11;
        options.asOf = QDate(2026, 11, 22);
        QVERIFY(demo::generate(path, options, {}).ok);
        ManualClock clock(fromIsoUtc(QStringLiteral("2026-11-22T09:00:00Z")));
        const InboxSnapshot s = evaluateAndLoad(path, clock, true);
        QVERIFY2(s.ok, qPrintable(s.error));
        storage::Database db;
        QVERIFY(db.open(path).ok());
        const QString me = db.currentUserId();
        QVERIFY(!me.isEmpty());
        AlertTableModel model;
        model.setAlerts(s.alerts, s.regionNames, clock.now().toSecsSinceEpoch());
        AlertFilterModel filter;
        filter.setSourceModel(&model);
        AlertFilter f;
        const int everyone = [&] { filter.setFilter(f); return filter.rowCount(); }();
        f.personId = me;
        f.personReports = reportsOf(s.managerOf, me);
        QVERIFY(!f.personReports.isEmpty());
        filter.setFilter(f);
        QVERIFY(filter.rowCount() > 0);
        QVERIFY(filter.rowCount() < everyone);
        for (int r = 0; r < filter.rowCount(); ++r) {
            const InboxRow *row = model.rowAt(filter.mapToSource(filter.index(r, 0)).row());
            QVERIFY(row->addressees.contains(me) || row->priority.level == 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestAlertInbox)
#include "tst_alertinbox.moc"
