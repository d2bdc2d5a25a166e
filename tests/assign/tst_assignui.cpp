// Assignment in the real window on a generated demo company: the recommendation dialog
// (over the load cap as in the demo, then with the cap raised), "Assign to …" with undo,
// and bulk reassignment of selected table rows (auto and to a chosen rep) as one undo
// step with a status-bar message. Screenshots go to <build>/screenshots.
#include "assign/assignstore.h"
#include "items/catalog.h"
#include "demowindow.h"
#include "domain/clock.h"
#include "storage/database.h"
#include "demo/demogenerator.h"
#include "items/editcontroller.h"
#include "leadspage.h"
#include "items/leadtablemodel.h"
#include "mainwindow.h"
#include "pinyin/pinyin.h"
#include "reassigndialog.h"
#include "recommenddialog.h"

#include <QSqlDatabase>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QUndoStack>

using namespace cockpit;

class TestAssignUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void recommendExplainsOverCapThenAssigns();
    void bulkAutoAssignIsOneUndoStep();
    void reassignToChosenRep();
    void detailPanelButtonOpensRecommendation();

private:
    QString ownerOf(const QString &lead)
    {
        QSqlQuery q(m_w.db->connection());
        q.prepare(QStringLiteral("SELECT coalesce(owner_id, '') FROM leads WHERE id = ?"));
        q.addBindValue(lead);
        return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
    }
    QTableView *table() const { return m_w.window->leadsPage()->table(); }
    QAction *action(const char *name) const
    {
        for (QAction *a : table()->actions())
            if (a->objectName() == QLatin1String(name))
                return a;
        return nullptr;
    }
    // Open leads shown in the table (proxy rows), up to n.
    QList<int> openRows(int n) const
    {
        QList<int> rows;
        QAbstractItemModel *m = table()->model();
        for (int r = 0; r < m->rowCount() && rows.size() < n; ++r)
            if (m->index(r, 0).data(LeadTableModel::StatusRole).toString() == QLatin1String("open"))
                rows << r;
        return rows;
    }
    // The first open row whose lead some rep could take once the load cap is out of the way
    // (someone in scope has won the industry and handles the budget band); -1 if none.
    int assignableOpenRow() const
    {
        assign::AssignStore store(*m_w.db);
        const QDateTime now = m_clock.now();
        std::vector<assign::Rep> reps;
        assign::OrgNames names;
        QString error;
        if (!store.loadReps(now, 180, &reps, &names, &error))
            return -1;
        assign::Options o = store.options(now, 1);
        o.loadCap = 100000;
        const assign::Assigner assigner(reps, o, names);
        QAbstractItemModel *m = table()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->index(r, 0).data(LeadTableModel::StatusRole).toString() != QLatin1String("open"))
                continue;
            std::vector<assign::StoredLead> leads;
            if (!store.loadLeads({m->index(r, 0).data(LeadTableModel::IdRole).toString()}, &leads, &error)
                || leads.empty())
                continue;
            for (int c : assigner.candidates(leads.front().facts))
                if (assigner.isEligible(c, leads.front().facts))
                    return r;
        }
        return -1;
    }
    void screenshot(QWidget *w, const QString &name)
    {
        QDir().mkpath(QStringLiteral(COCKPIT_SCREENSHOT_DIR));
        const QString path = QStringLiteral(COCKPIT_SCREENSHOT_DIR "/") + name;
        QVERIFY(w->grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

    fixture::DemoWindow m_w;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 20), QTime(9, 0), QTimeZone::utc())};
};

void TestAssignUi::initTestCase()
{
    const QString error = m_w.open();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestAssignUi::cleanupTestCase()
{
    m_w.close();
}

void TestAssignUi::recommendExplainsOverCapThenAssigns()
{
    const int row = assignableOpenRow();
    QVERIFY(row >= 0);
    const QModelIndex index = table()->model()->index(row, 0);
    const QString lead = index.data(LeadTableModel::IdRole).toString();
    const QString before = ownerOf(lead);
    ui::RecommendDialog dialog(*m_w.db, *m_w.edits, m_clock, lead,
                               index.data().toString() + QStringLiteral(" · ")
                                   + table()->model()->index(row, LeadTableModel::TitleColumn).data().toString());
    dialog.resize(640, 620);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // The demo's reps carry far more than 8 open leads: nobody is eligible, yet three are
    // ranked and explained.
    auto *verdict = dialog.findChild<QLabel *>(QStringLiteral("verdict"));
    QVERIFY(verdict);
    QVERIFY2(verdict->text().startsWith(QStringLiteral("No eligible rep")), qPrintable(verdict->text()));
    QVERIFY(!dialog.shownNames().isEmpty());
    QVERIFY(dialog.findChild<QFrame *>(QStringLiteral("recommendation1")));
    screenshot(&dialog, QStringLiteral("recommend-over-cap.png"));

    // Raise the cap (a setting saved in the database): the first row becomes auto-assign's pick.
    auto *cap = dialog.findChild<QSpinBox *>(QStringLiteral("loadCap"));
    cap->setValue(200);
    Q_EMIT cap->editingFinished();
    QCOMPARE(assign::AssignStore(*m_w.db).loadCap(), 200);
    QVERIFY2(verdict->text().startsWith(QStringLiteral("Auto-assign would choose ")), qPrintable(verdict->text()));
    QVERIFY(verdict->text().contains(dialog.shownNames().first()));
    screenshot(&dialog, QStringLiteral("recommend.png"));

    const int steps = m_w.undo->index();
    auto *assignFirst = dialog.findChild<QPushButton *>(QStringLiteral("assignButton1"));
    QVERIFY(assignFirst);
    QTest::mouseClick(assignFirst, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.resultMessage().startsWith(QStringLiteral("Lead assigned to ")));
    QVERIFY(ownerOf(lead) != before);
    QCOMPARE(m_w.undo->index(), steps + 1);
    m_w.undo->undo();
    QCOMPARE(ownerOf(lead), before);
}

void TestAssignUi::bulkAutoAssignIsOneUndoStep()
{
    QVERIFY(assign::AssignStore(*m_w.db).setLoadCap(200, nullptr));
    const QList<int> rows = openRows(5);
    QCOMPARE(rows.size(), 5);
    table()->clearSelection();
    QStringList leads, before;
    for (int r : rows) {
        table()->selectionModel()->select(table()->model()->index(r, 0),
                                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
        leads << table()->model()->index(r, 0).data(LeadTableModel::IdRole).toString();
        before << ownerOf(leads.last());
    }
    QCOMPARE(m_w.window->leadsPage()->selectedLeadIds().size(), 5);
    QAction *autoAssign = action("autoAssignAction");
    QVERIFY(autoAssign);
    const int steps = m_w.undo->index();
    autoAssign->trigger();
    const QString message = m_w.window->statusBar()->currentMessage();
    QStringList after;
    int moved = 0;
    for (int i = 0; i < leads.size(); ++i) {
        after << ownerOf(leads[i]);
        moved += after[i] != before[i];
    }
    // Leads whose team has nobody else with the customer's industry stay put, with the reason.
    QVERIFY2(message.startsWith(QStringLiteral("Auto-assigned %1 of 5 leads.").arg(moved)), qPrintable(message));
    QVERIFY2(moved >= 1, qPrintable(message));
    if (moved < 5)
        QVERIFY2(message.contains(QStringLiteral("unchanged: No eligible rep")), qPrintable(message));
    QCOMPARE(m_w.undo->index(), steps + 1);
    for (int i = 0; i < leads.size(); ++i) {
        // The table shows the new owner (the catalog re-read the row).
        const int row = m_w.catalog->data().index.lead(leads[i]);
        QCOMPARE(m_w.catalog->data().leads[size_t(row)].owner, m_w.catalog->data().index.user(after[i]));
    }
    m_w.undo->undo(); // Ctrl+Z: every old owner back
    for (int i = 0; i < leads.size(); ++i)
        QCOMPARE(ownerOf(leads[i]), before[i]);
    m_w.undo->redo();
    for (int i = 0; i < leads.size(); ++i)
        QCOMPARE(ownerOf(leads[i]), after[i]);
    m_w.undo->undo();
}

void TestAssignUi::reassignToChosenRep()
{
    const QList<int> rows = openRows(2);
    table()->clearSelection();
    QStringList leads;
    for (int r : rows) {
        table()->selectionModel()->select(table()->model()->index(r, 0),
                                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
        leads << table()->model()->index(r, 0).data(LeadTableModel::IdRole).toString();
    }
    // An active sales rep who owns neither lead.
    QSqlQuery q(m_w.db->connection());
    q.prepare(QStringLiteral("SELECT id, name FROM users WHERE role = 'sales' AND left_date IS NULL"
                             " AND id NOT IN (SELECT owner_id FROM leads WHERE id IN (?, ?)) ORDER BY name LIMIT 1"));
    q.addBindValue(leads[0]);
    q.addBindValue(leads[1]);
    QVERIFY(q.exec() && q.next());
    const QString repId = q.value(0).toString(), repName = q.value(1).toString();
    bool sawDialog = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ui::ReassignDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawDialog = true;
        // Typed as full pinyin (李强 → liqiang); several reps may share it, pick ours.
        QTest::keyClicks(dialog->search(), pinyin::full(repName));
        int visible = 0;
        for (int i = 0; i < dialog->list()->count(); ++i) {
            QListWidgetItem *item = dialog->list()->item(i);
            visible += !item->isHidden();
            if (!item->isHidden() && item->text().startsWith(repName + QStringLiteral(" · ")))
                dialog->list()->setCurrentItem(item);
        }
        screenshot(dialog, QStringLiteral("reassign.png"));
        QVERIFY(visible >= 1 && visible < dialog->list()->count());
        QCOMPARE(dialog->chosenRepId(), repId);
        dialog->accept();
    });
    action("reassignAction")->trigger();
    QVERIFY(sawDialog);
    QCOMPARE(ownerOf(leads[0]), repId);
    QCOMPARE(ownerOf(leads[1]), repId);
    const QString message = m_w.window->statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("Reassigned 2 of 2 leads to %1.").arg(repName)), qPrintable(message));
    m_w.undo->undo();
    QVERIFY(ownerOf(leads[0]) != repId);
}

void TestAssignUi::detailPanelButtonOpensRecommendation()
{
    const QList<int> rows = openRows(1);
    table()->clearSelection();
    table()->setCurrentIndex(table()->model()->index(rows[0], 0));
    auto *button = m_w.window->findChild<QPushButton *>(QStringLiteral("recommendButton"));
    QVERIFY(button);
    QVERIFY(button->isEnabled()); // an open lead
    bool sawDialog = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ui::RecommendDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawDialog = true;
        dialog->reject();
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(sawDialog);
}

QTEST_MAIN(TestAssignUi)
#include "tst_assignui.moc"
