// Store-day CSV import: parsing (English/Chinese headers, BOM, CRLF, value forms), every
// refused input with its exact message, upsert with outbox rows, cancel, dry run, undo and
// idempotent re-import.
#include "storage/database.h"
#include "storage/keys.h"
#include "fixture.h"
#include "analytics/storeimport.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::analytics;

namespace {
const QByteArray kHeader = "date,store,staff,receptions,exposure %,dwell minutes,experiences,deals within 72 h\n";

int count(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}
} // namespace

class TestStoreImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void goodFile();
    void values_data();
    void values();
    void badRows_data();
    void badRows();
    void badFiles_data();
    void badFiles();
    void chineseHeadersBomCrlf();
    void upsertReplacesAndReimportIsIdempotent();
    void cancelWritesNothing();
    void undoRestores();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    QSqlDatabase db() const { return m_db->connection(); }
    // A file names a store by its UUID (or exact name): "<s1>" and "<s2>" in the test files
    // stand for the UUIDs of stores s1 and s2.
    QByteArray withUuids(QByteArray csv) const { return csv.replace("<s1>", m_s1).replace("<s2>", m_s2); }
    QByteArray m_s1, m_s2;
};

void TestStoreImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<storage::Database>();
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("t.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(*m_db));
    // Stores s1 = 1, s2 = 2, the two 同名店 d1 = 3, d2 = 4; the store day 'old' = 1.
    QVERIFY(fixture::exec(db(), QStringLiteral(
        "INSERT INTO stores (id, name, region_id, city_id, opened_on, updated_at) VALUES"
        " (1, '上海徐汇体验店', 1, 1, cockpit_day('2024-01-01'), cockpit_secs('2026-01-01T00:00:00Z')),"
        " (2, '上海浦东体验店', 1, 1, cockpit_day('2024-01-01'), cockpit_secs('2026-01-01T00:00:00Z')),"
        " (3, '同名店', 1, 1, cockpit_day('2024-01-01'), cockpit_secs('2026-01-01T00:00:00Z')),"
        " (4, '同名店', 1, 1, cockpit_day('2024-01-01'), cockpit_secs('2026-01-01T00:00:00Z'))")));
    QVERIFY(fixture::exec(db(), QStringLiteral(
        "INSERT INTO store_days (id, store_id, day, staff, receptions, exposure_bp, dwell_seconds, experiences,"
        " deals_72h, updated_at) VALUES (1, 1, cockpit_day('2026-11-20'), 4, 40, 8000, 180, 20, 4, cockpit_secs('2026-11-20T00:00:00Z'))")));
    m_s1 = storage::uuidForKey(db(), QStringLiteral("stores"), QStringLiteral("1")).toUtf8();
    m_s2 = storage::uuidForKey(db(), QStringLiteral("stores"), QStringLiteral("2")).toUtf8();
    QCOMPARE(m_s1.size(), 36);
    QCOMPARE(m_s2.size(), 36);
}

void TestStoreImport::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestStoreImport::goodFile()
{
    const QByteArray csv = withUuids(kHeader
        + "2026-11-20,<s1>,5,60,85%,3.5,30,6\n"        // replaces 'old'
          "2026-11-21,上海徐汇体验店,5,61,0.91,3.25,30,7\n" // by name
          "2026/11/21,<s2>,6,48,72,2,12,0\n");
    const StoreImportPlan plan = planStoreImport(db(), csv);
    QVERIFY(plan.ok());
    QCOMPARE(plan.dataRows, 3);
    QCOMPARE(plan.errors.size(), 0);
    QCOMPARE(plan.newDays, 2);
    QCOMPARE(plan.replacedDays, 1);
    QCOMPARE(plan.summary(), QStringLiteral("2 new days, 1 replaced, 0 rows with errors (not imported)"));
    QCOMPARE(plan.rows.at(0), (StoreDayRecord{"1", QDate(2026, 11, 20), 5, 60, 8500, 210, 30, 6}));
    QCOMPARE(plan.rows.at(1), (StoreDayRecord{"1", QDate(2026, 11, 21), 5, 61, 9100, 195, 30, 7}));
    QCOMPARE(plan.rows.at(2), (StoreDayRecord{"2", QDate(2026, 11, 21), 6, 48, 7200, 120, 12, 0}));
    QCOMPARE(plan.rowLines, (QVector<int>{2, 3, 4}));
    // Planning wrote nothing (the dry run).
    QCOMPARE(count(db(), "SELECT count(*) FROM store_days"), 1);
    QCOMPARE(count(db(), "SELECT count(*) FROM outbox"), 0);

    const StoreImportResult r = writeStoreDays(db(), plan.rows);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.inserted, 2);
    QCOMPARE(r.replaced, 1);
    QCOMPARE(count(db(), "SELECT count(*) FROM store_days WHERE deleted = 0"), 3);
    QCOMPARE(count(db(), "SELECT exposure_bp FROM store_days WHERE id = 1"), 8500);
    QCOMPARE(count(db(), "SELECT dwell_seconds FROM store_days WHERE id = 1"), 210);
    QCOMPARE(count(db(), "SELECT count(*) FROM outbox WHERE table_name = 'store_days' AND op = 'insert'"), 2);
    QCOMPARE(count(db(), "SELECT count(*) FROM outbox WHERE table_name = 'store_days' AND op = 'update'"
                         " AND row_id = 1 AND fields LIKE '%\"exposure_bp\":8500%'"), 1);
}

void TestStoreImport::values_data()
{
    QTest::addColumn<QString>("exposure");
    QTest::addColumn<QString>("dwell");
    QTest::addColumn<int>("bp");
    QTest::addColumn<int>("seconds");
    QTest::newRow("85") << "85" << "3" << 8500 << 180;
    QTest::newRow("85%") << "85%" << "3.2" << 8500 << 192;
    QTest::newRow("0.85 is a fraction") << "0.85" << "2.5" << 8500 << 150;
    QTest::newRow("85.5 %") << "85.5 %" << "0.01" << 8550 << 1;
    QTest::newRow("1 is one percent") << "1" << "0" << 100 << 0;
    QTest::newRow("1.0 is a fraction") << "1.0" << "10" << 10000 << 600;
    QTest::newRow("100%") << "100%" << "3.333" << 10000 << 200;
    QTest::newRow("quoted") << "\"90\"" << "\"3.5\"" << 9000 << 210;
}

void TestStoreImport::values()
{
    QFETCH(QString, exposure);
    QFETCH(QString, dwell);
    QFETCH(int, bp);
    QFETCH(int, seconds);
    const StoreImportPlan plan = planStoreImport(db(), withUuids(kHeader + QStringLiteral("2026-11-21,<s1>,5,60,%1,%2,10,2\n")
                                                                               .arg(exposure, dwell).toUtf8()));
    QVERIFY(plan.ok());
    QCOMPARE(plan.errors.size(), 0);
    QCOMPARE(plan.rows.at(0).exposureBp, bp);
    QCOMPARE(plan.rows.at(0).dwellSeconds, seconds);
}

void TestStoreImport::badRows_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown store") << QByteArray("2026-11-21,南京店,5,60,90,3,10,2")
                                   << "line 2, column store, value \"南京店\": unknown store (give its id or exact name)";
    QTest::newRow("ambiguous name") << QByteArray("2026-11-21,同名店,5,60,90,3,10,2")
                                    << "line 2, column store, value \"同名店\": 2 stores have this name; give the store's id";
    QTest::newRow("bad date") << QByteArray("21.11.2026,<s1>,5,60,90,3,10,2")
                              << "line 2, column date, value \"21.11.2026\": not a date (write YYYY-MM-DD)";
    QTest::newRow("impossible date") << QByteArray("2026-02-30,<s1>,5,60,90,3,10,2")
                                     << "line 2, column date, value \"2026-02-30\": not a date (write YYYY-MM-DD)";
    QTest::newRow("negative staff") << QByteArray("2026-11-21,<s1>,-1,60,90,3,10,2")
                                    << "line 2, column staff, value \"-1\": must not be negative";
    QTest::newRow("fractional receptions") << QByteArray("2026-11-21,<s1>,5,60.5,90,3,10,2")
                                           << "line 2, column receptions, value \"60.5\": must be a whole number";
    QTest::newRow("not a number") << QByteArray("2026-11-21,<s1>,5,sixty,90,3,10,2")
                                  << "line 2, column receptions, value \"sixty\": is not a number";
    QTest::newRow("negative dwell") << QByteArray("2026-11-21,<s1>,5,60,90,-3,10,2")
                                    << "line 2, column dwell minutes, value \"-3\": must not be negative";
    QTest::newRow("exposure over 100") << QByteArray("2026-11-21,<s1>,5,60,120%,3,10,2")
                                       << "line 2, column exposure %, value \"120%\": is above 100 %";
    QTest::newRow("exposure text") << QByteArray("2026-11-21,<s1>,5,60,high,3,10,2")
                                   << "line 2, column exposure %, value \"high\": is not a percentage (write 85, 85% or 0.85)";
    QTest::newRow("deals > experiences") << QByteArray("2026-11-21,<s1>,5,60,90,3,10,11")
                                         << "line 2, column deals within 72 h, value \"11\": more deals than experiences (10)";
    QTest::newRow("receptions without staff") << QByteArray("2026-11-21,<s1>,0,60,90,3,10,2")
                                              << "line 2, column receptions, value \"60\": receptions without staff on duty";
    QTest::newRow("too few fields") << QByteArray("2026-11-21,<s1>,5,60,90,3,10")
                                    << "line 2: 7 fields, the header has 8";
    QTest::newRow("too many fields") << QByteArray("2026-11-21,<s1>,5,60,90,3,10,2,x")
                                     << "line 2: 9 fields, the header has 8";
    QTest::newRow("10 MB cell") << ("2026-11-21,<s1>,5,60,90,3,10," + QByteArray(10 * 1024 * 1024, '7'))
                                << QStringLiteral("line 2, column deals within 72 h, value \"%1…\": "
                                                  "the cell is 10485760 characters long (at most 1000)").arg(QString(57, QLatin1Char('7')));
}

void TestStoreImport::badRows()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, message);
    // A good row after the bad one is still imported; the bad one is named.
    const StoreImportPlan plan = planStoreImport(db(), withUuids(kHeader + row + "\n2026-11-21,<s2>,5,60,90,3,10,2\n"));
    QVERIFY(plan.ok());
    QCOMPARE(plan.dataRows, 2);
    QCOMPARE(plan.errors.size(), 1);
    QCOMPARE(plan.errors.first().text(), message);
    QCOMPARE(plan.rows.size(), 1);
    QCOMPARE(plan.rowLines, QVector<int>{3});
    QCOMPARE(plan.summary(), QStringLiteral("1 new days, 0 replaced, 1 rows with errors (not imported)"));
}

void TestStoreImport::badFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << "The file is empty: expected a header row (date, store, staff, receptions, "
                                              "exposure %, dwell minutes, experiences, deals within 72 h) and one row per store and day.";
    QTest::newRow("only a BOM and blank lines") << QByteArray("\xEF\xBB\xBF\r\n\r\n")
        << "The file is empty: expected a header row (date, store, staff, receptions, exposure %, dwell minutes, "
           "experiences, deals within 72 h) and one row per store and day.";
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16)
                            << "The file cannot be read: The text is not a text file (it holds binary data).";
    QTest::newRow("an xlsx workbook") << QByteArray("PK\x03\x04\x14\x00\x06\x00", 8)
                                      << "The file cannot be read: The text is a ZIP archive (an Excel .xlsx workbook?), not a CSV file.";
    QTest::newRow("open quote in the header") << QByteArray("date,\"store,staff\n2026-11-21,x,1\n")
                                              << "Line 1: a quote opened on this line is not closed (within 1000 line(s) or by the end of the file)";
    QTest::newRow("missing column") << QByteArray("date,store,staff,receptions,exposure %,dwell minutes,experiences\n")
                                    << "Line 1: missing column(s): deals within 72 h.";
    QTest::newRow("unknown column") << QByteArray("date,store,staff,receptions,exposure %,dwell minutes,experiences,deals,weather\n")
                                    << "Line 1: unknown column \"weather\". The columns are: date, store, staff, receptions, "
                                       "exposure %, dwell minutes, experiences, deals within 72 h (or 日期, 门店, 在岗人数, 接待组数, "
                                       "主推品曝光率, 停留时长, 体验人数, 72小时成交).";
}

void TestStoreImport::badFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const StoreImportPlan plan = planStoreImport(db(), content);
    QVERIFY(!plan.ok());
    QCOMPARE(plan.fatal, message);
    QCOMPARE(plan.summary(), message);
    QVERIFY(plan.rows.isEmpty());
}

void TestStoreImport::chineseHeadersBomCrlf()
{
    const QByteArray csv = "\xEF\xBB\xBF" + QStringLiteral(
        "日期,门店,在岗人数,接待组数,主推品曝光率,停留时长(分钟),体验人数,72小时成交\r\n"
        "2026-11-21,上海浦东体验店,4,50,\"93%\",3.6,20,5\r\n"
        "2026-11-21,<s2>,4,50,93%,3.6,20,5\r\n").toUtf8();
    const StoreImportPlan plan = planStoreImport(db(), withUuids(csv));
    QVERIFY2(plan.ok(), qPrintable(plan.fatal));
    QCOMPARE(plan.rows.size(), 1);
    QCOMPARE(plan.rows.at(0), (StoreDayRecord{"2", QDate(2026, 11, 21), 4, 50, 9300, 216, 20, 5}));
    QCOMPARE(plan.errors.size(), 1); // the same store and date twice
    QCOMPARE(plan.errors.first().text(), QStringLiteral("line 3, column 日期, value \"2026-11-21\": the same store and date as line 2"));
    // Columns in another order, English aliases.
    const StoreImportPlan other = planStoreImport(db(), withUuids(
        "store,deals_72h,date,experiences,staff,receptions,exposure_pct,dwell_min\n<s1>,1,2026-11-19,2,3,30,95,4\n"));
    QVERIFY(other.ok());
    QCOMPARE(other.rows.at(0), (StoreDayRecord{"1", QDate(2026, 11, 19), 3, 30, 9500, 240, 2, 1}));
    // The same file as Chinese Excel saves "CSV": GB18030, no BOM, semicolons in a European
    // locale's; the same plan.
    const QString text = QString::fromUtf8(withUuids(csv).mid(3));
    for (const QString &t : {text, QString(text).replace(u',', u';')}) {
        QStringEncoder gb("GB18030");
        const StoreImportPlan gbPlan = planStoreImport(db(), gb.encode(t));
        QVERIFY2(gbPlan.ok(), qPrintable(gbPlan.fatal));
        QCOMPARE(gbPlan.rows, plan.rows);
        QCOMPARE(gbPlan.errors.size(), 1);
        QCOMPARE(gbPlan.errors.first().text(), plan.errors.first().text());
    }
    // An open quote is one row's error; the rows after it still import.
    const StoreImportPlan open = planStoreImport(db(), withUuids(kHeader + "2026-11-20,\"<s1>,5,60,85,3.5,30,6\n"
                                                                           "2026-11-21,<s1>,5,60,85,3.5,30,6\n"));
    QVERIFY(open.ok());
    QCOMPARE(open.rows.size(), 1);
    QCOMPARE(open.errors.size(), 1);
    QCOMPARE(open.errors.first().line, 2);
}

void TestStoreImport::upsertReplacesAndReimportIsIdempotent()
{
    const QByteArray csv = withUuids(kHeader + "2026-11-20,<s1>,5,60,85,3.5,30,6\n2026-11-21,<s1>,5,60,85,3.5,30,6\n");
    QVERIFY(writeStoreDays(db(), planStoreImport(db(), csv).rows).ok);
    const int outbox = count(db(), "SELECT count(*) FROM outbox");
    QCOMPARE(outbox, 2);
    const StoreImportPlan again = planStoreImport(db(), csv);
    QCOMPARE(again.newDays, 0);
    QCOMPARE(again.replacedDays, 2);
    const StoreImportResult r = writeStoreDays(db(), again.rows);
    QVERIFY(r.ok);
    QCOMPARE(r.replaced, 2);
    QCOMPARE(count(db(), "SELECT count(*) FROM store_days"), 2); // no duplicates
    QCOMPARE(count(db(), "SELECT sum(receptions) FROM store_days WHERE deleted = 0"), 120);
}

void TestStoreImport::cancelWritesNothing()
{
    QVector<StoreDayRecord> rows;
    for (int i = 0; i < 1200; ++i)
        rows << StoreDayRecord{"2", QDate(2023, 1, 1).addDays(i), 5, 60, 9000, 200, 10, 2};
    int calls = 0;
    qint64 seenTotal = 0;
    const StoreImportResult r = writeStoreDays(db(), rows, [&](qint64 done, qint64 total) -> bool {
        ++calls;
        seenTotal = total;
        return done < 1000; // the user cancels after 1 000 rows
    });
    QCOMPARE(seenTotal, 1200);
    QVERIFY(!r.ok);
    QVERIFY(r.cancelled);
    QCOMPARE(calls, 3); // 0, 500, 1000
    QCOMPARE(count(db(), "SELECT count(*) FROM store_days"), 1);
    QCOMPARE(count(db(), "SELECT count(*) FROM outbox"), 0);
    // Cancelling while reading: no plan.
    QByteArray big = kHeader;
    for (int i = 0; i < 5000; ++i)
        big += "2026-11-21,<s1>,5,60,90,3,10,2\n";
    const StoreImportPlan plan = planStoreImport(db(), withUuids(big), [](qint64, qint64) { return false; });
    QVERIFY(plan.cancelled);
    QVERIFY(!plan.ok());
}

void TestStoreImport::undoRestores()
{
    const QByteArray csv = withUuids(kHeader + "2026-11-20,<s1>,9,99,99,9,9,9\n2026-11-21,<s1>,5,60,85,3.5,30,6\n");
    const StoreImportResult r = writeStoreDays(db(), planStoreImport(db(), csv).rows);
    QVERIFY(r.ok);
    QCOMPARE(r.before.size(), 2);
    QString error;
    QVERIFY2(restoreStoreDays(db(), r.before, &error), qPrintable(error));
    QCOMPARE(count(db(), "SELECT receptions FROM store_days WHERE id = 1 AND deleted = 0"), 40);
    QCOMPARE(count(db(), "SELECT count(*) FROM store_days WHERE deleted = 0"), 1);
    QCOMPARE(count(db(), "SELECT count(*) FROM outbox WHERE op = 'delete' AND table_name = 'store_days'"), 1);
    // Redo: the same rows again revive the tombstone instead of adding a second row.
    const StoreImportPlan redo = planStoreImport(db(), csv);
    QCOMPARE(redo.newDays, 1);
    QCOMPARE(redo.replacedDays, 1);
    QVERIFY(writeStoreDays(db(), redo.rows).ok);
    QCOMPARE(count(db(), "SELECT count(*) FROM store_days WHERE deleted = 0"), 2);
    QCOMPARE(count(db(), "SELECT count(*) FROM store_days"), 2);
}

QTEST_GUILESS_MAIN(TestStoreImport)
#include "tst_storeimport.moc"
