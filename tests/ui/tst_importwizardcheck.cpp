// File › Import…'s check page (ui/importwizard.h) as a user goes through it: values the company
// does not have matched and checked again, a pipeline created from a file's own stages, an
// import's undo with progress and cancel, the refused rows saved, fixed in Excel and imported
// again, and the wizard's screenshots in Chinese. Files and columns: tst_importwizard.cpp.
#include "importwizardfixture.h"

using namespace cockpit;

class TestImportWizardCheck : public QObject, public testing::ImportWizardFixture
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void matchesValuesAndChecksAgain();
    void createsAPipelineFromTheStages();
    void undoWithProgressAndCancel();
    void refusedRowsFixedInExcelImportAgain();
    void screenshotsInChinese();

private:
    QString pipelineDialogScreens(ui::ImportWizard &w, const QString &suffix);
};

void TestImportWizardCheck::matchesValuesAndChecksAgain()
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

void TestImportWizardCheck::createsAPipelineFromTheStages()
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

QString TestImportWizardCheck::pipelineDialogScreens(ui::ImportWizard &w, const QString &suffix)
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

void TestImportWizardCheck::undoWithProgressAndCancel()
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

void TestImportWizardCheck::refusedRowsFixedInExcelImportAgain()
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

void TestImportWizardCheck::screenshotsInChinese()
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

QTEST_MAIN(TestImportWizardCheck)
#include "tst_importwizardcheck.moc"
