#include "kpitile.h"

#include "chartstyle.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

namespace cockpit::ui {

using analytics::Direction;

KpiTileWidget::KpiTileWidget(QWidget *parent) : ClickableTile(parent) {}

void KpiTileWidget::setTile(const analytics::KpiTile &tile)
{
    m_tile = tile;
    setToolTip(toolTipText());
    setAccessibleName(m_tile.label + QStringLiteral(": ") + valueText(m_tile));
    update();
}

QString KpiTileWidget::valueText(const analytics::KpiTile &t)
{
    if (!t.hasData)
        return QStringLiteral("—");
    const QLocale locale;
    const QString v = locale.toString(t.value, 'f', 1);
    return t.unit == QLatin1String("%") ? v + QStringLiteral(" %") : v;
}

QString KpiTileWidget::toolTipText() const
{
    const QLocale locale;
    const QString dir = m_tile.direction == Direction::LowerIsBetter ? QStringLiteral("≤") : QStringLiteral("≥");
    QString s = QStringLiteral("<b>%1</b><br>%2").arg(m_tile.label.toHtmlEscaped(), m_tile.definition.toHtmlEscaped());
    if (m_tile.hasData)
        s += QStringLiteral("<br><br>") + tr("Value: %1 = %2 %3 / %4 %5")
                 .arg(locale.toString(m_tile.value, 'f', 3), locale.toString(m_tile.numerator, 'f', m_tile.numerator == std::floor(m_tile.numerator) ? 0 : 2),
                      m_tile.numeratorLabel.toHtmlEscaped(), locale.toString(m_tile.denominator, 'f', 0),
                      m_tile.denominatorLabel.toHtmlEscaped());
    s += QStringLiteral("<br>") + tr("Sample: %1 %2").arg(m_tile.sample).arg(m_tile.sampleLabel.toHtmlEscaped());
    s += QStringLiteral("<br>") + tr("Healthy %1 %2 · industry mean %3 · status: %4")
             .arg(dir, locale.toString(m_tile.healthy, 'f', 1), locale.toString(m_tile.industry, 'f', 1),
                  analytics::ragLabel(m_tile.rag));
    if (!m_tile.note.isEmpty())
        s += QStringLiteral("<br><i>%1</i>").arg(m_tile.note.toHtmlEscaped());
    s += QStringLiteral("<br>") + tr("Click or press Enter for the rows behind it.");
    return s;
}

QSize KpiTileWidget::sizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.height() * 13, fm.height() * 6 + 8};
}

QSize KpiTileWidget::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.height() * 9, fm.height() * 6 + 8};
}

QString KpiTileWidget::referenceText() const
{
    const QLocale locale;
    const QString dir = m_tile.direction == Direction::LowerIsBetter ? QStringLiteral("≤") : QStringLiteral("≥");
    return tr("healthy %1 %2 · industry %3").arg(dir, locale.toString(m_tile.healthy, 'f', 1),
                                                 locale.toString(m_tile.industry, 'f', 1));
}

QString KpiTileWidget::sampleText() const
{
    return tr("n = %1 %2").arg(QLocale().toString(m_tile.sample), m_tile.sampleLabel);
}

int KpiTileWidget::naturalWidth() const
{
    // The fonts and paddings of paintEvent().
    QFont labelFont = font();
    labelFont.setWeight(QFont::DemiBold);
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 2.0);
    big.setWeight(QFont::Bold);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    QFont pill = small;
    pill.setWeight(QFont::DemiBold);
    const QFontMetrics labelFm(labelFont), bigFm(big), smallFm(small), pillFm(pill);
    int w = std::max(labelFm.horizontalAdvance(m_tile.label), smallFm.horizontalAdvance(referenceText()));
    if (m_tile.unit != QLatin1String("%") && m_tile.hasData)
        w = std::max(w, bigFm.horizontalAdvance(valueText(m_tile)) + 6 + smallFm.horizontalAdvance(m_tile.unit));
    w = std::max(w, pillFm.horizontalAdvance(analytics::ragLabel(m_tile.rag)) + 14
                        + (m_tile.hasData ? 8 + smallFm.horizontalAdvance(sampleText()) : 0));
    return w + 14 + 8 + 2 + 6; // left pad and strip, right pad, frame, air
}

void KpiTileWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(1, 1, -1, -1);
    const QColor status = ragColor(m_tile.rag);
    const QPalette pal = palette();
    p.setPen(QPen(hasFocus() ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), hasFocus() ? 2 : 1));
    p.setBrush(isHovered() ? pal.color(QPalette::AlternateBase) : pal.color(QPalette::Base));
    p.drawRoundedRect(r, 6, 6);
    // Status strip on the left, the status word at the bottom.
    p.setPen(Qt::NoPen);
    p.setBrush(status);
    p.drawRoundedRect(QRectF(r.left(), r.top(), 7, r.height()), 3, 3);

    const QFontMetrics base(font());
    const int pad = 14, line = base.height();
    QRectF text = r.adjusted(pad, 6, -8, -6);
    QFont labelFont = font();
    labelFont.setWeight(QFont::DemiBold);
    p.setFont(labelFont);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRectF(text.left(), text.top(), text.width(), line + 2), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetrics(labelFont).elidedText(m_tile.label, Qt::ElideRight, int(text.width())));

    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 2.0);
    big.setWeight(QFont::Bold);
    p.setFont(big);
    const QFontMetrics bigFm(big);
    const QString value = valueText(m_tile);
    const qreal vy = text.top() + line + 4;
    p.drawText(QRectF(text.left(), vy, text.width(), bigFm.height()), Qt::AlignLeft | Qt::AlignVCenter, value);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    p.setFont(small);
    const QFontMetrics smallFm(small);
    if (m_tile.unit != QLatin1String("%") && m_tile.hasData) {
        const qreal ux = text.left() + bigFm.horizontalAdvance(value) + 6;
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRectF(ux, vy, text.right() - ux, bigFm.height() - 4), Qt::AlignLeft | Qt::AlignBottom,
                   smallFm.elidedText(m_tile.unit, Qt::ElideRight, int(text.right() - ux)));
    }
    const QString ref = referenceText();
    p.setPen(pal.color(QPalette::PlaceholderText));
    const qreal ry = vy + bigFm.height() + 2;
    p.drawText(QRectF(text.left(), ry, text.width(), smallFm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               smallFm.elidedText(ref, Qt::ElideRight, int(text.width())));
    // Status word in a small pill.
    const QString word = analytics::ragLabel(m_tile.rag);
    QFont wf = small;
    wf.setWeight(QFont::DemiBold);
    p.setFont(wf);
    const QFontMetrics wfm(wf);
    const QRectF pill(text.left(), ry + smallFm.height() + 3, wfm.horizontalAdvance(word) + 14, wfm.height() + 2);
    p.setPen(Qt::NoPen);
    p.setBrush(status);
    p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    p.setPen(textOn(status));
    p.drawText(pill, Qt::AlignCenter, word);
    if (m_tile.hasData) {
        p.setFont(small);
        p.setPen(pal.color(QPalette::PlaceholderText));
        const QString n = sampleText();
        const QRectF nr(pill.right() + 8, pill.top(), text.right() - pill.right() - 8, pill.height());
        p.drawText(nr, Qt::AlignLeft | Qt::AlignVCenter, smallFm.elidedText(n, Qt::ElideRight, int(nr.width())));
    }
}

} // namespace cockpit::ui
