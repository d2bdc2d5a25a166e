#pragma once
// Time arithmetic of the demo generator on plain integers: epoch seconds (UTC) and day
// numbers (days since 1970-01-01). Formatting is done here because QDateTime::toString is
// far too slow for millions of rows; the output is the same text cockpit::toIsoUtc gives.
#include "domain/civildate.h"

#include <QByteArray>
#include <QtGlobal>

namespace cockpit::demo {

inline constexpr qint64 kMinute = 60;
inline constexpr qint64 kHour = 3600;
inline constexpr qint64 kDay = 86400;
// Beijing is UTC+8 all year.
inline constexpr qint64 kBeijingOffset = 8 * kHour;

inline qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

using cockpit::civilFromDays;
using cockpit::daysFromCivil;

inline qint64 dayOf(qint64 secs) { return floorDiv(secs, kDay); }
// 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday).
inline int weekdayOf(qint64 day) { return int(((day % 7) + 7 + 3) % 7); }
// Month number counted from year 0 (year * 12 + month - 1) and back.
inline int monthIndexOfDay(qint64 day)
{
    qint64 y;
    unsigned m, d;
    civilFromDays(day, y, m, d);
    return int(y * 12 + m - 1);
}
inline qint64 firstDayOfMonthIndex(int mi) { return daysFromCivil(mi / 12, unsigned(mi % 12 + 1), 1); }

inline int formatIsoDate(qint64 day, char *buf)
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

// "2026-11-22T05:34:36Z", exactly as Qt::ISODate writes a UTC QDateTime.
inline int formatIsoTime(qint64 secs, char *buf)
{
    const qint64 day = dayOf(secs);
    qint64 s = secs - day * kDay;
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

inline QByteArray isoDate(qint64 day)
{
    char b[16];
    return QByteArray(b, formatIsoDate(day, b));
}
inline QByteArray isoTime(qint64 secs)
{
    char b[24];
    return QByteArray(b, formatIsoTime(secs, b));
}

} // namespace cockpit::demo
