// The pipeline editor driven like a person would: keys to add and move stages, an invalid
// draft cannot be saved and says why, a valid one is saved as the next version.
#include "storage/database.h"
#include "pipelineeditor.h"
#include "storage/pipelinerepository.h"

#include "fixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

class TestPipelineEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void editAndSaveVersion();
    void invalidDraftCannotBeSaved();
    void undoAndRevert();
    void newPipeline();

private:
    QTemporaryDir *m_dir = nullptr;
    storage::Database *m_db = nullptr;
    ui::PipelineEditor *m_editor = nullptr;
};

void TestPipelineEditor::init()
{
    m_dir = new QTemporaryDir;
    m_db = new storage::Database;
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("e.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(*m_db));
    m_editor = new ui::PipelineEditor(*m_db);
    m_editor->resize(1100, 600);
    m_editor->show();
    m_editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_editor));
}

void TestPipelineEditor::cleanup()
{
    delete m_editor;
    delete m_db;
    delete m_dir;
}

void TestPipelineEditor::editAndSaveVersion()
{
    QTableWidget *table = m_editor->stageTable();
    QCOMPARE(table->rowCount(), 5);
    QVERIFY(!m_editor->saveButton()->isEnabled()); // nothing changed yet
    QCOMPARE(m_editor->saveButton()->text(), QStringLiteral("Save as version 2"));

    // Select 需求诊断, Insert adds a stage after it, typing names it.
    table->setFocus();
    table->setCurrentCell(2, 0);
    QTest::keyClick(table, Qt::Key_Insert);
    QCOMPARE(table->rowCount(), 6);
    QCOMPARE(table->currentRow(), 3);
    auto *line = table->viewport()->findChild<QLineEdit *>(); // the cell editor is open
    QVERIFY(line);
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("Site visit")); // QTest types ASCII only
    line->setText(line->text().replace(QStringLiteral("Site visit"), QStringLiteral("上门拜访")));
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE(m_editor->draft().stages.at(3).name, QStringLiteral("上门拜访"));
    // Alt+Up moves it before 需求诊断.
    QTest::keyClick(table, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(m_editor->draft().stages.at(2).name, QStringLiteral("上门拜访"));
    QCOMPARE(m_editor->draft().stages.at(3).name, QStringLiteral("需求诊断"));
    // Its exit gate: tick "At least one demo".
    QCheckBox *demo = m_editor->gateCheck(QString::fromLatin1(gate::DemoDone));
    QVERIFY(demo && demo->isEnabled() && !demo->isChecked());
    QTest::mouseClick(demo, Qt::LeftButton, {}, QPoint(8, demo->height() / 2));
    QCOMPARE(m_editor->draft().stages.at(2).exitGate, QStringList{QString::fromLatin1(gate::DemoDone)});
    QVERIFY(table->item(2, 3)->text().contains(QLatin1String("At least one demo")));
    QVERIFY(m_editor->issues().isEmpty());
    QVERIFY(m_editor->saveButton()->isEnabled());

    QTest::mouseClick(m_editor->saveButton(), Qt::LeftButton);
    storage::PipelineRepository repo(*m_db);
    const auto cur = repo.loadCurrent(QStringLiteral("lifecycle"));
    QCOMPARE(cur->def.version, 2);
    QCOMPARE(cur->def.stages.size(), 6);
    QCOMPARE(cur->def.stages.at(2).name, QStringLiteral("上门拜访"));
    QCOMPARE(cur->def.stages.at(2).exitGate, QStringList{QString::fromLatin1(gate::DemoDone)});
    QVERIFY(m_editor->lastMessage().contains(QLatin1String("version 2")));
    // The editor now shows version 2 as saved: nothing to save, next save is version 3.
    QVERIFY(!m_editor->saveButton()->isEnabled());
    QCOMPARE(m_editor->saveButton()->text(), QStringLiteral("Save as version 3"));
    auto *versions = m_editor->findChild<QTableWidget *>(QStringLiteral("versionTable"));
    QCOMPARE(versions->rowCount(), 2);
    QCOMPARE(versions->item(1, 2)->text(), QStringLiteral("3")); // version 1 holds the 3 leads
}

void TestPipelineEditor::invalidDraftCannotBeSaved()
{
    QTableWidget *table = m_editor->stageTable();
    table->item(3, 0)->setText(QStringLiteral("需求诊断")); // same name as stage 3
    QVERIFY(!m_editor->saveButton()->isEnabled());
    auto *issues = m_editor->findChild<QLabel *>(QStringLiteral("pipelineIssues"));
    QVERIFY(issues->isVisible());
    QVERIFY2(issues->text().contains(QStringLiteral("Stage 4 “需求诊断” has the same name as stage 3.")),
             qPrintable(issues->text()));
    QVERIFY(table->verticalHeaderItem(3)->text().contains(QStringLiteral("⚠")));
    // Removing every stage: "no stages".
    table->setFocus();
    for (int i = 0; i < 5; ++i) {
        table->setCurrentCell(0, 0);
        QTest::keyClick(table, Qt::Key_Delete);
    }
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(issues->text().contains(QLatin1String("no stages")));
    QVERIFY(!m_editor->saveButton()->isEnabled());
    QCOMPARE(storage::PipelineRepository(*m_db).loadCurrent(QStringLiteral("lifecycle"))->def.version, 1);
}

void TestPipelineEditor::undoAndRevert()
{
    QTableWidget *table = m_editor->stageTable();
    table->setCurrentCell(1, 0);
    m_editor->removeStage();
    m_editor->removeStage();
    QCOMPARE(table->rowCount(), 3);
    m_editor->undoChange();
    QCOMPARE(table->rowCount(), 4);
    m_editor->revert();
    QCOMPARE(table->rowCount(), 5);
    QVERIFY(!m_editor->saveButton()->isEnabled());
    QCOMPARE(m_editor->draft().stages.at(1).name, QStringLiteral("15分钟初筛"));
}

void TestPipelineEditor::newPipeline()
{
    m_editor->newPipeline(QStringLiteral("渠道合作"));
    QCOMPARE(m_editor->saveButton()->text(), QStringLiteral("Create pipeline"));
    QCOMPARE(m_editor->stageTable()->rowCount(), 2);
    QVERIFY(m_editor->issues().isEmpty());
    QVERIFY2(m_editor->save(), qPrintable(m_editor->lastMessage()));
    storage::PipelineRepository repo(*m_db);
    QCOMPARE(repo.current().size(), 4);
    QCOMPARE(repo.current().at(3).name, QStringLiteral("渠道合作"));
    // The same name again is refused while typing.
    m_editor->newPipeline(QStringLiteral("渠道合作"));
    QVERIFY(!m_editor->saveButton()->isEnabled());
    QVERIFY(m_editor->issues().join(QLatin1Char('\n')).contains(QStringLiteral("already called “渠道合作”")));
}

QTEST_MAIN(TestPipelineEditor)
#include "tst_pipelineeditor.moc"
