// The Team screen on the hand-made company: it computes, two checked reps give two radar
// polygons, the legend hides one, and a double-clicked number opens its rows.
#include "charts/radarchart.h"
#include "storage/database.h"
#include "drilldowndialog.h"
#include "fixture.h"
#include "teamhealthmodel.h"
#include "teampage.h"

#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace cockpit;
using namespace cockpit::analytics;
using namespace cockpit::ui;

class TestTeamPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void overlayToggleAndDrillDown();
};

void TestTeamPage::overlayToggleAndDrillDown()
{
    QTemporaryDir dir;
    storage::Database db;
    QVERIFY(db.open(dir.filePath(QStringLiteral("t.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(db));
    // Enough stage exits in November for 王芳 and 李强 to be ranked (5 each: lead-1 and lead-2
    // back and forth between 初筛 and 诊断); 周离 (105) left on 10 Nov and 吴新 (106) started
    // on 20 Nov: both shown apart, never ranked.
    {
        QSqlDatabase c = db.connection();
        const QString scr = fixture::stageId(c, "lifecycle", "screen");
        const QString dia = fixture::stageId(c, "lifecycle", "diagnose");
        QStringList moves;
        for (int i = 0; i < 5; ++i)
            for (int lead : {1, 2})
                moves << QStringLiteral("(%1, %2, '%3', '%4', cockpit_secs('2026-11-%5T0%6:00:00Z'), %2 + 100,"
                                        " cockpit_secs('2026-11-01T00:00:00Z'))")
                             .arg(100 + i * 2 + lead)
                             .arg(lead)
                             .arg(i % 2 ? dia : scr, i % 2 ? scr : dia)
                             .arg(3 + i, 2, 10, QLatin1Char('0'))
                             .arg(lead);
        QVERIFY(fixture::exec(c, QStringLiteral("INSERT INTO stage_history (id, lead_id, from_stage_id, to_stage_id, at,"
                                                " by_user_id, updated_at) VALUES ")
                                     + moves.join(QStringLiteral(", "))));
        QVERIFY(fixture::exec(c, QStringLiteral("INSERT INTO users (id, name, role, region_id, city_id, team_id, hire_date,"
                                                " left_date, updated_at) VALUES"
                                                " (105, '周离', 'sales', 1, 1, 1, cockpit_day('2024-01-01'),"
                                                "  cockpit_day('2026-11-10'), cockpit_secs('2026-11-01T00:00:00Z')),"
                                                " (106, '吴新', 'sales', 1, 1, 1, cockpit_day('2026-11-20'), NULL,"
                                                "  cockpit_secs('2026-11-01T00:00:00Z'))")));
        QVERIFY(fixture::settle(c));
    }
    ScopeState scope({Period::month(QDate(2026, 11, 1)), OrgScope::company()});
    FigureService figures(db);
    TeamPage page(figures, scope, [] { return QDateTime::fromString(QStringLiteral("2026-11-21T10:00:00Z"), Qt::ISODate); });
    page.resize(1366, 768);
    QSignalSpy refreshed(&page, &AnalyticsPage::refreshed);
    page.show();
    QVERIFY(refreshed.count() > 0 || refreshed.wait(10000));
    QVERIFY(page.result());
    TeamHealthModel *model = page.model();
    QCOMPARE(model->rowCount(), 2); // 王芳 and 李强, ranked
    QCOMPARE(page.result()->reps.size(), 4);
    // The two others apart, with why, under a label that says so.
    TeamHealthModel *apart = page.apartModel();
    QCOMPARE(apart->rowCount(), 2);
    QVERIFY(page.apartTable()->isVisible());
    QVERIFY(page.apartLabel()->isVisible());
    QVERIFY2(page.apartLabel()->text().contains(QLatin1String("not ranked")), qPrintable(page.apartLabel()->text()));
    QStringList why;
    for (int r = 0; r < apart->rowCount(); ++r)
        why << apart->index(r, TeamHealthModel::Name).data().toString() + QLatin1Char(':')
                   + apart->index(r, TeamHealthModel::Standing).data().toString();
    why.sort();
    QVERIFY2(why.size() == 2 && why[0].startsWith(QStringLiteral("吴新:Too little data")) && why[1].startsWith(QStringLiteral("周离:Left on")),
             qPrintable(why.join(QLatin1Char('|'))));
    QVERIFY(page.table()->isColumnHidden(TeamHealthModel::Standing));
    // Every header's longest line fits its column (two-line full names, none cut).
    const QFontMetrics fm = page.table()->horizontalHeader()->fontMetrics();
    for (int c = 0; c < TeamHealthModel::Standing; ++c) {
        int widest = 0;
        for (const QString &line : model->headerData(c, Qt::Horizontal).toString().split(QLatin1Char('\n')))
            widest = std::max(widest, fm.horizontalAdvance(line));
        QVERIFY2(page.table()->columnWidth(c) >= widest + 8,
                 qPrintable(QStringLiteral("column %1: %2 < %3").arg(c).arg(page.table()->columnWidth(c)).arg(widest)));
    }
    // The table fits beside the radar at 1366×768: no column off-screen.
    QVERIFY2(page.table()->horizontalHeader()->length() <= page.table()->viewport()->width(),
             qPrintable(QStringLiteral("%1 > %2").arg(page.table()->horizontalHeader()->length()).arg(page.table()->viewport()->width())));
    // The selected rep's step times are asked for when their tab shows (not before: they
    // would hold a worker), and arrive from a worker thread.
    auto *stepsTitle = page.findChild<QLabel *>(QStringLiteral("stepsTitle"));
    QVERIFY(stepsTitle);
    QTest::qWait(300);
    QVERIFY2(stepsTitle->text().contains(QLatin1String("computing")), qPrintable(stepsTitle->text()));
    auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("teamTabs"));
    QVERIFY(tabs);
    tabs->setCurrentIndex(1);
    QTRY_VERIFY_WITH_TIMEOUT(stepsTitle->text().contains(QLatin1String("median hours")), 10000);

    // Check both reps: two polygons, each closed (6 axes + the first point again).
    model->setData(model->index(0, TeamHealthModel::Name), Qt::Checked, Qt::CheckStateRole);
    model->setData(model->index(1, TeamHealthModel::Name), Qt::Checked, Qt::CheckStateRole);
    RadarChart *radar = page.radar();
    QCOMPARE(radar->polygonCount(), 2);
    QCOMPARE(radar->series(0)->count(), kRadarAxes + 1);
    QCOMPARE(radar->series(0)->at(0).y(), radar->series(0)->at(kRadarAxes).y());
    QCOMPARE(radar->series(0)->name(), model->rows().at(0).unit.name);
    QVERIFY(radar->pointText(0, int(RadarAxis::CustomerHealth)).contains(model->rows().at(0).unit.name));

    // The legend's first marker hides its polygon and shows it again.
    const QList<QLegendMarker *> markers = radar->chart()->legend()->markers();
    QCOMPARE(markers.size(), 2);
    Q_EMIT markers[0]->clicked();
    QVERIFY(!radar->isPolygonVisible(0));
    QVERIFY(radar->isPolygonVisible(1));
    // The entry stays, greyed, to switch it back on.
    QCOMPARE(radar->chart()->legend()->markers().size(), 2);
    QVERIFY(markers[0]->labelBrush().color().alphaF() < 1.0);
    Q_EMIT markers[0]->clicked();
    QVERIFY(radar->isPolygonVisible(0));

    // Unchecking one leaves one polygon.
    model->setData(model->index(1, TeamHealthModel::Name), Qt::Unchecked, Qt::CheckStateRole);
    QCOMPARE(radar->polygonCount(), 1);

    // Double-click 王芳's customer health: her two customers (博世, 重庆长江精工).
    int wang = -1;
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->rows().at(r).unit.id == QLatin1String("101")) // u1
            wang = r;
    QVERIFY(wang >= 0);
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(page.table()->model());
    const QModelIndex cell = proxy->mapFromSource(model->index(wang, TeamHealthModel::CustomerHealth));
    page.table()->scrollTo(cell);
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QRect rect = page.table()->visualRect(cell);
    QVERIFY2(page.table()->viewport()->rect().contains(rect.center()), qPrintable(QStringLiteral("%1,%2").arg(rect.x()).arg(rect.y())));
    QTest::mouseClick(page.table()->viewport(), Qt::LeftButton, {}, rect.center()); // the view wants a press first
    QTest::mouseDClick(page.table()->viewport(), Qt::LeftButton, {}, rect.center());
    auto *dialog = page.findChild<DrillDownDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(!dialog->isLoading()); // the rows come from a worker
    QCOMPARE(dialog->model()->rowCount(), 2);
    QStringList ids;
    for (const QVariantList &row : dialog->model()->table().rows)
        ids << row[0].toString();
    ids.sort();
    QCOMPARE(ids, (QStringList{QStringLiteral("1"), QStringLiteral("3")})); // k1, k3

    // Teams: one team, checked by default.
    page.setShowTeams(true);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(radar->polygonCount(), 1);
}

QTEST_MAIN(TestTeamPage)
#include "tst_teampage.moc"
