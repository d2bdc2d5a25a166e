// The Customers screen's value and health columns and the detail panel's Scores tab (issue 14,
// DESIGN.md §5 "Customers"): the figures shown are those of targets/customerdata.h for every
// customer, sort as numbers (no score last), and the panel shows the breakdown and the owner's
// morning pick, whose double-click selects that customer.
#include "customerdetailpanel.h"
#include "customerspage.h"
#include "demowindow.h"
#include "items/catalog.h"
#include "items/customertablemodel.h"
#include "items/recordtablemodel.h"
#include "mainwindow.h"
#include "storage/database.h"
#include "targets/customerdata.h"

#include <QDateTime>
#include <QHeaderView>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <cmath>

using namespace cockpit;

class TestCustomerScores : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_w.close(); }
    void columnsShowTheModelsScores();
    void sortsByScoreWithNoScoreLast();
    void panelShowsBreakdownAndMorningPick();

private:
    ui::CustomersPage *page() const { return m_w.window->customersPage(); }
    fixture::DemoWindow m_w;
    targets::CustomerScoresView m_expected;
};

void TestCustomerScores::initTestCase()
{
    const QString error = m_w.open();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSignalSpy shown(page(), &ui::CustomersPage::scoresShown);
    m_w.window->showScreen(ui::NavRail::Customers);
    QVERIFY(shown.wait(30000));
    QVERIFY(!page()->scoresPending());
    // The reference: the same computation on the test's own connection, as of now (the
    // window's clock is the system's).
    m_expected = targets::computeCustomerScores(m_w.db->connection(),
                                                QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    QVERIFY(m_expected.rows.size() > 50);
}

void TestCustomerScores::columnsShowTheModelsScores()
{
    CustomerTableModel *model = page()->tableModel();
    QVERIFY(model);
    QVERIFY(model->hasScores());
    QHash<QString, const targets::CustomerScoreRow *> byId;
    for (const auto &r : m_expected.rows)
        byId.insert(r.customerId, &r);
    int checked = 0, withoutHealth = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString id = model->index(row, 0).data(CustomerTableModel::IdRole).toString();
        const targets::CustomerScoreRow *r = byId.value(id);
        QVERIFY2(r, qPrintable(id));
        QVERIFY(std::abs(model->valueScore(row) - r->value.score) < 1e-3);
        const QVariant shownValue = model->index(row, CustomerTableModel::ValueScoreColumn).data(CustomerTableModel::ValueRole);
        QCOMPARE(shownValue.toDouble(), std::round(r->value.score * 10.0) / 10.0);
        if (r->health.score) {
            QVERIFY(std::abs(model->healthScore(row) - *r->health.score) < 1e-3);
        } else {
            QVERIFY(std::isnan(model->healthScore(row)));
            QVERIFY(model->index(row, CustomerTableModel::HealthScoreColumn).data().toString().isEmpty());
            ++withoutHealth;
        }
        ++checked;
    }
    QCOMPARE(checked, m_expected.rows.size());
    qInfo() << checked << "customers checked," << withoutHealth << "without a health score";
}

void TestCustomerScores::sortsByScoreWithNoScoreLast()
{
    QTableView *table = page()->table();
    table->sortByColumn(CustomerTableModel::ValueScoreColumn, Qt::DescendingOrder);
    double best = -1;
    for (const auto &r : m_expected.rows)
        best = std::max(best, r.value.score);
    const double top = table->model()->index(0, CustomerTableModel::ValueScoreColumn).data(CustomerTableModel::ValueRole).toDouble();
    QCOMPARE(top, std::round(best * 10.0) / 10.0);
    double previous = 1000;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const double v = table->model()->index(row, CustomerTableModel::ValueScoreColumn).data(CustomerTableModel::ValueRole).toDouble();
        QVERIFY(v <= previous);
        previous = v;
    }
    // Health: ascending puts the customers without data first, then the lowest score.
    table->sortByColumn(CustomerTableModel::HealthScoreColumn, Qt::AscendingOrder);
    bool seenScore = false;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const bool none = table->model()->index(row, CustomerTableModel::HealthScoreColumn).data().toString().isEmpty();
        QVERIFY2(!(none && seenScore), "a customer without health sorted among the scored ones");
        seenScore = seenScore || !none;
    }
}

void TestCustomerScores::panelShowsBreakdownAndMorningPick()
{
    QTableView *table = page()->table();
    table->sortByColumn(CustomerTableModel::ValueScoreColumn, Qt::DescendingOrder);
    table->setCurrentIndex(table->model()->index(0, 0));
    ui::CustomerDetailPanel *panel = page()->detailPanel();
    const QString id = panel->customerId();
    QVERIFY(!id.isEmpty());
    const targets::CustomerScoreRow *r = nullptr;
    for (const auto &row : m_expected.rows)
        if (row.customerId == id)
            r = &row;
    QVERIFY(r);
    QAbstractItemModel *scores = panel->scoresView()->model();
    QCOMPARE(scores->index(0, 1).data().toString(), QLocale().toString(r->value.score, 'f', 1));
    // Value, its 3 parts, health and its 8 dimensions.
    QCOMPARE(scores->rowCount(), 1 + 3 + 1 + 8);
    // The owner's morning pick: the same as picksOf(), at most 3, all the owner's customers.
    const QVector<targets::Pick> picks = targets::picksOf(m_expected, r->ownerId, analytics::loadOrgUnits(m_w.db->connection()));
    QAbstractItemModel *shown = panel->picksView()->model();
    QCOMPARE(shown->rowCount(), picks.size());
    QVERIFY(picks.size() >= 1 && picks.size() <= 3);
    for (int i = 0; i < picks.size(); ++i) {
        QCOMPARE(shown->index(i, 0).data().toString(), picks[i].name);
        QCOMPARE(shown->index(i, 0).data(RecordTableModel::KeyRole).toString(), picks[i].customerId);
    }
    // Double-clicking a pick selects that customer (on the Scores tab).
    auto *tabs = qobject_cast<QTabWidget *>(panel->picksView()->parentWidget()->parentWidget()->parentWidget());
    QVERIFY(tabs);
    tabs->setCurrentWidget(panel->picksView()->parentWidget());
    QVERIFY(QTest::qWaitForWindowExposed(panel->picksView()));
    const QString target = picks.last().customerId;
    QSignalSpy activated(panel, &ui::CustomerDetailPanel::customerActivated);
    const QModelIndex cell = shown->index(picks.size() - 1, 0);
    panel->picksView()->scrollTo(cell);
    const QRect rect = panel->picksView()->visualRect(cell);
    QVERIFY(panel->picksView()->viewport()->rect().contains(rect.center()));
    QTest::mouseClick(panel->picksView()->viewport(), Qt::LeftButton, {}, rect.center()); // the view wants a press first
    QTest::mouseDClick(panel->picksView()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(panel->customerId(), target);
}

QTEST_MAIN(TestCustomerScores)
#include "tst_customerscores.moc"
