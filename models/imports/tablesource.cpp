#include "imports/tablesource.h"

#include "io/xlsxreader.h"

#include <QFile>
#include <QFileInfo>

namespace cockpit::imports {

TableSource::TableSource() = default;
TableSource::~TableSource() = default;

namespace {
QString delimiterName(QChar c)
{
    if (c == u',')
        return TableSource::tr("comma");
    if (c == u';')
        return TableSource::tr("semicolon");
    if (c == u'\t')
        return TableSource::tr("tab");
    if (c == u'|')
        return TableSource::tr("vertical bar");
    return QString(c);
}

// A ZIP (an XLSX) or an OLE compound file (an .xls, or an encrypted .xlsx): the workbook reader
// says what it is; everything else is read as text.
bool looksLikeWorkbook(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(8);
    return head.startsWith("PK\x03\x04") || head.startsWith("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
}
} // namespace

bool TableSource::open(const QString &path, const SourceOptions &options)
{
    m_path = path;
    m_error.clear();
    m_header.clear();
    m_havePending = false;
    m_csv.reset();
    m_xlsx.reset();
    if (QFileInfo(path).isFile() && looksLikeWorkbook(path)) {
        m_xlsx = std::make_unique<io::XlsxReader>();
        io::XlsxOptions xo;
        xo.maxCellChars = options.maxCellChars;
        if (!m_xlsx->open(path, xo)) {
            m_error = m_xlsx->error();
            return false;
        }
        const QList<io::XlsxSheet> sheets = m_xlsx->sheets();
        int index = -1;
        for (int i = 0; i < sheets.size() && index < 0; ++i)
            if (options.sheet.isEmpty() ? !sheets.at(i).hidden : sheets.at(i).name == options.sheet)
                index = i;
        if (index < 0) {
            QStringList names;
            for (const io::XlsxSheet &s : sheets)
                names << s.name;
            m_error = options.sheet.isEmpty() ? tr("%1: the workbook has no visible sheet").arg(path)
                                              : tr("%1: the workbook has no sheet \"%2\" (it has: %3)")
                                                    .arg(path, options.sheet, names.join(QStringLiteral(", ")));
            return false;
        }
        m_sheet = sheets.at(index).name;
        if (!m_xlsx->selectSheet(index)) {
            m_error = m_xlsx->error();
            return false;
        }
    } else {
        m_csv = std::make_unique<io::CsvReader>();
        io::CsvOptions co;
        co.encoding = options.encoding;
        co.delimiter = options.delimiter;
        co.maxCellChars = options.maxCellChars;
        if (!m_csv->open(path, co)) {
            m_error = m_csv->error();
            return false;
        }
    }
    io::CsvRecord rec;
    while (readRecord(rec)) {
        if (!rec.error.isEmpty()) {
            m_error = tr("%1, line %2: the header cannot be read: %3").arg(path).arg(rec.line).arg(rec.error);
            return false;
        }
        bool any = false;
        for (const QString &f : std::as_const(rec.fields))
            any = any || !f.trimmed().isEmpty();
        if (!any)
            continue;
        for (const QString &f : std::as_const(rec.fields))
            m_header << f.trimmed();
        m_headerLine = rec.line;
        break;
    }
    if (!m_error.isEmpty())
        return false;
    if (m_header.isEmpty()) {
        m_error = tr("%1: nothing to import: the file holds no header and no rows").arg(path);
        return false;
    }
    m_havePending = readRecord(m_pending);
    if (!m_error.isEmpty())
        return false;
    if (!m_havePending) {
        m_error = tr("%1: nothing to import: the file holds a header and no rows").arg(path);
        return false;
    }
    return true;
}

bool TableSource::readRecord(io::CsvRecord &record)
{
    if (m_csv) {
        if (m_csv->next(record))
            return true;
        m_error = m_csv->error();
        return false;
    }
    if (m_xlsx) {
        if (m_xlsx->next(record))
            return true;
        m_error = m_xlsx->error();
        return false;
    }
    return false;
}

bool TableSource::next(io::CsvRecord &record)
{
    if (m_havePending) {
        m_havePending = false;
        record = std::move(m_pending);
        return true;
    }
    return readRecord(record);
}

bool TableSource::date1904() const
{
    return m_xlsx && m_xlsx->date1904();
}

QString TableSource::describe() const
{
    if (m_xlsx)
        return tr("XLSX · sheet “%1”").arg(m_sheet);
    if (m_csv)
        return tr("CSV · %1%2 · %3")
            .arg(io::encodingName(m_csv->encoding()),
                 m_csv->hadByteOrderMark() ? tr(" with BOM") : QString(), delimiterName(m_csv->delimiter()));
    return {};
}

io::TextEncoding TableSource::encoding() const
{
    return m_csv ? m_csv->encoding() : io::TextEncoding::Utf8;
}

QChar TableSource::delimiter() const
{
    return m_csv ? m_csv->delimiter() : QChar(u',');
}

QStringList TableSource::sheets() const
{
    QStringList out;
    if (m_xlsx)
        for (const io::XlsxSheet &s : m_xlsx->sheets())
            out << s.name;
    return out;
}

qint64 TableSource::bytesRead() const
{
    return m_csv ? m_csv->bytesRead() : m_xlsx ? m_xlsx->bytesRead() : 0;
}

qint64 TableSource::size() const
{
    return m_csv ? m_csv->size() : m_xlsx ? m_xlsx->size() : 0;
}

} // namespace cockpit::imports
