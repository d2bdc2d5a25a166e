#pragma once
// The Correlation tab's scatter: one point per rep (targets::correlationPoints), the
// least-squares line over the points' x range, one rep highlighted. Hovering a point shows
// the rep's name and both values; clicking it emits repClicked. Saves itself as PNG from its
// context menu.
#include "targets/correlationview.h"

#include <QChartView>

class QScatterSeries;

namespace cockpit::ui {

class CorrelationChart : public QChartView
{
    Q_OBJECT
public:
    explicit CorrelationChart(QWidget *parent = nullptr);
    void setPoints(const targets::CorrelationPoints &points);
    // Marks one rep's point (none: an unknown id).
    void setHighlighted(const QString &repId);

    // For tests and the screenshot: the reps' points in the order drawn, where a rep's point
    // is in the view's coordinates (a null point when it is not drawn), the line's ends.
    QList<QPointF> drawnPoints() const;
    QPoint viewPosition(const QString &repId) const;
    QList<QPointF> lineEnds() const;
    // The tooltip a point shows (every rep at that spot).
    QString toolTipAt(const QPointF &value) const;

Q_SIGNALS:
    void repClicked(const QString &repId);

private:
    int indexAt(const QPointF &value) const;
    void exportPng();

    targets::CorrelationPoints m_points;
    QScatterSeries *m_scatter = nullptr, *m_highlight = nullptr;
};

} // namespace cockpit::ui
