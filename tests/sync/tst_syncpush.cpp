// Push (desktop → server, SYNC.md "Push", tests 2, 3, 4, 8) against a real PostgreSQL: an
// edit arrives exactly once, also when its acknowledgment is lost; two desktops editing one
// row merge what does not overlap and record a visible conflict for what does, then converge;
// a delete beats an update everywhere; a row moved to another region leaves the old region's
// desktops; a push cut between batches resumes without duplicates; a refused push becomes a
// conflict and loses nothing. The kill -9 test is in tst_syncpushkill.cpp.
#include "servertestcase.h"
#include "synctestutil.h"
#include "storage/conflictrepository.h"
#include "storage/database.h"
#include "sync/pgconnection.h"
#include "sync/syncpull.h"
#include "sync/syncpush.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace cockpit;
using namespace cockpit::tests;

namespace {
const QString kPassword = QStringLiteral("push-pw-1234");

struct Synced
{
    bool ok = false;
    sync::PushReport push;
    QString error;
};

QJsonObject jsonOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}
} // namespace

class TestSyncPush : public ServerTestCase
{
    Q_OBJECT

public:
    TestSyncPush() : ServerTestCase(kPassword) {}

private:

    QString file(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".db")); }

    // One sync round, as `sales-cockpit sync` runs it: pull, push, pull again when anything was pushed.
    Synced sync(const QString &db, const QString &login, const QString &path)
    {
        Synced out;
        storage::Database local;
        const auto opened = local.open(path, storage::Database::Mode::CreateIfMissing);
        auto server = connect(m_cluster.as(login, kPassword, db));
        if (!opened.ok() || !server) {
            out.error = opened.message;
            return out;
        }
        sync::PullReport pulled;
        sync::PgError e;
        out.ok = sync::pullFromServer(*server, local.handle(), {}, &pulled, &e) && sync::pushToServer(*server, local.handle(), {}, &out.push, &e)
                 && (out.push.total() == 0 || sync::pullFromServer(*server, local.handle(), {}, &pulled, &e));
        out.error = e.message;
        return out;
    }
    // A manager login and its region's uuid.
    QPair<QString, QString> manager(sync::PgConnection &admin, int n = 0)
    {
        sync::PgResult r;
        sync::PgError e;
        admin.exec(QStringLiteral("SELECT login, region_id::text FROM cockpit.logins WHERE region_id IS NOT NULL ORDER BY login"), {}, &r, &e);
        return r.rows() > n ? qMakePair(r.text(n, 0), r.text(n, 1)) : QPair<QString, QString>();
    }
    static QString hexOf(const QString &path, const QString &table, qint64 key)
    {
        return fileScalar(path, QStringLiteral("SELECT lower(hex(uuid)) FROM %1 WHERE id = ?").arg(table), {key}).toString();
    }
    static qint64 keyOf(const QString &path, const QString &table, const QString &hex)
    {
        return fileScalar(path, QStringLiteral("SELECT id FROM %1 WHERE lower(hex(uuid)) = ?").arg(table), {hex}).toLongLong();
    }
    QString onServer(sync::PgConnection &admin, const QString &table, const QString &hex, const QString &expr)
    {
        return serverText(admin, QStringLiteral("SELECT (%1)::text FROM cockpit.%2 WHERE id = $1::uuid").arg(expr, table), {dashed(hex)});
    }
private Q_SLOTS:
    void initTestCase()
    {
        COCKPIT_START_TEST_CLUSTER();
        QString error;
    }

    // SYNC.md test 2's "nothing applied twice": an edit, a new customer and its new contact
    // arrive once (the contact in its customer's region); the same push again from the file as
    // it was before the acknowledgment (the server committed, the file never heard) applies
    // nothing and empties the outbox.
    void editArrivesExactlyOnceEvenWhenTheAckIsLost()
    {
        const QString db = QStringLiteral("t_once");
        DemoServer demo;
        QVERIFY(provision(db, &demo));
        const QString path = file(QStringLiteral("once"));
        QVERIFY(sync(db, QStringLiteral("director"), path).ok);
        const qint64 lead = fileScalar(path, QStringLiteral("SELECT min(id) FROM leads")).toLongLong();
        QVERIFY(!editFile(path, QStringLiteral("leads"), lead, {{QStringLiteral("title"), QStringLiteral("pushed once")}}).isEmpty());
        // A new customer and contact, as an import writes them (the row as committed).
        QVERIFY(withFile(path, [](QSqlDatabase &db) {
            QSqlQuery q(db);
            return db.transaction()
                   && q.exec(QStringLiteral("INSERT INTO customers (name, region_id, city_id, owner_id, source, phone, core_need, close_cycle_days, "
                                            "created_at, updated_at) SELECT 'New Co', region_id, city_id, owner_id, source, phone, core_need, "
                                            "close_cycle_days, created_at, updated_at FROM customers WHERE region_id IS NOT NULL ORDER BY id LIMIT 1"))
                   && q.exec(QStringLiteral("INSERT INTO outbox (op_id, table_name, row_id, op, fields, base_row_version, created_at) "
                                            "SELECT 'op-new-customer', 'customers', max(id), 'insert', 'null', 0, 0 FROM customers"))
                   && q.exec(QStringLiteral("INSERT INTO contacts (customer_id, name, chain_role, updated_at) "
                                            "SELECT max(id), 'Ms New', 'influencer', 1 FROM customers"))
                   && q.exec(QStringLiteral("INSERT INTO outbox (op_id, table_name, row_id, op, fields, base_row_version, created_at) "
                                            "SELECT 'op-new-contact', 'contacts', max(id), 'insert', 'null', 0, 0 FROM contacts"))
                   && db.commit();
        }));
        const QString before = m_dir.filePath(QStringLiteral("once-before-ack.db"));
        QVERIFY(fileScalar(path, QStringLiteral("SELECT count(*) FROM outbox")).toInt() == 3);
        QVERIFY(withFile(path, [&](QSqlDatabase &db) { return QSqlQuery(db).exec(QStringLiteral("VACUUM INTO '%1'").arg(before)); }));
        auto admin = connect(m_cluster.admin(db));
        QVERIFY(admin);
        const Synced r = sync(db, QStringLiteral("director"), path);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.push.pushed, 3);
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
        const QString hex = hexOf(path, QStringLiteral("leads"), lead);
        QCOMPARE(onServer(*admin, QStringLiteral("leads"), hex, QStringLiteral("title")), QStringLiteral("pushed once"));
        const QString version = onServer(*admin, QStringLiteral("leads"), hex, QStringLiteral("row_version"));
        // The local row carries the server's version now.
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT row_version FROM leads WHERE id = ?"), {lead}).toString(), version);
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.customers WHERE name = 'New Co'")), QStringLiteral("1"));
        // The contact took its customer's region (the server fills it in: the file has none).
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.contacts t JOIN cockpit.customers c ON c.id = t.customer_id "
                                                   "WHERE t.name = 'Ms New' AND c.name = 'New Co' AND t.region_id = c.region_id")),
                 QStringLiteral("1"));
        const QString client = fileScalar(path, QStringLiteral("SELECT value FROM sync_state WHERE key = 'client_id'")).toString();
        QVERIFY(!QUuid::fromString(client).isNull());
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.applied_ops WHERE client_id = $1::uuid"), {client}), QStringLiteral("3"));

        // The acknowledgment lost: the same entries pushed again.
        storage::Database local;
        QVERIFY(local.open(before, storage::Database::Mode::OpenExisting).ok());
        auto director = connect(m_cluster.as(QStringLiteral("director"), kPassword, db));
        QVERIFY(director);
        sync::PushReport report;
        sync::PgError e;
        QVERIFY2(sync::pushToServer(*director, local.handle(), {}, &report, &e), qPrintable(e.message));
        QCOMPARE(report.alreadyApplied, 3);
        QCOMPARE(report.pushed + report.merged + report.conflicts + report.refused, 0);
        QVERIFY(report.complete);
        local.close();
        QCOMPARE(fileScalar(before, QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
        QCOMPARE(onServer(*admin, QStringLiteral("leads"), hex, QStringLiteral("row_version")), version);
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.customers WHERE name = 'New Co'")), QStringLiteral("1"));
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.applied_ops WHERE client_id = $1::uuid"), {client}), QStringLiteral("3"));
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.column_history WHERE row_id = $1::uuid"), {dashed(hex)}),
                 QStringLiteral("1"));
    }

    // SYNC.md test 3: two desktops (the director and the region's manager) edit the same rows.
    // Fields that do not overlap merge; the overlapping title and owner keep the first push's
    // values and become conflicts on the second desktop, with the contract's JSON (local keys);
    // after a pull both files hold the server's values.
    void twoDesktopsMergeAndConflict()
    {
        const QString db = QStringLiteral("t_two");
        DemoServer demo;
        QVERIFY(provision(db, &demo));
        auto admin = connect(m_cluster.admin(db));
        QVERIFY(admin);
        const auto [login, region] = manager(*admin);
        QVERIFY(!login.isEmpty());
        const QString a = file(QStringLiteral("two-a")), b = file(QStringLiteral("two-b"));
        QVERIFY(sync(db, QStringLiteral("director"), a).ok);
        QVERIFY(sync(db, login, b).ok);
        const QStringList leads = fileColumn(b, QStringLiteral("SELECT lower(hex(uuid)) FROM leads WHERE deleted = 0 ORDER BY id LIMIT 3"));
        QCOMPARE(leads.size(), 3);
        const QStringList users = fileColumn(b, QStringLiteral("SELECT lower(hex(uuid)) FROM users WHERE region_id IS NOT NULL ORDER BY id LIMIT 2"));
        QCOMPARE(users.size(), 2);
        auto ka = [&](const QString &table, const QString &hex) { return keyOf(a, table, hex); };
        auto kb = [&](const QString &table, const QString &hex) { return keyOf(b, table, hex); };
        const qint64 base1 = fileScalar(b, QStringLiteral("SELECT row_version FROM leads WHERE id = ?"), {kb(QStringLiteral("leads"), leads[0])}).toLongLong();
        QVERIFY(base1 > 0);
        const QString L = QStringLiteral("leads");
        QVERIFY(!editFile(a, L, ka(L, leads[0]), {{QStringLiteral("title"), QStringLiteral("A title")}, {QStringLiteral("amount_cents"), 111}}).isEmpty());
        QVERIFY(!editFile(b, L, kb(L, leads[0]), {{QStringLiteral("title"), QStringLiteral("B title")}, {QStringLiteral("probability"), 77}}).isEmpty());
        QVERIFY(!editFile(a, L, ka(L, leads[1]), {{QStringLiteral("title"), QStringLiteral("A2")}}).isEmpty());
        QVERIFY(!editFile(b, L, kb(L, leads[1]), {{QStringLiteral("amount_cents"), 222}}).isEmpty());
        QVERIFY(!editFile(a, L, ka(L, leads[2]), {{QStringLiteral("owner_id"), ka(QStringLiteral("users"), users[0])}}).isEmpty());
        QVERIFY(!editFile(b, L, kb(L, leads[2]), {{QStringLiteral("owner_id"), kb(QStringLiteral("users"), users[1])}}).isEmpty());

        Synced r = sync(db, QStringLiteral("director"), a);
        QVERIFY2(r.ok && r.push.pushed == 3, qPrintable(r.error));
        r = sync(db, login, b);
        QVERIFY2(r.ok, qPrintable(r.error)); // conflicts are no failure
        QCOMPARE(r.push.merged, 1);
        QCOMPARE(r.push.conflicts, 2);

        // The server: the first push's overlapping values, both desktops' other fields.
        QCOMPARE(onServer(*admin, L, leads[0], QStringLiteral("title || '/' || amount_cents || '/' || probability")), QStringLiteral("A title/111/77"));
        QCOMPARE(onServer(*admin, L, leads[1], QStringLiteral("title || '/' || amount_cents")), QStringLiteral("A2/222"));
        QCOMPARE(onServer(*admin, L, leads[2], QStringLiteral("replace(owner_id::text, '-', '')")), users[0]);

        // The conflicts, as the Conflicts screen reads them.
        QCOMPARE(fileScalar(b, QStringLiteral("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL")).toInt(), 2);
        const QString where = QStringLiteral("SELECT %1 FROM conflicts WHERE table_name = 'leads' AND row_id = ?");
        const qint64 row0 = kb(L, leads[0]);
        const QJsonObject base = jsonOf(fileScalar(b, where.arg(QStringLiteral("base")), {row0}).toString());
        QCOMPARE(base.value(QStringLiteral("kind")).toString(), QStringLiteral("update"));
        QCOMPARE(base.value(QStringLiteral("uuid")).toString(), dashed(leads[0]));
        QCOMPARE(base.value(QStringLiteral("row_version")).toInteger(), base1);
        QCOMPARE(base.value(QStringLiteral("server_row_version")).toInteger(),
                 onServer(*admin, L, leads[0], QStringLiteral("row_version")).toLongLong());
        QVERIFY(!base.contains(QStringLiteral("error")));
        QCOMPARE(jsonOf(fileScalar(b, where.arg(QStringLiteral("mine")), {row0}).toString()),
                 QJsonObject({{QStringLiteral("title"), QStringLiteral("B title")}}));
        QCOMPARE(jsonOf(fileScalar(b, where.arg(QStringLiteral("theirs")), {row0}).toString()),
                 QJsonObject({{QStringLiteral("title"), QStringLiteral("A title")}}));
        QCOMPARE(base.value(QStringLiteral("op")).toString(), QStringLiteral("update"));
        QVERIFY(fileScalar(b, where.arg(QStringLiteral("created_at")), {row0}).toLongLong() > 1700000000); // epoch seconds (schema v6)
        QVERIFY(fileScalar(b, where.arg(QStringLiteral("resolved_at")), {row0}).isNull());
        QVERIFY(!QUuid::fromString(fileScalar(b, where.arg(QStringLiteral("id")), {row0}).toString()).isNull());
        // A reference in conflict: local keys on both sides.
        const qint64 row2 = kb(L, leads[2]);
        QCOMPARE(jsonOf(fileScalar(b, where.arg(QStringLiteral("mine")), {row2}).toString()),
                 QJsonObject({{QStringLiteral("owner_id"), kb(QStringLiteral("users"), users[1])}}));
        QCOMPARE(jsonOf(fileScalar(b, where.arg(QStringLiteral("theirs")), {row2}).toString()),
                 QJsonObject({{QStringLiteral("owner_id"), kb(QStringLiteral("users"), users[0])}}));

        // Both converge to the server.
        r = sync(db, QStringLiteral("director"), a);
        QVERIFY(r.ok);
        const QString cols = QStringLiteral("SELECT l.title || '/' || l.amount_cents || '/' || l.probability || '/' || lower(hex(u.uuid)) "
                                            "FROM leads l LEFT JOIN users u ON u.id = l.owner_id WHERE lower(hex(l.uuid)) = ?");
        for (const QString &lead : leads) {
            const QString server = onServer(*admin, L, lead, QStringLiteral("title || '/' || amount_cents || '/' || probability || '/' || replace(owner_id::text, '-', '')"));
            QCOMPARE(fileScalar(a, cols, {lead}).toString(), server);
            QCOMPARE(fileScalar(b, cols, {lead}).toString(), server);
        }
        for (const QString &f : {a, b}) {
            QCOMPARE(fileScalar(f, QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
            QCOMPARE(fileScalar(f, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        }
    }

    // SYNC.md test 4, delete vs update, in both orders: the tombstone wins everywhere; the
    // desktop whose update met the tombstone gets a conflict deleted_on_server holding its edit.
    void deleteWinsOverUpdate()
    {
        const QString db = QStringLiteral("t_delete");
        DemoServer demo;
        QVERIFY(provision(db, &demo));
        auto admin = connect(m_cluster.admin(db));
        const auto [login, region] = manager(*admin);
        const QString a = file(QStringLiteral("del-a")), b = file(QStringLiteral("del-b"));
        QVERIFY(sync(db, QStringLiteral("director"), a).ok);
        QVERIFY(sync(db, login, b).ok);
        const QStringList customers = fileColumn(b, QStringLiteral("SELECT lower(hex(uuid)) FROM customers WHERE deleted = 0 ORDER BY id LIMIT 2"));
        QCOMPARE(customers.size(), 2);
        const QString C = QStringLiteral("customers");
        const QString original = onServer(*admin, C, customers[0], QStringLiteral("name"));
        // Delete first, then the update.
        QVERIFY(!editFile(a, C, keyOf(a, C, customers[0]), {{QStringLiteral("deleted"), 1}}, QStringLiteral("delete")).isEmpty());
        QVERIFY(!editFile(b, C, keyOf(b, C, customers[0]), {{QStringLiteral("name"), QStringLiteral("B renamed")}}).isEmpty());
        QVERIFY(sync(db, QStringLiteral("director"), a).ok);
        Synced r = sync(db, login, b);
        QVERIFY2(r.ok && r.push.conflicts == 1, qPrintable(QStringLiteral("%1 pushed %2 merged %3 conflicts %4 refused %5 nothing %6")
                                                                .arg(r.error).arg(r.push.pushed).arg(r.push.merged).arg(r.push.conflicts)
                                                                .arg(r.push.refused).arg(r.push.nothingToPush)));
        const qint64 row = keyOf(b, C, customers[0]);
        const QJsonObject base = jsonOf(fileScalar(b, QStringLiteral("SELECT base FROM conflicts WHERE row_id = ?"), {row}).toString());
        QCOMPARE(base.value(QStringLiteral("kind")).toString(), QStringLiteral("deleted_on_server"));
        QCOMPARE(base.value(QStringLiteral("uuid")).toString(), dashed(customers[0]));
        QVERIFY(base.value(QStringLiteral("server_row_version")).toInteger() > base.value(QStringLiteral("row_version")).toInteger());
        QCOMPARE(jsonOf(fileScalar(b, QStringLiteral("SELECT mine FROM conflicts WHERE row_id = ?"), {row}).toString()).value(QStringLiteral("name")).toString(),
                 QStringLiteral("B renamed"));
        QCOMPARE(jsonOf(fileScalar(b, QStringLiteral("SELECT theirs FROM conflicts WHERE row_id = ?"), {row}).toString()), QJsonObject());
        QCOMPARE(onServer(*admin, C, customers[0], QStringLiteral("deleted::int || '/' || name")), QStringLiteral("1/") + original);

        // B re-creates it from the Conflicts screen (Keep mine on a record deleted on the
        // server): the row comes back on the server with B's value, once, and A gets it back.
        {
            storage::Database local;
            QVERIFY(local.open(b, storage::Database::Mode::CreateIfMissing).ok());
            storage::ConflictRepository conflicts(local);
            const QList<storage::ConflictRecord> open = conflicts.openConflicts();
            QCOMPARE(open.size(), 1);
            QCOMPARE(open.first().kind, storage::ConflictKind::DeletedOnServer);
            storage::ConflictStep step;
            QString error;
            QVERIFY2(conflicts.resolve(open.first().id, {QStringLiteral("name")}, &step, &error), qPrintable(error));
            QCOMPARE(conflicts.openCount(), 0);
        }
        QCOMPARE(fileScalar(b, QStringLiteral("SELECT deleted || '/' || name FROM customers WHERE id = ?"), {row}).toString(),
                 QStringLiteral("0/B renamed"));
        r = sync(db, login, b);
        QVERIFY2(r.ok && r.push.pushed == 1 && r.push.conflicts == 0 && r.push.refused == 0,
                 qPrintable(QStringLiteral("%1 pushed %2 conflicts %3 refused %4").arg(r.error).arg(r.push.pushed)
                                .arg(r.push.conflicts).arg(r.push.refused)));
        QCOMPARE(onServer(*admin, C, customers[0], QStringLiteral("deleted::int || '/' || name")), QStringLiteral("0/B renamed"));
        QCOMPARE(fileScalar(b, QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
        QCOMPARE(fileScalar(b, QStringLiteral("SELECT count(*) FROM conflicts WHERE resolved_at IS NULL")).toInt(), 0);
        QVERIFY(sync(db, QStringLiteral("director"), a).ok);
        QCOMPARE(fileScalar(a, QStringLiteral("SELECT deleted || '/' || name FROM customers WHERE lower(hex(uuid)) = ?"), {customers[0]})
                     .toString(),
                 QStringLiteral("0/B renamed"));
        QCOMPARE(fileScalar(b, QStringLiteral("SELECT row_version FROM customers WHERE id = ?"), {row}).toString(),
                 onServer(*admin, C, customers[0], QStringLiteral("row_version")));

        // The update first, then the delete: deletes win without a conflict.
        QVERIFY(!editFile(b, C, keyOf(b, C, customers[1]), {{QStringLiteral("name"), QStringLiteral("B first")}}).isEmpty());
        QVERIFY(!editFile(a, C, keyOf(a, C, customers[1]), {{QStringLiteral("deleted"), 1}}, QStringLiteral("delete")).isEmpty());
        r = sync(db, login, b);
        QVERIFY2(r.ok && r.push.pushed == 1, qPrintable(r.error));
        r = sync(db, QStringLiteral("director"), a);
        QVERIFY2(r.ok && r.push.pushed == 1 && r.push.conflicts == 0, qPrintable(r.error));
        QVERIFY(sync(db, login, b).ok);
        QCOMPARE(onServer(*admin, C, customers[1], QStringLiteral("deleted::int")), QStringLiteral("1"));
        for (const QString &f : {a, b})
            QCOMPARE(fileScalar(f, QStringLiteral("SELECT deleted FROM customers WHERE lower(hex(uuid)) = ?"), {customers[1]}).toInt(), 1);
        QCOMPARE(fileScalar(a, QStringLiteral("SELECT count(*) FROM conflicts")).toInt(), 0);
    }

    // The column history pruned (004_history.sql, `server prune-history`): an edit based on a
    // row_version before the pruned entries no longer knows which columns changed since, so it
    // becomes a conflict, never a merge that would overwrite a change it cannot see. Here A's
    // phone change is pruned and A's later industry change kept; B's phone edit (based on the
    // version before both) must not merge over A's phone.
    void prunedHistoryConflictsInsteadOfMerging()
    {
        const QString db = QStringLiteral("t_prune");
        DemoServer demo;
        QVERIFY(provision(db, &demo));
        auto admin = connect(m_cluster.admin(db));
        const auto [login, region] = manager(*admin);
        const QString a = file(QStringLiteral("prune-a")), b = file(QStringLiteral("prune-b"));
        QVERIFY(sync(db, QStringLiteral("director"), a).ok);
        QVERIFY(sync(db, login, b).ok);
        const QString C = QStringLiteral("customers");
        const QStringList ids = fileColumn(b, QStringLiteral("SELECT lower(hex(uuid)) FROM customers WHERE deleted = 0 ORDER BY id LIMIT 2"));
        QCOMPARE(ids.size(), 2);
        // Row 0: A's phone (pruned), then A's industry (kept); B edits the phone.
        QVERIFY(!editFile(a, C, keyOf(a, C, ids[0]), {{QStringLiteral("phone"), QStringLiteral("021-11111111")}}).isEmpty());
        QVERIFY(sync(db, QStringLiteral("director"), a).ok);
        // Row 1: B's edit of another field than A's, both after the pruning: still merges.
        sync::PgResult pruned;
        sync::PgError e;
        QVERIFY2(admin->exec(QStringLiteral("BEGIN"), &e) && admin->exec(QStringLiteral("SET LOCAL ROLE cockpit_owner"), &e)
                     && admin->exec(QStringLiteral("SELECT cockpit.prune_column_history(interval '0 seconds')"), {}, &pruned, &e)
                     && admin->exec(QStringLiteral("COMMIT"), &e),
                 qPrintable(e.message));
        QVERIFY(pruned.toLongLong(0, 0) >= 1);
        QVERIFY(serverText(*admin, QStringLiteral("SELECT below FROM cockpit.column_history_pruned")).toLongLong() > 0);
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.column_history")), QStringLiteral("0"));
        QVERIFY(!editFile(a, C, keyOf(a, C, ids[0]), {{QStringLiteral("industry"), QStringLiteral("制造")}}).isEmpty());
        QVERIFY(!editFile(a, C, keyOf(a, C, ids[1]), {{QStringLiteral("industry"), QStringLiteral("零售")}}).isEmpty());
        QVERIFY(sync(db, QStringLiteral("director"), a).ok);
        // B's base for row 0 is below the watermark; for row 1 it is too, but B pulls first:
        // B edits row 1 after pulling A's change (base above the watermark) and row 0 before.
        QVERIFY(!editFile(b, C, keyOf(b, C, ids[0]), {{QStringLiteral("phone"), QStringLiteral("021-22222222")}}).isEmpty());
        Synced r = sync(db, login, b);
        QVERIFY2(r.ok && r.push.conflicts == 1 && r.push.merged == 0,
                 qPrintable(QStringLiteral("%1 pushed %2 merged %3 conflicts %4").arg(r.error).arg(r.push.pushed).arg(r.push.merged)
                                .arg(r.push.conflicts)));
        QCOMPARE(onServer(*admin, C, ids[0], QStringLiteral("phone || '/' || industry")), QStringLiteral("021-11111111/制造"));
        const qint64 row = keyOf(b, C, ids[0]);
        QCOMPARE(jsonOf(fileScalar(b, QStringLiteral("SELECT mine FROM conflicts WHERE row_id = ?"), {row}).toString())
                     .value(QStringLiteral("phone")).toString(),
                 QStringLiteral("021-22222222"));
        QCOMPARE(fileScalar(b, QStringLiteral("SELECT phone FROM customers WHERE id = ?"), {row}).toString(), QStringLiteral("021-11111111"));
        // Based on a version above the watermark, a change of another field merges as before.
        QVERIFY(!editFile(b, C, keyOf(b, C, ids[1]), {{QStringLiteral("phone"), QStringLiteral("021-33333333")}}).isEmpty());
        QVERIFY(!editFile(a, C, keyOf(a, C, ids[1]), {{QStringLiteral("industry"), QStringLiteral("教育")}}).isEmpty());
        QVERIFY(sync(db, QStringLiteral("director"), a).ok);
        r = sync(db, login, b);
        QVERIFY2(r.ok && r.push.merged == 1 && r.push.conflicts == 0,
                 qPrintable(QStringLiteral("%1 pushed %2 merged %3 conflicts %4").arg(r.error).arg(r.push.pushed).arg(r.push.merged)
                                .arg(r.push.conflicts)));
        QCOMPARE(onServer(*admin, C, ids[1], QStringLiteral("phone || '/' || industry")), QStringLiteral("021-33333333/教育"));
    }

    // SYNC.md test 4, a row moved to another region: the director moves a customer; the old
    // region's manager no longer holds it nor its contacts, the new region's manager does.
    void rowMovedToAnotherRegionLeavesTheOldOne()
    {
        const QString db = QStringLiteral("t_move");
        DemoServer demo;
        QVERIFY(provision(db, &demo));
        auto admin = connect(m_cluster.admin(db));
        const auto [oldLogin, oldRegion] = manager(*admin, 0);
        const auto [newLogin, newRegion] = manager(*admin, 1);
        QVERIFY(!newLogin.isEmpty() && oldRegion != newRegion);
        const QString a = file(QStringLiteral("move-a")), m1 = file(QStringLiteral("move-old")), m2 = file(QStringLiteral("move-new"));
        QVERIFY(sync(db, QStringLiteral("director"), a).ok);
        QVERIFY(sync(db, oldLogin, m1).ok);
        QVERIFY(sync(db, newLogin, m2).ok);
        const QString customer = serverText(*admin, QStringLiteral("SELECT replace(c.id::text, '-', '') FROM cockpit.customers c WHERE c.region_id = $1::uuid "
                                                                   "AND EXISTS (SELECT 1 FROM cockpit.contacts t WHERE t.customer_id = c.id) ORDER BY c.id LIMIT 1"),
                                            {oldRegion});
        QVERIFY(!customer.isEmpty());
        QCOMPARE(fileScalar(m1, QStringLiteral("SELECT count(*) FROM customers WHERE lower(hex(uuid)) = ?"), {customer}).toInt(), 1);
        const QString contacts = serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.contacts WHERE customer_id = $1::uuid"), {dashed(customer)});
        const QString newRegionHex = QString(newRegion).remove(QLatin1Char('-'));
        const qint64 newRegionKey = keyOf(a, QStringLiteral("regions"), newRegionHex);
        const qint64 newCity = fileScalar(a, QStringLiteral("SELECT min(id) FROM cities WHERE region_id = ?"), {newRegionKey}).toLongLong();
        QVERIFY(!editFile(a, QStringLiteral("customers"), keyOf(a, QStringLiteral("customers"), customer),
                          {{QStringLiteral("region_id"), newRegionKey}, {QStringLiteral("city_id"), newCity}}).isEmpty());
        const Synced r = sync(db, QStringLiteral("director"), a);
        QVERIFY2(r.ok && r.push.pushed == 1, qPrintable(r.error));
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.contacts WHERE customer_id = $1::uuid AND region_id = $2::uuid"),
                            {dashed(customer), newRegion}),
                 contacts);
        QVERIFY(sync(db, oldLogin, m1).ok);
        QVERIFY(sync(db, newLogin, m2).ok);
        QCOMPARE(fileScalar(m1, QStringLiteral("SELECT count(*) FROM customers WHERE lower(hex(uuid)) = ?"), {customer}).toInt(), 0);
        QCOMPARE(fileScalar(m2, QStringLiteral("SELECT count(*) FROM customers WHERE lower(hex(uuid)) = ?"), {customer}).toInt(), 1);
        QCOMPARE(fileScalar(m2, QStringLiteral("SELECT count(*) FROM contacts t JOIN customers c ON c.id = t.customer_id WHERE lower(hex(c.uuid)) = ?"),
                            {customer}).toString(),
                 contacts);
        QCOMPARE(fileScalar(m1, QStringLiteral("SELECT count(*) FROM contacts WHERE customer_id NOT IN (SELECT id FROM customers)")).toInt(), 0);
    }

    // SYNC.md test 8: the connection killed between two batches; the push fails (entries of the
    // batch in flight stay queued), the next one finishes: every edit on the server once.
    void disconnectMidPushResumesWithoutDuplicates()
    {
        const QString db = QStringLiteral("t_disconnect");
        DemoServer demo;
        QVERIFY(provision(db, &demo));
        const QString path = file(QStringLiteral("disconnect"));
        QVERIFY(sync(db, QStringLiteral("director"), path).ok);
        const QStringList keys = fileColumn(path, QStringLiteral("SELECT id FROM activities ORDER BY id LIMIT 300"));
        QVERIFY(keys.size() >= 200);
        QVERIFY(withFile(path, [&](QSqlDatabase &db) {
            db.transaction();
            for (int i = 0; i < keys.size(); ++i)
                if (editRow(db, QStringLiteral("activities"), keys[i].toLongLong(), {{QStringLiteral("text"), QStringLiteral("d-%1").arg(i)}}).isEmpty())
                    return false;
            return db.commit();
        }));
        auto admin = connect(m_cluster.admin(db));
        auto director = connect(m_cluster.as(QStringLiteral("director"), kPassword, db));
        QVERIFY(admin && director);
        const QString pid = serverText(*director, QStringLiteral("SELECT pg_backend_pid()::text"));
        storage::Database local;
        QVERIFY(local.open(path, storage::Database::Mode::OpenExisting).ok());
        sync::PushOptions options;
        options.batchSize = 50;
        int batches = 0;
        options.progress = [&](qint64) {
            if (++batches == 2) {
                sync::PgError e;
                admin->exec(QStringLiteral("SELECT pg_terminate_backend($1::int)"), {pid}, nullptr, &e);
            }
            return true;
        };
        sync::PushReport report;
        sync::PgError e;
        QVERIFY(!sync::pushToServer(*director, local.handle(), options, &report, &e));
        QCOMPARE(e.kind, sync::PgError::Kind::Unreachable);
        QCOMPARE(report.batches, 2);
        QCOMPARE(report.pushed, 100);
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT count(*) FROM outbox")).toInt(), int(keys.size()) - 100);
        director = connect(m_cluster.as(QStringLiteral("director"), kPassword, db));
        options.progress = {};
        QVERIFY2(sync::pushToServer(*director, local.handle(), options, &report, &e), qPrintable(e.message));
        QCOMPARE(report.pushed, keys.size() - 100);
        QCOMPARE(report.alreadyApplied, 0);
        const QString client = fileScalar(path, QStringLiteral("SELECT value FROM sync_state WHERE key = 'client_id'")).toString();
        local.close();
        const QString n = QString::number(keys.size());
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.applied_ops WHERE client_id = $1::uuid"), {client}), n);
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT count(*) FROM cockpit.column_history WHERE client_id = $1::uuid"), {client}), n);
        QCOMPARE(serverText(*admin, QStringLiteral("SELECT count(DISTINCT text) FROM cockpit.activities WHERE text LIKE 'd-%'")), n);
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
    }

    // A push the server refuses: a manager makes a customer company-wide (the policy's WITH
    // CHECK) and renames a company-wide pipeline (no right to): two conflicts "refused" with the
    // server's message, nothing lost, the file back at the server's values, the sync a success.
    void refusedPushBecomesAConflict()
    {
        const QString db = QStringLiteral("t_refused");
        DemoServer demo;
        QVERIFY(provision(db, &demo));
        auto admin = connect(m_cluster.admin(db));
        const auto [login, region] = manager(*admin);
        const QString path = file(QStringLiteral("refused"));
        QVERIFY(sync(db, login, path).ok);
        const qint64 customer = fileScalar(path, QStringLiteral("SELECT min(id) FROM customers WHERE region_id IS NOT NULL")).toLongLong();
        const qint64 regionKey = fileScalar(path, QStringLiteral("SELECT region_id FROM customers WHERE id = ?"), {customer}).toLongLong();
        const qint64 pipeline = fileScalar(path, QStringLiteral("SELECT min(id) FROM pipelines")).toLongLong();
        QVERIFY(customer > 0 && pipeline > 0);
        const QString name = fileScalar(path, QStringLiteral("SELECT name FROM pipelines WHERE id = ?"), {pipeline}).toString();
        QVERIFY(!editFile(path, QStringLiteral("customers"), customer, {{QStringLiteral("region_id"), QVariant(QMetaType::fromType<qlonglong>())}}).isEmpty());
        QVERIFY(!editFile(path, QStringLiteral("pipelines"), pipeline, {{QStringLiteral("name"), QStringLiteral("mine")}}).isEmpty());
        const Synced r = sync(db, login, path);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.push.refused, 2);
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
        const QStringList bases = fileColumn(path, QStringLiteral("SELECT base FROM conflicts ORDER BY table_name"));
        QCOMPARE(bases.size(), 2);
        for (const QString &b : bases) {
            QCOMPARE(jsonOf(b).value(QStringLiteral("kind")).toString(), QStringLiteral("refused"));
            QVERIFY2(jsonOf(b).value(QStringLiteral("error")).toString().contains(login), qPrintable(b));
        }
        QCOMPARE(jsonOf(fileScalar(path, QStringLiteral("SELECT mine FROM conflicts WHERE table_name = 'pipelines'")).toString())
                     .value(QStringLiteral("name")).toString(), QStringLiteral("mine"));
        QVERIFY(jsonOf(fileScalar(path, QStringLiteral("SELECT mine FROM conflicts WHERE table_name = 'customers'")).toString())
                    .value(QStringLiteral("region_id")).isNull());
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT theirs FROM conflicts WHERE table_name = 'customers'")).toString(), QStringLiteral("{}"));
        // The file holds the server's values again.
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT region_id FROM customers WHERE id = ?"), {customer}).toLongLong(), regionKey);
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT name FROM pipelines WHERE id = ?"), {pipeline}).toString(), name);
        const QString hex = hexOf(path, QStringLiteral("customers"), customer);
        QCOMPARE(onServer(*admin, QStringLiteral("customers"), hex, QStringLiteral("region_id")), region);
        // The status (`sync --status`, the status bar) counts them.
        storage::Database local;
        QVERIFY(local.open(path, storage::Database::Mode::OpenExisting).ok());
        sync::SyncStatus status;
        QString error;
        QVERIFY2(sync::readSyncStatus(local.handle(), &status, &error), qPrintable(error));
        QCOMPARE(status.conflicts, 2);
        QCOMPARE(status.editsWaiting, 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncPush)
#include "tst_syncpush.moc"
