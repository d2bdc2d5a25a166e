#pragma once
// One part of an XLSX archive (xlsxreader.cpp's helper, not an interface of its own): an entry
// of a libzip archive inflated in chunks, and parsed as XML on the way when asked. It counts
// what it inflates against the entry's declared size and the caller's limit, so a lying header
// or a zip bomb stops at the limit, not at the end of memory; failures become messages naming
// the file and the part.
#include "io/xlsxreader.h"

#include <QByteArray>
#include <QLocale>
#include <QString>
#include <QXmlStreamReader>

#include <zip.h>

namespace cockpit::io {

class XlsxPart
{
public:
    static constexpr qsizetype kChunkBytes = 64 * 1024;

    static QString zipMessage(int code)
    {
        zip_error_t e;
        zip_error_init_with_code(&e, code);
        const QString text = QString::fromUtf8(zip_error_strerror(&e));
        zip_error_fini(&e);
        return text;
    }
    static QString sizeText(qint64 bytes) { return QLocale().formattedDataSize(bytes); }

    enum class Fail { None, Missing, Open, Read, Crc, OverLimit, OverDeclared, Xml };

    XlsxPart() = default;
    ~XlsxPart() { close(); }
    Q_DISABLE_COPY_MOVE(XlsxPart)

    bool open(zip_t *zip, const QString &name, qint64 limit)
    {
        close();
        m_xml.clear();
        m_declared = m_bytes = 0;
        m_end = false;
        m_fail = Fail::None;
        m_zipError = 0;
        m_name = name;
        m_limit = limit;
        const zip_int64_t index = zip_name_locate(zip, name.toUtf8().constData(), ZIP_FL_NOCASE);
        zip_stat_t st;
        zip_stat_init(&st);
        if (index < 0 || zip_stat_index(zip, zip_uint64_t(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
            return failWith(Fail::Missing, 0);
        m_declared = st.size > zip_uint64_t(INT64_MAX) ? INT64_MAX : qint64(st.size);
        if (m_declared > m_limit)
            return failWith(Fail::OverLimit, 0);
        m_file = zip_fopen_index(zip, zip_uint64_t(index), 0);
        if (!m_file)
            return failWith(Fail::Open, zip_error_code_zip(zip_get_error(zip)));
        return true;
    }
    void close()
    {
        if (m_file)
            zip_fclose(m_file);
        m_file = nullptr;
    }

    // The next inflated bytes; false at the end of the part or on a failure (failed()).
    bool readChunk(QByteArray &out)
    {
        if (!m_file || m_end)
            return false;
        out.resize(kChunkBytes);
        const zip_int64_t n = zip_fread(m_file, out.data(), zip_uint64_t(out.size()));
        if (n < 0) {
            const int code = zip_error_code_zip(zip_file_get_error(m_file));
            return failWith(code == ZIP_ER_CRC ? Fail::Crc : Fail::Read, code);
        }
        if (n == 0) {
            m_end = true;
            out.clear();
            return false;
        }
        out.resize(qsizetype(n));
        m_bytes += n;
        if (m_bytes > m_limit)
            return failWith(Fail::OverLimit, 0);
        if (m_bytes > m_declared)
            return failWith(Fail::OverDeclared, 0);
        return true;
    }

    // The next XML token, inflating more as the parser needs it; Invalid at the end of the
    // document or on a failure.
    QXmlStreamReader::TokenType next()
    {
        for (;;) {
            const QXmlStreamReader::TokenType t = m_xml.readNext();
            if (!m_xml.hasError())
                return t == QXmlStreamReader::EndDocument ? QXmlStreamReader::Invalid : t;
            if (m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError && !m_end && m_fail == Fail::None) {
                QByteArray chunk;
                if (readChunk(chunk))
                    m_xml.addData(chunk);
                else if (m_fail != Fail::None)
                    return QXmlStreamReader::Invalid;
                continue; // at the end: the parser says once more whether the document is whole
            }
            if (m_fail == Fail::None)
                m_fail = Fail::Xml;
            return QXmlStreamReader::Invalid;
        }
    }

    QXmlStreamReader &xml() { return m_xml; }
    Fail fail() const { return m_fail; }
    bool failed() const { return m_fail != Fail::None; }
    qint64 bytes() const { return m_bytes; }
    qint64 declared() const { return m_declared; }
    const QString &name() const { return m_name; }

    // What went wrong, for the file named `file`.
    QString message(const QString &file) const
    {
        switch (m_fail) {
        case Fail::None: break;
        case Fail::Missing: return XlsxReader::tr("%1 is damaged: its part %2 is missing.").arg(file, m_name);
        case Fail::Open:
            if (m_zipError == ZIP_ER_NOPASSWD || m_zipError == ZIP_ER_ENCRNOTSUPP || m_zipError == ZIP_ER_WRONGPASSWD)
                return XlsxReader::tr("%1 is password-protected; remove the password in Excel or save a copy without it.").arg(file);
            return XlsxReader::tr("%1 is damaged: its part %2 cannot be opened (%3).").arg(file, m_name, zipMessage(m_zipError));
        case Fail::Read: return XlsxReader::tr("%1 is damaged: its part %2 cannot be read (%3).").arg(file, m_name, zipMessage(m_zipError));
        case Fail::Crc: return XlsxReader::tr("%1 is damaged: its part %2 fails its checksum (CRC).").arg(file, m_name);
        case Fail::OverLimit:
            return XlsxReader::tr("%1 is refused: its part %2 is larger than %3 uncompressed (the limit; a zip bomb?).")
                .arg(file, m_name, sizeText(m_limit));
        case Fail::OverDeclared: return XlsxReader::tr("%1 is damaged: its part %2 is larger than its ZIP header says.").arg(file, m_name);
        case Fail::Xml:
            return XlsxReader::tr("%1 is damaged: its part %2 is not well-formed XML (line %3, column %4: %5).")
                .arg(file, m_name, QString::number(m_xml.lineNumber()), QString::number(m_xml.columnNumber()), m_xml.errorString());
        }
        return {};
    }

private:
    bool failWith(Fail f, int zipError)
    {
        m_fail = f;
        m_zipError = zipError;
        close();
        return false;
    }

    zip_file_t *m_file = nullptr;
    QXmlStreamReader m_xml;
    QString m_name;
    qint64 m_limit = 0, m_declared = 0, m_bytes = 0;
    bool m_end = false;
    Fail m_fail = Fail::None;
    int m_zipError = 0;
};

} // namespace cockpit::io
