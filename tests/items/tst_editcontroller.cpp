// The one edit path: gate refusal names the missing fields and changes nothing; edits,
// stage moves and new customers undo and redo through the QUndoStack.
#include "items/catalog.h"
#include "storage/database.h"
#include "items/editcontroller.h"
#include "storage/outbox.h"

#include "fixture.h"

#include <QSqlDatabase>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace cockpit;

class TestEditController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void gateRefusalLeavesNothingOnStack();
    void editUndoRedo();
    void moveUndoRedoAppendsHistory();
    void noOpEditIsNotAnUndoStep();
    void createCustomerUndoRedo();
    void failedUndoIsReported();

private:
    QString value(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
    }
    QTemporaryDir *m_dir = nullptr;
    storage::Database *m_db = nullptr;
    QUndoStack *m_stack = nullptr;
    EditController *m_edits = nullptr;
};

void TestEditController::init()
{
    m_dir = new QTemporaryDir;
    m_db = new storage::Database;
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("e.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(*m_db));
    m_stack = new QUndoStack;
    m_edits = new EditController(*m_db, *m_stack);
}

void TestEditController::cleanup()
{
    delete m_edits;
    delete m_stack;
    delete m_db;
    delete m_dir;
}

void TestEditController::gateRefusalLeavesNothingOnStack()
{
    const QString diagnose = fixture::stageId(m_db->connection(), "lifecycle", "diagnose");
    const auto r = m_edits->moveLead(QStringLiteral("lead-1"), diagnose);
    QVERIFY(!r.ok);
    QCOMPARE(r.missingGate.size(), 3);
    QVERIFY(r.error.contains(QLatin1String("Budget band")));
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(storage::pendingOutboxCount(m_db->connection()), 0);
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 'lead-1'")),
             fixture::stageId(m_db->connection(), "lifecycle", "screen"));
}

void TestEditController::editUndoRedo()
{
    QVERIFY(m_edits->editLead(QStringLiteral("lead-2"), {{QStringLiteral("amount_cents"), 77700},
                                                         {QStringLiteral("title"), QStringLiteral("新标题")}}).ok);
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Edit lead"));
    QCOMPARE(value(QStringLiteral("SELECT amount_cents || title FROM leads WHERE id = 'lead-2'")), QStringLiteral("77700新标题"));
    m_stack->undo();
    QCOMPARE(value(QStringLiteral("SELECT amount_cents || title FROM leads WHERE id = 'lead-2'")),
             QStringLiteral("120000000华为 数据平台"));
    m_stack->redo();
    QCOMPARE(value(QStringLiteral("SELECT amount_cents || title FROM leads WHERE id = 'lead-2'")), QStringLiteral("77700新标题"));
    // Edit, undo, redo: three outbox entries, each a real change to push.
    QCOMPARE(storage::pendingOutboxCount(m_db->connection()), 3);
}

void TestEditController::moveUndoRedoAppendsHistory()
{
    QVERIFY(m_edits->editLead(QStringLiteral("lead-1"), {{QStringLiteral("pain_keywords"), QStringLiteral("漏检")},
                                                         {QStringLiteral("budget_band"), QStringLiteral("10-50万")},
                                                         {QStringLiteral("decision_role"), QStringLiteral("influencer")}}).ok);
    const QString screen = fixture::stageId(m_db->connection(), "lifecycle", "screen");
    const QString diagnose = fixture::stageId(m_db->connection(), "lifecycle", "diagnose");
    const auto r = m_edits->moveLead(QStringLiteral("lead-1"), diagnose, QStringLiteral("初筛完成"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(m_stack->count(), 2);
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 'lead-1'")), diagnose);
    m_stack->undo(); // the move
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 'lead-1'")), screen);
    m_stack->undo(); // the gate fields
    QCOMPARE(value(QStringLiteral("SELECT pain_keywords FROM leads WHERE id = 'lead-1'")), QString());
    m_stack->redo();
    m_stack->redo(); // the gate is met again, so the move is allowed again
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 'lead-1'")), diagnose);
    // History is append-only: creation, move, undo move, redo move.
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM stage_history WHERE lead_id = 'lead-1'")), QStringLiteral("4"));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM stage_history WHERE lead_id = 'lead-1' AND reason = 'Undo'")),
             QStringLiteral("1"));
}

void TestEditController::noOpEditIsNotAnUndoStep()
{
    QVERIFY(m_edits->editLead(QStringLiteral("lead-2"), {{QStringLiteral("amount_cents"), 120000000}}).ok);
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(storage::pendingOutboxCount(m_db->connection()), 0);
}

void TestEditController::createCustomerUndoRedo()
{
    storage::NewCustomer c{QStringLiteral("海尔"), QStringLiteral("0532 8893 9999"), QStringLiteral("售后工单"),
                           QStringLiteral("u2"), QStringLiteral("转介绍"), 45, QStringLiteral("Haier"), {}, {}, {}, {}};
    const auto r = m_edits->createCustomer(c);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(m_stack->undoText(), QStringLiteral("New customer 海尔"));
    m_stack->undo();
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM customers WHERE id = '%1'").arg(r.id)), QStringLiteral("1"));
    m_stack->redo();
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM customers WHERE id = '%1'").arg(r.id)), QStringLiteral("0"));
    c.phone.clear();
    const auto bad = m_edits->createCustomer(c);
    QVERIFY(!bad.ok);
    QCOMPARE(bad.missing, QStringList{QStringLiteral("phone")});
    QCOMPARE(m_stack->count(), 1);
}

void TestEditController::failedUndoIsReported()
{
    QVERIFY(m_edits->editLead(QStringLiteral("lead-2"), {{QStringLiteral("title"), QStringLiteral("改")}}).ok);
    QSignalSpy failed(m_edits, &EditController::commandFailed);
    // The lead disappears behind the app's back (another client, a sync): undo must say so.
    QSqlQuery(m_db->connection()).exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    QVERIFY(QSqlQuery(m_db->connection()).exec(QStringLiteral("DELETE FROM leads WHERE id = 'lead-2'")));
    m_stack->undo();
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("no longer exists")));
}

QTEST_GUILESS_MAIN(TestEditController)
#include "tst_editcontroller.moc"
