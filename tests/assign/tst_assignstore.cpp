// The storage side of assignment: facts loaded from the database, owner changes written
// with their org columns, assigned_at and outbox entries in one transaction, bulk
// reassignment as one undo step, refusals that write nothing, and the catalog (what the
// leads table shows) following each change.
#include "assign/assignstore.h"
#include "items/catalog.h"
#include "domain/clock.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "storage/leadrepository.h"
#include "storage/outbox.h"
#include "items/reassigncommand.h"

#include "fixture.h"

#include <QSqlDatabase>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUndoStack>

using namespace cockpit;
using namespace cockpit::assign;

class TestAssignStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void loadsFacts();
    void assignsUnassignedInRotation();
    void nobodyEligibleWritesNothing();
    void ownerLeftGoesToTeamMate();
    void reassignToUndoRedo();
    void reassignToLeftOrUnknownRefused();
    void undoRefusedWhenChangedMeanwhile();
    void catalogFollows();
    void recommendFromStorage();
    void loadCapSetting();

private:
    QString value(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
    }
    QString owner(const QString &lead)
    {
        return value(QStringLiteral("SELECT coalesce(owner_id, 'NULL') FROM leads WHERE id = %1").arg(lead));
    }
    int outbox() { return storage::pendingOutboxCount(m_db->connection()); }

    QTemporaryDir *m_dir = nullptr;
    storage::Database *m_db = nullptr;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 22), QTime(9, 0), QTimeZone::utc())};
};

void TestAssignStore::init()
{
    m_dir = new QTemporaryDir;
    m_db = new storage::Database;
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("a.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(*m_db));
    QSqlDatabase db = m_db->connection();
    const QString t = QStringLiteral("cockpit_secs('2026-11-01T00:00:00Z')"); // the file's form
    const QString pipeline = QStringLiteral("(SELECT id FROM pipelines WHERE code = 'lifecycle')");
    const QString screen = fixture::stageId(db, "lifecycle", "screen");
    const QStringList sql = {
        // Capabilities: both won 汽车零部件 (博世's industry); 王芳 handles up to 10-50万.
        QStringLiteral("UPDATE users SET capability_industries = '汽车零部件|软件', budget_band = '10-50万' WHERE id = 101"),
        QStringLiteral("UPDATE users SET capability_industries = '汽车零部件|软件|制造', budget_band = '50万+' WHERE id = 102"),
        QStringLiteral("INSERT INTO users (id, name, role, region_id, city_id, team_id, hire_date, left_date,"
                       " capability_industries, budget_band, updated_at) VALUES"
                       " (103, '王五', 'sales', 1, 1, 1, cockpit_day('2019-01-01'), cockpit_day('2026-10-29'),"
                       " '汽车零部件', '50万+', %1)").arg(t),
        // 王芳 was assigned a lead 8 h ago; 李强 three weeks ago; 王芳 won one in the window.
        QStringLiteral("UPDATE leads SET assigned_at = cockpit_secs('2026-11-22T01:00:00Z') WHERE id = 1"),
        QStringLiteral("UPDATE leads SET assigned_at = cockpit_secs('2026-11-01T00:00:00Z') WHERE id = 2"),
        QStringLiteral("UPDATE leads SET assigned_at = cockpit_secs('2026-06-01T00:00:00Z'),"
                       " closed_at = cockpit_secs('2026-10-01T00:00:00Z') WHERE id = 3"),
        // A lead of the rep who left, and four new leads of 博世 (上海) without an owner. Keys (schema
        // v5): u3 (王五) = 103, lead-4 = 4, new-1 .. new-4 = 11 .. 14.
        QStringLiteral("INSERT INTO leads (id, customer_id, owner_id, region_id, city_id, team_id, pipeline_id, stage_id,"
                       " stage_entered_at, title, status, assigned_at, created_at, updated_at) VALUES"
                       " (4, 1, 103, 1, 1, 1, %2, '%3', %1, '博世 旧线索', 'open', %1, %1, %1)")
            .arg(t, pipeline, screen),
    };
    for (const QString &s : sql)
        QVERIFY(fixture::exec(db, s));
    for (int i = 1; i <= 4; ++i)
        QVERIFY(fixture::exec(db, QStringLiteral(
            "INSERT INTO leads (id, customer_id, pipeline_id, stage_id, stage_entered_at, title, budget_band,"
            " status, created_at, updated_at) VALUES (%5, 1, %2, '%3', %4, '博世 新线索 %1', '10-50万',"
            " 'open', cockpit_secs('2026-11-22T08:0%1:00Z'), %4)").arg(i).arg(pipeline, screen, t).arg(10 + i)));
    m_db->announceChanges(); // the set-up is written before the test listens
}

void TestAssignStore::cleanup()
{
    delete m_db;
    delete m_dir;
}

void TestAssignStore::loadsFacts()
{
    AssignStore store(*m_db);
    std::vector<Rep> reps;
    OrgNames names;
    QString error;
    QVERIFY2(store.loadReps(m_clock.now(), 180, &reps, &names, &error), qPrintable(error));
    QCOMPARE(int(reps.size()), 3);
    std::map<QString, Rep> byId;
    for (const Rep &r : reps)
        byId[r.id] = r;
    QCOMPARE(byId["101"].openLoad, 1);
    QCOMPARE(byId["101"].assigned24h, 1);
    QCOMPARE(byId["101"].won, 1);
    QCOMPARE(byId["101"].lost, 0);
    QCOMPARE(byId["101"].bandRank, 1);
    QCOMPARE(byId["101"].industries, (QStringList{"汽车零部件", "软件"}));
    QCOMPARE(byId["102"].assigned24h, 0);
    QCOMPARE(byId["102"].lastAssignedAt, QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch());
    QCOMPARE(byId["103"].leftDate, QDate(2026, 10, 29));
    QCOMPARE(names.teams.value("1") /* t1 */, QStringLiteral("上海一组"));
    QCOMPARE(names.cities.value("1") /* c1 */, QStringLiteral("上海"));

    std::vector<StoredLead> leads;
    QVERIFY(store.loadUnassignedLeads(&leads, &error));
    QCOMPARE(int(leads.size()), 4);
    QCOMPARE(leads[0].facts.id, QStringLiteral("11"));
    QCOMPARE(leads[0].facts.industry, QStringLiteral("汽车零部件"));
    QCOMPARE(leads[0].facts.cityId, QStringLiteral("1")); // c1, the customer's city
    QVERIFY(leads[0].facts.teamId.isEmpty());
}

void TestAssignStore::assignsUnassignedInRotation()
{
    AssignStore store(*m_db);
    const int before = outbox();
    const BulkResult r = store.assignUnassigned(m_clock, QStringLiteral("100"), 1);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.changes.size(), 4);
    // 李强's last assignment is the oldest, so he starts; then they alternate. The rep who
    // left is never chosen.
    QCOMPARE(owner("11"), QStringLiteral("102"));
    QCOMPARE(owner("12"), QStringLiteral("101"));
    QCOMPARE(owner("13"), QStringLiteral("102"));
    QCOMPARE(owner("14"), QStringLiteral("101"));
    QCOMPARE(value("SELECT team_id || '/' || city_id || '/' || region_id || ' ' || cockpit_iso(assigned_at) FROM leads WHERE id = 11"), // new-1
             QStringLiteral("1/1/1 2026-11-22T09:00:00Z")); // t1/c1/r1
    QCOMPARE(outbox(), before + 4);
    QCOMPARE(value("SELECT fields FROM outbox WHERE row_id = 11").contains(QStringLiteral("\"owner_id\":\"102\"")), true); // new-1, u2
    QCOMPARE(r.changes[0].before.ownerId, QString());
    QCOMPARE(r.changes[0].after.teamId, QStringLiteral("1") /* t1 */);
}

void TestAssignStore::nobodyEligibleWritesNothing()
{
    AssignStore store(*m_db);
    QVERIFY(store.setLoadCap(1, nullptr)); // both active reps already own one open lead
    const int before = outbox();
    const BulkResult r = store.assignUnassigned(m_clock, QStringLiteral("100"), 1);
    QVERIFY(r.ok);
    QCOMPARE(r.changes.size(), 0);
    QCOMPARE(r.notAssigned.size(), 4);
    QVERIFY2(r.reasons[0].startsWith(QStringLiteral("No eligible rep: all 2 reps of 上海 are at the load cap of 1")),
             qPrintable(r.reasons[0]));
    QCOMPARE(outbox(), before);
    QCOMPARE(owner("11"), QStringLiteral("NULL"));

    // A 50万+ lead when 李强 (the only 50万+ handler) is full: 王芳 cannot take it.
    QVERIFY(store.setLoadCap(2, nullptr));
    QVERIFY(fixture::exec(m_db->connection(), "UPDATE leads SET budget_band = '50万+' WHERE id BETWEEN 11 AND 14" /* new-1 .. new-4 */));
    QVERIFY(fixture::exec(m_db->connection(), "UPDATE leads SET owner_id = 102 WHERE id = 3"));
    QVERIFY(fixture::exec(m_db->connection(), "UPDATE leads SET status = 'open' WHERE id = 3"));
    const BulkResult big = store.assignUnassigned(m_clock, QStringLiteral("100"), 1);
    QCOMPARE(big.changes.size(), 0);
    QVERIFY2(big.reasons[0].contains(QStringLiteral("李强, is at the load cap of 2")), qPrintable(big.reasons[0]));
}

void TestAssignStore::ownerLeftGoesToTeamMate()
{
    AssignStore store(*m_db);
    const BulkResult r = store.autoAssign({QStringLiteral("4")}, m_clock, QStringLiteral("100"), 1);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.changes.size(), 1);
    QCOMPARE(owner("4"), QStringLiteral("102"));
    QCOMPARE(r.changes[0].before.ownerId, QStringLiteral("103"));
}

void TestAssignStore::reassignToUndoRedo()
{
    QUndoStack stack;
    QStringList errors;
    const int before = outbox();
    const QString oldAssigned = value("SELECT assigned_at FROM leads WHERE id = 1");
    const BulkResult r = reassignLeads(*m_db, stack, {"1", "2", "11"}, QStringLiteral("102"),
                                       m_clock, QStringLiteral("100"), 1,
                                       [&](const QString &e) { errors << e; });
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.changes.size(), 2);
    QCOMPARE(r.notAssigned, QStringList{"2"}); // already 李强's
    QCOMPARE(r.reasons, QStringList{"Already owned by 李强."});
    QCOMPARE(stack.count(), 1);
    QCOMPARE(owner("1"), QStringLiteral("102"));
    QCOMPARE(owner("11"), QStringLiteral("102"));
    QCOMPARE(outbox(), before + 2);

    stack.undo(); // one step restores every old owner
    QCOMPARE(owner("1"), QStringLiteral("101"));
    QCOMPARE(owner("11"), QStringLiteral("NULL"));
    QCOMPARE(value("SELECT assigned_at FROM leads WHERE id = 1"), oldAssigned);
    QCOMPARE(value("SELECT coalesce(team_id, 'NULL') FROM leads WHERE id = 11") /* new-1 */, QStringLiteral("NULL"));
    QCOMPARE(outbox(), before + 4);
    stack.redo();
    QCOMPARE(owner("1"), QStringLiteral("102"));
    QCOMPARE(owner("11"), QStringLiteral("102"));
    QVERIFY(errors.isEmpty());

    // Auto through the same path: 王芳 is the only other active rep of the team.
    const BulkResult a = reassignLeads(*m_db, stack, {"1"}, QString(), m_clock, QStringLiteral("100"), 1, {});
    QCOMPARE(a.changes.size(), 1);
    QCOMPARE(owner("1"), QStringLiteral("101"));
    QCOMPARE(stack.count(), 2);
}

void TestAssignStore::reassignToLeftOrUnknownRefused()
{
    AssignStore store(*m_db);
    const int before = outbox();
    BulkResult r = store.reassignTo({"1"}, QStringLiteral("103"), m_clock, QStringLiteral("100"));
    QVERIFY(!r.ok);
    QCOMPARE(r.error, QStringLiteral("王五 left on 2026-10-29 and cannot take leads."));
    r = store.reassignTo({"1"}, QStringLiteral("100"), m_clock, QStringLiteral("100")); // the director
    QVERIFY(!r.ok);
    QVERIFY(r.error.contains(QStringLiteral("not a sales rep")));
    QCOMPARE(owner("1"), QStringLiteral("101"));
    QCOMPARE(outbox(), before);
}

void TestAssignStore::undoRefusedWhenChangedMeanwhile()
{
    QUndoStack stack;
    QStringList errors;
    reassignLeads(*m_db, stack, {"1", "4"}, QStringLiteral("102"), m_clock, QStringLiteral("100"), 1,
                  [&](const QString &e) { errors << e; });
    QCOMPARE(owner("4"), QStringLiteral("102"));
    storage::LeadRepository leads(*m_db);
    QVERIFY(leads.update(QStringLiteral("4"), {{QStringLiteral("owner_id"), QStringLiteral("101")}}, "100").ok);
    const int before = outbox();
    stack.undo();
    QCOMPARE(errors.size(), 1);
    // lead-4, named by its title and global id, never by its local key
    const QString uuid4 = storage::uuidForKey(m_db->connection(), QStringLiteral("leads"), QStringLiteral("4"));
    QCOMPARE(uuid4.size(), 36);
    QVERIFY2(errors[0].contains(uuid4), qPrintable(errors[0]));
    QVERIFY2(errors[0].startsWith(QStringLiteral("Lead “")), qPrintable(errors[0]));
    // All or nothing: lead-1 was not put back on its own either.
    QCOMPARE(owner("1"), QStringLiteral("102"));
    QCOMPARE(owner("4"), QStringLiteral("101"));
    QCOMPARE(outbox(), before);
}

void TestAssignStore::catalogFollows()
{
    Catalog catalog(*m_db);
    QString error;
    QVERIFY2(catalog.load(&error), qPrintable(error));
    QSignalSpy changed(&catalog, &Catalog::leadRowChanged);
    QUndoStack stack;
    reassignLeads(*m_db, stack, {"1", "12"}, QStringLiteral("102"), m_clock, QStringLiteral("100"), 1, {});
    QCOMPARE(changed.count(), 2);
    const auto &d = catalog.data();
    const int u2 = d.index.user(QStringLiteral("102"));
    QCOMPARE(d.leads[size_t(d.index.lead(QStringLiteral("1")))].owner, u2);
    QCOMPARE(d.leads[size_t(d.index.lead(QStringLiteral("12")))].owner, u2);
    QCOMPARE(d.leads[size_t(d.index.lead(QStringLiteral("12")))].team, d.index.team(QStringLiteral("1") /* t1 */));
    stack.undo();
    QCOMPARE(changed.count(), 4);
    QCOMPARE(d.leads[size_t(d.index.lead(QStringLiteral("12")))].owner, -1);
}

void TestAssignStore::recommendFromStorage()
{
    AssignStore store(*m_db);
    std::optional<Assigner> assigner;
    StoredLead lead;
    QString error;
    QVERIFY2(store.prepare(QStringLiteral("4"), m_clock, 1, &assigner, &lead, &error), qPrintable(error));
    QCOMPARE(assigner->ownerNote(lead.facts), QStringLiteral("Current owner 王五 left on 2026-10-29."));
    const auto top = assigner->recommend(lead.facts);
    QCOMPARE(top.size(), 2); // the two active reps of 上海一组
    QCOMPARE(top[0].name, QStringLiteral("李强"));
    QCOMPARE(top[1].name, QStringLiteral("王芳"));
    QVERIFY(top[1].reasons.contains(QStringLiteral("Win rate: 100 % over the last 180 days (1 won, 0 lost)")));
    QVERIFY(!store.prepare(QStringLiteral("nope"), m_clock, 1, &assigner, &lead, &error));
    QCOMPARE(error, QStringLiteral("The lead no longer exists."));
}

void TestAssignStore::loadCapSetting()
{
    AssignStore store(*m_db);
    QCOMPARE(store.loadCap(), 8);
    QString error;
    QVERIFY(!store.setLoadCap(0, &error));
    QVERIFY(error.contains(QStringLiteral("between 1 and")));
    QCOMPARE(store.loadCap(), 8);
    QVERIFY(store.setLoadCap(70, &error));
    QCOMPARE(store.loadCap(), 70);
    QCOMPARE(store.options(m_clock.now(), 5).loadCap, 70);
}

QTEST_GUILESS_MAIN(TestAssignStore)
#include "tst_assignstore.moc"
