// `sales-cockpit report stores` and `sales-cockpit import-store-days` (the importer's store days) from the command line:
// exit codes, the printed errors and counts, nothing written on a dry run or a bad row, and
// the report honouring --org.
#include "clirun.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "fixture.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

class TestStoresCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importAndReport();
};

namespace {
int storeDays(const QString &path)
{
    storage::Database db;
    if (!db.open(path).ok())
        return -1;
    QSqlQuery q(db.connection());
    return q.exec(QStringLiteral("SELECT count(*) FROM store_days WHERE deleted = 0")) && q.next() ? q.value(0).toInt() : -1;
}
} // namespace

void TestStoresCli::importAndReport()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.db"));
    // Keys: r2 = 2, c3 = 3, stores s1 = 1, s2 = 2. The command line names stores by UUID.
    QString s1, s2;
    {
        storage::Database database;
        QVERIFY(database.open(path, storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populate(database));
        QVERIFY(fixture::exec(database.connection(), QStringLiteral(
            "INSERT INTO regions (id, code, name, updated_at) VALUES (2, 'south', '华南', cockpit_secs('2026-01-01T00:00:00Z'))")));
        QVERIFY(fixture::exec(database.connection(), QStringLiteral(
            "INSERT INTO cities (id, region_id, name, updated_at) VALUES (3, 2, '广州', cockpit_secs('2026-01-01T00:00:00Z'))")));
        QVERIFY(fixture::exec(database.connection(), QStringLiteral(
            "INSERT INTO stores (id, name, region_id, city_id, opened_on, updated_at) VALUES"
            " (1, '上海徐汇体验店', 1, 1, cockpit_day('2024-01-01'), cockpit_secs('2026-01-01T00:00:00Z')),"
            " (2, '广州天河体验店', 2, 3, cockpit_day('2024-01-01'), cockpit_secs('2026-01-01T00:00:00Z'))")));
        s1 = storage::uuidForKey(database.connection(), QStringLiteral("stores"), QStringLiteral("1"));
        s2 = storage::uuidForKey(database.connection(), QStringLiteral("stores"), QStringLiteral("2"));
        QCOMPARE(s1.size(), 36);
        QCOMPARE(s2.size(), 36);
    }
    const QString csv = dir.filePath(QStringLiteral("days.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("date,store,staff,receptions,exposure %,dwell minutes,experiences,deals within 72 h\r\n"
                           "2026-11-19,%1,5,30,95,3.5,10,2\r\n"
                           "2026-11-20,%1,5,30,95,3.5,10,2\r\n"
                           "2026-11-21,%1,5,30,95,3.5,10,2\r\n"
                           "2026-11-21,广州天河体验店,5,70,95,3.5,10,2\r\n"
                           "2026-11-21,%1,5,30,95,3.5,10,12\r\n").arg(s1).toUtf8());
    f.close();
    const QString home = dir.filePath(QStringLiteral("home"));
    // A bad row: listed, nothing written, exit 1.
    fixture::CliRun run = fixture::runCli(QStringLiteral(COCKPIT_APP),
                                          {"import-store-days", "--db", path, "--file", csv}, home);
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(QStringLiteral("days.csv, line 6, column deals within 72 h, value \"12\": more deals than experiences given (10)")),
             qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("Store days: 5 rows: 4 new, 0 updated, 0 unchanged, 0 skipped, 1 refused")), qPrintable(run.out));
    QCOMPARE(storeDays(path), 0);
    // Dry run with --skip-bad-rows still writes nothing.
    run = fixture::runCli(QStringLiteral(COCKPIT_APP), {"import-store-days", "--db", path, "--file", csv, "--dry-run", "--skip-bad-rows"}, home);
    QCOMPARE(run.code, 1);
    QVERIFY(run.out.contains(QStringLiteral("dry run: nothing written")));
    QCOMPARE(storeDays(path), 0);
    run = fixture::runCli(QStringLiteral(COCKPIT_APP), {"import-store-days", "--db", path, "--file", csv, "--skip-bad-rows"}, home);
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("imported (import 1): 4 rows created, 0 updated")), qPrintable(run.out));
    QCOMPARE(storeDays(path), 4);
    // A missing file and missing arguments.
    run = fixture::runCli(QStringLiteral(COCKPIT_APP), {"import-store-days", "--db", path, "--file", dir.filePath("nope.csv")}, home);
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains(QStringLiteral("nope.csv does not exist")), qPrintable(run.err));
    run = fixture::runCli(QStringLiteral(COCKPIT_APP), {"import-store-days", "--db", path}, home);
    QCOMPARE(run.code, 2);

    // The report: s1 at 30/5 = 6 per staff on three days running → staff red; s2 green.
    run = fixture::runCli(QStringLiteral(COCKPIT_APP), {"report", "stores", "--db", path, "--period", "2026-Q4",
                                                        "--now", "2026-11-22T10:00:00Z"}, home);
    QCOMPARE(run.code, 0);
    const QStringList lines = run.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("store_id,store,region,city,as_of,staff,receptions,receptions_per_staff,staff_code")));
    QVERIFY2(lines.at(1).startsWith(s1 + QStringLiteral(",上海徐汇体验店,华东,上海,2026-11-21,5,30,6,red,95,green,3.5,green,10,2,20,green,red,1,")),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(s2 + QStringLiteral(",广州天河体验店,华南,广州,2026-11-21,5,70,14,green")), qPrintable(lines.at(2)));
    // --org: a region, and a team (its city's stores).
    run = fixture::runCli(QStringLiteral(COCKPIT_APP), {"report", "stores", "--db", path, "--period", "2026-Q4",
                                                        "--org", "region:华南", "--format", "json"}, home);
    QCOMPARE(run.code, 0);
    QVERIFY(run.out.contains(QStringLiteral("广州天河体验店")));
    QVERIFY(!run.out.contains(QStringLiteral("上海徐汇体验店")));
    run = fixture::runCli(QStringLiteral(COCKPIT_APP), {"report", "stores", "--db", path, "--period", "2026-Q4",
                                                        "--org", "team:上海一组"}, home);
    QCOMPARE(run.code, 0);
    QVERIFY(run.out.contains(QStringLiteral("上海徐汇体验店")));
    QVERIFY(!run.out.contains(QStringLiteral("广州天河体验店")));
}

QTEST_GUILESS_MAIN(TestStoresCli)
#include "tst_storescli.moc"
