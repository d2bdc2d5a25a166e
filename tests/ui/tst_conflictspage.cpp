// The Conflicts screen offscreen: the list and the empty state, selecting a conflict, the
// field-by-field table in words, choosing per field with the keyboard and the combo, Merge
// writing exactly the chosen values, the kinds' own buttons, and undo bringing a conflict back.
#include "conflictspage.h"
#include "items/conflictlistmodel.h"
#include "items/conflictstore.h"
#include "storage/database.h"

#include "conflictfixture.h"
#include "demowindow.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace cockpit;

class TestConflictsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void emptyStateWithoutConflicts();
    void showsTheSelectedConflictInWords();
    void mergeWritesTheChosenValues();
    void kindsSayWhatTheButtonsDo();
    void goneRowOffersOnlyTheirs();
    void openedFromTheMainWindow();

private:
    QString value(const QString &sql)
    {
        QSqlQuery q(m_db->connection());
        return q.exec(sql) && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
    }
    void makePage()
    {
        m_page = new ui::ConflictsPage(*m_store, true);
        m_page->resize(1200, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page));
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_page));
    }
    QTemporaryDir *m_dir = nullptr;
    storage::Database *m_db = nullptr;
    QUndoStack *m_stack = nullptr;
    ConflictStore *m_store = nullptr;
    ui::ConflictsPage *m_page = nullptr;
};

void TestConflictsPage::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // money and dates as asserted
    m_dir = new QTemporaryDir;
    m_db = new storage::Database;
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("p.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(*m_db));
    QVERIFY(fixture::exec(m_db->connection(), QStringLiteral("DELETE FROM outbox")));
    m_stack = new QUndoStack;
    m_store = new ConflictStore(*m_db, *m_stack);
}

void TestConflictsPage::cleanup()
{
    delete m_page;
    m_page = nullptr;
    delete m_store;
    delete m_stack;
    delete m_db;
    delete m_dir;
}

void TestConflictsPage::emptyStateWithoutConflicts()
{
    makePage();
    QVERIFY(m_page->isEmptyStateShown());
    QVERIFY(!m_page->keepMineButton()->isVisible());
    // Conflicts recorded while the screen is open (the push's commit) show at once.
    QVERIFY(fixture::addConflicts(*m_db));
    QVERIFY(!m_page->isEmptyStateShown());
    QCOMPARE(m_page->list()->model()->rowCount(), 4);
    QCOMPARE(m_page->currentConflictId(), QStringLiteral("c-update"));
}

void TestConflictsPage::showsTheSelectedConflictInWords()
{
    QVERIFY(fixture::addConflicts(*m_db));
    makePage();
    QVERIFY(!m_page->isEmptyStateShown());
    QCOMPARE(m_page->currentConflictId(), QStringLiteral("c-update")); // the newest, selected
    QTableWidget *fields = m_page->fieldTable();
    QCOMPARE(fields->rowCount(), 4);
    QStringList labels;
    for (int r = 0; r < fields->rowCount(); ++r)
        labels << fields->item(r, 0)->text();
    QCOMPARE(labels, (QStringList{QStringLiteral("Title"), QStringLiteral("Amount"), QStringLiteral("Expected close"),
                                  QStringLiteral("Status")}));
    QVERIFY(fields->item(1, 1)->text().contains(QStringLiteral("1,500,000")));
    QVERIFY(fields->item(1, 2)->text().contains(QStringLiteral("1,300,000")));
    QCOMPARE(fields->item(3, 1)->text(), QStringLiteral("Won"));
    QCOMPARE(fields->item(3, 2)->text(), QStringLiteral("Open"));
    // No column name or stored code reaches the reader, in the list or the fields.
    const QStringList codes = {QStringLiteral("amount_cents"), QStringLiteral("expected_close"), QStringLiteral("won"),
                               QStringLiteral("leads"), QStringLiteral("deleted_on_server"), QStringLiteral("refused")};
    QAbstractItemModel *list = m_page->list()->model();
    for (int r = 0; r < list->rowCount(); ++r)
        for (int c = 0; c < list->columnCount(); ++c)
            for (const QString &code : codes)
                QVERIFY2(!list->index(r, c).data().toString().contains(code), qPrintable(list->index(r, c).data().toString()));
    for (int r = 0; r < fields->rowCount(); ++r)
        for (int c = 0; c < 3; ++c)
            QVERIFY(!fields->item(r, c)->text().contains(QLatin1Char('_')));
    // Selecting another conflict shows its fields.
    QVERIFY(m_page->selectConflict(QStringLiteral("c-refused")));
    QCOMPARE(fields->rowCount(), 2);
    QCOMPARE(fields->item(0, 0)->text(), QStringLiteral("Job title"));
    QCOMPARE(fields->item(0, 1)->text(), QStringLiteral("采购总监"));
}

void TestConflictsPage::mergeWritesTheChosenValues()
{
    QVERIFY(fixture::addConflicts(*m_db));
    makePage();
    QTableWidget *fields = m_page->fieldTable();
    fields->setFocus();
    // Title: the server's (T); Amount stays mine; Expected close: the server's (the combo);
    // Status: switched with Space.
    fields->setCurrentCell(0, 0);
    QTest::keyClick(fields, Qt::Key_T);
    QVERIFY(!m_page->choice(0));
    auto *combo = qobject_cast<QComboBox *>(fields->cellWidget(2, 3));
    QVERIFY(combo);
    combo->setCurrentIndex(1);
    QVERIFY(!m_page->choice(2));
    fields->setCurrentCell(3, 0);
    QTest::keyClick(fields, Qt::Key_Space);
    QVERIFY(!m_page->choice(3));
    QVERIFY(m_page->choice(1));
    QCOMPARE(m_page->mineChoices(), QStringList{QStringLiteral("amount_cents")});
    QVERIFY(fields->item(1, 1)->font().bold()); // the kept value in bold
    QVERIFY(!fields->item(0, 1)->font().bold());

    QTest::mouseClick(m_page->mergeButton(), Qt::LeftButton);
    QCOMPARE(m_page->message(), QString());
    QCOMPARE(value(QStringLiteral("SELECT amount_cents FROM leads WHERE id = 2")), QStringLiteral("150000000"));
    QCOMPARE(value(QStringLiteral("SELECT title FROM leads WHERE id = 2")), QStringLiteral("华为 数据平台"));
    QCOMPARE(value(QStringLiteral("SELECT cockpit_date(expected_close) FROM leads WHERE id = 2")), QStringLiteral("2026-12-20"));
    QCOMPARE(value(QStringLiteral("SELECT status FROM leads WHERE id = 2")), QStringLiteral("open"));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM outbox")), QStringLiteral("1"));
    QCOMPARE(value(QStringLiteral("SELECT fields || ' ' || base_row_version FROM outbox")),
             QStringLiteral("{\"amount_cents\":150000000} 7"));
    QCOMPARE(m_page->list()->model()->rowCount(), 3);
    QCOMPARE(m_page->currentConflictId(), QStringLiteral("c-deleted")); // the next one
    // Undo (Ctrl+Z in the window) brings the conflict back, with the row as it was.
    m_stack->undo();
    QCOMPARE(m_page->list()->model()->rowCount(), 4);
    QCOMPARE(value(QStringLiteral("SELECT amount_cents FROM leads WHERE id = 2")), QStringLiteral("130000000"));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM outbox")), QStringLiteral("0"));
}

void TestConflictsPage::kindsSayWhatTheButtonsDo()
{
    QVERIFY(fixture::addConflicts(*m_db));
    makePage();
    QVERIFY(m_page->mergeButton()->isVisible());
    QVERIFY(m_page->selectConflict(QStringLiteral("c-deleted")));
    QCOMPARE(m_page->keepMineButton()->text(), QStringLiteral("Re-create with &mine"));
    QCOMPARE(m_page->keepTheirsButton()->text(), QStringLiteral("Accept the &deletion"));
    QVERIFY(!m_page->mergeButton()->isVisible());
    QCOMPARE(m_page->fieldTable()->item(0, 2)->text(), QStringLiteral("(deleted on the server)"));
    QVERIFY(m_page->selectConflict(QStringLiteral("c-refused")));
    QCOMPARE(m_page->keepMineButton()->text(), QStringLiteral("Send &again"));
    QCOMPARE(m_page->keepTheirsButton()->text(), QStringLiteral("&Discard mine"));
    // From the keyboard: the button focused, Space.
    m_page->keepMineButton()->setFocus();
    QTest::keyClick(m_page->keepMineButton(), Qt::Key_Space);
    QCOMPARE(value(QStringLiteral("SELECT title FROM contacts WHERE id = 1")), QStringLiteral("采购总监"));
    QCOMPARE(value(QStringLiteral("SELECT table_name || ' ' || op FROM outbox")), QStringLiteral("contacts update"));
    QCOMPARE(m_page->list()->model()->rowCount(), 3);
}

void TestConflictsPage::goneRowOffersOnlyTheirs()
{
    QVERIFY(fixture::addConflicts(*m_db));
    makePage();
    QVERIFY(m_page->selectConflict(QStringLiteral("c-gone")));
    QCOMPARE(m_page->fieldTable()->rowCount(), 1);
    QVERIFY(!m_page->keepMineButton()->isEnabled());
    QVERIFY(!m_page->mergeButton()->isEnabled());
    QVERIFY(m_page->keepTheirsButton()->isEnabled());
    QTest::mouseClick(m_page->keepTheirsButton(), Qt::LeftButton);
    QCOMPARE(m_page->list()->model()->rowCount(), 3);
    QCOMPARE(value(QStringLiteral("SELECT resolved_at IS NOT NULL FROM conflicts WHERE id = 'c-gone'")), QStringLiteral("1"));
}

void TestConflictsPage::openedFromTheMainWindow()
{
    fixture::DemoWindow w;
    QCOMPARE(w.open(), QString());
    QAction *open = nullptr;
    for (QAction *menu : w.window->menuBar()->actions())
        if (menu->menu() && menu->text() == QStringLiteral("&View"))
            for (QAction *a : menu->menu()->actions())
                if (a->text() == QStringLiteral("C&onflicts"))
                    open = a;
    QVERIFY(open);
    QCOMPARE(open->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    open->trigger();
    auto *page = w.window->conflictsPage();
    QVERIFY(page->isVisible());
    QVERIFY(page->isEmptyStateShown()); // the demo has none
    QCOMPARE(w.window->findChild<ui::NavRail *>()->currentRow(), -1);
    // Back to a rail screen, and open again through the slot the status bar calls.
    w.window->showScreen(ui::NavRail::Leads);
    QVERIFY(!page->isVisible());
    QMetaObject::invokeMethod(w.window.get(), "showConflicts");
    QVERIFY(page->isVisible());
}

QTEST_MAIN(TestConflictsPage)
#include "tst_conflictspage.moc"
