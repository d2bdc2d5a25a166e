#include "cockpitpage.h"

#include "drilldowndialog.h"
#include "exporting.h"
#include "funnelwidget.h"
#include "heatmapwidget.h"
#include "kpitile.h"
#include "moneytile.h"
#include "targets/forecasttile.h"
#include "figurewatch.h"
#include "analytics/query.h"
#include "scopebar.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace cockpit::ui {

using namespace analytics;

namespace {
bool englishNames()
{
    return !QLocale().name().startsWith(QLatin1String("zh"));
}

QLabel *sectionTitle(QWidget *parent)
{
    auto *l = new QLabel(parent);
    QFont f = l->font();
    f.setWeight(QFont::DemiBold);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    l->setFont(f);
    return l;
}
} // namespace

CockpitPage::CockpitPage(FigureService &figures, ScopeState &scope, QWidget *parent)
    : AnalyticsPage(figures, scope, parent)
{
    setObjectName(QStringLiteral("cockpitPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(8);
    m_scopeBar = new ScopeBar(scope, this);
    layout->addWidget(m_scopeBar);

    auto *png = new QToolButton(this);
    png->setText(tr("PNG"));
    png->setToolTip(tr("Export a chart as PNG"));
    png->setPopupMode(QToolButton::InstantPopup);
    auto *pngMenu = new QMenu(png);
    png->setMenu(pngMenu);
    // The report's two ways out, also in the File menu. Window-wide keys, live only while
    // this page is shown (Ctrl+Shift+P is the PNG key of the Team and Stores screens).
    auto *pdf = new QToolButton(this);
    m_pdfAction = new QAction(tr("Export cockpit report as P&DF…"), this);
    m_pdfAction->setIconText(tr("PDF…")); // the button's text
    m_pdfAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pdfAction->setToolTip(tr("Save the cockpit report as a PDF (Ctrl+Shift+P)"));
    connect(m_pdfAction, &QAction::triggered, this, &CockpitPage::exportPdf);
    addAction(m_pdfAction);
    pdf->setDefaultAction(m_pdfAction);
    m_printAction = new QAction(tr("&Print cockpit report…"), this);
    m_printAction->setShortcuts(QKeySequence::Print);
    m_printAction->setToolTip(tr("Print the cockpit report (Ctrl+P)"));
    connect(m_printAction, &QAction::triggered, this, &CockpitPage::printReport);
    addAction(m_printAction);
    updateReportActions();
    auto *csv = new QToolButton(this);
    auto *csvAction = new QAction(tr("Export figures (CSV)…"), this);
    csvAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    csvAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    csvAction->setToolTip(tr("Export the KPI and conversion figures as CSV (Ctrl+Shift+S)"));
    connect(csvAction, &QAction::triggered, this, &CockpitPage::exportCsv);
    addAction(csvAction);
    csv->setDefaultAction(csvAction);
    csv->setText(tr("CSV…"));
    m_scopeBar->addTrailingWidget(png);
    m_scopeBar->addTrailingWidget(pdf);
    m_scopeBar->addTrailingWidget(csv);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828; font-weight: 600;"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *tilesBox = new QWidget(this);
    tilesBox->setObjectName(QStringLiteral("kpiTiles"));
    auto *tiles = new QHBoxLayout(tilesBox);
    tiles->setContentsMargins(0, 0, 0, 0);
    tiles->setSpacing(8);
    for (int i = 0; i < 5; ++i) {
        auto *tile = new KpiTileWidget(tilesBox);
        tiles->addWidget(tile);
        m_tiles << tile;
        connect(tile, &KpiTileWidget::activated, this, [this, i] { openTile(i); });
    }
    layout->addWidget(tilesBox);

    // The money a director steers by (issue 14): one compact row under the KPI tiles.
    m_moneyChannel = figures.newChannel();
    m_moneyBox = new QWidget(this);
    m_moneyBox->setObjectName(QStringLiteral("moneyTiles"));
    auto *money = new QHBoxLayout(m_moneyBox);
    money->setContentsMargins(0, 0, 0, 0);
    money->setSpacing(8);
    const QStringList moneyLabels{tr("Won"),        tr("Collected"),  tr("Open pipeline"),
                                  tr("Weighted pipeline"), tr("Attainment"), tr("Forecast (P50)")};
    for (int i = 0; i < moneyLabels.size(); ++i) {
        auto *tile = new MoneyTileWidget(m_moneyBox);
        tile->setPending(moneyLabels[i]);
        money->addWidget(tile);
        m_money << tile;
        connect(tile, &MoneyTileWidget::activated, this, [this, i] { openMoney(i); });
    }
    layout->addWidget(m_moneyBox);

    // The charts take the height they can use (fitChartsHeight()); the alerts list below gets
    // the rest, so a tall window shows more alerts instead of an empty band under the heat map.
    m_charts = new QWidget(this);
    m_charts->setObjectName(QStringLiteral("cockpitCharts"));
    auto *charts = new QHBoxLayout(m_charts);
    charts->setContentsMargins(0, 0, 0, 0);
    charts->setSpacing(12);
    auto *left = new QVBoxLayout;
    auto *funnelHead = new QHBoxLayout;
    m_funnelTitle = sectionTitle(this);
    m_funnelTitle->setText(tr("Funnel"));
    m_pipeline = new QComboBox(this);
    m_pipeline->setObjectName(QStringLiteral("pipelinePicker"));
    m_pipeline->setToolTip(tr("Pipeline of the funnel and the heat map"));
    // The picker names the pipeline; it shrinks (eliding) rather than push into the heat map.
    m_pipeline->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_pipeline->setMinimumContentsLength(16);
    m_pipeline->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *pipelineLabel = new QLabel(tr("Pipe&line:"), this);
    pipelineLabel->setBuddy(m_pipeline);
    funnelHead->addWidget(m_funnelTitle);
    funnelHead->addStretch();
    funnelHead->addWidget(pipelineLabel);
    funnelHead->addWidget(m_pipeline);
    left->addLayout(funnelHead);
    m_funnel = new FunnelWidget(this);
    m_funnel->setObjectName(QStringLiteral("funnel"));
    left->addWidget(m_funnel, 1);
    auto *right = new QVBoxLayout;
    m_heatTitle = sectionTitle(this);
    m_heatTitle->setText(tr("Stage conversion"));
    right->addWidget(m_heatTitle);
    m_heatmap = new HeatmapWidget(this);
    m_heatmap->setObjectName(QStringLiteral("conversionHeatmap"));
    right->addWidget(m_heatmap, 1);
    charts->addLayout(left, 2);
    charts->addLayout(right, 3);
    layout->addWidget(m_charts);

    m_alertsTitle = sectionTitle(this);
    m_alertsTitle->setText(tr("Open alerts"));
    layout->addWidget(m_alertsTitle);
    m_alerts = new QTableView(this);
    m_alerts->setObjectName(QStringLiteral("cockpitAlerts"));
    m_alertsModel = new DataTableModel(m_alerts);
    m_alerts->setModel(m_alertsModel);
    m_alerts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_alerts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_alerts->verticalHeader()->hide();
    m_alerts->verticalHeader()->setDefaultSectionSize(m_alerts->fontMetrics().height() + 6);
    m_alerts->horizontalHeader()->setStretchLastSection(false);
    m_alerts->setAlternatingRowColors(true);
    m_alerts->setWordWrap(false);
    // Nine lines at least (a 768-px laptop keeps its charts as before); whatever the charts do
    // not use on a taller window.
    m_alerts->setMinimumHeight(m_alerts->fontMetrics().height() * 9);
    m_alerts->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_alerts->setToolTip(tr("Double-click or press Enter to open the lead"));
    layout->addWidget(m_alerts, 1);
    auto openAlert = [this](const QModelIndex &index) {
        const QString lead = m_alertsModel->table().rows.value(index.row()).value(0).toString();
        if (!lead.isEmpty())
            Q_EMIT leadActivated(lead);
    };
    connect(m_alerts, &QTableView::doubleClicked, this, openAlert);
    connect(m_alerts, &QTableView::activated, this, openAlert);

    connect(m_funnel, &FunnelWidget::stageActivated, this, [this](int s) { openStage(s); });
    connect(m_heatmap, &HeatmapWidget::cellActivated, this, [this](int r, int c) { openCell(r, c); });
    connect(m_pipeline, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        m_pipelineCode = m_pipeline->currentData().toString();
        refreshNow();
    });

    addPngAction(tilesBox, tr("KPI tiles"));
    addPngAction(m_funnel, tr("Funnel"));
    addPngAction(m_heatmap, tr("Stage conversion"));
    for (QWidget *chart : {tilesBox, static_cast<QWidget *>(m_funnel), static_cast<QWidget *>(m_heatmap)})
        for (QAction *a : chart->actions())
            connect(pngMenu->addAction(a->data().toString() + QStringLiteral("…")), &QAction::triggered, a, &QAction::trigger);
}

void CockpitPage::fitChartsHeight()
{
    // As tall as the taller of the funnel and the heat map wants (cells stop growing at a
    // readable height), never less than the charts' minimum.
    const int title = std::max(m_funnelTitle->sizeHint().height(), m_pipeline->sizeHint().height()) + 6;
    const int wanted = std::max(m_funnel->sizeHint().height(), m_heatmap->sizeHint().height()) + title;
    m_charts->setMaximumHeight(std::max(wanted, m_charts->minimumSizeHint().height()));
}

void CockpitPage::addPngAction(QWidget *chart, const QString &name)
{
    auto *action = new QAction(tr("Export as PNG…"), chart);
    action->setData(name);
    connect(action, &QAction::triggered, this, [this, chart, name] { exportPng(chart, name); });
    chart->addAction(action);
    chart->setContextMenuPolicy(Qt::ActionsContextMenu);
}

QDateTime CockpitPage::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

void CockpitPage::requestFigures(const Scope &scope)
{
    requestMoney(scope);
    watch<CockpitData>(figures().cockpit(CockpitRequest{scope, m_pipelineCode, englishNames(), now()}, channel()),
                       [this](const CockpitData &d) { showResult(d); });
}

void CockpitPage::requestMoney(const Scope &scope)
{
    m_moneyRunning = true;
    for (MoneyTileWidget *tile : std::as_const(m_money))
        tile->setPending(tile->tile().label);
    whenFigure(this, figures().compute<targets::MoneyFigures>(m_moneyChannel, targets::moneyFigures(scope, now().toSecsSinceEpoch())),
               [this](const FigureOutcome<targets::MoneyFigures> &o) {
                   if (o.superseded())
                       return; // a newer scope's money is on its way
                   m_moneyRunning = false;
                   if (o.failed()) {
                       m_moneyData.reset();
                       m_moneyError = o.error;
                       for (MoneyTileWidget *tile : std::as_const(m_money))
                           tile->setToolTip(tr("The money figures could not be computed: %1").arg(o.error));
                   } else {
                       m_moneyError.clear();
                       showMoney(o.value);
                   }
                   requestForecastTile(o.value.scope);
               });
}

void CockpitPage::requestForecastTile(const Scope &scope)
{
    // The forecast's P50 after the other tiles: the first time it reads the deals' history
    // and rebuilds the company's backtest (shared with the Forecast tab, which then opens at
    // once).
    m_moneyRunning = true;
    whenFigure(this, figures().compute<targets::MoneyTile>(m_moneyChannel, targets::forecastTileFigure(scope, now().toSecsSinceEpoch())),
               [this](const FigureOutcome<targets::MoneyTile> &o) {
                   if (o.superseded())
                       return;
                   m_moneyRunning = false;
                   MoneyTileWidget *tile = m_money.value(kForecastTile);
                   if (o.failed()) {
                       tile->setToolTip(tr("The forecast could not be computed: %1").arg(o.error));
                   } else {
                       if (m_moneyData) { // in the report and `report money` with the others
                           m_moneyData->tiles.resize(kForecastTile);
                           m_moneyData->tiles << o.value;
                       }
                       tile->setTile(o.value, m_moneyData ? m_moneyData->currency : QString());
                   }
                   Q_EMIT moneyShown();
               });
}

void CockpitPage::showMoney(const targets::MoneyFigures &money)
{
    m_moneyData = std::make_shared<targets::MoneyFigures>(money);
    for (int i = 0; i < m_money.size() && i < money.tiles.size(); ++i)
        m_money[i]->setTile(money.tiles[i], money.currency);
}

DrillDownDialog *CockpitPage::openMoney(int index)
{
    if (!m_moneyData || index < 0 || index >= m_moneyData->tiles.size())
        return nullptr;
    const targets::MoneyTile &tile = m_moneyData->tiles[index];
    const QString label = tile.label, where = subtitle().section(QStringLiteral(" · "), 0, 1);
    return openTable(figures().compute<DataTable>(0, targets::moneyDrillDownFigure(m_moneyData->scope, now().toSecsSinceEpoch(), tile.key)),
                     label, [label, where](const QString &) { return QStringLiteral("%1 · %2").arg(label, where); });
}

void CockpitPage::showResult(const CockpitData &data)
{
    m_data = std::make_shared<CockpitData>(data);
    const CockpitData &d = *m_data;
    m_error->hide();
    if (!m_unitsSet) {
        m_scopeBar->setOrgUnits(d.units);
        m_unitsSet = true;
    }
    for (int i = 0; i < m_tiles.size() && i < d.tiles.size(); ++i)
        m_tiles[i]->setTile(d.tiles[i]);

    m_filling = true;
    m_pipeline->clear();
    const QLocale locale;
    for (const PipelineInfo &p : d.pipelines)
        m_pipeline->addItem(tr("%1 (%2 leads)").arg(p.name, locale.toString(p.leads)), p.code);
    m_pipeline->setCurrentIndex(m_pipeline->findData(d.funnel.pipelineCode));
    m_filling = false;
    // Wide enough for the longest pipeline name and its count, up to a third of the page.
    int widest = 0;
    for (int i = 0; i < m_pipeline->count(); ++i)
        widest = std::max(widest, m_pipeline->fontMetrics().horizontalAdvance(m_pipeline->itemText(i)));
    m_pipeline->setMinimumWidth(std::min(widest + 48, std::max(200, width() / 3)));

    const FunnelResult &f = d.funnel;
    m_funnel->setStages(funnelStages(f));
    m_funnelTitle->setText(tr("Funnel"));
    m_funnelTitle->setToolTip(f.pipelineName);
    fillHeatmap(m_heatmap, f);
    m_heatTitle->setText(heatTitle(f));
    fitChartsHeight();

    m_alertsModel->setTable(d.alerts);
    m_alerts->setColumnHidden(0, true);
    m_alerts->setColumnHidden(d.alerts.columnIndex(QStringLiteral("rule_key")), true);
    m_alerts->resizeColumnsToContents();
    for (int c = 0; c < m_alertsModel->columnCount(); ++c)
        m_alerts->setColumnWidth(c, std::min(m_alerts->columnWidth(c), 320));
    m_alerts->horizontalHeader()->setSectionResizeMode(d.alerts.columnIndex(QStringLiteral("summary")), QHeaderView::Stretch);
    m_alertsTitle->setText(d.alertsTotal > d.alerts.rows.size()
                               ? tr("Open alerts · newest %1 of %2").arg(d.alerts.rows.size()).arg(d.alertsTotal)
                               : tr("Open alerts · %1").arg(d.alertsTotal));
    updateReportActions();
}

QVector<FunnelWidget::Stage> CockpitPage::funnelStages(const FunnelResult &f)
{
    const QLocale locale;
    QVector<FunnelWidget::Stage> stages;
    for (const FunnelStage &s : f.stages) {
        FunnelWidget::Stage st{s.name, s.entered, s.ratePct(), {}};
        const QString pct = std::isnan(s.ratePct()) ? QStringLiteral("—") : locale.toString(s.ratePct(), 'f', 1);
        st.maturing = s.maturing();
        if (s.last) {
            st.toolTip = tr("%1: %2 leads entered in the period").arg(s.name).arg(s.entered);
        } else if (st.maturing) {
            // A rate that can still only rise: "at least", with what is still open.
            st.nextText = tr("↓ ≥ %1 % (%2 of %3 so far, %4 open)").arg(pct).arg(s.converted).arg(s.entered).arg(s.open);
            st.toolTip = tr("%1: %2 leads entered in the period; so far %3 of them reached the next stage (%4 %), "
                            "%5 are still open in this stage.<br>Maturing: more than a third of these leads are "
                            "still open here, so the conversion is not final and is never flagged.")
                             .arg(s.name).arg(s.entered).arg(s.converted).arg(pct).arg(s.open);
        } else {
            st.nextText = tr("↓ %1 % (%2 of %3)").arg(pct).arg(s.converted).arg(s.entered);
            st.toolTip = tr("%1: %2 leads entered in the period; %3 of them reached the next stage (%4 %)")
                             .arg(s.name).arg(s.entered).arg(s.converted).arg(pct);
        }
        st.toolTip += QStringLiteral("<br>") + tr("The arrow under a bar counts the leads of that bar that later "
                                                  "entered the next stage, up to now.");
        stages << st;
    }
    return stages;
}

void CockpitPage::fillHeatmap(HeatmapWidget *map, const FunnelResult &f)
{
    const QLocale locale;
    QStringList rows;
    const QStringList cols = f.transitionLabels();
    QVector<HeatmapWidget::Cell> cells;
    for (const HeatRow &r : f.rows) {
        rows << r.orgName;
        for (int k = 0; k < r.cells.size(); ++k) {
            const HeatCell &c = r.cells[k];
            HeatmapWidget::Cell cell;
            const double rate = c.ratePct();
            if (c.entered == 0) {
                cell.text = QStringLiteral("—");
            } else if (c.tooFew) {
                cell.text = tr("too few (%1)").arg(c.entered);
            } else if (c.maturing) {
                cell.value = rate / 100.0;
                cell.text = tr("≥ %1 % (%2 open)").arg(locale.toString(rate, 'f', 0)).arg(c.open);
            } else {
                cell.value = rate / 100.0;
                cell.text = locale.toString(rate, 'f', 0) + QStringLiteral(" %");
            }
            cell.flagged = c.flagged;
            cell.maturing = c.maturing && !c.tooFew;
            QString why;
            if (c.flagged)
                why = QStringLiteral("<br><b>") + tr("Flagged: below %1 %").arg(f.settings.flagBelowPct) + QStringLiteral("</b>");
            else if (c.tooFew && c.entered > 0)
                why = QStringLiteral("<br>") + tr("Too few leads to judge (fewer than %1)").arg(f.settings.minCohort);
            else if (cell.maturing)
                why = QStringLiteral("<br>") + tr("Maturing: %1 of the %2 leads are still open in this stage (more than "
                                                  "a third), so the conversion is not final and is never flagged.")
                                                   .arg(c.open).arg(c.entered);
            cell.toolTip = tr("%1 · %2<br>%3 of %4 leads converted (%5 %)%6")
                               .arg(r.orgName.toHtmlEscaped(), cols.value(k).toHtmlEscaped())
                               .arg(c.converted).arg(c.entered)
                               .arg(std::isnan(rate) ? QStringLiteral("—") : locale.toString(rate, 'f', 1))
                               .arg(why)
                           + QStringLiteral("<br>") + tr("Cohort: the leads that entered the transition's first stage in the period; "
                                                         "converted: those of them that later entered the next stage, up to now.");
            cells << cell;
        }
    }
    map->setData(rows, cols, cells);
    map->setLegend(tr("0 %"), tr("100 %"), tr("too few leads"), tr("below the flag threshold"),
                   tr("maturing"));
}

QString CockpitPage::heatTitle(const FunnelResult &f)
{
    return tr("Stage conversion by %1 · %2 flagged below %3 %")
        .arg(f.by == GroupBy::Region ? tr("region")
             : f.by == GroupBy::City ? tr("city")
             : f.by == GroupBy::Team ? tr("team") : tr("rep"))
        .arg(f.flaggedCells())
        .arg(f.settings.flagBelowPct);
}

void CockpitPage::showError(const QString &message)
{
    m_error->setText(tr("The cockpit could not be computed: %1").arg(message));
    m_error->show();
}

QString CockpitPage::subtitle() const
{
    const QString org = m_data ? m_data->units.name(scope().org) : QString();
    return QStringLiteral("%1 · %2 · %3").arg(scope().period.label(), org,
                                             tr("generated %1").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
}

DrillDownDialog *CockpitPage::openTable(QFuture<DataTable> rows, const QString &name,
                                        const std::function<QString(const QString &)> &title)
{
    // The window opens at once; the rows follow from a worker (DrillDownDialog::showWhenReady).
    auto *dialog = DrillDownDialog::showWhenReady(this, title(name), std::move(rows), title);
    connect(dialog, &DrillDownDialog::leadActivated, this, &AnalyticsPage::leadActivated, Qt::UniqueConnection);
    return dialog;
}

DrillDownDialog *CockpitPage::openTile(int index)
{
    if (!m_data || index < 0 || index >= m_data->tiles.size())
        return nullptr;
    const QString label = m_data->tiles[index].label, where = subtitle().section(QStringLiteral(" · "), 0, 1);
    return openTable(figures().kpiDrillDown(scope(), now(), m_data->tiles[index].key), label,
                     [label, where](const QString &) { return QStringLiteral("%1 · %2").arg(label, where); });
}

DrillDownDialog *CockpitPage::openStage(int stage)
{
    if (!m_data)
        return nullptr;
    const QString where = subtitle().section(QStringLiteral(" · "), 0, 1);
    const QString name = stage >= 0 && stage < m_data->funnel.stages.size() ? m_data->funnel.stages[stage].name : QString();
    return openTable(figures().funnelDrillDown(scope(), m_data->funnel.pipelineCode, englishNames(), stage), name,
                     [where](const QString &title) { return QStringLiteral("%1 · %2").arg(title, where); });
}

DrillDownDialog *CockpitPage::openCell(int row, int column)
{
    if (!m_data || row < 0 || row >= m_data->funnel.rows.size())
        return nullptr;
    const HeatRow &r = m_data->funnel.rows[row];
    const QString org = r.orgName, period = scope().period.label();
    const QString name = column >= 0 && column < m_data->funnel.stages.size() ? m_data->funnel.stages[column].name : QString();
    return openTable(figures().funnelDrillDown(scope(), m_data->funnel.pipelineCode, englishNames(), column, r.orgId), name,
                     [org, period](const QString &title) { return QStringLiteral("%1 · %2 · %3").arg(org, title, period); });
}

void CockpitPage::exportPng(QWidget *chart, const QString &name)
{
    exportWidgetPng(chart, this, safeFileName(name + QStringLiteral(" ") + scope().period.key()));
}

QByteArray CockpitPage::figuresCsv() const
{
    if (!m_data)
        return {};
    return toCsv(kpiTable(m_data->tiles, tr("KPI baseline"))) + QByteArray("\r\n") + toCsv(conversionTable(m_data->funnel));
}

void CockpitPage::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export figures (CSV)"),
                                                      safeFileName(tr("Cockpit") + QStringLiteral(" ") + scope().period.key()) + QStringLiteral(".csv"),
                                                      tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(figuresCsv()) < 0 || !file.commit())
        QMessageBox::warning(this, tr("Export figures (CSV)"), tr("Could not write %1: %2").arg(path, file.errorString()));
}

} // namespace cockpit::ui
