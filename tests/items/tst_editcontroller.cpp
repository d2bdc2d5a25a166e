// The one edit path: gate refusal names the missing fields and changes nothing; edits,
// stage moves, new customers and store-day imports undo and redo through the QUndoStack; an
// undo that storage refuses reports through commandFailed. A company import's undo and redo
// run on a worker while the GUI thread's event loop goes on.
#include "imports/importplan.h"
#include "imports/importwriter.h"
#include "items/catalog.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "items/editcontroller.h"
#include "imports/importmapping.h"
#include "imports/importplan.h"
#include "imports/importwriter.h"
#include "storage/outbox.h"

#include "fixture.h"

#include <QDateTime>
#include <QFile>
#include <QTimeZone>
#include <QSqlDatabase>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
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
    void undoRestoresTheLeadExactly();
    void reopeningAWonDealUndoes();
    void saveAndMoveIsOneUndoStep();
    void refusedSaveAndMoveKeepsTheFields();
    void createCustomerUndoRedo();
    void failedUndoIsReported();
    void storeImportUndoRedo();
    void importUndoRedoOnAWorker();

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
    const auto r = m_edits->moveLead(QStringLiteral("1"), diagnose);
    QVERIFY(!r.ok);
    QCOMPARE(r.missingGate.size(), 3);
    QVERIFY(r.error.contains(QLatin1String("Budget band")));
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(storage::pendingOutboxCount(m_db->connection()), 0);
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 1")),
             fixture::stageId(m_db->connection(), "lifecycle", "screen"));
}

void TestEditController::editUndoRedo()
{
    QVERIFY(m_edits->editLead(QStringLiteral("2"), {{QStringLiteral("amount_cents"), 77700},
                                                         {QStringLiteral("title"), QStringLiteral("新标题")}}).ok);
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Edit lead"));
    QCOMPARE(value(QStringLiteral("SELECT amount_cents || title FROM leads WHERE id = 2")), QStringLiteral("77700新标题"));
    m_stack->undo();
    QCOMPARE(value(QStringLiteral("SELECT amount_cents || title FROM leads WHERE id = 2")),
             QStringLiteral("120000000华为 数据平台"));
    m_stack->redo();
    QCOMPARE(value(QStringLiteral("SELECT amount_cents || title FROM leads WHERE id = 2")), QStringLiteral("77700新标题"));
    // Edit, undo, redo: three outbox entries, each a real change to push.
    QCOMPARE(storage::pendingOutboxCount(m_db->connection()), 3);
}

void TestEditController::moveUndoRedoAppendsHistory()
{
    QVERIFY(m_edits->editLead(QStringLiteral("1"), {{QStringLiteral("pain_keywords"), QStringLiteral("漏检")},
                                                         {QStringLiteral("budget_band"), QStringLiteral("10-50万")},
                                                         {QStringLiteral("decision_role"), QStringLiteral("influencer")}}).ok);
    const QString screen = fixture::stageId(m_db->connection(), "lifecycle", "screen");
    const QString diagnose = fixture::stageId(m_db->connection(), "lifecycle", "diagnose");
    const auto r = m_edits->moveLead(QStringLiteral("1"), diagnose, QStringLiteral("初筛完成"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(m_stack->count(), 2);
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 1")), diagnose);
    m_stack->undo(); // the move
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 1")), screen);
    m_stack->undo(); // the gate fields
    QCOMPARE(value(QStringLiteral("SELECT pain_keywords FROM leads WHERE id = 1")), QString());
    m_stack->redo();
    m_stack->redo(); // the gate is met again, so the move is allowed again
    QCOMPARE(value(QStringLiteral("SELECT stage_id FROM leads WHERE id = 1")), diagnose);
    // History is append-only: creation, move, undo move, redo move.
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM stage_history WHERE lead_id = 1")), QStringLiteral("4"));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM stage_history WHERE lead_id = 1 AND reason = 'Undo'")),
             QStringLiteral("1"));
}

// Undo of a stage move puts back the stage, its "in stage since", the status and the
// probability as they were; the move took the stage's default probability; redo puts back the
// state the move left (not "now" again).
void TestEditController::undoRestoresTheLeadExactly()
{
    const qint64 since = 1767225600; // 2026-01-01T00:00:00Z
    QVERIFY(QSqlQuery(m_db->connection()).exec(
        QStringLiteral("UPDATE leads SET stage_entered_at = %1, probability = 7 WHERE id = 1").arg(since)));
    QVERIFY(m_edits->editLead(QStringLiteral("1"), {{QStringLiteral("pain_keywords"), QStringLiteral("漏检")},
                                                         {QStringLiteral("budget_band"), QStringLiteral("10-50万")},
                                                         {QStringLiteral("decision_role"), QStringLiteral("influencer")}}).ok);
    const QString screen = fixture::stageId(m_db->connection(), "lifecycle", "screen");
    const QString diagnose = fixture::stageId(m_db->connection(), "lifecycle", "diagnose");
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    QVERIFY(m_edits->moveLead(QStringLiteral("1"), diagnose).ok);
    // diagnose is working stage 3 of 4 (register, screen, diagnose, quote; sign closes): 60 %.
    QCOMPARE(value(QStringLiteral("SELECT probability FROM leads WHERE id = 1")), QStringLiteral("60"));
    const qint64 entered = value(QStringLiteral("SELECT stage_entered_at FROM leads WHERE id = 1")).toLongLong();
    QVERIFY(entered >= before);
    m_stack->undo();
    QCOMPARE(value(QStringLiteral("SELECT stage_id || '|' || stage_entered_at || '|' || status || '|' ||"
                                  " ifnull(closed_at, 'null') || '|' || probability FROM leads WHERE id = 1")),
             QStringLiteral("%1|%2|open|null|7").arg(screen).arg(since));
    QCOMPARE(value(QStringLiteral("SELECT reason FROM stage_history WHERE lead_id = 1 ORDER BY id DESC LIMIT 1")),
             QStringLiteral("Undo"));
    m_stack->redo();
    QCOMPARE(value(QStringLiteral("SELECT stage_id || '|' || stage_entered_at || '|' || probability FROM leads WHERE id = 1")),
             QStringLiteral("%1|%2|60").arg(diagnose).arg(entered));
}

void TestEditController::reopeningAWonDealUndoes()
{
    // Lead 3 is won in the closing stage; moving it back to quote reopens it at quote's 80 %.
    const qint64 closed = 1767312000;
    QVERIFY(QSqlQuery(m_db->connection()).exec(
        QStringLiteral("UPDATE leads SET closed_at = %1, probability = 100 WHERE id = 3").arg(closed)));
    const QString quote = fixture::stageId(m_db->connection(), "lifecycle", "quote");
    const QString sign = fixture::stageId(m_db->connection(), "lifecycle", "sign");
    QVERIFY(m_edits->moveLead(QStringLiteral("3"), quote).ok);
    QCOMPARE(value(QStringLiteral("SELECT status || '|' || ifnull(closed_at, 'null') || '|' || probability FROM leads WHERE id = 3")),
             QStringLiteral("open|null|80"));
    m_stack->undo();
    QCOMPARE(value(QStringLiteral("SELECT stage_id || '|' || status || '|' || closed_at || '|' || probability FROM leads WHERE id = 3")),
             QStringLiteral("%1|won|%2|100").arg(sign).arg(closed));
}

// The editor's "Save and move": the gate fields and the move are one undo step; a typed
// probability wins over the stage's default.
void TestEditController::saveAndMoveIsOneUndoStep()
{
    QVERIFY(QSqlQuery(m_db->connection()).exec(QStringLiteral("UPDATE leads SET probability = 7 WHERE id = 1")));
    const QString screen = fixture::stageId(m_db->connection(), "lifecycle", "screen");
    const QString diagnose = fixture::stageId(m_db->connection(), "lifecycle", "diagnose");
    const auto r = m_edits->editAndMoveLead(QStringLiteral("1"),
                                            {{QStringLiteral("pain_keywords"), QStringLiteral("漏检")},
                                             {QStringLiteral("budget_band"), QStringLiteral("10-50万")},
                                             {QStringLiteral("decision_role"), QStringLiteral("influencer")},
                                             {QStringLiteral("probability"), 55}},
                                            diagnose, QStringLiteral("初筛完成"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Edit and move stage"));
    QCOMPARE(value(QStringLiteral("SELECT stage_id || '|' || probability FROM leads WHERE id = 1")),
             QStringLiteral("%1|55").arg(diagnose));
    m_stack->undo();
    QCOMPARE(value(QStringLiteral("SELECT stage_id || '|' || pain_keywords || '|' || probability FROM leads WHERE id = 1")),
             QStringLiteral("%1||7").arg(screen));
    m_stack->redo();
    QCOMPARE(value(QStringLiteral("SELECT stage_id || '|' || pain_keywords || '|' || probability FROM leads WHERE id = 1")),
             QStringLiteral("%1|漏检|55").arg(diagnose));
    // Without a typed probability the stage's default applies.
    m_stack->undo();
    const auto again = m_edits->editAndMoveLead(QStringLiteral("1"), {{QStringLiteral("pain_keywords"), QStringLiteral("漏检")},
                                                                         {QStringLiteral("budget_band"), QStringLiteral("10-50万")},
                                                                         {QStringLiteral("decision_role"), QStringLiteral("influencer")}},
                                                diagnose);
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(value(QStringLiteral("SELECT probability FROM leads WHERE id = 1")), QStringLiteral("60"));
}

void TestEditController::refusedSaveAndMoveKeepsTheFields()
{
    const QString diagnose = fixture::stageId(m_db->connection(), "lifecycle", "diagnose");
    const auto r = m_edits->editAndMoveLead(QStringLiteral("1"), {{QStringLiteral("pain_keywords"), QStringLiteral("漏检")}},
                                            diagnose);
    QVERIFY(!r.ok);
    QCOMPARE(r.missingGate.size(), 2); // budget band and decision role still missing
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Edit lead"));
    QCOMPARE(value(QStringLiteral("SELECT pain_keywords FROM leads WHERE id = 1")), QStringLiteral("漏检"));
    m_stack->undo();
    QCOMPARE(value(QStringLiteral("SELECT pain_keywords FROM leads WHERE id = 1")), QString());
}

void TestEditController::noOpEditIsNotAnUndoStep()
{
    QVERIFY(m_edits->editLead(QStringLiteral("2"), {{QStringLiteral("amount_cents"), 120000000}}).ok);
    QCOMPARE(m_stack->count(), 0);
    QCOMPARE(storage::pendingOutboxCount(m_db->connection()), 0);
}

void TestEditController::createCustomerUndoRedo()
{
    storage::NewCustomer c{QStringLiteral("海尔"), QStringLiteral("0532 8893 9999"), QStringLiteral("售后工单"),
                           QStringLiteral("102"), QStringLiteral("转介绍"), 45, QStringLiteral("Haier"), {}, {}, {}, {}};
    const auto r = m_edits->createCustomer(c);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(m_stack->undoText(), QStringLiteral("New customer 海尔"));
    m_stack->undo();
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM customers WHERE id = %1").arg(r.id)), QStringLiteral("1"));
    m_stack->redo();
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM customers WHERE id = %1").arg(r.id)), QStringLiteral("0"));
    c.phone.clear();
    const auto bad = m_edits->createCustomer(c);
    QVERIFY(!bad.ok);
    QCOMPARE(bad.missing, QStringList{QStringLiteral("phone")});
    QCOMPARE(m_stack->count(), 1);
}

void TestEditController::failedUndoIsReported()
{
    QVERIFY(m_edits->editLead(QStringLiteral("2"), {{QStringLiteral("title"), QStringLiteral("改")}}).ok);
    QSignalSpy failed(m_edits, &EditController::commandFailed);
    // The lead disappears behind the app's back (another client, a sync): undo must say so.
    QSqlQuery(m_db->connection()).exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    QVERIFY(QSqlQuery(m_db->connection()).exec(QStringLiteral("DELETE FROM leads WHERE id = 2")));
    m_stack->undo();
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("no longer exists")));
}

void TestEditController::storeImportUndoRedo()
{
    // Stores s1 = 1, s2 = 2 (in region r1, city c1); store day d2 = 1, of s2.
    QVERIFY(fixture::exec(m_db->connection(), QStringLiteral(
        "INSERT INTO stores (id, name, region_id, city_id, opened_on, updated_at) VALUES"
        " (1, '上海徐汇体验店', 1, 1, cockpit_day('2024-01-01'), cockpit_secs('2026-01-01T00:00:00Z')),"
        " (2, '上海浦东体验店', 1, 1, cockpit_day('2024-01-01'), cockpit_secs('2026-01-01T00:00:00Z'))")));
    QVERIFY(fixture::exec(m_db->connection(), QStringLiteral(
        "INSERT INTO store_days (id, store_id, day, staff, receptions, exposure_bp, dwell_seconds, experiences,"
        " deals_72h, updated_at) VALUES (1, 2, cockpit_day('2026-11-21'), 5, 70, 6000, 220, 20, 5,"
        " cockpit_secs('2026-11-21T00:00:00Z'))")));
    // A file names a store by its name or by its global id (never the local key).
    const QString s2 = storage::uuidForKey(m_db->connection(), QStringLiteral("stores"), QStringLiteral("2"));
    QCOMPARE(s2.size(), 36);
    const QString csv = m_dir->filePath(QStringLiteral("days.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("日期,门店,在岗人数,接待组数,主推品曝光率,停留时长,体验人数,72小时成交\n"
            "2026-11-21,上海徐汇体验店,4,60,95%,3.5,20,5\n"
            "2026-11-21," + s2.toUtf8() + ",5,70,92,3.7,20,5\n"
            "2026-11-21,南京店,5,70,92,3.7,20,5\n");
    f.close();
    // The store-day file through the importer, as the Stores screen's import does.
    imports::ImportRequest request;
    imports::FileMapping fm;
    fm.entity = imports::Entity::StoreDays;
    fm.file = csv;
    fm.columns = imports::suggestColumns(fm.entity, {QStringLiteral("日期"), QStringLiteral("门店"), QStringLiteral("在岗人数"),
                                                     QStringLiteral("接待组数"), QStringLiteral("主推品曝光率"), QStringLiteral("停留时长"),
                                                     QStringLiteral("体验人数"), QStringLiteral("72小时成交")});
    request.mapping.files = {fm};
    request.paths = {csv};
    request.onDuplicate = imports::OnDuplicate::Update;
    request.now = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC).toSecsSinceEpoch();
    request.actorKey = m_edits->actorId().toLongLong();
    const imports::ImportPlan plan = imports::planImport(m_db->connection(), request);
    QVERIFY2(plan.ok(), qPrintable(plan.fatal));
    QCOMPARE(plan.storeDays.size(), std::size_t(2));
    QCOMPARE(plan.refusedRows(), 1); // 南京店 is not a store
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM store_days")), QStringLiteral("1")); // planning never writes
    const imports::ImportWriteResult r = imports::ImportWriter::write(m_db->connection(), plan, csv, QByteArray("{}"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.created, 1);
    QCOMPARE(r.updated, 1);
    m_edits->pushImport(r.runId, QStringLiteral("Import 2 store days"));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Import 2 store days"));
    const QString live = QStringLiteral("SELECT group_concat(store_id || ':' || exposure_bp, ',') FROM"
                                        " (SELECT store_id, exposure_bp FROM store_days WHERE deleted = 0 ORDER BY store_id)");
    QCOMPARE(value(live), QStringLiteral("1:9500,2:9200")); // s1, s2
    m_stack->undo(); // the new day becomes a tombstone, the replaced one is back
    QTRY_COMPARE_WITH_TIMEOUT(value(live), QStringLiteral("2:6000"), 10000);
    m_stack->redo();
    QTRY_COMPARE_WITH_TIMEOUT(value(live), QStringLiteral("1:9500,2:9200"), 10000);

    // An undo that storage refuses says so through the controller, not from a dialog.
    QSignalSpy failed(m_edits, &EditController::commandFailed);
    QVERIFY(fixture::exec(m_db->connection(), QStringLiteral(
        "CREATE TRIGGER no_undo BEFORE UPDATE ON store_days BEGIN SELECT RAISE(ABORT, 'read-only here'); END")));
    m_stack->undo();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("Could not undo the import")),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(value(live), QStringLiteral("1:9500,2:9200")); // nothing half-undone
}

void TestEditController::importUndoRedoOnAWorker()
{
    // 3 000 new customers, written as the import wizard's worker writes them, then pushed.
    QByteArray csv = "name,phone\n";
    for (int i = 0; i < 3000; ++i)
        csv += "导入客户" + QByteArray::number(i) + ",1380000" + QByteArray::number(1000 + i) + "\n";
    const QString path = m_dir->filePath(QStringLiteral("customers.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(csv) == csv.size());
    f.close();
    imports::ImportRequest request;
    imports::FileMapping fm;
    fm.entity = imports::Entity::Customers;
    fm.file = path;
    fm.columns = {{QStringLiteral("name"), QStringLiteral("name")}, {QStringLiteral("phone"), QStringLiteral("phone")}};
    request.mapping.files = {fm};
    request.paths = {path};
    request.now = 1764547200;
    request.actorKey = m_db->currentUserId().toLongLong();
    const imports::ImportPlan plan = imports::planImport(m_db->connection(), request);
    QVERIFY2(plan.ok(), qPrintable(plan.fatal));
    const auto customers = [this] { return value(QStringLiteral("SELECT count(*) FROM customers WHERE deleted = 0")).toInt(); };
    const int before = customers();
    const imports::ImportWriteResult written = imports::ImportWriter::write(m_db->connection(), plan, path, {});
    QVERIFY2(written.ok, qPrintable(written.error));
    m_edits->pushImport(written.runId, QStringLiteral("Import of 3000 rows"));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(customers(), before + 3000); // pushing does not write again

    // A timer on the GUI thread ticks while the worker undoes: the event loop runs meanwhile
    // (on the GUI thread, undo() would hold it until done and the timer could not fire).
    QSignalSpy busy(m_edits, &EditController::busy), idle(m_edits, &EditController::idle);
    int ticksWhileBusy = 0;
    QTimer ticker;
    ticker.setInterval(0);
    connect(&ticker, &QTimer::timeout, this, [&] { ticksWhileBusy += busy.count() > idle.count(); });
    ticker.start();
    m_stack->undo();
    QVERIFY2(ticksWhileBusy > 0, "the GUI thread's event loop did not run during the undo");
    QCOMPARE(busy.count(), 1);
    QCOMPARE(busy.at(0).at(0).toString(), QStringLiteral("Undoing the import…"));
    QCOMPARE(idle.count(), 1);
    QCOMPARE(customers(), before);
    ticksWhileBusy = 0;
    m_stack->redo();
    QVERIFY(ticksWhileBusy > 0);
    QCOMPARE(busy.at(1).at(0).toString(), QStringLiteral("Redoing the import…"));
    QCOMPARE(customers(), before + 3000);
    ticker.stop();

    // The writer's progress: a cancel at the first report rolls the undo back (nothing
    // changed, the run still stands); let run, the reports reach the total.
    QString error;
    qint64 reports = 0, lastDone = -1, lastTotal = -1;
    QVERIFY(!imports::ImportWriter::undo(m_db->connection(), written.runId, request.actorKey, &error, nullptr,
                                         [&](qint64 done, qint64 total) {
                                             ++reports;
                                             lastDone = done;
                                             lastTotal = total;
                                             return false;
                                         }));
    QCOMPARE(reports, 1);
    QVERIFY(lastDone > 0 && lastDone < lastTotal);
    QCOMPARE(lastTotal, 3000);
    QVERIFY2(error.contains(QLatin1String("cancelled")), qPrintable(error));
    QCOMPARE(customers(), before + 3000);
    QCOMPARE(imports::ImportWriter::lastRun(m_db->connection()), written.runId);
    error.clear();
    reports = 0;
    qint64 rows = 0;
    bool increasing = true;
    QVERIFY2(imports::ImportWriter::undo(m_db->connection(), written.runId, request.actorKey, &error, &rows,
                                         [&](qint64 done, qint64 total) {
                                             increasing = increasing && (reports == 0 || done > lastDone);
                                             ++reports;
                                             lastDone = done;
                                             lastTotal = total;
                                             return true;
                                         }),
             qPrintable(error));
    QVERIFY(reports > 1);
    QVERIFY(increasing);
    QCOMPARE(lastDone, lastTotal);
    QCOMPARE(rows, 3000);
    QCOMPARE(customers(), before);
    QVERIFY2(imports::ImportWriter::redo(m_db->connection(), written.runId, request.actorKey, &error), qPrintable(error));
    QCOMPARE(customers(), before + 3000);

    // Undone meanwhile elsewhere (`sales-cockpit undo-import`): the undo says why it cannot.
    QVERIFY2(imports::ImportWriter::undo(m_db->connection(), written.runId, request.actorKey, &error), qPrintable(error));
    QSignalSpy failed(m_edits, &EditController::commandFailed);
    m_stack->undo();
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().startsWith(QLatin1String("Could not undo the import: ")),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(idle.count(), 3);
    QCOMPARE(customers(), before);
}

QTEST_GUILESS_MAIN(TestEditController)
#include "tst_editcontroller.moc"
