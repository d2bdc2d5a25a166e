#pragma once
// The touchpoint heat map (DESIGN.md §5): three rows (sales action, customer response,
// cross-department) × the grid's time buckets, each cell coloured by its activity count on
// heatColor() scaled to the grid's maximum (the count printed in it when there is room).
// Cold zones (冷区) are hatched over the cells and labelled with their length in a band under
// the grid, so they never depend on colour alone; buckets in the future are "no data".
// Hover: a tooltip with the dates, direction and exact count. Click, Enter or Space on a
// cell: cellActivated(row, bucket) (the owner opens the drill-down). Arrows, Home/End move
// the current cell. Context menu (or the Menu key): export as PNG.
#include "analytics/touchpoints.h"

#include <QWidget>

#include <optional>

namespace cockpit::ui {

class TouchpointHeatMap : public QWidget
{
    Q_OBJECT
public:
    explicit TouchpointHeatMap(QWidget *parent = nullptr);

    void setGrid(analytics::TouchpointGrid grid);
    const analytics::TouchpointGrid &grid() const { return m_grid; }
    // Shown instead of the grid (e.g. "Computing…" or an error); empty = the grid.
    void setMessage(const QString &message);
    // The name suggested when exporting as PNG.
    void setExportName(const QString &name) { m_exportName = name; }

    // (row, bucket) under `pos`, nullopt outside the cells.
    std::optional<std::pair<int, int>> cellAt(const QPoint &pos) const;
    QRect cellRect(int row, int bucket) const;
    int currentRow() const { return m_row; }
    int currentBucket() const { return m_bucket; }
    void setCurrentCell(int row, int bucket);
    // The tooltip text of a cell (what hovering shows).
    QString cellToolTip(int row, int bucket) const;
    // The x-axis labels actually drawn (bucket index → text), after thinning.
    QList<std::pair<int, QString>> visibleAxisLabels() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void cellActivated(int row, int bucket);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Layout
    {
        QRectF cells;   // the 3 × n cell area
        QRectF band;    // cold-zone band under the cells
        QRectF axis;    // date labels
        QRectF legend;  // top strip
        qreal labelWidth = 0, colWidth = 0, rowHeight = 0;
        bool shortLabels = false; // "Sales" / "Customer" / "Cross-dept." on a narrow widget
    };
    Layout layout() const;
    QString axisLabel(int bucket) const;
    static QString rowLabel(int row, bool shortLabel);
    qreal dayX(const Layout &l, QDate day, bool endOfDay) const;
    void paintLegend(QPainter &p, const Layout &l) const;
    void paintColdZones(QPainter &p, const Layout &l) const;

    analytics::TouchpointGrid m_grid;
    QString m_message, m_exportName;
    int m_row = 0, m_bucket = 0;
};

} // namespace cockpit::ui
