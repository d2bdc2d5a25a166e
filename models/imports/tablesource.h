#pragma once
// One file of an import as a table, whatever it is: a CSV (io::CsvReader: encodings and
// delimiters detected, or given) or a sheet of an XLSX workbook (io::XlsxReader), told apart by
// the file's first bytes, not its name. The first non-empty record is the header.
#include "io/csvreader.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace cockpit::io {
class XlsxReader;
}

namespace cockpit::imports {

struct SourceOptions
{
    std::optional<io::TextEncoding> encoding; // CSV only; detected when unset
    std::optional<QChar> delimiter;           // CSV only; detected when unset
    QString sheet;                            // XLSX only; "" = the first visible sheet
    qsizetype maxCellChars = 32767;
};

class TableSource
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::imports::TableSource)

public:
    TableSource();
    ~TableSource();
    TableSource(const TableSource &) = delete;
    TableSource &operator=(const TableSource &) = delete;

    // Opens the file and reads its header. false with error(): the reader's message, or that
    // the file holds no header, or a header and no rows, or the sheet is not in the workbook.
    bool open(const QString &path, const SourceOptions &options = {});
    QString error() const { return m_error; }

    QStringList header() const { return m_header; }
    qint64 headerLine() const { return m_headerLine; }
    // The next data record (see io::CsvRecord); false at the end or on a read error (error()).
    bool next(io::CsvRecord &record);

    bool isWorkbook() const { return m_xlsx != nullptr; }
    bool date1904() const;
    // "CSV · UTF-8 · comma" / "XLSX · sheet “accounts”", translated: what the preview shows.
    QString describe() const;
    // A CSV's encoding and delimiter as read (detected or given); UTF-8 and comma for a workbook.
    io::TextEncoding encoding() const;
    QChar delimiter() const;
    QStringList sheets() const; // a workbook's sheet names (hidden ones too)
    qint64 bytesRead() const;
    qint64 size() const;

private:
    bool readRecord(io::CsvRecord &record);

    std::unique_ptr<io::CsvReader> m_csv;
    std::unique_ptr<io::XlsxReader> m_xlsx;
    QString m_error, m_path, m_sheet;
    QStringList m_header;
    qint64 m_headerLine = 0;
    bool m_havePending = false;
    io::CsvRecord m_pending; // the first data record, read to tell "header only" apart
};

} // namespace cockpit::imports
