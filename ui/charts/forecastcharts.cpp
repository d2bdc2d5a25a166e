#include "forecastcharts.h"

#include "chartstyle.h"
#include "exporting.h"
#include "domain/money.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cockpit::ui {

namespace {
void styleChart(QChart *chart)
{
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setFont(chartLabelFont());
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setTitleFont(chartTitleFont());
}

bool chineseLocale() { return QLocale().language() == QLocale::Chinese; }

// A y axis from 0 to a round number above `top` with about 4 labelled ticks.
QValueAxis *valueAxis(double top, const QString &title)
{
    auto *y = new QValueAxis;
    double step = 1;
    const double raw = std::max(top, 1.0) / 4;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    y->setRange(0, step * std::ceil(std::max(top, 1.0) / step));
    y->setTickCount(int(std::lround(y->max() / step)) + 1);
    y->setLabelFormat(step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    y->setLabelsFont(chartLabelFont());
    y->setTitleText(title);
    y->setTitleFont(chartLabelFont());
    return y;
}
} // namespace

ForecastChartView::ForecastChartView(const QString &objectName, const QString &exportName, QWidget *parent)
    : QChartView(parent), m_exportName(exportName)
{
    setObjectName(objectName);
    setRenderHint(QPainter::Antialiasing);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(tr("Export as PNG…"), this, &ForecastChartView::exportPng);
        menu.exec(mapToGlobal(pos));
    });
    freshChart();
}

void ForecastChartView::exportPng()
{
    exportWidgetPng(this, window(), m_exportName);
}

QChart *ForecastChartView::freshChart()
{
    auto *chart = new QChart;
    styleChart(chart);
    QChart *old = this->chart();
    setChart(chart);
    delete old;
    return chart;
}

FanChart::FanChart(QWidget *parent) : ForecastChartView(QStringLiteral("fanChart"), QStringLiteral("forecast-fan"), parent)
{
    setMinimumHeight(200);
}

double FanChart::unitCents(double largestCents, bool chineseYuan)
{
    if (!chineseYuan)
        return 1e8; // millions (of the file's currency, as the axis says)
    return largestCents >= 1e10 ? 1e10 : 1e6; // 亿 yuan from 1亿 on, as the tables write it; else 万 yuan
}

void FanChart::setMonths(const std::vector<forecast::FanMonth> &months, const QString &currency)
{
    QChart *chart = freshChart();
    double largest = 0;
    for (const forecast::FanMonth &m : months)
        largest = std::max({largest, double(m.p90), double(m.actualCents), double(m.targetCents)});
    const bool yuan = chineseLocale() && (currency.isEmpty() || currency == QLatin1String("CNY"));
    const double unit = unitCents(largest, yuan);
    auto *low = new QLineSeries, *high = new QLineSeries, *p50 = new QLineSeries, *target = new QLineSeries;
    auto *actual = new QScatterSeries;
    auto *band = new QAreaSeries(high, low);
    band->setName(tr("P10–P90 band"));
    QColor bandColour = seriesColor(0);
    bandColour.setAlpha(60);
    band->setBrush(bandColour);
    band->setPen(QPen(seriesColor(0), 0.8));
    p50->setName(tr("P50"));
    p50->setPen(QPen(seriesColor(0), 2));
    actual->setName(tr("Won (actual)"));
    actual->setColor(seriesColor(1));
    actual->setMarkerSize(9);
    target->setName(tr("Month target"));
    target->setPen(QPen(ragColor(analytics::Rag::Green), 1.5, Qt::DashLine));
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setLabelsFont(chartLabelFont());
    double top = 0;
    int firstComing = -1;
    for (std::size_t i = 0; i < months.size(); ++i) {
        const forecast::FanMonth &m = months[i];
        const double xi = double(i);
        low->append(xi, m.p10 / unit);
        high->append(xi, m.p90 / unit);
        p50->append(xi, m.p50 / unit);
        top = std::max(top, m.p90 / unit);
        if (m.actualCents >= 0) {
            actual->append(xi, m.actualCents / unit);
            top = std::max(top, m.actualCents / unit);
        }
        if (m.targetCents >= 0) {
            target->append(xi, m.targetCents / unit);
            top = std::max(top, m.targetCents / unit);
        }
        if (!m.past && firstComing < 0)
            firstComing = int(i);
        // Every other month labelled when there are many (the labels would be cut to "…").
        const QDate d = analytics::dayDate(m.firstDay);
        if (months.size() <= 8 || (months.size() - 1 - i) % 2 == 0)
            x->append(QLocale().toString(d, d.month() == 1 ? QStringLiteral("yyyy") : QStringLiteral("MMM")), xi);
    }
    x->setRange(-0.5, std::max<double>(0.5, double(months.size()) - 0.5));
    const QString unitTitle = !yuan ? tr("millions of %1").arg(currencySymbol(currency).trimmed())
                              : unit >= 1e10 ? tr("100 million yuan")
                                             : tr("10,000 yuan");
    QValueAxis *y = valueAxis(top * 1.05, unitTitle);
    chart->addSeries(band);
    chart->addSeries(p50);
    if (target->count())
        chart->addSeries(target);
    else
        delete target;
    chart->addSeries(actual);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->setTitle(firstComing > 0 ? tr("Won per month: backtest band before, forecast from %1")
                                          .arg(analytics::Period::month(analytics::dayDate(months[std::size_t(firstComing)].firstDay))
                                                   .label())
                                    : tr("Won per month against target"));
    setToolTip(tr("Past months: what was won, against the P10–P90 band of the forecast made at each month's start "
                  "from what was known then (the backtest). This month and the next: the forecast made today; this "
                  "month's dot is what is won so far. Dashed: the month's target."));
}

CalibrationChart::CalibrationChart(QWidget *parent)
    : ForecastChartView(QStringLiteral("calibrationChart"), QStringLiteral("win-model-calibration"), parent)
{
    setMinimumSize(200, 180);
}

void CalibrationChart::clearWith(const QString &title)
{
    freshChart()->setTitle(title);
}

void CalibrationChart::setBins(const std::vector<forecast::CalibrationBin> &bins)
{
    QChart *chart = freshChart();
    auto *diagonal = new QLineSeries;
    diagonal->setName(tr("Perfect calibration"));
    diagonal->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    diagonal->append(0, 0);
    diagonal->append(100, 100);
    auto *line = new QLineSeries;
    line->setName(tr("Learned model"));
    line->setPen(QPen(seriesColor(0), 2));
    line->setPointsVisible(true);
    int n = 0;
    for (const forecast::CalibrationBin &b : bins)
        if (b.n > 0) {
            line->append(b.meanPredicted * 100, b.observed * 100);
            n += b.n;
        }
    chart->addSeries(diagonal);
    chart->addSeries(line);
    auto *x = new QValueAxis, *y = new QValueAxis;
    for (QValueAxis *a : {x, y}) {
        a->setRange(0, 100);
        a->setTickCount(3);
        a->setMinorTickCount(1);
        a->setLabelFormat(QStringLiteral("%d %%"));
        a->setLabelsFont(chartLabelFont());
        a->setTitleFont(chartLabelFont());
    }
    x->setTitleText(tr("Predicted"));
    y->setTitleText(tr("Observed"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : {diagonal, line}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->legend()->hide();
    chart->setTitle(tr("Calibration on %n held-out example(s)", nullptr, n));
    setToolTip(tr("Each point is one bin of held-out examples (deals closed after the training cut-off, one per stage "
                  "reached): the model's mean predicted probability across, the share actually won up. On the dashed "
                  "diagonal the probabilities mean what they say."));
}

} // namespace cockpit::ui
