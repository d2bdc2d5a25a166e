#include "correlationchart.h"

#include "chartstyle.h"
#include "exporting.h"

#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QLineSeries>
#include <QMenu>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cockpit::ui {

using targets::CorrMetric;
using targets::CorrPoint;

namespace {
// An axis over [lo, hi] with a little room, on round ticks (1, 2, 2.5 or 5 × 10^k, at most 6
// steps). No metric is negative and the scores and shares end at 100: the axis stops at 0 and
// 100 when the values do.
QValueAxis *axis(CorrMetric m, double lo, double hi)
{
    if (hi - lo < 1e-9) { // one value (or none): a band around it
        lo -= 1;
        hi += 1;
    }
    const double raw = (hi - lo) * 1.06 / 6;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (double f : {1.0, 2.0, 2.5, 5.0})
        if (f * magnitude >= raw) {
            step = f * magnitude;
            break;
        }
    const double pad = (hi - lo) * 0.03;
    double min = std::floor((lo - pad) / step) * step, max = std::ceil((hi + pad) / step) * step;
    if (lo >= 0)
        min = std::max(min, 0.0);
    const bool toHundred = m != CorrMetric::ResponseMedian && m != CorrMetric::NewCustomers;
    if (toHundred && hi <= 100)
        max = std::min(max, std::ceil(100 / step) * step);
    auto *a = new QValueAxis;
    a->setRange(min, max);
    a->setTickCount(int(std::lround((max - min) / step)) + 1);
    a->setLabelFormat(step >= 1 ? QStringLiteral("%.0f") : step >= 0.1 ? QStringLiteral("%.1f") : QStringLiteral("%.2f"));
    a->setLabelsFont(chartLabelFont());
    a->setTitleText(targets::corrMetricLabel(m));
    a->setTitleFont(chartLabelFont());
    return a;
}
} // namespace

CorrelationChart::CorrelationChart(QWidget *parent) : QChartView(parent)
{
    setObjectName(QStringLiteral("correlationChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 240);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(tr("Export as PNG…"), this, &CorrelationChart::exportPng);
        menu.exec(mapToGlobal(pos));
    });
    freshChart(this);
}

void CorrelationChart::exportPng()
{
    exportWidgetPng(this, window(), QStringLiteral("correlation"));
}

void CorrelationChart::setPoints(const targets::CorrelationPoints &points)
{
    m_points = points;
    QChart *chart = freshChart(this);
    chart->legend()->hide();
    m_scatter = new QScatterSeries;
    m_scatter->setName(tr("Reps"));
    m_scatter->setMarkerSize(10);
    m_scatter->setColor(seriesColor(0));
    m_scatter->setBorderColor(Qt::white);
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    for (int i = 0; i < points.points.size(); ++i) {
        const CorrPoint &p = points.points[i];
        m_scatter->append(*p.x, *p.y);
        x0 = i ? std::min(x0, *p.x) : *p.x;
        x1 = i ? std::max(x1, *p.x) : *p.x;
        y0 = i ? std::min(y0, *p.y) : *p.y;
        y1 = i ? std::max(y1, *p.y) : *p.y;
    }
    auto *line = new QLineSeries;
    line->setName(tr("Least-squares line"));
    line->setPen(QPen(seriesColor(1), 2));
    if (points.fit.enoughData) {
        line->append(x0, points.fit.slope * x0 + points.fit.intercept);
        line->append(x1, points.fit.slope * x1 + points.fit.intercept);
        y0 = std::min({y0, line->at(0).y(), line->at(1).y()});
        y1 = std::max({y1, line->at(0).y(), line->at(1).y()});
    }
    m_highlight = new QScatterSeries;
    m_highlight->setMarkerSize(16);
    m_highlight->setColor(Qt::transparent);
    m_highlight->setBorderColor(seriesColor(1));
    m_highlight->setPen(QPen(seriesColor(1), 3));
    chart->addSeries(line);
    chart->addSeries(m_scatter);
    chart->addSeries(m_highlight);
    QValueAxis *x = axis(points.x, x0, x1);
    QValueAxis *y = axis(points.y, y0, y1);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : std::initializer_list<QAbstractSeries *>{line, m_scatter, m_highlight}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    connect(m_scatter, &QScatterSeries::hovered, this, [this](const QPointF &value, bool state) {
        if (state)
            QToolTip::showText(QCursor::pos(), toolTipAt(value), this);
        else
            QToolTip::hideText();
    });
    // The ring of the highlighted rep lies over its point: a click on either opens the rep.
    for (QScatterSeries *s : {m_scatter, m_highlight})
        connect(s, &QScatterSeries::clicked, this, [this](const QPointF &value) {
            const int i = indexAt(value);
            if (i >= 0)
                Q_EMIT repClicked(m_points.points[i].repId);
        });
}

void CorrelationChart::setHighlighted(const QString &repId)
{
    if (!m_highlight)
        return;
    m_highlight->clear();
    for (const CorrPoint &p : std::as_const(m_points.points))
        if (p.repId == repId)
            m_highlight->append(*p.x, *p.y);
}

int CorrelationChart::indexAt(const QPointF &value) const
{
    // The nearest point in pixels: the series reports the value it holds, but reps can share one.
    if (!chart() || !m_scatter)
        return -1;
    const QPointF at = chart()->mapToPosition(value, m_scatter);
    int best = -1;
    double bestDistance = 0;
    for (int i = 0; i < m_points.points.size(); ++i) {
        const QPointF p = chart()->mapToPosition(QPointF(*m_points.points[i].x, *m_points.points[i].y), m_scatter);
        const double d = std::hypot(p.x() - at.x(), p.y() - at.y());
        if (best < 0 || d < bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    return best;
}

QString CorrelationChart::toolTipAt(const QPointF &value) const
{
    const int i = indexAt(value);
    if (i < 0)
        return {};
    const CorrPoint &nearest = m_points.points[i];
    QStringList lines;
    for (const CorrPoint &p : m_points.points)
        if (*p.x == *nearest.x && *p.y == *nearest.y)
            lines << QStringLiteral("<b>%1</b>").arg(p.name.toHtmlEscaped());
    lines << QStringLiteral("%1: %2").arg(targets::corrMetricLabel(m_points.x).toHtmlEscaped(),
                                         targets::corrMetricText(m_points.x, *nearest.x));
    lines << QStringLiteral("%1: %2").arg(targets::corrMetricLabel(m_points.y).toHtmlEscaped(),
                                         targets::corrMetricText(m_points.y, *nearest.y));
    lines << tr("<i>Click to open the rep on the Team screen</i>");
    return lines.join(QStringLiteral("<br>"));
}

QList<QPointF> CorrelationChart::drawnPoints() const
{
    return m_scatter ? m_scatter->points() : QList<QPointF>{};
}

QPoint CorrelationChart::viewPosition(const QString &repId) const
{
    for (const CorrPoint &p : m_points.points)
        if (p.repId == repId)
            return mapFromScene(chart()->mapToScene(chart()->mapToPosition(QPointF(*p.x, *p.y), m_scatter)));
    return {};
}

QList<QPointF> CorrelationChart::lineEnds() const
{
    if (!chart())
        return {};
    for (QAbstractSeries *s : chart()->series())
        if (auto *line = qobject_cast<QLineSeries *>(s))
            return line->points();
    return {};
}

} // namespace cockpit::ui
