#include "domain/money.h"

#include <QRegularExpression>

namespace cockpit {

QString currencySymbol(const QString &currency)
{
    if (currency.isEmpty() || currency == QLatin1String("CNY") || currency == QLatin1String("JPY"))
        return QStringLiteral("¥");
    if (currency == QLatin1String("USD"))
        return QStringLiteral("$");
    if (currency == QLatin1String("EUR"))
        return QStringLiteral("€");
    if (currency == QLatin1String("GBP"))
        return QStringLiteral("£");
    if (currency == QLatin1String("HKD"))
        return QStringLiteral("HK$");
    if (currency == QLatin1String("TWD"))
        return QStringLiteral("NT$");
    return currency + QLatin1Char(' ');
}

QString formatMoney(qint64 cents, const QString &currency, const QLocale &locale, bool whole)
{
    const QString cny = formatCny(cents, locale, whole);
    const QString symbol = currencySymbol(currency);
    if (symbol == QLatin1String("¥"))
        return cny;
    if (cny.startsWith(u'-'))
        return QString(QStringLiteral("-") + symbol + cny.mid(2));
    return QString(symbol + cny.mid(1));
}

QString formatCny(qint64 cents, const QLocale &locale, bool wholeYuan)
{
    const bool negative = cents < 0;
    const quint64 abs = negative ? quint64(-(cents + 1)) + 1 : quint64(cents);
    const quint64 yuan = abs / 100;
    const int fen = int(abs % 100);
    QString text = locale.toString(yuan);
    if (!wholeYuan || fen != 0)
        text += locale.decimalPoint() + QStringLiteral("%1").arg(fen, 2, 10, QLatin1Char('0'));
    return (negative ? QStringLiteral("-¥") : QStringLiteral("¥")) + text;
}

QString formatCnyWan(qint64 cents, const QLocale &locale)
{
    const bool negative = cents < 0;
    const quint64 abs = negative ? quint64(-(cents + 1)) + 1 : quint64(cents);
    const QString sign = negative ? QStringLiteral("-") : QString();
    const bool chinese = locale.language() == QLocale::Chinese;
    if (!chinese || abs < 1000000) {
        const quint64 yuan = (abs + 50) / 100;
        return sign + QStringLiteral("¥") + locale.toString(yuan);
    }
    const quint64 hundreds = (abs + 5000) / 10000; // ¥100 steps: 0.01万
    QString text = locale.toString(hundreds / 100);
    const int frac = int(hundreds % 100);
    if (frac != 0) {
        QString digits = QStringLiteral("%1").arg(frac, 2, 10, QLatin1Char('0'));
        if (digits.endsWith(QLatin1Char('0')))
            digits.chop(1);
        text += locale.decimalPoint() + digits;
    }
    return sign + QStringLiteral("¥") + text + QString::fromUtf8("万");
}

std::optional<qint64> parseCny(const QString &text)
{
    QString s = text.trimmed();
    // The symbol or code formatMoney() wrote ("$1,054", "HK$3", "CHF 7"): the amount is in the
    // company's currency whatever it says.
    static const QRegularExpression code(QStringLiteral("^(?:[A-Z]{2,3}\\s*\\$?|[A-Z]{3}\\s+)"));
    s.remove(code);
    s.remove(QLatin1Char('$'));
    s.remove(QChar(0x20AC)); // €
    s.remove(QChar(0x00A3)); // £
    s.remove(QChar(0x00A5)); // ¥
    s.remove(QChar(0xFFE5)); // full-width ￥
    s.remove(QLatin1Char(','));
    s.remove(QLatin1Char(' '));
    s.remove(QChar(0x00A0));
    s.remove(QChar(0x5143)); // 元
    qint64 multiplier = 100;
    if (s.endsWith(QChar(0x4E07))) { // 万
        multiplier = 1000000;
        s.chop(1);
    }
    if (s.isEmpty())
        return std::nullopt;
    qint64 whole = 0;
    qint64 frac = 0;
    qint64 fracScale = 1;
    bool seenPoint = false;
    bool seenDigit = false;
    for (const QChar c : s) {
        if (c == QLatin1Char('.')) {
            if (seenPoint)
                return std::nullopt;
            seenPoint = true;
            continue;
        }
        if (!c.isDigit() || c.unicode() > 127)
            return std::nullopt;
        seenDigit = true;
        const int d = c.unicode() - '0';
        if (!seenPoint) {
            if (whole > (qint64(1) << 50))
                return std::nullopt;
            whole = whole * 10 + d;
        } else if (fracScale < multiplier) { // digits finer than one fen are cut off
            frac = frac * 10 + d;
            fracScale *= 10;
        }
    }
    if (!seenDigit)
        return std::nullopt;
    return whole * multiplier + frac * (multiplier / fracScale);
}

} // namespace cockpit
