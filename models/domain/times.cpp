#include "domain/times.h"

#include "domain/civildate.h"

#include <QDateTime>

namespace cockpit::times {

namespace {
template <typename Ch>
int digits(const Ch *p, int n)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const auto c = p[i];
        if (c < Ch('0') || c > Ch('9'))
            return -1;
        v = v * 10 + int(c - Ch('0'));
    }
    return v;
}

template <typename Ch>
bool parse(const Ch *p, qsizetype n, qint64 *secs)
{
    if (!p || (n != 10 && n != 20) || p[4] != Ch('-') || p[7] != Ch('-'))
        return false;
    const int y = digits(p, 4), mo = digits(p + 5, 2), d = digits(p + 8, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31)
        return false;
    int h = 0, mi = 0, se = 0;
    if (n == 20) {
        if (p[10] != Ch('T') || p[13] != Ch(':') || p[16] != Ch(':') || p[19] != Ch('Z'))
            return false;
        h = digits(p + 11, 2);
        mi = digits(p + 14, 2);
        se = digits(p + 17, 2);
        if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60)
            return false;
    }
    *secs = daysFromCivil(y, unsigned(mo), unsigned(d)) * kDay + h * 3600 + mi * 60 + se;
    return true;
}
} // namespace

bool parseIso(const char *p, qsizetype n, qint64 *secs)
{
    return parse(p, n, secs);
}

bool parseIso(QStringView s, qint64 *secs)
{
    return parse(s.utf16(), s.size(), secs);
}

qint64 secsFromIso(const QString &s)
{
    qint64 secs = 0;
    if (parseIso(QStringView(s), &secs))
        return secs;
    if (s.isEmpty())
        return -1;
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid()) {
        const QDate date = QDate::fromString(s, Qt::ISODate);
        if (!date.isValid())
            return -1;
        t = QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    return t.toSecsSinceEpoch();
}

int formatIsoDate(qint64 day, char *buf)
{
    qint64 y;
    unsigned m, d;
    civilFromDays(day, y, m, d);
    const int yy = int(y);
    buf[0] = char('0' + yy / 1000 % 10);
    buf[1] = char('0' + yy / 100 % 10);
    buf[2] = char('0' + yy / 10 % 10);
    buf[3] = char('0' + yy % 10);
    buf[4] = '-';
    buf[5] = char('0' + m / 10);
    buf[6] = char('0' + m % 10);
    buf[7] = '-';
    buf[8] = char('0' + d / 10);
    buf[9] = char('0' + d % 10);
    return 10;
}

int formatIsoTime(qint64 secs, char *buf)
{
    const qint64 day = dayOf(secs);
    const qint64 s = secs - day * kDay;
    formatIsoDate(day, buf);
    const int h = int(s / 3600), mi = int(s / 60 % 60), se = int(s % 60);
    buf[10] = 'T';
    buf[11] = char('0' + h / 10);
    buf[12] = char('0' + h % 10);
    buf[13] = ':';
    buf[14] = char('0' + mi / 10);
    buf[15] = char('0' + mi % 10);
    buf[16] = ':';
    buf[17] = char('0' + se / 10);
    buf[18] = char('0' + se % 10);
    buf[19] = 'Z';
    return 20;
}

QString isoFromSecs(qint64 secs)
{
    const qint64 day = dayOf(secs);
    qint64 y;
    unsigned m, d;
    civilFromDays(day, y, m, d);
    if (y < 0 || y > 9999) // outside what four digits spell
        return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
    char buf[20];
    return QString::fromLatin1(buf, formatIsoTime(secs, buf));
}

QString isoFromDay(qint64 day)
{
    char buf[10];
    return QString::fromLatin1(buf, formatIsoDate(day, buf));
}

QVariant instantParam(qint64 secs)
{
    if constexpr (kIntegerTimes)
        return QVariant(secs);
    return QVariant(isoFromSecs(secs));
}

QVariant dayParam(qint64 day)
{
    if constexpr (kIntegerTimes)
        return QVariant(day);
    return QVariant(isoFromDay(day));
}

namespace {
// A time column read as an integer (schema v6): its value; false for anything else.
bool integerOf(const QVariant &v, qint64 *out)
{
    switch (v.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        *out = v.toLongLong();
        return true;
    default:
        return false;
    }
}
} // namespace

bool instantOf(const QVariant &v, qint64 *secs)
{
    if (v.isNull())
        return false;
    return integerOf(v, secs) || parseIso(QStringView(v.toString()), secs);
}

bool dayOf(const QVariant &v, qint64 *day)
{
    if (v.isNull())
        return false;
    if (integerOf(v, day))
        return true;
    qint64 secs = 0;
    const QString text = v.toString();
    if (text.size() < 10 || !parseIso(QStringView(text).left(10), &secs))
        return false;
    *day = dayOf(secs);
    return true;
}

QString instantIso(const QVariant &v)
{
    qint64 secs = 0;
    return instantOf(v, &secs) ? isoFromSecs(secs) : QString();
}

QDate dateOf(const QVariant &v)
{
    qint64 day = 0;
    return dayOf(v, &day) ? QDate(1970, 1, 1).addDays(day) : QDate();
}

} // namespace cockpit::times
