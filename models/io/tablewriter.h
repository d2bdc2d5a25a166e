#pragma once
// The export every table view of the app offers (issue 11): a table of typed columns written
// as CSV or as an XLSX workbook, with the formula-injection guard. Qt Core only; the views
// adapt their models to a RowSource, so 100 000 rows are written without being copied.
//
// Cells by column kind (an invalid or null QVariant is an empty cell; a value that does not
// convert to its column's kind is written as text, through the guard):
//   Text      QString         CSV: through neutraliseFormula; XLSX: a string cell, after it
//   Integer   qint64          a number (XLSX "#,##0", or "0" without `groupDigits`; beyond
//                             Excel's 15 significant digits a string, so no digit is lost)
//   Decimal   double          a number with `decimals` places (NaN and infinity: empty)
//   Money     qint64 cents    CSV "12000.50" (no grouping, so a spreadsheet reads a number);
//                             XLSX 12000.5 shown "#,##0.00"
//   Percent   double fraction CSV: in percent, "25.00" for 0.25 with `decimals` places, and
//                             the header gets "(%)" when the column has no unit; XLSX: 0.25
//                             shown "0.00%" (the number of places is `decimals`)
//   Date      QDate           CSV "2026-03-05"; XLSX a serial day shown "yyyy-mm-dd" (before
//                             1900, where Excel has no days, as text); a QDateTime: its day
//   DateTime  QDateTime       in ExportOptions::timeZone (by default the system's local time,
//                             the clock the app shows), to the second: CSV
//                             "2026-03-05 14:30:00"; XLSX a serial shown "yyyy-mm-dd hh:mm"
//
// The guard (neutraliseFormula): OWASP's advice for CSV injection. A text that a spreadsheet
// could read as a formula or DDE call gets a single quote ' in front; in XLSX text is only
// ever written as a string cell, never as a formula, and still carries the quote, so that
// editing the cell or saving the sheet as CSV does not arm it.
//
// Files: the target is replaced only when the export is complete (CSV through QSaveFile, XLSX
// through a temporary file in the target's folder renamed over it). On an error or a cancel
// the target is untouched and no temporary file is left behind. Writing runs in the caller's
// thread; `progress` is called in it.
#include "io/csvreader.h" // TextEncoding

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QVariant>

#include <functional>

namespace cockpit::io {

enum class CellKind { Text, Integer, Decimal, Money, Percent, Date, DateTime };

struct ExportColumn
{
    // A constructor rather than an aggregate, so that {tr("Amount"), CellKind::Money, "CNY"}
    // leaves the rest at their defaults without -Wextra's missing-initializer warnings.
    ExportColumn() = default;
    ExportColumn(const QString &header, CellKind kind = CellKind::Text, const QString &unit = {}, int decimals = 2,
                 bool groupDigits = true)
        : header(header), kind(kind), unit(unit), decimals(decimals), groupDigits(groupDigits)
    {
    }

    QString header;           // as shown, translated by the caller
    CellKind kind = CellKind::Text;
    QString unit;             // "CNY", "元", "%": the header becomes "Amount (CNY)" or "金额（元）"
    int decimals = 2;         // Decimal and Percent (0–15)
    bool groupDigits = true;  // XLSX Integer and Decimal shown with thousands separators
};

struct ExportTable
{
    QString title; // XLSX: the document title, and the sheet's name unless one is given
    QList<ExportColumn> columns;
};

// Fills `cells` (cleared before each call) with row `row`'s values in column order; missing
// trailing cells are empty, extra ones ignored. Returns false when there are no more rows.
using RowSource = std::function<bool(qsizetype row, QVariantList &cells)>;

struct ExportOptions
{
    // CSV. Excel opens UTF-8 only with a byte order mark (without one it reads the system's
    // code page, which garbles Chinese); GB18030 never gets one.
    TextEncoding encoding = TextEncoding::Utf8;
    bool byteOrderMark = true;
    QChar delimiter = QLatin1Char(',');
    bool crlf = true;         // RFC 4180 line ends

    // XLSX: the sheet's name (default: the table's title), made valid by sanitiseSheetName.
    QString sheetName;

    // DateTime cells are written in this zone; invalid (the default): the system's local time.
    QTimeZone timeZone;

    // Called with the rows written so far and `totalRows`, every 1 024 rows and at the end;
    // returning false cancels the export (ExportResult::cancelled, the target untouched).
    std::function<bool(qsizetype done, qsizetype total)> progress;
    // The number of rows, when known (-1 when not): shown through `progress`, and an XLSX
    // export of more rows than a sheet holds is refused before anything is written.
    qsizetype totalRows = -1;
};

struct ExportResult
{
    bool ok = false;
    bool cancelled = false;   // by `progress`; `error` is then empty
    QString error;            // translated, naming the file
    qsizetype rows = 0;       // data rows written (the header not counted)
    // XLSX: cells longer than Excel's 32 767 characters are cut to it (CSV keeps them whole);
    // how many, and a translated note naming the first, for the UI to show beside success.
    qsizetype cutCells = 0;
    QString warning;
};

class TableWriter
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::io::TableWriter)

public:
    static constexpr qsizetype kXlsxMaxRows = 1048576; // the header row included
    static constexpr qsizetype kXlsxMaxColumns = 16384;
    static constexpr qsizetype kXlsxMaxCellChars = 32767;

    static ExportResult writeCsv(const QString &path, const ExportTable &table, const RowSource &rows,
                                 const ExportOptions &options = {});
    static ExportResult writeXlsx(const QString &path, const ExportTable &table, const RowSource &rows,
                                  const ExportOptions &options = {});

    // `text` with a ' in front when a spreadsheet could take it for a formula: when it starts
    // with TAB or CR, or when its first character after any leading white space (spaces, line
    // breaks, the ideographic space) is = + - @ or their full-width forms ＝ ＋ － ＠. Leading
    // space counts because some spreadsheets and importers trim it before they look for a
    // formula; the full-width forms are a precaution, as East Asian Excel turns full-width
    // input into half-width. The cost is a quote on text such as "-5" or " －折扣". Anything
    // else is returned unchanged ("a=b", "中文", "").
    static QString neutraliseFormula(const QString &text);

    // A sheet name Excel accepts: []:*?/\ and control characters become _, no ' at either
    // end, not empty ("Sheet1"), not "History" (reserved), at most 31 characters, and unlike
    // every name in `taken` (case-insensitively), by a " (2)" suffix.
    static QString sanitiseSheetName(const QString &name, const QStringList &taken = {});

    // "Amount (CNY)", "金额（元）" (full-width brackets after a CJK header), or the header.
    static QString headerText(const ExportColumn &column);
};

} // namespace cockpit::io
