#pragma once
// What the CSV and XLSX writers of tablewriter.h share: reading typed cells, checking the
// target, the messages for system errors, and the loop over the rows. Not for other users.
#include "io/tablewriter.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>
#include <QVariant>

#include <optional>

namespace cockpit::io::detail {

constexpr qsizetype kProgressEvery = 1024;

QString shown(const QString &path); // the path as the system writes it

// A number of any C++ type, or text holding one (NaN and infinity too: written as empty cells).
std::optional<double> toDouble(const QVariant &v);
// A whole number (a fraction rounded), when it fits in 64 bits.
std::optional<qint64> toInt64(const QVariant &v);
// The zone DateTime cells are written in: the option, or the system's. Found once per export:
// converting to Qt::LocalTime asks glibc, which stats /etc/localtime at every call (a quarter
// of an export's time); a QTimeZone keeps its rules.
QTimeZone exportZone(const ExportOptions &options);
// The date and time to write for a DateTime cell, in `zone` (invalid: local time), to the second.
std::optional<QDateTime> toDateTime(const QVariant &v, const QTimeZone &zone);
// A QDate, or the day of a QDateTime in `zone`.
std::optional<QDate> toDate(const QVariant &v, const QTimeZone &zone);
// Any value as text, without NUL characters, through the guard.
QString textCell(const QVariant &v);
int clampDecimals(int decimals); // 0–15
bool isWide(char32_t c);         // East Asian wide: twice as wide in a cell

// Whether `path` can become the export of `table`; false with a message naming it when not.
bool checkTarget(const QString &path, const ExportTable &table, QString *error);
QString diskFull(const QString &path);
QString systemError(const QString &path, int error); // an errno value, as a message naming the file

enum class RowsEnd { Done, Cancelled, Stopped };

// Asks `rows` for row after row and hands each to `write` (which returns false to stop, on an
// error), calling `progress` every kProgressEvery rows and at the end. *count: the rows written.
template<typename Write>
RowsEnd forEachRow(const RowSource &rows, const ExportOptions &options, qsizetype *count, Write write)
{
    QVariantList cells;
    qsizetype &n = *count;
    for (n = 0;; ++n) {
        cells.clear();
        if (!rows(n, cells))
            break;
        if (!write(n, cells))
            return RowsEnd::Stopped;
        if (options.progress && (n + 1) % kProgressEvery == 0 && !options.progress(n + 1, options.totalRows))
            return RowsEnd::Cancelled;
    }
    return options.progress && !options.progress(n, options.totalRows) ? RowsEnd::Cancelled : RowsEnd::Done;
}

} // namespace cockpit::io::detail
