#pragma once
// Cell values of imported files (issue 11): dates and money as people and Excel write them in
// China and elsewhere. Pure functions; a refusal says why, in a translated phrase that fits
// after "line 3, column 金额, value "…": ".
#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringView>

#include <optional>

namespace cockpit::io {

// Which of the two numbers before the year comes first in "3/5/2026": the file's choice,
// shown and asked in the import's preview (US Excel writes month first, most others day first).
enum class DayOrder { MonthFirst, DayFirst };

class Values
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::io::Values)

public:
    // A calendar date, from any of:
    //   2026-03-05, 2026-3-5, 2026/3/5, 2026.3.5, 20260305, 2026年3月5日 (or 号);
    //   3/5/2026, 3-5-2026, 3.5.2026 (the order says which is the month);
    //   an Excel serial day number (46086 = 2026-03-05; 1904 system when `date1904`);
    // full-width digits and separators (２０２６／３／５) alike, and a time after the date
    // ("2026-03-05 14:30", "2026-03-05T14:30:00") ignored. Plausible years only: 1900–2100
    // (a 9999-12-31 placeholder is refused, not imported as a date).
    static std::optional<QDate> parseDate(QStringView text, DayOrder order, QString *why, bool date1904 = false);

    // An amount in cents, from "12000", "12,000.50", "¥12,000", "￥1.2万", "1.2万元", "3亿",
    // "12k", "1.5M", "12w" (万), "RMB 800", "USD 1,200", "(1,200)" or "-1200" (negative),
    // full-width digits ("１２，０００"). Commas must group thousands (an unclear "1,5" is
    // refused rather than read as 15 or 1.5); a fraction of a cent is refused.
    static std::optional<qint64> parseMoneyCents(QStringView text, QString *why);

    // A percentage in basis points (85 % = 8500), from "85", "85%", "85.5 %", "-3%", "８５％",
    // or a fraction: a number with a decimal point between -1 and 1 and no % sign ("0.85",
    // "-0.03") is a share (85 %, -3 %); a whole number is always a percentage ("1" = 1 %).
    // Callers check the range (exposure 0–100, a correction within ±5).
    static std::optional<qint64> parsePercentBp(QStringView text, QString *why);

    // Full-width ASCII (digits, letters, punctuation, the ideographic space) to half-width.
    static QString halfWidth(QStringView text);
};

} // namespace cockpit::io
