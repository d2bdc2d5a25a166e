// The Cockpit screen on a fixture: it computes, a tile opens its drill-down with the rows
// behind it, the PDF export writes a multi-page file, the CSV export holds both tables.
#include "cockpitpage.h"
#include "forecast/forecastview.h"
#include "moneytile.h"
#include "storage/database.h"
#include "drilldowndialog.h"
#include "fixture.h"
#include "funnelwidget.h"
#include "kpitile.h"
#include "reportdocument.h"

#include <QSqlDatabase>
#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QTableView>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QPrinter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::analytics;

class TestCockpitPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void page()
    {
        QTemporaryDir dir;
        storage::Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("p.db")), storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populate(db));
        // lead-1 got two more sales actions in November (fixture: a1 on Nov 1): x1 = 11, x2 = 12.
        QVERIFY(fixture::exec(db.connection(), QStringLiteral(
            "INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, duration_seconds, updated_at) VALUES"
            " (11, 1, 1, 101, 'visit', 'sales', cockpit_secs('2026-11-03T02:00:00Z'), 0, cockpit_secs('2026-11-03T02:00:00Z')),"
            " (12, 1, 1, 101, 'call', 'sales', cockpit_secs('2026-11-04T02:00:00Z'), 10, cockpit_secs('2026-11-04T02:00:00Z'))")));
        ScopeState scope({Period::month(QDate(2026, 11, 1)), OrgScope::company()});
        FigureService figures(db);
        ui::CockpitPage page(figures, scope);
        page.setNow(QDateTime::fromString(QStringLiteral("2026-11-20T00:00:00Z"), Qt::ISODate));
        page.resize(1366, 720);
        QSignalSpy refreshed(&page, &ui::AnalyticsPage::refreshed);
        page.show();
        QVERIFY(refreshed.wait(20000));
        QVERIFY(page.data());
        // Follow-up: leads open in November = lead-1, lead-2, lead-3 (won, never closed).
        QCOMPARE(page.tileWidget(0)->tile().key, QStringLiteral("followup"));
        QCOMPARE(page.tileWidget(0)->tile().sample, 3);
        // Effective actions: the fixture's 95 s call and the visit (the call of 10 s is not).
        QCOMPARE(page.tileWidget(1)->tile().numerator, 2.0);
        QTest::mouseClick(page.tileWidget(1), Qt::LeftButton);
        auto *dialog = page.findChild<ui::DrillDownDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        // The window is there at once; its rows come from a worker.
        QTRY_VERIFY(!dialog->isLoading());
        QCOMPARE(dialog->model()->rowCount(), 2);
        // Keyboard: Enter on the first tile opens its rows (one per lead).
        page.tileWidget(0)->setFocus();
        QTest::keyClick(page.tileWidget(0), Qt::Key_Return);
        QTRY_VERIFY(!dialog->isLoading());
        QCOMPARE(dialog->model()->rowCount(), 3);
        // The funnel: lifecycle (3 leads) is the default pipeline; lead-1 entered 15分钟初筛.
        QCOMPARE(page.data()->funnel.pipelineCode, QStringLiteral("lifecycle"));
        QCOMPARE(page.data()->funnel.stages[1].entered, 1);
        // lead-1 is still open in 15分钟初筛: a cohort of 1 with 1 open is maturing (DESIGN.md §5),
        // and the arrow under its bar says so with the cohort's own counts.
        QCOMPARE(page.data()->funnel.stages[1].open, 1);
        auto *funnel = page.findChild<ui::FunnelWidget *>();
        QVERIFY(funnel);
        QVERIFY(funnel->stages()[1].maturing);
        QCOMPARE(funnel->stages()[1].nextText, QStringLiteral("↓ ≥ 0.0 % (0 of 1 so far, 1 open)"));
        QVERIFY(funnel->stages()[1].toolTip.contains(QStringLiteral("Maturing")));
        QVERIFY(!funnel->stages()[0].maturing);
        ui::DrillDownDialog *stage = page.openStage(1);
        QTRY_VERIFY(!stage->isLoading());
        QCOMPARE(stage->model()->rowCount(), 1);

        // The money tiles come from a channel of their own; the report shows them once computed.
        QTRY_VERIFY_WITH_TIMEOUT(!page.moneyPending(), 20000);
        QVERIFY(page.money());
        QCOMPARE(page.money()->tiles.size(), 6);
        QCOMPARE(page.moneyWidget(0)->tile().cents, page.money()->tiles[0].cents);
        // The sixth is the forecast's P50: the Forecast tab's figure, computed afresh here.
        const targets::MoneyTile &p50 = page.money()->tiles[5];
        QCOMPARE(p50.key, QStringLiteral("forecast"));
        QCOMPARE(page.moneyWidget(5)->tile().cents, p50.cents);
        {
            forecast::ForecastCache fresh;
            const forecast::ForecastView v = forecast::computeForecastView(
                db.connection(), fresh, scope.scope(),
                QDateTime::fromString(QStringLiteral("2026-11-20T00:00:00Z"), Qt::ISODate).toSecsSinceEpoch(), 1,
                forecast::ForecastParts::WithoutModel);
            QCOMPARE(p50.cents, v.sim.p50);
            QCOMPARE(p50.count, v.sim.dealsInPeriod);
            QCOMPARE(p50.targetCents, v.targetCents);
            QVERIFY(v.sim.p50 >= v.alreadyWonCents);
        }
        ui::DrillDownDialog *behind = page.openMoney(5);
        QVERIFY(behind);
        QTRY_VERIFY(!behind->isLoading());
        QVERIFY(behind->model()->rowCount() > 0); // the open deals with their probability
        behind->close();
        const QString pdf = dir.filePath(QStringLiteral("c.pdf"));
        QString error;
        int pages = 0;
        QVERIFY2(page.writePdf(pdf, &error, &pages), qPrintable(error));
        QVERIFY(pages >= 2);
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(bytes.size() > 10000);
        // Laid out for paper: every page shows a chart or rows, none a heading alone.
        {
            QPdfWriter writer(dir.filePath(QStringLiteral("layout.pdf")));
            writer.setResolution(300);
            writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12),
                                             QPageLayout::Millimeter));
            const auto layout = page.report().layout(&writer);
            QCOMPARE(int(layout.size()), pages);
            // (The fixture has no open alert: that section is its "no open alert" line, which
            // may end the report on a page of its own.)
            for (const ui::ReportDocument::PageSummary &p : layout)
                QVERIFY2(p.charts > 0 || p.tableRows >= 4
                             || (&p == &layout.last() && p.headings == QStringList{QStringLiteral("Open alerts · 0")}),
                         qPrintable(p.headings.join(QStringLiteral(" | "))));
            QCOMPARE(layout.first().charts, 2); // the KPI tiles and the funnel, each with its table
        }
        // Printing: the same report through a printer (PDF output here: no print server in CI).
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(dir.filePath(QStringLiteral("printed.pdf")));
        ui::ReportDocument::preparePrinter(&printer);
        int printed = 0;
        QVERIFY2(page.print(&printer, &error, &printed), qPrintable(error));
        QCOMPARE(printed, pages);
        // The File menu's actions: print on Ctrl+P, PDF on its own key; live while the page shows figures.
        QCOMPARE(page.printAction()->shortcut(), QKeySequence(QKeySequence::Print));
        QCOMPARE(page.pdfAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
        QVERIFY(page.printAction()->isEnabled());
        QVERIFY(page.pdfAction()->isEnabled());

        const QString csv = QString::fromUtf8(page.figuresCsv());
        QVERIFY(csv.startsWith(QStringLiteral("kpi,label,value,unit,healthy,direction,industry_mean,status,numerator,denominator,sample,note")));
        QVERIFY(csv.contains(QStringLiteral("\r\norg_id,org,from_stage,to_stage,entered,converted,rate_pct,flagged,too_few,open_in_stage,maturing\r\n")));
        QVERIFY(csv.contains(QStringLiteral("\r\nactions,")));

        // An edit elsewhere refreshes the figures: here a visit written the way the app writes
        // one (the lead's updated_at moves with it) and the lead's announcement. x3 = 13.
        refreshed.clear();
        QVERIFY(fixture::exec(db.connection(), QStringLiteral(
            "INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, duration_seconds, updated_at) VALUES"
            " (13, 2, 2, 102, 'visit', 'sales', cockpit_secs('2026-11-05T02:00:00Z'), 0, cockpit_secs('2026-11-05T02:00:00Z'))")));
        QVERIFY(fixture::exec(db.connection(), QStringLiteral("UPDATE leads SET updated_at = cockpit_secs('2026-11-05T02:00:01Z') WHERE id = 2")));
        // (The writes are announced by the change notifier: no call needed.)
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(page.tileWidget(1)->tile().numerator, 3.0); // the new visit is an effective action

        // Another screen shown: the report's keys are free for it.
        page.hide();
        QVERIFY(!page.printAction()->isEnabled());
        QVERIFY(!page.pdfAction()->isEnabled());
        page.show();
        QVERIFY(page.printAction()->isEnabled());

        // A tall window (1600×1000, issue 13): the charts stop at the height they use (no
        // empty band under the heat map), the alerts list takes the rest, and the pipeline
        // picker shows its whole name.
        auto *alerts = page.findChild<QTableView *>(QStringLiteral("cockpitAlerts"));
        auto *heatmap = page.findChild<QWidget *>(QStringLiteral("conversionHeatmap"));
        auto *picker = page.findChild<QComboBox *>(QStringLiteral("pipelinePicker"));
        QVERIFY(alerts && heatmap && picker);
        page.resize(1366, 720);
        QCoreApplication::processEvents();
        const int alertsAt720 = alerts->height();
        page.resize(1510, 930); // the window less the navigation rail, menu and status bars
        QCoreApplication::processEvents();
        auto *funnelChart = page.findChild<QWidget *>(QStringLiteral("funnel"));
        QVERIFY(funnelChart);
        const int chartsWant = std::max(heatmap->sizeHint().height(), funnelChart->sizeHint().height());
        QVERIFY2(heatmap->height() <= chartsWant + 2, qPrintable(QStringLiteral("%1 > %2").arg(heatmap->height()).arg(chartsWant)));
        QVERIFY2(alerts->height() >= alertsAt720 + 150, qPrintable(QStringLiteral("%1 vs %2").arg(alerts->height()).arg(alertsAt720)));
        QVERIFY(alerts->height() / alerts->verticalHeader()->defaultSectionSize() >= 12);
        QVERIFY2(picker->width() >= picker->fontMetrics().horizontalAdvance(picker->currentText()) + 20,
                 qPrintable(QStringLiteral("%1 for \"%2\"").arg(picker->width()).arg(picker->currentText())));
    }
};

QTEST_MAIN(TestCockpitPage)
#include "tst_cockpitpage.moc"
