#pragma once
// A heat map: rows × columns of cells, each coloured by a value in 0..1 (NaN: grey, no data)
// with its text inside; a flagged cell gets a bold border and a "!" so the flag is not told
// by colour alone; a maturing cell (its figure not final yet) a dashed border and italics. Row and column headers wrap/elide to stay readable at 1366×768 with
// Chinese names; a legend under the grid explains the scale and the flag. Click, or Enter on
// the current cell (arrow keys move), → cellActivated(row, column).
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <limits>

namespace cockpit::ui {

class HeatmapWidget : public QWidget
{
    Q_OBJECT
public:
    struct Cell
    {
        double value = std::numeric_limits<double>::quiet_NaN(); // 0..1, NaN = grey
        QString text;
        QString toolTip;
        bool flagged = false;
        bool maturing = false; // not final yet (a cohort still open): dashed border, italics, never flagged
    };
    explicit HeatmapWidget(QWidget *parent = nullptr);
    // cells: rows.size() × columns.size(), row-major.
    void setData(const QStringList &rows, const QStringList &columns, const QVector<Cell> &cells);
    // Legend: the low and high end of the scale, what grey and the flag mean.
    // `maturing`: what the dashed border means (empty: not shown).
    void setLegend(const QString &low, const QString &high, const QString &grey, const QString &flag,
                   const QString &maturing = {});
    void setEmptyText(const QString &text);
    int rowCount() const { return int(m_rows.size()); }
    int columnCount() const { return int(m_columns.size()); }
    const Cell &cell(int row, int column) const { return m_cells[row * m_columns.size() + column]; }
    QPoint currentCell() const { return m_current; }
    void setCurrentCell(int row, int column);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void cellActivated(int row, int column);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Layout
    {
        qreal rowHeader = 0, colHeader = 0, cellW = 0, cellH = 0, legend = 0;
    };
    Layout layout() const;
    QRectF cellRect(const Layout &l, int row, int column) const;
    QPoint cellAt(const QPointF &pos) const;

    QStringList m_rows, m_columns;
    QVector<Cell> m_cells;
    QString m_low, m_high, m_grey, m_flag, m_maturing, m_empty;
    QPoint m_current{0, 0}; // x = column, y = row
};

} // namespace cockpit::ui
