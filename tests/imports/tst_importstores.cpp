// Stores, store days and targets through the importer (issue 11: "the store-day importer moves
// into the same framework"; targets importable): headers suggested in English and Chinese, the
// store-day values as the Stores screen always read them, each refusal naming line, column and
// value, a day matched by store and date (re-import unchanged, a changed day updated, a day
// an undo removed imported again), targets' periods and levels, their re-import, and the
// warning where a file's lower levels do not add up. Also: the values a check cannot match, as
// the wizard offers them, and a bulk load of activities.
#include "imports/importmapping.h"
#include "imports/importplan.h"
#include "imports/importwriter.h"
#include "storage/database.h"
#include "storage/logchain.h"

#include <QFile>
#include <QSqlQuery>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::imports;

class TestImportStores : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void suggestsStoreDayColumns();
    void storesAndTheirDays();
    void storeDayValues_data();
    void storeDayValues();
    void storeDayRefusals_data();
    void storeDayRefusals();
    void gb18030AndXlsxLikeDates();
    void dayMatchedByStoreAndDate();
    void undoneDayImportsAgain();
    void storedDaysAndTargetsFoundByKey();
    void targetPeriods_data();
    void targetPeriods();
    void targetLevelsAndRefusals();
    void targetsReimportAndSums();
    void targetCorrectionReasons();
    void unmatchedValuesAreOffered();
    void activitiesBulkLoadKeepsIndexesAndLog();

private:
    QString write(const QString &name, const QByteArray &content);
    ImportPlan plan(Entity entity, const QString &file, OnDuplicate mode = OnDuplicate::Skip, bool createOrg = false);
    ImportWriteResult run(const ImportPlan &p)
    {
        return ImportWriter::write(db(), p, QStringLiteral("test"), QByteArray("{}"));
    }
    QSqlDatabase db() { return m_db->connection(); }
    qint64 count(const QString &sql)
    {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }
    QString firstError(const ImportPlan &p) const
    {
        for (const ImportIssue &i : p.issues)
            if (i.error)
                return i.text(QStringLiteral("f.csv"));
        return {};
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    qint64 m_me = 0;
};

namespace {
const QByteArray kDayHeader = "date,store,staff,receptions,exposure %,dwell minutes,experiences,deals within 72 h\n";
}

void TestImportStores::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<storage::Database>();
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("c.db")), storage::Database::Mode::CreateHere).ok());
    QString error;
    QVERIFY2(ImportWriter::initCompany(db(), QStringLiteral("CNY"), QStringLiteral("王总"), &error), qPrintable(error));
    m_me = m_db->currentUserId().toLongLong();
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO regions (id, code, name, updated_at) VALUES (1, 'E', '华东', 0), (2, 'S', '华南', 0)")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO cities (id, region_id, name, updated_at) VALUES (1, 1, '上海', 0), (2, 1, '杭州', 0),"
                                  " (3, 2, '广州', 0)")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO users (name, role, hire_date, region_id, city_id, updated_at) VALUES"
                                  " ('张伟', 'sales', 20000, 1, 1, 0), ('李娜', 'sales', 20000, 1, 2, 0), ('广州', 'sales', 20000, 2, 3, 0)")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO stores (id, name, region_id, city_id, opened_on, updated_at) VALUES"
                                  " (1, '南京西路店', 1, 1, 19000, 0), (2, '西湖店', 1, 2, 19000, 0)")));
}

void TestImportStores::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

QString TestImportStores::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

// A one-file import whose columns are the ones suggested from the header (as the command line
// and the wizard do).
ImportPlan TestImportStores::plan(Entity entity, const QString &file, OnDuplicate mode, bool createOrg)
{
    QFile f(file);
    f.open(QIODevice::ReadOnly);
    QString head = QString::fromUtf8(f.readLine()).trimmed();
    if (head.startsWith(QChar(0xFEFF)))
        head.remove(0, 1);
    if (head.contains(QChar(0xFFFD))) { // a GB18030 file
        f.seek(0);
        auto dec = QStringDecoder("GB18030");
        head = QString(dec(f.readLine())).trimmed();
    }
    ImportRequest r;
    FileMapping fm;
    fm.entity = entity;
    fm.file = file;
    fm.columns = suggestColumns(entity, head.split(u','));
    r.mapping.files = {fm};
    r.mapping.createOrg = createOrg;
    r.paths = {file};
    r.onDuplicate = mode;
    r.now = 1795046400; // 2026-11-19
    r.actorKey = m_me;
    return planImport(db(), r);
}

void TestImportStores::suggestsStoreDayColumns()
{
    const QStringList english = QString::fromLatin1(kDayHeader).trimmed().split(u',');
    QHash<QString, QString> c = suggestColumns(Entity::StoreDays, english);
    QCOMPARE(c.value(QStringLiteral("day")), QStringLiteral("date"));
    QCOMPARE(c.value(QStringLiteral("store")), QStringLiteral("store"));
    QCOMPARE(c.value(QStringLiteral("exposure")), QStringLiteral("exposure %"));
    QCOMPARE(c.value(QStringLiteral("dwell")), QStringLiteral("dwell minutes"));
    QCOMPARE(c.value(QStringLiteral("deals_72h")), QStringLiteral("deals within 72 h"));
    QCOMPARE(c.size(), 8);
    const QStringList chinese{QStringLiteral("日期"), QStringLiteral("门店"), QStringLiteral("在岗人数"), QStringLiteral("接待组数"),
                              QStringLiteral("主推品曝光率"), QStringLiteral("停留时长(分钟)"), QStringLiteral("体验人数"),
                              QStringLiteral("72小时成交")};
    c = suggestColumns(Entity::StoreDays, chinese);
    QCOMPARE(c.size(), 8);
    QCOMPARE(c.value(QStringLiteral("receptions")), QStringLiteral("接待组数"));
    QCOMPARE(c.value(QStringLiteral("dwell")), QStringLiteral("停留时长(分钟)"));
}

void TestImportStores::storesAndTheirDays()
{
    // A new store (with its region and city by name) and a stored one, then days of both,
    // the new one named by its id in the stores file.
    const QString stores = write(QStringLiteral("stores.csv"),
                                 "store id,store name,region,city,opened\nS9,陆家嘴店,华东,上海,2026-01-15\nS1,南京西路店,华东,上海,\n");
    ImportPlan p = plan(Entity::Stores, stores);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QCOMPARE(p.files.first().counts.created, 1);
    QCOMPARE(p.files.first().counts.unchanged, 1);
    ImportWriteResult w = run(p);
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM stores WHERE name = '陆家嘴店' AND city_id = 1 AND opened_on = 20468")), 1);
    QCOMPARE(count(QStringLiteral("SELECT opened_on FROM stores WHERE id = 1")), 19000); // kept
    const QString days = write(QStringLiteral("days.csv"), kDayHeader + "2026-11-20,S9,5,60,85,3.5,30,6\n2026-11-20,西湖店,4,40,0.9,2,10,0\n");
    p = plan(Entity::StoreDays, days);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QCOMPARE(p.refusedRows(), 0);
    QCOMPARE(p.files.first().counts.created, 2);
    w = run(p);
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM store_days d JOIN stores s ON s.id = d.store_id WHERE s.name = '陆家嘴店'"
                                  " AND d.day = 20777 AND d.exposure_bp = 8500 AND d.dwell_seconds = 210 AND d.deals_72h = 6")), 1);
    QCOMPARE(count(QStringLiteral("SELECT exposure_bp FROM store_days WHERE store_id = 2")), 9000);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE table_name = 'store_days' AND op = 'insert'")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE table_name = 'stores' AND op = 'insert'")), 1);
    // The whole import undone: its days are tombstones, so sync carries the removal.
    QString error;
    QVERIFY2(ImportWriter::undo(db(), w.runId, m_me, &error), qPrintable(error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM store_days WHERE deleted = 0")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM store_days WHERE deleted = 1")), 2);
}

void TestImportStores::storeDayValues_data()
{
    QTest::addColumn<QString>("exposure");
    QTest::addColumn<QString>("dwell");
    QTest::addColumn<qint64>("bp");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("percent") << "85" << "3.5" << qint64(8500) << qint64(210);
    QTest::newRow("percent sign") << "85%" << "3" << qint64(8500) << qint64(180);
    QTest::newRow("decimal percent") << "85.5 %" << "0.5" << qint64(8550) << qint64(30);
    QTest::newRow("fraction") << "0.85" << "10" << qint64(8500) << qint64(600);
    QTest::newRow("one as a fraction") << "1.0" << "0" << qint64(10000) << qint64(0);
    QTest::newRow("one is a percent") << "1" << "1" << qint64(100) << qint64(60);
    QTest::newRow("full-width") << "９０％" << "３.５" << qint64(9000) << qint64(210);
}

void TestImportStores::storeDayValues()
{
    QFETCH(QString, exposure);
    QFETCH(QString, dwell);
    QFETCH(qint64, bp);
    QFETCH(qint64, seconds);
    const QString f = write(QStringLiteral("v.csv"), kDayHeader + QStringLiteral("2026-11-21,西湖店,5,60,\"%1\",%2,10,2\n").arg(exposure, dwell).toUtf8());
    const ImportPlan p = plan(Entity::StoreDays, f);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QVERIFY2(p.refusedRows() == 0, qPrintable(firstError(p)));
    QCOMPARE(p.storeDays.front().exposureBp, bp);
    QCOMPARE(p.storeDays.front().dwellSeconds, seconds);
}

void TestImportStores::storeDayRefusals_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown store") << QByteArray("2026-11-20,无此店,5,60,85,3,30,6")
                                   << "f.csv, line 3, column store, value \"无此店\": no such store (import the stores first)";
    QTest::newRow("bad date") << QByteArray("2026-13-40,西湖店,5,60,85,3,30,6")
                              << "f.csv, line 3, column date, value \"2026-13-40\": is not a day of the calendar";
    QTest::newRow("negative count") << QByteArray("2026-11-20,西湖店,-1,60,85,3,30,6")
                                    << "f.csv, line 3, column staff, value \"-1\": not a whole number from 0 to 1000000000";
    QTest::newRow("fraction of a person") << QByteArray("2026-11-20,西湖店,2.5,60,85,3,30,6")
                                          << "f.csv, line 3, column staff, value \"2.5\": not a whole number from 0 to 1000000000";
    QTest::newRow("exposure above 100") << QByteArray("2026-11-20,西湖店,5,60,120,3,30,6")
                                        << "f.csv, line 3, column exposure %, value \"120\": an exposure is from 0 to 100 %";
    QTest::newRow("exposure words") << QByteArray("2026-11-20,西湖店,5,60,high,3,30,6")
                                    << "f.csv, line 3, column exposure %, value \"high\": is not a percentage (write 85, 85% or 0.85)";
    QTest::newRow("dwell words") << QByteArray("2026-11-20,西湖店,5,60,85,long,30,6")
                                 << "f.csv, line 3, column dwell minutes, value \"long\": not a number of minutes from 0 to 1440";
    QTest::newRow("deals above experiences") << QByteArray("2026-11-20,西湖店,5,60,85,3,3,6")
                                             << "f.csv, line 3, column deals within 72 h, value \"6\": more deals than experiences given (3)";
    QTest::newRow("receptions without staff") << QByteArray("2026-11-20,西湖店,0,60,85,3,30,6")
                                              << "f.csv, line 3, column receptions, value \"60\": customer groups received with no staff on duty";
    QTest::newRow("empty count") << QByteArray("2026-11-20,西湖店,5,,85,3,30,6")
                                 << "f.csv, line 3, column receptions: is empty";
    QTest::newRow("same store and day") << QByteArray("2026-11-21,西湖店,5,60,85,3,30,6")
                                        << "f.csv, line 3, column date, value \"2026-11-21\": the same store and day as line 2";
}

void TestImportStores::storeDayRefusals()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, message);
    const QString f = write(QStringLiteral("f.csv"), kDayHeader + "2026-11-21,西湖店,5,60,85,3,30,6\n" + row + "\n");
    const ImportPlan p = plan(Entity::StoreDays, f);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QCOMPARE(p.refusedRows(), 1);
    QCOMPARE(firstError(p), message);
    QCOMPARE(p.storeDays.size(), std::size_t(1)); // the good row stays
}

void TestImportStores::gb18030AndXlsxLikeDates()
{
    const QString text = QStringLiteral("日期,门店,在岗人数,接待组数,主推品曝光率,停留时长,体验人数,72小时成交\r\n"
                                        "2026/11/21,西湖店,4,50,93%,3.6,20,5\r\n2026年11月22日,南京西路店,3,30,0.95,4,2,1\r\n");
    auto enc = QStringEncoder("GB18030");
    const QString f = write(QStringLiteral("gb.csv"), enc(text));
    const ImportPlan p = plan(Entity::StoreDays, f);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QVERIFY2(p.refusedRows() == 0, qPrintable(firstError(p)));
    QCOMPARE(p.storeDays.size(), std::size_t(2));
    QCOMPARE(p.storeDays[0].day, qint64(20778)); // 2026-11-21
    QCOMPARE(p.storeDays[0].exposureBp, qint64(9300));
    QCOMPARE(p.storeDays[0].dwellSeconds, qint64(216));
    QCOMPARE(p.storeDays[1].day, qint64(20779));
    QCOMPARE(p.storeDays[1].store.existing, qint64(1));
}

void TestImportStores::dayMatchedByStoreAndDate()
{
    const QString f = write(QStringLiteral("d.csv"), kDayHeader + "2026-11-21,西湖店,5,60,85,3,30,6\n2026-11-22,西湖店,5,61,91,3.25,30,7\n");
    ImportWriteResult w = run(plan(Entity::StoreDays, f));
    QVERIFY2(w.ok, qPrintable(w.error));
    // The same file again: nothing changes.
    ImportPlan again = plan(Entity::StoreDays, f);
    QCOMPARE(again.files.first().counts.unchanged, 2);
    QCOMPARE(again.files.first().counts.created, 0);
    // A corrected file (a day's receptions) without an id column: the same day, updated.
    const QString fixed = write(QStringLiteral("d2.csv"), kDayHeader + "2026-11-21,西湖店,5,65,85,3,30,6\n2026-11-22,西湖店,5,61,91,3.25,30,7\n");
    ImportPlan skip = plan(Entity::StoreDays, fixed);
    QCOMPARE(skip.files.first().counts.skipped, 1);
    QCOMPARE(skip.files.first().counts.unchanged, 1);
    ImportPlan upd = plan(Entity::StoreDays, fixed, OnDuplicate::Update);
    QCOMPARE(upd.files.first().counts.updated, 1);
    const qint64 outbox = count(QStringLiteral("SELECT count(*) FROM outbox"));
    w = run(upd);
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT receptions FROM store_days WHERE day = 20778")), 65);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM store_days")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), outbox + 1);
    // Its undo puts the day's receptions back.
    QString error;
    QVERIFY2(ImportWriter::undo(db(), w.runId, m_me, &error), qPrintable(error));
    QCOMPARE(count(QStringLiteral("SELECT receptions FROM store_days WHERE day = 20778")), 60);
}

void TestImportStores::undoneDayImportsAgain()
{
    const QString f = write(QStringLiteral("d.csv"), kDayHeader + "2026-11-21,西湖店,5,60,85,3,30,6\n");
    ImportWriteResult w = run(plan(Entity::StoreDays, f));
    QVERIFY2(w.ok, qPrintable(w.error));
    QString error;
    QVERIFY2(ImportWriter::undo(db(), w.runId, m_me, &error), qPrintable(error));
    // The table has one row per store and day: the tombstone comes back (even in skip mode).
    const ImportPlan p = plan(Entity::StoreDays, f);
    QCOMPARE(p.files.first().counts.updated, 1);
    w = run(p);
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM store_days WHERE deleted = 0 AND receptions = 60")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM store_days")), 1);
    QVERIFY2(ImportWriter::undo(db(), w.runId, m_me, &error), qPrintable(error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM store_days WHERE deleted = 0")), 0);
}

// Days and targets the database holds from elsewhere (the Stores screen, the demo, sync), with
// no import key: each row of a file is matched to them by its store and day, or its period and
// unit, looked up one at a time (a re-import holds none of them in memory).
void TestImportStores::storedDaysAndTargetsFoundByKey()
{
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO store_days (store_id, day, staff, receptions, exposure_bp, dwell_seconds, experiences,"
                                  " deals_72h, updated_at, deleted) VALUES (2, 20778, 5, 60, 8500, 180, 30, 6, 0, 0),"
                                  " (2, 20779, 5, 70, 8500, 180, 30, 6, 0, 0), (2, 20780, 5, 60, 8500, 180, 30, 6, 0, 1),"
                                  " (1, 20781, 5, 60, 8500, 180, 30, 6, 0, 0)")));
    // The same day of the other store is not a duplicate of store 1's.
    const QString f = write(QStringLiteral("d.csv"), kDayHeader + "2026-11-21,西湖店,5,60,85,3,30,6\n2026-11-22,西湖店,5,61,85,3,30,6\n"
                                                                   "2026-11-23,西湖店,5,62,85,3,30,6\n2026-11-24,西湖店,5,63,85,3,30,6\n");
    const ImportPlan p = plan(Entity::StoreDays, f);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    const auto &c = p.files.first().counts;
    QCOMPARE(c.unchanged, 1); // 11-21 as stored
    QCOMPARE(c.skipped, 1);   // 11-22 differs, and skip keeps the stored one
    QCOMPARE(c.updated, 1);   // 11-23 was a tombstone: revived
    QCOMPARE(c.created, 1);   // 11-24 is store 1's only
    ImportWriteResult w = run(plan(Entity::StoreDays, f, OnDuplicate::Update));
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM store_days")), 5);
    QCOMPARE(count(QStringLiteral("SELECT receptions FROM store_days WHERE store_id = 2 AND day = 20779")), 61);
    QCOMPARE(count(QStringLiteral("SELECT receptions FROM store_days WHERE store_id = 2 AND day = 20780 AND deleted = 0")), 62);

    // A company target of March 2026 and a city's (上海, id 1), stored without import keys.
    const qint64 march = QDate(1970, 1, 1).daysTo(QDate(2026, 3, 1));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO targets (period_kind, period_start, org_level, org_id, amount_cents, status, updated_at)"
                                  " VALUES ('month', %1, 'company', NULL, 100000000, 'approved', 0),"
                                  " ('month', %1, 'city', 1, 30000000, 'approved', 0)").arg(march)));
    const QString t = write(QStringLiteral("t.csv"), "period,level,org,target\n2026-03,company,,1200000\n2026-03,city,上海,400000\n"
                                                    "2026-03,city,杭州,300000\n");
    const ImportPlan tp = plan(Entity::Targets, t, OnDuplicate::Update);
    QVERIFY2(tp.ok(), qPrintable(tp.fatal));
    QCOMPARE(tp.files.first().counts.updated, 2);
    QCOMPARE(tp.files.first().counts.created, 1); // 杭州 has none
    w = run(tp);
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM targets WHERE deleted = 0")), 3);
    QCOMPARE(count(QStringLiteral("SELECT amount_cents FROM targets WHERE org_level = 'city' AND org_id = 1")), 40000000);
}

void TestImportStores::targetPeriods_data()
{
    QTest::addColumn<QString>("period");
    QTest::addColumn<QString>("kind"); // the period kind column ("" = none)
    QTest::addColumn<QString>("expectKind");
    QTest::addColumn<QString>("expectStart"); // ISO date; "" = refused
    QTest::newRow("year") << "2026" << "" << "year" << "2026-01-01";
    QTest::newRow("year, Chinese") << "2026年" << "" << "year" << "2026-01-01";
    QTest::newRow("year, FY") << "FY2026" << "" << "year" << "2026-01-01";
    QTest::newRow("quarter") << "2026-Q2" << "" << "quarter" << "2026-04-01";
    QTest::newRow("quarter, joined") << "2026Q3" << "" << "quarter" << "2026-07-01";
    QTest::newRow("quarter first") << "Q4 2026" << "" << "quarter" << "2026-10-01";
    QTest::newRow("quarter, Chinese") << "2026年第1季度" << "" << "quarter" << "2026-01-01";
    QTest::newRow("quarter, Chinese numeral") << "2026年二季度" << "" << "quarter" << "2026-04-01";
    QTest::newRow("month") << "2026-03" << "" << "month" << "2026-03-01";
    QTest::newRow("month, slash") << "2026/3" << "" << "month" << "2026-03-01";
    QTest::newRow("month, joined") << "202611" << "" << "month" << "2026-11-01";
    QTest::newRow("month, Chinese") << "2026年3月" << "" << "month" << "2026-03-01";
    QTest::newRow("month as a date") << "2026-03-01" << "" << "month" << "2026-03-01";
    QTest::newRow("date with quarter kind") << "2026-05-17" << "季度" << "quarter" << "2026-04-01";
    QTest::newRow("date with year kind") << "2026-05-17" << "year" << "year" << "2026-01-01";
    QTest::newRow("date without kind") << "2026-05-17" << "" << "" << "";
    QTest::newRow("kind disagrees") << "2026-03" << "quarter" << "" << "";
    QTest::newRow("bad kind") << "2026-03" << "weekly" << "" << "";
    QTest::newRow("words") << "next spring" << "" << "" << "";
    QTest::newRow("month 13") << "2026-13" << "" << "" << "";
}

void TestImportStores::targetPeriods()
{
    QFETCH(QString, period);
    QFETCH(QString, kind);
    QFETCH(QString, expectKind);
    QFETCH(QString, expectStart);
    const QString f = write(QStringLiteral("t.csv"), QStringLiteral("period,period kind,target\n%1,%2,\"¥1,000,000\"\n").arg(period, kind).toUtf8());
    const ImportPlan p = plan(Entity::Targets, f);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    if (expectStart.isEmpty()) {
        QCOMPARE(p.refusedRows(), 1);
        return;
    }
    QVERIFY2(p.refusedRows() == 0, qPrintable(firstError(p)));
    const PlannedTarget &t = p.targets.front();
    QCOMPARE(t.periodKind, expectKind);
    QCOMPARE(t.periodStart, QDate(1970, 1, 1).daysTo(QDate::fromString(expectStart, Qt::ISODate)));
    QCOMPARE(t.level, QStringLiteral("company"));
    QCOMPARE(t.amountCents, qint64(100000000));
    QCOMPARE(t.status, QStringLiteral("approved"));
}

void TestImportStores::targetLevelsAndRefusals()
{
    // The org cell alone names the node when only one unit or person has that name; "广州"
    // is both a city and a person, so it needs the level.
    const QString f = write(QStringLiteral("f.csv"),
                            "周期,层级,组织,目标金额,分级,增长率,修正,状态\n"
                            "2026-Q1,,华东,500万,A,10%,2%,草稿\n"
                            "2026-Q1,,杭州,200万,B,0.15,-0.03,\n"
                            "2026-Q1,销售,张伟,120万,C,20,,approved\n"
                            "2026-Q1,城市,广州,100万,,,,\n"
                            "2026-Q1,,广州,80万,,,,\n"
                            "2026-Q1,region,华北,80万,,,,\n"
                            "2026-Q1,region,华南,80万,D,,,\n"
                            "2026-Q1,region,华南,80万,,,6%,\n"
                            "2026-Q1,company,,-5,,,,\n");
    const ImportPlan p = plan(Entity::Targets, f);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QCOMPARE(p.targets.size(), std::size_t(4));
    QCOMPARE(p.targets[0].level, QStringLiteral("region"));
    QCOMPARE(p.targets[0].org.existing, qint64(1));
    QCOMPARE(p.targets[0].status, QStringLiteral("draft"));
    QCOMPARE(p.targets[0].growthBp, qint64(1000));
    QCOMPARE(p.targets[0].correctionBp, qint64(200));
    QCOMPARE(p.targets[1].level, QStringLiteral("city"));
    QCOMPARE(p.targets[1].org.existing, qint64(2));
    QCOMPARE(p.targets[1].correctionBp, qint64(-300));
    QCOMPARE(p.targets[2].level, QStringLiteral("rep"));
    QCOMPARE(p.targets[2].amountCents, qint64(120000000));
    QCOMPARE(p.targets[3].level, QStringLiteral("city"));
    QCOMPARE(p.targets[3].org.existing, qint64(3));
    QStringList errors;
    for (const ImportIssue &i : p.issues)
        if (i.error)
            errors << i.text(QStringLiteral("f.csv"));
    QCOMPARE(errors, (QStringList{
        QStringLiteral("f.csv, line 6, column 组织, value \"广州\": more than one unit or person has this name: add a level column"),
        QStringLiteral("f.csv, line 7, column 组织, value \"华北\": no such unit or person (import the people and org first)"),
        QStringLiteral("f.csv, line 8, column 分级, value \"D\": not A, B or C"),
        QStringLiteral("f.csv, line 9, column 修正, value \"6%\": an external correction is within ±5 %"),
        QStringLiteral("f.csv, line 10, column 目标金额, value \"-5\": a target below zero"),
    }));
    ImportWriteResult w = run(p);
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM targets WHERE period_kind = 'quarter' AND period_start = 20454")), 4);
    QCOMPARE(count(QStringLiteral("SELECT amount_cents FROM targets WHERE org_level = 'rep'")), 120000000);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE table_name = 'targets' AND op = 'insert'")), 4);
}

void TestImportStores::targetsReimportAndSums()
{
    // East's cities add up to 5 M; the file says 6 M for the region: said, not changed.
    const QString f = write(QStringLiteral("t.csv"),
                            "period,level,org,target\n2026-03,company,,10000000\n2026-03,region,华东,6000000\n"
                            "2026-03,city,上海,3000000\n2026-03,city,杭州,2000000\n2026-03,region,华南,4000000\n");
    const ImportPlan p = plan(Entity::Targets, f);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QCOMPARE(p.refusedRows(), 0);
    QStringList warnings;
    for (const ImportIssue &i : p.issues)
        if (!i.error)
            warnings << i.text(QStringLiteral("t.csv"));
    QCOMPARE(warnings, QStringList{QStringLiteral("t.csv, line 3, column target, value \"¥6,000,000\": the targets of the level below "
                                                  "in the file (2) add up to ¥5,000,000, not this amount")});
    ImportWriteResult w = run(p);
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM targets WHERE deleted = 0")), 5);
    // Again: unchanged. A corrected region amount, in update mode: that one target changes,
    // found by its period and unit (the file has no id column).
    QCOMPARE(plan(Entity::Targets, f).files.first().counts.unchanged, 5);
    const QString fixed = write(QStringLiteral("t2.csv"), "period,level,org,target\n2026-03,region,华东,5000000\n");
    const ImportPlan upd = plan(Entity::Targets, fixed, OnDuplicate::Update);
    QCOMPARE(upd.files.first().counts.updated, 1);
    w = run(upd);
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT amount_cents FROM targets WHERE org_level = 'region' AND org_id = 1")), 500000000);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM targets WHERE deleted = 0")), 5);
}

// The reason for a target's correction (schema v8): its column found by its English and Chinese
// names, kept as the file says; a correction without one is imported and said; a re-import
// with a changed reason updates it, one without the column leaves the stored reason alone.
void TestImportStores::targetCorrectionReasons()
{
    QCOMPARE(suggestColumns(Entity::Targets, {QStringLiteral("period"), QStringLiteral("Correction Reason")})
                 .value(QStringLiteral("correction_reason")),
             QStringLiteral("Correction Reason"));
    QCOMPARE(suggestColumns(Entity::Targets, {QStringLiteral("周期"), QStringLiteral("修正"), QStringLiteral("调整原因")})
                 .value(QStringLiteral("correction_reason")),
             QStringLiteral("调整原因"));
    const QString f = write(QStringLiteral("r.csv"), "周期,层级,组织,目标金额,修正,修正原因\n"
                                                    "2026-Q1,region,华东,500万,2%,新品上市\n"
                                                    "2026-Q1,city,杭州,200万,-3%,\n"
                                                    "2026-Q1,city,上海,300万,,\n");
    const ImportPlan p = plan(Entity::Targets, f);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QCOMPARE(p.refusedRows(), 0);
    QCOMPARE(p.targets[0].correctionReason, QStringLiteral("新品上市"));
    QStringList warnings;
    for (const ImportIssue &i : p.issues)
        if (!i.error)
            warnings << i.text(QStringLiteral("r.csv"));
    QCOMPARE(warnings, QStringList{QStringLiteral("r.csv, line 3, column 修正, value \"-3%\": a correction without a reason: "
                                                  "imported; its reason can be given on the Targets tab")});
    ImportWriteResult w = run(p);
    QVERIFY2(w.ok, qPrintable(w.error));
    auto reason = [&](const char *level, int org) {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("SELECT correction_reason FROM targets WHERE org_level = ? AND org_id = ?"));
        q.addBindValue(QLatin1String(level));
        q.addBindValue(org);
        return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("(none)");
    };
    QCOMPARE(reason("region", 1), QStringLiteral("新品上市"));
    QCOMPARE(reason("city", 2), QString());
    QCOMPARE(reason("city", 1), QString());

    // Again with 杭州's reason given: updated. Without the column: the reasons stay.
    const QString given = write(QStringLiteral("r2.csv"), "周期,层级,组织,目标金额,修正,调整原因\n2026-Q1,city,杭州,200万,-3%,区域市场收缩\n");
    w = run(plan(Entity::Targets, given, OnDuplicate::Update));
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(reason("city", 2), QStringLiteral("区域市场收缩"));
    // The update's outbox entry carries it to the server (an insert's is the row as committed).
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE table_name = 'targets' AND op = 'update'"
                                  " AND json_extract(fields, '$.correction_reason') = '区域市场收缩'")), 1);
    const QString without = write(QStringLiteral("r3.csv"), "周期,层级,组织,目标金额,修正\n2026-Q1,region,华东,500万,2%\n");
    w = run(plan(Entity::Targets, without, OnDuplicate::Update));
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(reason("region", 1), QStringLiteral("新品上市"));
}

// A company's own stage names and a rep the database does not know: refused, counted per value
// with what each can be read as; read as a stage and a person that exist, the rows import.
void TestImportStores::unmatchedValuesAreOffered()
{
    const ImportWriteResult customers = run(plan(Entity::Customers, write(QStringLiteral("c.csv"), "客户名称\n甲公司\n")));
    QVERIFY2(customers.ok, qPrintable(customers.error));
    const QString f = write(QStringLiteral("leads.csv"), "商机编号,客户名称,负责人,阶段,金额\nL1,甲公司,张伟,触达,1000\nL2,甲公司,张三,初步接触,2000\n"
                                                         "L3,甲公司,张伟,初步接触,3000\nL4,甲公司,张三,需求确认,4000\n");
    ImportRequest r;
    FileMapping fm;
    fm.entity = Entity::Leads;
    fm.file = f;
    fm.columns = suggestColumns(Entity::Leads, {QStringLiteral("商机编号"), QStringLiteral("客户名称"), QStringLiteral("负责人"),
                                                QStringLiteral("阶段"), QStringLiteral("金额")});
    r.mapping.files = {fm};
    r.paths = {f};
    r.now = 1795046400;
    r.actorKey = m_me;
    ImportPlan p = planImport(db(), r);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QCOMPARE(p.refusedRows(), 3);
    QCOMPARE(p.unmatched.size(), std::size_t(2));
    QCOMPARE(p.unmatched[0].field, QStringLiteral("owner"));
    QCOMPARE(p.unmatched[0].value, QStringLiteral("张三"));
    QCOMPARE(p.unmatched[0].rows, qint64(2));
    QCOMPARE(p.unmatched[1].field, QStringLiteral("stage"));
    QCOMPARE(p.unmatched[1].value, QStringLiteral("初步接触"));
    QCOMPARE(p.unmatched[1].rows, qint64(2)); // L2 is refused for its stage and its owner: both count
    QVERIFY(p.choices.value(QStringLiteral("owner")).contains(QStringLiteral("李娜")));
    QCOMPARE(p.choices.value(QStringLiteral("stage")).first(), QStringLiteral("触达"));
    // Matched as the wizard does: values of the mapping.
    r.mapping.files[0].values[QStringLiteral("owner")].insert(QStringLiteral("张三"), QStringLiteral("李娜"));
    r.mapping.files[0].values[QStringLiteral("stage")].insert(QStringLiteral("初步接触"), QStringLiteral("触达"));
    p = planImport(db(), r);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QCOMPARE(p.refusedRows(), 0);
    QVERIFY(p.unmatched.empty());
    QCOMPARE(p.leads.size(), std::size_t(4));
}

// 20 000 activities or more into a file holding fewer: their indexes are dropped and built
// again after the rows; every index is back, every activity chained, the log verifies.
void TestImportStores::activitiesBulkLoadKeepsIndexesAndLog()
{
    QVERIFY(run(plan(Entity::Customers, write(QStringLiteral("c.csv"), "客户名称\n甲公司\n"))).ok);
    QVERIFY(run(plan(Entity::Leads, write(QStringLiteral("l.csv"), "商机编号,客户名称,负责人,阶段,创建日期\nL1,甲公司,张伟,触达,2025-01-02\n"))).ok);
    const qint64 indexes = count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index'"));
    QByteArray csv = "编号,商机编号,销售,类型,时间,内容\n";
    for (int i = 0; i < 20001; ++i)
        csv += "A" + QByteArray::number(i) + ",L1,张伟," + (i % 2 ? "电话" : "微信") + ",2025-0" + QByteArray::number(2 + i % 7)
               + "-1" + QByteArray::number(i % 10) + " 10:" + QByteArray::number(10 + i % 50) + ",记录\n";
    const ImportPlan p = plan(Entity::Activities, write(QStringLiteral("a.csv"), csv));
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QVERIFY2(p.refusedRows() == 0, qPrintable(firstError(p)));
    const ImportWriteResult w = run(p);
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM activities WHERE deleted = 0")), 20001);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index'")), indexes);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM activities WHERE log_seq IS NULL")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pragma_index_list('activities')")), indexes - count(QStringLiteral(
        "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name <> 'activities'")));
    const storage::VerifyResult v = storage::logchain::verify(storage::sqliteHandle(db()));
    QVERIFY2(v.ok, qPrintable(v.message));
}

QTEST_GUILESS_MAIN(TestImportStores)
#include "tst_importstores.moc"
