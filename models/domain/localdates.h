#pragma once
// Dates and times as a person reads them, in the UI language's locale, never with a two-digit
// year: Qt's short format for en_US is "M/d/yy" (1/10/27 — which is the year?), so a locale
// whose short format abbreviates the year gets ISO order (2027-01-10) instead; zh_CN keeps
// its own "2027/1/10".
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>

namespace cockpit {

// The date format for `locale`: its short format when that spells the year in full, else
// "yyyy-MM-dd".
QString shortDateFormat(const QLocale &locale = QLocale());
QString shortDate(const QDate &date, const QLocale &locale = QLocale());
// The date as above, then the locale's short time ("2027-01-10 3:05 PM", "2027/1/10 15:05").
QString shortDateTime(const QDateTime &at, const QLocale &locale = QLocale());

} // namespace cockpit
