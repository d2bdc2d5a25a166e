#include "io/values.h"

#include <QRegularExpression>

#include <cmath>

#include <limits>

namespace cockpit::io {

QString Values::halfWidth(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            out += QChar(char16_t(u - 0xFF01 + 0x21));
        else if (u == 0x3000)
            out += QLatin1Char(' ');
        else if (u == 0xFFE5)
            out += QChar(u'¥');
        else
            out += c;
    }
    return out;
}

namespace {
// The digits text[from, to) as a number, or -1 when any is not an ASCII digit.
int asciiNumber(QStringView text, qsizetype from, qsizetype to)
{
    int n = 0;
    for (qsizetype i = from; i < to; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        n = n * 10 + (c - u'0');
    }
    return n;
}

// The common spelling of a day, 2026-03-05 or 2026/3/5 (the same separator twice, nothing
// around it), read without the patterns below: a 100 000-row file has two dates a row.
// Whatever else (spaces, full-width digits, a time, another order) takes the patterns.
bool ymdFast(QStringView t, int *y, int *m, int *d)
{
    if (t.size() < 8 || t.size() > 10)
        return false;
    const char16_t sep = t[4].unicode();
    if (sep != u'-' && sep != u'/' && sep != u'.')
        return false;
    const qsizetype second = t.indexOf(QChar(sep), 5);
    if (second < 6 || second > 7 || t.size() - second - 1 < 1 || t.size() - second - 1 > 2)
        return false;
    *y = asciiNumber(t, 0, 4);
    *m = asciiNumber(t, 5, second);
    *d = asciiNumber(t, second + 1, t.size());
    return *y >= 0 && *m >= 0 && *d >= 0;
}

// The common spelling of an amount, "12000", "¥12,000" or "$1,234.50" (ASCII digits, commas
// every three, at most two decimals, an optional ¥ or $ before): the cents, or -1 when the
// text is spelt any other way (the general reading below then decides, with its reasons).
qint64 moneyFast(QStringView t)
{
    qsizetype i = 0;
    if (!t.isEmpty() && (t[0] == u'¥' || t[0] == u'$'))
        i = 1;
    const qsizetype start = i;
    qint64 v = 0;
    int digits = 0, sinceComma = -1;
    for (; i < t.size(); ++i) {
        const char16_t c = t[i].unicode();
        if (c >= u'0' && c <= u'9') {
            if (++digits > 15)
                return -1;
            v = v * 10 + (c - u'0');
            if (sinceComma >= 0)
                ++sinceComma;
        } else if (c == u',') {
            if (digits == 0 || (sinceComma < 0 ? digits > 3 : sinceComma != 3))
                return -1;
            sinceComma = 0;
        } else {
            break;
        }
    }
    if (i == start || digits == 0 || (sinceComma >= 0 && sinceComma != 3))
        return -1;
    v *= 100;
    if (i < t.size()) {
        if (t[i] != u'.' || t.size() - i - 1 < 1 || t.size() - i - 1 > 2)
            return -1;
        const int fraction = asciiNumber(t, i + 1, t.size());
        if (fraction < 0)
            return -1;
        v += t.size() - i - 1 == 1 ? fraction * 10 : fraction;
    }
    return v;
}
} // namespace

std::optional<QDate> Values::parseDate(QStringView text, DayOrder order, QString *why, bool date1904)
{
    if (int y, m, d; ymdFast(text, &y, &m, &d)) {
        const QDate date(y, m, d);
        if (date.isValid() && y >= 1900 && y <= 2100)
            return date; // anything wrong: the general reading below says what
    }
    QString t = halfWidth(text).trimmed();
    if (t.isEmpty()) {
        *why = tr("is empty");
        return std::nullopt;
    }
    // A time after the date is not the date's business.
    static const QRegularExpression time(QStringLiteral("(?:[T ]|\\s+)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?\\s*(?:Z|[+-]\\d{2}:?\\d{2})?$"));
    t.remove(time);
    t = t.trimmed();
    auto make = [why](int y, int m, int d) -> std::optional<QDate> {
        const QDate date(y, m, d);
        if (!date.isValid()) {
            *why = tr("is not a day of the calendar");
            return std::nullopt;
        }
        if (y < 1900 || y > 2100) {
            *why = tr("is not a plausible date (the year must be between 1900 and 2100)");
            return std::nullopt;
        }
        return date;
    };
    static const QRegularExpression chinese(QStringLiteral("^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?$"));
    static const QRegularExpression ymd(QStringLiteral("^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})$"));
    static const QRegularExpression compact(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})$"));
    static const QRegularExpression abY(QStringLiteral("^(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})$"));
    static const QRegularExpression serial(QStringLiteral("^(\\d{1,6})(?:\\.\\d+)?$"));
    QRegularExpressionMatch m;
    if ((m = chinese.match(t)).hasMatch())
        return make(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if ((m = ymd.match(t)).hasMatch())
        return make(m.captured(1).toInt(), m.captured(3).toInt(), m.captured(4).toInt());
    if ((m = compact.match(t)).hasMatch())
        return make(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if ((m = abY.match(t)).hasMatch()) {
        const int a = m.captured(1).toInt(), b = m.captured(3).toInt(), y = m.captured(4).toInt();
        return order == DayOrder::MonthFirst ? make(y, a, b) : make(y, b, a);
    }
    if ((m = serial.match(t)).hasMatch()) {
        const int n = m.captured(1).toInt();
        if (m.captured(1).size() == 4 && n >= 1900 && n <= 2100) {
            *why = tr("is a year, not a date");
            return std::nullopt;
        }
        if (n < 1) {
            *why = tr("is not a date (write it as 2026-03-05)");
            return std::nullopt;
        }
        QDate date;
        if (date1904) {
            date = QDate(1904, 1, 1).addDays(n);
        } else if (n == 60) {
            *why = tr("is Excel's day 60, 1900-02-29, a day that never was");
            return std::nullopt;
        } else {
            // Excel's 1900 system counts 1900-02-29 (Lotus 1-2-3's leap-year bug): day 1 is
            // 1900-01-01, day 61 is 1900-03-01.
            date = (n < 60 ? QDate(1899, 12, 31) : QDate(1899, 12, 30)).addDays(n);
        }
        return make(date.year(), date.month(), date.day());
    }
    *why = tr("is not a date (write it as 2026-03-05)");
    return std::nullopt;
}

std::optional<qint64> Values::parsePercentBp(QStringView text, QString *why)
{
    QString t = halfWidth(text).trimmed();
    bool percent = false;
    if (t.endsWith(u'%')) {
        percent = true;
        t.chop(1);
        t = t.trimmed();
    }
    if (t.isEmpty()) {
        *why = tr("is empty");
        return std::nullopt;
    }
    static const QRegularExpression number(QStringLiteral("^[-+]?(?:\\d{1,9}(?:\\.\\d{0,6})?|\\.\\d{1,6})$"));
    if (!number.match(t).hasMatch()) {
        *why = tr("is not a percentage (write 85, 85% or 0.85)");
        return std::nullopt;
    }
    double v = t.toDouble();
    if (!percent && t.contains(u'.') && std::fabs(v) <= 1.0)
        v *= 100; // "0.85" is a share
    return qint64(std::llround(v * 100));
}

std::optional<qint64> Values::parseMoneyCents(QStringView text, QString *why)
{
    if (const qint64 cents = moneyFast(text); cents >= 0)
        return cents;
    QString t = halfWidth(text).trimmed();
    if (t.isEmpty()) {
        *why = tr("is empty");
        return std::nullopt;
    }
    bool negative = false;
    if (t.startsWith(u'(') && t.endsWith(u')')) { // accountants' negative
        negative = true;
        t = t.mid(1, t.size() - 2).trimmed();
    }
    static const QRegularExpression currencyBefore(QStringLiteral("^(?:RMB|CNY|USD|EUR|HKD|人民币|[¥$€£])\\s*"),
                                                   QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression currencyAfter(QStringLiteral("\\s*(?:元|圆|块|RMB|CNY|USD|EUR|HKD|人民币)$"),
                                                  QRegularExpression::CaseInsensitiveOption);
    auto sign = [&] {
        if (t.startsWith(u'-') || t.startsWith(u'+')) {
            negative = negative != t.startsWith(u'-');
            t = t.mid(1).trimmed();
        }
    };
    sign();
    t.remove(currencyBefore);
    sign();
    t.remove(currencyAfter);
    // A unit: 万 (and its pinyin shorthand w), 亿, 千, 百万, k, M.
    int unit = 0;
    static const QRegularExpression units(QStringLiteral("\\s*(百万|万|亿|千|[wWkKmM])$"));
    if (const QRegularExpressionMatch u = units.match(t); u.hasMatch()) {
        const QString s = u.captured(1);
        unit = s == u"百万" || s.compare(u"m", Qt::CaseInsensitive) == 0 ? 6
               : s == u"万" || s.compare(u"w", Qt::CaseInsensitive) == 0 ? 4
               : s == u"亿"                                               ? 8
                                                                          : 3;
        t.chop(u.capturedLength(0));
    }
    static const QRegularExpression grouped(QStringLiteral("^\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?$"));
    static const QRegularExpression plain(QStringLiteral("^(?:\\d+(?:\\.\\d*)?|\\.\\d+)$"));
    if (t.contains(u',')) {
        if (!grouped.match(t).hasMatch()) {
            *why = tr("is unclear: a comma must separate thousands (1,500 or 1,500.25)");
            return std::nullopt;
        }
        t.remove(u',');
    } else if (!plain.match(t).hasMatch()) {
        *why = tr("is not an amount of money");
        return std::nullopt;
    }
    const qsizetype dot = t.indexOf(u'.');
    QString digits = dot < 0 ? t : t.left(dot) + t.mid(dot + 1);
    int exponent = unit + 2 - int(dot < 0 ? 0 : t.size() - dot - 1); // cents
    // A binary double written in full ("647.1799999999999", "98.79000000000001": how a
    // workbook written by a program stores 647.18, or a formula's result) is the amount it
    // shows: a double holds 15 significant digits, so the fraction digits past them are
    // rounded away before any fraction of a cent is refused ("5.255" still is).
    qsizetype first = 0;
    while (first < digits.size() && digits.at(first) == u'0')
        ++first;
    if (const qsizetype past = digits.size() - first - 15; exponent < 0 && past > 0) {
        const int drop = int(std::min<qsizetype>(past, -exponent));
        bool carry = digits.at(digits.size() - drop) >= u'5';
        digits.chop(drop);
        exponent += drop;
        for (qsizetype i = digits.size() - 1; carry && i >= 0; --i) {
            carry = digits.at(i) == u'9';
            digits[i] = carry ? QChar(u'0') : QChar(char16_t(digits.at(i).unicode() + 1));
        }
        if (carry)
            digits.prepend(u'1');
    }
    while (exponent < 0) { // more decimals than cents: only zeros may go
        if (!digits.endsWith(u'0')) {
            *why = tr("has a fraction of a cent");
            return std::nullopt;
        }
        digits.chop(1);
        ++exponent;
    }
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    qint64 v = 0;
    for (QChar c : std::as_const(digits)) {
        const int d = c.unicode() - u'0';
        if (v > (kMax - d) / 10) {
            *why = tr("is too large");
            return std::nullopt;
        }
        v = v * 10 + d;
    }
    for (int i = 0; i < exponent; ++i) {
        if (v > kMax / 10) {
            *why = tr("is too large");
            return std::nullopt;
        }
        v *= 10;
    }
    return negative ? -v : v;
}

} // namespace cockpit::io
