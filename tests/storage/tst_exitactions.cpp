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
// The bookkeeping time of the rows inserted below (it was 'x': a time column holds a time).
const QString kUpdated = QStringLiteral("cockpit_secs('2026-11-02T06:00:00Z')");

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
    void olderRuleRecomputedOnOpen();

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
    // lead-2 (= 2, at 诊断): entered at T0, moved at T2 twice (same second) and at T4. Moves
    // m0..m3 are stage_history 10..13 (the fixture's h1 = 1); activities b0..b7 are 10..17
    // (the fixture's a1, a2 = 1, 2); customer k2 = 2.
    const QString screen = fixture::stageId(m_db->connection(), "lifecycle", "screen");
    const QString diagnose = fixture::stageId(m_db->connection(), "lifecycle", "diagnose");
    QVERIFY(fixture::exec(m_db->connection(),
                          QStringLiteral("INSERT INTO stage_history (id, lead_id, from_stage_id, to_stage_id, at, updated_at) VALUES"
                                         " (10, 2, NULL, %1, cockpit_secs('2026-11-02T00:00:00Z'), %3)," // m0
                                         " (11, 2, %1, %2, cockpit_secs('2026-11-02T02:00:00Z'), %3)," // m1
                                         " (12, 2, %2, %1, cockpit_secs('2026-11-02T02:00:00Z'), %3)," // m2
                                         " (13, 2, %1, %2, cockpit_secs('2026-11-02T04:00:00Z'), %3)") // m3
                              .arg(screen, diagnose, kUpdated)));
    QVERIFY(fixture::exec(m_db->connection(),
                          QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, kind, direction, at, deleted, updated_at) VALUES"
                                         " (10, 2, 2, 'demo', 'sales', cockpit_secs('2026-11-01T23:59:59Z'), 0, %1)," // b0: before the first move
                                         " (11, 2, 2, 'call', 'sales', cockpit_secs('2026-11-02T00:00:00Z'), 0, %1)," // b1: at the entry: in
                                         " (12, 2, 2, 'wechat', 'sales', cockpit_secs('2026-11-02T01:00:00Z'), 1, %1)," // b2: deleted
                                         " (13, 2, 2, 'fax', 'sales', cockpit_secs('2026-11-02T01:00:00Z'), 0, %1)," // b3: no such kind
                                         " (14, 2, 2, 'email', 'customer', cockpit_secs('2026-11-02T02:00:00Z'), 0, %1)," // b4: the customer's own email: never counts
                                         " (15, 2, 2, 'meeting', 'sales', cockpit_secs('2026-11-02T03:00:00Z'), 0, %1)," // b5
                                         " (16, 2, 2, 'visit', 'sales', cockpit_secs('2026-11-02T05:00:00Z'), 0, %1)") // b6: after the last
                              .arg(kUpdated)));
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
    QCOMPARE(maskOf(db, QStringLiteral("10")), 0); // m0: no earlier move: no known entry
    QCOMPARE(maskOf(db, QStringLiteral("11")), bits({"call"})); // m1: [T0, T2): the call at T0
    QCOMPARE(maskOf(db, QStringLiteral("12")), bits({"call"})); // m2: same second, same window
    QCOMPARE(maskOf(db, QStringLiteral("13")), bits({"meeting"})); // m3: [T2, T4); b4 is the customer's, not a sales action
    QCOMPARE(maskOf(db, QStringLiteral("1")), 0); // h1: lead-1's only move
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
                                             " VALUES (17, 2, 2, 'quote', 'sales', cockpit_secs('2026-11-02T03:30:00Z'), %1)")
                                             .arg(kUpdated))); // b7
    QVERIFY(fixture::exec(db, QStringLiteral("UPDATE activities SET deleted = 1 WHERE id = 11")));  // b1
    QCOMPARE(refreshExitActions(h, {QStringLiteral("1"), QStringLiteral("3")}, &error), 0); // lead-1, lead-3
    QCOMPARE(maskOf(db, QStringLiteral("13")), bits({"meeting"})); // m3
    QVERIFY(fixture::exitActionsDisagreeing(db) > 0);
    QCOMPARE(refreshExitActions(h, {QStringLiteral("2")}, &error), 3); // lead-2: m1, m2 lose the call; m3 gains the quote
    QCOMPARE(maskOf(db, QStringLiteral("11")), 0); // m1
    QCOMPARE(maskOf(db, QStringLiteral("13")), bits({"meeting", "quote"})); // m3
    QCOMPARE(fixture::exitActionsDisagreeing(db), 0);
    QCOMPARE(refreshExitActions(h, {QStringLiteral("2")}, &error), 0);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestExitActions::moveStageKeepsItsMask()
{
    QSqlDatabase db = m_db->connection();
    // lead-2 sits in 诊断 since m3 (T4); the visit at T5 was done in it. Moving back to 筛选
    // (no gate) closes that window now.
    LeadRepository leads(*m_db);
    const QString screen = fixture::stageId(db, "lifecycle", "screen");
    const WriteResult w = leads.moveStage(QStringLiteral("2"), screen, QStringLiteral("102"), QStringLiteral("back"));
    QVERIFY2(w.ok, qPrintable(w.error));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT exit_actions FROM stage_history WHERE lead_id = 2 ORDER BY at DESC LIMIT 1")) && q.next());
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

void TestExitActions::olderRuleRecomputedOnOpen()
{
    // A file written under rule 1 (any direction): m3's mask holds the customer's email b4,
    // and the settings name no rule. Opening it recomputes every mask once and records rule 2.
    const QString path = m_db->path();
    QSqlDatabase db = m_db->connection();
    QCOMPARE(maskOf(db, QStringLiteral("13")), bits({"meeting"}));
    QVERIFY(fixture::exec(db, QStringLiteral("UPDATE stage_history SET exit_actions = %1 WHERE id = 13")
                                  .arg(bits({"email", "meeting"}))));
    QVERIFY(fixture::exec(db, QStringLiteral("DELETE FROM settings WHERE key = 'exit_actions_rule'")));
    QVERIFY(fixture::exitActionsDisagreeing(db) > 0);
    m_db.reset();
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(path, Database::Mode::OpenExisting).ok());
    db = m_db->connection();
    QCOMPARE(maskOf(db, QStringLiteral("13")), bits({"meeting"}));
    QCOMPARE(fixture::exitActionsDisagreeing(db), 0);
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'exit_actions_rule'")) && q.next());
    QCOMPARE(q.value(0).toInt(), kExitActionsRule);
}

QTEST_GUILESS_MAIN(TestExitActions)
#include "tst_exitactions.moc"
