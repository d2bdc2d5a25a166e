#pragma once
// Reading back an XLSX file a test wrote (tst_tablewriter): one worksheet's cells, pane,
// autofilter and column widths, and the number format and boldness of each cell style, with
// libzip and QXmlStreamReader. Enough to check what a writer wrote, not a reader of workbooks.
#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QList>
#include <QString>
#include <QXmlStreamReader>

#include <zip.h>

namespace xlsxreadback {

// One file of the archive, or empty.
inline QByteArray zipEntry(const QString &path, const char *name)
{
    int error = 0;
    zip_t *zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &error);
    if (!zip)
        return {};
    QByteArray out;
    zip_stat_t st;
    if (zip_stat(zip, name, 0, &st) == 0) {
        if (zip_file_t *f = zip_fopen(zip, name, 0)) {
            out.resize(qsizetype(st.size));
            if (zip_fread(f, out.data(), st.size) != zip_int64_t(st.size))
                out.clear();
            zip_fclose(f);
        }
    }
    zip_close(zip);
    return out;
}

struct XCell
{
    QString type, style, value, text;
    bool formula = false;
};

struct XSheet
{
    QHash<QString, XCell> cells;
    QHash<QString, QString> pane; // attributes
    QString autoFilter;
    QList<double> widths; // per column
    bool formula = false; // any <f> anywhere
    QString xmlError;
};

inline XSheet parseSheet(const QByteArray &xml)
{
    XSheet sheet;
    QXmlStreamReader r(xml);
    QString ref;
    while (!r.atEnd()) {
        if (r.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = r.name();
        const auto a = r.attributes();
        if (name == u"c") {
            ref = a.value(QLatin1String("r")).toString();
            sheet.cells[ref].type = a.value(QLatin1String("t")).toString();
            sheet.cells[ref].style = a.value(QLatin1String("s")).toString();
        } else if (name == u"v") {
            sheet.cells[ref].value = r.readElementText();
        } else if (name == u"t") {
            sheet.cells[ref].text += r.readElementText();
        } else if (name == u"f") {
            sheet.formula = true;
            sheet.cells[ref].formula = true;
        } else if (name == u"pane") {
            for (const auto &attribute : a)
                sheet.pane.insert(attribute.name().toString(), attribute.value().toString());
        } else if (name == u"autoFilter") {
            sheet.autoFilter = a.value(QLatin1String("ref")).toString();
        } else if (name == u"col") {
            sheet.widths << a.value(QLatin1String("width")).toDouble();
        }
    }
    if (r.hasError())
        sheet.xmlError = r.errorString();
    return sheet;
}

struct XStyle
{
    QString numberFormat;
    bool bold = false;
};

// cellXfs by index, with their number format code and whether their font is bold.
inline QList<XStyle> parseStyles(const QByteArray &xml)
{
    QHash<int, QString> formats{{0, QStringLiteral("General")}, {1, QStringLiteral("0")}, {2, QStringLiteral("0.00")},
                                {3, QStringLiteral("#,##0")}, {4, QStringLiteral("#,##0.00")}, {9, QStringLiteral("0%")},
                                {10, QStringLiteral("0.00%")}};
    QList<bool> fonts;
    QList<XStyle> styles;
    QXmlStreamReader r(xml);
    bool inCellXfs = false;
    while (!r.atEnd()) {
        const auto token = r.readNext();
        if (token == QXmlStreamReader::EndElement && r.name() == u"cellXfs")
            inCellXfs = false;
        if (token != QXmlStreamReader::StartElement)
            continue;
        const auto a = r.attributes();
        if (r.name() == u"numFmt")
            formats.insert(a.value(QLatin1String("numFmtId")).toInt(), a.value(QLatin1String("formatCode")).toString());
        else if (r.name() == u"font")
            fonts << false;
        else if (r.name() == u"b" && !fonts.isEmpty())
            fonts.back() = true;
        else if (r.name() == u"cellXfs")
            inCellXfs = true;
        else if (r.name() == u"xf" && inCellXfs)
            styles << XStyle{formats.value(a.value(QLatin1String("numFmtId")).toInt()), fonts.value(a.value(QLatin1String("fontId")).toInt())};
    }
    return styles;
}

struct Workbook
{
    XSheet sheet;
    QList<XStyle> styles;
    QByteArray workbookXml, coreXml, sharedStrings;

    XStyle style(const QString &ref) const { return styles.value(sheet.cells.value(ref).style.toInt()); }
};

inline Workbook readWorkbook(const QString &path)
{
    Workbook w;
    w.sheet = parseSheet(zipEntry(path, "xl/worksheets/sheet1.xml"));
    w.styles = parseStyles(zipEntry(path, "xl/styles.xml"));
    w.workbookXml = zipEntry(path, "xl/workbook.xml");
    w.coreXml = zipEntry(path, "docProps/core.xml");
    w.sharedStrings = zipEntry(path, "xl/sharedStrings.xml");
    return w;
}

} // namespace xlsxreadback
