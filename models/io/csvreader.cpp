#include "io/csvreader.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <QHash>

#include <array>

namespace cockpit::io {

namespace {

constexpr qsizetype kChunkBytes = 64 * 1024;
constexpr qsizetype kSniffBytes = 64 * 1024;
// A record (one line, or the lines of a quoted field) is held whole while it is parsed: up to
// this many bytes, so that a 10 MB cell is read, measured and refused, and a 1 GB line is not
// held at all.
constexpr qsizetype kMaxRecordBytes = 16 * 1024 * 1024;

// Valid UTF-8 (an incomplete sequence at the very end of a cut sample allowed).
bool isUtf8(QByteArrayView bytes, bool cut)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = p[i];
        int more = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            more = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            more = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            more = 3;
        } else {
            return false;
        }
        if (i + more >= n)
            return cut; // the sample ends inside the character
        for (int k = 1; k <= more; ++k)
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
        i += more + 1;
    }
    return true;
}

QStringDecoder decoderFor(TextEncoding e)
{
    switch (e) {
    case TextEncoding::Utf8: return QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    case TextEncoding::Utf16LE: return QStringDecoder(QStringDecoder::Utf16LE, QStringDecoder::Flag::Stateless);
    case TextEncoding::Utf16BE: return QStringDecoder(QStringDecoder::Utf16BE, QStringDecoder::Flag::Stateless);
    case TextEncoding::Gb18030: return QStringDecoder("GB18030", QStringDecoder::Flag::Stateless);
    }
    return QStringDecoder(QStringDecoder::Utf8);
}

int unitBytes(TextEncoding e)
{
    return e == TextEncoding::Utf16LE || e == TextEncoding::Utf16BE ? 2 : 1;
}

// The code unit at `p` (one byte, or two in UTF-16).
char16_t unitAt(const char *p, TextEncoding e)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    switch (e) {
    case TextEncoding::Utf16LE: return char16_t(u[0] | (u[1] << 8));
    case TextEncoding::Utf16BE: return char16_t((u[0] << 8) | u[1]);
    default: return char16_t(u[0]);
    }
}

// One record being parsed, fed a line at a time.
struct Parse
{
    QStringList fields;
    QString field;
    bool inQuotes = false;
    bool started = false; // the current field has content (or opened a quote)
    qsizetype length = 0; // of the current field, the part over the limit included
    int longField = -1;   // the first cell over the limit (the rest of it is skipped)
    qsizetype longLength = 0;
};

// Feeds one line (without its line break). Returns true when the record is complete.
bool feed(Parse &p, QStringView line, QChar delimiter, qsizetype maxCell)
{
    auto add = [&](QChar c) {
        if (++p.length <= maxCell)
            p.field += c;
    };
    auto endField = [&] {
        if (p.length > maxCell && p.longField < 0) {
            p.longField = int(p.fields.size());
            p.longLength = p.length;
        }
        p.fields << p.field;
        p.field.clear();
        p.started = false;
        p.length = 0;
    };
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (p.inQuotes) {
            if (c == u'"') {
                if (i + 1 < line.size() && line[i + 1] == u'"') {
                    add(c);
                    ++i;
                } else {
                    p.inQuotes = false; // text after it is kept as written
                }
            } else {
                add(c);
            }
        } else if (c == delimiter) {
            endField();
        } else if (c == u'"' && !p.started) {
            p.inQuotes = true;
            p.started = true;
        } else {
            add(c);
            p.started = true;
        }
    }
    if (p.inQuotes) {
        add(u'\n'); // a line break inside the quotes
        return false;
    }
    endField();
    return true;
}

} // namespace

QString encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return QStringLiteral("UTF-8");
    case TextEncoding::Gb18030: return QStringLiteral("GB18030");
    case TextEncoding::Utf16LE: return QStringLiteral("UTF-16LE");
    case TextEncoding::Utf16BE: return QStringLiteral("UTF-16BE");
    }
    return {};
}

std::optional<TextEncoding> encodingFromName(const QString &name)
{
    const QString n = name.trimmed().toLower().remove(u'-').remove(u'_');
    if (n == u"utf8")
        return TextEncoding::Utf8;
    if (n == u"gb18030" || n == u"gbk" || n == u"gb2312" || n == u"cp936" || n == u"936")
        return TextEncoding::Gb18030;
    if (n == u"utf16" || n == u"utf16le" || n == u"unicode")
        return TextEncoding::Utf16LE;
    if (n == u"utf16be")
        return TextEncoding::Utf16BE;
    return std::nullopt;
}

CsvReader::CsvReader() = default;
CsvReader::~CsvReader() = default;

bool CsvReader::open(const QString &path, const CsvOptions &options)
{
    m_path = path;
    m_error.clear();
    const QFileInfo info(path);
    if (!info.exists()) {
        m_error = tr("%1 does not exist.").arg(path);
        return false;
    }
    if (info.isDir()) {
        m_error = tr("%1 is a folder, not a file.").arg(path);
        return false;
    }
    if (!info.isFile()) {
        m_error = tr("%1 is not a regular file (a pipe or a device?).").arg(path);
        return false;
    }
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        m_error = tr("%1 cannot be read: %2").arg(path, file->errorString());
        return false;
    }
    m_size = file->size();
    m_device = std::move(file);
    return start(options);
}

bool CsvReader::openData(const QByteArray &data, const CsvOptions &options)
{
    m_path.clear();
    m_error.clear();
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    m_size = data.size();
    m_device = std::move(buffer);
    return start(options);
}

bool CsvReader::start(const CsvOptions &options)
{
    m_options = options;
    m_options.maxCellChars = std::max<qsizetype>(1, m_options.maxCellChars);
    m_options.maxQuotedLines = std::max(1, m_options.maxQuotedLines);
    const QString name = m_path.isEmpty() ? tr("The text") : m_path;
    m_chunk = m_device->read(kSniffBytes);
    m_chunkStart = 0;
    m_chunkPos = 0;
    m_line = 0;
    if (m_chunk.isEmpty()) {
        m_error = m_device->atEnd() ? tr("%1 is empty.").arg(name) : tr("%1 cannot be read: %2").arg(name, m_device->errorString());
        return false;
    }
    const bool cut = m_chunk.size() < m_size;
    const QByteArrayView sample(m_chunk);
    if (sample.startsWith("PK\x03\x04")) {
        m_error = tr("%1 is a ZIP archive (an Excel .xlsx workbook?), not a CSV file.").arg(name);
        return false;
    }
    // The byte order mark, if any, says the encoding.
    std::optional<TextEncoding> marked;
    m_bom = 0;
    if (sample.startsWith("\xEF\xBB\xBF")) {
        marked = TextEncoding::Utf8;
        m_bom = 3;
    } else if (sample.startsWith("\xFF\xFE")) {
        marked = TextEncoding::Utf16LE;
        m_bom = 2;
    } else if (sample.startsWith("\xFE\xFF")) {
        marked = TextEncoding::Utf16BE;
        m_bom = 2;
    }
    if (options.encoding) {
        m_encoding = *options.encoding;
        if (marked && *marked != m_encoding)
            m_bom = 0; // not a mark of this encoding: it is text
    } else if (marked) {
        m_encoding = *marked;
    } else {
        // No mark: UTF-16 has a zero byte in every ASCII character; another text has none.
        qsizetype zeroEven = 0, zeroOdd = 0;
        for (qsizetype i = 0; i < sample.size(); ++i)
            if (sample[i] == '\0')
                ++((i % 2) ? zeroOdd : zeroEven);
        const qsizetype units = sample.size() / 2;
        // (A CJK character may have a zero byte too, as U+4E00 一 has: on the other side, rarely.)
        if (zeroOdd > units / 4 && zeroEven <= zeroOdd / 8)
            m_encoding = TextEncoding::Utf16LE;
        else if (zeroEven > units / 4 && zeroOdd <= zeroEven / 8)
            m_encoding = TextEncoding::Utf16BE;
        else if (zeroOdd + zeroEven > 0) {
            m_error = tr("%1 is not a text file (it holds binary data).").arg(name);
            return false;
        } else {
            m_encoding = isUtf8(sample, cut) ? TextEncoding::Utf8 : TextEncoding::Gb18030;
        }
    }
    if (unitBytes(m_encoding) == 1 && sample.sliced(m_bom).contains('\0')) {
        m_error = tr("%1 is not a text file (it holds binary data).").arg(name);
        return false;
    }
    m_decoder = decoderFor(m_encoding);
    if (!m_decoder.isValid()) {
        m_error = tr("This system cannot read %1 text.").arg(encodingName(m_encoding));
        return false;
    }
    m_chunkPos = m_bom;
    m_offset = m_bom;
    // The delimiter: of the four Excel writes, the one found the same number of times (at
    // least once) on the most of the first lines, outside quotes.
    if (options.delimiter) {
        m_delimiter = *options.delimiter;
    } else {
        qsizetype usable = sample.size() - m_bom;
        usable -= usable % unitBytes(m_encoding);
        bool bad = false; // a cut sample may end inside a character
        const QString text = decode(sample.sliced(m_bom, usable).toByteArray(), &bad);
        const QStringList lines = text.split(u'\n').mid(0, 20);
        static constexpr std::array<char16_t, 4> kCandidates{u',', u';', u'\t', u'|'};
        int bestScore = 0;
        m_delimiter = QLatin1Char(',');
        for (char16_t d : kCandidates) {
            QHash<int, int> lineCounts; // count on a line → lines with it
            for (const QString &l : lines) {
                int n = 0;
                bool quoted = false;
                for (QChar c : l) {
                    if (c == u'"')
                        quoted = !quoted;
                    else if (c == d && !quoted)
                        ++n;
                }
                if (n > 0)
                    ++lineCounts[n];
            }
            int score = 0;
            for (int v : std::as_const(lineCounts))
                score = std::max(score, v);
            if (score > bestScore) {
                bestScore = score;
                m_delimiter = QChar(d);
            }
        }
    }
    return true;
}

bool CsvReader::readMore()
{
    m_chunkStart += m_chunkPos;
    m_chunk = m_chunk.sliced(m_chunkPos); // a partial unit stays
    m_chunkPos = 0;
    const QByteArray more = m_device->read(kChunkBytes);
    m_chunk += more;
    return !more.isEmpty();
}

bool CsvReader::readLine(QByteArray &bytes, bool *cut)
{
    bytes.clear();
    *cut = false;
    const int unit = unitBytes(m_encoding);
    bool any = false;
    for (;;) {
        if (m_chunk.size() - m_chunkPos < unit) {
            if (!readMore()) {
                if (!m_device->atEnd()) {
                    m_error = tr("%1 could not be read further: %2").arg(m_path, m_device->errorString());
                    return false;
                }
                m_chunk.clear(); // a stray odd byte at the end of UTF-16 text is dropped
                m_offset = m_chunkStart;
                if (any)
                    ++m_line;
                return any;
            }
        }
        // Scan for the line break in what is there.
        const char *p = m_chunk.constData();
        qsizetype i = m_chunkPos;
        const qsizetype end = m_chunk.size() - (m_chunk.size() - m_chunkPos) % unit;
        qsizetype brk = -1;
        for (; i < end; i += unit) {
            const char16_t u = unitAt(p + i, m_encoding);
            if (u == u'\n' || u == u'\r') {
                brk = i;
                break;
            }
        }
        const qsizetype stop = brk >= 0 ? brk : end;
        if (stop > m_chunkPos) {
            any = true;
            const qsizetype n = stop - m_chunkPos;
            if (bytes.size() + n <= kMaxRecordBytes)
                bytes.append(p + m_chunkPos, n);
            else
                *cut = true;
        }
        m_chunkPos = stop;
        if (brk < 0)
            continue; // the line goes on in the next chunk
        // The break: \n, \r\n or a lone \r.
        any = true;
        const bool cr = unitAt(p + brk, m_encoding) == u'\r';
        m_chunkPos = brk + unit;
        if (cr) {
            if (m_chunk.size() - m_chunkPos < unit)
                readMore(); // is a \n next?
            if (m_chunk.size() - m_chunkPos >= unit && unitAt(m_chunk.constData() + m_chunkPos, m_encoding) == u'\n')
                m_chunkPos += unit;
        }
        m_offset = m_chunkStart + m_chunkPos;
        ++m_line;
        return true;
    }
}

QString CsvReader::decode(const QByteArray &bytes, bool *bad)
{
    m_decoder.resetState(); // each line on its own; GB18030's converter is opened once
    QString text = m_decoder.decode(bytes);
    if (m_decoder.hasError())
        *bad = true;
    return text;
}

void CsvReader::seek(qint64 offset, qint64 line)
{
    m_device->seek(offset);
    m_chunk.clear();
    m_chunkPos = 0;
    m_chunkStart = offset;
    m_offset = offset;
    m_line = line;
}

bool CsvReader::next(CsvRecord &record)
{
    record = CsvRecord{};
    if (!m_device)
        return false;
    QByteArray bytes;
    bool cut = false;
    // The first line of the record (empty lines skipped).
    for (;;) {
        if (!readLine(bytes, &cut))
            return false;
        if (!bytes.isEmpty() || cut)
            break;
    }
    record.line = m_line;
    const qint64 afterFirst = m_offset; // where reading resumes if a quote stays open
    Parse p;
    int lines = 1;
    qint64 held = bytes.size();
    bool badText = false;
    auto take = [&](const QByteArray &b) { return feed(p, decode(b, &badText), m_delimiter, m_options.maxCellChars); };
    bool complete = !cut && take(bytes);
    bool tooBig = cut;
    while (!complete && !tooBig) {
        // A quoted field goes on: the next line belongs to it.
        if (lines >= m_options.maxQuotedLines || !readLine(bytes, &cut))
            break;
        ++lines;
        held += bytes.size();
        if (cut || held > kMaxRecordBytes) {
            tooBig = true;
            break;
        }
        complete = take(bytes);
    }
    record.lastLine = m_line;
    if (!m_error.isEmpty())
        return false;
    if (!complete && !tooBig) {
        // The quote opened on record.line is not closed: report it there, read on from the
        // line after it.
        record.error = tr("a quote opened on this line is not closed (within %n line(s) or by the end of the file)",
                          nullptr, m_options.maxQuotedLines);
        record.lastLine = record.line;
        seek(afterFirst, record.line);
        return true;
    }
    if (tooBig) {
        record.error = tr("the record is longer than %1 MB").arg(kMaxRecordBytes / (1024 * 1024));
        return true;
    }
    if (p.longField >= 0) {
        record.error = tr("a cell is longer than %n character(s)", nullptr, int(m_options.maxCellChars));
        record.longField = p.longField;
        record.longLength = p.longLength;
        record.fields = std::move(p.fields);
        return true;
    }
    if (badText) {
        record.error = tr("the line is not valid %1 text").arg(encodingName(m_encoding));
        return true;
    }
    record.fields = std::move(p.fields);
    return true;
}

} // namespace cockpit::io
