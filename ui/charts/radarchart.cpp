#include "charts/radarchart.h"

#include "chartstyle.h"

#include <QCategoryAxis>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPolarChart>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace cockpit::ui {

namespace {
constexpr double kRim = 115; // the radial axis' end: room between 100 and the axis names
}

RadarChart::RadarChart(QWidget *parent) : QChartView(parent), m_chart(new QPolarChart)
{
    setObjectName(QStringLiteral("radarChart"));
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(0, 0, 0, 0));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setFont(chartLabelFont());
    m_chart->setTitleFont(chartTitleFont());
    setChart(m_chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(280, 260);
}

void RadarChart::setTitle(const QString &title) { m_chart->setTitle(title); }

void RadarChart::setAxisLabels(const QStringList &labels)
{
    m_labels = labels;
    setPolygons(m_polygons);
}

int RadarChart::axisAt(const QPointF &point) const
{
    const int n = int(m_labels.size());
    if (n == 0)
        return -1;
    const double step = 360.0 / n;
    return int(std::lround(point.x() / step)) % n;
}

QString RadarChart::pointText(int polygon, int axis) const
{
    if (polygon < 0 || polygon >= m_polygons.size() || axis < 0 || axis >= m_labels.size())
        return {};
    const Polygon &p = m_polygons[polygon];
    const auto v = p.values.value(axis);
    const QString raw = p.rawText.value(axis);
    if (!v)
        return tr("%1 · %2: no data").arg(p.name, m_labels[axis]);
    return tr("%1 · %2: %3 (score %4 of 100)").arg(p.name, m_labels[axis], raw, QString::number(*v, 'f', 1));
}

void RadarChart::setPolygons(const QVector<Polygon> &polygons)
{
    m_polygons = polygons;
    m_chart->removeAllSeries();
    m_series.clear();
    m_hidden.fill(false, polygons.size());
    for (QAbstractAxis *a : m_chart->axes()) {
        m_chart->removeAxis(a);
        delete a;
    }
    const int n = int(m_labels.size());
    if (n == 0)
        return;
    const double step = 360.0 / n;

    auto *angular = new QCategoryAxis;
    angular->setRange(0, 360);
    angular->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    angular->setLabelsFont(chartLabelFont());
    for (int i = 0; i < n; ++i)
        angular->append(m_labels[i], i * step);
    angular->setStartValue(0);
    m_chart->addAxis(angular, QPolarChart::PolarOrientationAngular);

    // Rings at 25, 50, 75 and 100 inside a rim at 115: a point at 100 stays clear of the
    // axis names drawn outside the rim. The rings are not labelled: their numbers ran along
    // the first axis, over its points (the title says 0–100, a point's tooltip its score).
    auto *radial = new QCategoryAxis;
    radial->setRange(0, kRim);
    for (int ring = 25; ring <= 100; ring += 25)
        radial->append(QString::number(ring), ring);
    radial->append(QStringLiteral(" "), kRim);
    radial->setLabelsVisible(false);
    radial->setGridLineColor(QColor(0xd1, 0xd5, 0xdb));
    m_chart->addAxis(radial, QPolarChart::PolarOrientationRadial);

    for (int p = 0; p < polygons.size(); ++p) {
        auto *s = new QLineSeries;
        s->setName(polygons[p].name);
        QPen pen(seriesColor(p));
        pen.setWidthF(2.2);
        s->setPen(pen);
        s->setPointsVisible(true);
        s->setMarkerSize(5);
        for (int a = 0; a <= n; ++a) // closed: the first point again at 360°
            s->append(a * step, polygons[p].values.value(a % n).value_or(0.0));
        m_chart->addSeries(s);
        s->attachAxis(angular);
        s->attachAxis(radial);
        connect(s, &QLineSeries::hovered, this, [this, p](const QPointF &point, bool state) {
            if (state && isPolygonVisible(p))
                QToolTip::showText(QCursor::pos(), pointText(p, axisAt(point)), this);
            else
                QToolTip::hideText();
        });
        connect(s, &QLineSeries::clicked, this, [this, p](const QPointF &point) {
            if (isPolygonVisible(p))
                Q_EMIT pointClicked(p, axisAt(point));
        });
        m_series.append(s);
    }
    for (QLegendMarker *m : m_chart->legend()->markers()) {
        connect(m, &QLegendMarker::clicked, this, [this, m] { toggleFromMarker(m); });
        styleMarker(m, true);
    }
    m_chart->legend()->setVisible(!polygons.isEmpty());
}

bool RadarChart::isPolygonVisible(int i) const
{
    return i >= 0 && i < m_series.size() && !m_hidden.value(i);
}

void RadarChart::setPolygonVisible(int i, bool visible)
{
    if (i < 0 || i >= m_series.size())
        return;
    // Drawn transparent rather than QXYSeries::setVisible(false), which would take the legend
    // entry away too — the entry stays, greyed, so the polygon can be switched back on.
    m_hidden[i] = !visible;
    QPen pen = m_series[i]->pen();
    QColor c = seriesColor(i);
    c.setAlphaF(visible ? 1.0 : 0.0);
    pen.setColor(c);
    m_series[i]->setPen(pen);
    m_series[i]->setPointsVisible(visible);
    for (QLegendMarker *m : m_chart->legend()->markers(m_series[i]))
        styleMarker(m, visible);
}

void RadarChart::toggleFromMarker(QLegendMarker *marker)
{
    const int i = int(m_series.indexOf(qobject_cast<QLineSeries *>(marker->series())));
    setPolygonVisible(i, !isPolygonVisible(i));
}

void RadarChart::styleMarker(QLegendMarker *marker, bool visible)
{
    // A hidden polygon's legend entry stays, greyed, so it can be switched back on.
    QColor label = palette().color(QPalette::WindowText);
    if (!visible)
        label.setAlphaF(0.4);
    marker->setLabelBrush(label);
    QBrush b = marker->brush();
    QColor c = seriesColor(int(m_series.indexOf(qobject_cast<QLineSeries *>(marker->series()))));
    c.setAlphaF(visible ? 1.0 : 0.25);
    b.setColor(c);
    marker->setBrush(b);
}

} // namespace cockpit::ui
