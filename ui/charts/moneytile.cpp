#include "moneytile.h"

#include "chartstyle.h"
#include "domain/money.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

namespace cockpit::ui {

MoneyTileWidget::MoneyTileWidget(QWidget *parent) : ClickableTile(parent) {}

void MoneyTileWidget::setPending(const QString &label)
{
    m_pending = true;
    m_tile = {};
    m_tile.label = label;
    setToolTip(tr("Computing…"));
    update();
}

void MoneyTileWidget::setTile(const targets::MoneyTile &tile, const QString &currency)
{
    m_pending = false;
    m_tile = tile;
    m_currency = currency;
    const QLocale locale;
    QString tip = QStringLiteral("<b>%1</b><br>%2").arg(tile.label.toHtmlEscaped(), tile.definition.toHtmlEscaped());
    if (tile.key == QLatin1String("attainment") && tile.hasData)
        tip += QStringLiteral("<br><br>") + tr("%1 collected ÷ %2 target = %3 % (%4)")
                   .arg(formatMoney(tile.cents, currency, locale), formatMoney(tile.targetCents, currency, locale),
                        locale.toString(tile.pct.value_or(0), 'f', 1), analytics::ragLabel(tile.colour));
    else if (tile.hasData)
        tip += QStringLiteral("<br><br>") + tr("Exactly %1 over %2 %3").arg(formatMoney(tile.cents, currency, locale))
                   .arg(locale.toString(tile.count)).arg(tile.countLabel);
    if (!tile.note.isEmpty())
        tip += QStringLiteral("<br><i>%1</i>").arg(tile.note.toHtmlEscaped());
    tip += QStringLiteral("<br>") + tr("Click or press Enter for the rows behind it.");
    setToolTip(tip);
    setAccessibleName(tile.label + QStringLiteral(": ") + valueText());
    update();
}

QString MoneyTileWidget::valueText() const
{
    if (m_pending)
        return QStringLiteral("…");
    const QLocale locale;
    if (m_tile.key == QLatin1String("attainment"))
        return m_tile.hasData && m_tile.pct ? locale.toString(*m_tile.pct, 'f', 1) + QStringLiteral(" %") : QStringLiteral("—");
    return m_tile.hasData ? formatMoneyShort(m_tile.cents, m_currency, locale) : QStringLiteral("—");
}

QString MoneyTileWidget::detailText() const
{
    if (m_pending)
        return tr("computing…");
    const QLocale locale;
    if (m_tile.key == QLatin1String("attainment"))
        return m_tile.hasData ? tr("of %1 target · %2").arg(formatMoneyShort(m_tile.targetCents, m_currency, locale),
                                                         analytics::ragLabel(m_tile.colour))
                              : m_tile.note;
    if (m_tile.key == QLatin1String("forecast") && m_tile.pct)
        return tr("%1 % of the %2 target").arg(locale.toString(*m_tile.pct, 'f', 0),
                                               formatMoneyShort(m_tile.targetCents, m_currency, locale));
    if (m_tile.key == QLatin1String("weighted") && m_tile.pct)
        return tr("%1 % of the open amount").arg(locale.toString(*m_tile.pct, 'f', 0));
    return QStringLiteral("%1 %2").arg(locale.toString(m_tile.count), m_tile.countLabel);
}

QSize MoneyTileWidget::sizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.height() * 11, fm.height() * 3 + 10};
}

QSize MoneyTileWidget::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.height() * 7, fm.height() * 3 + 10};
}

void MoneyTileWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = QRectF(rect()).adjusted(1, 1, -1, -1);
    const QPalette pal = palette();
    p.setPen(QPen(hasFocus() ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), hasFocus() ? 2 : 1));
    p.setBrush(isHovered() ? pal.color(QPalette::AlternateBase) : pal.color(QPalette::Base));
    p.drawRoundedRect(r, 6, 6);
    const bool coloured = !m_pending && m_tile.hasData && m_tile.targetCents > 0
                          && (m_tile.key == QLatin1String("attainment") || m_tile.key == QLatin1String("forecast"));
    if (coloured) {
        p.setPen(Qt::NoPen);
        p.setBrush(ragColor(m_tile.colour));
        p.drawRoundedRect(QRectF(r.left(), r.top(), 7, r.height()), 3, 3);
    }
    const QFontMetrics base(font());
    const QRectF text = r.adjusted(coloured ? 14 : 10, 4, -8, -4);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    const QFontMetrics smallFm(small);
    // Label and value on one line; the detail below.
    QFont labelFont = small;
    labelFont.setWeight(QFont::DemiBold);
    p.setFont(labelFont);
    p.setPen(pal.color(QPalette::Text));
    const QFontMetrics labelFm(labelFont);
    p.drawText(QRectF(text.left(), text.top(), text.width(), labelFm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               labelFm.elidedText(m_tile.label, Qt::ElideRight, int(text.width())));
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.45);
    big.setWeight(QFont::Bold);
    const QFontMetrics bigFm(big);
    p.setFont(big);
    const qreal vy = text.top() + labelFm.height();
    p.drawText(QRectF(text.left(), vy, text.width(), bigFm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               bigFm.elidedText(valueText(), Qt::ElideRight, int(text.width())));
    p.setFont(small);
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRectF(text.left(), vy + bigFm.height(), text.width(), smallFm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               smallFm.elidedText(detailText(), Qt::ElideRight, int(text.width())));
    Q_UNUSED(base)
}

} // namespace cockpit::ui
