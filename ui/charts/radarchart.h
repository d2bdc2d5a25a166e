#pragma once
// The team health radar (DESIGN.md §5): one closed polygon per rep or team over the six
// dimensions, on a 0–100 polar chart. The legend's markers toggle a polygon; hovering a
// point shows the rep, the dimension and the raw value; clicking a point asks for the rows
// behind it. Values come from analytics::healthFigures (radar, raw values for tooltips).
#include <QChartView>
#include <QStringList>
#include <QVector>

#include <optional>

class QLineSeries;
class QPolarChart;
class QLegendMarker;

namespace cockpit::ui {

class RadarChart : public QChartView
{
    Q_OBJECT
public:
    struct Polygon
    {
        QString name;
        QVector<std::optional<double>> values; // 0–100 per axis, nullopt = no data (drawn at 0)
        QStringList rawText;                   // per axis, for the tooltip ("42 min", "78.5 %")
    };

    explicit RadarChart(QWidget *parent = nullptr);
    void setAxisLabels(const QStringList &labels);
    void setPolygons(const QVector<Polygon> &polygons);
    void setTitle(const QString &title);

    int polygonCount() const { return int(m_series.size()); }
    bool isPolygonVisible(int i) const;
    void setPolygonVisible(int i, bool visible);
    QLineSeries *series(int i) const { return m_series.value(i); }
    // The tooltip text of polygon i at axis a (what hovering shows).
    QString pointText(int polygon, int axis) const;

Q_SIGNALS:
    void pointClicked(int polygon, int axis);

private:
    void toggleFromMarker(QLegendMarker *marker);
    void styleMarker(QLegendMarker *marker, bool visible);
    int axisAt(const QPointF &point) const;

    QPolarChart *m_chart;
    QStringList m_labels;
    QVector<Polygon> m_polygons;
    QVector<QLineSeries *> m_series;
    QVector<bool> m_hidden;
};

} // namespace cockpit::ui
