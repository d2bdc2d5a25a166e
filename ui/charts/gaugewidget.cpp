#include "gaugewidget.h"

#include "chartstyle.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace cockpit::ui {

GaugeWidget::GaugeWidget(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setCursor(Qt::PointingHandCursor);
}

void GaugeWidget::setValue(const QString &caption, std::optional<double> pct, analytics::Rag colour)
{
    m_caption = caption;
    m_pct = pct;
    m_colour = colour;
    setToolTip(pct ? tr("%1: %2 % of the target collected").arg(caption, QLocale().toString(*pct, 'f', 1))
                   : tr("%1: no target").arg(caption));
    setAccessibleName(toolTip());
    update();
}

QSize GaugeWidget::sizeHint() const { return {150, 110}; }
QSize GaugeWidget::minimumSizeHint() const { return {96, 80}; }

void GaugeWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT clicked();
    QWidget::mouseReleaseEvent(event);
}

void GaugeWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFont label = chartLabelFont();
    const QFontMetrics lm(label);
    const int captionH = lm.height() + 4;
    const QRectF area = QRectF(rect()).adjusted(6, 6, -6, -captionH);
    // The half-ring: as wide as fits, twice as wide as high.
    const qreal d = std::min(area.width(), area.height() * 2);
    const qreal thickness = std::max<qreal>(8, d / 9);
    const QRectF ring(area.center().x() - d / 2 + thickness / 2, area.top() + thickness / 2, d - thickness, d - thickness);
    QPen track(palette().color(QPalette::Midlight), thickness, Qt::SolidLine, Qt::FlatCap);
    p.setPen(track);
    p.drawArc(ring, 180 * 16, -180 * 16);
    const QColor fill = ragColor(m_colour);
    if (m_pct && *m_pct > 0) {
        const double shown = std::min(*m_pct, 100.0);
        p.setPen(QPen(fill, thickness, Qt::SolidLine, Qt::FlatCap));
        p.drawArc(ring, 180 * 16, -int(180 * 16 * shown / 100.0));
        if (*m_pct > 100.0) { // the overshoot: a thin outer mark
            const double over = std::min(*m_pct - 100.0, 100.0);
            const QRectF outer = ring.adjusted(-thickness * 0.8, -thickness * 0.8, thickness * 0.8, thickness * 0.8);
            p.setPen(QPen(fill.darker(130), thickness / 4, Qt::SolidLine, Qt::FlatCap));
            p.drawArc(outer, 180 * 16, -int(180 * 16 * over / 100.0));
        }
    }
    QFont big = chartTitleFont();
    big.setPointSizeF(std::max<qreal>(big.pointSizeF(), d / 11));
    big.setBold(true);
    p.setFont(big);
    p.setPen(palette().color(QPalette::WindowText));
    const QString value = m_pct ? QLocale().toString(*m_pct, 'f', 0) + QStringLiteral(" %") : QStringLiteral("—");
    const QRectF valueRect(ring.left(), ring.center().y() - QFontMetrics(big).height(), ring.width(),
                           QFontMetrics(big).height());
    p.drawText(valueRect, Qt::AlignHCenter | Qt::AlignBottom, value);
    p.setFont(label);
    const QRectF captionRect(0, height() - captionH, width(), captionH);
    p.drawText(captionRect, Qt::AlignCenter, lm.elidedText(m_caption, Qt::ElideRight, width() - 4));
}

} // namespace cockpit::ui
