// The importer (models/imports) on small files written here: columns suggested from Chinese
// and English headers, every refusal naming line, column and value, a malformed line that
// hides no good one, duplicates inside the file and against the database, the three
// duplicate modes, undo of a whole import, the error file, and the mapping's JSON.
#include "imports/importmapping.h"
#include "imports/importplan.h"
#include "imports/importwriter.h"
#include "storage/database.h"
#include "storage/logchain.h"
#include "storage/exitactions.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::imports;

class TestImportPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void suggestsColumnsFromHeaders_data();
    void suggestsColumnsFromHeaders();
    void customersWithChineseHeaders();
    void refusalsNameLineColumnAndValue_data();
    void refusalsNameLineColumnAndValue();
    void openQuoteHidesNoGoodRow();
    void duplicateModesAndUndo();
    void errorFileHoldsRowsAsTheyWere();
    void mappingJson_data();
    void mappingJson();
    void mappingReadsAsTheUserSays();
    void currencyIsNeverConverted();
    void headerOnlyAndMissingColumn();
    void bulkLoadKeepsIndexesAndLog();
    void contactsAndActivities();
    void ordersAndPayments();

private:
    QString write(const QString &name, const QByteArray &content);
    ImportPlan plan(Entity entity, const QString &file, const QHash<QString, QString> &columns,
                    OnDuplicate mode = OnDuplicate::Skip, const QString &currency = {});
    QSqlDatabase db() { return m_db->connection(); }
    qint64 count(const QString &sql)
    {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    qint64 m_me = 0;
};

void TestImportPlan::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<storage::Database>();
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("c.db")), storage::Database::Mode::CreateHere).ok());
    QString error;
    QVERIFY2(ImportWriter::initCompany(db(), QStringLiteral("CNY"), QStringLiteral("王总"), &error), qPrintable(error));
    m_me = m_db->currentUserId().toLongLong();
    QVERIFY(m_me > 0);
    // One rep the leads files name.
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO users (name, role, hire_date, updated_at) VALUES ('张伟', 'sales', 20000, 0)")));
}

void TestImportPlan::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

QString TestImportPlan::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

ImportPlan TestImportPlan::plan(Entity entity, const QString &file, const QHash<QString, QString> &columns,
                                OnDuplicate mode, const QString &currency)
{
    ImportRequest r;
    FileMapping fm;
    fm.entity = entity;
    fm.file = file;
    fm.columns = columns;
    r.mapping.files = {fm};
    r.mapping.currency = currency;
    r.paths = {file};
    r.onDuplicate = mode;
    r.now = 1764547200; // 2025-12-01
    r.actorKey = m_me;
    return planImport(db(), r);
}

void TestImportPlan::suggestsColumnsFromHeaders_data()
{
    QTest::addColumn<int>("entity");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QStringList>("expected"); // field=header pairs
    QTest::newRow("customers, Chinese") << int(Entity::Customers)
        << QStringList{QStringLiteral("客户名称"), QStringLiteral("所属行业"), QStringLiteral("联系电话"), QStringLiteral("负责人")}
        << QStringList{QStringLiteral("name=客户名称"), QStringLiteral("industry=所属行业"), QStringLiteral("phone=联系电话"),
                       QStringLiteral("owner=负责人")};
    QTest::newRow("leads, Maven") << int(Entity::Leads)
        << QStringList{QStringLiteral("opportunity_id"), QStringLiteral("sales_agent"), QStringLiteral("product"),
                       QStringLiteral("account"), QStringLiteral("deal_stage"), QStringLiteral("close_date"), QStringLiteral("close_value")}
        << QStringList{QStringLiteral("external_id=opportunity_id"), QStringLiteral("owner=sales_agent"),
                       QStringLiteral("product=product"), QStringLiteral("customer=account"), QStringLiteral("stage=deal_stage"),
                       QStringLiteral("closed=close_date"), QStringLiteral("amount=close_value")};
    QTest::newRow("leads, Chinese, spaced and full-width") << int(Entity::Leads)
        << QStringList{QStringLiteral("客户"), QStringLiteral("商机阶段"), QStringLiteral("商机金额（元）"), QStringLiteral("Close Date")}
        << QStringList{QStringLiteral("customer=客户"), QStringLiteral("stage=商机阶段"), QStringLiteral("amount=商机金额（元）"),
                       QStringLiteral("closed=Close Date")};
}

void TestImportPlan::suggestsColumnsFromHeaders()
{
    QFETCH(int, entity);
    QFETCH(QStringList, header);
    QFETCH(QStringList, expected);
    const QHash<QString, QString> got = suggestColumns(Entity(entity), header);
    QStringList pairs;
    for (auto it = got.cbegin(); it != got.cend(); ++it)
        pairs << it.key() + u'=' + it.value();
    pairs.sort();
    expected.sort();
    QCOMPARE(pairs, expected);
}

void TestImportPlan::customersWithChineseHeaders()
{
    const QString file = write(QStringLiteral("c.csv"), QStringLiteral("客户名称,行业,电话,核心需求,来源,成交周期\n"
                                                                       "博世（中国）有限公司,制造,021-12345678,产线升级,展会,90\n"
                                                                       "宁德时代,新能源,0593 8888 8888,储能,官网,\n").toUtf8());
    const ImportPlan p = plan(Entity::Customers, file, suggestColumns(Entity::Customers, {QStringLiteral("客户名称"), QStringLiteral("行业"),
                                                                                           QStringLiteral("电话"), QStringLiteral("核心需求"),
                                                                                           QStringLiteral("来源"), QStringLiteral("成交周期")}));
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QCOMPARE(p.files.first().counts.created, 2);
    QCOMPARE(p.refusedRows(), 0);
    const ImportWriteResult w = ImportWriter::write(db(), p, file, {});
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE deleted = 0")), 2);
    QCOMPARE(count(QStringLiteral("SELECT close_cycle_days FROM customers WHERE name LIKE '博世%'")), 90);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE pinyin_initials LIKE 'bs%'")), 1);
    // Owner: the person importing (a warning says so); every row has its outbox entry.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE owner_id = %1").arg(m_me)), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE table_name = 'customers' AND op = 'insert'")), 2);
    // "博世 China Ltd." is the same company as "博世（中国）有限公司"? No: only legal suffixes fold.
    const QString again = write(QStringLiteral("c2.csv"), QStringLiteral("客户名称\n博世（中国）\n宁德时代股份有限公司\n").toUtf8());
    const ImportPlan p2 = plan(Entity::Customers, again, {{QStringLiteral("name"), QStringLiteral("客户名称")}});
    QCOMPARE(p2.files.first().counts.unchanged, 2);
}

void TestImportPlan::refusalsNameLineColumnAndValue_data()
{
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("reason");
    QTest::newRow("bad date") << QStringLiteral("L2,客户甲,张伟,需求诊断,12000,2026-13-45,") << QStringLiteral("created")
                              << QStringLiteral("2026-13-45") << QStringLiteral("");
    QTest::newRow("unclear money") << QStringLiteral("L2,客户甲,张伟,需求诊断,\"1,5\",2026-03-05,") << QStringLiteral("amount")
                                   << QStringLiteral("1,5") << QStringLiteral("");
    QTest::newRow("unknown stage") << QStringLiteral("L2,客户甲,张伟,随便,100,2026-03-05,") << QStringLiteral("stage")
                                   << QStringLiteral("随便") << QStringLiteral("not a stage");
    QTest::newRow("unknown owner") << QStringLiteral("L2,客户甲,李四,需求诊断,100,2026-03-05,") << QStringLiteral("owner")
                                   << QStringLiteral("李四") << QStringLiteral("no such person");
    QTest::newRow("closes before created") << QStringLiteral("L2,客户甲,张伟,赢单,100,2026-03-05,2026-01-01")
                                           << QStringLiteral("closed") << QStringLiteral("2026-01-01")
                                           << QStringLiteral("closes before it was created");
    QTest::newRow("placeholder date") << QStringLiteral("L2,客户甲,张伟,需求诊断,100,9999-12-31,") << QStringLiteral("created")
                                      << QStringLiteral("9999-12-31") << QStringLiteral("");
    QTest::newRow("unknown customer") << QStringLiteral("L2,客户乙,张伟,需求诊断,100,2026-03-05,") << QStringLiteral("customer")
                                      << QStringLiteral("客户乙") << QStringLiteral("no such customer");
    QTest::newRow("same id as line 2") << QStringLiteral("L1,客户甲,张伟,需求诊断,100,2026-03-05,") << QStringLiteral("external_id")
                                       << QStringLiteral("L1") << QStringLiteral("the same id as line 2");
}

void TestImportPlan::refusalsNameLineColumnAndValue()
{
    QFETCH(QString, row);
    QFETCH(QString, column);
    QFETCH(QString, value);
    QFETCH(QString, reason);
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO customers (name, owner_id, source, phone, core_need, close_cycle_days, created_at, updated_at) "
                                  "VALUES ('客户甲', %1, '', '', '', 0, 0, 0)").arg(m_me)));
    // A good row before and after the bad one (line 3): both stay good.
    const QString file = write(QStringLiteral("l.csv"), (QStringLiteral("id,客户,负责人,阶段,金额,创建日期,关闭日期\n"
                                                                        "L1,客户甲,张伟,15分钟初筛,100,2026-03-01,\n")
                                                         + row + QStringLiteral("\nL3,客户甲,张伟,需求诊断,200,2026-03-02,\n")).toUtf8());
    const QHash<QString, QString> cols{{QStringLiteral("external_id"), QStringLiteral("id")}, {QStringLiteral("customer"), QStringLiteral("客户")},
                                       {QStringLiteral("owner"), QStringLiteral("负责人")}, {QStringLiteral("stage"), QStringLiteral("阶段")},
                                       {QStringLiteral("amount"), QStringLiteral("金额")}, {QStringLiteral("created"), QStringLiteral("创建日期")},
                                       {QStringLiteral("closed"), QStringLiteral("关闭日期")}};
    const ImportPlan p = plan(Entity::Leads, file, cols);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QCOMPARE(p.refusedRows(), 1);
    QCOMPARE(p.leads.size(), std::size_t(2));
    const auto issue = std::find_if(p.issues.begin(), p.issues.end(), [](const ImportIssue &i) { return i.error; });
    QVERIFY(issue != p.issues.end());
    QCOMPARE(issue->line, 3);
    QCOMPARE(issue->column, cols.value(column)); // the header as written
    QCOMPARE(issue->value, value);
    QVERIFY2(issue->reason.contains(reason), qPrintable(issue->reason));
    QVERIFY(issue->text(QStringLiteral("l.csv")).startsWith(QStringLiteral("l.csv, line 3, column %1, value \"%2\": ").arg(cols.value(column), value)));
}

void TestImportPlan::openQuoteHidesNoGoodRow()
{
    QByteArray csv = "客户名称,电话\n好客户1,13800000001\n\"坏客户,13800000002\n";
    for (int i = 0; i < 20; ++i)
        csv += QStringLiteral("客户%1,138000001%2\n").arg(i).arg(i, 2, 10, QLatin1Char('0')).toUtf8();
    const QString file = write(QStringLiteral("q.csv"), csv);
    const ImportPlan p = plan(Entity::Customers, file, {{QStringLiteral("name"), QStringLiteral("客户名称")},
                                                        {QStringLiteral("phone"), QStringLiteral("电话")}});
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QCOMPARE(p.refusedRows(), 1);
    QCOMPARE(p.files.first().rejected.front().line, 3);
    QCOMPARE(p.files.first().counts.created, 21);
    // Skip-bad-rows writes the good ones: the caller writes a plan that has refusals.
    const ImportWriteResult w = ImportWriter::write(db(), p, file, {});
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(w.created, 21);
}

void TestImportPlan::duplicateModesAndUndo()
{
    const QHash<QString, QString> cols{{QStringLiteral("name"), QStringLiteral("name")}, {QStringLiteral("phone"), QStringLiteral("phone")},
                                       {QStringLiteral("industry"), QStringLiteral("industry")}};
    const QString first = write(QStringLiteral("a.csv"), "name,phone,industry\nAcme Inc.,13800000001,tech\nBeta Ltd,13800000002,\n");
    QVERIFY(ImportWriter::write(db(), plan(Entity::Customers, first, cols), first, {}).ok);
    // Same companies (suffixes fold: "Acme" = "Acme Inc."), a new phone and an industry.
    const QString second = write(QStringLiteral("b.csv"), "name,phone,industry\nAcme,13900000009,\nBeta Ltd,13800000002,retail\n");
    ImportPlan p = plan(Entity::Customers, second, cols, OnDuplicate::Skip);
    QCOMPARE(p.files.first().counts.skipped, 2);
    QCOMPARE(p.files.first().counts.created, 0);
    p = plan(Entity::Customers, second, cols, OnDuplicate::Update);
    QCOMPARE(p.files.first().counts.updated, 2);
    const ImportWriteResult w = ImportWriter::write(db(), p, second, {});
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(w.updated, 2);
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT phone, industry FROM customers WHERE name = 'Acme Inc.'")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("13900000009"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("tech")); // Update keeps what the file leaves empty
    // Undo: the values before come back, with outbox entries.
    QString error;
    const qint64 outboxBefore = count(QStringLiteral("SELECT count(*) FROM outbox"));
    QVERIFY2(ImportWriter::undo(db(), w.runId, m_me, &error), qPrintable(error));
    QVERIFY(q.exec(QStringLiteral("SELECT phone, industry FROM customers WHERE name = 'Acme Inc.'")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("13800000001"));
    QVERIFY(count(QStringLiteral("SELECT count(*) FROM outbox")) > outboxBefore);
    QVERIFY(!ImportWriter::undo(db(), w.runId, m_me, &error));
    // Redo (the undo stack's): the import's values again; then undo once more.
    QVERIFY2(ImportWriter::redo(db(), w.runId, m_me, &error), qPrintable(error));
    QVERIFY(q.exec(QStringLiteral("SELECT phone FROM customers WHERE name = 'Acme Inc.'")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("13900000009"));
    QVERIFY(!ImportWriter::redo(db(), w.runId, m_me, &error));
    QVERIFY2(ImportWriter::undo(db(), w.runId, m_me, &error), qPrintable(error));
    // Undo the first: the customers it made are tombstoned.
    QVERIFY2(ImportWriter::undo(db(), ImportWriter::lastRun(db()), m_me, &error), qPrintable(error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE deleted = 0")), 0);
}

void TestImportPlan::errorFileHoldsRowsAsTheyWere()
{
    const QString file = write(QStringLiteral("e.csv"), "name,phone\nGood Co,13800000001\nBad Co,12\n,13800000003\n");
    const ImportPlan p = plan(Entity::Customers, file, {{QStringLiteral("name"), QStringLiteral("name")},
                                                        {QStringLiteral("phone"), QStringLiteral("phone")}});
    QCOMPARE(p.refusedRows(), 2);
    QString error;
    const QStringList written = writeErrorFiles(p, m_dir->filePath(QStringLiteral("errors.csv")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(written.size(), 1);
    QFile f(written.first());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // so Excel reads it as UTF-8
    const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QStringLiteral("name,phone,reason"));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("Bad Co,12,line 3: ")));
    QVERIFY(lines.at(2).startsWith(QStringLiteral(",13800000003,line 4: ")));
    // As XLSX, and a cell a spreadsheet would run as a formula is neutralised, and read back.
    const QString formula = write(QStringLiteral("f.csv"), "name,phone\n=HYPERLINK(\"http://x\"),12\n");
    const ImportPlan pf = plan(Entity::Customers, formula, {{QStringLiteral("name"), QStringLiteral("name")},
                                                            {QStringLiteral("phone"), QStringLiteral("phone")}});
    QCOMPARE(pf.refusedRows(), 1);
    const QStringList xlsx = writeErrorFiles(pf, m_dir->filePath(QStringLiteral("errors.xlsx")), &error);
    QVERIFY2(error.isEmpty() && xlsx.size() == 1, qPrintable(error));
    QVERIFY(QFileInfo(xlsx.first()).size() > 0);
    const QStringList csv = writeErrorFiles(pf, m_dir->filePath(QStringLiteral("errors2.csv")), &error);
    QFile g(csv.first());
    QVERIFY(g.open(QIODevice::ReadOnly));
    QVERIFY2(g.readAll().contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "the formula is neutralised");
    // Fixed in Excel and imported again: the name reads as it was written, without the quote.
    const ImportPlan again = plan(Entity::Customers, csv.first(), {{QStringLiteral("name"), QStringLiteral("name")}});
    QVERIFY2(again.ok(), qPrintable(again.fatal));
    QCOMPARE(again.customers.front().name, QStringLiteral("=HYPERLINK(\"http://x\")"));
}

void TestImportPlan::mappingJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not JSON") << QByteArray("{") << QStringLiteral("not JSON");
    QTest::newRow("no files") << QByteArray("{\"files\": []}") << QStringLiteral("names no file");
    QTest::newRow("unknown entity") << QByteArray("{\"files\": [{\"file\": \"a.csv\", \"entity\": \"budgets\"}]}")
                                    << QStringLiteral("unknown entity \"budgets\"");
    QTest::newRow("unknown field") << QByteArray("{\"files\": [{\"file\": \"a.csv\", \"entity\": \"customers\", \"columns\": {\"nmae\": \"x\"}}]}")
                                   << QStringLiteral("no field \"nmae\"");
    QTest::newRow("bad currency") << QByteArray("{\"currency\": \"dollars\", \"files\": [{\"file\": \"a.csv\", \"entity\": \"leads\"}]}")
                                  << QStringLiteral("three-letter");
    QTest::newRow("two won stages") << QByteArray("{\"pipeline\": {\"code\": \"p\", \"stages\": [{\"name\": \"A\"}, {\"name\": \"W\", \"closing\": \"won\"},"
                                                  "{\"name\": \"V\", \"closing\": \"won\"}]}, \"files\": [{\"file\": \"a.csv\", \"entity\": \"leads\"}]}")
                                    << QStringLiteral("exactly one stage");
    QTest::newRow("stage date of no stage") << QByteArray("{\"pipeline\": {\"code\": \"p\", \"stages\": [\"A\", {\"name\": \"W\", \"closing\": \"won\"}]},"
                                                          "\"files\": [{\"file\": \"a.csv\", \"entity\": \"leads\", \"stage_dates\": {\"B\": \"x\"}}]}")
                                            << QStringLiteral("stage_dates");
    QTest::newRow("unknown encoding") << QByteArray("{\"files\": [{\"file\": \"a.csv\", \"entity\": \"customers\", \"encoding\": \"latin1\"}]}")
                                      << QStringLiteral("files[0].encoding must be UTF-8, GB18030, UTF-16LE or UTF-16BE, not \"latin1\"");
    QTest::newRow("two-character delimiter") << QByteArray("{\"files\": [{\"file\": \"a.csv\", \"entity\": \"customers\", \"delimiter\": \";;\"}]}")
                                             << QStringLiteral("files[0].delimiter must be one character");
    QTest::newRow("quote as delimiter") << QByteArray("{\"files\": [{\"file\": \"a.csv\", \"entity\": \"customers\", \"delimiter\": \"\\\"\"}]}")
                                        << QStringLiteral("delimiter must be one character");
    QTest::newRow("good") << QByteArray("{\"currency\": \"usd\", \"day_order\": \"month_first\", \"pipeline\": {\"code\": \"p\", \"stages\": [\"A\","
                                        "{\"name\": \"W\", \"closing\": \"won\"}, {\"name\": \"L\", \"closing\": \"lost\"}]},"
                                        "\"files\": [{\"file\": \"a.csv\", \"entity\": \"deals\", \"columns\": {\"stage\": \"s\"},"
                                        "\"values\": {\"stage\": {\"x\": \"A\"}}, \"stage_dates\": {\"W\": \"w\"},"
                                        "\"encoding\": \"gbk\", \"delimiter\": \"tab\"}]}")
                          << QString();
}

void TestImportPlan::mappingJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString why;
    const auto m = ImportMapping::fromJson(json, &why);
    if (!error.isEmpty()) {
        QVERIFY(!m);
        QVERIFY2(why.contains(error), qPrintable(why));
        return;
    }
    QVERIFY2(m, qPrintable(why));
    QCOMPARE(m->currency, QStringLiteral("USD"));
    QCOMPARE(m->files.first().entity, Entity::Leads);
    // Written and read back: the same mapping.
    const auto again = ImportMapping::fromJson(m->toJson(), &why);
    QVERIFY2(again, qPrintable(why));
    QCOMPARE(again->toJson(), m->toJson());
    QCOMPARE(again->files.first().stageDates.size(), 1);
    QCOMPARE(int(again->dayOrder), int(io::DayOrder::MonthFirst));
    // The encoding and delimiter a user chose: written by their names, read back the same.
    QVERIFY(again->toJson().contains("\"encoding\": \"GB18030\""));
    QVERIFY(again->toJson().contains("\"delimiter\": \"\\t\""));
    QCOMPARE(int(again->files.first().encoding.value_or(io::TextEncoding::Utf8)), int(io::TextEncoding::Gb18030));
    QCOMPARE(again->files.first().delimiter.value_or(QChar()), QChar(u'\t'));
    // Absent: detected, and nothing written.
    const auto plain = ImportMapping::fromJson("{\"files\": [{\"file\": \"a.csv\", \"entity\": \"customers\"}]}", &why);
    QVERIFY2(plain, qPrintable(why));
    QVERIFY(!plain->files.first().encoding && !plain->files.first().delimiter);
    QVERIFY(!plain->toJson().contains("encoding") && !plain->toJson().contains("delimiter"));
}

void TestImportPlan::mappingReadsAsTheUserSays()
{
    // A semicolon file whose every line also holds one comma (the header's "sector, industry"
    // too): the detector, finding both as often, takes the comma, and the header splits
    // wrong; the mapping's delimiter reads it right.
    const QString semi = write(QStringLiteral("s.csv"), "name;sector, industry\nAcme, Inc;tech\nBeta, Ltd;retail\n");
    const QHash<QString, QString> columns = {{QStringLiteral("name"), QStringLiteral("name")},
                                             {QStringLiteral("industry"), QStringLiteral("sector, industry")}};
    ImportPlan p = plan(Entity::Customers, semi, columns);
    QVERIFY(!p.ok());
    QVERIFY2(p.fatal.contains(QStringLiteral("not in the file's header")), qPrintable(p.fatal));
    ImportRequest r;
    FileMapping fm;
    fm.entity = Entity::Customers;
    fm.file = semi;
    fm.columns = columns;
    fm.delimiter = QChar(u';');
    r.mapping.files = {fm};
    r.paths = {semi};
    r.now = 1764547200;
    r.actorKey = m_me;
    p = planImport(db(), r);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QCOMPARE(p.files.first().header, QStringList({QStringLiteral("name"), QStringLiteral("sector, industry")}));
    QCOMPARE(p.files.first().counts.created, 2);
    QVERIFY2(p.files.first().description.contains(QStringLiteral("semicolon")), qPrintable(p.files.first().description));
    // GB18030 whose bytes happen to be valid UTF-8 (学校 is D1 A7 D0 A3): detected as UTF-8,
    // the header reads "ѧУ"; the mapping's encoding reads it as written.
    const QString gbFile = write(QStringLiteral("gb.csv"), QStringEncoder("GB18030").encode(QStringLiteral("学校,实业\n伟业,木业\n")));
    r.mapping.files.first().file = gbFile;
    r.mapping.files.first().delimiter.reset();
    r.mapping.files.first().columns = {{QStringLiteral("name"), QStringLiteral("学校")}, {QStringLiteral("industry"), QStringLiteral("实业")}};
    r.paths = {gbFile};
    p = planImport(db(), r);
    QVERIFY(!p.ok());
    QVERIFY2(p.fatal.contains(QStringLiteral("not in the file's header")), qPrintable(p.fatal));
    r.mapping.files.first().encoding = io::TextEncoding::Gb18030;
    p = planImport(db(), r);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QCOMPARE(p.files.first().header, QStringList({QStringLiteral("学校"), QStringLiteral("实业")}));
    QVERIFY(p.files.first().description.contains(QStringLiteral("GB18030")));
}

void TestImportPlan::currencyIsNeverConverted()
{
    const QString file = write(QStringLiteral("p.csv"), "product,price\nWidget,$12.50\n");
    const ImportPlan p = plan(Entity::Products, file, {{QStringLiteral("name"), QStringLiteral("product")},
                                                       {QStringLiteral("list_price"), QStringLiteral("price")}},
                              OnDuplicate::Skip, QStringLiteral("USD"));
    QVERIFY(!p.ok());
    QVERIFY2(p.fatal.contains(QStringLiteral("does not convert")), qPrintable(p.fatal));
}

void TestImportPlan::headerOnlyAndMissingColumn()
{
    const QString header = write(QStringLiteral("h.csv"), "name,phone\n");
    ImportPlan p = plan(Entity::Customers, header, {{QStringLiteral("name"), QStringLiteral("name")}});
    QVERIFY(!p.ok());
    QVERIFY2(p.fatal.contains(QStringLiteral("a header and no rows")), qPrintable(p.fatal));
    const QString file = write(QStringLiteral("m.csv"), "name,phone\nA,13800000001\n");
    p = plan(Entity::Customers, file, {{QStringLiteral("name"), QStringLiteral("company")}});
    QVERIFY(!p.ok());
    QVERIFY2(p.fatal.contains(QStringLiteral("\"company\"")), qPrintable(p.fatal));
    p = plan(Entity::Customers, file, {{QStringLiteral("phone"), QStringLiteral("phone")}});
    QVERIFY(!p.ok());
    QVERIFY2(p.fatal.contains(QStringLiteral("no column is mapped to Name")), qPrintable(p.fatal));
}

void TestImportPlan::bulkLoadKeepsIndexesAndLog()
{
    // 20 000 new leads or more into a file holding fewer: the writer drops the indexes of
    // leads and stage moves and builds them again after the rows. Every index is back, the
    // log verifies, and the rows are there.
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO customers (name, owner_id, source, phone, core_need, close_cycle_days, created_at, updated_at) "
                                  "VALUES ('客户甲', %1, '', '', '', 0, 0, 0)").arg(m_me)));
    const qint64 indexes = count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index'"));
    QByteArray csv = "id,客户,阶段,创建日期\n";
    for (int i = 0; i < 20001; ++i)
        csv += "L" + QByteArray::number(i) + ",客户甲," + (i % 3 ? "需求诊断" : "15分钟初筛") + ",2026-03-0" + QByteArray::number(1 + i % 9) + "\n";
    const QString file = write(QStringLiteral("bulk.csv"), csv);
    const ImportPlan p = plan(Entity::Leads, file, {{QStringLiteral("external_id"), QStringLiteral("id")},
                                                    {QStringLiteral("customer"), QStringLiteral("客户")},
                                                    {QStringLiteral("stage"), QStringLiteral("阶段")},
                                                    {QStringLiteral("created"), QStringLiteral("创建日期")}});
    QVERIFY2(p.ok() && p.refusedRows() == 0, qPrintable(p.fatal));
    const ImportWriteResult w = ImportWriter::write(db(), p, file, {});
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM leads")), 20001);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index'")), indexes);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM stage_history WHERE log_seq IS NULL")), 0);
    const storage::VerifyResult v = storage::logchain::verify(storage::sqliteHandle(db()));
    QVERIFY2(v.ok, qPrintable(v.message));
    QCOMPARE(v.recordsChecked, w.stageMoves);
}

void TestImportPlan::contactsAndActivities()
{
    // A company's history: customers, leads, the contacts met and the activities done, in
    // one mapping. Activities go into the tamper-evident log; their leads' stage exits count them.
    const QString customers = write(QStringLiteral("c.csv"), QStringLiteral("客户名称\n甲公司\n乙公司\n").toUtf8());
    const QString leads = write(QStringLiteral("l.csv"), QStringLiteral("商机编号,客户,负责人,阶段,创建日期\n"
                                                                        "O1,甲公司,张伟,需求诊断,2026-03-01\n").toUtf8());
    const QString contacts = write(QStringLiteral("p.csv"), QStringLiteral("客户,联系人,职位,决策链角色,电话\n"
                                                                          "甲公司,李总,CFO,决策人,13800000001\n"
                                                                          "甲公司,王工,,使用者,\n"
                                                                          "乙公司,赵经理,,老板,\n"
                                                                          "甲公司,李总,CEO,决策人,\n").toUtf8());
    const QString activities = write(QStringLiteral("a.csv"), QStringLiteral("商机编号,客户,跟进人,方式,方向,跟进时间,通话时长,内容\n"
                                                                            "O1,,张伟,电话,销售,2026-03-02 09:30,2:05,初次沟通\n"
                                                                            "O1,,张伟,拜访,,2026/3/4,,现场调研\n"
                                                                            ",乙公司,,微信,客户,2026-03-05 20:00,,客户回复报价\n"
                                                                            "O9,,张伟,电话,,2026-03-06,,\n"
                                                                            "O1,,张伟,飞鸽传书,,2026-03-06,,\n").toUtf8());
    ImportRequest r;
    auto file = [](Entity e, const QString &path, QHash<QString, QString> cols) {
        FileMapping fm;
        fm.entity = e;
        fm.file = path;
        fm.columns = std::move(cols);
        return fm;
    };
    r.mapping.files = {file(Entity::Customers, customers, {{QStringLiteral("name"), QStringLiteral("客户名称")}}),
                       file(Entity::Contacts, contacts, suggestColumns(Entity::Contacts, {QStringLiteral("客户"), QStringLiteral("联系人"),
                                                                                          QStringLiteral("职位"), QStringLiteral("决策链角色"),
                                                                                          QStringLiteral("电话")})),
                       file(Entity::Leads, leads, suggestColumns(Entity::Leads, {QStringLiteral("商机编号"), QStringLiteral("客户"),
                                                                                 QStringLiteral("负责人"), QStringLiteral("阶段"),
                                                                                 QStringLiteral("创建日期")})),
                       file(Entity::Activities, activities,
                            suggestColumns(Entity::Activities, {QStringLiteral("商机编号"), QStringLiteral("客户"), QStringLiteral("跟进人"),
                                                                QStringLiteral("方式"), QStringLiteral("方向"), QStringLiteral("跟进时间"),
                                                                QStringLiteral("通话时长"), QStringLiteral("内容")}))};
    QCOMPARE(r.mapping.files[3].columns.value(QStringLiteral("lead")), QStringLiteral("商机编号"));
    QCOMPARE(r.mapping.files[3].columns.value(QStringLiteral("at")), QStringLiteral("跟进时间"));
    QCOMPARE(r.mapping.files[1].columns.value(QStringLiteral("chain_role")), QStringLiteral("决策链角色"));
    for (const FileMapping &f : std::as_const(r.mapping.files))
        r.paths << f.file;
    r.now = 1764547200;
    r.actorKey = m_me;
    const ImportPlan p = planImport(db(), r);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    // Refused: a role that is none, the same contact twice, an unknown lead id, an unknown kind.
    QStringList reasons;
    for (const ImportIssue &i : p.issues)
        if (i.error)
            reasons << QStringLiteral("%1:%2:%3").arg(QFileInfo(p.files.value(i.file).path).fileName()).arg(i.line).arg(i.column);
    QCOMPARE(reasons, (QStringList{QStringLiteral("p.csv:4:决策链角色"), QStringLiteral("p.csv:5:联系人"),
                                   QStringLiteral("a.csv:5:商机编号"), QStringLiteral("a.csv:6:方式")}));
    QCOMPARE(p.contacts.size(), std::size_t(2));
    QCOMPARE(p.activities.size(), std::size_t(3));
    // 09:30 Beijing is 01:30 UTC; "2:05" is 125 s; a bare date is 12:00 Beijing.
    QCOMPARE(p.activities[0].at, instantOfDay(QDate(2026, 3, 2)) - 12 * 3600 + 9 * 3600 + 30 * 60);
    QCOMPARE(p.activities[0].durationSeconds, 125);
    QCOMPARE(p.activities[0].kind, QStringLiteral("call"));
    QCOMPARE(p.activities[1].kind, QStringLiteral("visit"));
    QCOMPARE(p.activities[2].direction, QStringLiteral("customer"));
    const ImportWriteResult w = ImportWriter::write(db(), p, QStringLiteral("history"), {});
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(w.activities, 3);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM activities WHERE log_seq IS NOT NULL")), 3);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contacts WHERE chain_role = 'decision_maker' AND title = 'CFO'")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM activities a JOIN leads l ON l.id = a.lead_id "
                                  "WHERE a.customer_id = l.customer_id")), 2); // the lead's customer
    const storage::VerifyResult v = storage::logchain::verify(storage::sqliteHandle(db()));
    QVERIFY2(v.ok, qPrintable(v.message));
    QString error;
    QCOMPARE(storage::staleExitActions(storage::sqliteHandle(db()), &error), 0);
    // Again: nothing new. Undone: the activities leave through the log's own tombstones.
    ImportPlan again = planImport(db(), r);
    QCOMPARE(again.files[3].counts.unchanged, 3);
    QCOMPARE(again.files[1].counts.unchanged, 2);
    QVERIFY2(ImportWriter::undo(db(), w.runId, m_me, &error), qPrintable(error));
    const storage::VerifyResult v2 = storage::logchain::verify(storage::sqliteHandle(db()));
    QVERIFY2(v2.ok, qPrintable(v2.message));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM activities WHERE deleted = 0")), 0);
    QCOMPARE(storage::staleExitActions(storage::sqliteHandle(db()), &error), 0);
    QVERIFY2(ImportWriter::redo(db(), w.runId, m_me, &error), qPrintable(error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM activities WHERE deleted = 0")), 3);
    QCOMPARE(storage::staleExitActions(storage::sqliteHandle(db()), &error), 0);
    QVERIFY(storage::logchain::verify(storage::sqliteHandle(db())).ok);
}

void TestImportPlan::ordersAndPayments()
{
    // Orders and their collections (回款): a payment finds its order by the order's id in the
    // orders file and takes the order's customer and rep; collections feed the forecast accuracy.
    const QString customers = write(QStringLiteral("c.csv"), QStringLiteral("客户名称\n甲公司\n").toUtf8());
    const QString orders = write(QStringLiteral("o.csv"), QStringLiteral("订单编号,客户,销售,下单日期,订单金额,毛利,产品线\n"
                                                                         "D1,甲公司,张伟,2026-03-01,\"¥120,000\",30000,ERP\n"
                                                                         "D2,甲公司,,2026-03-05,5万,,CRM\n"
                                                                         "D3,甲公司,,2026-03-06,100,200,\n").toUtf8());
    const QString payments = write(QStringLiteral("p.csv"), QStringLiteral("订单编号,回款金额,应收日期,回款日期\n"
                                                                           "D1,60000,2026-04-01,2026-04-03\n"
                                                                           "D1,60000,2026-05-01,\n"
                                                                           "D9,100,2026-05-01,\n").toUtf8());
    ImportRequest r;
    auto file = [](Entity e, const QString &path, const QStringList &header) {
        FileMapping fm;
        fm.entity = e;
        fm.file = path;
        fm.columns = suggestColumns(e, header);
        return fm;
    };
    r.mapping.files = {file(Entity::Customers, customers, {QStringLiteral("客户名称")}),
                       file(Entity::Orders, orders, {QStringLiteral("订单编号"), QStringLiteral("客户"), QStringLiteral("销售"),
                                                     QStringLiteral("下单日期"), QStringLiteral("订单金额"), QStringLiteral("毛利"),
                                                     QStringLiteral("产品线")}),
                       file(Entity::Payments, payments, {QStringLiteral("订单编号"), QStringLiteral("回款金额"),
                                                         QStringLiteral("应收日期"), QStringLiteral("回款日期")})};
    QCOMPARE(r.mapping.files[1].columns.size(), 7);
    QCOMPARE(r.mapping.files[2].columns.size(), 4);
    for (const FileMapping &f : std::as_const(r.mapping.files))
        r.paths << f.file;
    r.now = 1764547200;
    r.actorKey = m_me;
    const ImportPlan p = planImport(db(), r);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    QStringList refused;
    for (const ImportIssue &i : p.issues)
        if (i.error)
            refused << QStringLiteral("%1:%2:%3").arg(QFileInfo(p.files.value(i.file).path).fileName()).arg(i.line).arg(i.column);
    QCOMPARE(refused, (QStringList{QStringLiteral("o.csv:4:毛利"), QStringLiteral("p.csv:4:订单编号")}));
    QCOMPARE(p.orders.size(), std::size_t(2));
    QCOMPARE(p.orders[1].amountCents, 5000000); // 5万
    const ImportWriteResult w = ImportWriter::write(db(), p, QStringLiteral("sales"), {});
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT sum(amount_cents) FROM orders")), 17000000);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM payments p JOIN orders o ON o.id = p.order_id "
                                  "WHERE p.customer_id = o.customer_id AND p.rep_id IS o.rep_id")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM payments WHERE paid_on IS NULL")), 1);
    // Again: unchanged.
    const ImportPlan again = planImport(db(), r);
    QCOMPARE(again.files[1].counts.unchanged, 2);
    QCOMPARE(again.files[2].counts.unchanged, 2);
}

QTEST_GUILESS_MAIN(TestImportPlan)
#include "tst_importplan.moc"
