#include "domain/localdates.h"
#include "touchpointheatmap.h"

#include "chartstyle.h"
#include "exporting.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLinearGradient>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>

#include <cmath>

namespace cockpit::ui {

using analytics::kTouchRows;
using analytics::TouchBucket;

namespace {
constexpr int kMargin = 6;

QString dayText(QDate d)
{
    return shortDate(d); // never a two-digit year
}

QColor hatchColor()
{
    return QColor(0x37, 0x41, 0x51, 150);
}
} // namespace

TouchpointHeatMap::TouchpointHeatMap(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_Hover);
    setAccessibleName(tr("Touchpoint heat map"));
    setObjectName(QStringLiteral("touchpointHeatMap"));
    m_exportName = tr("Touchpoints");
}

void TouchpointHeatMap::setGrid(analytics::TouchpointGrid grid)
{
    m_grid = std::move(grid);
    m_message.clear();
    m_row = std::clamp(m_row, 0, kTouchRows - 1);
    // Start at the newest observed bucket: what a manager looks at first.
    m_bucket = 0;
    for (int b = int(m_grid.buckets.size()) - 1; b >= 0; --b)
        if (!m_grid.buckets.at(b).future) {
            m_bucket = b;
            break;
        }
    setAccessibleDescription(m_grid.isEmpty() ? QString() : cellToolTip(m_row, m_bucket));
    update();
}

void TouchpointHeatMap::setMessage(const QString &message)
{
    m_message = message;
    update();
}

QSize TouchpointHeatMap::sizeHint() const
{
    const QFontMetrics fm(chartLabelFont());
    return {640, fm.height() * 3 + 3 * std::max(28, fm.height() + 10) + 4 * kMargin};
}

QSize TouchpointHeatMap::minimumSizeHint() const
{
    const QFontMetrics fm(chartLabelFont());
    return {260, fm.height() * 3 + 3 * (fm.height() + 4) + 4 * kMargin};
}

TouchpointHeatMap::Layout TouchpointHeatMap::layout() const
{
    Layout l;
    const QFontMetrics fm(chartLabelFont());
    const QRectF r = QRectF(rect()).adjusted(kMargin, kMargin / 2.0, -kMargin, -kMargin / 2.0);
    // Full row labels when they take at most a third of the width, else the short ones.
    for (bool shortLabels : {false, true}) {
        l.shortLabels = shortLabels;
        l.labelWidth = 0;
        for (int row = 0; row < kTouchRows; ++row)
            l.labelWidth = std::max(l.labelWidth, qreal(fm.horizontalAdvance(rowLabel(row, shortLabels))));
        if (l.labelWidth + 8 <= r.width() / 3)
            break;
    }
    l.labelWidth = std::min(l.labelWidth + 8, r.width() * 0.35);
    const qreal line = fm.height() + 4;
    l.legend = QRectF(r.left(), r.top(), r.width(), line);
    l.axis = QRectF(r.left() + l.labelWidth, r.bottom() - line, r.width() - l.labelWidth, line);
    l.band = QRectF(l.axis.left(), l.axis.top() - line, l.axis.width(), line);
    l.cells = QRectF(l.axis.left(), l.legend.bottom() + 2, l.axis.width(), l.band.top() - l.legend.bottom() - 2);
    l.rowHeight = l.cells.height() / kTouchRows;
    l.colWidth = m_grid.buckets.isEmpty() ? 0 : l.cells.width() / qreal(m_grid.buckets.size());
    return l;
}

QRect TouchpointHeatMap::cellRect(int row, int bucket) const
{
    if (row < 0 || row >= kTouchRows || bucket < 0 || bucket >= m_grid.buckets.size())
        return {};
    const Layout l = layout();
    const QRectF c(l.cells.left() + bucket * l.colWidth, l.cells.top() + row * l.rowHeight, l.colWidth, l.rowHeight);
    return c.toAlignedRect();
}

std::optional<std::pair<int, int>> TouchpointHeatMap::cellAt(const QPoint &pos) const
{
    if (m_grid.buckets.isEmpty() || !m_message.isEmpty())
        return std::nullopt;
    const Layout l = layout();
    if (!l.cells.contains(pos) || l.colWidth <= 0 || l.rowHeight <= 0)
        return std::nullopt;
    const int bucket = std::min(int((pos.x() - l.cells.left()) / l.colWidth), int(m_grid.buckets.size()) - 1);
    const int row = std::min(int((pos.y() - l.cells.top()) / l.rowHeight), kTouchRows - 1);
    return std::make_pair(row, bucket);
}

void TouchpointHeatMap::setCurrentCell(int row, int bucket)
{
    if (m_grid.buckets.isEmpty())
        return;
    m_row = std::clamp(row, 0, kTouchRows - 1);
    m_bucket = std::clamp(bucket, 0, int(m_grid.buckets.size()) - 1);
    setAccessibleDescription(cellToolTip(m_row, m_bucket));
    update();
}

QString TouchpointHeatMap::cellToolTip(int row, int bucket) const
{
    if (row < 0 || row >= kTouchRows || bucket < 0 || bucket >= m_grid.buckets.size())
        return {};
    const TouchBucket &b = m_grid.buckets.at(bucket);
    const QString when = b.first == b.last ? dayText(b.first) : tr("%1 – %2").arg(dayText(b.first), dayText(b.last));
    QString text = QStringLiteral("<b>%1</b><br>%2").arg(analytics::touchRowLabel(row).toHtmlEscaped(), when.toHtmlEscaped());
    if (b.future) {
        text += QStringLiteral("<br>") + tr("No data yet: after %1").arg(dayText(m_grid.lastObserved));
        return text;
    }
    text += QStringLiteral("<br>") + tr("%n activities", nullptr, b.counts[size_t(row)]);
    const int cold = m_grid.coldDaysIn(bucket);
    if (cold > 0)
        text += QStringLiteral("<br>") + tr("冷区 cold zone: %n day(s) here without a sales action or customer response", nullptr, cold);
    if (b.counts[size_t(row)] > 0)
        text += QStringLiteral("<br><i>") + tr("Click or press Enter for the activities") + QStringLiteral("</i>");
    return text;
}

QString TouchpointHeatMap::rowLabel(int row, bool shortLabel)
{
    if (!shortLabel)
        return analytics::touchRowLabel(row);
    switch (row) {
    case 0: return tr("Sales");
    case 1: return tr("Customer");
    default: return tr("Cross-dept.");
    }
}

QString TouchpointHeatMap::axisLabel(int bucket) const
{
    const QDate d = m_grid.buckets.at(bucket).first;
    return QStringLiteral("%1/%2").arg(d.month()).arg(d.day());
}

QList<std::pair<int, QString>> TouchpointHeatMap::visibleAxisLabels() const
{
    QList<std::pair<int, QString>> out;
    if (m_grid.buckets.isEmpty())
        return out;
    const Layout l = layout();
    const QFontMetrics fm(chartLabelFont());
    // Labels start at their bucket's left edge; spacing them at least their widest width
    // apart means they can never overlap, and one that would run past the right is dropped.
    qreal widest = 0;
    for (int b = 0; b < m_grid.buckets.size(); ++b)
        widest = std::max(widest, qreal(fm.horizontalAdvance(axisLabel(b))));
    const int step = std::max(1, int(std::ceil((widest + 8) / std::max(1.0, l.colWidth))));
    for (int b = 0; b < m_grid.buckets.size(); b += step) {
        const qreal x = l.cells.left() + b * l.colWidth;
        if (x + fm.horizontalAdvance(axisLabel(b)) > l.axis.right() + 1)
            break;
        out << std::make_pair(b, axisLabel(b));
    }
    return out;
}

qreal TouchpointHeatMap::dayX(const Layout &l, QDate day, bool endOfDay) const
{
    const int b = m_grid.bucketOf(day);
    if (b < 0)
        return day < m_grid.first ? l.cells.left() : l.cells.right();
    const TouchBucket &bucket = m_grid.buckets.at(b);
    const qreal days = qreal(bucket.first.daysTo(bucket.last) + 1);
    const qreal offset = qreal(bucket.first.daysTo(day)) + (endOfDay ? 1 : 0);
    return l.cells.left() + (b + offset / days) * l.colWidth;
}

void TouchpointHeatMap::paintLegend(QPainter &p, const Layout &l) const
{
    const QFontMetrics fm(p.font());
    const int max = std::max(1, m_grid.maxCount());
    const QString cold = tr("冷区 cold ≥ %n d", nullptr, m_grid.coldDays);
    const QString lo = QStringLiteral("0"), hi = QLocale().toString(max);
    const qreal ramp = 60, swatch = 18, gap = 6;
    const qreal width = fm.horizontalAdvance(lo) + gap + ramp + gap + fm.horizontalAdvance(hi) + 3 * gap + swatch + gap
        + fm.horizontalAdvance(cold);
    qreal x = std::max(l.legend.left(), l.legend.right() - width);
    const qreal y = l.legend.center().y();
    const QRectF textBox(0, l.legend.top(), 0, l.legend.height());
    auto text = [&](const QString &s) {
        const qreal w = fm.horizontalAdvance(s);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRectF(x, textBox.top(), w + 1, textBox.height()), Qt::AlignVCenter | Qt::AlignLeft, s);
        x += w + gap;
    };
    text(lo);
    QLinearGradient g(x, 0, x + ramp, 0);
    for (int i = 0; i <= 10; ++i)
        g.setColorAt(i / 10.0, heatColor(i / 10.0));
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(g);
    p.drawRect(QRectF(x, y - 5, ramp, 10));
    x += ramp + gap;
    text(hi);
    x += 2 * gap;
    const QRectF sample(x, y - 6, swatch, 12);
    p.fillRect(sample, palette().color(QPalette::Base));
    p.fillRect(sample, QBrush(hatchColor(), Qt::BDiagPattern));
    p.setPen(QPen(hatchColor(), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(sample);
    x += swatch + gap;
    text(cold);
}

void TouchpointHeatMap::paintColdZones(QPainter &p, const Layout &l) const
{
    const QFontMetrics fm(p.font());
    for (const analytics::ColdZone &z : m_grid.coldZones) {
        const qreal x1 = dayX(l, z.first, false), x2 = dayX(l, z.last, true);
        // Hatched over the cells (all three rows: the lead was silent there) …
        const QRectF over(x1, l.cells.top(), x2 - x1, l.cells.height());
        p.fillRect(over, QBrush(hatchColor(), Qt::BDiagPattern));
        p.setPen(QPen(hatchColor(), 1.5, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(over.adjusted(0.75, 0.75, -0.75, -0.75));
        // … and a labelled bar in the band under them.
        const QRectF bar(x1, l.band.top() + 2, x2 - x1, l.band.height() - 4);
        p.fillRect(bar, palette().color(QPalette::Base));
        p.fillRect(bar, QBrush(hatchColor(), Qt::BDiagPattern));
        p.setPen(QPen(hatchColor(), 1));
        p.drawRect(bar);
        const QStringList texts = {tr("冷区 cold · %n day(s)", nullptr, z.days()), tr("冷区 %nd", nullptr, z.days()),
                                   QStringLiteral("%1d").arg(z.days())};
        for (const QString &t : texts) {
            const qreal w = fm.horizontalAdvance(t) + 8;
            if (w <= bar.width()) {
                const QRectF label(bar.center().x() - w / 2, bar.top(), w, bar.height());
                p.fillRect(label, palette().color(QPalette::Base));
                p.setPen(palette().color(QPalette::WindowText));
                p.drawText(label, Qt::AlignCenter, t);
                break;
            }
        }
    }
}

void TouchpointHeatMap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setFont(chartLabelFont());
    const QFontMetrics fm(p.font());
    if (!m_message.isEmpty() || m_grid.buckets.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(kMargin, kMargin, -kMargin, -kMargin), Qt::AlignCenter | Qt::TextWordWrap,
                   m_message.isEmpty() ? tr("No days to show") : m_message);
        return;
    }
    const Layout l = layout();
    paintLegend(p, l);
    // Row labels.
    p.setPen(palette().color(QPalette::WindowText));
    for (int row = 0; row < kTouchRows; ++row) {
        const QRectF r(l.cells.left() - l.labelWidth, l.cells.top() + row * l.rowHeight, l.labelWidth - 6, l.rowHeight);
        p.drawText(r, Qt::AlignVCenter | Qt::AlignRight,
                   fm.elidedText(rowLabel(row, l.shortLabels), Qt::ElideRight, int(r.width())));
    }
    // Cells.
    const int max = std::max(1, m_grid.maxCount());
    const bool numbers = l.colWidth >= fm.horizontalAdvance(QLocale().toString(max)) + 4 && l.rowHeight >= fm.height();
    for (int b = 0; b < m_grid.buckets.size(); ++b) {
        const TouchBucket &bucket = m_grid.buckets.at(b);
        for (int row = 0; row < kTouchRows; ++row) {
            const QRectF c(l.cells.left() + b * l.colWidth, l.cells.top() + row * l.rowHeight, l.colWidth, l.rowHeight);
            const int n = bucket.counts[size_t(row)];
            const QColor bg = bucket.future ? heatColor(std::nan("")) : heatColor(double(n) / max);
            p.fillRect(c, bg);
            if (numbers && n > 0 && !bucket.future) {
                p.setPen(textOn(bg));
                p.drawText(c, Qt::AlignCenter, QLocale().toString(n));
            }
        }
    }
    // Thin grid lines (only when columns are wide enough to be told apart).
    p.setPen(QPen(palette().color(QPalette::Base), 1));
    if (l.colWidth >= 4)
        for (int b = 1; b < m_grid.buckets.size(); ++b) {
            const qreal x = l.cells.left() + b * l.colWidth;
            p.drawLine(QPointF(x, l.cells.top()), QPointF(x, l.cells.bottom()));
        }
    for (int row = 1; row < kTouchRows; ++row) {
        const qreal y = l.cells.top() + row * l.rowHeight;
        p.drawLine(QPointF(l.cells.left(), y), QPointF(l.cells.right(), y));
    }
    paintColdZones(p, l);
    // X axis: ticks and thinned date labels.
    p.setPen(palette().color(QPalette::WindowText));
    for (const auto &[b, text] : visibleAxisLabels()) {
        const qreal x = l.cells.left() + b * l.colWidth;
        p.drawLine(QPointF(x, l.axis.top()), QPointF(x, l.axis.top() + 3));
        p.drawText(QRectF(x + 1, l.axis.top(), fm.horizontalAdvance(text) + 2, l.axis.height()),
                   Qt::AlignLeft | Qt::AlignBottom, text);
    }
    // The current cell (keyboard focus).
    if (hasFocus()) {
        const QRectF c(l.cells.left() + m_bucket * l.colWidth, l.cells.top() + m_row * l.rowHeight, l.colWidth, l.rowHeight);
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(c.adjusted(1, 1, -1, -1));
    }
}

bool TouchpointHeatMap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const auto cell = cellAt(help->pos())) {
            QToolTip::showText(help->globalPos(), cellToolTip(cell->first, cell->second), this,
                               cellRect(cell->first, cell->second));
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void TouchpointHeatMap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    if (const auto cell = cellAt(event->position().toPoint())) {
        setCurrentCell(cell->first, cell->second);
        Q_EMIT cellActivated(cell->first, cell->second);
    }
}

void TouchpointHeatMap::keyPressEvent(QKeyEvent *event)
{
    if (m_grid.buckets.isEmpty() || !m_message.isEmpty()) {
        QWidget::keyPressEvent(event);
        return;
    }
    const int last = int(m_grid.buckets.size()) - 1;
    switch (event->key()) {
    case Qt::Key_Left: setCurrentCell(m_row, m_bucket - 1); break;
    case Qt::Key_Right: setCurrentCell(m_row, m_bucket + 1); break;
    case Qt::Key_Up: setCurrentCell(m_row - 1, m_bucket); break;
    case Qt::Key_Down: setCurrentCell(m_row + 1, m_bucket); break;
    case Qt::Key_Home: setCurrentCell(m_row, 0); break;
    case Qt::Key_End: setCurrentCell(m_row, last); break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space: Q_EMIT cellActivated(m_row, m_bucket); break;
    case Qt::Key_F10:
        if (event->modifiers() & Qt::ShiftModifier) {
            QContextMenuEvent menu(QContextMenuEvent::Keyboard, cellRect(m_row, m_bucket).center(),
                                   mapToGlobal(cellRect(m_row, m_bucket).center()));
            contextMenuEvent(&menu);
            break;
        }
        [[fallthrough]];
    default: QWidget::keyPressEvent(event); return;
    }
    if (event->key() != Qt::Key_Return && event->key() != Qt::Key_Enter && event->key() != Qt::Key_Space)
        QToolTip::showText(mapToGlobal(cellRect(m_row, m_bucket).bottomLeft()), cellToolTip(m_row, m_bucket), this);
}

void TouchpointHeatMap::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *open = nullptr;
    const auto cell = event->reason() == QContextMenuEvent::Keyboard ? std::make_optional(std::make_pair(m_row, m_bucket))
                                                                     : cellAt(event->pos());
    if (cell && !m_grid.buckets.isEmpty())
        open = menu.addAction(tr("Show the activities"));
    QAction *png = menu.addAction(tr("Export as PNG…"));
    QAction *chosen = menu.exec(event->globalPos());
    if (chosen && chosen == open)
        Q_EMIT cellActivated(cell->first, cell->second);
    else if (chosen == png)
        exportWidgetPng(this, window(), m_exportName);
}

} // namespace cockpit::ui
