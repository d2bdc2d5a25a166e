// libFuzzer target for the XLSX reader (io/xlsxreader.h), built with clang, ASan, UBSan and
// libzip by `tests/fuzz/run-fuzz.sh`. Two kinds of input:
// - a ZIP ("PK…", the .xlsx seeds): read as it is, so the archive itself is mutated;
// - otherwise the XML parts themselves, separated by NUL bytes, after one byte that picks the
//   options: sheet 1, shared strings, styles, workbook, workbook relationships, sheet 2, package
//   relationships; a part not given gets a valid default. The harness zips them (stored or
//   deflated), so mutations reach the XML parsers instead of failing the CRC.
// Besides "no crash, no leak, no undefined behaviour" it checks what a caller relies on: a
// refusal says why, rows come in order with their number, a good record has a non-empty last
// field, no cell passes the limit, progress never passes the size, and reading ends.
#include "io/xlsxreader.h"

#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cockpit::io;

namespace {

const char *const kNames[] = {"xl/worksheets/sheet1.xml",   "xl/sharedStrings.xml",    "xl/styles.xml", "xl/workbook.xml",
                              "xl/_rels/workbook.xml.rels", "xl/worksheets/other.xml", "_rels/.rels"};

const char *const kDefaults[] = {
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
    "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" s=\"1\"><v>46086.5</v></c></row></sheetData>"
    "<mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>",
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>Name</t></si>"
    "<si><r><t>Ri</t></r><r><t>ch</t></r><rPh><t>x</t></rPh></si></sst>",
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts><numFmt numFmtId=\"164\""
    " formatCode=\"yyyy/m/d h:mm\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs>"
    "</styleSheet>",
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><workbookPr date1904=\"0\"/><sheets>"
    "<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"B\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/></sheets></workbook>",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"/xl/worksheets/other.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>",
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row><c t=\"inlineStr\"><is><t>x</t></is>"
    "</c></row></sheetData></worksheet>",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\""
    " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>",
};

QByteArray zipParts(const QList<QByteArray> &parts, bool deflate)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *out = zip_source_buffer_create(nullptr, 0, 0, &error);
    QByteArray bytes;
    if (!out)
        return bytes;
    zip_source_keep(out);
    if (zip_t *za = zip_open_from_source(out, ZIP_TRUNCATE, &error)) {
        for (int i = 0; i < 7; ++i) {
            const QByteArray &p = parts[i];
            zip_source_t *s = zip_source_buffer(za, p.constData(), zip_uint64_t(p.size()), 0);
            const zip_int64_t index = zip_file_add(za, kNames[i], s, ZIP_FL_OVERWRITE);
            if (index >= 0)
                zip_set_file_compression(za, zip_uint64_t(index), deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 1);
        }
        zip_close(za);
    }
    zip_stat_t st;
    if (zip_source_open(out) == 0) {
        if (zip_source_stat(out, &st) == 0) {
            bytes.resize(qsizetype(st.size));
            zip_source_read(out, bytes.data(), st.size);
        }
        zip_source_close(out);
    }
    zip_source_free(out);
    zip_error_fini(&error);
    return bytes;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    XlsxOptions o;
    o.maxPartBytes = 1024 * 1024; // a zip bomb in 16 KB expands past it, fast
    o.maxSharedStringsBytes = 256 * 1024;
    QByteArray file;
    if (input.startsWith("PK")) {
        if (size & 1)
            o.maxCellChars = 7;
        file = input;
    } else {
        const uint8_t pick = data[0];
        if (pick & 1)
            o.maxCellChars = 7;
        if (pick & 4)
            o.maxPartBytes = 4096;
        if (pick & 8)
            o.maxSharedStringsBytes = 512;
        QList<QByteArray> parts = input.mid(1).split('\0');
        for (int i = int(parts.size()); i < 7; ++i)
            parts << QByteArray(kDefaults[i]);
        file = zipParts(parts, pick & 2);
    }
    XlsxReader r;
    if (!r.openData(file, o)) {
        if (r.error().isEmpty())
            std::abort(); // a refusal always says why
        return 0;
    }
    const QList<XlsxSheet> sheets = r.sheets();
    if (sheets.isEmpty())
        std::abort(); // a workbook without sheets is refused
    for (int s = 0; s < sheets.size() && s < 4; ++s) {
        if (!r.selectSheet(s)) {
            if (r.error().isEmpty())
                std::abort();
            continue;
        }
        CsvRecord rec;
        qint64 lastLine = 0;
        while (r.next(rec)) {
            if (rec.line <= lastLine || rec.line > 1048576 || rec.lastLine != rec.line)
                std::abort(); // rows in order, each one line
            if (rec.fields.size() > 16384)
                std::abort();
            if (rec.error.isEmpty() && (rec.fields.isEmpty() || rec.fields.last().isEmpty()))
                std::abort(); // empty rows are skipped, trailing empty cells trimmed
            for (const QString &f : rec.fields)
                if (f.size() > o.maxCellChars)
                    std::abort();
            if (rec.longField >= 0 && (rec.longField >= rec.fields.size() || rec.longLength <= o.maxCellChars || rec.error.isEmpty()))
                std::abort();
            if (r.bytesRead() > r.size())
                std::abort();
            lastLine = rec.line;
        }
        if (r.error().isEmpty() && r.bytesRead() != r.size())
            std::abort(); // the end of a sheet read whole
    }
    return 0;
}
