// The activity log's hash chain anchored on the team server (issue 12, sync/syncchain.h)
// against a real PostgreSQL, through `sales-cockpit sync` and `verify-log --server` run as
// processes: links pushed and anchored after a sync, a retried push changes nothing, a cut
// tail (records deleted, head rolled back) and a rewritten record are reported by verify-log
// and by the next sync while the data edits still push, a chain older than the connection is
// anchored at its head, and a second login cannot push onto another login's chain.
#include "clirun.h"
#include "servertestcase.h"
#include "synctestutil.h"
#include "storage/activitylog.h"
#include "storage/database.h"
#include "sync/pgconnection.h"
#include "sync/syncchain.h"
#include "sync/syncpull.h"
#include "sync/syncpush.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::tests;

namespace {
const QString kPassword = QStringLiteral("chain-pw-1234");

using Run = fixture::CliRun;
} // namespace

class TestSyncChain : public ServerTestCase
{
    Q_OBJECT

public:
    TestSyncChain() : ServerTestCase(kPassword) {}

private:

    QString file(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".db")); }
    Run app(const QStringList &args, QMap<QString, QString> env = {})
    {
        env.insert(QStringLiteral("PGPASSWORD"), kPassword);
        env.insert(QStringLiteral("HOME"), m_dir.path());
        return fixture::runCli(QStringLiteral(COCKPIT_APP), args, m_dir.path(), 300000, env);
    }
    Run sync(const QString &db, const QString &login, const QString &path, const QMap<QString, QString> &env = {})
    {
        return app({QStringLiteral("sync"), QStringLiteral("--db"), path, QStringLiteral("--server"), url(db, login)}, env);
    }
    Run verify(const QString &db, const QString &login, const QString &path)
    {
        return app({QStringLiteral("verify-log"), QStringLiteral("--db"), path, QStringLiteral("--server"), url(db, login)});
    }
    qint64 serverCount(sync::PgConnection &admin, const QString &sql, const QVariantList &params)
    {
        sync::PgResult r;
        sync::PgError e;
        if (!admin.exec(sql, params, &r, &e) || r.rows() < 1) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(e.message));
            return -2;
        }
        return r.isNull(0, 0) ? -1 : r.toLongLong(0, 0);
    }
    // The server's head for the file's chain (-1: none), and how many links it holds.
    qint64 serverHead(sync::PgConnection &admin, const QString &client)
    {
        return serverCount(admin, QStringLiteral("SELECT max(seq) FROM cockpit.chain_heads WHERE client_id = $1::uuid"), {client});
    }
    qint64 serverLinks(sync::PgConnection &admin, const QString &client)
    {
        return serverCount(admin, QStringLiteral("SELECT count(*) FROM cockpit.chain_links WHERE client_id = $1::uuid"), {client});
    }
    static QString clientOf(const QString &path)
    {
        return fileScalar(path, QStringLiteral("SELECT value FROM sync_state WHERE key = 'client_id'")).toString();
    }
    static qint64 headOf(const QString &path)
    {
        return fileScalar(path, QStringLiteral("SELECT coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'log_head_seq'), -1)"))
            .toLongLong();
    }
    // `n` stage moves of the file's first lead as the app logs them: the row, its link in the
    // chain and its outbox entry, in one transaction.
    static bool addStageMoves(const QString &path, int n, const QString &reason)
    {
        storage::Database db;
        if (!db.open(path, storage::Database::Mode::OpenExisting).ok())
            return false;
        QSqlDatabase c = db.connection();
        if (!c.transaction())
            return false;
        for (int i = 0; i < n; ++i) {
            QSqlQuery q(c);
            QString error;
            if (!q.exec(QStringLiteral("INSERT INTO stage_history (lead_id, from_stage_id, to_stage_id, at, reason, updated_at) "
                                       "SELECT id, stage_id, stage_id, %1, '%2 %3', %1 FROM leads WHERE deleted = 0 ORDER BY id LIMIT 1")
                            .arg(1764900000 + i).arg(reason).arg(i))
                || q.numRowsAffected() != 1
                || !storage::appendToLog(c, storage::LogRecordKind::StageMove, q.lastInsertId().toString(), &error)) {
                qWarning("stage move: %s %s", qPrintable(q.lastError().text()), qPrintable(error));
                c.rollback();
                return false;
            }
            QSqlQuery o(c);
            o.prepare(QStringLiteral("INSERT INTO outbox (op_id, table_name, row_id, op, fields, base_row_version, created_at) "
                                     "VALUES (?, 'stage_history', ?, 'insert', 'null', 0, 0)"));
            o.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
            o.addBindValue(q.lastInsertId());
            if (!o.exec()) {
                c.rollback();
                return false;
            }
        }
        return c.commit();
    }
    // Rewrites the stage move at record `seq` (the log's last) and chains it again with a valid
    // hash and head, as a careful forger would: the file alone verifies as intact.
    static bool rewriteLast(const QString &path, qint64 seq)
    {
        storage::Database db;
        if (!db.open(path, storage::Database::Mode::OpenExisting).ok())
            return false;
        QSqlDatabase c = db.connection();
        QSqlQuery q(c);
        QString error;
        const bool ok = q.exec(QStringLiteral("UPDATE stage_history SET reason = 'forged', log_seq = NULL, log_hash = NULL "
                                              "WHERE log_seq = %1").arg(seq))
                        && q.numRowsAffected() == 1 && rollBackLog(c, seq - 1) && c.transaction()
                        && storage::buildLogChain(c, &error) && c.commit();
        if (!ok)
            qWarning("rewrite: %s %s", qPrintable(q.lastError().text()), qPrintable(error));
        return ok;
    }
    // Two manager logins (of different regions).
    QStringList managers(sync::PgConnection &admin)
    {
        sync::PgResult r;
        sync::PgError e;
        admin.exec(QStringLiteral("SELECT login FROM cockpit.logins WHERE region_id IS NOT NULL ORDER BY login"), {}, &r, &e);
        QStringList out;
        for (int i = 0; i < r.rows(); ++i)
            out << r.text(i, 0);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        COCKPIT_START_TEST_CLUSTER();
    }

    // A new file's log is anchored from #0; each sync sends the new links (here in batches of
    // two), verify-log --server confirms the file reaches the anchor; the file as it was
    // before the last sync (its acknowledgment lost) pushes nothing again.
    void linksAnchoredAfterSync()
    {
        const QString db = QStringLiteral("t_anchor");
        QVERIFY(provision(db));
        auto admin = connect(m_cluster.admin(db));
        QVERIFY(admin);
        const QString path = file(QStringLiteral("anchor"));
        Run r = sync(db, QStringLiteral("director"), path);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        const QString client = clientOf(path);
        QVERIFY(!QUuid::fromString(client).isNull());
        // The pulled activities and stage moves joined the file's log (it verifies), anchored at its head.
        const qint64 first = headOf(path);
        QCOMPARE(first + 1, fileScalar(path, QStringLiteral("SELECT (SELECT count(*) FROM activities) + (SELECT count(*) FROM stage_history) "
                                                            "+ (SELECT count(*) FROM log_deletions)")).toLongLong());
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT value FROM sync_state WHERE key = 'chain_anchor_from'")).toLongLong(), first);
        QCOMPARE(serverHead(*admin, client), first);
        QCOMPARE(serverLinks(*admin, client), 1);
        QVERIFY2(r.out.contains(QStringLiteral("up to record #%1: 1 link(s) pushed (the first anchoring").arg(first)), qPrintable(r.out));
        r = app({QStringLiteral("verify-log"), QStringLiteral("--db"), path});
        QVERIFY2(r.code == 0, qPrintable(r.out));

        QVERIFY(addStageMoves(path, 5, QStringLiteral("first")));
        const QString before = m_dir.filePath(QStringLiteral("anchor-before-ack.db"));
        QVERIFY(withFile(path, [&](QSqlDatabase &f) { return QSqlQuery(f).exec(QStringLiteral("VACUUM INTO '%1'").arg(before)); }));
        r = sync(db, QStringLiteral("director"), path, {{QStringLiteral("COCKPIT_SYNC_CHAIN_BATCH"), QStringLiteral("2")}});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        const qint64 head = headOf(path);
        QCOMPARE(head, first + 5);
        QVERIFY2(r.out.contains(QStringLiteral("activity log anchored on director@127.0.0.1:%1/%2 up to record #%3: 5 link(s) pushed")
                                    .arg(m_cluster.port()).arg(db).arg(head)),
                 qPrintable(r.out));
        QCOMPARE(serverHead(*admin, client), head);
        QCOMPARE(serverLinks(*admin, client), 1 + 5); // the anchor and every link after it
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT value FROM sync_state WHERE key = 'chain_anchored_seq'")).toLongLong(), head);
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);

        r = verify(db, QStringLiteral("director"), path);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("log intact")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("holds this file's chain up to record #%1, and the file matches it").arg(head)),
                 qPrintable(r.out));
        r = app({QStringLiteral("sync"), QStringLiteral("--db"), path, QStringLiteral("--status")});
        QVERIFY2(r.out.contains(QStringLiteral("anchored on the server up to record #%1").arg(head)), qPrintable(r.out));

        // The acknowledgment lost: the file as it was before, synced again, sends nothing twice.
        auto director = connect(m_cluster.as(QStringLiteral("director"), kPassword, db));
        QVERIFY(director);
        storage::Database copy;
        QVERIFY(copy.open(before, storage::Database::Mode::OpenExisting).ok());
        sync::ChainPushReport report;
        sync::PgError e;
        QVERIFY2(sync::pushChain(*director, copy.handle(), {}, &report, &e), qPrintable(e.message));
        QCOMPARE(report.pushed, 0);
        QCOMPARE(report.anchoredSeq, head);
        copy.close();
        QCOMPARE(serverLinks(*admin, client), 1 + 5);
        // The same links sent again straight to the server: accepted, nothing moves.
        storage::Database again;
        QVERIFY(again.open(path, storage::Database::Mode::OpenExisting).ok());
        QVERIFY(withFile(path, [](QSqlDatabase &f) {
            return QSqlQuery(f).exec(QStringLiteral("DELETE FROM sync_state WHERE key = 'chain_anchored_seq'"));
        }));
        QVERIFY2(sync::pushChain(*director, again.handle(), {}, &report, &e), qPrintable(e.message));
        QCOMPARE(report.pushed, 0);
        QCOMPARE(serverHead(*admin, client), head);
    }

    // Records deleted from the end and the head rolled back: the file alone is intact, the
    // server's anchor shows the cut; the next sync reports it (exit 4) and still pushes edits.
    void cutTailIsReported()
    {
        const QString db = QStringLiteral("t_cut");
        QVERIFY(provision(db));
        auto admin = connect(m_cluster.admin(db));
        QVERIFY(admin);
        const QString path = file(QStringLiteral("cut"));
        QVERIFY(sync(db, QStringLiteral("director"), path).code == 0);
        QVERIFY(addStageMoves(path, 6, QStringLiteral("cut")));
        Run r = sync(db, QStringLiteral("director"), path);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        const qint64 head = headOf(path);
        const QString client = clientOf(path);
        QCOMPARE(serverHead(*admin, client), head);

        QVERIFY(withFile(path, [&](QSqlDatabase &f) { return rollBackLog(f, head - 3); }));
        r = app({QStringLiteral("verify-log"), QStringLiteral("--db"), path});
        QCOMPARE(r.code, 0); // the weakness the anchor closes
        r = verify(db, QStringLiteral("director"), path);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("the file ends at record #%1 but the server director@127.0.0.1:%2/%3 holds links up to "
                                               "#%4: the log was cut")
                                    .arg(head - 3).arg(m_cluster.port()).arg(db).arg(head)),
                 qPrintable(r.out));

        // A data edit made after the cut still reaches the server; the sync says the log was refused.
        const qint64 lead = fileScalar(path, QStringLiteral("SELECT max(id) FROM leads")).toLongLong();
        QVERIFY(!editFile(path, QStringLiteral("leads"), lead, {{QStringLiteral("title"), QStringLiteral("after the cut")}}).isEmpty());
        const QString hex = fileScalar(path, QStringLiteral("SELECT lower(hex(uuid)) FROM leads WHERE id = ?"), {lead}).toString();
        r = sync(db, QStringLiteral("director"), path);
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(QStringLiteral("the data synced, but the activity log was refused")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("ends at record #%1").arg(head - 3)) && r.err.contains(QStringLiteral("was cut")),
                 qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("1 edit(s) applied")), qPrintable(r.out));
        QCOMPARE(serverCount(*admin, QStringLiteral("SELECT count(*) FROM cockpit.leads WHERE id = $1::uuid AND title = 'after the cut'"),
                             {dashed(hex)}),
                 1);
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
        QCOMPARE(serverHead(*admin, client), head); // the anchor stays where it was

        // New records appended after the cut do not make it whole: the link at the anchor differs.
        QVERIFY(addStageMoves(path, 5, QStringLiteral("after")));
        QVERIFY(headOf(path) > head);
        r = verify(db, QStringLiteral("director"), path);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("record #%1 differs from the link the server").arg(head))
                     && r.out.contains(QStringLiteral("the chain was rewritten")),
                 qPrintable(r.out));
        r = sync(db, QStringLiteral("director"), path);
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(QStringLiteral("was rewritten")), qPrintable(r.err));
        QCOMPARE(serverHead(*admin, client), head);
    }

    // A record rewritten with a valid hash after it was anchored is reported; one edited
    // without its hash before it was anchored is refused by the server's check of the formula.
    void rewrittenRecordIsReported()
    {
        const QString db = QStringLiteral("t_rewrite");
        QVERIFY(provision(db));
        auto admin = connect(m_cluster.admin(db));
        QVERIFY(admin);
        const QString path = file(QStringLiteral("rewrite"));
        QVERIFY(sync(db, QStringLiteral("director"), path).code == 0);
        QVERIFY(addStageMoves(path, 3, QStringLiteral("honest")));
        QCOMPARE(sync(db, QStringLiteral("director"), path).code, 0);
        const qint64 head = headOf(path);
        const QString client = clientOf(path);
        QVERIFY(rewriteLast(path, head));
        QCOMPARE(headOf(path), head);
        Run r = app({QStringLiteral("verify-log"), QStringLiteral("--db"), path});
        QCOMPARE(r.code, 0);
        r = verify(db, QStringLiteral("director"), path);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("record #%1 differs from the link the server").arg(head)), qPrintable(r.out));
        r = sync(db, QStringLiteral("director"), path);
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(QStringLiteral("Record #%1 of this file's activity log differs").arg(head)), qPrintable(r.err));

        // Not anchored yet and edited behind the app: the server checks the link's hash against its record.
        const QString other = file(QStringLiteral("rewrite-2"));
        QVERIFY(sync(db, QStringLiteral("director"), other).code == 0);
        QVERIFY(addStageMoves(other, 2, QStringLiteral("honest")));
        QVERIFY(withFile(other, [](QSqlDatabase &f) {
            return QSqlQuery(f).exec(QStringLiteral("UPDATE stage_history SET reason = 'edited' WHERE log_seq = "
                                                    "(SELECT max(log_seq) FROM stage_history)"));
        }));
        r = sync(db, QStringLiteral("director"), other, {{QStringLiteral("COCKPIT_SYNC_CHAIN_BATCH"), QStringLiteral("1")}});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(QStringLiteral("the hash does not match the record")), qPrintable(r.err));
        QCOMPARE(serverHead(*admin, clientOf(other)), headOf(other) - 1); // the honest link before it was taken
    }

    // A file whose log grew before its chain was first pushed (an older build's sync, or a
    // company that worked alone first) is anchored at its head, then continues from there.
    void preExistingChainAnchorsAtHead()
    {
        const QString db = QStringLiteral("t_head");
        QVERIFY(provision(db));
        auto admin = connect(m_cluster.admin(db));
        QVERIFY(admin);
        const QString path = file(QStringLiteral("head"));
        {
            // Pull and push only, as before the chain was anchored.
            storage::Database local;
            QVERIFY(local.open(path, storage::Database::Mode::CreateIfMissing).ok());
            auto director = connect(m_cluster.as(QStringLiteral("director"), kPassword, db));
            QVERIFY(director);
            sync::PullReport pulled;
            sync::PushReport pushed;
            sync::PgError e;
            QVERIFY2(sync::pullFromServer(*director, local.handle(), {}, &pulled, &e), qPrintable(e.message));
            QVERIFY2(sync::pushToServer(*director, local.handle(), {}, &pushed, &e), qPrintable(e.message));
        }
        QVERIFY(addStageMoves(path, 4, QStringLiteral("alone")));
        const qint64 head = headOf(path);
        QVERIFY(head > 1000); // the pulled records and the four moves
        Run r = verify(db, QStringLiteral("director"), path);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("not anchored yet")), qPrintable(r.out));
        r = sync(db, QStringLiteral("director"), path);
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("up to record #%1: 1 link(s) pushed (the first anchoring: the log's head").arg(head)),
                 qPrintable(r.out));
        const QString client = clientOf(path);
        QCOMPARE(serverHead(*admin, client), head);
        QCOMPARE(serverLinks(*admin, client), 1);
        QVERIFY(addStageMoves(path, 2, QStringLiteral("connected")));
        QCOMPARE(sync(db, QStringLiteral("director"), path).code, 0);
        QCOMPARE(serverHead(*admin, client), head + 2);
        QCOMPARE(serverLinks(*admin, client), 3);
        r = verify(db, QStringLiteral("director"), path);
        QCOMPARE(r.code, 0);
    }

    // An empty log is anchored from #0 (its first link from 32 zero bytes) as it grows.
    void emptyLogAnchorsFromZero()
    {
        const QString db = QStringLiteral("t_zero");
        QVERIFY(provision(db));
        auto admin = connect(m_cluster.admin(db));
        auto director = connect(m_cluster.as(QStringLiteral("director"), kPassword, db));
        QVERIFY(admin && director);
        const QString path = file(QStringLiteral("zero"));
        storage::Database local;
        QVERIFY(local.open(path, storage::Database::Mode::CreateIfMissing).ok());
        sync::PullReport pulled;
        sync::PgError e;
        QVERIFY2(sync::pullFromServer(*director, local.handle(), {}, &pulled, &e), qPrintable(e.message));
        local.close();
        // No record in the log at all (the pulled ones taken out again, with the head).
        QVERIFY(withFile(path, [](QSqlDatabase &f) {
            QSqlQuery q(f);
            return q.exec(QStringLiteral("PRAGMA foreign_keys = OFF")) && q.exec(QStringLiteral("DELETE FROM log_deletions"))
                   && q.exec(QStringLiteral("DELETE FROM activities")) && q.exec(QStringLiteral("DELETE FROM stage_history"))
                   && q.exec(QStringLiteral("DELETE FROM settings WHERE key IN ('log_head_seq', 'log_head_hash')"));
        }));
        QCOMPARE(headOf(path), -1);
        QVERIFY(local.open(path, storage::Database::Mode::OpenExisting).ok());
        sync::ChainPushReport report;
        QVERIFY2(sync::pushChain(*director, local.handle(), {}, &report, &e), qPrintable(e.message));
        QCOMPARE(report.pushed, 0);
        local.close();
        QCOMPARE(fileScalar(path, QStringLiteral("SELECT value FROM sync_state WHERE key = 'chain_anchor_from'")).toString(), QStringLiteral("0"));
        QVERIFY(addStageMoves(path, 3, QStringLiteral("first ever")));
        QCOMPARE(headOf(path), 2);
        QVERIFY(local.open(path, storage::Database::Mode::OpenExisting).ok());
        QVERIFY2(sync::pushChain(*director, local.handle(), {}, &report, &e), qPrintable(e.message));
        QCOMPARE(report.pushed, 3);
        QVERIFY(!report.anchoredAtHead);
        const QString client = sync::storedClientId(local.handle());
        local.close();
        QCOMPARE(serverHead(*admin, client), 2);
        QCOMPARE(serverLinks(*admin, client), 3);
        QCOMPARE(serverCount(*admin, QStringLiteral("SELECT count(*) FROM cockpit.chain_links WHERE client_id = $1::uuid AND seq = 0 "
                                                    "AND prev_hash = '\\x%1'::bytea").arg(QString(64, QLatin1Char('0'))),
                             {client}),
                 1);
    }

    // The chain belongs to the login that anchored it: another manager can neither extend it
    // nor see its head (its verify says not anchored); the director sees every chain.
    void secondLoginCannotPushOntoAnothersChain()
    {
        const QString db = QStringLiteral("t_login");
        QVERIFY(provision(db));
        auto admin = connect(m_cluster.admin(db));
        QVERIFY(admin);
        const QStringList logins = managers(*admin);
        QVERIFY(logins.size() >= 2);
        const QString path = file(QStringLiteral("login"));
        QVERIFY(sync(db, logins.at(0), path).code == 0);
        QVERIFY(addStageMoves(path, 2, QStringLiteral("mine")));
        QCOMPARE(sync(db, logins.at(0), path).code, 0);
        const qint64 head = headOf(path);
        const QString client = clientOf(path);
        QCOMPARE(serverHead(*admin, client), head);
        QVERIFY(addStageMoves(path, 1, QStringLiteral("more")));

        auto other = connect(m_cluster.as(logins.at(1), kPassword, db));
        QVERIFY(other);
        storage::Database local;
        QVERIFY(local.open(path, storage::Database::Mode::OpenExisting).ok());
        sync::ChainPushReport report;
        sync::PgError e;
        QVERIFY(!sync::pushChain(*other, local.handle(), {}, &report, &e));
        QCOMPARE(e.kind, sync::PgError::Kind::ChainRefused);
        QVERIFY2(e.message.contains(QLatin1String("belongs to login")), qPrintable(e.message));
        local.close();
        QCOMPARE(serverHead(*admin, client), head);
        Run r = verify(db, logins.at(1), path);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("not anchored yet")), qPrintable(r.out));
        r = verify(db, QStringLiteral("director"), path);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("up to record #%1, and the file matches it").arg(head)), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestSyncChain)
#include "tst_syncchain.moc"
