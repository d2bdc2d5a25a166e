#pragma once
// UTC instants and calendar days as the file keeps them, at the character level: one place
// for what was five private copies (the alert rules, the bulk loader, the cockpit facts, the
// demo generator). Instants are epoch seconds, days are day numbers since 1970-01-01
// (civildate.h); the text forms are ISO "YYYY-MM-DDTHH:MM:SSZ" and "YYYY-MM-DD", exactly as
// Qt::ISODate writes a UTC QDateTime and a QDate. Schema v6 (storage/TIMES_V6.md) will keep
// the numbers in the file; readers then take either form (timeFromColumn in storage).
#include <QDate>
#include <QString>
#include <QStringView>
#include <QVariant>

namespace cockpit::times {

inline constexpr qint64 kDay = 86400;

inline qint64 floorDiv(qint64 a, qint64 b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
// The UTC day of an instant.
inline qint64 dayOf(qint64 secs) { return floorDiv(secs, kDay); }

// "YYYY-MM-DDTHH:MM:SSZ" (20 chars) or a bare "YYYY-MM-DD" (10 chars, midnight UTC) to
// epoch seconds; false for anything else (no other ISO spelling is accepted here).
bool parseIso(const char *p, qsizetype n, qint64 *secs);
bool parseIso(QStringView s, qint64 *secs);
// As parseIso, then any other ISO form QDateTime reads (offsets, fractions); -1 when none.
qint64 secsFromIso(const QString &s);

// Writes the 20 (10) characters of an instant (a day) to `buf`; returns the count.
int formatIsoTime(qint64 secs, char *buf);
int formatIsoDate(qint64 day, char *buf);
QString isoFromSecs(qint64 secs);
QString isoFromDay(qint64 day);

// The Julian day of an instant exactly as SQLite's julianday() computes it (whole
// milliseconds since the Julian epoch, divided once), so differences of two match what the
// SQL of schema v5 returned to the last bit.
inline double julianDay(qint64 secs) { return double(secs * 1000 + 210866760000000LL) / 86400000.0; }

// How the file stores times: ISO text up to schema v5; epoch seconds and day numbers from
// schema v6 (storage/TIMES_V6.md). The one switch that step flips: every bind and the SQL
// functions cockpit_secs()/cockpit_day() follow it.
inline constexpr bool kIntegerTimes = true;

// A value to bind for a time column, in the file's form.
QVariant instantParam(qint64 secs);
QVariant dayParam(qint64 day);

// A time column as read (ISO text, or an integer from schema v6): epoch seconds / a day
// number, false for NULL, '' or text that is neither; and the ISO text callers show.
bool instantOf(const QVariant &v, qint64 *secs);
bool dayOf(const QVariant &v, qint64 *day);
QString instantIso(const QVariant &v); // null QString when there is no time
QDate dateOf(const QVariant &v);       // invalid when there is no date

} // namespace cockpit::times
