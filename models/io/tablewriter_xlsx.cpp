// The XLSX half of tablewriter.h: libxlsxwriter in constant_memory mode.
#include "io/tablewriter.h"
#include "io/tablewriter_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRandomGenerator>

#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <limits>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <locale.h>
#endif

namespace cockpit::io {

using namespace detail;

namespace {

constexpr qsizetype kWidthSampleRows = 100; // XLSX column widths look at the header and these
constexpr qint64 kExcelMaxExactInteger = 999'999'999'999'999; // 15 significant digits
constexpr qint64 kJulianDay18991230 = 2415019; // Excel's day 0 (with its 1900 leap-day bug)

// Excel's serial day number, for the dates a sheet can show (1900-01-01 to 9999-12-31).
std::optional<double> excelDate(QDate date)
{
    if (date < QDate(1900, 1, 1) || date > QDate(9999, 12, 31))
        return std::nullopt;
    qint64 serial = date.toJulianDay() - kJulianDay18991230;
    if (date < QDate(1900, 3, 1))
        --serial; // Excel counts a 1900-02-29 that never was; day 1 is 1900-01-01
    return double(serial);
}

// The width of text in Excel's character units (of its longest line): wide characters count double.
int displayWidth(QStringView text)
{
    int width = 0, line = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        if (c == u'\n') {
            line = 0;
            continue;
        }
        line += isWide(c) ? 2 : 1;
        width = std::max(width, line);
    }
    return width;
}

// A new, empty file in the target's folder that becomes the target by rename(), or is removed.
class TempFile
{
public:
    explicit TempFile(const QString &target) : m_target(target)
    {
        const QFileInfo info(target);
        const QString folder = info.absolutePath();
        for (int attempt = 0; attempt < 100 && m_path.isEmpty(); ++attempt) {
            const QString name = QStringLiteral("%1/.%2.%3.tmp")
                                     .arg(folder, info.fileName())
                                     .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
            QFile file(name);
            // NewOnly: created with the umask's permissions, never over an existing file.
            if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
                m_path = name;
            } else {
                m_error = TableWriter::tr("%1 cannot be written: %2").arg(shown(target), file.errorString());
                if (!file.exists())
                    break; // not a name clash
            }
        }
    }
    ~TempFile()
    {
        if (!m_path.isEmpty())
            QFile::remove(m_path);
    }
    Q_DISABLE_COPY_MOVE(TempFile)

    QString path() const { return m_path; }
    QString error() const { return m_error; } // when path() is empty

    // Replaces the target (keeping an existing target's permissions, as QSaveFile does).
    bool commit(QString *error)
    {
        if (QFile::exists(m_target))
            QFile::setPermissions(m_path, QFile::permissions(m_target));
#ifdef Q_OS_WIN
        const bool ok = MoveFileExW(reinterpret_cast<const wchar_t *>(QDir::toNativeSeparators(m_path).utf16()),
                                    reinterpret_cast<const wchar_t *>(QDir::toNativeSeparators(m_target).utf16()),
                                    MOVEFILE_REPLACE_EXISTING);
        const int code = EACCES;
#else
        const bool ok = std::rename(QFile::encodeName(m_path).constData(), QFile::encodeName(m_target).constData()) == 0;
        const int code = errno;
#endif
        if (!ok) {
            *error = systemError(m_target, code);
            return false;
        }
        m_path.clear();
        return true;
    }

private:
    QString m_target, m_path, m_error;
};

// The target a symbolic link points to (QSaveFile writes through links too).
QString resolvedTarget(const QString &path)
{
    const QFileInfo info(path);
    return info.isSymLink() ? info.symLinkTarget() : info.absoluteFilePath();
}

// libxlsxwriter prints doubles with "%.16G", which follows LC_NUMERIC, and QCoreApplication sets
// the user's locale: under a German one it would write "12000,5" and a broken sheet. This
// thread uses the C locale's numbers meanwhile (the CRT on Windows is left in "C" by Qt).
class CNumbers
{
public:
#ifndef Q_OS_WIN
    CNumbers() : m_locale(newlocale(LC_NUMERIC_MASK, "C", duplocale(LC_GLOBAL_LOCALE)))
    {
        if (m_locale)
            m_previous = uselocale(m_locale);
    }
    ~CNumbers()
    {
        if (m_locale) {
            uselocale(m_previous);
            freelocale(m_locale);
        }
    }

private:
    locale_t m_locale;
    locale_t m_previous = nullptr;
#endif
    Q_DISABLE_COPY_MOVE(CNumbers)
};

// A workbook being written with constant_memory (rows in order, one row held at a time); it is
// freed without writing anything unless close() is called.
class Workbook
{
public:
    Workbook(const QString &file, const QString &tmpdir)
    {
        const QByteArray name = QFile::encodeName(file);
        QByteArray dir = QFile::encodeName(tmpdir);
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        // Its temporary files (unlinked at once) go beside the target, on the same disk: when
        // that disk is full the workbook's own writing fails too, not only the library's rows,
        // whose write errors libxlsxwriter does not check.
        options.tmpdir = dir.data();
        m_book = workbook_new_opt(name.constData(), &options);
    }
    ~Workbook() { abandon(); }
    Q_DISABLE_COPY_MOVE(Workbook)

    lxw_workbook *book() const { return m_book; }
    lxw_worksheet *addSheet(const QString &name)
    {
        m_sheet = workbook_add_worksheet(m_book, name.toUtf8().constData());
        return m_sheet;
    }
    // The rows written so far reached the disk (the last row is written by close()).
    bool rowsFlushed() const
    {
        return m_sheet && m_sheet->optimize_tmpfile && std::fflush(m_sheet->optimize_tmpfile) == 0
               && !std::ferror(m_sheet->optimize_tmpfile);
    }
    lxw_error close()
    {
        m_sheet = nullptr;
        return workbook_close(std::exchange(m_book, nullptr));
    }
    lxw_format *format(const QString &numberFormat, bool bold = false)
    {
        const QString key = numberFormat + (bold ? u'b' : u'-');
        if (lxw_format *f = m_formats.value(key))
            return f;
        lxw_format *f = workbook_add_format(m_book);
        if (f && !numberFormat.isEmpty())
            format_set_num_format(f, numberFormat.toUtf8().constData());
        if (f && bold)
            format_set_bold(f);
        m_formats.insert(key, f);
        return f;
    }

private:
    void abandon()
    {
        if (!m_book)
            return;
        // lxw_workbook_free() leaves constant_memory's row file open.
        if (m_sheet && m_sheet->optimize_tmpfile) {
            std::fclose(m_sheet->optimize_tmpfile);
            m_sheet->optimize_tmpfile = nullptr;
            m_sheet->file = nullptr;
        }
        lxw_workbook_free(m_book);
        m_book = nullptr;
    }

    lxw_workbook *m_book = nullptr;
    lxw_worksheet *m_sheet = nullptr;
    QHash<QString, lxw_format *> m_formats;
};

QString decimalsFormat(const char *integer, int decimals)
{
    const int d = clampDecimals(decimals);
    return QLatin1String(integer) + (d > 0 ? u'.' + QString(d, u'0') : QString());
}

QString numberFormat(const ExportColumn &column)
{
    const char *integer = column.groupDigits ? "#,##0" : "0";
    switch (column.kind) {
    case CellKind::Text: return {};
    case CellKind::Integer: return QLatin1String(integer);
    case CellKind::Decimal: return decimalsFormat(integer, column.decimals);
    case CellKind::Money: return QStringLiteral("#,##0.00");
    case CellKind::Percent: return decimalsFormat("0", column.decimals) + u'%';
    case CellKind::Date: return QStringLiteral("yyyy-mm-dd");
    case CellKind::DateTime: return QStringLiteral("yyyy-mm-dd hh:mm");
    }
    return {};
}

// Excel reads "_x0041_" in a cell's text as the character U+0041; "_x005F_" keeps it literal.
QString escapeExcelCodes(const QString &text)
{
    qsizetype at = text.indexOf(QLatin1String("_x"));
    if (at < 0)
        return text;
    QString out;
    qsizetype from = 0;
    for (; at >= 0; at = text.indexOf(QLatin1String("_x"), at + 2)) {
        if (at + 6 >= text.size() || text[at + 6] != u'_')
            continue;
        const QStringView hex = QStringView(text).mid(at + 2, 4);
        if (!std::all_of(hex.begin(), hex.end(), [](QChar c) {
                return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
            }))
            continue;
        out += QStringView(text).mid(from, at - from) + QLatin1String("_x005F");
        from = at;
    }
    return out + QStringView(text).mid(from);
}

struct SheetWriter
{
    lxw_worksheet *sheet;
    const ExportTable &table;
    const QTimeZone zone;
    ExportResult &result;
    QList<lxw_format *> formats; // per column
    QList<int> widths;           // per column, in characters
    QLocale english{QLocale::English};
    bool measure = true;         // while sampling widths
    qsizetype firstCutRow = 0, firstCutColumn = 0;

    void fit(qsizetype column, int width)
    {
        if (measure)
            widths[column] = std::max(widths[column], width);
    }

    // `text` already through the guard.
    lxw_error writeText(lxw_row_t row, lxw_col_t column, QString text, lxw_format *format = nullptr)
    {
        for (QChar &c : text)
            if (c.unicode() >= 0xFFFE) // not allowed in XML
                c = QChar(QChar::ReplacementCharacter);
        if (measure)
            fit(column, displayWidth(QStringView(text).left(200)));
        text = escapeExcelCodes(text);
        if (text.size() > TableWriter::kXlsxMaxCellChars) {
            text.truncate(TableWriter::kXlsxMaxCellChars);
            if (text.back().isHighSurrogate())
                text.chop(1);
            if (result.cutCells++ == 0) {
                firstCutRow = qsizetype(row) + 1; // as Excel numbers rows
                firstCutColumn = column;
            }
        }
        return worksheet_write_string(sheet, row, column, text.toUtf8().constData(), format);
    }

    lxw_error writeNumber(lxw_row_t row, lxw_col_t column, double value, const QString &shown)
    {
        fit(column, int(shown.size()));
        return worksheet_write_number(sheet, row, column, value, formats.at(column));
    }

    lxw_error writeCell(lxw_row_t row, lxw_col_t c, const QVariant &v)
    {
        if (!v.isValid() || v.isNull())
            return LXW_NO_ERROR;
        const ExportColumn &column = table.columns.at(c);
        const int decimals = clampDecimals(column.decimals);
        switch (column.kind) {
        case CellKind::Text:
            break;
        case CellKind::Integer:
            if (const auto n = toInt64(v)) {
                if (*n > kExcelMaxExactInteger || *n < -kExcelMaxExactInteger)
                    return writeText(row, c, QString::number(*n)); // a double would lose digits
                return writeNumber(row, c, double(*n),
                                   !measure ? QString() : column.groupDigits ? english.toString(*n) : QString::number(*n));
            }
            break;
        case CellKind::Money:
            if (const auto n = toInt64(v))
                return writeNumber(row, c, double(*n) / 100.0, measure ? english.toString(double(*n) / 100.0, 'f', 2) : QString());
            break;
        case CellKind::Decimal:
        case CellKind::Percent:
            if (const auto d = toDouble(v)) {
                if (!std::isfinite(*d))
                    return LXW_NO_ERROR;
                const bool percent = column.kind == CellKind::Percent;
                return writeNumber(row, c, *d,
                                   measure ? english.toString(percent ? *d * 100 : *d, 'f', decimals) + (percent ? QLatin1String("%") : QLatin1String())
                                           : QString());
            }
            break;
        case CellKind::Date:
            if (const auto d = toDate(v, zone)) {
                if (const auto serial = excelDate(*d))
                    return writeNumber(row, c, *serial, QStringLiteral("yyyy-mm-dd"));
                return writeText(row, c, d->toString(Qt::ISODate)); // before 1900: Excel has no such day
            }
            break;
        case CellKind::DateTime:
            if (const auto t = toDateTime(v, zone)) {
                if (const auto serial = excelDate(t->date()))
                    return writeNumber(row, c, *serial + t->time().msecsSinceStartOfDay() / 86400000.0,
                                       QStringLiteral("yyyy-mm-dd hh:mm"));
                return writeText(row, c, t->toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
            }
            break;
        }
        return writeText(row, c, textCell(v));
    }
};

QString xlsxError(const QString &path, lxw_error error, int code)
{
    switch (error) {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
        if (code != 0)
            return systemError(path, code);
        break;
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
        return TableWriter::tr("%1 cannot be written: there is not enough memory.").arg(shown(path));
    default:
        break;
    }
    return TableWriter::tr("%1 cannot be written: %2").arg(shown(path), QString::fromUtf8(lxw_strerror(error)));
}

} // namespace

ExportResult TableWriter::writeXlsx(const QString &path, const ExportTable &table, const RowSource &rows,
                                    const ExportOptions &options)
{
    ExportResult result;
    if (!checkTarget(path, table, &result.error))
        return result;
    const qsizetype columns = table.columns.size();
    if (columns > kXlsxMaxColumns) {
        result.error = tr("%1 cannot be written: the table has more than Excel's 16 384 columns. Export to CSV instead.")
                           .arg(shown(path));
        return result;
    }
    const QString tooManyRows =
        tr("%1 cannot be written: the table has more than Excel's 1 048 576 rows. Export to CSV instead.").arg(shown(path));
    if (options.totalRows > kXlsxMaxRows - 1) { // refused before anything is written
        result.error = tooManyRows;
        return result;
    }

    const QString target = resolvedTarget(path);
    TempFile temp(target);
    if (temp.path().isEmpty()) {
        result.error = temp.error();
        return result;
    }
    const CNumbers cNumbers;
    Workbook book(temp.path(), QFileInfo(target).absolutePath());
    lxw_worksheet *sheet = book.book() ? book.addSheet(sanitiseSheetName(options.sheetName.isEmpty() ? table.title : options.sheetName))
                                       : nullptr;
    if (!sheet) {
        result.error = xlsxError(path, LXW_ERROR_CREATING_TMPFILE, errno);
        return result;
    }
    if (!table.title.isEmpty()) {
        QByteArray title = table.title.toUtf8();
        lxw_doc_properties properties{};
        properties.title = title.data();
        workbook_set_properties(book.book(), &properties);
    }

    SheetWriter writer{sheet, table, exportZone(options), result, {}, {}};
    lxw_format *bold = book.format({}, true);
    lxw_error error = LXW_NO_ERROR;
    for (qsizetype c = 0; c < columns; ++c) {
        writer.formats << book.format(numberFormat(table.columns.at(c)));
        writer.widths << 0;
        const QString header = neutraliseFormula(headerText(table.columns.at(c)));
        if (!error)
            error = writer.writeText(0, lxw_col_t(c), header, bold);
        writer.widths[c] += 2; // the filter button
    }
    worksheet_freeze_panes(sheet, 1, 0);

    qsizetype n = 0;
    bool tooMany = false;
    const RowsEnd end = error ? RowsEnd::Stopped : forEachRow(rows, options, &n, [&](qsizetype row, const QVariantList &cells) {
        if ((tooMany = row + 1 >= kXlsxMaxRows))
            return false;
        writer.measure = row < kWidthSampleRows;
        const qsizetype count = std::min(columns, cells.size());
        for (qsizetype c = 0; c < count && !error; ++c)
            error = writer.writeCell(lxw_row_t(row + 1), lxw_col_t(c), cells.at(c));
        return !error;
    });
    auto fail = [&](const QString &message) {
        result = {};
        result.error = message;
        return result;
    };
    if (end == RowsEnd::Stopped)
        return fail(tooMany ? tooManyRows : xlsxError(path, error, 0));
    if (end == RowsEnd::Cancelled) {
        result = {};
        result.cancelled = true;
        return result;
    }
    worksheet_autofilter(sheet, 0, 0, lxw_row_t(n), lxw_col_t(columns - 1));
    for (qsizetype c = 0; c < columns; ++c)
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), qBound(8, writer.widths.at(c) + 2, 60), nullptr);

    if (!book.rowsFlushed())
        return fail(xlsxError(path, LXW_ERROR_CREATING_TMPFILE, errno));
    errno = 0;
    error = book.close();
    if (error != LXW_NO_ERROR)
        return fail(xlsxError(path, error, errno));
    QString renameError;
    if (!temp.commit(&renameError))
        return fail(renameError);
    result.ok = true;
    result.rows = n;
    if (result.cutCells > 0)
        result.warning = tr("Excel holds at most 32 767 characters in a cell: %n longer cell(s) were cut short, the first "
                            "in row %1, column “%2”. Export to CSV to keep them whole.",
                            nullptr, int(std::min<qsizetype>(result.cutCells, std::numeric_limits<int>::max())))
                             .arg(writer.firstCutRow)
                             .arg(headerText(table.columns.at(writer.firstCutColumn)));
    return result;
}

} // namespace cockpit::io
