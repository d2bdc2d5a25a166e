// The touchpoint heat map widgets: the cell under a point is the right bucket, clicks and
// keys activate the right cell, axis labels never overlap, a cell's drill-down lists as many
// rows as the cell counts, the lead detail panel shows the lead's section, and the portfolio
// view on a tiny demo is saved as a screenshot to <build>/screenshots for a person to look at.
#include "items/catalog.h"
#include "charts/touchpointheatmap.h"
#include "storage/database.h"
#include "demo/demogenerator.h"
#include "drilldowndialog.h"
#include "items/editcontroller.h"
#include "leaddetailpanel.h"
#include "analytics/query.h"
#include "touchfixture.h"
#include "touchpointview.h"

#include <QSqlQuery>
#include <QDir>
#include <QFontMetrics>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include "chartstyle.h"

using namespace cockpit;
using namespace cockpit::analytics;
using namespace cockpit::ui;

class TestTouchpointUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cellUnderPoint_data();
    void cellUnderPoint();
    void keyboardAndClick();
    void axisLabelsNeverOverlap_data();
    void axisLabelsNeverOverlap();
    void drillDownRowsMatchCell();
    void leadPanelShowsSection();
    void portfolioScreenshot();
};

namespace {
// 10 days July 1..10: sales on July 1 (2) and July 10 (1), a customer response on July 2,
// cross on July 5; silent July 3..9 → one cold zone of 7 days.
TouchpointGrid sampleGrid(int days = 10)
{
    const QVector<DayCount> counts = {{QDate(2026, 7, 1), 0, 2}, {QDate(2026, 7, 2), 1, 1},
                                      {QDate(2026, 7, 5), 2, 3}, {QDate(2026, 7, 10), 0, 1}};
    return buildTouchpointGrid(QDate(2026, 7, 1), QDate(2026, 7, 1).addDays(days - 1), QDate(2026, 7, 1).addDays(days - 1),
                               counts, 3);
}
} // namespace

void TestTouchpointUi::cellUnderPoint_data()
{
    QTest::addColumn<int>("width");
    QTest::newRow("wide") << 900;
    QTest::newRow("narrow panel") << 330;
}

void TestTouchpointUi::cellUnderPoint()
{
    QFETCH(int, width);
    TouchpointHeatMap map;
    map.resize(width, 160);
    map.setGrid(sampleGrid());
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    const int n = int(map.grid().buckets.size());
    QCOMPARE(n, 10);
    // Cells tile one band left to right, top to bottom, without gaps or overlap.
    const QRect first = map.cellRect(0, 0), last = map.cellRect(2, n - 1);
    QVERIFY(first.width() > 0 && first.height() > 0);
    for (int b = 0; b < n; ++b)
        for (int r = 0; r < kTouchRows; ++r) {
            const QRect c = map.cellRect(r, b);
            QVERIFY(map.cellAt(c.center()) == std::make_optional(std::make_pair(r, b)));
        }
    // Points computed from the cell band only: bucket k's middle is at left + (k + ½) × width / n.
    const qreal colWidth = qreal(last.right() + 1 - first.left()) / n;
    for (int b = 0; b < n; ++b) {
        const QPoint p(int(first.left() + (b + 0.5) * colWidth), first.center().y());
        QCOMPARE(map.cellAt(p)->second, b);
        QCOMPARE(map.grid().buckets.at(map.cellAt(p)->second).first, QDate(2026, 7, 1).addDays(b));
    }
    // Outside the cells: the row labels, the legend, the axis.
    QVERIFY(!map.cellAt(QPoint(first.left() - 5, first.center().y())));
    QVERIFY(!map.cellAt(QPoint(first.center().x(), first.top() - 5)));
    QVERIFY(!map.cellAt(QPoint(first.center().x(), last.bottom() + 5)));
    // The tooltip names the direction, day and exact count; a cold day says so.
    QVERIFY(map.cellToolTip(0, 0).contains(QStringLiteral("2 activities")));
    QVERIFY(map.cellToolTip(0, 0).contains(touchRowLabel(0)));
    QVERIFY(map.cellToolTip(2, 4).contains(QStringLiteral("3 activities")));
    QVERIFY(map.cellToolTip(2, 4).contains(QStringLiteral("cold zone")));
    QVERIFY(!map.cellToolTip(0, 1).contains(QStringLiteral("cold zone")));
}

void TestTouchpointUi::keyboardAndClick()
{
    TouchpointHeatMap map;
    map.resize(700, 160);
    map.setGrid(sampleGrid());
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QSignalSpy spy(&map, &TouchpointHeatMap::cellActivated);
    QTest::mouseClick(&map, Qt::LeftButton, {}, map.cellRect(1, 1).center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 1);
    QCOMPARE(spy.at(0).at(1).toInt(), 1);
    QVERIFY(map.hasFocus());
    QTest::keyClick(&map, Qt::Key_Right);
    QTest::keyClick(&map, Qt::Key_Right);
    QTest::keyClick(&map, Qt::Key_Down);
    QCOMPARE(map.currentRow(), 2);
    QCOMPARE(map.currentBucket(), 3);
    QTest::keyClick(&map, Qt::Key_Down); // stays on the last row
    QTest::keyClick(&map, Qt::Key_Enter);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toInt(), 2);
    QCOMPARE(spy.at(1).at(1).toInt(), 3);
    QTest::keyClick(&map, Qt::Key_End);
    QCOMPARE(map.currentBucket(), 9);
    QTest::keyClick(&map, Qt::Key_Home);
    QTest::keyClick(&map, Qt::Key_Up);
    QTest::keyClick(&map, Qt::Key_Up);
    QTest::keyClick(&map, Qt::Key_Space);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(0).toInt(), 0);
    QCOMPARE(spy.at(2).at(1).toInt(), 0);
}

void TestTouchpointUi::axisLabelsNeverOverlap_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("width");
    QTest::newRow("45 days, panel width") << 45 << 330;
    QTest::newRow("45 days, wide") << 45 << 1200;
    QTest::newRow("quarter by week, panel") << 92 << 330;
    QTest::newRow("year by week, wide") << 365 << 1200;
    QTest::newRow("10 days, wide") << 10 << 1200;
}

void TestTouchpointUi::axisLabelsNeverOverlap()
{
    QFETCH(int, days);
    QFETCH(int, width);
    TouchpointHeatMap map;
    map.resize(width, 160);
    map.setGrid(sampleGrid(days));
    const auto labels = map.visibleAxisLabels();
    QVERIFY(labels.size() >= 2);
    const QFontMetrics fm(chartLabelFont());
    for (int i = 1; i < labels.size(); ++i) {
        const int left = map.cellRect(0, labels.at(i - 1).first).left();
        const int right = left + fm.horizontalAdvance(labels.at(i - 1).second);
        QVERIFY2(right < map.cellRect(0, labels.at(i).first).left(),
                 qPrintable(QStringLiteral("%1 overlaps %2").arg(labels.at(i - 1).second, labels.at(i).second)));
    }
    const auto &lastLabel = labels.last();
    QVERIFY(map.cellRect(0, lastLabel.first).left() + fm.horizontalAdvance(lastLabel.second) <= map.width());
    if (days == 10 && width == 1200)
        QCOMPARE(labels.size(), 10); // room for every day
}

void TestTouchpointUi::drillDownRowsMatchCell()
{
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(fixture::openTouchpointFixture(dir, database));
    FigureService figures(database);
    TouchpointView view(figures);
    view.setNow(QStringLiteral("2026-11-21T10:00:00Z"));
    view.resize(900, 260);
    view.show();
    QSignalSpy computed(&view, &TouchpointView::computed);
    view.setScope({Period::custom(QDate(2026, 7, 1), QDate(2026, 7, 7)), OrgScope::company()});
    QVERIFY(computed.wait(10000));
    TouchpointHeatMap *map = view.heatMap();
    QCOMPARE(map->grid().buckets.size(), 7);
    QVERIFY(view.title().contains(QStringLiteral("all leads")));
    QSignalSpy shown(&view, &TouchpointView::drillDownShown);
    int checked = 0;
    for (int b = 0; b < 7; ++b)
        for (int r = 0; r < kTouchRows; ++r) {
            const int count = map->grid().buckets.at(b).counts[size_t(r)];
            if (count == 0 && b != 2)
                continue;
            QTest::mouseClick(map, Qt::LeftButton, {}, map->cellRect(r, b).center());
            QVERIFY(shown.wait(10000));
            auto *dialog = view.findChild<DrillDownDialog *>();
            QVERIFY(dialog);
            QCOMPARE(dialog->model()->rowCount(), count);
            ++checked;
        }
    QVERIFY(checked >= 8);
    // Activating a row asks for its lead.
    QSignalSpy lead(&view, &TouchpointView::leadActivated);
    QTest::mouseClick(map, Qt::LeftButton, {}, map->cellRect(0, 0).center()); // July 1 sales: b8, b7, b2
    QVERIFY(shown.wait(10000));
    auto *dialog = view.findChild<DrillDownDialog *>();
    QCOMPARE(dialog->model()->rowCount(), 3);
    // (Double-click: Enter in DrillDownDialog's table also presses its default button.)
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QRect rowRect = dialog->view()->visualRect(dialog->view()->model()->index(0, 0));
    QVERIFY(rowRect.isValid());
    QTest::mouseClick(dialog->view()->viewport(), Qt::LeftButton, {}, rowRect.center());
    QTest::mouseDClick(dialog->view()->viewport(), Qt::LeftButton, {}, rowRect.center());
    QCOMPARE(lead.count(), 1);
    // One of the fixture's leads tp-closed (21) or tp-open (22).
    QVERIFY2((QStringList{QStringLiteral("21"), QStringLiteral("22")}.contains(lead.at(0).at(0).toString())),
             qPrintable(lead.at(0).at(0).toString()));

    // A rep: the title names the rep, only the rep's leads count.
    view.setScope({Period::custom(QDate(2026, 7, 1), QDate(2026, 7, 7)), OrgScope{OrgLevel::Rep, QStringLiteral("103") /* u3 */}});
    QVERIFY(computed.wait(10000));
    QVERIFY2(view.title().contains(QStringLiteral("陈明")), qPrintable(view.title()));
    QCOMPARE(map->grid().total(0), 2);
    QCOMPARE(view.coldZoneCount(), 1); // July 3..7
}

void TestTouchpointUi::leadPanelShowsSection()
{
    QTemporaryDir dir;
    storage::Database database;
    QVERIFY(fixture::openTouchpointFixture(dir, database));
    Catalog catalog(database);
    QString error;
    QVERIFY2(catalog.load(&error), qPrintable(error));
    QUndoStack undo;
    EditController edits(database, undo);
    FigureService figures(database);
    LeadDetailPanel panel(catalog, edits, figures);
    panel.resize(380, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy touchpointsShown(&panel, &LeadDetailPanel::touchpointsShown);
    panel.setLead(QStringLiteral("21")); // tp-closed
    QVERIFY(touchpointsShown.wait(10000));
    auto *map = panel.findChild<TouchpointHeatMap *>(QStringLiteral("leadTouchpoints"));
    QVERIFY(map);
    QVERIFY(map->isVisible());
    // tp-closed: June 30 .. July 4 by day (see touchfixture.h): 1/0/0 1/1/0 0/0/1 0/0/0 0/1/0.
    QCOMPARE(map->grid().buckets.size(), 5);
    QCOMPARE(map->grid().total(0), 2);
    QCOMPARE(map->grid().total(1), 2);
    QCOMPARE(map->grid().total(2), 1);
    QVERIFY(map->height() >= map->minimumSizeHint().height());
    // The cell of July 1's sales action opens its one activity.
    QSignalSpy rowsShown(&panel, &LeadDetailPanel::touchpointRowsShown);
    QTest::mouseClick(map, Qt::LeftButton, {}, map->cellRect(0, 1).center());
    QVERIFY(rowsShown.wait(10000));
    auto *dialog = panel.findChild<DrillDownDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->model()->rowCount(), 1);
    dialog->close();
    QDir().mkpath(QStringLiteral(COCKPIT_SCREENSHOT_DIR));
    QVERIFY(panel.grab().save(QStringLiteral(COCKPIT_SCREENSHOT_DIR "/touchpoint-lead-panel.png")));
    // No lead: no section.
    panel.setLead({});
    QVERIFY(!map->isVisible());
}

void TestTouchpointUi::portfolioScreenshot()
{
    // A rep's portfolio over Q4 2026 on the tiny demo: by week, silent leads give cold zones.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.db"));
    demo::Options o;
    o.scale = demo::Scale::Tiny;
    o.seed = 42;
    o.asOf = QDate(2026, 11, 22);
    const demo::Result r = demo::generate(path, o);
    QVERIFY2(r.ok, qPrintable(r.error));
    QString rep;
    {
        ReadConnection c(path);
        // A rep still employed (the demo's leavers keep their open leads but act no more).
        rep = scalar(c.db(), QStringLiteral("SELECT owner_id FROM leads l JOIN users u ON u.id = l.owner_id"
                                            " WHERE l.status = 'open' AND u.left_date IS NULL GROUP BY owner_id"
                                            " ORDER BY COUNT(*) DESC, owner_id LIMIT 1")).toString();
    }
    QVERIFY(!rep.isEmpty());
    storage::Database database;
    QVERIFY(database.open(path).ok());
    FigureService figures(database);
    TouchpointView view(figures);
    view.setNow(QStringLiteral("2026-11-21T10:00:00Z"));
    view.resize(1000, 240);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy computed(&view, &TouchpointView::computed);
    view.setScope({Period::month(QDate(2026, 11, 1)), OrgScope{OrgLevel::Rep, rep}});
    QVERIFY(computed.wait(20000));
    QCOMPARE(view.heatMap()->grid().size, BucketSize::Day);
    QDir().mkpath(QStringLiteral(COCKPIT_SCREENSHOT_DIR));
    QVERIFY(view.grab().save(QStringLiteral(COCKPIT_SCREENSHOT_DIR "/touchpoint-portfolio-month.png")));
    view.setScope({Period::quarter(QDate(2026, 11, 22)), OrgScope{OrgLevel::Rep, rep}});
    QVERIFY(computed.wait(20000));
    QCOMPARE(view.heatMap()->grid().size, BucketSize::Week);
    QVERIFY(view.heatMap()->grid().total(0) > 0);
    QVERIFY(view.grab().save(QStringLiteral(COCKPIT_SCREENSHOT_DIR "/touchpoint-portfolio-quarter.png")));
    // A rep whose whole portfolio went quiet for a while in November (the demo's silent
    // leads, signal 3): the cold zone is drawn and counted.
    QString quietRep;
    {
        ReadConnection c(path);
        QSqlQuery q = runQuery(c.db(), QStringLiteral("SELECT id FROM users WHERE role = 'sales' AND left_date IS NULL ORDER BY id"));
        while (q.next() && quietRep.isEmpty()) {
            const Scope s{Period::month(QDate(2026, 11, 1)), OrgScope{OrgLevel::Rep, q.value(0).toString()}};
            const TouchpointGrid g = computeTouchpoints(c.db(), TouchpointSubject::portfolio(s, QStringLiteral("2026-11-21T10:00:00Z")));
            if (!g.coldZones.isEmpty() && g.total(0) > 0)
                quietRep = q.value(0).toString();
        }
    }
    QVERIFY(!quietRep.isEmpty());
    view.setScope({Period::month(QDate(2026, 11, 1)), OrgScope{OrgLevel::Rep, quietRep}});
    QVERIFY(computed.wait(20000));
    QVERIFY(view.coldZoneCount() > 0);
    QVERIFY(view.grab().save(QStringLiteral(COCKPIT_SCREENSHOT_DIR "/touchpoint-portfolio-cold.png")));
}

QTEST_MAIN(TestTouchpointUi)
#include "tst_touchpointui.moc"
