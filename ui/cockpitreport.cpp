// The Cockpit page's report: what it shows, laid out for paper by ReportDocument, saved as a
// PDF or printed through the system's print dialog (one layout for both).
#include "cockpitpage.h"

#include "moneytile.h"

#include "charts/heatmapwidget.h"
#include "chartstyle.h"
#include "exporting.h"
#include "kpitile.h"
#include "reportdocument.h"
#include "analytics/reporttable.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>

#include <memory>
#include <vector>

namespace cockpit::ui {

using namespace analytics;

namespace {
// Charts are drawn at twice their size, so they stay sharp on paper.
constexpr qreal kScale = 2.0;

// A row of tiles, each `width` × `height`, 8 px apart.
template<class W>
QPixmap tilesRow(const std::vector<std::unique_ptr<W>> &tiles, int width, int height)
{
    if (tiles.empty())
        return {};
    const int gap = 8, n = int(tiles.size());
    QPixmap pixmap(QSize(n * width + (n - 1) * gap, height) * kScale);
    pixmap.setDevicePixelRatio(kScale);
    pixmap.fill(Qt::white);
    QPainter p(&pixmap);
    for (int i = 0; i < n; ++i) {
        tiles[i]->resize(width, height);
        tiles[i]->render(&p, QPoint(i * (width + gap), 0));
    }
    return pixmap;
}

QPixmap renderWidget(QWidget &widget, const QSize &size)
{
    widget.resize(size);
    QPixmap pixmap(size * kScale);
    pixmap.setDevicePixelRatio(kScale);
    pixmap.fill(Qt::white);
    widget.render(&pixmap);
    return pixmap;
}
} // namespace

QPixmap CockpitPage::tilesImage() const
{
    // Fresh tiles, as wide as their longest text (on screen a narrow window elides labels).
    std::vector<std::unique_ptr<KpiTileWidget>> tiles;
    int width = 0, height = 0;
    for (const KpiTile &t : m_data->tiles) {
        auto tile = std::make_unique<KpiTileWidget>();
        tile->setTile(t);
        width = std::max({width, tile->sizeHint().width(), tile->naturalWidth()});
        height = std::max(height, tile->sizeHint().height());
        tiles.push_back(std::move(tile));
    }
    return tilesRow(tiles, width, height);
}

QPixmap CockpitPage::moneyImage() const
{
    if (!m_moneyData)
        return {};
    std::vector<std::unique_ptr<MoneyTileWidget>> tiles;
    int width = 0, height = 0;
    for (const targets::MoneyTile &t : m_moneyData->tiles) {
        auto tile = std::make_unique<MoneyTileWidget>();
        tile->setTile(t, m_moneyData->currency);
        const QFontMetrics fm(tile->font());
        width = std::max({width, tile->sizeHint().width(), fm.horizontalAdvance(tile->detailText()) * 11 / 10 + 24});
        height = std::max(height, tile->sizeHint().height());
        tiles.push_back(std::move(tile));
    }
    return tilesRow(tiles, width, height);
}

QPixmap CockpitPage::funnelImage() const
{
    FunnelWidget funnel;
    funnel.setStages(funnelStages(m_data->funnel));
    const QSize hint = funnel.sizeHint();
    return renderWidget(funnel, QSize(std::max(hint.width(), 640), std::max(hint.height(), 120)));
}

QPixmap CockpitPage::heatmapImage() const
{
    HeatmapWidget map;
    fillHeatmap(&map, m_data->funnel);
    // Wide enough that the stage names fit their two header lines and the org names their
    // column (the widget gives row names at most a quarter of its width).
    const QFontMetrics fm(chartLabelFont());
    int rowW = 0, colW = 110;
    for (const HeatRow &r : m_data->funnel.rows)
        rowW = std::max(rowW, fm.horizontalAdvance(r.orgName) + 14);
    for (const QString &c : m_data->funnel.transitionLabels())
        colW = std::max(colW, fm.horizontalAdvance(c) * 6 / 10 + 24);
    const int cols = int(m_data->funnel.transitionLabels().size());
    const int width = std::max({700, rowW + 4 + cols * colW, 4 * rowW});
    return renderWidget(map, QSize(width, std::max(map.sizeHint().height(), 120)));
}

ReportDocument CockpitPage::report() const
{
    ReportDocument doc(tr("Sales cockpit"), subtitle());
    if (!m_data)
        return doc;
    const CockpitData &d = *m_data;
    ReportFormat format;
    format.currency = d.units.currency;
    doc.addSection(tr("KPI baseline"), tilesImage(), kpiReportTable(d.tiles, format.locale));
    if (m_moneyData) {
        ReportFormat money = format;
        money.hiddenColumns = {QStringLiteral("tile"), QStringLiteral("colour")}; // codes: the CSV's
        doc.addSection(tr("Money"), moneyImage(), reportTable(targets::moneyTable(*m_moneyData), money));
    } else {
        doc.addSection(tr("Money"), {}, {}, m_moneyError.isEmpty() ? tr("The money figures are still being computed.")
                                                                  : tr("The money figures could not be computed: %1").arg(m_moneyError));
    }
    ReportFormat funnel = format;
    funnel.hiddenColumns = {QStringLiteral("position")}; // the rows are in stage order
    doc.addSection(tr("Funnel · %1").arg(d.funnel.pipelineName), funnelImage(), reportTable(funnelTable(d.funnel), funnel));
    ReportFormat conversion = format;
    conversion.maxRows = 120;
    doc.addSection(heatTitle(d.funnel), heatmapImage(), reportTable(conversionTable(d.funnel), conversion));
    const QString alerts = d.alertsTotal > d.alerts.rows.size()
                               ? tr("Open alerts · newest %1 of %2").arg(d.alerts.rows.size()).arg(d.alertsTotal)
                               : tr("Open alerts · %1").arg(d.alertsTotal);
    doc.addSection(alerts, {}, reportTable(d.alerts, format), tr("No open alert in this scope."));
    return doc;
}

bool CockpitPage::writePdf(const QString &path, QString *error, int *pages)
{
    if (!m_data) {
        if (error)
            *error = tr("Nothing computed yet.");
        return false;
    }
    return report().writePdf(path, error, pages);
}

bool CockpitPage::print(QPrinter *printer, QString *error, int *pages)
{
    if (!m_data) {
        if (error)
            *error = tr("Nothing computed yet.");
        return false;
    }
    return report().paint(printer, error, pages);
}

void CockpitPage::exportPdf()
{
    if (!m_data)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export cockpit report as PDF"),
                                                      safeFileName(tr("Cockpit") + QStringLiteral(" ") + scope().period.key()) + QStringLiteral(".pdf"),
                                                      tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool ok = writePdf(path, &error);
    QApplication::restoreOverrideCursor();
    if (!ok)
        QMessageBox::warning(this, tr("Export cockpit report as PDF"), error);
}

void CockpitPage::printReport()
{
    if (!m_data)
        return;
    QPrinter printer(QPrinter::HighResolution);
    ReportDocument::preparePrinter(&printer);
    printer.setDocName(safeFileName(tr("Cockpit") + QStringLiteral(" ") + scope().period.key()));
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print cockpit report"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool ok = print(&printer, &error);
    QApplication::restoreOverrideCursor();
    if (!ok)
        QMessageBox::warning(this, tr("Print cockpit report"), error);
}

void CockpitPage::updateReportActions()
{
    // Live only while the page is shown: their keys then belong to no other screen.
    const bool on = m_shown && m_data;
    m_printAction->setEnabled(on);
    m_pdfAction->setEnabled(on);
}

void CockpitPage::showEvent(QShowEvent *event)
{
    AnalyticsPage::showEvent(event);
    m_shown = true;
    updateReportActions();
}

void CockpitPage::hideEvent(QHideEvent *event)
{
    AnalyticsPage::hideEvent(event);
    m_shown = false;
    updateReportActions();
}

} // namespace cockpit::ui
