#include "io/tablewriter.h"
#include "io/tablewriter_p.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringEncoder>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>

namespace cockpit::io {

namespace {

bool isNumber(int type)
{
    return type == QMetaType::Int || type == QMetaType::UInt || type == QMetaType::Long || type == QMetaType::ULong
           || type == QMetaType::LongLong || type == QMetaType::ULongLong || type == QMetaType::Short
           || type == QMetaType::UShort || type == QMetaType::Double || type == QMetaType::Float;
}

} // namespace

namespace detail {

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// A number of any C++ type, or text holding one (NaN and infinity too: written as empty cells).
std::optional<double> toDouble(const QVariant &v)
{
    bool ok = false;
    const double d = v.typeId() == QMetaType::QString ? v.toString().trimmed().toDouble(&ok)
                     : isNumber(v.typeId())           ? v.toDouble(&ok)
                                                      : 0;
    return ok ? std::optional<double>(d) : std::nullopt;
}

// A whole number (a fraction rounded), when it fits in 64 bits.
std::optional<qint64> toInt64(const QVariant &v)
{
    const int type = v.typeId();
    if (type == QMetaType::Double || type == QMetaType::Float) {
        const double d = v.toDouble();
        return std::isfinite(d) && std::abs(d) < 9.2e18 ? std::optional<qint64>(qRound64(d)) : std::nullopt;
    }
    if ((type == QMetaType::ULong || type == QMetaType::ULongLong) && v.toULongLong() > quint64(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    bool ok = false;
    const qint64 n = type == QMetaType::QString ? v.toString().trimmed().toLongLong(&ok) : isNumber(type) ? v.toLongLong(&ok) : 0;
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

QTimeZone exportZone(const ExportOptions &options)
{
    return options.timeZone.isValid() ? options.timeZone : QTimeZone::systemTimeZone();
}

std::optional<QDateTime> toDateTime(const QVariant &v, const QTimeZone &zone)
{
    if (v.typeId() != QMetaType::QDateTime)
        return std::nullopt;
    QDateTime t = v.toDateTime();
    if (!t.isValid())
        return std::nullopt;
    t = zone.isValid() ? t.toTimeZone(zone) : t.toLocalTime();
    const QTime time = t.time();
    return QDateTime(t.date(), QTime(time.hour(), time.minute(), time.second()));
}

// A QDate, or the day of a QDateTime in `zone`.
std::optional<QDate> toDate(const QVariant &v, const QTimeZone &zone)
{
    if (v.typeId() == QMetaType::QDateTime) {
        if (const auto t = toDateTime(v, zone))
            return t->date();
        return std::nullopt;
    }
    if (v.typeId() != QMetaType::QDate || !v.toDate().isValid())
        return std::nullopt;
    return v.toDate();
}

QString textCell(const QVariant &v)
{
    QString s = v.toString();
    if (s.contains(QChar(0)))
        s.remove(QChar(0)); // NUL bytes would make the file "binary" to readers (ours too)
    return TableWriter::neutraliseFormula(s);
}

int clampDecimals(int decimals)
{
    return qBound(0, decimals, 15);
}

bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
           || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
           || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
           || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
           || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

// Whether `path` can become the export of `table`; false with a message naming it when not.
bool checkTarget(const QString &path, const ExportTable &table, QString *error)
{
    if (path.isEmpty()) {
        *error = TableWriter::tr("No file name was given for the export.");
        return false;
    }
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    if (table.columns.isEmpty())
        *error = TableWriter::tr("%1 was not written: the table has no columns.").arg(shown(path));
    else if (info.isDir())
        *error = TableWriter::tr("%1 is a folder. Choose a file name for the export.").arg(shown(path));
    else if (!folder.isDir())
        *error = TableWriter::tr("%1 cannot be written: the folder %2 does not exist.").arg(shown(path), shown(folder.filePath()));
    else if (!folder.isWritable())
        *error = TableWriter::tr("%1 cannot be written: the folder %2 is not writable. Choose another folder.")
                     .arg(shown(path), shown(folder.filePath()));
    else if (info.exists() && !info.isFile())
        *error = TableWriter::tr("%1 is not a regular file and cannot be replaced.").arg(shown(path));
    else if (info.exists() && !info.isWritable())
        *error = TableWriter::tr("%1 is read-only and cannot be replaced.").arg(shown(path));
    else
        return true;
    return false;
}

QString diskFull(const QString &path)
{
    return TableWriter::tr("%1 cannot be written: the disk is full.").arg(shown(path));
}

QString systemError(const QString &path, int error)
{
    if (error == ENOSPC
#ifdef EDQUOT
        || error == EDQUOT
#endif
    )
        return diskFull(path);
    if (error == EACCES || error == EPERM || error == EROFS)
        return TableWriter::tr("%1 cannot be written: the folder is not writable. Choose another folder.").arg(shown(path));
    return TableWriter::tr("%1 cannot be written: %2").arg(shown(path), QString::fromLocal8Bit(std::strerror(error)));
}

} // namespace detail

using namespace detail;

namespace {

// Fixed-point text, with no "-0.00".
QString fixedText(double value, int decimals)
{
    QString s = QString::number(value, 'f', decimals);
    if (s.startsWith(u'-') && std::all_of(s.cbegin() + 1, s.cend(), [](QChar c) { return c == u'0' || c == u'.'; }))
        s.remove(0, 1);
    return s;
}

QString moneyText(qint64 cents)
{
    const bool negative = cents < 0;
    const quint64 a = negative ? 0 - quint64(cents) : quint64(cents);
    const QString s = QString::number(a / 100) + u'.' + QString::number(a % 100).rightJustified(2, u'0');
    return negative ? u'-' + s : s;
}

void appendCsvField(QString &line, const QString &field, QChar delimiter)
{
    bool quote = !field.isEmpty() && (field.front() == u' ' || field.back() == u' ' || field.front() == u'\t' || field.back() == u'\t');
    for (qsizetype i = 0; !quote && i < field.size(); ++i) {
        const QChar c = field[i];
        quote = c == delimiter || c == u'"' || c == u'\n' || c == u'\r';
    }
    if (!quote) {
        line += field;
        return;
    }
    line += u'"';
    for (QChar c : field) {
        if (c == u'"')
            line += u'"';
        line += c;
    }
    line += u'"';
}

QString csvCell(const QVariant &v, const ExportColumn &column, const QTimeZone &zone)
{
    if (!v.isValid() || v.isNull())
        return {};
    switch (column.kind) {
    case CellKind::Text:
        break;
    case CellKind::Integer:
        if (const auto n = toInt64(v))
            return QString::number(*n);
        break;
    case CellKind::Money:
        if (const auto n = toInt64(v))
            return moneyText(*n);
        break;
    case CellKind::Decimal:
    case CellKind::Percent:
        if (const auto d = toDouble(v)) {
            if (!std::isfinite(*d))
                return {};
            return fixedText(column.kind == CellKind::Percent ? *d * 100 : *d, clampDecimals(column.decimals));
        }
        break;
    case CellKind::Date:
        if (const auto d = toDate(v, zone))
            return d->toString(Qt::ISODate);
        break;
    case CellKind::DateTime:
        if (const auto t = toDateTime(v, zone))
            return t->toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        break;
    }
    return textCell(v);
}

QStringEncoder csvEncoder(const ExportOptions &options)
{
    const bool bom = options.byteOrderMark && options.encoding != TextEncoding::Gb18030;
    const auto flags = bom ? QStringEncoder::Flag::WriteBom : QStringEncoder::Flag::Default;
    switch (options.encoding) {
    case TextEncoding::Utf8: return QStringEncoder(QStringEncoder::Utf8, flags);
    case TextEncoding::Utf16LE: return QStringEncoder(QStringEncoder::Utf16LE, flags);
    case TextEncoding::Utf16BE: return QStringEncoder(QStringEncoder::Utf16BE, flags);
    case TextEncoding::Gb18030: return QStringEncoder("GB18030", flags);
    }
    return QStringEncoder(QStringEncoder::Utf8, flags);
}

} // namespace

QString TableWriter::neutraliseFormula(const QString &text)
{
    if (text.isEmpty())
        return text;
    if (text.front() == u'\t' || text.front() == u'\r')
        return QLatin1Char('\'') + text;
    for (QChar c : text) {
        if (c.isSpace())
            continue;
        switch (c.unicode()) {
        case u'=':
        case u'+':
        case u'-':
        case u'@':
        case 0xFF1D: // ＝
        case 0xFF0B: // ＋
        case 0xFF0D: // －
        case 0xFF20: // ＠
            return QLatin1Char('\'') + text;
        default:
            return text;
        }
    }
    return text;
}

QString TableWriter::sanitiseSheetName(const QString &name, const QStringList &taken)
{
    QString s = name.simplified();
    for (QChar &c : s)
        if (c.unicode() < 0x20 || QStringView(u"[]:*?/\\").contains(c))
            c = u'_';
    while (s.startsWith(u'\''))
        s.remove(0, 1);
    while (s.endsWith(u'\''))
        s.chop(1);
    if (s.isEmpty())
        s = QStringLiteral("Sheet1");
    if (s.compare(QLatin1String("History"), Qt::CaseInsensitive) == 0)
        s += u'_';
    // Cut to `max` characters without splitting a surrogate pair (or ending on an apostrophe).
    auto cut = [](QString text, qsizetype max) {
        if (text.size() > max) {
            text.truncate(max);
            if (text.back().isHighSurrogate())
                text.chop(1);
        }
        while (text.endsWith(u'\''))
            text.chop(1);
        return text;
    };
    s = cut(s, 31);
    auto used = [&](const QString &candidate) {
        return std::any_of(taken.cbegin(), taken.cend(),
                           [&](const QString &t) { return t.compare(candidate, Qt::CaseInsensitive) == 0; });
    };
    QString out = s;
    for (int n = 2; used(out); ++n) {
        const QString suffix = QStringLiteral(" (%1)").arg(n);
        out = cut(s, 31 - suffix.size()) + suffix;
    }
    return out;
}

QString TableWriter::headerText(const ExportColumn &column)
{
    if (column.unit.isEmpty())
        return column.header;
    if (!column.header.isEmpty() && isWide(column.header.back().unicode()))
        return column.header + u'（' + column.unit + u'）';
    return column.header.isEmpty() ? column.unit : column.header + QStringLiteral(" (") + column.unit + u')';
}

ExportResult TableWriter::writeCsv(const QString &path, const ExportTable &table, const RowSource &rows,
                                   const ExportOptions &options)
{
    ExportResult result;
    if (!checkTarget(path, table, &result.error))
        return result;
    QStringEncoder encoder = csvEncoder(options);
    if (!encoder.isValid()) {
        result.error = tr("This system cannot write %1 text.").arg(encodingName(options.encoding));
        return result;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = tr("%1 cannot be written: %2").arg(shown(path), file.errorString());
        return result;
    }
    const QChar delimiter = options.delimiter;
    const QLatin1String lineEnd(options.crlf ? "\r\n" : "\n");
    QByteArray out;
    out.reserve(1 << 20);
    QString line;
    auto encodeLine = [&] {
        const qsizetype used = out.size();
        out.resize(used + encoder.requiredSpace(line.size()));
        char *end = encoder.appendToBuffer(out.data() + used, line);
        out.resize(end - out.constData());
    };
    // QSaveFile::commit() forgets why a write failed: keep it.
    QFileDevice::FileError writeError = QFileDevice::NoError;
    QString writeErrorText;
    auto flush = [&] {
        // A short write says nothing; writing the rest gets the reason (ENOSPC, EFBIG…).
        qsizetype done = 0;
        for (qint64 n = 0; done < out.size(); done += n)
            if ((n = file.write(out.constData() + done, out.size() - done)) <= 0)
                break;
        const bool ok = done == out.size() && file.flush();
        if (!ok && writeError == QFileDevice::NoError) {
            writeError = file.error();
            writeErrorText = file.errorString();
        }
        out.clear();
        return ok;
    };

    for (qsizetype c = 0; c < table.columns.size(); ++c) {
        ExportColumn column = table.columns.at(c);
        if (column.kind == CellKind::Percent && column.unit.isEmpty())
            column.unit = QStringLiteral("%"); // the numbers are in percent: say so
        if (c > 0)
            line += delimiter;
        appendCsvField(line, neutraliseFormula(headerText(column)), delimiter);
    }
    line += lineEnd;
    encodeLine();

    const QTimeZone zone = exportZone(options);
    qsizetype n = 0;
    const RowsEnd end = forEachRow(rows, options, &n, [&](qsizetype, const QVariantList &cells) {
        line.clear();
        for (qsizetype c = 0; c < table.columns.size(); ++c) {
            if (c > 0)
                line += delimiter;
            if (c < cells.size())
                appendCsvField(line, csvCell(cells.at(c), table.columns.at(c), zone), delimiter);
        }
        line += lineEnd;
        encodeLine();
        return out.size() < (512 << 10) || flush();
    });
    if (end == RowsEnd::Cancelled) {
        result.cancelled = true;
        file.cancelWriting(); // QSaveFile removes its temporary file
        return result;
    }
    if (end == RowsEnd::Stopped || !flush() || !file.commit()) {
        if (writeError == QFileDevice::NoError) {
            writeError = file.error();
            writeErrorText = file.errorString();
        }
        result.error = writeError == QFileDevice::ResourceError ? diskFull(path)
                                                                : tr("%1 cannot be written: %2").arg(shown(path), writeErrorText);
        return result;
    }
    result.ok = true;
    result.rows = n;
    return result;
}

} // namespace cockpit::io
