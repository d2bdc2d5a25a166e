// The Correlation tab of Targets & Forecast (issue 14) on the tiny demo company: the points,
// the line and the caption are correlationPoints() of the same scope computed on the test's
// own connection; another X metric refits; a rep picked in the list (Enter, double-click) or
// a point clicked on the chart emits its id; and in the real main window that opens the Team
// screen with the rep's row selected (TeamPage::selectRep, also for a rep shown apart).
#include "correlationtab.h"

#include "charts/correlationchart.h"
#include "demowindow.h"
#include "analytics/scope.h"
#include "navrail.h"
#include "targets/correlationview.h"
#include "targets/performancedata.h"
#include "targetsforecastpage.h"
#include "teamhealthmodel.h"
#include "teampage.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QTableView>
#include <QTest>

using namespace cockpit;
using namespace cockpit::targets;

class TestCorrelationTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pointsAreTheModels();
    void anotherMetricRefits();
    void pickingARepEmitsItsId();
    void clickingAPointEmitsItsId();
    void mainWindowOpensTheRepOnTeam();
    void teamPageSelectsARepShownApart();

private:
    CorrelationPoints expected(CorrMetric x, CorrMetric y) const
    {
        const PerformanceView v = computePerformance(m_w.db->connection(), m_scope->scope(), m_nowIso, {}, nullptr, false);
        return correlationPoints(v, x, y);
    }
    void verifyShown(const CorrelationPoints &e) const;
    int rowOf(const QString &repId) const;
    static QString selectedRep(const ui::TeamPage *team, bool apart = false);

    fixture::DemoWindow m_w;
    std::unique_ptr<analytics::ScopeState> m_scope;
    std::unique_ptr<ui::CorrelationTab> m_tab;
    QString m_nowIso = QStringLiteral("2026-11-20T10:00:00Z");
};

void TestCorrelationTab::initTestCase()
{
    const QString error = m_w.open();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // A tab of its own on the window's file, at a fixed time, for the figures.
    m_scope = std::make_unique<analytics::ScopeState>(
        analytics::Scope{analytics::Period::quarter(QDate(2026, 11, 1)), analytics::OrgScope::company()});
    const QDateTime now = QDateTime::fromString(m_nowIso, Qt::ISODate);
    m_tab = std::make_unique<ui::CorrelationTab>(*m_w.figures, *m_scope, [now] { return now; });
    m_tab->resize(1200, 700);
    QSignalSpy refreshed(m_tab.get(), &ui::AnalyticsPage::refreshed);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
    QVERIFY(refreshed.wait(30000));
    QVERIFY(m_tab->result());
}

void TestCorrelationTab::cleanupTestCase()
{
    m_tab.reset();
    m_w.close();
}

int TestCorrelationTab::rowOf(const QString &repId) const
{
    const QAbstractItemModel *m = m_tab->repTable()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data(Qt::UserRole + 1).toString() == repId)
            return r;
    return -1;
}

void TestCorrelationTab::verifyShown(const CorrelationPoints &e) const
{
    const CorrelationPoints &shown = m_tab->points();
    QCOMPARE(shown.points.size(), e.points.size());
    QCOMPARE(shown.leftOut.size(), e.leftOut.size());
    const QList<QPointF> drawn = m_tab->chart()->drawnPoints();
    QCOMPARE(drawn.size(), e.points.size());
    for (int i = 0; i < e.points.size(); ++i) {
        QCOMPARE(shown.points[i].repId, e.points[i].repId);
        QCOMPARE(drawn[i], QPointF(*e.points[i].x, *e.points[i].y));
    }
    QCOMPARE(shown.fit.n, e.fit.n);
    QCOMPARE(shown.fit.slope, e.fit.slope);
    QCOMPARE(shown.fit.r2, e.fit.r2);
    QCOMPARE(m_tab->fitLabel()->text(), correlationCaption(e));
    // The list beside the chart: every ranked rep, its two values as the model formats them.
    const QAbstractItemModel *m = m_tab->repTable()->model();
    QCOMPARE(m->rowCount(), e.points.size() + e.leftOut.size());
    for (const CorrPoint &p : e.points) {
        const int r = rowOf(p.repId);
        QVERIFY(r >= 0);
        QCOMPARE(m->index(r, 0).data().toString(), p.name);
        QCOMPARE(m->index(r, 1).data().toString(), corrMetricText(e.x, *p.x));
        QCOMPARE(m->index(r, 2).data().toString(), corrMetricText(e.y, *p.y));
    }
    // The line spans the points' x range.
    const QList<QPointF> line = m_tab->chart()->lineEnds();
    if (!e.fit.enoughData) {
        QVERIFY(line.isEmpty());
        return;
    }
    QCOMPARE(line.size(), 2);
    double lo = *e.points[0].x, hi = lo;
    for (const CorrPoint &p : e.points) {
        lo = std::min(lo, *p.x);
        hi = std::max(hi, *p.x);
    }
    QCOMPARE(line[0], QPointF(lo, e.fit.slope * lo + e.fit.intercept));
    QCOMPARE(line[1], QPointF(hi, e.fit.slope * hi + e.fit.intercept));
}

void TestCorrelationTab::pointsAreTheModels()
{
    QCOMPARE(CorrMetric(m_tab->yCombo()->currentData().toInt()), CorrMetric::WinRate); // the default y
    QCOMPARE(m_tab->yCombo()->count(), int(corrMetrics().size()));
    const CorrelationPoints e = expected(CorrMetric::Compliance, CorrMetric::WinRate);
    QVERIFY2(e.points.size() >= 3 && e.fit.enoughData, "the tiny demo gives a line");
    verifyShown(e);
    QVERIFY(m_tab->fitLabel()->text().startsWith(QStringLiteral("n = %1 · R² = ").arg(e.points.size())));
}

void TestCorrelationTab::anotherMetricRefits()
{
    const CorrelationPoints before = m_tab->points();
    QSignalSpy refreshed(m_tab.get(), &ui::AnalyticsPage::refreshed);
    // The X combo by keyboard: End picks the last metric (the win rate).
    m_tab->xCombo()->setFocus();
    QTest::keyClick(m_tab->xCombo(), Qt::Key_End);
    QCOMPARE(CorrMetric(m_tab->xCombo()->currentData().toInt()), CorrMetric::WinRate);
    m_tab->setMetrics(CorrMetric::Pei, CorrMetric::WinRate);
    const CorrelationPoints e = expected(CorrMetric::Pei, CorrMetric::WinRate);
    verifyShown(e);
    QVERIFY(m_tab->points().fit.slope != before.fit.slope);
    QVERIFY(m_tab->repTable()->model()->headerData(1, Qt::Horizontal).toString().startsWith(QStringLiteral("PEI")));
    QCOMPARE(refreshed.count(), 0); // refitted on the figures shown, not computed again
    m_tab->setMetrics(CorrMetric::Compliance, CorrMetric::WinRate);
    verifyShown(expected(CorrMetric::Compliance, CorrMetric::WinRate));
}

void TestCorrelationTab::pickingARepEmitsItsId()
{
    QSignalSpy activated(m_tab.get(), &ui::CorrelationTab::repActivated);
    QTableView *table = m_tab->repTable();
    const int row = 1;
    const QString id = table->model()->index(row, 0).data(Qt::UserRole + 1).toString();
    QVERIFY(!id.isEmpty());
    table->setFocus();
    table->setCurrentIndex(table->model()->index(row, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.takeFirst().at(0).toString(), id);
    // A double-click on another rep.
    const int other = 2;
    const QModelIndex cell = table->model()->index(other, 1);
    const QPoint at = table->visualRect(cell).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.takeFirst().at(0).toString(), table->model()->index(other, 0).data(Qt::UserRole + 1).toString());
}

void TestCorrelationTab::clickingAPointEmitsItsId()
{
    // A rep alone at its spot (so the click names it and no other).
    const CorrelationPoints &p = m_tab->points();
    QString id;
    for (const CorrPoint &a : p.points) {
        int same = 0;
        for (const CorrPoint &b : p.points)
            same += *a.x == *b.x && *a.y == *b.y;
        if (same == 1) {
            id = a.repId;
            break;
        }
    }
    QVERIFY(!id.isEmpty());
    const QPoint at = m_tab->chart()->viewPosition(id);
    QVERIFY(m_tab->chart()->viewport()->rect().contains(at));
    QSignalSpy activated(m_tab.get(), &ui::CorrelationTab::repActivated);
    QTest::mouseClick(m_tab->chart()->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.takeFirst().at(0).toString(), id);
    // Its tooltip names the rep and both values.
    for (const CorrPoint &a : p.points)
        if (a.repId == id) {
            const QString tip = m_tab->chart()->toolTipAt(QPointF(*a.x, *a.y));
            QVERIFY2(tip.contains(a.name.toHtmlEscaped()), qPrintable(tip));
            QVERIFY(tip.contains(corrMetricText(p.x, *a.x)));
            QVERIFY(tip.contains(corrMetricText(p.y, *a.y)));
        }
}

QString TestCorrelationTab::selectedRep(const ui::TeamPage *team, bool apart)
{
    const QTableView *view = apart ? team->apartTable() : team->table();
    const ui::TeamHealthModel *model = apart ? team->apartModel() : team->model();
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(view->model());
    const QModelIndex current = proxy->mapToSource(view->currentIndex());
    if (!current.isValid() || !view->selectionModel()->isRowSelected(view->currentIndex().row(), {}))
        return {};
    return model->rows().at(current.row()).unit.id;
}

void TestCorrelationTab::mainWindowOpensTheRepOnTeam()
{
    ui::MainWindow *window = m_w.window.get();
    m_tab->hide(); // the keys go to the window's focus
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    window->showScreen(ui::NavRail::Targets);
    auto *page = qobject_cast<ui::TargetsForecastPage *>(window->screenWidget(ui::NavRail::Targets));
    QVERIFY(page);
    auto *tab = page->findChild<ui::CorrelationTab *>();
    QVERIFY(tab);
    QSignalSpy refreshed(tab, &ui::AnalyticsPage::refreshed);
    QVERIFY(page->showTab(QStringLiteral("correlationTab")));
    QVERIFY(tab->hasResult() || refreshed.wait(30000));
    // The rep the window's tab lists last (not the Team screen's default selection, the best).
    QTableView *list = tab->repTable();
    QVERIFY(list->model()->rowCount() >= 3);
    const int row = int(tab->points().points.size()) - 1;
    const QString id = list->model()->index(row, 0).data(Qt::UserRole + 1).toString();
    list->setFocus();
    list->setCurrentIndex(list->model()->index(row, 0));
    QTest::keyClick(list, Qt::Key_Enter);
    QCOMPARE(window->currentScreen(), int(ui::NavRail::Team));
    auto *team = qobject_cast<ui::TeamPage *>(window->screenWidget(ui::NavRail::Team));
    QVERIFY(team);
    QTRY_COMPARE_WITH_TIMEOUT(selectedRep(team), id, 30000);
    QVERIFY(team->table()->hasFocus());
    // Back and another rep: the Team screen has its figures now and selects at once.
    window->showScreen(ui::NavRail::Targets);
    const QString first = list->model()->index(0, 0).data(Qt::UserRole + 1).toString();
    list->setFocus();
    list->setCurrentIndex(list->model()->index(0, 0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(window->currentScreen(), int(ui::NavRail::Team));
    QCOMPARE(selectedRep(team), first);
}

void TestCorrelationTab::teamPageSelectsARepShownApart()
{
    auto *team = qobject_cast<ui::TeamPage *>(m_w.window->screenWidget(ui::NavRail::Team));
    QVERIFY(team && team->result());
    // A week: most reps have too few stage exits in it to be ranked.
    QSignalSpy refreshed(team, &ui::AnalyticsPage::refreshed);
    m_w.window->scopeState()->setPeriod(analytics::Period::week(QDate(2026, 11, 16)));
    QVERIFY(refreshed.wait(30000));
    QVERIFY2(team->apartModel()->rowCount() > 0, "the tiny demo has a rep shown apart");
    const QString id = team->apartModel()->rows().at(0).unit.id;
    team->setShowTeams(true);
    team->selectRep(id);
    QVERIFY(!team->model()->teams()); // back to reps
    QCOMPARE(selectedRep(team, true), id);
}

QTEST_MAIN(TestCorrelationTab)
#include "tst_correlationtab.moc"
