// `sales-cockpit delete-activity` / `restore-activity`: a soft delete or restore from the command
// line is a record of the activity log, so verify-log passes after it (and still catches a flag
// flipped by hand). An unknown activity, a second delete and bad arguments are refused with a
// message and exit 1 or 2, writing nothing. Rows are named by their global ids (UUIDs).
#include "storage/activitylog.h"
#include "storage/database.h"
#include "storage/keys.h"

#include "clirun.h"
#include "fixture.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit::storage;

class TestDeleteActivityCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void deleteThenVerify();
    void refusals_data();
    void refusals();

private:
    using Run = fixture::CliRun;
    Run run(const QStringList &args)
    {
        return fixture::runCli(QStringLiteral(COCKPIT_APP), args, m_dir.path(), 60000);
    }
    Run verify() { return run({QStringLiteral("verify-log"), QStringLiteral("--db"), m_db}); }
    QString query(const QString &sql)
    {
        Database db;
        if (!db.open(m_db, Database::Mode::OpenExisting, Database::Check::Deferred).ok())
            return QStringLiteral("<cannot open>");
        QSqlQuery q(db.connection());
        return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
    }
    QTemporaryDir m_dir;
    QString m_db;
    QString m_a1, m_a2, m_u2; // the global ids of activities a1, a2 and user u2
};

void TestDeleteActivityCli::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("cli.db"));
    Database db;
    QVERIFY(db.open(m_db, Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(db));
    QString error;
    QVERIFY2(buildLogChain(db.connection(), &error), qPrintable(error)); // a1, a2, h1: records 0-2
    m_a1 = uuidForKey(db, QStringLiteral("activities"), QStringLiteral("1"));
    m_a2 = uuidForKey(db, QStringLiteral("activities"), QStringLiteral("2"));
    m_u2 = uuidForKey(db, QStringLiteral("users"), QStringLiteral("102"));
    QCOMPARE(m_a1.size(), 36);
    QCOMPARE(m_u2.size(), 36);
}

void TestDeleteActivityCli::deleteThenVerify()
{
    Run r = run({QStringLiteral("delete-activity"), QStringLiteral("--db"), m_db, QStringLiteral("--activity"), m_a1,
                 QStringLiteral("--as"), m_u2, QStringLiteral("--reason"), QStringLiteral("重复录入")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("deleted activity %1 by 李强, reason: 重复录入; logged as record #3").arg(m_a1)),
             qPrintable(r.out));
    QCOMPARE(query(QStringLiteral("SELECT deleted FROM activities WHERE id = 1")), QStringLiteral("1"));
    QCOMPARE(query(QStringLiteral("SELECT by_user_id || ' ' || reason || ' ' || log_seq FROM log_deletions")),
             QStringLiteral("102 重复录入 3"));
    r = verify();
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QLatin1String("log intact: 4 records verified")), qPrintable(r.out));

    // A second delete is refused; a restore (as the current user, 赵总) is logged in turn.
    r = run({QStringLiteral("delete-activity"), QStringLiteral("--db"), m_db, QStringLiteral("--activity"), m_a1});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("activity %1 is already deleted").arg(m_a1)), qPrintable(r.err));
    r = run({QStringLiteral("restore-activity"), QStringLiteral("--db"), m_db, QStringLiteral("--activity"), m_a1});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("restored activity %1 by 赵总; logged as record #4").arg(m_a1)), qPrintable(r.out));
    QCOMPARE(query(QStringLiteral("SELECT deleted FROM activities WHERE id = 1")), QStringLiteral("0"));
    r = verify();
    QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("log intact: 5 records verified")), qPrintable(r.out + r.err));

    // The same flag flipped by hand is not a logged change.
    {
        Database db;
        QVERIFY(db.open(m_db).ok());
        QVERIFY(QSqlQuery(db.connection()).exec(QStringLiteral("UPDATE activities SET deleted = 1 WHERE id = 2")));
    }
    r = verify();
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains(QStringLiteral("first bad record #")) && r.out.contains(m_a2)
                 && r.out.contains(QLatin1String("deleted outside the app")),
             qPrintable(r.out));
    {
        Database db;
        QVERIFY(db.open(m_db).ok());
        QVERIFY(QSqlQuery(db.connection()).exec(QStringLiteral("UPDATE activities SET deleted = 0 WHERE id = 2")));
    }
    QCOMPARE(verify().code, 0);
}

void TestDeleteActivityCli::refusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");
    const QString db = QStringLiteral("DB");
    const QString unknown = QStringLiteral("0b9d3c1e-7f2a-4c55-9e61-2d8f4a6b7c90");
    QTest::newRow("unknown activity") << QStringList{QStringLiteral("delete-activity"), QStringLiteral("--db"), db,
                                                     QStringLiteral("--activity"), unknown}
                                      << 1 << QStringLiteral("delete-activity: there is no activity \"%1\"").arg(unknown);
    QTest::newRow("restore unknown") << QStringList{QStringLiteral("restore-activity"), QStringLiteral("--db"), db,
                                                    QStringLiteral("--activity"), unknown}
                                     << 1 << QStringLiteral("restore-activity: there is no activity \"%1\"").arg(unknown);
    QTest::newRow("restore a live one") << QStringList{QStringLiteral("restore-activity"), QStringLiteral("--db"), db,
                                                       QStringLiteral("--activity"), QStringLiteral("A2")}
                                        << 1 << QStringLiteral("is not deleted: there is nothing to restore");
    QTest::newRow("unknown user") << QStringList{QStringLiteral("delete-activity"), QStringLiteral("--db"), db,
                                                 QStringLiteral("--activity"), QStringLiteral("A2"), QStringLiteral("--as"), unknown}
                                  << 1 << QStringLiteral("--as: there is no user \"%1\"").arg(unknown);
    QTest::newRow("no activity") << QStringList{QStringLiteral("delete-activity"), QStringLiteral("--db"), db}
                                 << 2 << QStringLiteral("--activity ID is required");
    QTest::newRow("no file") << QStringList{QStringLiteral("delete-activity"), QStringLiteral("--activity"), unknown}
                             << 2 << QStringLiteral("--db FILE is required");
    QTest::newRow("missing file") << QStringList{QStringLiteral("delete-activity"), QStringLiteral("--db"), QStringLiteral("NONE"),
                                                 QStringLiteral("--activity"), unknown}
                                  << 1 << QStringLiteral("does not exist");
}

void TestDeleteActivityCli::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, says);
    args.replaceInStrings(QStringLiteral("DB"), m_db);
    args.replaceInStrings(QStringLiteral("NONE"), m_dir.filePath(QStringLiteral("none.db")));
    args.replaceInStrings(QStringLiteral("A2"), m_a2);
    const QString head = query(QStringLiteral("SELECT value FROM settings WHERE key = 'log_head_hash'"));
    const QString tombstones = query(QStringLiteral("SELECT count(*) FROM log_deletions"));
    const Run r = run(args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    // Nothing was written.
    QCOMPARE(query(QStringLiteral("SELECT value FROM settings WHERE key = 'log_head_hash'")), head);
    QCOMPARE(query(QStringLiteral("SELECT count(*) FROM log_deletions")), tombstones);
    QCOMPARE(query(QStringLiteral("SELECT deleted FROM activities WHERE id = 2")), QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(TestDeleteActivityCli)
#include "tst_deleteactivitycli.moc"
