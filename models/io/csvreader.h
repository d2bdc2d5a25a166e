#pragma once
// The CSV reader of imports (issue 11): a file of any size read a line at a time, in the
// encodings Excel and WPS write — UTF-8 with or without a BOM, GB18030 (Chinese Excel's
// "CSV"; GBK and GB2312 are subsets of it), UTF-16 with a BOM ("Unicode text") — and with the
// delimiter they write: comma, semicolon, tab or vertical bar. Encoding and delimiter are
// detected from the start of the file unless given, and reported, so a wizard can show them
// and let the user override them.
//
// Quoting is RFC 4180's: a field in double quotes may hold delimiters, line breaks and
// doubled quotes; a quote inside an unquoted field, or text after a closing quote, is kept as
// written (as Excel reads it). A malformed record never hides good ones: a quote still open
// after `maxQuotedLines` lines or at the end of the file is reported at the line it opened on,
// and reading resumes at the line after it. A cell longer than `maxCellChars` is reported
// (its start kept, to show), without holding the cell in memory.
//
// Lines are split on the bytes of the line break before decoding (in every encoding above a
// line break's bytes occur in no other character), so each record knows the byte offset of
// its lines: that is how reading resumes after an open quote, and what `progress` counts.
#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

#include <memory>
#include <optional>

namespace cockpit::io {

enum class TextEncoding { Utf8, Gb18030, Utf16LE, Utf16BE };
QString encodingName(TextEncoding encoding); // "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE"
// Also "utf8", "gbk", "gb2312", "936", "utf-16" (little-endian) …; nullopt when unknown.
std::optional<TextEncoding> encodingFromName(const QString &name);

struct CsvOptions
{
    std::optional<TextEncoding> encoding; // detected when unset
    std::optional<QChar> delimiter;       // detected when unset
    qsizetype maxCellChars = 32767;       // Excel's own limit for a cell
    int maxQuotedLines = 1000;            // a quoted field spanning more lines is an open quote
};

struct CsvRecord
{
    qint64 line = 0;     // 1-based physical line the record starts on (the header is line 1)
    qint64 lastLine = 0; // and ends on (a quoted field may span lines)
    QStringList fields;
    QString error;       // translated; non-empty: the record is malformed, `fields` unusable
    // A cell over the limit: its index and whole length (`fields` then holds every cell, that
    // one cut at the limit, and `error` says so).
    int longField = -1;
    qsizetype longLength = 0;
};

class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::io::CsvReader)

public:
    CsvReader();
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // false with error() naming the file and what is wrong with it: not found, a folder or
    // not a regular file, unreadable, empty, binary, or not text in the given encoding.
    bool open(const QString &path, const CsvOptions &options = {});
    // The same over bytes in memory (tests, fuzzing, pasted text).
    bool openData(const QByteArray &data, const CsvOptions &options = {});

    QString error() const { return m_error; }
    TextEncoding encoding() const { return m_encoding; }
    bool hadByteOrderMark() const { return m_bom > 0; }
    QChar delimiter() const { return m_delimiter; }

    // The next record; false at the end of the file or when the file cannot be read further
    // (then error() says so). Empty lines are skipped.
    bool next(CsvRecord &record);

    qint64 bytesRead() const { return m_offset; }
    qint64 size() const { return m_size; }

private:
    bool start(const CsvOptions &options);
    // The next physical line's bytes (without its line break); false at the end. Bytes beyond
    // kMaxRecordBytes are skipped, not kept (*cut set).
    bool readLine(QByteArray &bytes, bool *cut);
    // Drops the chunk's consumed bytes and appends the device's next ones; false at its end.
    bool readMore();
    QString decode(const QByteArray &bytes, bool *bad); // *bad set when it is not valid text
    void seek(qint64 offset, qint64 line);

    std::unique_ptr<QIODevice> m_device;
    QString m_path; // for messages: the file, or "" for data in memory
    QString m_error;
    TextEncoding m_encoding = TextEncoding::Utf8;
    int m_bom = 0; // bytes
    QChar m_delimiter = QLatin1Char(',');
    QStringDecoder m_decoder;
    CsvOptions m_options;
    qint64 m_offset = 0, m_size = 0;
    qint64 m_line = 0; // physical lines read so far
    QByteArray m_chunk; // read ahead from the device
    qsizetype m_chunkPos = 0;
    qint64 m_chunkStart = 0; // the offset of m_chunk[0]
};

} // namespace cockpit::io
