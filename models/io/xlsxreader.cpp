#include "io/xlsxreader.h"

#include "io/xlsxpart.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace cockpit::io {

namespace {

constexpr qint64 kMaxRows = 1048576;
constexpr int kMaxColumns = 16384; // XFD
// Merged ranges kept per sheet (only those over several columns matter, for the header).
constexpr qsizetype kMaxMerges = 100000;
// Cell formats and number formats kept from styles.xml (Excel allows 64 000 of them).
constexpr qsizetype kMaxStyles = 1 << 20;

enum DateKind : quint8 { NotDate = 0, Date = 1, TimeOfDay = 2 };

QStringView attr(const QXmlStreamReader &xml, QLatin1StringView name)
{
    return xml.attributes().value(name);
}

// "worksheets/sheet1.xml" against "xl/" → "xl/worksheets/sheet1.xml"; "/xl/…" from the root;
// "." and ".." resolved, %-escapes decoded.
QString resolveTarget(const QString &baseDir, QString target)
{
    if (target.contains(u'%'))
        target = QUrl::fromPercentEncoding(target.toUtf8());
    target.replace(u'\\', u'/');
    const QString path = target.startsWith(u'/') ? target.mid(1) : baseDir + target;
    QStringList out;
    for (const QString &seg : path.split(u'/', Qt::SkipEmptyParts)) {
        if (seg == u"..") {
            if (!out.isEmpty())
                out.removeLast();
        } else if (seg != u".") {
            out << seg;
        }
    }
    return out.join(u'/');
}

QString dirOf(const QString &part)
{
    const qsizetype slash = part.lastIndexOf(u'/');
    return slash < 0 ? QString() : part.left(slash + 1);
}

// Is a number format code a date, a time of day, or neither? Letters count outside quoted
// text, [..] (colours, locales, elapsed hours) and escaped characters (\x, _x, *x).
DateKind formatKind(QStringView code)
{
    bool d = false, y = false, m = false, h = false, s = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const char16_t c = code[i].toLower().unicode();
        if (c == u'"' || c == u'[') {
            i = code.indexOf(c == u'"' ? u'"' : u']', i + 1);
            if (i < 0)
                break;
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i;
        } else if (c == u'd') {
            d = true;
        } else if (c == u'y') {
            y = true;
        } else if (c == u'm') {
            m = true;
        } else if (c == u'h') {
            h = true;
        } else if (c == u's') {
            s = true;
        }
    }
    if (d || y || (m && !h && !s))
        return Date;
    return h || s ? TimeOfDay : NotDate;
}

// Excel's built-in formats: 14–22, 27–36, 45–47 and 50–58 are dates and times (27–36 and 50–58
// in East Asian locales).
DateKind builtinKind(int id)
{
    static constexpr int kTimes[] = {18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56};
    if (std::find(std::begin(kTimes), std::end(kTimes), id) != std::end(kTimes))
        return TimeOfDay;
    if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return Date;
    return NotDate;
}

// "AB12" → column 27 (0-based), row 12; row 0 when the reference has no digits. false when it
// is no cell reference; *column past XFD is still given (the caller says so).
bool parseCellRef(QStringView ref, int *column, qint64 *row)
{
    qsizetype i = 0;
    qint64 col = 0;
    for (; i < ref.size(); ++i) {
        const char16_t c = ref[i].toUpper().unicode();
        if (c < u'A' || c > u'Z')
            break;
        if (col <= kMaxColumns) // keep counting only while it may still be valid
            col = col * 26 + (c - u'A' + 1);
    }
    if (i == 0)
        return false;
    qint64 r = 0;
    for (qsizetype j = i; j < ref.size(); ++j) {
        const char16_t c = ref[j].unicode();
        if (c < u'0' || c > u'9')
            return false;
        if (r <= kMaxRows)
            r = r * 10 + (c - u'0');
    }
    *column = int(std::min<qint64>(col, kMaxColumns + 1)) - 1;
    *row = r;
    return true;
}

QString columnName(int column)
{
    QString name;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        name.prepend(QChar(u'A' + (c - 1) % 26));
    return name;
}

// OOXML's escape of characters XML cannot hold: _xHHHH_ (and _x005F_ for a literal "_").
void unescape(QString &text)
{
    if (!text.contains(QLatin1StringView("_x")))
        return;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'_' && i + 6 < text.size() && text[i + 1] == u'x' && text[i + 6] == u'_') {
            bool ok = false;
            const uint code = QStringView(text).mid(i + 2, 4).toUInt(&ok, 16);
            if (ok) {
                out += QChar(char16_t(code));
                i += 6;
                continue;
            }
        }
        out += text[i];
    }
    text = out;
}

// CFB (OLE compound file): a legacy .xls, or an encrypted .xlsx in its "EncryptedPackage".
constexpr QByteArrayView kCfbMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr QByteArrayView kEncryptedPackage("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32); // UTF-16LE

struct Merge
{
    int top, left, bottom, right; // row numbers 1-based, columns 0-based
};

// The ref of each `<mergeCell ref="A1:B2"/>` in `bytes` from `pos`; returns where the scan
// stopped (the start of a tag that is not complete yet, to be scanned with more bytes).
qsizetype scanMergeTags(const QByteArray &bytes, qsizetype pos, QList<Merge> &merges)
{
    static const QByteArray kTag("mergeCell");
    for (;;) {
        const qsizetype at = bytes.indexOf(kTag, pos);
        if (at < 0)
            return std::max(pos, bytes.size() - 64); // "<x:mergeCell" may be cut at the end
        qsizetype lt = at - 1;                       // back over a namespace prefix to '<'
        if (lt >= 0 && bytes[lt] == ':')
            while (--lt >= 0 && bytes[lt] != '<' && bytes[lt] != '>' && bytes[lt] != ' ' && at - lt < 64) {
            }
        qsizetype i = at + kTag.size();
        if (lt < 0 || bytes[lt] != '<' || i >= bytes.size()
            || !(bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            if (i >= bytes.size())
                return lt >= 0 ? lt : at;
            pos = at + 1;
            continue;
        }
        const qsizetype gt = bytes.indexOf('>', i);
        if (gt < 0)
            return bytes.size() - lt > 4096 ? bytes.size() : lt; // a tag that long is no mergeCell
        // The attributes: name = 'value' or "value".
        QByteArray ref;
        while (i < gt) {
            while (i < gt && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n' || bytes[i] == '/'))
                ++i;
            const qsizetype nameStart = i;
            while (i < gt && bytes[i] != '=' && bytes[i] != ' ')
                ++i;
            const QByteArray name = bytes.mid(nameStart, i - nameStart);
            while (i < gt && (bytes[i] == ' ' || bytes[i] == '='))
                ++i;
            if (i >= gt || (bytes[i] != '"' && bytes[i] != '\''))
                break;
            const char quote = bytes[i];
            const qsizetype end = bytes.indexOf(quote, i + 1);
            if (end < 0 || end > gt)
                break;
            if (name == "ref")
                ref = bytes.mid(i + 1, end - i - 1);
            i = end + 1;
        }
        const qsizetype colon = ref.indexOf(':');
        int c1 = 0, c2 = 0;
        qint64 r1 = 0, r2 = 0;
        const QString text = QString::fromLatin1(ref);
        if (colon > 0 && merges.size() < kMaxMerges && parseCellRef(QStringView(text).left(colon), &c1, &r1)
            && parseCellRef(QStringView(text).mid(colon + 1), &c2, &r2) && c2 > c1 && r1 >= 1 && r2 >= r1 && r2 <= kMaxRows
            && c2 < kMaxColumns)
            merges.append({int(r1), c1, int(r2), c2});
        pos = gt + 1;
    }
}

} // namespace

// The archive and the sheet being streamed.
struct XlsxReader::Private
{
    ~Private()
    {
        part.close();
        if (zip)
            zip_discard(zip);
    }

    QByteArray data; // openData's bytes, read by the zip source
    zip_t *zip = nullptr;

    XlsxPart part; // the selected sheet
    bool selected = false, inSheetData = false, done = false, headerSeen = false;
    QList<Merge> merges;
    qint64 lastRow = 0;
};

XlsxReader::XlsxReader() = default;
XlsxReader::~XlsxReader() = default;

QString XlsxReader::name() const
{
    return m_path.isEmpty() ? tr("The workbook") : m_path;
}

bool XlsxReader::fail(const QString &message)
{
    m_error = message;
    return false;
}

void XlsxReader::reset(const QString &path, const XlsxOptions &options)
{
    d = std::make_unique<Private>();
    m_path = path;
    m_options = options;
    m_options.maxCellChars = std::max<qsizetype>(1, m_options.maxCellChars);
    m_options.maxPartBytes = std::max<qint64>(0, m_options.maxPartBytes);
    m_error.clear();
    m_sheets.clear();
    m_parts.clear();
    m_date1904 = false;
    m_dateStyles.clear();
    m_pool.clear();
    m_starts = {0};
    m_longStrings.clear();
    m_bytesRead = m_size = 0;
}

bool XlsxReader::refuseCompoundFile(bool encrypted)
{
    return fail(encrypted ? tr("%1 is password-protected; remove the password in Excel or save a copy without it.").arg(name())
                          : tr("%1 is an Excel 97–2003 .xls workbook; save it as .xlsx or CSV.").arg(name()));
}

bool XlsxReader::open(const QString &path, const XlsxOptions &options)
{
    reset(path, options);
    const QFileInfo info(path);
    if (!info.exists())
        return fail(tr("%1 does not exist.").arg(path));
    if (info.isDir())
        return fail(tr("%1 is a folder, not a file.").arg(path));
    if (!info.isFile())
        return fail(tr("%1 is not a regular file (a pipe or a device?).").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("%1 cannot be read: %2").arg(path, file.errorString()));
    if (file.size() == 0)
        return fail(tr("%1 is empty.").arg(path));
    if (file.peek(8) == kCfbMagic) {
        // Look for the stream's name anywhere (the directory may sit anywhere in the file).
        QByteArray tail;
        bool encrypted = false;
        while (!encrypted && !file.atEnd()) {
            const QByteArray chunk = tail + file.read(1024 * 1024);
            encrypted = chunk.contains(kEncryptedPackage);
            tail = chunk.right(kEncryptedPackage.size());
            if (chunk.size() == tail.size())
                break;
        }
        return refuseCompoundFile(encrypted);
    }
    file.close();
    int code = 0;
    d->zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &code);
    if (!d->zip) {
        if (code == ZIP_ER_NOZIP)
            return fail(tr("%1 is not an Excel workbook (.xlsx).").arg(path));
        if (code == ZIP_ER_OPEN || code == ZIP_ER_READ)
            return fail(tr("%1 cannot be read: %2").arg(path, XlsxPart::zipMessage(code)));
        return fail(tr("%1 is damaged: %2.").arg(path, XlsxPart::zipMessage(code)));
    }
    return start();
}

bool XlsxReader::openData(const QByteArray &data, const XlsxOptions &options)
{
    reset(QString(), options);
    if (data.isEmpty())
        return fail(tr("%1 is empty.").arg(name()));
    if (data.startsWith(kCfbMagic))
        return refuseCompoundFile(data.contains(kEncryptedPackage));
    d->data = data;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(d->data.constData(), zip_uint64_t(d->data.size()), 0, &error);
    if (source)
        d->zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    if (!d->zip) {
        if (source)
            zip_source_free(source);
        if (code == ZIP_ER_NOZIP)
            return fail(tr("%1 is not an Excel workbook (.xlsx).").arg(name()));
        return fail(tr("%1 is damaged: %2.").arg(name(), XlsxPart::zipMessage(code)));
    }
    return start();
}

bool XlsxReader::start()
{
    if (!readWorkbook())
        return false;
    if (m_sheets.isEmpty())
        return fail(tr("%1 has no worksheet.").arg(name()));
    return true;
}

namespace {

struct Relationship
{
    QString type, target; // target resolved to a part name
};

// A .rels part: id → relationship (external targets left out).
bool readRelationships(zip_t *zip, const QString &relsPart, const QString &baseDir, qint64 limit, QHash<QString, Relationship> &out,
                       XlsxPart &part)
{
    if (!part.open(zip, relsPart, limit))
        return part.fail() == XlsxPart::Fail::Missing; // a workbook without relationships has no sheets
    for (QXmlStreamReader::TokenType t; (t = part.next()) != QXmlStreamReader::Invalid;) {
        if (t != QXmlStreamReader::StartElement || part.xml().name() != u"Relationship")
            continue;
        const QXmlStreamReader &x = part.xml();
        if (attr(x, QLatin1StringView("TargetMode")).compare(u"External", Qt::CaseInsensitive) == 0)
            continue;
        out.insert(attr(x, QLatin1StringView("Id")).toString(), {attr(x, QLatin1StringView("Type")).toString(),
                                                                 resolveTarget(baseDir, attr(x, QLatin1StringView("Target")).toString())});
    }
    return !part.failed();
}

bool hasEntry(zip_t *zip, const QString &name)
{
    return zip_name_locate(zip, name.toUtf8().constData(), ZIP_FL_NOCASE) >= 0;
}

qint64 entrySize(zip_t *zip, const QString &name)
{
    const zip_int64_t index = zip_name_locate(zip, name.toUtf8().constData(), ZIP_FL_NOCASE);
    zip_stat_t st;
    zip_stat_init(&st);
    if (index < 0 || zip_stat_index(zip, zip_uint64_t(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
        return 0;
    return st.size > zip_uint64_t(INT64_MAX) ? INT64_MAX : qint64(st.size);
}

} // namespace

bool XlsxReader::readWorkbook()
{
    zip_t *zip = d->zip;
    const qint64 limit = m_options.maxPartBytes;
    XlsxPart part;
    // The workbook part: as the package's relationships name it, else where every writer puts it.
    QString workbook;
    QHash<QString, Relationship> rels;
    if (!readRelationships(zip, QStringLiteral("_rels/.rels"), QString(), limit, rels, part))
        return fail(part.message(name()));
    for (const Relationship &r : std::as_const(rels))
        if (r.type.endsWith(QLatin1StringView("/officeDocument")) && hasEntry(zip, r.target))
            workbook = r.target;
    if (workbook.isEmpty() && hasEntry(zip, QStringLiteral("xl/workbook.xml")))
        workbook = QStringLiteral("xl/workbook.xml");
    if (workbook.isEmpty() || workbook.endsWith(QLatin1StringView(".bin"), Qt::CaseInsensitive)) {
        if (hasEntry(zip, QStringLiteral("xl/workbook.bin")))
            return fail(tr("%1 is an Excel binary workbook (.xlsb); save it as .xlsx or CSV.").arg(name()));
        return fail(tr("%1 is a ZIP archive, not an Excel workbook.").arg(name()));
    }
    const QString dir = dirOf(workbook);
    rels.clear();
    if (!readRelationships(zip, dir + QStringLiteral("_rels/") + workbook.mid(dir.size()) + QStringLiteral(".rels"), dir, limit, rels,
                           part))
        return fail(part.message(name()));

    if (!part.open(zip, workbook, limit))
        return fail(part.message(name()));
    for (QXmlStreamReader::TokenType t; (t = part.next()) != QXmlStreamReader::Invalid;) {
        if (t != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamReader &x = part.xml();
        if (x.name() == u"workbookPr") {
            const QStringView v = attr(x, QLatin1StringView("date1904"));
            m_date1904 = v == u"1" || v.compare(u"true", Qt::CaseInsensitive) == 0;
        } else if (x.name() == u"sheet") {
            QString id; // r:id, whatever the prefix (transitional or strict namespace)
            for (const QXmlStreamAttribute &a : x.attributes())
                if (a.name() == u"id" && !a.namespaceUri().isEmpty())
                    id = a.value().toString();
            const Relationship r = rels.value(id);
            if (r.type.endsWith(QLatin1StringView("/chartsheet")) || r.type.endsWith(QLatin1StringView("/dialogsheet")))
                continue; // no cells
            const QStringView state = attr(x, QLatin1StringView("state"));
            XlsxSheet sheet;
            sheet.name = attr(x, QLatin1StringView("name")).toString();
            sheet.hidden = state == u"hidden" || state == u"veryHidden";
            sheet.uncompressedBytes = r.target.isEmpty() ? 0 : entrySize(zip, r.target);
            m_sheets << sheet;
            m_parts << r.target;
        }
    }
    if (part.failed())
        return fail(part.message(name()));

    QString styles, strings;
    for (const Relationship &r : std::as_const(rels)) { // (a part named but missing is left out)
        if (r.type.endsWith(QLatin1StringView("/styles")) && hasEntry(zip, r.target))
            styles = r.target;
        else if (r.type.endsWith(QLatin1StringView("/sharedStrings")) && hasEntry(zip, r.target))
            strings = r.target;
    }
    if (styles.isEmpty() && hasEntry(zip, dir + QStringLiteral("styles.xml")))
        styles = dir + QStringLiteral("styles.xml");
    if (strings.isEmpty() && hasEntry(zip, dir + QStringLiteral("sharedStrings.xml")))
        strings = dir + QStringLiteral("sharedStrings.xml");
    return (styles.isEmpty() || readStyles(styles)) && (strings.isEmpty() || readSharedStrings(strings));
}

bool XlsxReader::readStyles(const QString &partName)
{
    XlsxPart part;
    if (!part.open(d->zip, partName, m_options.maxPartBytes))
        return fail(part.message(name()));
    QHash<int, DateKind> custom;
    bool inCellXfs = false;
    for (QXmlStreamReader::TokenType t; (t = part.next()) != QXmlStreamReader::Invalid;) {
        const QXmlStreamReader &x = part.xml();
        if (t == QXmlStreamReader::EndElement && x.name() == u"cellXfs")
            inCellXfs = false;
        if (t != QXmlStreamReader::StartElement)
            continue;
        if (x.name() == u"numFmt" && custom.size() < kMaxStyles) {
            custom.insert(attr(x, QLatin1StringView("numFmtId")).toInt(), formatKind(attr(x, QLatin1StringView("formatCode"))));
        } else if (x.name() == u"cellXfs") {
            inCellXfs = true;
        } else if (x.name() == u"xf" && inCellXfs && m_dateStyles.size() < kMaxStyles) {
            const int id = attr(x, QLatin1StringView("numFmtId")).toInt();
            const auto it = custom.constFind(id); // a workbook may redefine a built-in id
            m_dateStyles << (it != custom.cend() ? *it : builtinKind(id));
        }
    }
    if (part.failed())
        return fail(part.message(name()));
    return true;
}

bool XlsxReader::readSharedStrings(const QString &partName)
{
    const qint64 limit = std::min(m_options.maxSharedStringsBytes, m_options.maxPartBytes);
    XlsxPart part;
    auto refuse = [&] {
        if (part.fail() == XlsxPart::Fail::OverLimit)
            return fail(tr("%1 is refused: its shared strings are larger than %2 uncompressed (the limit).")
                            .arg(name(), XlsxPart::sizeText(limit)));
        return fail(part.message(name()));
    };
    if (!part.open(d->zip, partName, limit))
        return refuse();
    int phonetic = 0;     // inside <rPh> (phonetic runs, not text)
    bool inText = false;  // inside a <t> of the current <si>
    qsizetype length = 0; // of the current string, the part over the limit included
    QString text;
    const qsizetype max = m_options.maxCellChars;
    for (QXmlStreamReader::TokenType t; (t = part.next()) != QXmlStreamReader::Invalid;) {
        const QXmlStreamReader &x = part.xml();
        if (t == QXmlStreamReader::StartElement) {
            if (x.name() == u"si") {
                text.clear();
                length = 0;
                phonetic = 0;
            } else if (x.name() == u"rPh") {
                ++phonetic;
            } else if (x.name() == u"t") {
                inText = phonetic == 0;
            }
        } else if (t == QXmlStreamReader::Characters && inText) {
            const QStringView s = x.text();
            length += s.size();
            if (text.size() < max)
                text += s.left(max - text.size());
        } else if (t == QXmlStreamReader::EndElement) {
            if (x.name() == u"t") {
                inText = false;
            } else if (x.name() == u"rPh") {
                phonetic = std::max(0, phonetic - 1);
            } else if (x.name() == u"si") {
                unescape(text);
                if (length > max)
                    m_longStrings.insert(m_starts.size() - 1, length);
                m_pool += text;
                m_starts << m_pool.size();
            }
        }
    }
    if (part.failed())
        return refuse();
    m_pool.squeeze();
    m_starts.squeeze();
    return true;
}

QString XlsxReader::sharedString(qsizetype index) const
{
    return m_pool.mid(m_starts[index], m_starts[index + 1] - m_starts[index]);
}

QString XlsxReader::numberText(const QString &stored, int style) const
{
    const DateKind kind = style >= 0 && style < m_dateStyles.size() ? DateKind(m_dateStyles[style]) : NotDate;
    if (kind == NotDate)
        return stored;
    bool ok = false;
    const double serial = stored.toDouble(&ok);
    // Up to 9999-12-31, Excel's last day; negative serials are no dates in Excel.
    if (!ok || !std::isfinite(serial) || serial < 0 || serial >= 2958466.0)
        return stored;
    const qint64 seconds = std::llround(serial * 86400.0);
    const qint64 days = seconds / 86400, ofDay = seconds % 86400;
    const QString time = QStringLiteral("%1:%2:%3")
                             .arg(ofDay / 3600, 2, 10, QLatin1Char('0'))
                             .arg(ofDay / 60 % 60, 2, 10, QLatin1Char('0'))
                             .arg(ofDay % 60, 2, 10, QLatin1Char('0'));
    if (days == 0 && kind == TimeOfDay)
        return time;
    QDate date;
    if (m_date1904) {
        date = QDate(1904, 1, 1).addDays(days);
    } else {
        // Serial 1 is 1900-01-01; 60 is Lotus 1-2-3's 1900-02-29, which never was; 0 is "1900-01-00".
        if (days == 0 || days == 60)
            return stored;
        date = QDate(1899, 12, days < 60 ? 31 : 30).addDays(days);
    }
    if (!date.isValid() || date.year() > 9999)
        return stored;
    const QString text = date.toString(Qt::ISODate);
    return ofDay == 0 ? text : text + u'T' + time;
}

bool XlsxReader::selectSheet(int index)
{
    m_error.clear();
    m_bytesRead = m_size = 0;
    if (!d || !d->zip)
        return fail(tr("No workbook is open."));
    d->part.close();
    d->selected = d->inSheetData = d->done = d->headerSeen = false;
    d->merges.clear();
    d->lastRow = 0;
    if (index < 0 || index >= m_sheets.size())
        return fail(tr("%1 has no sheet %2.").arg(name(), QString::number(index + 1)));
    const QString &partName = m_parts.at(index);
    if (partName.isEmpty())
        return fail(tr("%1 is damaged: the sheet \"%2\" has no part.").arg(name(), m_sheets.at(index).name));
    // A first pass over the bytes: the merged ranges (after the rows in the XML), and the
    // part's size and checksum checked before a row is given.
    XlsxPart &part = d->part;
    if (!part.open(d->zip, partName, m_options.maxPartBytes))
        return fail(part.message(name()));
    QByteArray bytes, chunk;
    qsizetype pos = 0;
    while (part.readChunk(chunk)) {
        bytes = bytes.mid(pos) + chunk;
        pos = scanMergeTags(bytes, 0, d->merges);
    }
    if (part.failed())
        return fail(part.message(name()));
    m_size = part.bytes();
    // Then the rows.
    if (!part.open(d->zip, partName, m_options.maxPartBytes))
        return fail(part.message(name()));
    d->selected = true;
    return true;
}

bool XlsxReader::next(CsvRecord &record)
{
    record = CsvRecord{};
    if (!d || !d->selected || d->done || !m_error.isEmpty())
        return false;
    XlsxPart &part = d->part;
    QXmlStreamReader &x = part.xml();
    const qsizetype max = m_options.maxCellChars;
    const QString file = name();
    auto stop = [&](const QString &message) {
        m_error = message;
        d->done = true;
        part.close();
        return false;
    };

    qint64 row = 0;
    QStringList &fields = record.fields;
    // The cell being read.
    bool inCell = false, collect = false;
    int phonetic = 0;
    int column = -1, nextColumn = 0, style = 0;
    enum class Type { Number, Shared, Bool, Text } type = Type::Number;
    QString text;
    qsizetype length = 0;
    auto cellRef = [&]() -> QString { return columnName(std::min(column, kMaxColumns)) + QString::number(row); };

    for (;;) {
        const QXmlStreamReader::TokenType t = part.next();
        m_bytesRead = std::min(part.bytes(), m_size);
        if (t == QXmlStreamReader::Invalid) {
            if (part.failed())
                return stop(part.message(file));
            d->done = true; // the end of the document
            m_bytesRead = m_size;
            return false;
        }
        if (t == QXmlStreamReader::Characters) {
            if (collect) {
                const QStringView s = x.text();
                length += s.size();
                if (text.size() < max)
                    text += s.left(max - text.size());
            }
            continue;
        }
        const QStringView element = x.name();
        if (t == QXmlStreamReader::StartElement) {
            if (!d->inSheetData) {
                d->inSheetData = element == u"sheetData";
            } else if (element == u"row") {
                const QStringView r = attr(x, QLatin1StringView("r"));
                bool ok = true;
                row = r.isEmpty() ? d->lastRow + 1 : r.toLongLong(&ok);
                if (!ok || row < 1)
                    return stop(tr("%1 is damaged: the sheet has a row numbered \"%2\".").arg(file, r.toString()));
                if (row > kMaxRows)
                    return stop(tr("%1 is damaged: row %2 is past Excel's last row (%3).")
                                    .arg(file, QString::number(row), QString::number(kMaxRows)));
                if (row <= d->lastRow)
                    return stop(tr("%1 is damaged: row %2 comes after row %3 (rows out of order).")
                                    .arg(file, QString::number(row), QString::number(d->lastRow)));
                d->lastRow = row;
                fields.clear();
                record.error.clear();
                record.longField = -1;
                record.longLength = 0;
                nextColumn = 0;
            } else if (element == u"c") {
                if (row == 0) // a cell outside a row
                    return stop(tr("%1 is damaged: the sheet has a cell outside a row.").arg(file));
                const QStringView r = attr(x, QLatin1StringView("r"));
                qint64 cellRow = 0;
                if (r.isEmpty()) {
                    column = nextColumn;
                } else if (!parseCellRef(r, &column, &cellRow)) {
                    return stop(
                        tr("%1 is damaged: \"%2\" in row %3 is not a cell reference.").arg(file, r.toString(), QString::number(row)));
                }
                if (column >= kMaxColumns)
                    return stop(
                        tr("%1 is damaged: cell %2 is past Excel's last column (XFD).").arg(file, r.isEmpty() ? cellRef() : r.toString()));
                if (column < nextColumn)
                    return stop(tr("%1 is damaged: cell %2 comes after a cell to its right (cells out of order).").arg(file, cellRef()));
                const QStringView kind = attr(x, QLatin1StringView("t"));
                type = kind.isEmpty() || kind == u"n" ? Type::Number : kind == u"s" ? Type::Shared : kind == u"b" ? Type::Bool : Type::Text;
                style = attr(x, QLatin1StringView("s")).toInt();
                inCell = true;
                phonetic = 0;
                text.clear();
                length = 0;
            } else if (inCell) {
                if (element == u"rPh")
                    ++phonetic;
                collect = (element == u"v" || element == u"t") && phonetic == 0;
            }
            continue;
        }
        if (t != QXmlStreamReader::EndElement || !d->inSheetData)
            continue;
        if (element == u"v" || element == u"t") {
            collect = false;
        } else if (element == u"rPh") {
            phonetic = std::max(0, phonetic - 1);
        } else if (element == u"c" && inCell) {
            inCell = collect = false;
            nextColumn = column + 1;
            QString value;
            qsizetype whole = length;
            if (type == Type::Shared) {
                bool ok = false;
                const qsizetype index = text.trimmed().toLongLong(&ok);
                if (ok && index >= 0 && index < m_starts.size() - 1) {
                    value = sharedString(index);
                    whole = m_longStrings.value(index, value.size());
                } else if (!text.isEmpty() && record.error.isEmpty()) {
                    record.error
                        = tr("cell %1 refers to shared string %2, which the workbook does not have").arg(cellRef(), text.trimmed());
                }
            } else if (type == Type::Bool) {
                value = text == u"1" ? QStringLiteral("TRUE") : text == u"0" ? QStringLiteral("FALSE") : text.toUpper();
            } else if (type == Type::Number) {
                value = numberText(text, style);
            } else { // inlineStr, str (a formula's text), e (an error), d (ISO date text)
                value = text;
                unescape(value);
                if (length <= max)
                    whole = value.size();
            }
            if (value.size() > max) { // a date or TRUE/FALSE under a tiny limit
                whole = std::max(whole, value.size());
                value.truncate(max);
            }
            if (!value.isEmpty()) {
                while (fields.size() < column)
                    fields << QString();
                if (whole > max && record.longField < 0) {
                    record.longField = column;
                    record.longLength = whole;
                }
                fields << value;
            }
        } else if (element == u"row") {
            if (fields.isEmpty() && record.error.isEmpty())
                continue; // an empty row (formats only) is skipped
            if (!d->headerSeen) {
                // The header: a range merged over several columns names each of them.
                d->headerSeen = true;
                for (const Merge &m : std::as_const(d->merges)) {
                    if (m.top != row || m.left >= fields.size() || fields.at(m.left).isEmpty())
                        continue;
                    const QString v = fields.at(m.left);
                    while (fields.size() <= m.right)
                        fields << QString();
                    for (int c = m.left + 1; c <= m.right; ++c)
                        fields[c] = v;
                }
            }
            record.line = record.lastLine = row;
            if (record.longField >= 0 && record.error.isEmpty())
                record.error = tr("a cell is longer than %n character(s)", nullptr, int(std::min<qsizetype>(max, INT_MAX)));
            return true;
        } else if (element == u"sheetData") {
            d->done = true; // what follows (merged cells, print settings) was read in selectSheet
            m_bytesRead = m_size;
            part.close();
            return false;
        }
    }
}

} // namespace cockpit::io
