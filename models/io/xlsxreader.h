#pragma once
// The XLSX reader of imports (issue 11): an Excel workbook — as Excel, LibreOffice, WPS and
// libxlsxwriter write it — read a sheet row at a time. The workbook is a ZIP of XML parts
// (libzip); the selected sheet's part is inflated in 64 KB chunks into QXmlStreamReader, so a
// 100 000-row sheet is never in memory whole. Shared strings are loaded up front (one text pool
// plus offsets, not a QString per string: a sheet of millions of short strings stays small),
// styles only as "which cell formats are dates".
//
// Rows come as CsvRecords, so the importers map both formats the same way: `line` is the
// sheet's row number, `fields` the cells left to right with skipped columns as empty strings
// and trailing empties trimmed; empty rows are skipped. Cells are given as Excel stores them
// (numbers as their stored text, booleans as TRUE/FALSE, errors as "#N/A"), except numbers in
// a date or time format, which become ISO text ("2026-03-05", "2026-03-05T14:30:00",
// "14:30:00" for a time of day under 1). Merged cells: in the first non-empty row (the header)
// a range merged over several columns gives its value to every column it covers; rows below
// are given as stored (the lower cells of a vertically merged header are empty there, so a
// two-row header reads as its top row plus a second row with gaps). Merged ranges are found by
// a first pass over the sheet's bytes, as <mergeCells> comes after the rows.
//
// Refused with a message naming the file: not found, a folder, empty, not a ZIP, a ZIP that is
// no workbook, an encrypted workbook or a legacy .xls (both OLE compound files), an .xlsb,
// malformed XML (part, line, column), a CRC error, a part bigger than the limits (declared or
// actually inflated: zip bombs), rows out of order or past 1 048 576, columns past XFD.
#include "io/csvreader.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace cockpit::io {

struct XlsxOptions
{
    qint64 maxSharedStringsBytes = 256 * 1024 * 1024; // uncompressed sharedStrings.xml over this: refused
    qint64 maxPartBytes = 2LL * 1024 * 1024 * 1024;   // any part's uncompressed size (declared or actual)
    qsizetype maxCellChars = 32767;                   // Excel's own limit; a longer cell is reported, cut
};

struct XlsxSheet
{
    QString name;
    bool hidden = false; // state="hidden" or "veryHidden"
    qint64 uncompressedBytes = 0;
};

class XlsxReader
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::io::XlsxReader)

public:
    XlsxReader();
    ~XlsxReader();
    XlsxReader(const XlsxReader &) = delete;
    XlsxReader &operator=(const XlsxReader &) = delete;

    // false with error() naming the file and what is wrong with it. Reads the workbook, its
    // relationships, styles and shared strings; no sheet is selected yet.
    bool open(const QString &path, const XlsxOptions &options = {});
    // The same over bytes in memory (tests, fuzzing).
    bool openData(const QByteArray &data, const XlsxOptions &options = {});

    QString error() const { return m_error; }
    QList<XlsxSheet> sheets() const { return m_sheets; } // workbook order (chart sheets left out)
    bool date1904() const { return m_date1904; }

    // (Re)starts streaming the sheet: inflates its part once to check it (size, CRC) and find
    // its merged cells, then from the start row by row. false with error().
    bool selectSheet(int index);
    // The next non-empty row; false at the end of the sheet or on an error (error() then says
    // it). A row with a bad cell (a cell over the limit, a shared string that does not exist)
    // comes with record.error set, and reading goes on.
    bool next(CsvRecord &record);

    // Progress over the selected sheet's uncompressed XML.
    qint64 bytesRead() const { return m_bytesRead; }
    qint64 size() const { return m_size; }

private:
    struct Private; // the libzip archive and the sheet being streamed (xlsxreader.cpp)

    void reset(const QString &path, const XlsxOptions &options); // forgets the workbook before
    bool refuseCompoundFile(bool encrypted);                     // an encrypted workbook or an .xls
    bool start();                                                // reads the workbook once the archive is open
    bool readWorkbook();
    bool readStyles(const QString &part);
    bool readSharedStrings(const QString &part);
    QString sharedString(qsizetype index) const;
    // The cell text of a number in the given cell format (a date as ISO text).
    QString numberText(const QString &stored, int style) const;
    bool fail(const QString &message); // sets m_error; false
    QString name() const;              // the file, for messages

    std::unique_ptr<Private> d;
    QString m_path;
    QString m_error;
    XlsxOptions m_options;
    QList<XlsxSheet> m_sheets;
    QStringList m_parts; // each sheet's part in the archive
    bool m_date1904 = false;
    // Cell formats (cellXfs, by the s attribute): 0 not a date, 1 a date, 2 a time of day.
    QList<quint8> m_dateStyles;
    // Shared strings: text pool and the start of each (one more: the end of the last).
    QString m_pool;
    QList<qsizetype> m_starts;
    QHash<qsizetype, qsizetype> m_longStrings; // index → whole length, for those cut at the limit
    qint64 m_bytesRead = 0, m_size = 0;
};

} // namespace cockpit::io
