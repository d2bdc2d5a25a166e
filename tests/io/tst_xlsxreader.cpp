// The XLSX reader of imports (io/xlsxreader.h). Every workbook is built here with libzip from
// XML written in this file, so each fixture can be read where it is used: cell types, shared
// and rich strings, dates in both systems, gaps, sheets and their parts, merged header cells,
// the files that are refused (zip bombs and lying headers among them), an oversized cell and a
// 100 000-row sheet; one workbook written by libxlsxwriter, as the exports write it.
#include "io/xlsxreader.h"

#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QtTest>

#include <xlsxwriter.h>
#include <zip.h>

using namespace cockpit::io;

namespace {

using Parts = QList<QPair<QString, QByteArray>>; // part name → bytes, in archive order

// A ZIP of the parts (deflated unless `stored` names them).
QByteArray zipParts(const Parts &parts, const QStringList &stored = {})
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *out = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(out);
    zip_t *za = zip_open_from_source(out, ZIP_TRUNCATE, &error);
    for (const auto &p : parts) {
        zip_source_t *s = zip_source_buffer(za, p.second.constData(), zip_uint64_t(p.second.size()), 0);
        const zip_int64_t i = zip_file_add(za, p.first.toUtf8().constData(), s, ZIP_FL_OVERWRITE);
        zip_set_file_compression(za, zip_uint64_t(i), stored.contains(p.first) ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
    }
    zip_close(za);
    QByteArray bytes;
    zip_stat_t st;
    if (zip_source_open(out) == 0 && zip_source_stat(out, &st) == 0) {
        bytes.resize(qsizetype(st.size));
        zip_source_read(out, bytes.data(), st.size);
        zip_source_close(out);
    }
    zip_source_free(out);
    zip_error_fini(&error);
    return bytes;
}

// Sets an entry's declared uncompressed size in its local header and the central directory.
void patchDeclaredSize(QByteArray &zip, const QByteArray &name, quint32 size)
{
    auto put = [&](qsizetype at) {
        for (int k = 0; k < 4; ++k)
            zip[at + k] = char((size >> (8 * k)) & 0xFF);
    };
    for (qsizetype i = 0; (i = zip.indexOf(name, i)) >= 0; i += name.size()) {
        if (i >= 30 && zip.mid(i - 30, 4) == "PK\x03\x04")
            put(i - 30 + 22);
        else if (i >= 46 && zip.mid(i - 46, 4) == "PK\x01\x02")
            put(i - 46 + 24);
    }
}

const QByteArray kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const QByteArray kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const QByteArray kXml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

QByteArray sheetXml(const QByteArray &rows, const QByteArray &after = {})
{
    return kXml + "<worksheet xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel + "\"><dimension ref=\"A1\"/><sheetData>" + rows + "</sheetData>"
           + after + "</worksheet>";
}

struct SheetSpec
{
    QByteArray name, state, target, part, xml; // target as the relationship gives it
};

// A workbook: content types, relationships, workbook, its sheets, and shared strings and
// styles when given.
Parts bookParts(const QList<SheetSpec> &sheets, const QByteArray &sst = {}, const QByteArray &styles = {}, bool date1904 = false)
{
    Parts parts;
    parts << qMakePair(QStringLiteral("[Content_Types].xml"),
                       kXml + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
    parts << qMakePair(QStringLiteral("_rels/.rels"),
                       kXml
                           + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                             "<Relationship Id=\"rId1\" Type=\""
                           + kRel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    QByteArray book = kXml + "<workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel + "\">";
    if (date1904)
        book += "<workbookPr date1904=\"1\"/>";
    book += "<sheets>";
    QByteArray rels = kXml + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (int i = 0; i < sheets.size(); ++i) {
        const SheetSpec &s = sheets[i];
        const QByteArray id = "rId" + QByteArray::number(i + 10);
        book += "<sheet name=\"" + s.name + "\" sheetId=\"" + QByteArray::number(i + 1) + "\""
                + (s.state.isEmpty() ? QByteArray() : " state=\"" + s.state + "\"") + " r:id=\"" + id + "\"/>";
        rels += "<Relationship Id=\"" + id + "\" Type=\"" + kRel + "/worksheet\" Target=\"" + s.target + "\"/>";
        if (!s.part.isEmpty())
            parts << qMakePair(QString::fromUtf8(s.part), s.xml);
    }
    book += "</sheets></workbook>";
    if (!sst.isEmpty()) {
        rels += "<Relationship Id=\"rId1\" Type=\"" + kRel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
        parts << qMakePair(QStringLiteral("xl/sharedStrings.xml"), kXml + "<sst xmlns=\"" + kMain + "\">" + sst + "</sst>");
    }
    if (!styles.isEmpty()) {
        rels += "<Relationship Id=\"rId2\" Type=\"" + kRel + "/styles\" Target=\"styles.xml\"/>";
        parts << qMakePair(QStringLiteral("xl/styles.xml"), kXml + "<styleSheet xmlns=\"" + kMain + "\">" + styles + "</styleSheet>");
    }
    rels += "</Relationships>";
    parts << qMakePair(QStringLiteral("xl/workbook.xml"), book) << qMakePair(QStringLiteral("xl/_rels/workbook.xml.rels"), rels);
    return parts;
}

Parts oneSheet(const QByteArray &rows, const QByteArray &sst = {}, const QByteArray &styles = {}, bool date1904 = false,
               const QByteArray &after = {})
{
    return bookParts({{"Sheet1", {}, "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", sheetXml(rows, after)}}, sst, styles, date1904);
}

// Every record of a sheet; *error gets the reader's error (open, select or read).
QList<CsvRecord> readSheet(const QByteArray &zip, int sheet = 0, const XlsxOptions &options = {}, QString *error = nullptr)
{
    XlsxReader r;
    QList<CsvRecord> out;
    if (r.openData(zip, options) && r.selectSheet(sheet)) {
        CsvRecord rec;
        while (r.next(rec))
            out << rec;
    }
    if (error)
        *error = r.error();
    else if (!r.error().isEmpty())
        qWarning() << r.error();
    return out;
}

const QByteArray kStrings = "<si><t>Alpha</t></si>"
                            "<si><r><rPr><b/></rPr><t>Bo</t></r><r><t>ld</t></r></si>"
                            "<si><t>\xE6\x9D\xB1\xE4\xBA\xAC</t><rPh sb=\"0\" eb=\"2\"><t>\xE3\x83\x88\xE3\x82\xA6</t></rPh>"
                            "<phoneticPr fontId=\"1\"/></si>"
                            "<si><t xml:space=\"preserve\">  padded  </t></si>"
                            "<si><t/></si>"
                            "<si><t>line_x000D_\ntwo</t></si>";

// cellXfs by index: 0 General, 1 date (14), 2 date and time (22), 3 yyyy/m/d, 4 0.00, 5 a quoted
// "d", 6 h:mm, 7 [Red]0.00, 8 built-in time (20), 9 a long date with a locale. The cellStyleXfs
// entry (a date) must not shift them.
const QByteArray kStyles = "<numFmts count=\"5\"><numFmt numFmtId=\"164\" formatCode=\"yyyy/m/d\"/>"
                           "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot; d&quot;\"/>"
                           "<numFmt numFmtId=\"166\" formatCode=\"h:mm\"/>"
                           "<numFmt numFmtId=\"167\" formatCode=\"[Red]0.00\"/>"
                           "<numFmt numFmtId=\"168\" formatCode=\"[$-F800]dddd\\, mmmm dd\\, yyyy\"/></numFmts>"
                           "<fonts count=\"1\"><font><sz val=\"11\"/></font></fonts>"
                           "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
                           "<cellXfs count=\"10\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
                           "<xf numFmtId=\"22\"/><xf numFmtId=\"164\"/><xf numFmtId=\"2\"/><xf numFmtId=\"165\"/>"
                           "<xf numFmtId=\"166\"/><xf numFmtId=\"167\"/><xf numFmtId=\"20\"/><xf numFmtId=\"168\"/></cellXfs>";

QStringList texts(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out << QString::fromUtf8(s);
    return out;
}

} // namespace

class TestXlsxReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cells_data()
    {
        QTest::addColumn<QByteArray>("cell"); // a <c r="B1"> element's attributes and content
        QTest::addColumn<QString>("text");
        auto row
            = [](const char *name, const QByteArray &cell, const char *text) { QTest::newRow(name) << cell << QString::fromUtf8(text); };
        row("shared string", "t=\"s\"><v>0</v>", "Alpha");
        row("shared rich text", "t=\"s\"><v>1</v>", "Bold");
        row("shared, phonetic run skipped", "t=\"s\"><v>2</v>", "東京");
        row("shared, spaces kept", "t=\"s\"><v>3</v>", "  padded  ");
        row("shared, _x000D_ escape", "t=\"s\"><v>5</v>", "line\r\ntwo");
        row("inline string", "t=\"inlineStr\"><is><t>Inline</t></is>", "Inline");
        row("inline rich text",
            "t=\"inlineStr\"><is><r><rPr><b/></rPr><t>Ri</t></r><r><t xml:space=\"preserve\">ch &amp; more</t></r></is>", "Rich & more");
        row("formula string", "t=\"str\"><f>A1&amp;\"x\"</f><v>Alphax</v>", "Alphax");
        row("boolean true", "t=\"b\"><v>1</v>", "TRUE");
        row("boolean false", "t=\"b\"><v>0</v>", "FALSE");
        row("error", "t=\"e\"><f>NA()</f><v>#N/A</v>", "#N/A");
        row("ISO date cell", "t=\"d\"><v>2026-03-05T10:00:00</v>", "2026-03-05T10:00:00");
        row("integer", "><v>1054</v>", "1054");
        row("decimal", "t=\"n\"><v>12.5</v>", "12.5");
        row("binary float kept as stored", "><v>0.30000000000000004</v>", "0.30000000000000004");
        row("exponent", "><v>1.5E-3</v>", "1.5E-3");
        row("formula number", "><f>SUM(1,2)</f><v>3</v>", "3");
        row("date, built-in 14", "s=\"1\"><v>46086</v>", "2026-03-05");
        row("date and time, built-in 22", "s=\"2\"><v>46086.604166666664</v>", "2026-03-05T14:30:00");
        row("time rounded to the second", "s=\"2\"><v>46086.6041667</v>", "2026-03-05T14:30:00");
        row("serial 1", "s=\"1\"><v>1</v>", "1900-01-01");
        row("serial 59", "s=\"1\"><v>59</v>", "1900-02-28");
        row("serial 60, the fake 1900-02-29", "s=\"1\"><v>60</v>", "60");
        row("serial 61", "s=\"1\"><v>61</v>", "1900-03-01");
        row("serial 0 in a date format", "s=\"1\"><v>0</v>", "0");
        row("negative serial", "s=\"1\"><v>-5</v>", "-5");
        row("past 9999-12-31", "s=\"1\"><v>2958466</v>", "2958466");
        row("custom yyyy/m/d", "s=\"3\"><v>46086</v>", "2026-03-05");
        row("0.00 is no date", "s=\"4\"><v>46086</v>", "46086");
        row("quoted \"d\" is no date", "s=\"5\"><v>46086</v>", "46086");
        row("[Red] is no date", "s=\"7\"><v>46086</v>", "46086");
        row("custom h:mm, a time of day", "s=\"6\"><v>0.5</v>", "12:00:00");
        row("built-in 20, a time of day", "s=\"8\"><v>0.75</v>", "18:00:00");
        row("h:mm over a day", "s=\"6\"><v>46086.25</v>", "2026-03-05T06:00:00");
        row("long date with a locale", "s=\"9\"><v>46086</v>", "2026-03-05");
        row("style out of range", "s=\"99\"><v>46086</v>", "46086");
        row("date style on text", "s=\"1\"><v>abc</v>", "abc");
    }
    void cells()
    {
        QFETCH(QByteArray, cell);
        QFETCH(QString, text);
        const QByteArray rows = "<row r=\"1\"><c r=\"B1\" " + cell + "</c></row>";
        const QList<CsvRecord> recs = readSheet(zipParts(oneSheet(rows, kStrings, kStyles)));
        QCOMPARE(recs.size(), 1);
        QCOMPARE(recs[0].error, QString());
        QCOMPARE(recs[0].fields, (QStringList{QString(), text}));
        QCOMPARE(recs[0].line, 1);
    }

    void dates1904_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("style");
        QTest::addColumn<QString>("text");
        QTest::newRow("serial 0") << QByteArray("0") << 1 << QStringLiteral("1904-01-01");
        QTest::newRow("serial 60 is a real day") << QByteArray("60") << 1 << QStringLiteral("1904-03-01");
        QTest::newRow("a day") << QByteArray("44624") << 1 << QStringLiteral("2026-03-05");
        QTest::newRow("with a time") << QByteArray("44624.5") << 2 << QStringLiteral("2026-03-05T12:00:00");
        QTest::newRow("custom format") << QByteArray("44624") << 3 << QStringLiteral("2026-03-05");
        QTest::newRow("time of day") << QByteArray("0.25") << 6 << QStringLiteral("06:00:00");
        QTest::newRow("not a date format") << QByteArray("44624") << 4 << QStringLiteral("44624");
    }
    void dates1904()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, style);
        QFETCH(QString, text);
        const QByteArray rows = "<row r=\"1\"><c r=\"A1\" s=\"" + QByteArray::number(style) + "\"><v>" + value + "</v></c></row>";
        XlsxReader r;
        QVERIFY(r.openData(zipParts(oneSheet(rows, {}, kStyles, true))));
        QVERIFY(r.date1904());
        QVERIFY(r.selectSheet(0));
        CsvRecord rec;
        QVERIFY(r.next(rec));
        QCOMPARE(rec.fields, QStringList{text});
    }

    void gaps()
    {
        // Row 2 missing, row 4 formats only, cells without references, skipped columns, empty
        // trailing cells.
        const QByteArray rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\"><v>3</v></c></row>"
                                "<row r=\"3\" spans=\"1:5\"><c r=\"B3\"><v>7</v></c><c r=\"E3\" s=\"1\"/></row>"
                                "<row r=\"4\"><c r=\"A4\" s=\"1\"/><c r=\"B4\" t=\"s\"><v>4</v></c></row>"
                                "<row><c><v>1</v></c><c/><c><v>2</v></c></row>"
                                "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>last</t></is></c></row>";
        const QList<CsvRecord> recs = readSheet(zipParts(oneSheet(rows, kStrings)));
        QCOMPARE(recs.size(), 4);
        QCOMPARE(recs[0].line, 1);
        QCOMPARE(recs[0].lastLine, 1);
        QCOMPARE(recs[0].fields, texts({"Alpha", "", "3"}));
        QCOMPARE(recs[1].line, 3);
        QCOMPARE(recs[1].fields, texts({"", "7"}));
        QCOMPARE(recs[2].line, 5); // after row 4, a row without r is row 5
        QCOMPARE(recs[2].fields, texts({"1", "", "2"}));
        QCOMPARE(recs[3].line, 1048576);
        QCOMPARE(recs[3].fields.size(), 16384);
        QCOMPARE(recs[3].fields.last(), QStringLiteral("last"));
    }

    void badSharedIndex()
    {
        const QByteArray rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>9</v></c></row>"
                                "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>";
        const QList<CsvRecord> recs = readSheet(zipParts(oneSheet(rows, kStrings)));
        QCOMPARE(recs.size(), 2);
        QVERIFY2(recs[0].error.contains(QStringLiteral("B1")), qPrintable(recs[0].error));
        QCOMPARE(recs[1].error, QString()); // reading goes on
        QCOMPARE(recs[1].fields, texts({"1"}));
    }

    void sheets()
    {
        // Workbook order is not part order; names are not sheetN.xml; targets relative,
        // absolute and with "..".
        const QList<SheetSpec> specs{
            {"Leads", {}, "/xl/data/leads.xml", "xl/data/leads.xml", sheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")},
            {"Hidden", "hidden", "worksheets/zz.xml", "xl/worksheets/zz.xml", sheetXml("<row r=\"2\"><c r=\"A2\"><v>2</v></c></row>")},
            {"Very &amp; hidden", "veryHidden", "../xl/worksheets/../worksheets/x.xml", "xl/worksheets/x.xml",
             sheetXml("<row r=\"3\"><c r=\"A3\"><v>3</v></c></row>")},
            {"Shown", "visible", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", sheetXml({})},
        };
        XlsxReader r;
        QVERIFY2(r.openData(zipParts(bookParts(specs))), qPrintable(r.error()));
        const QList<XlsxSheet> sheets = r.sheets();
        QCOMPARE(sheets.size(), 4);
        QCOMPARE(sheets[0].name, QStringLiteral("Leads"));
        QCOMPARE(sheets[2].name, QStringLiteral("Very & hidden"));
        QCOMPARE((QList<bool>{sheets[0].hidden, sheets[1].hidden, sheets[2].hidden, sheets[3].hidden}),
                 (QList<bool>{false, true, true, false}));
        QCOMPARE(sheets[0].uncompressedBytes, specs[0].xml.size());
        CsvRecord rec;
        for (int i : {2, 0, 1, 2}) { // selecting again starts over
            QVERIFY2(r.selectSheet(i), qPrintable(r.error()));
            QVERIFY(r.next(rec));
            QCOMPARE(rec.line, i + 1);
            QCOMPARE(rec.fields, QStringList{QString::number(i + 1)});
            QVERIFY(!r.next(rec));
            QCOMPARE(r.error(), QString());
            QCOMPARE(r.bytesRead(), r.size());
        }
        QVERIFY(r.selectSheet(3));
        QVERIFY(!r.next(rec));
        QCOMPARE(r.error(), QString());
        QVERIFY(!r.selectSheet(4));
        QVERIFY(!r.error().isEmpty());
    }

    void mergedHeader()
    {
        // "Region" over A1:A2, "Amount" over C1:D1 (net and tax below), a merge in the data
        // (B3:C3) left as stored.
        const QByteArray rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Region</t></is></c>"
                                "<c r=\"B1\" t=\"inlineStr\"><is><t>Name</t></is></c>"
                                "<c r=\"C1\" t=\"inlineStr\"><is><t>Amount</t></is></c><c r=\"D1\" s=\"1\"/></row>"
                                "<row r=\"2\"><c r=\"A2\" s=\"1\"/><c r=\"C2\" t=\"inlineStr\"><is><t>net</t></is></c>"
                                "<c r=\"D2\" t=\"inlineStr\"><is><t>tax</t></is></c></row>"
                                "<row r=\"3\"><c r=\"A3\"><v>1</v></c><c r=\"B3\"><v>2</v></c></row>";
        const QByteArray merges = "<mergeCells count=\"3\"><mergeCell ref=\"A1:A2\"/><mergeCell ref=\"C1:D1\"/>"
                                  "<mergeCell\n ref='B3:C3' /></mergeCells>";
        const QList<CsvRecord> recs = readSheet(zipParts(oneSheet(rows, {}, {}, false, merges)));
        QCOMPARE(recs.size(), 3);
        QCOMPARE(recs[0].fields, texts({"Region", "Name", "Amount", "Amount"}));
        QCOMPARE(recs[1].fields, texts({"", "", "net", "tax"})); // the second header row as stored
        QCOMPARE(recs[2].fields, texts({"1", "2"}));
    }

    void mergedHeaderAfterEmptyRows()
    {
        // Prefixed elements (as the .NET Open XML SDK writes them), the header on row 3.
        const QByteArray sheet
            = kXml + "<x:worksheet xmlns:x=\"" + kMain
              + "\"><x:sheetData>"
                "<x:row r=\"1\"><x:c r=\"A1\" s=\"1\"/></x:row>"
                "<x:row r=\"3\"><x:c r=\"B3\" t=\"inlineStr\"><x:is><x:t>Q1</x:t></x:is></x:c></x:row>"
                "<x:row r=\"4\"><x:c r=\"B4\"><x:v>5</x:v></x:c></x:row></x:sheetData>"
                "<x:mergeCells><x:mergeCell ref=\"A1:D1\"/><x:mergeCell ref=\"B3:D3\"/><x:mergeCell ref=\"B4:C4\"/></x:mergeCells>"
                "</x:worksheet>";
        const QList<CsvRecord> recs = readSheet(zipParts(bookParts({{"S", {}, "worksheets/s.xml", "xl/worksheets/s.xml", sheet}})));
        QCOMPARE(recs.size(), 2);
        QCOMPARE(recs[0].fields, texts({"", "Q1", "Q1", "Q1"}));
        QCOMPARE(recs[1].fields, texts({"", "5"}));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qint64>("maxSharedStrings");
        QTest::addColumn<qint64>("maxPart");
        QTest::addColumn<QString>("message"); // a part of the error
        const qint64 big = XlsxOptions{}.maxPartBytes;
        const qint64 strings = XlsxOptions{}.maxSharedStringsBytes;
        auto sheet = [](const QByteArray &rows) { return zipParts(oneSheet(rows)); };
        QTest::newRow("text") << QByteArray("name,amount\nA,1\n") << strings << big << QStringLiteral("not an Excel workbook (.xlsx)");
        QTest::newRow("a Word document") << zipParts({{QStringLiteral("word/document.xml"), "<w/>"}}) << strings << big
                                         << QStringLiteral("a ZIP archive, not an Excel workbook");
        QTest::newRow("xlsb") << zipParts({{QStringLiteral("xl/workbook.bin"), "\x83\x01"}}) << strings << big
                              << QStringLiteral("binary workbook (.xlsb)");
        QByteArray cfb("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
        cfb += QByteArray(504, '\0') + "R\0o\0o\0t\0 \0E\0n\0t\0r\0y\0" + QByteArray(200, '\0');
        QTest::newRow("Excel 97-2003") << cfb << strings << big << QStringLiteral("97–2003 .xls workbook; save it as .xlsx or CSV");
        QTest::newRow("password-protected") << (cfb + QByteArray("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32)
                                                + QByteArray(100, '\0'))
                                            << strings << big << QStringLiteral("password-protected; remove the password");
        QTest::newRow("malformed sheet XML") << sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\n<row r=\"2\"><c></row>") << strings
                                             << big << QStringLiteral("xl/worksheets/sheet1.xml is not well-formed XML (line 3, column");
        QTest::newRow("malformed workbook XML") << zipParts({{QStringLiteral("xl/workbook.xml"), "<workbook><sheets>"}}) << strings << big
                                                << QStringLiteral("xl/workbook.xml is not well-formed XML");
        QTest::newRow("row going back") << sheet("<row r=\"5\"><c><v>1</v></c></row><row r=\"4\"><c><v>1</v></c></row>") << strings << big
                                        << QStringLiteral("row 4 comes after row 5");
        QTest::newRow("row past 1048576") << sheet("<row r=\"1048577\"><c><v>1</v></c></row>") << strings << big
                                          << QStringLiteral("row 1048577 is past Excel's last row");
        QTest::newRow("column past XFD") << sheet("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>") << strings << big
                                         << QStringLiteral("cell XFE1 is past Excel's last column (XFD)");
        QTest::newRow("column past XFD, counted") << sheet("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c><c><v>2</v></c></row>") << strings << big
                                                  << QStringLiteral("past Excel's last column (XFD)");
        QTest::newRow("cells out of order") << sheet("<row r=\"1\"><c r=\"C1\"><v>1</v></c><c r=\"B1\"><v>1</v></c></row>") << strings
                                            << big << QStringLiteral("cell B1 comes after a cell to its right");
        QTest::newRow("cell outside a row") << sheet("<c r=\"A1\"><v>1</v></c>") << strings << big
                                            << QStringLiteral("a cell outside a row");
        QTest::newRow("bad reference") << sheet("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>") << strings << big
                                       << QStringLiteral("\"1A\" in row 1 is not a cell reference");
        QTest::newRow("sheet part over the limit (declared)")
            << sheet(QByteArray(2000, ' ')) << strings << qint64(1000)
            << QStringLiteral("xl/worksheets/sheet1.xml is larger than %1 uncompressed").arg(QLocale().formattedDataSize(1000));
        // A zip bomb: 4 MB of one repeated string deflate to a few KB.
        QByteArray bomb;
        for (int i = 0; i < 100000; ++i)
            bomb += "<si><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></si>";
        const QString limit
            = QStringLiteral("shared strings are larger than %1 uncompressed (the limit)").arg(QLocale().formattedDataSize(100000));
        QTest::newRow("shared strings over the limit") << zipParts(oneSheet("<row/>", bomb)) << qint64(100000) << big << limit;
        // The same with a header that says 200 bytes: caught by counting what is inflated.
        QByteArray lying = zipParts(oneSheet("<row/>", bomb));
        patchDeclaredSize(lying, "xl/sharedStrings.xml", 200);
        QTest::newRow("shared strings bigger than declared, limit")
            << lying << qint64(100000) << big << QStringLiteral("sharedStrings.xml is larger than its ZIP header says");
        QTest::newRow("shared strings bigger than declared")
            << lying << strings << big << QStringLiteral("sharedStrings.xml is larger than its ZIP header says");
        // A CRC error: a stored part with a byte changed (the XML still well-formed).
        const Parts parts = oneSheet("<row r=\"1\"><c r=\"A1\"><v>12345</v></c></row>");
        QByteArray crc = zipParts(parts, {QStringLiteral("xl/worksheets/sheet1.xml")});
        crc.replace("<v>12345</v>", "<v>12346</v>");
        QTest::newRow("CRC error") << crc << strings << big << QStringLiteral("xl/worksheets/sheet1.xml fails its checksum (CRC)");
        QByteArray cut = zipParts(parts);
        cut.chop(30);
        QTest::newRow("cut short") << cut << strings << big << QStringLiteral("The workbook is");
        QTest::newRow("no sheets") << zipParts(bookParts({})) << strings << big << QStringLiteral("has no worksheet");
        QTest::newRow("sheet part missing") << zipParts(bookParts({{"S", {}, "worksheets/gone.xml", {}, {}}})) << strings << big
                                            << QStringLiteral("xl/worksheets/gone.xml is missing");
    }
    void refused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(qint64, maxSharedStrings);
        QFETCH(qint64, maxPart);
        QFETCH(QString, message);
        XlsxOptions o;
        o.maxSharedStringsBytes = maxSharedStrings;
        o.maxPartBytes = maxPart;
        QString error;
        const QList<CsvRecord> recs = readSheet(bytes, 0, o, &error);
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY2(error.startsWith(QStringLiteral("The workbook")), qPrintable(error));
        QVERIFY(recs.size() <= 1);
    }

    void refusedFiles()
    {
        QTemporaryDir dir;
        auto write = [&](const char *name, const QByteArray &bytes) {
            const QString path = dir.filePath(QString::fromUtf8(name));
            QFile f(path);
            if (f.open(QIODevice::WriteOnly))
                f.write(bytes);
            return path;
        };
        XlsxReader r;
        const QString missing = dir.filePath(QStringLiteral("missing.xlsx"));
        QVERIFY(!r.open(missing));
        QCOMPARE(r.error(), QStringLiteral("%1 does not exist.").arg(missing));
        QVERIFY(!r.open(dir.path()));
        QCOMPARE(r.error(), QStringLiteral("%1 is a folder, not a file.").arg(dir.path()));
        const QString empty = write("empty.xlsx", {});
        QVERIFY(!r.open(empty));
        QCOMPARE(r.error(), QStringLiteral("%1 is empty.").arg(empty));
        // An encrypted workbook whose EncryptedPackage entry sits past the first megabyte.
        const QString locked = write("locked.xlsx", QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(1024 * 1024 - 10, '\x01')
                                                        + QByteArray("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32));
        QVERIFY(!r.open(locked));
        QCOMPARE(r.error(),
                 QStringLiteral("%1 is password-protected; remove the password in Excel or save a copy without it.").arg(locked));
        const QString xls = write("old.xls", QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(4096, '\0'));
        QVERIFY(!r.open(xls));
        QCOMPARE(r.error(), QStringLiteral("%1 is an Excel 97–2003 .xls workbook; save it as .xlsx or CSV.").arg(xls));
        const QString text = write("leads.xlsx", "name,amount\n");
        QVERIFY(!r.open(text));
        QCOMPARE(r.error(), QStringLiteral("%1 is not an Excel workbook (.xlsx).").arg(text));
        // And one that opens, from a file.
        const QString good = write("good.xlsx", zipParts(oneSheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")));
        QVERIFY2(r.open(good), qPrintable(r.error()));
        QVERIFY(r.selectSheet(0));
        CsvRecord rec;
        QVERIFY(r.next(rec));
        QCOMPARE(rec.fields, texts({"1"}));
        // A refused file leaves nothing of the one before.
        QVERIFY(!r.open(text));
        QVERIFY(r.sheets().isEmpty());
        QVERIFY(!r.selectSheet(0));
        QVERIFY(!r.next(rec));
        // A damaged part names the file (whose name may hold "%2").
        const QString bad = write("bad %2.xlsx", zipParts(oneSheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")));
        QVERIFY(r.open(bad));
        QVERIFY(r.selectSheet(0));
        QVERIFY(!r.next(rec));
        QVERIFY2(
            r.error().startsWith(bad + QStringLiteral(" is damaged: its part xl/worksheets/sheet1.xml is not well-formed XML (line 2")),
            qPrintable(r.error()));
        QVERIFY(r.open(write("rows %3.xlsx", zipParts(oneSheet("<row r=\"2\"><c><v>1</v></c></row><row r=\"1\"/>")))));
        QVERIFY(r.selectSheet(0));
        QVERIFY(r.next(rec));
        QVERIFY(!r.next(rec));
        QCOMPARE(r.error(), QStringLiteral("%1 is damaged: row 1 comes after row 2 (rows out of order).")
                                .arg(dir.filePath(QStringLiteral("rows %3.xlsx"))));
    }

    void longCell_data()
    {
        QTest::addColumn<bool>("shared");
        QTest::newRow("inline") << false;
        QTest::newRow("shared") << true;
    }
    void longCell()
    {
        QFETCH(bool, shared);
        const QByteArray huge(10 * 1024 * 1024, 'x');
        const QByteArray cell = shared ? QByteArray("<c r=\"B1\" t=\"s\"><v>0</v></c>")
                                       : QByteArray("<c r=\"B1\" t=\"inlineStr\"><is><t>" + huge + "</t></is></c>");
        const QByteArray rows
            = "<row r=\"1\"><c r=\"A1\"><v>1</v></c>" + cell + "<c r=\"C1\"><v>2</v></c></row><row r=\"2\"><c><v>3</v></c></row>";
        const QList<CsvRecord> recs = readSheet(zipParts(oneSheet(rows, shared ? "<si><t>" + huge + "</t></si>" : QByteArray())));
        QCOMPARE(recs.size(), 2);
        QVERIFY(recs[0].error.contains(QStringLiteral("32767")));
        QCOMPARE(recs[0].longField, 1);
        QCOMPARE(recs[0].longLength, huge.size());
        QCOMPARE(recs[0].fields.size(), 3);
        QCOMPARE(recs[0].fields[1].size(), 32767);
        QCOMPARE(recs[0].fields[2], QStringLiteral("2"));
        QCOMPARE(recs[1].error, QString());
    }

    void manyRows()
    {
        // 100 000 rows of shared strings, numbers and dates; progress rises to the size.
        QByteArray rows;
        rows.reserve(100000 * 120);
        for (int i = 1; i <= 100000; ++i) {
            const QByteArray n = QByteArray::number(i);
            rows += "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"s\"><v>" + QByteArray::number(i % 3) + "</v></c><c r=\"B" + n + "\"><v>"
                    + n + ".5</v></c><c r=\"C" + n + "\" s=\"1\"><v>" + QByteArray::number(45000 + i % 1000) + "</v></c></row>";
        }
        XlsxReader r;
        QVERIFY(r.openData(zipParts(oneSheet(rows, "<si><t>a</t></si><si><t>b</t></si><si><t>c</t></si>", kStyles))));
        QVERIFY(r.selectSheet(0));
        QCOMPARE(r.size(), r.sheets()[0].uncompressedBytes);
        CsvRecord rec;
        qint64 count = 0, last = 0;
        while (r.next(rec)) {
            ++count;
            QVERIFY(r.bytesRead() >= last && r.bytesRead() <= r.size());
            last = r.bytesRead();
            if (count == 100000)
                QCOMPARE(rec.fields, texts({"b", "100000.5", "2023-03-15"}));
        }
        QCOMPARE(r.error(), QString());
        QCOMPARE(count, 100000);
        QCOMPARE(r.bytesRead(), r.size());
    }

    void shapedLikeWriters_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        // As Excel 365 writes it: markup compatibility, extension namespaces, a theme, shared
        // strings first.
        const QByteArray mc = " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" mc:Ignorable=\"x14ac xr\""
                              " xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\""
                              " xmlns:xr=\"http://schemas.microsoft.com/office/spreadsheetml/2014/revision\"";
        Parts excel = bookParts(
            {{"Leads",
              {},
              "worksheets/sheet1.xml",
              "xl/worksheets/sheet1.xml",
              kXml + "<worksheet xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel + "\"" + mc
                  + " xr:uid=\"{00000000-0001-0000-0000-000000000000}\">"
                    "<dimension ref=\"A1:C2\"/><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"/></sheetViews>"
                    "<sheetFormatPr defaultRowHeight=\"15\" x14ac:dyDescent=\"0.25\"/><cols><col min=\"1\" max=\"1\" width=\"12\"/></cols>"
                    "<sheetData><row r=\"1\" spans=\"1:3\" x14ac:dyDescent=\"0.25\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                    "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
                    "<row r=\"2\" spans=\"1:3\" x14ac:dyDescent=\"0.25\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\"><v>1200.5</v></c>"
                    "<c r=\"C2\" s=\"1\"><v>46086</v></c></row></sheetData>"
                    "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"}},
            "<si><t>Customer</t></si><si><t>Amount</t></si><si><t>Date</t></si><si><t>Bosch</t></si>",
            "<fonts count=\"1\" x14ac:knownFonts=\"1\"><font/></fonts><cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\"/>"
            "<xf numFmtId=\"14\" fontId=\"0\" applyNumberFormat=\"1\"/></cellXfs>");
        for (auto &p : excel)
            if (p.first == u"xl/styles.xml")
                p.second.replace(QByteArray("<styleSheet xmlns=\"" + kMain + "\""), QByteArray("<styleSheet xmlns=\"" + kMain + "\"" + mc));
        QTest::newRow("Excel") << zipParts(excel);
        // As LibreOffice writes it: styles and sheets in its own order of relationships,
        // state="visible", inline-free, a custom date format.
        QTest::newRow("LibreOffice") << zipParts(
            bookParts({{"Leads", "visible", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml",
                        sheetXml("<row r=\"1\" customFormat=\"false\" ht=\"12.8\" hidden=\"false\" customHeight=\"false\" "
                                 "outlineLevel=\"0\" collapsed=\"false\">"
                                 "<c r=\"A1\" s=\"0\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"0\" t=\"s\"><v>1</v></c><c r=\"C1\" s=\"0\" "
                                 "t=\"s\"><v>2</v></c></row>"
                                 "<row r=\"2\" customFormat=\"false\" ht=\"12.8\" hidden=\"false\" customHeight=\"false\" "
                                 "outlineLevel=\"0\" collapsed=\"false\">"
                                 "<c r=\"A2\" s=\"0\" t=\"s\"><v>3</v></c><c r=\"B2\" s=\"0\" t=\"n\"><v>1200.5</v></c><c r=\"C2\" s=\"1\" "
                                 "t=\"n\"><v>46086</v></c></row>")}},
                      "<si><t xml:space=\"preserve\">Customer</t></si><si><t xml:space=\"preserve\">Amount</t></si>"
                      "<si><t xml:space=\"preserve\">Date</t></si><si><t xml:space=\"preserve\">Bosch</t></si>",
                      "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
                      "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"true\"/></cellXfs>"));
        // As libxlsxwriter's constant-memory mode and WPS write it: inline strings, no shared strings.
        QTest::newRow("inline strings") << zipParts(
            bookParts({{"Leads",
                        {},
                        "worksheets/sheet1.xml",
                        "xl/worksheets/sheet1.xml",
                        sheetXml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Customer</t></is></c><c r=\"B1\" "
                                 "t=\"inlineStr\"><is><t>Amount</t></is></c>"
                                 "<c r=\"C1\" t=\"inlineStr\"><is><t>Date</t></is></c></row><row r=\"2\"><c r=\"A2\" "
                                 "t=\"inlineStr\"><is><t>Bosch</t></is></c>"
                                 "<c r=\"B2\"><v>1200.5</v></c><c r=\"C2\" s=\"1\"><v>46086</v></c></row>")}},
                      {}, "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>"));
    }
    void shapedLikeWriters()
    {
        QFETCH(QByteArray, bytes);
        const QList<CsvRecord> recs = readSheet(bytes);
        QCOMPARE(recs.size(), 2);
        QCOMPARE(recs[0].fields, texts({"Customer", "Amount", "Date"}));
        QCOMPARE(recs[1].fields, texts({"Bosch", "1200.5", "2026-03-05"}));
    }

    void libxlsxwriterRoundTrip()
    {
        QTemporaryDir dir;
        const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("written.xlsx")));
        lxw_workbook *wb = workbook_new(path.constData());
        lxw_worksheet *leads = workbook_add_worksheet(wb, "Leads 线索");
        lxw_worksheet *secret = workbook_add_worksheet(wb, "Secret");
        worksheet_hide(secret);
        lxw_format *date = workbook_add_format(wb);
        format_set_num_format(date, "yyyy-mm-dd");
        lxw_format *stamp = workbook_add_format(wb);
        format_set_num_format(stamp, "yyyy-mm-dd hh:mm");
        worksheet_merge_range(leads, 0, 2, 0, 3, "Amount", nullptr);
        worksheet_write_string(leads, 0, 0, "Customer", nullptr);
        worksheet_write_string(leads, 0, 1, "Won", nullptr);
        worksheet_write_string(leads, 1, 0, "重庆长江精工", nullptr);
        worksheet_write_boolean(leads, 1, 1, 1, nullptr);
        worksheet_write_number(leads, 1, 2, 1200.5, nullptr);
        lxw_datetime when{2026, 3, 5, 14, 30, 0};
        worksheet_write_datetime(leads, 1, 3, &when, stamp);
        lxw_datetime day{2026, 3, 5, 0, 0, 0};
        worksheet_write_datetime(leads, 3, 0, &day, date);
        worksheet_write_formula_num(leads, 3, 1, "=C2*2", nullptr, 2401);
        worksheet_write_string(secret, 0, 0, "hidden", nullptr);
        QCOMPARE(workbook_close(wb), LXW_NO_ERROR);

        XlsxReader r;
        QVERIFY2(r.open(QFile::decodeName(path)), qPrintable(r.error()));
        QCOMPARE(r.sheets().size(), 2);
        QCOMPARE(r.sheets()[0].name, QStringLiteral("Leads 线索"));
        QVERIFY(!r.sheets()[0].hidden);
        QVERIFY(r.sheets()[1].hidden);
        QVERIFY(!r.date1904());
        QVERIFY(r.selectSheet(0));
        CsvRecord rec;
        QVERIFY(r.next(rec));
        QCOMPARE(rec.fields, texts({"Customer", "Won", "Amount", "Amount"}));
        QVERIFY(r.next(rec));
        QCOMPARE(rec.fields, texts({"重庆长江精工", "TRUE", "1200.5", "2026-03-05T14:30:00"}));
        QVERIFY(r.next(rec));
        QCOMPARE(rec.line, 4);
        QCOMPARE(rec.fields, texts({"2026-03-05", "2401"}));
        QVERIFY(!r.next(rec));
        QCOMPARE(r.error(), QString());
        QVERIFY(r.selectSheet(1));
        QVERIFY(r.next(rec));
        QCOMPARE(rec.fields, texts({"hidden"}));
    }
};

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
