// `sales-cockpit report radar|health|pei|coverage|steps` on the hand-made company.
#include "clirun.h"
#include "storage/database.h"
#include "fixture.h"

#include <QTemporaryDir>
#include <QTest>

class TestTeamHealthCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reports_data();
    void reports();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestTeamHealthCli::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("f.db"));
    cockpit::storage::Database db;
    QVERIFY(db.open(m_db, cockpit::storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(db));
}

void TestTeamHealthCli::reports_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("header");
    QTest::addColumn<int>("rows");
    QTest::newRow("radar per rep") << QStringList{QStringLiteral("radar")}
                                   << "id,name,team,compliance_pct,customer_health" << 2;
    QTest::newRow("radar per team") << QStringList{QStringLiteral("radar"), QStringLiteral("--by"), QStringLiteral("team")}
                                    << "id,name,city,compliance_pct" << 1;
    QTest::newRow("health") << QStringList{QStringLiteral("health")} << "id,name,team,light,completion_pct" << 2;
    QTest::newRow("pei") << QStringList{QStringLiteral("pei")} << "id,name,team,pei_pct,tasks_done,tasks_required" << 2;
    QTest::newRow("coverage") << QStringList{QStringLiteral("coverage")} << "month,coverage_pct,reps_executed" << 7;
    QTest::newRow("steps of one rep") << QStringList{QStringLiteral("steps"), QStringLiteral("--org"), QStringLiteral("rep:王芳")}
                                      << "rep_id,rep,first_touch_hours" << 1;
}

void TestTeamHealthCli::reports()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, header);
    QFETCH(int, rows);
    QStringList args{QStringLiteral("report")};
    args << extra.first() << QStringLiteral("--db") << m_db << QStringLiteral("--period") << QStringLiteral("2026-11")
         << QStringLiteral("--now") << QStringLiteral("2026-11-21T10:00:00Z") << QStringLiteral("--format")
         << QStringLiteral("csv") << extra.mid(1);
    const fixture::CliRun run = fixture::runCli(QStringLiteral(COCKPIT_APP), args, m_dir.path());
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QVERIFY2(lines.value(0).startsWith(header), qPrintable(lines.value(0)));
    QCOMPARE(lines.size() - 1, rows);
}

QTEST_GUILESS_MAIN(TestTeamHealthCli)
#include "tst_teamhealthcli.moc"
