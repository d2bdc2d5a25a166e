// stage_history.exit_actions (schema v3, storage/exitactions.h): the stored masks equal the
// definition written as plain SQL, on hand-made windows and on the demo company; a refresh of
// some leads touches only their moves; a stage move made through the repository keeps its own;
// `check` finds a mask changed behind the app's back and a repaired copy puts it right.
#include "domain/pipelinevalidation.h"
#include "exitactionsref.h"
#include "fixture.h"
#include "storage/database.h"
#include "storage/exitactions.h"
#include "storage/leadrepository.h"
#include "tinydemo.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::storage;

namespace {
qint64 maskOf(QSqlDatabase db, const QString &historyId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT exit_actions FROM stage_history WHERE id = ?"));
    q.addBindValue(historyId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

quint32 bits(std::initializer_list<const char *> kinds)
{
    quint32 b = 0;
    for (const char *k : kinds)
        b |= activityKindBit(QString::fromLatin1(k));
    return b;
}
} // namespace

class TestExitActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void kindBits();
    void handMadeWindows();
    void refreshOfSomeLeadsTouchesOnlyThem();
    void moveStageKeepsItsMask();
    void demoMatchesTheDefinition();
    void checkFindsStaleMasksAndRepairFixesThem();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_round = 0;
};

void TestExitActions::init()
{
    m_db = std::make_unique<Database>();
    const QString path = m_dir.filePath(QStringLiteral("f%1.db").arg(++m_round));
    QVERIFY(m_db->open(path, Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(*m_db));
    // lead-2 (at 诊断): entered at T0, moved at T2 twice (same second) and at T4.
    const QString screen = fixture::stageId(m_db->connection(), "lifecycle", "screen");
    const QString diagnose = fixture::stageId(m_db->connection(), "lifecycle", "diagnose");
    QVERIFY(fixture::exec(m_db->connection(),
                          QStringLiteral("INSERT INTO stage_history (id, lead_id, from_stage_id, to_stage_id, at, updated_at) VALUES"
                                         " ('m0', 'lead-2', NULL, '%1', '2026-11-02T00:00:00Z', 'x'),"
                                         " ('m1', 'lead-2', '%1', '%2', '2026-11-02T02:00:00Z', 'x'),"
                                         " ('m2', 'lead-2', '%2', '%1', '2026-11-02T02:00:00Z', 'x'),"
                                         " ('m3', 'lead-2', '%1', '%2', '2026-11-02T04:00:00Z', 'x')")
                              .arg(screen, diagnose)));
    QVERIFY(fixture::exec(m_db->connection(),
                          QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, kind, direction, at, deleted, updated_at) VALUES"
                                         " ('b0', 'lead-2', 'k2', 'demo', 'sales', '2026-11-01T23:59:59Z', 0, 'x')," // before the first move
                                         " ('b1', 'lead-2', 'k2', 'call', 'sales', '2026-11-02T00:00:00Z', 0, 'x')," // at the entry: in
                                         " ('b2', 'lead-2', 'k2', 'wechat', 'sales', '2026-11-02T01:00:00Z', 1, 'x')," // deleted
                                         " ('b3', 'lead-2', 'k2', 'fax', 'sales', '2026-11-02T01:00:00Z', 0, 'x')," // no such kind
                                         " ('b4', 'lead-2', 'k2', 'email', 'customer', '2026-11-02T02:00:00Z', 0, 'x')," // at the exit: next window
                                         " ('b5', 'lead-2', 'k2', 'meeting', 'sales', '2026-11-02T03:00:00Z', 0, 'x'),"
                                         " ('b6', 'lead-2', 'k2', 'visit', 'sales', '2026-11-02T05:00:00Z', 0, 'x')"))); // after the last
    QVERIFY(fixture::settle(m_db->connection()));
}

void TestExitActions::cleanup()
{
    m_db.reset();
}

void TestExitActions::kindBits()
{
    const QStringList kinds = knownActivityKinds();
    QVERIFY(kinds.size() <= 31);
    for (int i = 0; i < kinds.size(); ++i)
        QCOMPARE(activityKindBit(kinds[i]), quint32(1) << i);
    QCOMPARE(activityKindBit(u"fax"), 0u);
    QCOMPARE(activityKindBit(u""), 0u);
    QCOMPARE(activityKindsOfMask(bits({"email", "call"})), (QStringList{QStringLiteral("call"), QStringLiteral("email")}));
}

void TestExitActions::handMadeWindows()
{
    QSqlDatabase db = m_db->connection();
    QCOMPARE(maskOf(db, QStringLiteral("m0")), 0);           // no earlier move: no known entry
    QCOMPARE(maskOf(db, QStringLiteral("m1")), bits({"call"})); // [T0, T2): the call at T0
    QCOMPARE(maskOf(db, QStringLiteral("m2")), bits({"call"})); // same second, same window
    QCOMPARE(maskOf(db, QStringLiteral("m3")), bits({"email", "meeting"})); // [T2, T4)
    QCOMPARE(maskOf(db, QStringLiteral("h1")), 0); // lead-1's only move
    QCOMPARE(fixture::exitActionsDisagreeing(db), 0);
}

void TestExitActions::refreshOfSomeLeadsTouchesOnlyThem()
{
    QSqlDatabase db = m_db->connection();
    sqlite3 *h = sqliteHandle(db);
    QString error;
    QCOMPARE(refreshExitActions(h, {}, &error), 0); // settled already: nothing to write
    // An activity logged later inside a past window, and one deleted.
    QVERIFY(fixture::exec(db, QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, kind, direction, at, updated_at)"
                                             " VALUES ('b7', 'lead-2', 'k2', 'quote', 'sales', '2026-11-02T03:30:00Z', 'x')")));
    QVERIFY(fixture::exec(db, QStringLiteral("UPDATE activities SET deleted = 1 WHERE id = 'b1'")));
    QCOMPARE(refreshExitActions(h, {QStringLiteral("lead-1"), QStringLiteral("lead-3")}, &error), 0);
    QCOMPARE(maskOf(db, QStringLiteral("m3")), bits({"email", "meeting"}));
    QVERIFY(fixture::exitActionsDisagreeing(db) > 0);
    QCOMPARE(refreshExitActions(h, {QStringLiteral("lead-2")}, &error), 3); // m1, m2 lose the call; m3 gains the quote
    QCOMPARE(maskOf(db, QStringLiteral("m1")), 0);
    QCOMPARE(maskOf(db, QStringLiteral("m3")), bits({"email", "meeting", "quote"}));
    QCOMPARE(fixture::exitActionsDisagreeing(db), 0);
    QCOMPARE(refreshExitActions(h, {QStringLiteral("lead-2")}, &error), 0);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestExitActions::moveStageKeepsItsMask()
{
    QSqlDatabase db = m_db->connection();
    // lead-2 sits in 诊断 since m3 (T4); the visit at T5 was done in it. Moving back to 筛选
    // (no gate) closes that window now.
    LeadRepository leads(*m_db);
    const QString screen = fixture::stageId(db, "lifecycle", "screen");
    const WriteResult w = leads.moveStage(QStringLiteral("lead-2"), screen, QStringLiteral("u2"), QStringLiteral("back"));
    QVERIFY2(w.ok, qPrintable(w.error));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT exit_actions FROM stage_history WHERE lead_id = 'lead-2' ORDER BY at DESC LIMIT 1")) && q.next());
    QCOMPARE(q.value(0).toLongLong(), bits({"visit"}));
    QCOMPARE(fixture::exitActionsDisagreeing(db), 0);
}

void TestExitActions::demoMatchesTheDefinition()
{
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    const QString generated = fixture::generateTinyDemo(path, 7, QDate(2026, 11, 22));
    QVERIFY2(generated.isEmpty(), qPrintable(generated));
    Database db;
    QVERIFY(db.open(path).ok());
    QCOMPARE(fixture::exitActionsDisagreeing(db.connection()), 0);
    // Not trivially so: most exits of a stage with standard actions saw some.
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT SUM(exit_actions <> 0), COUNT(*) FROM stage_history"
                                  " WHERE from_stage_id IS NOT NULL")) && q.next());
    QVERIFY2(q.value(0).toLongLong() * 2 > q.value(1).toLongLong(),
             qPrintable(QStringLiteral("%1 of %2").arg(q.value(0).toLongLong()).arg(q.value(1).toLongLong())));
}

void TestExitActions::checkFindsStaleMasksAndRepairFixesThem()
{
    const QString path = m_dir.filePath(QStringLiteral("stale.db"));
    const QString generated = fixture::generateTinyDemo(path, 11, QDate(2026, 11, 22));
    QVERIFY2(generated.isEmpty(), qPrintable(generated));
    CheckReport r = Database::check(path);
    QVERIFY2(r.ok, qPrintable(r.integrity + r.message));
    QCOMPARE(r.staleExitActions, 0);
    {
        // Two masks changed in the sqlite3 shell's way: the app does not see it happen.
        Database db;
        QVERIFY(db.open(path).ok());
        QVERIFY(fixture::exec(db.connection(), QStringLiteral(
            "UPDATE stage_history SET exit_actions = (exit_actions | 1024) - (exit_actions & 1024) WHERE rowid IN"
            " (SELECT rowid FROM stage_history WHERE from_stage_id IS NOT NULL ORDER BY rowid LIMIT 2)")));
    }
    r = Database::check(path);
    QVERIFY(!r.ok);
    QCOMPARE(r.integrity, QStringLiteral("ok"));
    QCOMPARE(r.staleExitActions, 2);
    const QString copy = m_dir.filePath(QStringLiteral("fixed.db"));
    QString report;
    const QString failed = Database::saveRepairedCopy(path, copy, &report);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QVERIFY2(report.contains(QLatin1String("2 stage move(s) had their exit actions recomputed")), qPrintable(report));
    r = Database::check(copy);
    QVERIFY2(r.ok, qPrintable(r.integrity + r.message));
    QCOMPARE(r.staleExitActions, 0);
}

QTEST_GUILESS_MAIN(TestExitActions)
#include "tst_exitactions.moc"
