// File › Import… (ui/importwizard.h) as a user goes through it: files listed with what they
// hold guessed from their headers, columns suggested and one column per field enforced, the
// check made on a worker (refused rows listed, Import held back until the user chooses to
// skip them), the import written and pushed as one undo step that undo and redo take back and
// bring again; a CSV read again in the encoding or with the delimiter the user chooses; the
// mapping saved as JSON, and the columns of an imported header set offered again.
#include "importwizard.h"
#include "importpipelinedialog.h"
#include "importvaluesdialog.h"
#include "longstepprogress.h"

#include "imports/importmapping.h"
#include "imports/tablesource.h"
#include "io/tablewriter.h"
#include "imports/importwriter.h"
#include "items/editcontroller.h"
#include "storage/database.h"
#include "storage/pipelinerepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringEncoder>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QMenu>
#include <QUndoStack>
#include <QtTest>

using namespace cockpit;

class TestImportWizard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void guessesWhatEachFileHolds();
    void oneColumnPerField();
    void oneColumnSeveralFields();
    void mavenManagerIsAlsoTheTeam();
    void checksImportsAndUndoes();
    void refusesFilesItCannotRead();
    void mavenThroughItsMapping();
    void readsAsTheUserSays();
    void savesAndReusesMappings();
    void matchesValuesAndChecksAgain();
    void createsAPipelineFromTheStages();
    void undoWithProgressAndCancel();
    void refusedRowsFixedInExcelImportAgain();
    void screenshotsInChinese();

private:
    // The fields the boxes of a columns table's row show ("" for "(not imported)").
    static QStringList shownFields(QTableWidget *table, int row)
    {
        QStringList out;
        if (QWidget *cell = table->cellWidget(row, 2))
            for (const QComboBox *box : cell->findChildren<QComboBox *>())
                out << box->currentData().toString();
        return out;
    }
    QString write(const QString &name, const QByteArray &content);
    void importCustomer(); // 甲公司, through the wizard
    QString dump(); // every customer and lead, as stored
    QString pipelineDialogScreens(ui::ImportWizard &w, const QString &suffix);
    qint64 count(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<EditController> m_edits;
};

void TestImportWizard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<storage::Database>();
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("w.db")), storage::Database::Mode::CreateHere).ok());
    QString error;
    QVERIFY2(imports::ImportWriter::initCompany(m_db->connection(), QStringLiteral("CNY"), QStringLiteral("王总"), &error),
             qPrintable(error));
    m_stack = std::make_unique<QUndoStack>();
    m_edits = std::make_unique<EditController>(*m_db, *m_stack);
}

void TestImportWizard::cleanup()
{
    m_edits.reset();
    m_stack.reset();
    m_db.reset();
    m_dir.reset();
}

QString TestImportWizard::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

void TestImportWizard::guessesWhatEachFileHolds()
{
    const QString customers = write(QStringLiteral("客户.csv"), QStringLiteral("客户名称,行业,电话\n甲公司,制造,13800000001\n").toUtf8());
    const QString leads = write(QStringLiteral("商机.csv"), QStringLiteral("客户,商机阶段,商机金额\n甲公司,需求诊断,12000\n").toUtf8());
    ui::ImportWizard w(*m_db, *m_edits, {customers, leads});
    QCOMPARE(w.filesTable()->rowCount(), 2);
    auto holds = [&](int row) { return qobject_cast<QComboBox *>(w.filesTable()->cellWidget(row, 5))->currentText(); };
    QCOMPARE(holds(0), QStringLiteral("Customers"));
    QCOMPARE(holds(1), QStringLiteral("Leads"));
    QVERIFY(w.filesTable()->item(0, 2)->text().startsWith(QStringLiteral("CSV · UTF-8")));
}

void TestImportWizard::oneColumnPerField()
{
    const QString file = write(QStringLiteral("c.csv"), QStringLiteral("客户名称,公司,电话\nA,B,13800000001\n").toUtf8());
    ui::ImportWizard w(*m_db, *m_edits, {file});
    w.goTo(ui::ImportWizard::ColumnsPage);
    auto *table = qobject_cast<QTableWidget *>(w.columnTabs()->widget(0));
    QVERIFY(table);
    QCOMPARE(w.columnFields(0, 0), QStringList{QStringLiteral("name")});
    QCOMPARE(shownFields(table, 0), QStringList{QStringLiteral("name")});
    // "公司" (company) cannot be the name too: refused, said why, and its choice stays as it was.
    QVERIFY(!w.setColumnField(0, 1, QStringLiteral("name")));
    QVERIFY(w.columnsNote().contains(QStringLiteral("客户名称")));
    QCOMPARE(shownFields(table, 1), QStringList{QString()});
    QVERIFY(!w.addColumnField(0, 2, QStringLiteral("name"))); // not as a second field either
    QCOMPARE(w.columnFields(0, 2), QStringList{QStringLiteral("phone")});
    QVERIFY(w.setColumnField(0, 0, QString()));
    QVERIFY(w.setColumnField(0, 1, QStringLiteral("name")));
    QCOMPARE(shownFields(table, 1), QStringList{QStringLiteral("name")});
    QVERIFY(w.columnsNote().isEmpty());
}

void TestImportWizard::oneColumnSeveralFields()
{
    // A column that is two fields: the company column is the name and an alias; the boxes
    // show both, a box set to "(not imported)" takes its field off, and a saved mapping
    // keeps both.
    const QString file = write(QStringLiteral("c.csv"), QStringLiteral("公司,电话\n甲公司,13800000001\n").toUtf8());
    ui::ImportWizard w(*m_db, *m_edits, {file});
    w.goTo(ui::ImportWizard::ColumnsPage);
    auto *table = qobject_cast<QTableWidget *>(w.columnTabs()->widget(0));
    QVERIFY(table);
    QCOMPARE(w.columnFields(0, 0), QStringList{QStringLiteral("name")});
    QVERIFY(w.addColumnField(0, 0, QStringLiteral("aliases")));
    QCOMPARE(w.columnFields(0, 0), (QStringList{QStringLiteral("name"), QStringLiteral("aliases")}));
    QCOMPARE(shownFields(table, 0), (QStringList{QStringLiteral("name"), QStringLiteral("aliases")}));
    // "+ Field" offers what the column does not feed yet, and not the phone (another column's).
    auto *more = table->cellWidget(0, 2)->findChild<QToolButton *>();
    QVERIFY(more && more->menu());
    QStringList offered, disabled;
    for (QAction *a : more->menu()->actions())
        (a->isEnabled() ? offered : disabled) << a->text();
    QVERIFY(!offered.isEmpty());
    QVERIFY(!offered.join(u'|').contains(QStringLiteral("Alias")));
    QCOMPARE(disabled.size(), 1);
    QVERIFY2(disabled.first().contains(QStringLiteral("电话")), qPrintable(disabled.first()));
    // The second box set to "(not imported)", as a user would.
    auto boxes = table->cellWidget(0, 2)->findChildren<QComboBox *>();
    QCOMPARE(boxes.size(), 2);
    boxes.at(1)->setCurrentIndex(0);
    Q_EMIT boxes.at(1)->activated(0);
    QCOMPARE(w.columnFields(0, 0), QStringList{QStringLiteral("name")});
    QVERIFY(w.addColumnField(0, 0, QStringLiteral("aliases")));
    const QString saved = m_dir->filePath(QStringLiteral("two.json"));
    QString error;
    QVERIFY2(w.saveMapping(saved, &error), qPrintable(error));
    const auto m = imports::ImportMapping::fromFile(saved, &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->files.first().columns.value(QStringLiteral("name")), QStringLiteral("公司"));
    QCOMPARE(m->files.first().columns.value(QStringLiteral("aliases")), QStringLiteral("公司"));
    // Imported: the customer has the column as its name and its alias.
    w.goTo(ui::ImportWizard::CheckPage);
    QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
    QSignalSpy imported(&w, &ui::ImportWizard::imported);
    QTest::mouseClick(w.importButton(), Qt::LeftButton);
    QVERIFY(imported.wait(10000));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE name = '甲公司' AND aliases LIKE '%甲公司%'")), 1);
}

void TestImportWizard::mavenManagerIsAlsoTheTeam()
{
    // The shipped Maven mapping reads sales_teams' `manager` as the rep's manager and as the
    // team: the columns page shows both, and Save mapping… writes both.
    const QString data = QStringLiteral(COCKPIT_SOURCE_DIR "/tests/data/maven-crm/");
    ui::ImportWizard w(*m_db, *m_edits, {data + QStringLiteral("sales_teams.csv")});
    w.resize(1100, 680);
    QString error;
    QVERIFY2(w.loadMapping(QStringLiteral(COCKPIT_SOURCE_DIR "/resources/import-mappings/maven-crm.json"), &error), qPrintable(error));
    w.goTo(ui::ImportWizard::ColumnsPage);
    auto *table = qobject_cast<QTableWidget *>(w.columnTabs()->widget(0));
    QVERIFY(table);
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("manager"));
    QCOMPARE(w.columnFields(0, 1), (QStringList{QStringLiteral("manager"), QStringLiteral("team")}));
    QCOMPARE(shownFields(table, 1), (QStringList{QStringLiteral("manager"), QStringLiteral("team")}));
    if (const QString shots = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR"); !shots.isEmpty())
        w.grab().save(shots + QStringLiteral("/import-en-2-columns-two-fields.png"));
    const QString saved = m_dir->filePath(QStringLiteral("maven-again.json"));
    QVERIFY2(w.saveMapping(saved, &error), qPrintable(error));
    const auto m = imports::ImportMapping::fromFile(saved, &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->files.size(), 1);
    QCOMPARE(m->files.first().columns.value(QStringLiteral("manager")), QStringLiteral("manager"));
    QCOMPARE(m->files.first().columns.value(QStringLiteral("team")), QStringLiteral("manager"));
    QCOMPARE(m->files.first().columns.value(QStringLiteral("region")), QStringLiteral("regional_office"));
    // The team cannot come from a second column as well.
    QVERIFY(!w.addColumnField(0, 2, QStringLiteral("team")));
    QCOMPARE(w.columnFields(0, 2), QStringList{QStringLiteral("region")});
}

void TestImportWizard::checksImportsAndUndoes()
{
    const QString file = write(QStringLiteral("c.csv"), "name,phone,industry\nAcme,13800000001,tech\nBad,12,\nBeta,13800000002,retail\n");
    ui::ImportWizard w(*m_db, *m_edits, {file});
    QSignalSpy imported(&w, &ui::ImportWizard::imported);
    w.goTo(ui::ImportWizard::ColumnsPage);
    w.goTo(ui::ImportWizard::CheckPage);
    QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
    QCOMPARE(w.plan()->refusedRows(), 1);
    QCOMPARE(w.refusedTable()->rowCount(), 1);
    QCOMPARE(w.refusedTable()->item(0, 1)->text(), QStringLiteral("3"));
    QCOMPARE(w.refusedTable()->item(0, 2)->text(), QStringLiteral("phone"));
    // The refused rows can be saved for Excel.
    QString error;
    QVERIFY2(w.saveRefused(m_dir->filePath(QStringLiteral("refused.xlsx")), &error), qPrintable(error));
    QVERIFY(!w.importButton()->isEnabled());
    w.skipRefusedBox()->setChecked(true);
    QVERIFY(w.importButton()->isEnabled());
    QTest::mouseClick(w.importButton(), Qt::LeftButton);
    QVERIFY(imported.wait(10000));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE deleted = 0")), 2);
    QCOMPARE(m_stack->count(), 1);
    m_stack->undo();
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE deleted = 0")), 0);
    m_stack->redo();
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE deleted = 0")), 2);
    QVERIFY(!w.importButton()->isEnabled()); // written: not a second time
}

void TestImportWizard::refusesFilesItCannotRead()
{
    const QString empty = write(QStringLiteral("empty.csv"), "");
    const QString zip = write(QStringLiteral("fake.xlsx"), QByteArray("PK\x03\x04", 4) + QByteArray(60, 'x'));
    // A message box names each file; answer it.
    QTimer::singleShot(0, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            QVERIFY(box->text().contains(QStringLiteral("empty.csv")));
            QVERIFY(box->text().contains(QStringLiteral("fake.xlsx")));
            box->accept();
        }
    });
    ui::ImportWizard w(*m_db, *m_edits, {empty, zip});
    QCOMPARE(w.filesTable()->rowCount(), 0);
}

void TestImportWizard::mavenThroughItsMapping()
{
    // The Maven CRM sample, its four files and the mapping the app ships: the check matches
    // the command line's (tst_mavenimport), and each page is saved where a person can look.
    const QString data = QStringLiteral(COCKPIT_SOURCE_DIR "/tests/data/maven-crm/");
    QStringList files;
    for (const char *f : {"sales_pipeline.csv", "accounts.csv", "products.csv", "sales_teams.csv"})
        files << data + QLatin1String(f);
    QVERIFY(m_db->setSetting(QStringLiteral("currency"), QStringLiteral("USD"))); // the data's (a CNY company refuses it)
    ui::ImportWizard w(*m_db, *m_edits, files);
    w.resize(1100, 680);
    QString error;
    QVERIFY2(w.loadMapping(QStringLiteral(COCKPIT_SOURCE_DIR "/resources/import-mappings/maven-crm.json"), &error), qPrintable(error));
    const QString shots = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        w.grab().save(shots + QStringLiteral("/import-1-files.png"));
    w.goTo(ui::ImportWizard::ColumnsPage);
    w.columnTabs()->setCurrentIndex(3);
    if (!shots.isEmpty())
        w.grab().save(shots + QStringLiteral("/import-2-columns.png"));
    w.goTo(ui::ImportWizard::CheckPage);
    QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr || !w.checkMessage().contains(QStringLiteral("…")), 20000);
    QVERIFY2(w.plan(), qPrintable(w.checkMessage()));
    QCOMPARE(w.plan()->refusedRows(), 0);
    QCOMPARE(w.plan()->leads.size(), std::size_t(8800));
    QVERIFY(w.importButton()->isEnabled());
    if (!shots.isEmpty())
        w.grab().save(shots + QStringLiteral("/import-3-check.png"));
}

void TestImportWizard::readsAsTheUserSays()
{
    // GB18030 whose bytes are valid UTF-8 (学校 is D1 A7 D0 A3): detected as UTF-8, garbled.
    const QString gb = write(QStringLiteral("学校.csv"), QStringEncoder("GB18030").encode(QStringLiteral("学校,实业\n伟业,木业\n")));
    // Semicolons, and as many commas in every line: detected as comma-separated.
    const QString semi = write(QStringLiteral("semi.csv"), "name;phone, mobile;industry\nAcme, Inc;13800000002;tech\n"
                                                           "Beta, Ltd;13800000003;retail\n");
    ui::ImportWizard w(*m_db, *m_edits, {gb, semi});
    w.resize(1100, 680);
    QCOMPARE(w.filesTable()->rowCount(), 2);
    auto combo = [&](int row, int column) { return qobject_cast<QComboBox *>(w.filesTable()->cellWidget(row, column)); };
    QVERIFY(w.filesTable()->item(0, 2)->text().startsWith(QStringLiteral("CSV · UTF-8")));
    QCOMPARE(combo(0, 3)->currentText(), QStringLiteral("UTF-8"));
    QCOMPARE(combo(1, 4)->currentText(), QStringLiteral("Comma ,"));
    QString error;
    QVERIFY2(w.setReadAs(0, io::TextEncoding::Gb18030, std::nullopt, &error), qPrintable(error));
    QVERIFY2(w.setReadAs(1, std::nullopt, QChar(u';'), &error), qPrintable(error));
    QCOMPARE(w.filesTable()->item(0, 2)->text(), QStringLiteral("CSV · GB18030 · comma"));
    QCOMPARE(combo(0, 3)->currentText(), QStringLiteral("GB18030"));
    QCOMPARE(combo(1, 4)->currentText(), QStringLiteral("Semicolon ;"));
    QCOMPARE(w.filesTable()->item(1, 2)->text(), QStringLiteral("CSV · UTF-8 · semicolon"));
    for (int row = 0; row < 2; ++row) { // both hold customers (the user says so)
        QComboBox *holds = combo(row, 5);
        holds->setCurrentIndex(holds->findData(int(imports::Entity::Customers)));
        Q_EMIT holds->activated(holds->currentIndex());
    }
    const QString shots = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        w.grab().save(shots + QStringLiteral("/import-1-files-read-as.png"));
    // The columns page shows the headers as read now, and the fields follow them.
    w.goTo(ui::ImportWizard::ColumnsPage);
    auto *gbTable = qobject_cast<QTableWidget *>(w.columnTabs()->widget(0));
    auto *semiTable = qobject_cast<QTableWidget *>(w.columnTabs()->widget(1));
    QVERIFY(gbTable && semiTable);
    QCOMPARE(gbTable->item(0, 0)->text(), QStringLiteral("学校"));
    QCOMPARE(semiTable->rowCount(), 3);
    QCOMPARE(semiTable->item(1, 0)->text(), QStringLiteral("phone, mobile"));
    QCOMPARE(semiTable->item(0, 1)->text(), QStringLiteral("Acme, Inc · Beta, Ltd"));
    QVERIFY(w.setColumnField(0, 0, QStringLiteral("name")));
    // The check reads them the same way: both files import.
    w.goTo(ui::ImportWizard::CheckPage);
    QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr || !w.checkMessage().contains(QStringLiteral("…")), 10000);
    QVERIFY2(w.plan(), qPrintable(w.checkMessage()));
    QCOMPARE(w.plan()->refusedRows(), 0);
    QSignalSpy imported(&w, &ui::ImportWizard::imported);
    QTest::mouseClick(w.importButton(), Qt::LeftButton);
    QVERIFY(imported.wait(10000));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE name IN ('伟业', 'Acme, Inc', 'Beta, Ltd') AND deleted = 0")), 3);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE name = 'Acme, Inc' AND industry = 'tech'")), 1);
}

void TestImportWizard::savesAndReusesMappings()
{
    // The user says the company is in 公司, not 客户名称, and saves that as a mapping.
    const QString a = write(QStringLiteral("a.csv"), QStringLiteral("客户名称,公司,电话\n张三,甲公司,13800000001\n").toUtf8());
    QString error;
    const QString saved = m_dir->filePath(QStringLiteral("saved.json"));
    {
        ui::ImportWizard w(*m_db, *m_edits, {a});
        w.goTo(ui::ImportWizard::ColumnsPage);
        QCOMPARE(w.columnsOrigin(), QString()); // suggested: nothing to say
        QVERIFY(w.setColumnField(0, 0, QString()));
        QVERIFY(w.setColumnField(0, 1, QStringLiteral("name")));
        QVERIFY2(w.saveMapping(saved, &error), qPrintable(error));
        const auto m = imports::ImportMapping::fromFile(saved, &error);
        QVERIFY2(m, qPrintable(error));
        QCOMPARE(m->files.size(), 1);
        QCOMPARE(m->files.first().file, QStringLiteral("a.csv"));
        QCOMPARE(m->files.first().columns.value(QStringLiteral("name")), QStringLiteral("公司"));
        QCOMPARE(m->files.first().columns.value(QStringLiteral("phone")), QStringLiteral("电话"));
        // Imported: the columns are remembered for this header set.
        w.goTo(ui::ImportWizard::CheckPage);
        QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
        QSignalSpy imported(&w, &ui::ImportWizard::imported);
        QTest::mouseClick(w.importButton(), Qt::LeftButton);
        QVERIFY(imported.wait(10000));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE name = '甲公司'")), 1);
    }
    // The same headers in another order, another file: the columns page starts from them.
    const QString b = write(QStringLiteral("b.csv"), QStringLiteral("电话,公司,客户名称\n13800000002,乙公司,李四\n").toUtf8());
    {
        ui::ImportWizard w(*m_db, *m_edits, {b});
        w.resize(1100, 680);
        w.goTo(ui::ImportWizard::ColumnsPage);
        auto *table = qobject_cast<QTableWidget *>(w.columnTabs()->widget(0));
        QCOMPARE(shownFields(table, 1), QStringList{QStringLiteral("name")});
        QCOMPARE(shownFields(table, 2), QStringList{QString()});
        QCOMPARE(shownFields(table, 0), QStringList{QStringLiteral("phone")});
        QVERIFY2(w.columnsOrigin().startsWith(QStringLiteral("Columns as in your last import of this layout")), qPrintable(w.columnsOrigin()));
        const QString shots = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            w.grab().save(shots + QStringLiteral("/import-2-columns-reused.png"));
    }
    // Other headers: suggested, and the page does not claim otherwise.
    const QString c = write(QStringLiteral("c.csv"), QStringLiteral("客户名称,电话\n王五,13800000003\n").toUtf8());
    {
        ui::ImportWizard w(*m_db, *m_edits, {c});
        w.goTo(ui::ImportWizard::ColumnsPage);
        QCOMPARE(w.columnsOrigin(), QString());
    }
    // The saved file is a mapping the wizard (and `--mapping`) reads: the first file's columns back.
    {
        ui::ImportWizard w(*m_db, *m_edits, {c, a});
        QVERIFY2(w.loadMapping(saved, &error), qPrintable(error));
        w.goTo(ui::ImportWizard::ColumnsPage);
        auto *table = qobject_cast<QTableWidget *>(w.columnTabs()->widget(1));
        QCOMPARE(shownFields(table, 1), QStringList{QStringLiteral("name")});
    }
}

void TestImportWizard::matchesValuesAndChecksAgain()
{
    // A company's own stage name and a rep written another way: the check counts them, Match
    // values… reads them as a stage and a person the company has, and the files are checked
    // again; the next file of that layout starts from those values.
    QVERIFY(write(QStringLiteral("c.csv"), QStringLiteral("客户名称\n甲公司\n").toUtf8()).size());
    {
        ui::ImportWizard w(*m_db, *m_edits, {m_dir->filePath(QStringLiteral("c.csv"))});
        w.goTo(ui::ImportWizard::ColumnsPage);
        w.goTo(ui::ImportWizard::CheckPage);
        QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
        QSignalSpy imported(&w, &ui::ImportWizard::imported);
        QTest::mouseClick(w.importButton(), Qt::LeftButton);
        QVERIFY(imported.wait(10000));
    }
    const QByteArray rows = QStringLiteral("商机编号,客户,负责人,阶段,金额\nL1,甲公司,王总,触达,1000\nL2,甲公司,小王,初步接触,2000\n"
                                           "L3,甲公司,王总,初步接触,3000\n").toUtf8();
    const QString leads = write(QStringLiteral("leads.csv"), rows);
    ui::ImportWizard w(*m_db, *m_edits, {leads});
    w.show();
    w.goTo(ui::ImportWizard::ColumnsPage);
    w.goTo(ui::ImportWizard::CheckPage);
    QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
    QCOMPARE(w.plan()->refusedRows(), 2);
    QVERIFY(w.matchValuesButton()->isVisible());
    QVERIFY(w.checkMessage().contains(QStringLiteral("Match values")));
    ui::ImportValuesDialog dialog(*w.plan(), &w);
    QCOMPARE(dialog.table()->rowCount(), 2);
    QCOMPARE(dialog.table()->item(0, 2)->text(), QStringLiteral("小王"));
    QCOMPARE(dialog.table()->item(0, 3)->text(), QStringLiteral("1"));
    QCOMPARE(dialog.table()->item(1, 2)->text(), QStringLiteral("初步接触"));
    QCOMPARE(dialog.table()->item(1, 3)->text(), QStringLiteral("2"));
    QVERIFY(dialog.matches().size() <= 1); // "小王" may be guessed as 王总; the stage is not
    QVERIFY(dialog.choose(0, QStringLiteral("王总")));
    QVERIFY(dialog.choose(1, QStringLiteral("触达")));
    QVERIFY(!dialog.choose(1, QStringLiteral("no such stage")));
    if (const QString shots = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR"); !shots.isEmpty()) {
        w.resize(1100, 680);
        w.grab().save(shots + QStringLiteral("/import-en-3-check.png"));
        dialog.grab().save(shots + QStringLiteral("/import-en-4-values.png"));
    }
    QList<ui::ImportWizard::ValueMatch> matches;
    for (const ui::ImportValuesDialog::Match &m : dialog.matches())
        matches << ui::ImportWizard::ValueMatch{m.file, m.field, m.value, m.readAs};
    QCOMPARE(matches.size(), 2);
    w.applyValueMatches(matches);
    QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
    QCOMPARE(w.plan()->refusedRows(), 0);
    QVERIFY(!w.matchValuesButton()->isVisible());
    QSignalSpy imported(&w, &ui::ImportWizard::imported);
    QTest::mouseClick(w.importButton(), Qt::LeftButton);
    QVERIFY(imported.wait(10000));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM leads l JOIN users u ON u.id = l.owner_id WHERE u.name = '王总'")), 3);
    // The next file of this layout: its values are those of the last import.
    const QString more = write(QStringLiteral("leads2.csv"), QStringLiteral("商机编号,客户,负责人,阶段,金额\nL4,甲公司,小王,初步接触,4000\n").toUtf8());
    ui::ImportWizard next(*m_db, *m_edits, {more});
    next.goTo(ui::ImportWizard::ColumnsPage);
    next.goTo(ui::ImportWizard::CheckPage);
    QTRY_VERIFY_WITH_TIMEOUT(next.plan() != nullptr, 10000);
    QCOMPARE(next.plan()->refusedRows(), 0);
}

void TestImportWizard::importCustomer()
{
    write(QStringLiteral("c.csv"), QStringLiteral("客户名称\n甲公司\n").toUtf8());
    ui::ImportWizard w(*m_db, *m_edits, {m_dir->filePath(QStringLiteral("c.csv"))});
    w.goTo(ui::ImportWizard::ColumnsPage);
    w.goTo(ui::ImportWizard::CheckPage);
    QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
    QSignalSpy imported(&w, &ui::ImportWizard::imported);
    QTest::mouseClick(w.importButton(), Qt::LeftButton);
    QVERIFY(imported.wait(10000));
}

QString TestImportWizard::dump()
{
    QStringList out;
    QSqlQuery q(m_db->connection());
    for (const char *sql : {"SELECT id, name, deleted, row_version FROM customers ORDER BY id",
                            "SELECT id, stage_id, status, deleted, row_version FROM leads ORDER BY id",
                            "SELECT count(*) FROM stage_history", "SELECT count(*) FROM log_deletions",
                            "SELECT id, undone_at IS NULL FROM import_runs ORDER BY id"}) {
        if (!q.exec(QLatin1String(sql)))
            return q.lastError().text();
        while (q.next()) {
            QStringList cells;
            for (int c = 0; c < q.record().count(); ++c)
                cells << q.value(c).toString();
            out << cells.join(u'|');
        }
    }
    return out.join(u'\n');
}

void TestImportWizard::createsAPipelineFromTheStages()
{
    // A company's own stages, none of them the pipeline's: the leads file says which stages a
    // new pipeline has (with their rows), the user orders them and marks the won and lost ones,
    // and the check shows the pipeline it creates; saved with the mapping, imported.
    importCustomer();
    const QString leads = write(QStringLiteral("商机.csv"), QStringLiteral(
        "商机编号,客户,负责人,阶段,金额\nL1,甲公司,王总,初步接触,1000\nL2,甲公司,王总,意向沟通,2000\n"
        "L3,甲公司,王总,初步接触,3000\nL4,甲公司,王总,赢单,4000\nL5,甲公司,王总,输单,500\n").toUtf8());
    ui::ImportWizard w(*m_db, *m_edits, {leads});
    w.resize(1100, 680);
    w.show();
    w.goTo(ui::ImportWizard::ColumnsPage);
    w.goTo(ui::ImportWizard::CheckPage);
    QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
    QCOMPARE(w.plan()->refusedRows(), 3); // 初步接触 twice, 意向沟通
    QVERIFY(w.pipelineButton()->isVisible());
    QVERIFY2(w.checkMessage().contains(QStringLiteral("Create a pipeline from the stages…")), qPrintable(w.checkMessage()));
    QString error;
    const QList<imports::ValueCount> stages = w.fileStages(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(stages.size(), 4);
    QCOMPARE(stages.at(0).value, QStringLiteral("初步接触"));
    QCOMPARE(stages.at(0).rows, 2);
    QCOMPARE(stages.at(3).value, QStringLiteral("输单"));
    const QList<storage::PipelineSummary> existing = storage::PipelineRepository(*m_db).current();
    QVERIFY(!existing.isEmpty());
    ui::ImportPipelineDialog dialog(stages, existing, w.existingStages(), {}, &w);
    auto stageAt = [&](int row) { return dialog.table()->item(row, 0)->text(); };
    QCOMPARE(dialog.table()->rowCount(), 4);
    QCOMPARE(stageAt(0), QStringLiteral("初步接触"));
    QCOMPARE(dialog.table()->item(0, 1)->text(), QStringLiteral("2"));
    QCOMPARE(stageAt(2), QStringLiteral("赢单"));
    QCOMPARE(dialog.pipeline().stages.at(2).closing, QStringLiteral("won")); // guessed from the word
    QCOMPARE(dialog.pipeline().stages.at(3).closing, QStringLiteral("lost"));
    QCOMPARE(dialog.problem(), QStringLiteral("Give the new pipeline a name."));
    dialog.setNewPipeline(QStringLiteral("分销渠道"));
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    // Reordered as a user would: 意向沟通 up, then back down.
    QVERIFY(dialog.moveStage(1, -1));
    QCOMPARE(stageAt(0), QStringLiteral("意向沟通"));
    QCOMPARE(stageAt(1), QStringLiteral("初步接触"));
    QCOMPARE(dialog.table()->item(1, 1)->text(), QStringLiteral("2"));
    QVERIFY(!dialog.moveStage(0, -1));
    QVERIFY(dialog.moveStage(0, +1));
    QCOMPARE(stageAt(0), QStringLiteral("初步接触"));
    QVERIFY(dialog.setClosing(2, QString())); // no won stage: refused
    QCOMPARE(dialog.problem(), QStringLiteral("Mark one stage as the won one (now 0)."));
    QVERIFY(dialog.setClosing(2, QStringLiteral("won")));
    QVERIFY(dialog.problem().isEmpty());
    const imports::MappedPipeline pipeline = dialog.pipeline();
    QVERIFY(!pipeline.code.isEmpty());
    for (const storage::PipelineSummary &p : existing)
        QVERIFY(p.code != pipeline.code); // a new pipeline, not a version of one
    pipelineDialogScreens(w, QStringLiteral("en"));
    w.createPipeline(pipeline);
    QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
    QCOMPARE(w.plan()->refusedRows(), 0);
    QVERIFY(!w.plan()->pipelineId);
    const QString summary = w.plan()->summaryLines().join(u'\n');
    QVERIFY2(summary.contains(QStringLiteral("creates the pipeline “分销渠道”, version 1: 初步接触 → 意向沟通 → 赢单")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("not checked against stage gates")), qPrintable(summary));
    if (const QString shots = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR"); !shots.isEmpty())
        w.grab().save(shots + QStringLiteral("/import-en-3-check-new-pipeline.png"));
    // Saved with the mapping.
    const QString saved = m_dir->filePath(QStringLiteral("pipeline.json"));
    QVERIFY2(w.saveMapping(saved, &error), qPrintable(error));
    const auto m = imports::ImportMapping::fromFile(saved, &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->pipeline.name, QStringLiteral("分销渠道"));
    QCOMPARE(m->pipeline.stages.size(), 4);
    QCOMPARE(m->pipeline.stages.at(3).closing, QStringLiteral("lost"));
    QSignalSpy imported(&w, &ui::ImportWizard::imported);
    QTest::mouseClick(w.importButton(), Qt::LeftButton);
    QVERIFY(imported.wait(10000));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM leads l JOIN pipelines p ON p.id = l.pipeline_id "
                                  "WHERE p.name = '分销渠道' AND l.deleted = 0")), 5);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pipeline_stages s JOIN pipelines p ON p.id = s.pipeline_id "
                                  "WHERE p.name = '分销渠道'")), 3);

    // Another file with a stage more: a new version of that pipeline.
    const QString more = write(QStringLiteral("商机2.csv"), QStringLiteral(
        "商机编号,客户,负责人,阶段,金额\nL6,甲公司,王总,初步接触,1000\nL7,甲公司,王总,方案报价,2000\nL8,甲公司,王总,赢单,3000\n").toUtf8());
    ui::ImportWizard next(*m_db, *m_edits, {more});
    next.goTo(ui::ImportWizard::ColumnsPage);
    next.goTo(ui::ImportWizard::CheckPage);
    QTRY_VERIFY_WITH_TIMEOUT(next.plan() != nullptr, 10000);
    QCOMPARE(next.plan()->refusedRows(), 1); // 方案报价
    ui::ImportPipelineDialog again(next.fileStages(&error), next.existingPipelines(), next.existingStages(), {}, &next);
    QVERIFY(again.setNewVersionOf(pipeline.code));
    // The version's stages in their order, the file's new one before the won stage; a stage
    // no row is in can be left out, one with rows cannot.
    QCOMPARE(again.table()->rowCount(), 4);
    QCOMPARE(again.table()->item(0, 0)->text(), QStringLiteral("初步接触"));
    QCOMPARE(again.table()->item(1, 0)->text(), QStringLiteral("意向沟通"));
    QCOMPARE(again.table()->item(1, 1)->text(), QStringLiteral("0"));
    QCOMPARE(again.table()->item(2, 0)->text(), QStringLiteral("方案报价"));
    QCOMPARE(again.table()->item(3, 0)->text(), QStringLiteral("赢单"));
    QVERIFY(!again.removeStage(2));
    QVERIFY2(again.problem().isEmpty(), qPrintable(again.problem()));
    QCOMPARE(again.pipeline().code, pipeline.code);
    if (const QString shots = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR"); !shots.isEmpty())
        again.grab().save(shots + QStringLiteral("/import-en-5-pipeline-version.png"));
    next.createPipeline(again.pipeline());
    QTRY_VERIFY_WITH_TIMEOUT(next.plan() != nullptr, 10000);
    QCOMPARE(next.plan()->refusedRows(), 0);
    const QString nextSummary = next.plan()->summaryLines().join(u'\n');
    QVERIFY2(nextSummary.contains(QStringLiteral("creates a new version (2) of the pipeline “分销渠道”, whose stages differ: "
                                                 "初步接触 → 意向沟通 → 方案报价 → 赢单")), qPrintable(nextSummary));
    // Left out, the stage no row is in is not in the version.
    QVERIFY(again.removeStage(1));
    next.createPipeline(again.pipeline());
    QTRY_VERIFY_WITH_TIMEOUT(next.plan() != nullptr, 10000);
    QVERIFY(next.plan()->summaryLines().join(u'\n').contains(QStringLiteral(": 初步接触 → 方案报价 → 赢单;")));
}

QString TestImportWizard::pipelineDialogScreens(ui::ImportWizard &w, const QString &suffix)
{
    const QString shots = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR");
    if (shots.isEmpty())
        return {};
    QString error;
    ui::ImportPipelineDialog dialog(w.fileStages(&error), w.existingPipelines(), w.existingStages(), {}, &w);
    dialog.setNewPipeline(QStringLiteral("分销渠道"));
    const QString path = shots + QStringLiteral("/import-%1-5-pipeline.png").arg(suffix);
    dialog.grab().save(path);
    return path;
}

void TestImportWizard::undoWithProgressAndCancel()
{
    // An import's undo shows its progress in a dialog with Cancel: cancelled at the first
    // report, nothing changes (rows, log, the run) and the undo stack stays where it was; let
    // run, the count reaches the total and the import is gone; redo the same.
    importCustomer();
    QByteArray rows = "商机编号,客户,负责人,阶段,金额\n";
    for (int i = 0; i < 1200; ++i)
        rows += "L" + QByteArray::number(i) + ",甲公司,王总," + (i % 3 ? "触达" : "赢单") + "," + QByteArray::number(1000 + i) + "\n";
    ui::ImportWizard w(*m_db, *m_edits, {write(QStringLiteral("leads.csv"), rows)});
    w.goTo(ui::ImportWizard::ColumnsPage);
    w.goTo(ui::ImportWizard::CheckPage);
    QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 20000);
    QCOMPARE(w.plan()->refusedRows(), 0);
    QSignalSpy imported(&w, &ui::ImportWizard::imported);
    QTest::mouseClick(w.importButton(), Qt::LeftButton);
    QVERIFY(imported.wait(20000));
    QCOMPARE(m_stack->count(), 2);
    QCOMPARE(m_stack->index(), 2);
    const QString before = dump();
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0")), 1200);

    ui::LongStepProgress progress(*m_edits, nullptr);
    // Cancel pressed as the first count arrives: on the worker, before it goes on.
    qint64 firstDone = -1, lastDone = -1, lastTotal = -1;
    bool cancelNow = true;
    const auto conn = connect(m_edits.get(), &EditController::progress, this, [&](qint64 done, qint64 total) {
        if (firstDone < 0)
            firstDone = done;
        lastDone = done;
        lastTotal = total;
        if (cancelNow)
            m_edits->cancelLongStep();
    }, Qt::DirectConnection);
    QSignalSpy cancelled(m_edits.get(), &EditController::longStepCancelled);
    QSignalSpy failed(m_edits.get(), &EditController::commandFailed);
    m_stack->undo();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(firstDone > 0 && firstDone < lastTotal); // the first report came part way through
    QTRY_COMPARE(m_stack->index(), 2);                // put back: the stack as it was
    QCOMPARE(m_stack->count(), 2);
    QCOMPARE(dump(), before);                          // and the data
    QCOMPARE(failed.count(), 0);
    QVERIFY(!progress.dialog());

    // Let run: the dialog shows the rows, the count reaches the total.
    cancelNow = false;
    firstDone = lastDone = lastTotal = -1;
    int dialogMax = -1, dialogValue = -1;
    // After the dialog's own slot (queued from the worker, in the order connected).
    const auto shown = connect(m_edits.get(), &EditController::progress, this, [&] {
        if (progress.dialog() && progress.dialog()->isVisible()) {
            if (const QString shots = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR"); !shots.isEmpty() && dialogMax < 0)
                progress.dialog()->grab().save(shots + QStringLiteral("/import-en-6-undo-progress.png"));
            dialogMax = progress.dialog()->maximum();
            dialogValue = progress.dialog()->value();
        }
    });
    m_stack->undo();
    disconnect(shown);
    QCOMPARE(lastDone, lastTotal);
    QVERIFY(lastTotal >= 1200);
    QCOMPARE(m_stack->index(), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0")), 0);
    QCOMPARE(dialogMax, int(lastTotal));
    QCOMPARE(dialogValue, dialogMax);
    QVERIFY(!progress.dialog());
    // A cancelled redo: the import stays undone, the stack where it was.
    cancelNow = true;
    const QString undone = dump();
    m_stack->redo();
    QCOMPARE(cancelled.count(), 2);
    QTRY_COMPARE(m_stack->index(), 1);
    QCOMPARE(dump(), undone);
    cancelNow = false;
    m_stack->redo();
    QCOMPARE(m_stack->index(), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0")), 1200);
    QCOMPARE(failed.count(), 0);
    disconnect(conn);
}

void TestImportWizard::refusedRowsFixedInExcelImportAgain()
{
    // The issue's loop: import what can be, save the refused rows as a workbook, fix them "in
    // Excel" (the workbook read and written again with the cell corrected and the reason
    // column left in), and import that workbook through the wizard.
    const QString file = write(QStringLiteral("c.csv"), "name,phone,industry\nAcme,13800000001,tech\nBad,12,\nBeta,13800000002,retail\n");
    const QString refused = m_dir->filePath(QStringLiteral("refused.xlsx"));
    {
        ui::ImportWizard w(*m_db, *m_edits, {file});
        w.goTo(ui::ImportWizard::ColumnsPage);
        w.goTo(ui::ImportWizard::CheckPage);
        QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
        QCOMPARE(w.plan()->refusedRows(), 1);
        QString error;
        QVERIFY2(w.saveRefused(refused, &error), qPrintable(error));
        w.skipRefusedBox()->setChecked(true);
        QSignalSpy imported(&w, &ui::ImportWizard::imported);
        QTest::mouseClick(w.importButton(), Qt::LeftButton);
        QVERIFY(imported.wait(10000));
    }
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE deleted = 0")), 2);
    imports::TableSource src;
    QVERIFY2(src.open(refused), qPrintable(src.error()));
    const QStringList header = src.header();
    QCOMPARE(header.size(), 4); // the file's three columns and the reason
    QList<QStringList> rows;
    io::CsvRecord rec;
    while (src.next(rec))
        rows << rec.fields;
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().value(0), QStringLiteral("Bad"));
    QCOMPARE(rows.first().value(1), QStringLiteral("12"));
    rows.first()[1] = QStringLiteral("13800000009");
    io::ExportTable fixed;
    for (const QString &h : header)
        fixed.columns << io::ExportColumn(h);
    const QString fixedPath = m_dir->filePath(QStringLiteral("refused fixed.xlsx"));
    const io::ExportResult written = io::TableWriter::writeXlsx(fixedPath, fixed, [&](qsizetype r, QVariantList &cells) {
        if (r >= rows.size())
            return false;
        for (const QString &c : rows.at(r))
            cells << c;
        return true;
    });
    QVERIFY2(written.ok, qPrintable(written.error));
    ui::ImportWizard again(*m_db, *m_edits, {fixedPath});
    again.goTo(ui::ImportWizard::ColumnsPage);
    again.goTo(ui::ImportWizard::CheckPage);
    QTRY_VERIFY_WITH_TIMEOUT(again.plan() != nullptr, 10000);
    QCOMPARE(again.plan()->refusedRows(), 0);
    QCOMPARE(again.plan()->files.first().counts.created, 1);
    QSignalSpy imported(&again, &ui::ImportWizard::imported);
    QTest::mouseClick(again.importButton(), Qt::LeftButton);
    QVERIFY(imported.wait(10000));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE deleted = 0 AND name = 'Bad' AND phone = '13800000009'")), 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE deleted = 0")), 3);
}

void TestImportWizard::screenshotsInChinese()
{
    // For a person to look at (COCKPIT_SCREENSHOT_DIR, and COCKPIT_SCREENSHOT_QM naming the
    // built cockpit_zh_CN.qm): the files page with a CSV read as chosen, and the columns page
    // starting from the last import's columns, in Chinese.
    const QString shots = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR"), qm = qEnvironmentVariable("COCKPIT_SCREENSHOT_QM");
    if (shots.isEmpty() || qm.isEmpty())
        QSKIP("set COCKPIT_SCREENSHOT_DIR and COCKPIT_SCREENSHOT_QM for the Chinese screenshots");
    QTranslator zh;
    QVERIFY(zh.load(qm));
    QCoreApplication::installTranslator(&zh);
    const QString gb = write(QStringLiteral("学校.csv"), QStringEncoder("GB18030").encode(QStringLiteral("学校,实业\n伟业,木业\n")));
    const QString semi = write(QStringLiteral("客户.csv"), QStringLiteral("客户名称;电话, 手机;行业\n甲公司, 上海;13800000002;制造\n").toUtf8());
    QString error;
    {
        ui::ImportWizard w(*m_db, *m_edits, {gb, semi});
        w.resize(1100, 680);
        QVERIFY2(w.setReadAs(0, io::TextEncoding::Gb18030, std::nullopt, &error), qPrintable(error));
        QVERIFY2(w.setReadAs(1, std::nullopt, QChar(u';'), &error), qPrintable(error));
        w.grab().save(shots + QStringLiteral("/import-zh-1-files.png"));
    }
    {
        ui::ImportWizard w(*m_db, *m_edits, {semi});
        QVERIFY2(w.setReadAs(0, std::nullopt, QChar(u';'), &error), qPrintable(error));
        w.goTo(ui::ImportWizard::ColumnsPage);
        w.goTo(ui::ImportWizard::CheckPage);
        QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr || !w.checkMessage().contains(QStringLiteral("…")), 10000);
        QVERIFY2(w.plan() && w.importButton()->isEnabled(), qPrintable(w.checkMessage()));
        QSignalSpy imported(&w, &ui::ImportWizard::imported);
        QTest::mouseClick(w.importButton(), Qt::LeftButton);
        QVERIFY(imported.wait(10000));
    }
    const QString again = write(QStringLiteral("客户2.csv"), QStringLiteral("行业;客户名称;电话, 手机\n零售;乙公司, 北京;13800000003\n").toUtf8());
    {
        ui::ImportWizard w(*m_db, *m_edits, {again});
        w.resize(1100, 680);
        QVERIFY2(w.setReadAs(0, std::nullopt, QChar(u';'), &error), qPrintable(error));
        w.goTo(ui::ImportWizard::ColumnsPage);
        QVERIFY(!w.columnsOrigin().isEmpty());
        w.grab().save(shots + QStringLiteral("/import-zh-2-columns.png"));
    }
    // The check page with values to match, and Match values….
    write(QStringLiteral("c.csv"), QStringLiteral("客户名称\n甲公司\n").toUtf8());
    {
        ui::ImportWizard w(*m_db, *m_edits, {m_dir->filePath(QStringLiteral("c.csv"))});
        w.goTo(ui::ImportWizard::ColumnsPage);
        w.goTo(ui::ImportWizard::CheckPage);
        QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
        QSignalSpy imported(&w, &ui::ImportWizard::imported);
        QTest::mouseClick(w.importButton(), Qt::LeftButton);
        QVERIFY(imported.wait(10000));
    }
    const QString leads = write(QStringLiteral("商机.csv"), QStringLiteral("商机编号,客户,负责人,阶段,金额\nL1,甲公司,王总,触达,1000\n"
                                                                         "L2,甲公司,小王,初步接触,2000\nL3,甲公司,王总,初步接触,3000\n").toUtf8());
    ui::ImportWizard w(*m_db, *m_edits, {leads});
    w.resize(1100, 680);
    w.show();
    w.goTo(ui::ImportWizard::ColumnsPage);
    w.goTo(ui::ImportWizard::CheckPage);
    QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
    w.grab().save(shots + QStringLiteral("/import-zh-3-check.png"));
    ui::ImportValuesDialog dialog(*w.plan(), &w);
    dialog.choose(1, QStringLiteral("触达"));
    dialog.grab().save(shots + QStringLiteral("/import-zh-4-values.png"));
    // Create a pipeline from the stages…, and the check that follows.
    QVERIFY(!pipelineDialogScreens(w, QStringLiteral("zh")).isEmpty());
    imports::MappedPipeline pipeline;
    pipeline.code = QStringLiteral("fenxiao");
    pipeline.name = QStringLiteral("分销渠道");
    pipeline.stages = {{QStringLiteral("初步接触"), {}}, {QStringLiteral("触达"), {}}, {QStringLiteral("赢单"), QStringLiteral("won")}};
    w.createPipeline(pipeline);
    QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
    w.grab().save(shots + QStringLiteral("/import-zh-3-check-new-pipeline.png"));
    // A column that is two fields: the Maven mapping's manager, also the team.
    {
        ui::ImportWizard m(*m_db, *m_edits, {QStringLiteral(COCKPIT_SOURCE_DIR "/tests/data/maven-crm/sales_teams.csv")});
        m.resize(1100, 680);
        QVERIFY2(m.loadMapping(QStringLiteral(COCKPIT_SOURCE_DIR "/resources/import-mappings/maven-crm.json"), &error), qPrintable(error));
        m.goTo(ui::ImportWizard::ColumnsPage);
        m.grab().save(shots + QStringLiteral("/import-zh-2-columns-two-fields.png"));
    }
    // An import's undo, part way.
    {
        ui::LongStepProgress progress(*m_edits, &w);
        Q_EMIT m_edits->busy(QCoreApplication::translate("cockpit::ImportCommand", "Undoing the import…"));
        Q_EMIT m_edits->progress(3500, 8800);
        QVERIFY(progress.dialog());
        progress.dialog()->grab().save(shots + QStringLiteral("/import-zh-6-undo-progress.png"));
        Q_EMIT m_edits->idle();
    }
    QCoreApplication::removeTranslator(&zh);
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
