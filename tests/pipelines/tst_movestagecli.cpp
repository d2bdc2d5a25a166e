// `sales-cockpit move-stage`: the gate holds on the command line too. A refusal exits 1
// naming the missing fields and changes nothing; a move appends stage history with who,
// when, from, to and reason. The command line names rows by their global ids (UUIDs), never
// by the file's integer keys.
#include "storage/database.h"
#include "storage/keys.h"

#include "fixture.h"
#include "clirun.h"

#include <QSqlDatabase>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestMoveStageCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void gateRefusedNamesFields();
    void moveAppendsHistoryWithReason();
    void leftUserRefused();
    void badInput_data();
    void badInput();

private:
    using Run = fixture::CliRun;
    Run run(const QStringList &args)
    {
        return fixture::runCli(QStringLiteral(COCKPIT_APP), QStringList{QStringLiteral("move-stage")} + args,
                               m_dir.path(), 60000);
    }
    QString query(const QString &sql)
    {
        cockpit::storage::Database db;
        if (!db.open(m_db, cockpit::storage::Database::Mode::OpenExisting, cockpit::storage::Database::Check::Deferred).ok())
            return QStringLiteral("<cannot open>");
        QSqlQuery q(db.connection());
        return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
    }
    QTemporaryDir m_dir;
    QString m_db;
    QString m_lead1, m_lead2, m_u2; // the global ids of lead-1, lead-2 and user u2
};

void TestMoveStageCli::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("cli.db"));
    cockpit::storage::Database db;
    QVERIFY(db.open(m_db, cockpit::storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(db));
    m_lead1 = cockpit::storage::uuidForKey(db.connection(), QStringLiteral("leads"), QStringLiteral("1"));
    m_lead2 = cockpit::storage::uuidForKey(db.connection(), QStringLiteral("leads"), QStringLiteral("2"));
    m_u2 = cockpit::storage::uuidForKey(db.connection(), QStringLiteral("users"), QStringLiteral("102"));
    QCOMPARE(m_lead1.size(), 36);
    QCOMPARE(m_lead2.size(), 36);
    QCOMPARE(m_u2.size(), 36);
}

void TestMoveStageCli::gateRefusedNamesFields()
{
    const QString before = query(QStringLiteral("SELECT stage_id FROM leads WHERE id = 1")); // lead-1
    const QString history = query(QStringLiteral("SELECT count(*) FROM stage_history"));
    const Run r = run({QStringLiteral("--db"), m_db, QStringLiteral("--lead"), m_lead1,
                       QStringLiteral("--to"), QStringLiteral("diagnose")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("Customer pain keywords [pain_keywords]")), qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("Budget band [budget_band]")));
    QVERIFY(r.err.contains(QLatin1String("Decision-chain role [decision_role]")));
    QVERIFY2(r.err.contains(m_lead1), qPrintable(r.err)); // the lead, by its global id
    QCOMPARE(query(QStringLiteral("SELECT stage_id FROM leads WHERE id = 1")), before);
    QCOMPARE(query(QStringLiteral("SELECT count(*) FROM stage_history")), history);
}

void TestMoveStageCli::moveAppendsHistoryWithReason()
{
    // By the stage's Chinese name, as another user, with a reason.
    const Run r = run({QStringLiteral("--db"), m_db, QStringLiteral("--lead"), m_lead2,
                       QStringLiteral("--to"), QStringLiteral("方案报价"), QStringLiteral("--reason"),
                       QStringLiteral("客户要求报价"), QStringLiteral("--as"), m_u2});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("需求诊断 → 方案报价")));
    QCOMPARE(query(QStringLiteral("SELECT s.code FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id"
                                  " WHERE l.id = 2")), QStringLiteral("quote")); // lead-2
    QCOMPARE(query(QStringLiteral("SELECT f.code || '>' || t.code || '|' || h.by_user_id || '|' || h.reason"
                                  " FROM stage_history h JOIN pipeline_stages f ON f.id = h.from_stage_id"
                                  " JOIN pipeline_stages t ON t.id = h.to_stage_id WHERE h.lead_id = 2")),
             QStringLiteral("diagnose>quote|102|客户要求报价")); // by u2
    QVERIFY(query(QStringLiteral("SELECT cockpit_iso(at) FROM stage_history WHERE lead_id = 2")).startsWith(QLatin1String("20")));
    QCOMPARE(query(QStringLiteral("SELECT count(*) FROM outbox WHERE table_name = 'stage_history'")), QStringLiteral("1"));
    // Backward by code, default user (the database's current user, u0 = 100).
    const Run back = run({QStringLiteral("--db"), m_db, QStringLiteral("--lead"), m_lead2,
                          QStringLiteral("--to"), QStringLiteral("DIAGNOSE")});
    QVERIFY2(back.code == 0, qPrintable(back.err));
    QCOMPARE(query(QStringLiteral("SELECT by_user_id FROM stage_history WHERE lead_id = 2 ORDER BY rowid DESC")),
             QStringLiteral("100"));
}

void TestMoveStageCli::leftUserRefused()
{
    // u5 (陈离) left on 2026-10-05; u6 (周将) leaves in 2099: only the first has left.
    QString gone, leaving;
    {
        cockpit::storage::Database db;
        QVERIFY(db.open(m_db, cockpit::storage::Database::Mode::OpenExisting).ok());
        QVERIFY(fixture::exec(db.connection(),
                              QStringLiteral("INSERT INTO users (id, name, role, region_id, city_id, team_id, hire_date, left_date,"
                                             " updated_at) VALUES"
                                             " (105, '陈离', 'sales', 1, 1, 1, cockpit_day('2024-01-01'), cockpit_day('2026-10-05'),"
                                             "  cockpit_secs('2026-10-01T00:00:00Z')),"
                                             " (106, '周将', 'sales', 1, 1, 1, cockpit_day('2024-01-01'), cockpit_day('2099-01-01'),"
                                             "  cockpit_secs('2026-10-01T00:00:00Z'))")));
        gone = cockpit::storage::uuidForKey(db.connection(), QStringLiteral("users"), QStringLiteral("105"));
        leaving = cockpit::storage::uuidForKey(db.connection(), QStringLiteral("users"), QStringLiteral("106"));
    }
    QCOMPARE(gone.size(), 36);
    const QString stage = query(QStringLiteral("SELECT stage_id FROM leads WHERE id = 2")); // lead-2
    const QString history = query(QStringLiteral("SELECT count(*) FROM stage_history"));
    const QString outbox = query(QStringLiteral("SELECT count(*) FROM outbox"));
    const Run r = run({QStringLiteral("--db"), m_db, QStringLiteral("--lead"), m_lead2, QStringLiteral("--to"),
                       QStringLiteral("quote"), QStringLiteral("--as"), gone});
    QCOMPARE(r.code, 1);
    // Names the person (and the id given) and the day they left.
    QVERIFY2(r.err.contains(QStringLiteral("陈离")), qPrintable(r.err));
    QVERIFY2(r.err.contains(gone), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("left the company on 2026-10-05")), qPrintable(r.err));
    // Nothing written.
    QCOMPARE(query(QStringLiteral("SELECT stage_id FROM leads WHERE id = 2")), stage);
    QCOMPARE(query(QStringLiteral("SELECT count(*) FROM stage_history")), history);
    QCOMPARE(query(QStringLiteral("SELECT count(*) FROM outbox")), outbox);
    // A leave date still ahead is no departure: the move goes through, by u6.
    const Run ok = run({QStringLiteral("--db"), m_db, QStringLiteral("--lead"), m_lead2, QStringLiteral("--to"),
                        QStringLiteral("quote"), QStringLiteral("--as"), leaving});
    QVERIFY2(ok.code == 0, qPrintable(ok.err));
    QCOMPARE(query(QStringLiteral("SELECT by_user_id FROM stage_history WHERE lead_id = 2 ORDER BY rowid DESC")),
             QStringLiteral("106"));
}

void TestMoveStageCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    // DB is the file, LEAD1 lead-1's global id (both filled in by badInput); the unknown lead
    // and user are well-formed UUIDs that no row has.
    QTest::newRow("no --lead") << QStringList{QStringLiteral("--db"), QStringLiteral("DB"), QStringLiteral("--to"), QStringLiteral("quote")}
                               << 2 << "--lead ID is required";
    QTest::newRow("no --to") << QStringList{QStringLiteral("--db"), QStringLiteral("DB"), QStringLiteral("--lead"), QStringLiteral("LEAD1")}
                             << 2 << "--to STAGE is required";
    QTest::newRow("no --db") << QStringList{QStringLiteral("--lead"), QStringLiteral("LEAD1"), QStringLiteral("--to"), QStringLiteral("quote")}
                             << 2 << "--db FILE is required";
    QTest::newRow("unknown lead") << QStringList{QStringLiteral("--db"), QStringLiteral("DB"), QStringLiteral("--lead"), QStringLiteral("00000000-0000-4000-8000-000000000009"), QStringLiteral("--to"), QStringLiteral("quote")}
                                  << 1 << "there is no lead \"00000000-0000-4000-8000-000000000009\"";
    QTest::newRow("stage of another pipeline") << QStringList{QStringLiteral("--db"), QStringLiteral("DB"), QStringLiteral("--lead"), QStringLiteral("LEAD1"), QStringLiteral("--to"), QStringLiteral("reach")}
                                               << 1 << "the lead's pipeline has no stage \"reach\"; its stages are: register (来源登记";
    QTest::newRow("unknown user") << QStringList{QStringLiteral("--db"), QStringLiteral("DB"), QStringLiteral("--lead"), QStringLiteral("LEAD1"), QStringLiteral("--to"), QStringLiteral("register"), QStringLiteral("--as"), QStringLiteral("00000000-0000-4000-8000-000000000109")}
                                  << 1 << "there is no user \"00000000-0000-4000-8000-000000000109\"";
    QTest::newRow("missing file") << QStringList{QStringLiteral("--db"), QStringLiteral("/nonexistent/x.db"), QStringLiteral("--lead"), QStringLiteral("LEAD1"), QStringLiteral("--to"), QStringLiteral("register")}
                                  << 1 << "/nonexistent/x.db";
}

void TestMoveStageCli::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    args.replaceInStrings(QStringLiteral("DB"), m_db);
    args.replaceInStrings(QStringLiteral("LEAD1"), m_lead1);
    const QString history = query(QStringLiteral("SELECT count(*) FROM stage_history"));
    const Run r = run(args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(query(QStringLiteral("SELECT count(*) FROM stage_history")), history);
}

QTEST_GUILESS_MAIN(TestMoveStageCli)
#include "tst_movestagecli.moc"
