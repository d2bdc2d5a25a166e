#include "heatmapwidget.h"

#include "chartstyle.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTextOption>
#include <QToolTip>

#include <cmath>

namespace cockpit::ui {

HeatmapWidget::HeatmapWidget(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    m_empty = tr("No data for this period.");
}

void HeatmapWidget::setData(const QStringList &rows, const QStringList &columns, const QVector<Cell> &cells)
{
    m_rows = rows;
    m_columns = columns;
    m_cells = cells;
    m_cells.resize(m_rows.size() * m_columns.size());
    m_current = {std::clamp(m_current.x(), 0, std::max(0, int(m_columns.size()) - 1)),
                 std::clamp(m_current.y(), 0, std::max(0, int(m_rows.size()) - 1))};
    updateGeometry();
    update();
}

void HeatmapWidget::setLegend(const QString &low, const QString &high, const QString &grey, const QString &flag,
                              const QString &maturing)
{
    m_low = low;
    m_high = high;
    m_grey = grey;
    m_flag = flag;
    m_maturing = maturing;
    update();
}

void HeatmapWidget::setEmptyText(const QString &text)
{
    m_empty = text;
    update();
}

void HeatmapWidget::setCurrentCell(int row, int column)
{
    if (row >= 0 && row < m_rows.size() && column >= 0 && column < m_columns.size()) {
        m_current = {column, row};
        update();
    }
}

HeatmapWidget::Layout HeatmapWidget::layout() const
{
    const QFontMetrics fm(chartLabelFont());
    Layout l;
    int rw = 0;
    for (const QString &r : m_rows)
        rw = std::max(rw, fm.horizontalAdvance(r));
    l.rowHeader = std::min(rw + 14, std::max(90, width() / 4));
    l.colHeader = fm.height() * 2 + 10; // two lines of wrapped stage names
    l.legend = fm.height() + 12;
    const qreal gridW = width() - l.rowHeader - 4;
    const qreal gridH = height() - l.colHeader - l.legend - 4;
    l.cellW = m_columns.isEmpty() ? 0 : gridW / m_columns.size();
    l.cellH = m_rows.isEmpty() ? 0 : std::min<qreal>(gridH / m_rows.size(), fm.height() * 2.6);
    return l;
}

QRectF HeatmapWidget::cellRect(const Layout &l, int row, int column) const
{
    return {l.rowHeader + column * l.cellW, l.colHeader + row * l.cellH, l.cellW, l.cellH};
}

QPoint HeatmapWidget::cellAt(const QPointF &pos) const
{
    const Layout l = layout();
    if (l.cellW <= 0 || l.cellH <= 0 || pos.x() < l.rowHeader || pos.y() < l.colHeader)
        return {-1, -1};
    const int c = int((pos.x() - l.rowHeader) / l.cellW);
    const int r = int((pos.y() - l.colHeader) / l.cellH);
    if (r < 0 || r >= m_rows.size() || c < 0 || c >= m_columns.size())
        return {-1, -1};
    return {c, r};
}

QSize HeatmapWidget::sizeHint() const
{
    const int h = QFontMetrics(chartLabelFont()).height();
    return {600, int(h * 2 + 10 + m_rows.size() * h * 2.2 + h + 16)};
}

QSize HeatmapWidget::minimumSizeHint() const
{
    const int h = QFontMetrics(chartLabelFont()).height();
    return {360, h * 10};
}

void HeatmapWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QFont font = chartLabelFont();
    p.setFont(font);
    const QFontMetrics fm(font);
    if (m_rows.isEmpty() || m_columns.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_empty);
        return;
    }
    const Layout l = layout();
    // Column headers: wrapped over two lines, elided if still too long.
    QTextOption wrap(Qt::AlignHCenter | Qt::AlignBottom);
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    p.setPen(pal.color(QPalette::Text));
    for (int c = 0; c < m_columns.size(); ++c) {
        const QRectF hr(l.rowHeader + c * l.cellW + 2, 2, l.cellW - 4, l.colHeader - 6);
        QString text = m_columns[c];
        if (fm.horizontalAdvance(text) > hr.width() * 2 - fm.averageCharWidth() * 2)
            text = fm.elidedText(text, Qt::ElideMiddle, int(hr.width() * 2 - fm.averageCharWidth() * 2));
        p.drawText(hr, text, wrap);
    }
    for (int r = 0; r < m_rows.size(); ++r) {
        const QRectF hr(2, l.colHeader + r * l.cellH, l.rowHeader - 8, l.cellH);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(hr, Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(m_rows[r], Qt::ElideRight, int(hr.width())));
        for (int c = 0; c < m_columns.size(); ++c) {
            const Cell &cell = m_cells[r * m_columns.size() + c];
            const QRectF cr = cellRect(l, r, c).adjusted(1.5, 1.5, -1.5, -1.5);
            const QColor fill = heatColor(cell.value);
            p.setPen(Qt::NoPen);
            p.setBrush(fill);
            p.drawRect(cr);
            QString text = cell.text;
            if (cell.flagged) {
                p.setPen(QPen(pal.color(QPalette::Text), 3));
                p.setBrush(Qt::NoBrush);
                p.drawRect(cr.adjusted(1.5, 1.5, -1.5, -1.5));
                text = QStringLiteral("! ") + text;
            } else if (cell.maturing) {
                p.setPen(QPen(textOn(fill), 1.5, Qt::DashLine));
                p.setBrush(Qt::NoBrush);
                p.drawRect(cr.adjusted(2, 2, -2, -2));
            }
            QFont cf = font;
            cf.setWeight(cell.flagged ? QFont::Bold : QFont::Normal);
            cf.setItalic(cell.maturing && !cell.flagged);
            p.setFont(cf);
            p.setPen(textOn(fill));
            p.drawText(cr, Qt::AlignCenter, QFontMetrics(cf).elidedText(text, Qt::ElideRight, int(cr.width() - 4)));
            p.setFont(font);
            if (hasFocus() && m_current == QPoint(c, r)) {
                p.setPen(QPen(pal.color(QPalette::Highlight), 2, Qt::DashLine));
                p.setBrush(Qt::NoBrush);
                p.drawRect(cr.adjusted(3, 3, -3, -3));
            }
        }
    }
    // Legend: a small gradient low → high, the grey swatch and the flag.
    const qreal ly = l.colHeader + m_rows.size() * l.cellH + 8;
    qreal x = l.rowHeader;
    const qreal sw = fm.height();
    p.setPen(pal.color(QPalette::PlaceholderText));
    auto drawText = [&](const QString &t) {
        const qreal w = fm.horizontalAdvance(t);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(x, ly, w + 2, sw), Qt::AlignLeft | Qt::AlignVCenter, t);
        x += w + 10;
    };
    if (!m_low.isEmpty()) {
        drawText(m_low);
        for (int i = 0; i < 5; ++i) {
            p.setPen(Qt::NoPen);
            p.setBrush(heatColor(i / 4.0));
            p.drawRect(QRectF(x + i * sw, ly, sw, sw));
        }
        x += 5 * sw + 6;
        drawText(m_high);
    }
    if (!m_grey.isEmpty()) {
        p.setPen(Qt::NoPen);
        p.setBrush(heatColor(std::numeric_limits<double>::quiet_NaN()));
        p.drawRect(QRectF(x, ly, sw, sw));
        x += sw + 4;
        drawText(m_grey);
    }
    if (!m_flag.isEmpty()) {
        p.setPen(QPen(pal.color(QPalette::Text), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(x, ly, sw * 1.6, sw));
        p.drawText(QRectF(x, ly, sw * 1.6, sw), Qt::AlignCenter, QStringLiteral("!"));
        x += sw * 1.6 + 4;
        drawText(m_flag);
    }
    if (!m_maturing.isEmpty()) {
        p.setPen(QPen(pal.color(QPalette::Text), 1.5, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(x, ly, sw * 1.6, sw));
        x += sw * 1.6 + 4;
        drawText(m_maturing);
    }
}

void HeatmapWidget::mousePressEvent(QMouseEvent *event)
{
    const QPoint c = cellAt(event->position());
    if (c.x() >= 0 && event->button() == Qt::LeftButton) {
        m_current = c;
        update();
        Q_EMIT cellActivated(c.y(), c.x());
    }
    QWidget::mousePressEvent(event);
}

void HeatmapWidget::keyPressEvent(QKeyEvent *event)
{
    QPoint c = m_current;
    switch (event->key()) {
    case Qt::Key_Left: c.rx() -= 1; break;
    case Qt::Key_Right: c.rx() += 1; break;
    case Qt::Key_Up: c.ry() -= 1; break;
    case Qt::Key_Down: c.ry() += 1; break;
    case Qt::Key_Home: c.rx() = 0; break;
    case Qt::Key_End: c.rx() = int(m_columns.size()) - 1; break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (!m_rows.isEmpty() && !m_columns.isEmpty())
            Q_EMIT cellActivated(m_current.y(), m_current.x());
        return;
    default: QWidget::keyPressEvent(event); return;
    }
    setCurrentCell(c.y(), c.x());
    const QRectF r = cellRect(layout(), m_current.y(), m_current.x());
    const Cell *cell = m_rows.isEmpty() || m_columns.isEmpty() ? nullptr : &this->cell(m_current.y(), m_current.x());
    if (cell && !cell->toolTip.isEmpty())
        QToolTip::showText(mapToGlobal(r.center().toPoint()), cell->toolTip, this);
}

bool HeatmapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPoint c = cellAt(help->pos());
        if (c.x() >= 0 && !cell(c.y(), c.x()).toolTip.isEmpty())
            QToolTip::showText(help->globalPos(), cell(c.y(), c.x()).toolTip, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace cockpit::ui
