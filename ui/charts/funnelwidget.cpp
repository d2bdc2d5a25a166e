#include "funnelwidget.h"

#include "chartstyle.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

namespace cockpit::ui {

FunnelWidget::FunnelWidget(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    m_empty = tr("No lead entered a stage in this period.");
}

void FunnelWidget::setStages(const QVector<Stage> &stages)
{
    m_stages = stages;
    m_current = std::clamp(m_current, 0, std::max(0, int(m_stages.size()) - 1));
    updateGeometry();
    update();
}

void FunnelWidget::setEmptyText(const QString &text)
{
    m_empty = text;
    update();
}

QSize FunnelWidget::sizeHint() const
{
    const int h = QFontMetrics(chartLabelFont()).height();
    return {labelWidth() + 260, int(m_stages.size()) * (h * 3) + h};
}

QSize FunnelWidget::minimumSizeHint() const
{
    const int h = QFontMetrics(chartLabelFont()).height();
    return {labelWidth() + 140, std::max(5, int(m_stages.size())) * (h * 2 + 6)};
}

int FunnelWidget::labelWidth() const
{
    const QFontMetrics fm(chartLabelFont());
    int w = 0;
    for (const Stage &s : m_stages)
        w = std::max(w, fm.horizontalAdvance(s.name));
    return std::min(w + 12, 180);
}

QRectF FunnelWidget::barRect(int i) const
{
    const int n = int(m_stages.size());
    const qreal slot = n ? qreal(height() - 4) / n : 0;
    const qreal barH = slot * 0.58;
    const qreal left = labelWidth();
    const qreal full = width() - left - 8;
    int top = 0;
    for (const Stage &s : m_stages)
        top = std::max(top, s.count);
    // Width by count, never thinner than a sliver so a zero still shows where it is.
    const qreal frac = top > 0 ? qreal(m_stages[i].count) / top : 0;
    const qreal w = std::max<qreal>(6, full * frac);
    return {left + (full - w) / 2, 2 + i * slot, w, barH};
}

int FunnelWidget::stageAt(const QPointF &pos) const
{
    const int n = int(m_stages.size());
    if (!n)
        return -1;
    const qreal slot = qreal(height() - 4) / n;
    const int i = int((pos.y() - 2) / slot);
    return i >= 0 && i < n ? i : -1;
}

void FunnelWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QFont label = chartLabelFont();
    p.setFont(label);
    const QFontMetrics fm(label);
    if (m_stages.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_empty);
        return;
    }
    const QLocale locale;
    int top = 0;
    for (const Stage &s : m_stages)
        top = std::max(top, s.count);
    const int n = int(m_stages.size());
    for (int i = 0; i < n; ++i) {
        const Stage &s = m_stages[i];
        const QRectF bar = barRect(i);
        // Darker = wider: the heat scale by share of the first stage.
        const QColor fill = heatColor(top > 0 ? 0.35 + 0.65 * qreal(s.count) / top : 0.35);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawRoundedRect(bar, 3, 3);
        if (hasFocus() && i == m_current) {
            p.setPen(QPen(pal.color(QPalette::Highlight), 2, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(bar.adjusted(-3, -3, 3, 3), 4, 4);
        }
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(0, bar.top(), labelWidth() - 8, bar.height()), Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(s.name, Qt::ElideRight, labelWidth() - 8));
        const QString count = locale.toString(s.count);
        const qreal cw = fm.horizontalAdvance(count) + 8;
        QFont bold = label;
        bold.setWeight(QFont::DemiBold);
        p.setFont(bold);
        if (bar.width() >= cw) {
            p.setPen(textOn(fill));
            p.drawText(bar, Qt::AlignCenter, count);
        } else {
            p.setPen(pal.color(QPalette::Text));
            p.drawText(QRectF(bar.right() + 4, bar.top(), cw + 20, bar.height()), Qt::AlignLeft | Qt::AlignVCenter, count);
        }
        p.setFont(label);
        if (!std::isnan(s.nextPct) && i + 1 < n) {
            const qreal gapTop = bar.bottom();
            const qreal gapBottom = barRect(i + 1).top();
            const QString pct = !s.nextText.isEmpty()
                                    ? s.nextText
                                    : QStringLiteral("↓ ") + locale.toString(s.nextPct, 'f', 1) + QStringLiteral(" %");
            QFont arrow = label;
            arrow.setItalic(s.maturing);
            p.setFont(arrow);
            p.setPen(pal.color(s.maturing ? QPalette::PlaceholderText : QPalette::Text));
            const QRectF gap(labelWidth(), gapTop, width() - labelWidth() - 8, gapBottom - gapTop);
            p.drawText(gap, Qt::AlignCenter, QFontMetrics(arrow).elidedText(pct, Qt::ElideRight, int(gap.width())));
            p.setFont(label);
        }
    }
}

void FunnelWidget::mousePressEvent(QMouseEvent *event)
{
    const int i = stageAt(event->position());
    if (i >= 0 && event->button() == Qt::LeftButton) {
        m_current = i;
        update();
        Q_EMIT stageActivated(i);
    }
    QWidget::mousePressEvent(event);
}

void FunnelWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    event->accept(); // the press already activated it
}

void FunnelWidget::keyPressEvent(QKeyEvent *event)
{
    const int n = int(m_stages.size());
    switch (event->key()) {
    case Qt::Key_Up: m_current = std::max(0, m_current - 1); update(); return;
    case Qt::Key_Down: m_current = std::min(n - 1, m_current + 1); update(); return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_current >= 0 && m_current < n)
            Q_EMIT stageActivated(m_current);
        return;
    default: QWidget::keyPressEvent(event);
    }
}

bool FunnelWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = stageAt(help->pos());
        if (i >= 0 && !m_stages[i].toolTip.isEmpty())
            QToolTip::showText(help->globalPos(), m_stages[i].toolTip, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace cockpit::ui
