// `sales-cockpit import` (app/importcli.cpp) where detection is not enough or the files come
// as one workbook: --encoding and --delimiter read a CSV as the user says (a GB18030 file
// whose bytes pass as UTF-8, a semicolon file whose cells hold commas), bad values are
// refused before anything is opened; and --mapping M.json --file BOOK.xlsx imports a
// workbook with one sheet per mapping entry (the Maven CRM sample's four files as sheets,
// written here with libxlsxwriter, numbers as numbers and dates as dates, as Excel saves
// them), with the counts the CSV files give. `undo-import` tells its progress on stderr and
// takes Ctrl+C as a cancel that changes nothing.
#include "clirun.h"

#include "imports/importmapping.h"
#include "io/csvreader.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#include <xlsxwriter.h>

#include <csignal>

class TestImportCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void delimiterGiven();
    void encodingGiven();
    void badEncodingOrDelimiter_data();
    void badEncodingOrDelimiter();
    void workbookOneSheetPerEntry();
    void savedMappingBringsItsPipeline();
    void manyIssuesListedFirstCountedAll();
    void undoShowsProgressAndStopsOnInterrupt();

private:
    fixture::CliRun run(const QStringList &args) { return fixture::runCli(QStringLiteral(COCKPIT_APP), args, m_dir->path()); }
    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir->filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return path;
    }
    qint64 count(const QString &sql)
    {
        qint64 n = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
            db.setDatabaseName(m_db);
            QSqlQuery q(db);
            if (db.open() && q.exec(sql) && q.next())
                n = q.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("count"));
        return n;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestImportCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(QStringLiteral("c.db"));
    const fixture::CliRun r = run({QStringLiteral("init"), QStringLiteral("--db"), m_db, QStringLiteral("--currency"), QStringLiteral("USD")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

void TestImportCli::delimiterGiven()
{
    // Every line holds one comma and one semicolon (the header's "sector, industry" too): the
    // detector, finding both as often, takes the comma.
    const QString file = write(QStringLiteral("s.csv"), "name;sector, industry\nAcme, Inc;tech\nBeta, Ltd;retail\n");
    const QStringList args = {QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--entity"),
                              QStringLiteral("customers"), QStringLiteral("--file"), file};
    fixture::CliRun r = run(args + QStringList{QStringLiteral("--dry-run")});
    QVERIFY2(r.out.contains(QStringLiteral("s.csv (CSV · UTF-8 · comma)")) || r.err.contains(QStringLiteral("s.csv")), qPrintable(r.out + r.err));
    r = run(args + QStringList{QStringLiteral("--delimiter"), QStringLiteral("semicolon")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("s.csv (CSV · UTF-8 · semicolon) → Customers: 2 rows: 2 new")), qPrintable(r.out));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE deleted = 0 AND name IN ('Acme, Inc', 'Beta, Ltd')")), 2);
    // The same with the character itself.
    r = run(args + QStringList{QStringLiteral("--delimiter"), QStringLiteral(";"), QStringLiteral("--dry-run")});
    QVERIFY2(r.out.contains(QStringLiteral("2 rows: 0 new")), qPrintable(r.out + r.err));
}

void TestImportCli::encodingGiven()
{
    // GB18030 whose bytes are valid UTF-8 (学校 is D1 A7 D0 A3): detected as UTF-8, its header
    // reads "ѧУ"; --encoding gbk reads it as written.
    const QString file = write(QStringLiteral("gb.csv"), QStringEncoder("GB18030").encode(QStringLiteral("学校,实业\n伟业,木业\n太平,山\n")));
    const QString mapping = write(QStringLiteral("m.json"), QStringLiteral("{\"files\": [{\"file\": \"gb.csv\", \"entity\": \"customers\", "
                                                                          "\"columns\": {\"name\": \"学校\", \"industry\": \"实业\"}}]}").toUtf8());
    const QStringList args = {QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--mapping"), mapping,
                              QStringLiteral("--dir"), m_dir->path()};
    fixture::CliRun r = run(args);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("is not in the file's header (ѧУ, ʵҵ)")), qPrintable(r.err));
    r = run(args + QStringList{QStringLiteral("--encoding"), QStringLiteral("gbk")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("gb.csv (CSV · GB18030 · comma) → Customers: 2 rows: 2 new")), qPrintable(r.out));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE name = '伟业' AND industry = '木业'")), 1);
}

void TestImportCli::badEncodingOrDelimiter_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("encoding") << QStringList{QStringLiteral("--encoding"), QStringLiteral("latin1")}
                              << QStringLiteral("--encoding must be UTF-8, GB18030, UTF-16LE or UTF-16BE, not \"latin1\"");
    QTest::newRow("delimiter") << QStringList{QStringLiteral("--delimiter"), QStringLiteral(";;")}
                               << QStringLiteral("--delimiter must be one character");
    QTest::newRow("letter") << QStringList{QStringLiteral("--delimiter"), QStringLiteral("x")}
                            << QStringLiteral("not \"x\"");
}

void TestImportCli::badEncodingOrDelimiter()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const QString file = write(QStringLiteral("c.csv"), "name\nAcme\n");
    const fixture::CliRun r = run(QStringList{QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--entity"),
                                              QStringLiteral("customers"), QStringLiteral("--file"), file} + args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers")), 0);
}

void TestImportCli::workbookOneSheetPerEntry()
{
    const QString data = QStringLiteral(COCKPIT_SOURCE_DIR "/tests/data/maven-crm/");
    const QString book = m_dir->filePath(QStringLiteral("maven.xlsx"));
    // The four CSV files as four sheets (named after them), a header row and then typed cells.
    lxw_workbook *wb = workbook_new(book.toUtf8().constData());
    lxw_format *dateFormat = workbook_add_format(wb);
    format_set_num_format(dateFormat, "yyyy-mm-dd");
    static const QRegularExpression number(QStringLiteral("^-?\\d+(\\.\\d+)?$")), date(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    for (const char *name : {"sales_teams", "products", "accounts", "sales_pipeline"}) {
        lxw_worksheet *ws = workbook_add_worksheet(wb, name);
        cockpit::io::CsvReader csv;
        QVERIFY2(csv.open(data + QLatin1String(name) + QStringLiteral(".csv")), qPrintable(csv.error()));
        cockpit::io::CsvRecord rec;
        for (lxw_row_t row = 0; csv.next(rec); ++row) {
            for (int c = 0; c < rec.fields.size(); ++c) {
                const QString v = rec.fields.at(c);
                if (v.isEmpty())
                    continue;
                if (row > 0 && number.match(v).hasMatch()) {
                    worksheet_write_number(ws, row, lxw_col_t(c), v.toDouble(), nullptr);
                } else if (row > 0 && date.match(v).hasMatch()) {
                    const QDate d = QDate::fromString(v, Qt::ISODate);
                    lxw_datetime dt = {d.year(), d.month(), d.day(), 0, 0, 0};
                    worksheet_write_datetime(ws, row, lxw_col_t(c), &dt, dateFormat);
                } else {
                    worksheet_write_string(ws, row, lxw_col_t(c), v.toUtf8().constData(), nullptr);
                }
            }
        }
    }
    QCOMPARE(int(workbook_close(wb)), int(LXW_NO_ERROR));
    // The shipped mapping, each entry naming its sheet instead of its file.
    QFile shipped(QStringLiteral(COCKPIT_SOURCE_DIR "/resources/import-mappings/maven-crm.json"));
    QVERIFY(shipped.open(QIODevice::ReadOnly));
    QJsonObject mapping = QJsonDocument::fromJson(shipped.readAll()).object();
    QJsonArray files = mapping.value(QStringLiteral("files")).toArray();
    for (int i = 0; i < files.size(); ++i) {
        QJsonObject f = files.at(i).toObject();
        f.insert(QStringLiteral("sheet"), f.take(QStringLiteral("file")).toString().section(u'.', 0, 0));
        files[i] = f;
    }
    mapping.insert(QStringLiteral("files"), files);
    const QString mappingPath = write(QStringLiteral("book.json"), QJsonDocument(mapping).toJson());
    const fixture::CliRun r = run({QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--mapping"), mappingPath,
                                   QStringLiteral("--file"), book, QStringLiteral("--now"), QStringLiteral("2026-12-01T00:00:00Z")});
    QVERIFY2(r.code == 0, qPrintable(r.err.left(2000)));
    QVERIFY2(r.out.contains(QStringLiteral("maven.xlsx › sales_pipeline (XLSX · sheet “sales_pipeline”) → Leads: 8800 rows: 8800 new, 0 updated, "
                                           "0 unchanged, 0 skipped, 0 refused")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("maven.xlsx › accounts (XLSX · sheet “accounts”) → Customers: 85 rows: 85 new")), qPrintable(r.out));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0")), 8800);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM products WHERE deleted = 0")), 7);
    // The same figures as the CSV files give (tst_mavenimport): won deals and their dollars.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0 AND status = 'won'")), 4238);
}

// A leads layout the wizard saved with stage dates and the pipeline they name: the command line
// reuses both (it used to reuse the columns and lose the pipeline, so the stage dates named
// stages it did not have).
void TestImportCli::savedMappingBringsItsPipeline()
{
    const QString customers = write(QStringLiteral("c.csv"), "name\nAcme\n");
    QCOMPARE(run({QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--entity"), QStringLiteral("customers"),
                  QStringLiteral("--file"), customers}).code, 0);
    const QStringList header{QStringLiteral("id"), QStringLiteral("account"), QStringLiteral("stage"), QStringLiteral("engaged"),
                             QStringLiteral("closed")};
    cockpit::imports::ImportMapping saved;
    cockpit::imports::FileMapping fm;
    fm.entity = cockpit::imports::Entity::Leads;
    fm.file = QStringLiteral("leads of last month.csv"); // as the wizard saves it: the file it came from
    fm.columns = {{QStringLiteral("external_id"), QStringLiteral("id")}, {QStringLiteral("customer"), QStringLiteral("account")},
                  {QStringLiteral("stage"), QStringLiteral("stage")}, {QStringLiteral("closed"), QStringLiteral("closed")}};
    fm.stageDates = {{QStringLiteral("Engaging"), QStringLiteral("engaged")}};
    saved.files = {fm};
    saved.pipeline.code = QStringLiteral("deals");
    saved.pipeline.name = QStringLiteral("Deals");
    saved.pipeline.stages = {{QStringLiteral("Prospecting"), QString()}, {QStringLiteral("Engaging"), QString()},
                             {QStringLiteral("Won"), QStringLiteral("won")}, {QStringLiteral("Lost"), QStringLiteral("lost")}};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("save"));
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"));
        q.addBindValue(QString(QStringLiteral("import_mapping:") + cockpit::imports::headerSetKey(cockpit::imports::Entity::Leads, header)));
        q.addBindValue(QString::fromUtf8(saved.toJson()));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("save"));
    const QString leads = write(QStringLiteral("l.csv"), "id,account,stage,engaged,closed\nD1,Acme,Engaging,2026-03-02,\nD2,Acme,Won,2026-03-03,2026-03-20\n");
    const fixture::CliRun r = run({QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--entity"), QStringLiteral("leads"),
                                   QStringLiteral("--file"), leads});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.err.contains(QStringLiteral("the mapping saved for this header set is used again")), qPrintable(r.err));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM leads l JOIN pipelines p ON p.id = l.pipeline_id WHERE p.code = 'deals'")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM stage_history h JOIN pipeline_stages s ON s.id = h.to_stage_id "
                                  "WHERE s.name = 'Engaging'")), 2);
}

void TestImportCli::manyIssuesListedFirstCountedAll()
{
    // 10 500 customers, every 42nd without a name (refused), each other one with three
    // warnings: --format json lists the refusals and the first 10 000 warnings and counts
    // them all; the error file holds every refused row; stderr lists the first 200.
    QByteArray csv = "name,phone\n";
    for (int i = 0; i < 10500; ++i)
        csv += (i % 42 ? "Acme " + QByteArray::number(i) : QByteArray()) + ",021-" + QByteArray::number(10000000 + i) + "\n";
    const QString file = write(QStringLiteral("many.csv"), csv);
    const QString errors = m_dir->filePath(QStringLiteral("refused.csv"));
    const fixture::CliRun r = run({QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--entity"),
                                   QStringLiteral("customers"), QStringLiteral("--file"), file, QStringLiteral("--dry-run"),
                                   QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--errors"), errors});
    QCOMPARE(r.code, 1); // rows refused
    const QJsonObject json = QJsonDocument::fromJson(r.out.left(r.out.lastIndexOf(u'}') + 1).toUtf8()).object();
    QVERIFY2(!json.isEmpty(), qPrintable(r.out.left(500)));
    QCOMPARE(json.value(QStringLiteral("errors")).toInteger(), 250);
    QCOMPARE(json.value(QStringLiteral("warnings")).toInteger(), 3 * 10250);
    const QJsonArray issues = json.value(QStringLiteral("issues")).toArray();
    QCOMPARE(issues.size(), 10000 + 250);
    QCOMPARE(json.value(QStringLiteral("issues_not_listed")).toInteger(), 3 * 10250 - 10000);
    QCOMPARE(issues.at(0).toObject().value(QStringLiteral("line")).toInteger(), 2); // in file order
    QVERIFY2(r.err.contains(QStringLiteral("… and 50 more refused rows")), qPrintable(r.err.right(300)));
    QFile refused(errors);
    QVERIFY(refused.open(QIODevice::ReadOnly));
    QCOMPARE(refused.readAll().count('\n'), 1 + 250);
}

void TestImportCli::undoShowsProgressAndStopsOnInterrupt()
{
    QByteArray csv = "name\n";
    for (int i = 0; i < 20000; ++i)
        csv += "Customer " + QByteArray::number(i) + "\n";
    const QString file = write(QStringLiteral("big.csv"), csv);
    fixture::CliRun r = run({QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--entity"), QStringLiteral("customers"),
                             QStringLiteral("--file"), file});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QString live = QStringLiteral("SELECT count(*) FROM customers WHERE deleted = 0 AND name LIKE 'Customer %'");
    QCOMPARE(count(live), 20000);

    // Ctrl+C once the undo has begun: the child is stopped as soon as its first report is
    // read, so the interrupt lands before it is through its 20 000 rows.
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(COCKPIT_APP), {QStringLiteral("undo-import"), QStringLiteral("--db"), m_db});
    QVERIFY(p.waitForStarted());
    QByteArray err;
    while (!err.contains("undoing") && p.state() == QProcess::Running) {
        p.waitForReadyRead(200);
        err += p.readAllStandardError();
    }
    QVERIFY2(err.contains("undoing"), err.constData());
    ::kill(pid_t(p.processId()), SIGSTOP);
    ::kill(pid_t(p.processId()), SIGINT);
    ::kill(pid_t(p.processId()), SIGCONT);
    QVERIFY(p.waitForFinished(120000));
    err += p.readAllStandardError();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 130);
    QVERIFY2(err.contains("interrupted; nothing was changed (import 1 stays as it was)"), err.constData());
    QCOMPARE(count(live), 20000);

    // Left alone, it counts up to 100 % and takes every row back.
    r = run({QStringLiteral("undo-import"), QStringLiteral("--db"), m_db});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.err.contains(QStringLiteral("[  2%] undoing")) && r.err.contains(QStringLiteral("[100%] undoing")), qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("import 1 undone: 20000 rows taken back")), qPrintable(r.out));
    QCOMPARE(count(live), 0);
}

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_importcli.moc"
