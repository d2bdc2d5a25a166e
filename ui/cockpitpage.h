#pragma once
// The Cockpit screen (DESIGN.md §6): the scope bar, the five KPI baseline tiles, the funnel
// of a chosen pipeline, the funnel heat map (child org units × stage transitions, weak cells
// flagged) and the newest open alerts. Every tile, stage and cell opens the rows behind it;
// charts export as PNG, the whole as a report printed (File › Print cockpit report…, Ctrl+P)
// or saved as PDF (Ctrl+Shift+P, the PDF… button), the figures as CSV (Ctrl+Shift+S).
// The report (cockpitreport.cpp) is laid out once for both, by ReportDocument.
#include "analytics/cockpit.h"
#include "analyticspage.h"
#include "funnelwidget.h"
#include "targets/moneytiles.h"

class QComboBox;
class QLabel;
class QPrinter;
class QTableView;
class QToolButton;

namespace cockpit::ui {

class DrillDownDialog;
class HeatmapWidget;
class KpiTileWidget;
class MoneyTileWidget;
class ReportDocument;
class ScopeBar;

using analytics::CockpitData;

class CockpitPage : public AnalyticsPage
{
    Q_OBJECT
public:
    CockpitPage(analytics::FigureService &figures, analytics::ScopeState &scope, QWidget *parent = nullptr);

    const CockpitData *data() const { return m_data.get(); }
    KpiTileWidget *tileWidget(int i) const { return m_tiles.value(i); }
    // The money tiles (won, collected, open pipeline, weighted, attainment: targets/moneytiles.h;
    // the P50 forecast: targets/forecasttile.h),
    // computed on a channel of their own beside the figures above (they read every deal's
    // history: seconds on the large demo the first time, then cached).
    MoneyTileWidget *moneyWidget(int i) const { return m_money.value(i); }
    const targets::MoneyFigures *money() const { return m_moneyData.get(); }
    bool moneyPending() const { return m_moneyRunning || !m_moneyData; }
    DrillDownDialog *openMoney(int index);
    FunnelWidget *funnelWidget() const { return m_funnel; }
    HeatmapWidget *heatmapWidget() const { return m_heatmap; }
    // Drill-downs (also what clicks do): open the dialog with the rows, and return it.
    DrillDownDialog *openTile(int index);
    DrillDownDialog *openStage(int stage);
    DrillDownDialog *openCell(int row, int column);
    // The report of what the page shows: the KPI tiles, the funnel and the conversion heat map
    // each with its table, the open alerts; charts drawn for paper, not grabbed from the screen.
    ReportDocument report() const;
    // Exports without dialogs (the interactive actions ask for the file or printer, then call these).
    bool writePdf(const QString &path, QString *error = nullptr, int *pages = nullptr);
    bool print(QPrinter *printer, QString *error = nullptr, int *pages = nullptr);
    // File menu actions (enabled while the page is shown and has figures): "Print cockpit
    // report…" (Ctrl+P, the print dialog) and "Export cockpit report as PDF…" (Ctrl+Shift+P).
    QAction *printAction() const { return m_printAction; }
    QAction *pdfAction() const { return m_pdfAction; }
    // The KPI table followed by the conversion table (one CSV, a blank line between).
    QByteArray figuresCsv() const;
    // "now" for the figures (tests pin it; default: the system clock).
    void setNow(const QDateTime &nowUtc) { m_now = nowUtc; }

Q_SIGNALS:
    void moneyShown(); // the money tiles (or why they could not be computed) are shown

protected:
    void requestFigures(const analytics::Scope &scope) override;
    void showResult(const CockpitData &data);
    void showError(const QString &message) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QDateTime now() const;
    // Opens a drill-down at once; its rows follow from a worker. `name`: what the rows are of (a tile's label, a stage's name), titled as `title` makes
    // it until the rows bring their own title.
    DrillDownDialog *openTable(QFuture<analytics::DataTable> rows, const QString &name,
                               const std::function<QString(const QString &)> &title);
    void exportPdf();
    void printReport();
    void updateReportActions();
    // What the funnel and the heat map show of a result (the page's charts and the report's).
    static QVector<FunnelWidget::Stage> funnelStages(const analytics::FunnelResult &f);
    static void fillHeatmap(HeatmapWidget *map, const analytics::FunnelResult &f);
    static QString heatTitle(const analytics::FunnelResult &f);
    // The report's pictures of the charts, drawn off screen at a size where no label is cut.
    QPixmap tilesImage() const;
    QPixmap moneyImage() const;
    void requestMoney(const analytics::Scope &scope);
    void requestForecastTile(const analytics::Scope &scope);
    static constexpr int kForecastTile = 5; // after won, collected, pipeline, weighted, attainment
    void showMoney(const targets::MoneyFigures &money);
    QPixmap funnelImage() const;
    QPixmap heatmapImage() const;
    void exportCsv();
    void exportPng(QWidget *chart, const QString &name);
    void addPngAction(QWidget *chart, const QString &name);
    QString subtitle() const;
    void fitChartsHeight();

    ScopeBar *m_scopeBar;
    QWidget *m_charts;
    QVector<KpiTileWidget *> m_tiles;
    QVector<MoneyTileWidget *> m_money;
    QWidget *m_moneyBox = nullptr;
    std::shared_ptr<targets::MoneyFigures> m_moneyData;
    analytics::FigureService::Channel m_moneyChannel = 0;
    bool m_moneyRunning = false;
    QString m_moneyError;
    QComboBox *m_pipeline;
    FunnelWidget *m_funnel;
    HeatmapWidget *m_heatmap;
    QLabel *m_heatTitle, *m_funnelTitle, *m_alertsTitle, *m_error;
    QTableView *m_alerts;
    analytics::DataTableModel *m_alertsModel;
    QAction *m_printAction, *m_pdfAction;
    std::shared_ptr<CockpitData> m_data;
    QString m_pipelineCode;
    QDateTime m_now;
    bool m_filling = false, m_unitsSet = false, m_shown = false;
};

} // namespace cockpit::ui
