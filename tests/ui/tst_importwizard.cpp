// File › Import… (ui/importwizard.h) as a user goes through it: files listed with what they
// hold guessed from their headers, columns suggested and one column per field enforced, the
// check made on a worker (refused rows listed, Import held back until the user chooses to
// skip them), the import written and pushed as one undo step that undo and redo take back and
// bring again; a CSV read again in the encoding or with the delimiter the user chooses; the
// mapping saved as JSON, and the columns of an imported header set offered again.
// A leads file's columns date the stages of the pipeline ("Entered stage: …"). The check page,
// undo and the screenshots: tst_importwizardcheck.cpp.
#include "importwizardfixture.h"

using namespace cockpit;

class TestImportWizard : public QObject, public testing::ImportWizardFixture
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void guessesWhatEachFileHolds();
    void oneColumnPerField();
    void oneColumnSeveralFields();
    void mavenManagerIsAlsoTheTeam();
    void checksImportsAndUndoes();
    void refusesFilesItCannotRead();
    void mavenThroughItsMapping();
    void readsAsTheUserSays();
    void savesAndReusesMappings();
    void datesStagesOfThePipeline();
};

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

// A leads file with the dates its leads entered stages: each is offered as "Entered stage: …"
// for the stages of the pipeline the leads go into (not the first, entered at creation, nor the
// closing ones), one column per stage; imported as the leads' stage history, saved with the
// mapping and offered again for the same header set.
void TestImportWizard::datesStagesOfThePipeline()
{
    importCustomer();
    const QString leads = write(QStringLiteral("商机.csv"), QStringLiteral(
        "商机编号,客户,负责人,阶段,金额,创建日期,需求确认于,演示日期\nL1,甲公司,王总,方案演示,1000,2026-03-01,2026-03-05,2026-03-09\n").toUtf8());
    const auto entered = [&](const QString &stage) {
        return count(QStringLiteral("SELECT h.at FROM stage_history h JOIN pipeline_stages s ON s.id = h.to_stage_id "
                                    "WHERE h.deleted = 0 AND s.name = '%1'").arg(stage));
    };
    const auto noon = [](int day) { return QDateTime(QDate(2026, 3, day), QTime(4, 0), Qt::UTC).toSecsSinceEpoch(); };
    const QString saved = m_dir->filePath(QStringLiteral("stages.json"));
    QString error;
    {
        ui::ImportWizard w(*m_db, *m_edits, {leads});
        w.resize(1100, 680);
        w.show();
        w.goTo(ui::ImportWizard::ColumnsPage);
        QVERIFY2(w.datedStages().contains(QStringLiteral("需求确认")) && w.datedStages().contains(QStringLiteral("方案演示")),
                 qPrintable(w.datedStages().join(u',')));
        QVERIFY(!w.datedStages().contains(QStringLiteral("触达")));  // entered at creation
        QVERIFY(!w.datedStages().contains(QStringLiteral("赢单/输单"))); // closing: the close date
        auto *table = qobject_cast<QTableWidget *>(w.columnTabs()->widget(0));
        QVERIFY(table);
        auto *box = table->cellWidget(6, 2)->findChild<QComboBox *>();
        QVERIFY(box);
        const int offered = box->findText(QStringLiteral("Entered stage: 需求确认"));
        QVERIFY(offered > 0);
        QVERIFY(w.setColumnField(0, 5, QStringLiteral("created")));
        // Chosen in the box, as a user does.
        box->setCurrentIndex(offered);
        Q_EMIT box->activated(offered);
        QCOMPARE(shownFields(table, 6), QStringList{QStringLiteral("stage:需求确认")});
        // A stage is dated by one column.
        QVERIFY(!w.setColumnField(0, 7, QStringLiteral("stage:需求确认")));
        QVERIFY2(w.columnsNote().contains(QStringLiteral("“Entered stage: 需求确认” already comes from the column “需求确认于”")),
                 qPrintable(w.columnsNote()));
        QVERIFY(w.setColumnField(0, 7, QStringLiteral("stage:方案演示")));
        QCOMPARE(w.columnFields(0, 7), QStringList{QStringLiteral("stage:方案演示")});
        const QString shots = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the boxes replaced, gone
            QTest::qWait(50);
            w.grab().save(shots + QStringLiteral("/import-2-columns-stage-dates.png"));
        }
        // Saved as a mapping of the company's pipeline: the dates alone, read back.
        QVERIFY2(w.saveMapping(saved, &error), qPrintable(error));
        const auto m = imports::ImportMapping::fromFile(saved, &error);
        QVERIFY2(m, qPrintable(error));
        QVERIFY(!m->pipeline.isSet());
        QVERIFY(m->files.first().stageDates.contains(qMakePair(QStringLiteral("需求确认"), QStringLiteral("需求确认于"))));
        QVERIFY(m->files.first().stageDates.contains(qMakePair(QStringLiteral("方案演示"), QStringLiteral("演示日期"))));
        w.goTo(ui::ImportWizard::CheckPage);
        QTRY_VERIFY_WITH_TIMEOUT(w.plan() != nullptr, 10000);
        QVERIFY2(w.plan()->ok() && w.plan()->refusedRows() == 0, qPrintable(w.checkMessage()));
        QSignalSpy imported(&w, &ui::ImportWizard::imported);
        QTest::mouseClick(w.importButton(), Qt::LeftButton);
        QVERIFY(imported.wait(10000));
    }
    QCOMPARE(entered(QStringLiteral("需求确认")), noon(5));
    QCOMPARE(entered(QStringLiteral("方案演示")), noon(9));
    // The same header set again: the stage columns come back with the others.
    {
        ui::ImportWizard w(*m_db, *m_edits, {leads});
        w.goTo(ui::ImportWizard::ColumnsPage);
        QCOMPARE(w.columnFields(0, 6), QStringList{QStringLiteral("stage:需求确认")});
        QCOMPARE(w.columnFields(0, 7), QStringList{QStringLiteral("stage:方案演示")});
        // Taken off, a column imports nothing.
        QVERIFY(w.setColumnField(0, 7, QString()));
        QCOMPARE(w.columnFields(0, 7), QStringList());
    }
    // A mapping dating a stage the pipeline does not have: the check says which and why.
    QFile json(saved);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QByteArray other = json.readAll().replace("\"方案演示\"", "\"Signing\"");
    json.close();
    const QString wrong = write(QStringLiteral("wrong.json"), other);
    {
        ui::ImportWizard w(*m_db, *m_edits, {leads});
        QVERIFY2(w.loadMapping(wrong, &error), qPrintable(error));
        w.goTo(ui::ImportWizard::ColumnsPage);
        QCOMPARE(w.columnFields(0, 7), QStringList{QStringLiteral("stage:Signing")}); // shown as the mapping says
        w.goTo(ui::ImportWizard::CheckPage);
        QTRY_VERIFY_WITH_TIMEOUT(w.checkMessage().contains(QStringLiteral("cannot be imported")), 10000);
        QVERIFY2(w.checkMessage().contains(QStringLiteral("the column “演示日期” dates the stage “Signing”, which the pipeline")),
                 qPrintable(w.checkMessage()));
    }
}

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
