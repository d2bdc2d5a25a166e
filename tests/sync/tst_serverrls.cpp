// Row-level security of the team server, run against a real PostgreSQL as each login role
// (never as the owner or a superuser): for every synced table × role × SELECT/INSERT/UPDATE/
// DELETE, another region's rows are denied and the own region's allowed (a director: all);
// the views enforce the same; a row moved to another region leaves a tombstone the old region
// sees while the row disappears for it; the trigger stamps row_version and last_xid; a pushed
// log link that does not continue the held chain is refused; pushes are idempotent.
#include "servertestcase.h"
#include "sync/pgconnection.h"

#include <QCryptographicHash>
#include <QtTest>

#include <map>

using namespace cockpit;
using namespace cockpit::tests;
using Kind = sync::PgError::Kind;

namespace {
const QString kDb = QStringLiteral("rls");
const QString kPassword = QStringLiteral("manager-pw-7");
} // namespace

class TestServerRls : public ServerTestCase
{
    Q_OBJECT

public:
    TestServerRls() : ServerTestCase(kPassword) {}

private:
    std::unique_ptr<sync::PgConnection> m_admin;
    std::map<QString, std::unique_ptr<sync::PgConnection>> m_as; // login → connection
    QMap<QString, QString> m_regionOf;                            // login → region (empty: director)
    QStringList m_regions;                                        // region ids
    QStringList m_tables;
    int m_unique = 0;

    sync::PgConnection &as(const QString &login) { return *m_as.at(login); }

    QString adminText(const QString &sql, const QVariantList &params = {})
    {
        sync::PgResult r;
        sync::PgError e;
        if (!m_admin->exec(sql, params, &r, &e))
            qWarning("%s: %s", qPrintable(sql), qPrintable(e.detail));
        return r.rows() ? r.text(0, 0) : QString();
    }
    qint64 count(sync::PgConnection &c, const QString &sql, const QVariantList &params = {})
    {
        sync::PgResult r;
        sync::PgError e;
        if (!c.exec(sql, params, &r, &e)) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(e.detail));
            return -1;
        }
        return r.toLongLong(0, 0);
    }

    // INSERT a copy of row `source` with a new id and region `region` (NULL when empty), as
    // `c`; returns the new id, or empty with `error`.
    QString cloneRow(sync::PgConnection &c, const QString &table, const QString &source, const QString &region,
                     sync::PgError *error, const QPair<QString, QString> &parentInRegion = {})
    {
        const QString columns = adminText(QStringLiteral(
            "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FROM information_schema.columns "
            "WHERE table_schema = 'cockpit' AND table_name = $1 AND is_generated = 'NEVER'"), {table});
        // Columns unique per row get a fresh value.
        QString extra = table == QLatin1String("store_days")
                            ? QStringLiteral("{\"day\": %1}").arg(900000 + ++m_unique)
                            : QStringLiteral("{}");
        if (!parentInRegion.first.isEmpty())
            extra = QStringLiteral("{\"%1\": \"%2\"}").arg(parentInRegion.first, parentInRegion.second);
        sync::PgResult r;
        const bool ok = c.exec(QStringLiteral("INSERT INTO cockpit.%1 (%2) SELECT %2 FROM jsonb_populate_record(NULL::cockpit.%1, "
                                              "(SELECT to_jsonb(s) FROM cockpit.%1 s WHERE s.id = $1) || "
                                              "jsonb_build_object('id', gen_random_uuid(), 'region_id', $2::uuid) || $3::jsonb) "
                                              "RETURNING id")
                                   .arg(table, columns),
                               {source, region.isEmpty() ? QVariant() : QVariant(region), extra}, &r, error);
        return ok && r.rows() == 1 ? r.text(0, 0) : QString();
    }
    QString sampleOf(const QString &table, const QString &region)
    {
        return adminText(QStringLiteral("SELECT id FROM cockpit.%1 WHERE region_id = $1 ORDER BY id LIMIT 1").arg(table), {region});
    }

private Q_SLOTS:
    void initTestCase()
    {
        COCKPIT_START_TEST_CLUSTER();
        QString error;
        DemoServer demo;
        QVERIFY2(provisionDemoServer(m_cluster, kDb, kPassword, &demo, &error), qPrintable(error));
        QCOMPARE(demo.logins.size(), 3); // the director and the managers of 华东 and 西南
        sync::PgError e;
        m_admin = sync::PgConnection::open(m_cluster.admin(kDb), &e);
        QVERIFY2(m_admin, qPrintable(e.message));
        sync::PgResult r;
        QVERIFY(m_admin->exec(QStringLiteral("SELECT id FROM cockpit.regions ORDER BY code"), {}, &r, &e));
        for (int i = 0; i < r.rows(); ++i)
            m_regions << r.text(i, 0);
        QCOMPARE(m_regions.size(), 2);
        QVERIFY(m_admin->exec(QStringLiteral("SELECT name FROM cockpit.synced_tables ORDER BY position"), {}, &r, &e));
        for (int i = 0; i < r.rows(); ++i)
            m_tables << r.text(i, 0);
        QCOMPARE(m_tables.size(), 26);
        for (const auto &[login, user] : std::as_const(demo.logins)) {
            m_regionOf.insert(login, adminText(QStringLiteral("SELECT region_id FROM cockpit.logins WHERE login = $1"), {login}));
            auto c = sync::PgConnection::open(m_cluster.as(login, kPassword, kDb), &e);
            QVERIFY2(c, qPrintable(e.message));
            // Never the owner or a superuser, never bypassing the policies.
            QVERIFY(c->exec(QStringLiteral("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"), {}, &r, &e));
            QVERIFY(!r.toBool(0, 0));
            m_as[login] = std::move(c);
        }
        QVERIFY(m_regionOf.value(QStringLiteral("director")).isEmpty());
        QVERIFY(!m_regionOf.value(QStringLiteral("manager_ec")).isEmpty());
        // Every table gets rows in every region (the micro demo has no products or logged
        // deletions, and pipelines are company-wide), written by the administrator.
        for (const QString &region : std::as_const(m_regions)) {
            QVERIFY(m_admin->exec(QStringLiteral("INSERT INTO cockpit.products (id, name, updated_at, region_id) "
                                                 "VALUES (gen_random_uuid(), 'P', 0, $1)"), {region}, nullptr, &e));
            QVERIFY2(m_admin->exec(QStringLiteral("INSERT INTO cockpit.log_deletions (id, record_kind, record_id, sets_deleted, at, region_id) "
                                                  "SELECT gen_random_uuid(), 'activity', id, true, 0, $1 FROM cockpit.activities "
                                                  "WHERE region_id = $1 LIMIT 1"), {region}, nullptr, &e), qPrintable(e.detail));
            for (const QString &table : std::as_const(m_tables)) {
                if (!sampleOf(table, region).isEmpty())
                    continue;
                const QString any = adminText(QStringLiteral("SELECT id FROM cockpit.%1 ORDER BY id LIMIT 1").arg(table));
                QVERIFY2(!any.isEmpty(), qPrintable(table));
                // A child goes under a parent of that region (store_days: a store of it).
                QPair<QString, QString> parent;
                const QString fk = adminText(QStringLiteral("SELECT fk FROM cockpit.region_parents WHERE child = $1"), {table});
                if (!fk.isEmpty())
                    parent = {fk, sampleOf(adminText(QStringLiteral("SELECT parent FROM cockpit.region_parents WHERE child = $1"), {table}), region)};
                QVERIFY2(!cloneRow(*m_admin, table, any, region, &e, parent).isEmpty(), qPrintable(table + e.detail));
            }
        }
    }

    void matrix_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("login");
        for (const QString &t : std::as_const(m_tables))
            for (const QString &login : m_regionOf.keys())
                QTest::newRow(qPrintable(t + QLatin1Char('/') + login)) << t << login;
    }
    // For each region: SELECT sees all or nothing, UPDATE touches 1 or 0 rows, INSERT succeeds
    // or is refused (42501), DELETE removes (leaving a tombstone) or touches nothing.
    void matrix()
    {
        QFETCH(QString, table);
        QFETCH(QString, login);
        auto &c = as(login);
        const QString own = m_regionOf.value(login);
        const bool director = own.isEmpty();
        sync::PgError e;
        for (const QString &region : std::as_const(m_regions)) {
            const bool mine = director || region == own;
            const QString where = QStringLiteral("%1 in region %2").arg(table, region);
            // SELECT
            const qint64 truth = count(*m_admin, QStringLiteral("SELECT count(*) FROM cockpit.%1 WHERE region_id = $1").arg(table), {region});
            QVERIFY2(truth > 0, qPrintable(where));
            QCOMPARE(count(c, QStringLiteral("SELECT count(*) FROM cockpit.%1 WHERE region_id = $1").arg(table), {region}),
                     mine ? truth : 0);
            // UPDATE
            const QString sample = sampleOf(table, region);
            const QString versionSql = QStringLiteral("SELECT row_version FROM cockpit.%1 WHERE id = $1").arg(table);
            const qint64 before = count(*m_admin, versionSql, {sample});
            sync::PgResult r;
            QVERIFY2(c.exec(QStringLiteral("UPDATE cockpit.%1 SET updated_at = updated_at WHERE id = $1").arg(table), {sample}, &r, &e),
                     qPrintable(e.detail));
            QCOMPARE(r.affected(), mine ? 1 : 0);
            QCOMPARE(count(*m_admin, versionSql, {sample}) > before, mine);
            // INSERT: a copy of a row the login can read, into this region.
            const QString source = sampleOf(table, director ? region : own);
            const QString clone = cloneRow(c, table, source, region, &e);
            // A manager cannot create a region, not even one row of the regions table.
            const bool mayInsert = mine && (director || table != QLatin1String("regions"));
            QCOMPARE(!clone.isEmpty(), mayInsert);
            if (!mayInsert) {
                QCOMPARE(e.kind, Kind::NoRights);
                QVERIFY2(e.detail.contains(QLatin1String("row-level security"))
                             || e.detail.contains(QLatin1String("must be in the region of its")), qPrintable(e.detail));
            }
            // DELETE
            if (!clone.isEmpty()) {
                QVERIFY2(c.exec(QStringLiteral("DELETE FROM cockpit.%1 WHERE id = $1").arg(table), {clone}, &r, &e), qPrintable(e.detail));
                QCOMPARE(r.affected(), 1);
                QCOMPARE(count(*m_admin, QStringLiteral("SELECT count(*) FROM cockpit.tombstones WHERE table_name = $1 AND row_id = $2 "
                                                        "AND region_id = $3 AND reason = 'deleted'"),
                               {table, clone, table == QLatin1String("regions") ? clone : region}), 1); // a region is its own region
            }
            if (!mine) {
                QVERIFY(c.exec(QStringLiteral("DELETE FROM cockpit.%1 WHERE id = $1").arg(table), {sample}, &r, &e));
                QCOMPARE(r.affected(), 0);
                QCOMPARE(count(*m_admin, QStringLiteral("SELECT count(*) FROM cockpit.%1 WHERE id = $1").arg(table), {sample}), 1);
                // Nor can a manager push an own row into the other region.
                if (table != QLatin1String("regions")) {
                    QVERIFY(!c.exec(QStringLiteral("UPDATE cockpit.%1 SET region_id = $2 WHERE id = $1").arg(table),
                                    {sampleOf(table, own), region}, nullptr, &e));
                    QCOMPARE(e.kind, Kind::NoRights);
                }
            }
        }
        // Company-wide rows (region NULL): everyone reads them, only a director writes them.
        const qint64 shared = count(*m_admin, QStringLiteral("SELECT count(*) FROM cockpit.%1 WHERE region_id IS NULL").arg(table));
        QCOMPARE(count(c, QStringLiteral("SELECT count(*) FROM cockpit.%1 WHERE region_id IS NULL").arg(table)), shared);
        if (shared > 0) {
            sync::PgResult r;
            QVERIFY(c.exec(QStringLiteral("UPDATE cockpit.%1 SET updated_at = updated_at WHERE region_id IS NULL").arg(table), {}, &r, &e));
            QCOMPARE(r.affected(), director ? shared : 0);
        }
        // Everything the login reads, it reads by these rules: nothing of another region.
        if (!director)
            QCOMPARE(count(c, QStringLiteral("SELECT count(*) FROM cockpit.%1 WHERE region_id <> $1").arg(table), {own}), 0);
    }

    void viewsHideOtherRegions()
    {
        const QString own = m_regionOf.value(QStringLiteral("manager_ec"));
        auto &c = as(QStringLiteral("manager_ec"));
        const qint64 leads = count(*m_admin, QStringLiteral("SELECT count(*) FROM cockpit.leads WHERE region_id = $1"), {own});
        QVERIFY(leads > 0);
        QCOMPARE(count(c, QStringLiteral("SELECT count(*) FROM cockpit.lead_overview")), leads);
        QCOMPARE(count(c, QStringLiteral("SELECT count(*) FROM cockpit.lead_overview WHERE region_id <> $1"), {own}), 0);
        QCOMPARE(count(c, QStringLiteral("SELECT count(*) FROM cockpit.change_feed WHERE region_id <> $1"), {own}), 0);
        QVERIFY(count(c, QStringLiteral("SELECT count(*) FROM cockpit.change_feed")) > 0);
        QVERIFY(count(as(QStringLiteral("director")), QStringLiteral("SELECT count(*) FROM cockpit.change_feed WHERE region_id <> $1"), {own}) > 0);
        // "me": the login's own identity, and no one else's login.
        sync::PgResult r;
        sync::PgError e;
        QVERIFY(c.exec(QStringLiteral("SELECT login, role, region_name, director FROM cockpit.me"), {}, &r, &e));
        QCOMPARE(r.rows(), 1);
        QCOMPARE(r.text(0, 0), QStringLiteral("manager_ec"));
        QCOMPARE(r.text(0, 1), QStringLiteral("regional_manager"));
        QCOMPARE(r.text(0, 2), QStringLiteral("华东"));
        QVERIFY(!r.toBool(0, 3));
        QCOMPARE(count(c, QStringLiteral("SELECT count(*) FROM cockpit.logins")), 1);
        QVERIFY(as(QStringLiteral("director")).exec(QStringLiteral("SELECT director FROM cockpit.me"), {}, &r, &e));
        QVERIFY(r.toBool(0, 0));
    }

    void moveLeavesTombstoneForOldRegion()
    {
        const QString ec = m_regionOf.value(QStringLiteral("manager_ec")), sw = m_regionOf.value(QStringLiteral("manager_sw"));
        auto &east = as(QStringLiteral("manager_ec")), &west = as(QStringLiteral("manager_sw")), &boss = as(QStringLiteral("director"));
        const QString customer = sampleOf(QStringLiteral("customers"), ec);
        const QString seen = QStringLiteral("SELECT count(*) FROM cockpit.customers WHERE id = $1");
        const QString tomb = QStringLiteral("SELECT count(*) FROM cockpit.tombstones WHERE table_name = 'customers' AND row_id = $1 AND reason = 'moved'");
        QCOMPARE(count(east, seen, {customer}), 1);
        sync::PgResult r;
        sync::PgError e;
        QVERIFY2(boss.exec(QStringLiteral("UPDATE cockpit.customers SET region_id = $2 WHERE id = $1 RETURNING last_xid::text"),
                           {customer, sw}, &r, &e), qPrintable(e.detail));
        const QString moveXid = r.text(0, 0);
        QCOMPARE(count(east, seen, {customer}), 0);
        QCOMPARE(count(east, tomb, {customer}), 1);
        QCOMPARE(count(west, seen, {customer}), 1);
        QCOMPARE(count(west, tomb, {customer}), 0); // the tombstone is the old region's
        // It reaches the old region through the pull stream, stamped with the move's transaction.
        QVERIFY(east.exec(QStringLiteral("SELECT last_xid::text, tombstone FROM cockpit.change_feed WHERE id = $1"), {customer}, &r, &e));
        QCOMPARE(r.rows(), 1);
        QCOMPARE(r.text(0, 0), moveXid);
        QCOMPARE(r.text(0, 1), QStringLiteral("moved"));
        // Its children went with it, each leaving its tombstone for the old region.
        const qint64 contacts = count(*m_admin, QStringLiteral("SELECT count(*) FROM cockpit.contacts WHERE customer_id = $1"), {customer});
        QVERIFY(contacts > 0);
        QCOMPARE(count(west, QStringLiteral("SELECT count(*) FROM cockpit.contacts WHERE customer_id = $1"), {customer}), contacts);
        QCOMPARE(count(east, QStringLiteral("SELECT count(*) FROM cockpit.contacts WHERE customer_id = $1"), {customer}), 0);
        QCOMPARE(count(east, QStringLiteral("SELECT count(*) FROM cockpit.tombstones t JOIN cockpit.contacts c ON c.id = t.row_id "
                                            "WHERE t.table_name = 'contacts' AND c.customer_id = $1"), {customer}), 0); // east cannot join…
        QCOMPARE(count(*m_admin, QStringLiteral("SELECT count(*) FROM cockpit.tombstones t JOIN cockpit.contacts c ON c.id = t.row_id "
                                                "WHERE t.table_name = 'contacts' AND c.customer_id = $1 AND t.region_id = $2 AND t.reason = 'moved'"),
                       {customer, ec}),
                 contacts); // …but holds a tombstone for each
        // A child alone cannot leave its parent's region, nor be written under a parent of another region.
        const QString contact = adminText(QStringLiteral("SELECT id FROM cockpit.contacts WHERE customer_id = $1 LIMIT 1"), {customer});
        QVERIFY(!boss.exec(QStringLiteral("UPDATE cockpit.contacts SET region_id = $2 WHERE id = $1"), {contact, ec}, nullptr, &e));
        QCOMPARE(e.kind, Kind::NoRights);
        const QString ownContact = sampleOf(QStringLiteral("contacts"), ec);
        QVERIFY(cloneRow(east, QStringLiteral("contacts"), ownContact, ec, &e, {QStringLiteral("customer_id"), customer}).isEmpty());
        QCOMPARE(e.kind, Kind::NoRights);
        QVERIFY2(e.detail.contains(QLatin1String("must be in the region of its customers row")), qPrintable(e.detail));
        // Moved back: the old region sees it again, its tombstone is gone, the other region gets one.
        QVERIFY(boss.exec(QStringLiteral("UPDATE cockpit.customers SET region_id = $2 WHERE id = $1"), {customer, ec}, nullptr, &e));
        QCOMPARE(count(east, seen, {customer}), 1);
        QCOMPARE(count(east, tomb, {customer}), 0);
        QCOMPARE(count(west, seen, {customer}), 0);
        QCOMPARE(count(west, tomb, {customer}), 1);
        QCOMPARE(count(east, QStringLiteral("SELECT count(*) FROM cockpit.contacts WHERE customer_id = $1"), {customer}), contacts);
    }

    void triggerStampsRowVersionAndXid()
    {
        const QString own = m_regionOf.value(QStringLiteral("manager_ec"));
        auto &c = as(QStringLiteral("manager_ec"));
        const QString lead = sampleOf(QStringLiteral("leads"), own);
        const qint64 highest = count(*m_admin, QStringLiteral("SELECT last_value FROM cockpit.row_version_seq"));
        sync::PgResult r;
        sync::PgError e;
        QVERIFY(c.exec(QStringLiteral("BEGIN"), &e));
        QVERIFY(c.exec(QStringLiteral("SELECT pg_current_xact_id()::text"), {}, &r, &e));
        const QString xid = r.text(0, 0);
        // Whatever the client writes into the stamps, the trigger overwrites them.
        QVERIFY2(c.exec(QStringLiteral("UPDATE cockpit.leads SET title = title || '·', row_version = 1, last_xid = '3' "
                                       "WHERE id = $1 RETURNING row_version, last_xid::text"), {lead}, &r, &e), qPrintable(e.detail));
        QVERIFY(c.exec(QStringLiteral("COMMIT"), &e));
        QVERIFY(r.toLongLong(0, 0) > highest);
        QCOMPARE(r.text(0, 1), xid);
        const QString clone = cloneRow(c, QStringLiteral("leads"), lead, own, &e);
        QVERIFY2(!clone.isEmpty(), qPrintable(e.detail));
        QVERIFY(count(*m_admin, QStringLiteral("SELECT row_version FROM cockpit.leads WHERE id = $1"), {clone}) > r.toLongLong(0, 0));
        // Committed: behind the horizon a pull reads up to.
        QCOMPARE(count(c, QStringLiteral("SELECT count(*) FROM cockpit.leads WHERE id = $1 AND last_xid < pg_snapshot_xmin(pg_current_snapshot())"), {lead}), 1);
    }

    void chainLinkMustContinueHeldChain()
    {
        auto &c = as(QStringLiteral("manager_ec"));
        const QString client = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto link = [](const QByteArray &prev, const QByteArray &record) {
            QByteArray data("cockpit-log-v1");
            data.append(prev).append(record);
            return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
        };
        const QByteArray zero(32, '\0');
        const QByteArray h0 = link(zero, "record 0"), h1 = link(h0, "record 1"), h2 = link(h1, "record 2");
        auto push = [&](qint64 seq, const QByteArray &prev, const QByteArray &hash, const QVariant &record, sync::PgError *e) {
            sync::PgResult r;
            const bool ok = c.exec(QStringLiteral("SELECT cockpit.push_chain_link($1, $2, $3, $4, $5)"),
                                   {client, seq, prev, hash, record}, &r, e);
            return ok ? (r.toBool(0, 0) ? 1 : 0) : -1;
        };
        sync::PgError e;
        QCOMPARE(push(0, zero, h0, QByteArray("record 0"), &e), 1);
        QCOMPARE(push(1, h0, h1, QVariant(), &e), 1);
        QCOMPARE(push(1, h0, h1, QVariant(), &e), 0); // a retried push: accepted, nothing moves
        // Does not continue the head: a previous hash that is not the head's.
        QCOMPARE(push(2, h0, h2, QVariant(), &e), -1);
        QCOMPARE(e.kind, Kind::ChainRefused);
        QVERIFY2(e.message.contains(QLatin1String("does not continue")), qPrintable(e.message));
        // A gap, a rewritten link (a rolled-back head pushed again differently), a hash that is not the record's.
        QCOMPARE(push(3, h1, link(h1, "x"), QVariant(), &e), -1);
        QCOMPARE(e.kind, Kind::ChainRefused);
        QCOMPARE(push(1, h0, link(h0, "other record 1"), QVariant(), &e), -1);
        QCOMPARE(e.kind, Kind::ChainRefused);
        QVERIFY2(e.message.contains(QLatin1String("rewritten or rolled back")), qPrintable(e.message));
        QCOMPARE(push(2, h1, h2, QByteArray("not record 2"), &e), -1);
        QCOMPARE(e.kind, Kind::ChainRefused);
        QCOMPARE(push(2, h1, h2, QByteArray("record 2"), &e), 1);
        sync::PgResult r;
        QVERIFY(c.exec(QStringLiteral("SELECT seq, hash FROM cockpit.chain_head($1)"), {client}, &r, &e));
        QCOMPARE(r.toLongLong(0, 0), 2);
        QCOMPARE(r.bytes(0, 1), h2);
        // Another login cannot extend or read this chain, and no login writes the tables directly.
        auto &other = as(QStringLiteral("manager_sw"));
        QVERIFY(!other.exec(QStringLiteral("SELECT cockpit.push_chain_link($1, 3, $2, $3)"), {client, h2, link(h2, "y")}, &r, &e));
        QCOMPARE(e.kind, Kind::ChainRefused);
        QVERIFY(other.exec(QStringLiteral("SELECT count(*) FROM cockpit.chain_head($1) WHERE seq IS NOT NULL"), {client}, &r, &e));
        QCOMPARE(r.toLongLong(0, 0), 0);
        QVERIFY(!c.exec(QStringLiteral("UPDATE cockpit.chain_heads SET seq = 0"), &e));
        QCOMPARE(e.kind, Kind::NoRights);
    }

    void pushedOperationsApplyOnce()
    {
        auto &c = as(QStringLiteral("manager_ec"));
        const QString client = QUuid::createUuid().toString(QUuid::WithoutBraces);
        sync::PgResult r;
        sync::PgError e;
        QVERIFY(c.exec(QStringLiteral("SELECT cockpit.claim_op($1, 'op-1', 'leads', NULL)"), {client}, &r, &e));
        QVERIFY(r.toBool(0, 0));
        QVERIFY(c.exec(QStringLiteral("SELECT cockpit.claim_op($1, 'op-1', 'leads', NULL)"), {client}, &r, &e));
        QVERIFY(!r.toBool(0, 0));
        QCOMPARE(count(c, QStringLiteral("SELECT count(*) FROM cockpit.applied_ops WHERE client_id = $1"), {client}), 1);
        QCOMPARE(count(as(QStringLiteral("manager_sw")), QStringLiteral("SELECT count(*) FROM cockpit.applied_ops WHERE client_id = $1"), {client}), 0);
        // Claimed in a transaction that rolls back: not claimed.
        QVERIFY(c.exec(QStringLiteral("BEGIN"), &e));
        QVERIFY(c.exec(QStringLiteral("SELECT cockpit.claim_op($1, 'op-2')"), {client}, &r, &e));
        QVERIFY(c.exec(QStringLiteral("ROLLBACK"), &e));
        QVERIFY(c.exec(QStringLiteral("SELECT cockpit.claim_op($1, 'op-2')"), {client}, &r, &e));
        QVERIFY(r.toBool(0, 0));
    }
};

QTEST_GUILESS_MAIN(TestServerRls)
#include "tst_serverrls.moc"
