#include "targetforecastchart.h"

#include "chartstyle.h"
#include "domain/money.h"
#include "targets/rollingforecast.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cockpit::ui {

using namespace targets;

TargetForecastChart::TargetForecastChart(QWidget *parent) : QChartView(parent)
{
    setObjectName(QStringLiteral("targetForecastChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
}

void TargetForecastChart::clear(const QString &message)
{
    m_smoothed.clear();
    QChart *chart = freshChart(this);
    chart->setTitle(message);
    setToolTip(QString());
}

void TargetForecastChart::setRow(const QString &name, const TargetRow &row, const QVector<QDate> &months)
{
    QChart *chart = freshChart(this);
    m_smoothed.clear();
    if (months.isEmpty() || row.history6.size() != 6) {
        chart->setTitle(tr("No forecast for %1").arg(name));
        return;
    }
    // Amounts in 万 (亿 from 10亿) in Chinese, in thousands (millions from ¥10 million) of yuan
    // elsewhere; the axis says which.
    qint64 largest = 0;
    for (const QVector<qint64> *series : {&row.history6, &row.forecastByMonth, &row.targetByMonth})
        for (qint64 v : *series)
            largest = std::max(largest, v);
    const bool chinese = QLocale().language() == QLocale::Chinese;
    double scale = 1e5;
    QString unit = tr("¥ thousand");
    if (chinese && largest >= qint64(1e11)) {
        scale = 1e10;
        unit = tr("¥100M (亿)");
    } else if (chinese) {
        scale = 1e6;
        unit = tr("¥10k (万)");
    } else if (largest >= qint64(1e9)) {
        scale = 1e8;
        unit = tr("¥ million");
    }
    // Short month names fit twelve across; January carries its year.
    auto monthLabel = [](QDate m) {
        return m.month() == 1 ? QLocale().toString(m, QStringLiteral("MMM yy")) : QLocale().toString(m, QStringLiteral("MMM"));
    };

    QStringList categories;
    for (int h = 0; h < 6; ++h)
        categories << monthLabel(months.first().addMonths(h - 6));
    for (const QDate &m : months)
        categories << monthLabel(m);

    // The outliers the model clips: the first forecast month's window is the history itself.
    QVector<double> window;
    for (qint64 v : row.history6)
        window << double(v);
    const QVector<double> clipped = winsorise(window, ForecastSettings{}.madMultiplier);
    for (int h = 0; h < clipped.size(); ++h)
        if (std::llround(clipped[h]) != row.history6[h])
            m_smoothed.append({h, std::llround(clipped[h])});

    auto *targets = new QBarSet(tr("Month target"));
    targets->setColor(seriesColor(1).lighter(150));
    for (int h = 0; h < 6; ++h)
        *targets << 0.0;
    for (int k = 0; k < months.size(); ++k)
        *targets << row.targetByMonth.value(k) / scale;
    auto *bars = new QBarSeries;
    bars->append(targets);
    auto *collected = new QLineSeries;
    collected->setName(tr("Collected"));
    collected->setColor(seriesColor(0));
    for (int h = 0; h < 6; ++h)
        collected->append(h, row.history6[h] / scale);
    auto *forecast = new QLineSeries;
    forecast->setName(tr("Forecast (WMA)"));
    QPen dashed(seriesColor(2));
    dashed.setWidth(2);
    dashed.setStyle(Qt::DashLine);
    forecast->setPen(dashed);
    forecast->append(5, row.history6[5] / scale); // joins the last actual month
    for (int k = 0; k < row.forecastByMonth.size(); ++k)
        forecast->append(6 + k, row.forecastByMonth[k] / scale);
    auto *outliers = new QScatterSeries;
    outliers->setName(tr("Outlier, smoothed"));
    outliers->setColor(ragColor(analytics::Rag::Red));
    outliers->setMarkerSize(9);
    for (const auto &[h, value] : std::as_const(m_smoothed))
        outliers->append(h, value / scale);

    chart->addSeries(bars);
    chart->addSeries(collected);
    chart->addSeries(forecast);
    if (!m_smoothed.isEmpty())
        chart->addSeries(outliers);
    else
        delete outliers;
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    QFont small = chartLabelFont();
    small.setPointSizeF(small.pointSizeF() * 0.85); // twelve months side by side
    x->setLabelsFont(small);
    auto *y = new QValueAxis;
    y->setLabelsFont(chartLabelFont());
    y->setTitleText(unit);
    y->setTitleFont(chartLabelFont());
    y->setLabelFormat(largest / scale < 10 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    y->setMin(0);
    y->applyNiceNumbers();
    chart->setTitle(tr("%1: 6-month forecast %2, targets %3")
                        .arg(name, formatCnyWan(row.forecast6Cents, QLocale()), formatCnyWan(row.target6Cents, QLocale())));
    chart->legend()->setAlignment(Qt::AlignBottom);

    QStringList lines;
    lines << tr("Each month's forecast is the weighted moving average of the 6 months before it, weights 1, 2, 3, 4, 5, 6 "
                "(÷ 21), the newest heaviest; a forecast month joins the window for the month after.")
          << tr("Outliers: a month outside the median ± 3 × MAD (median absolute deviation) of the window is clipped "
                "to that bound first.");
    for (const auto &[h, value] : std::as_const(m_smoothed))
        lines << tr("%1: collected %2, counted as %3")
                     .arg(categories[h], formatCnyWan(row.history6[h], QLocale()), formatCnyWan(value, QLocale()));
    if (m_smoothed.isEmpty())
        lines << tr("No month of this history is an outlier.");
    setToolTip(lines.join(QLatin1Char('\n')));
}

} // namespace cockpit::ui
