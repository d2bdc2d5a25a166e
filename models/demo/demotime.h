#pragma once
// Time arithmetic of the demo generator on plain integers: epoch seconds (UTC) and day
// numbers (days since 1970-01-01). Formatting is done here because QDateTime::toString is
// far too slow for millions of rows; the output is the same text cockpit::toIsoUtc gives.
#include "domain/civildate.h"
#include "domain/times.h"

#include <QByteArray>
#include <QtGlobal>

namespace cockpit::demo {

inline constexpr qint64 kMinute = 60;
inline constexpr qint64 kHour = 3600;
using times::kDay;
// Beijing is UTC+8 all year.
inline constexpr qint64 kBeijingOffset = 8 * kHour;

using times::floorDiv;

using cockpit::civilFromDays;
using cockpit::daysFromCivil;

using times::dayOf;
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

// The ISO text the file keeps (domain/times.h).
inline int formatIsoDate(qint64 day, char *buf) { return times::formatIsoDate(day, buf); }
inline int formatIsoTime(qint64 secs, char *buf) { return times::formatIsoTime(secs, buf); }

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
