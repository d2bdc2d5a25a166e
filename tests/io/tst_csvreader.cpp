// The CSV reader of imports (io/csvreader.h): encodings and delimiters detected, RFC 4180
// quoting, line numbers, records crossing the read chunks, an open quote that does not hide
// the good lines after it, an oversized cell, and the files that are refused with a message.
#include "io/csvreader.h"

#include <QFile>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace cockpit::io;

namespace {

QList<CsvRecord> readAll(CsvReader &r)
{
    QList<CsvRecord> out;
    CsvRecord rec;
    while (r.next(rec))
        out << rec;
    return out;
}

QList<CsvRecord> readData(const QByteArray &data, const CsvOptions &options = {}, CsvReader *reader = nullptr)
{
    CsvReader own;
    CsvReader &r = reader ? *reader : own;
    if (!r.openData(data, options)) {
        qWarning() << r.error();
        return {};
    }
    return readAll(r);
}

// Fields as an RFC 4180 writer (Excel) writes them: quoted where needed.
QString csvLine(const QStringList &fields, QChar delimiter)
{
    QStringList out;
    for (QString f : fields) {
        if (f.contains(delimiter) || f.contains(u'"') || f.contains(u'\n') || f.contains(u'\r') || f.startsWith(u' ')) {
            f.replace(QStringLiteral("\""), QStringLiteral("\"\""));
            f = u'"' + f + u'"';
        }
        out << f;
    }
    return out.join(delimiter);
}

QByteArray encode(const QString &text, const char *encoding)
{
    QStringEncoder e(encoding);
    return e.encode(text);
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotingAndLines()
    {
        const QByteArray data = "\xEF\xBB\xBF"
                                "name,amount,note\r\n"
                                "\"Bosch, China\",12000,\"said \"\"yes\"\"\"\r\n"
                                "\r\n"
                                "Huawei,\"1,5\",\"two\r\nlines\"\r\n"
                                "plain,\"\",x\"y\r\n"
                                "\"after\"quote,1,\r\n";
        CsvReader r;
        const QList<CsvRecord> recs = readData(data, {}, &r);
        QCOMPARE(r.encoding(), TextEncoding::Utf8);
        QVERIFY(r.hadByteOrderMark());
        QCOMPARE(r.delimiter(), QChar(u','));
        QCOMPARE(recs.size(), 5);
        QCOMPARE(recs[0].fields, (QStringList{QStringLiteral("name"), QStringLiteral("amount"), QStringLiteral("note")}));
        QCOMPARE(recs[1].fields, (QStringList{QStringLiteral("Bosch, China"), QStringLiteral("12000"), QStringLiteral("said \"yes\"")}));
        QCOMPARE(recs[1].line, 2);
        // The empty line 3 is skipped; the quoted line break is one \n.
        QCOMPARE(recs[2].fields, (QStringList{QStringLiteral("Huawei"), QStringLiteral("1,5"), QStringLiteral("two\nlines")}));
        QCOMPARE(recs[2].line, 4);
        QCOMPARE(recs[2].lastLine, 5);
        // A quote inside an unquoted field, an empty quoted field, text after a closing quote,
        // an empty last field: kept as written.
        QCOMPARE(recs[3].fields, (QStringList{QStringLiteral("plain"), QString(), QStringLiteral("x\"y")}));
        QCOMPARE(recs[3].line, 6);
        QCOMPARE(recs[4].fields, (QStringList{QStringLiteral("afterquote"), QStringLiteral("1"), QString()}));
        for (const CsvRecord &rec : recs)
            QVERIFY2(rec.error.isEmpty(), qPrintable(rec.error));
        QCOMPARE(r.bytesRead(), r.size());
    }

    void delimiters_data()
    {
        QTest::addColumn<QString>("delimiter");
        QTest::newRow("comma") << QStringLiteral(",");
        QTest::newRow("semicolon") << QStringLiteral(";");
        QTest::newRow("tab") << QStringLiteral("\t");
        QTest::newRow("bar") << QStringLiteral("|");
    }
    void delimiters()
    {
        QFETCH(QString, delimiter);
        const QChar d = delimiter.at(0);
        // Commas inside quotes (and in a decimal comma) do not outvote the delimiter.
        QString text;
        const QList<QStringList> rows{{QStringLiteral("客户"), QStringLiteral("金额"), QStringLiteral("备注")},
                                      {QStringLiteral("华为"), QStringLiteral("1,5"), QStringLiteral("a, b, c")},
                                      {QStringLiteral("博世"), QStringLiteral("2"), QStringLiteral("x")}};
        for (const QStringList &row : rows)
            text += csvLine(row, d) + u'\n';
        CsvReader r;
        const QList<CsvRecord> recs = readData(text.toUtf8(), {}, &r);
        QCOMPARE(r.delimiter(), d);
        QCOMPARE(recs.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(recs[i].fields, rows[i]);
    }

    void encodings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("encoding");
        QTest::addColumn<bool>("bom");
        const QString text = QStringLiteral("客户名称,联系人,金额\n重庆长江精工,张伟,\"¥12,000\"\n博世（中国）,李娜,1.2万\n");
        QTest::newRow("UTF-8") << text.toUtf8() << int(TextEncoding::Utf8) << false;
        QTest::newRow("UTF-8 BOM") << ("\xEF\xBB\xBF" + text.toUtf8()) << int(TextEncoding::Utf8) << true;
        QTest::newRow("GB18030 (Chinese Excel)") << encode(text, "GB18030") << int(TextEncoding::Gb18030) << false;
        QTest::newRow("UTF-16LE BOM") << ("\xFF\xFE" + encode(text, "UTF-16LE")) << int(TextEncoding::Utf16LE) << true;
        QTest::newRow("UTF-16BE BOM") << ("\xFE\xFF" + encode(text, "UTF-16BE")) << int(TextEncoding::Utf16BE) << true;
        QTest::newRow("UTF-16LE, no BOM") << encode(text, "UTF-16LE") << int(TextEncoding::Utf16LE) << false;
    }
    void encodings()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, encoding);
        QFETCH(bool, bom);
        CsvReader r;
        const QList<CsvRecord> recs = readData(bytes, {}, &r);
        QCOMPARE(int(r.encoding()), encoding);
        QCOMPARE(r.hadByteOrderMark(), bom);
        QCOMPARE(recs.size(), 3);
        QCOMPARE(recs[1].fields, (QStringList{QStringLiteral("重庆长江精工"), QStringLiteral("张伟"), QStringLiteral("¥12,000")}));
        QCOMPARE(recs[2].fields, (QStringList{QStringLiteral("博世（中国）"), QStringLiteral("李娜"), QStringLiteral("1.2万")}));
        QCOMPARE(recs[2].line, 3);
    }

    void encodingNames()
    {
        QCOMPARE(encodingFromName(QStringLiteral("GBK")), TextEncoding::Gb18030);
        QCOMPARE(encodingFromName(QStringLiteral("utf-8")), TextEncoding::Utf8);
        QCOMPARE(encodingFromName(QStringLiteral("UTF-16")), TextEncoding::Utf16LE);
        QCOMPARE(encodingFromName(QStringLiteral("latin9")), std::nullopt);
        // Given, not detected: GB18030 bytes read as GB18030 even where they would pass as UTF-8.
        CsvOptions o;
        o.encoding = TextEncoding::Gb18030;
        CsvReader r;
        const QList<CsvRecord> recs = readData(encode(QStringLiteral("a,b\n中,文\n"), "GB18030"), o, &r);
        QCOMPARE(r.encoding(), TextEncoding::Gb18030);
        QCOMPARE(recs.at(1).fields, (QStringList{QStringLiteral("中"), QStringLiteral("文")}));
    }

    // The bug this reader was written against: one unterminated quote swallowed the 20 good
    // rows after it. Now it is one error at its line, and the 20 rows read.
    void openQuoteDoesNotHideGoodLines()
    {
        QByteArray data = "name,amount\n\"Bosch,1000\n";
        for (int i = 0; i < 20; ++i)
            data += "good" + QByteArray::number(i) + "," + QByteArray::number(i) + "\n";
        const QList<CsvRecord> recs = readData(data);
        QCOMPARE(recs.size(), 22);
        QCOMPARE(recs[1].line, 2);
        QVERIFY(!recs[1].error.isEmpty());
        QVERIFY(recs[1].fields.isEmpty());
        for (int i = 0; i < 20; ++i) {
            QVERIFY2(recs[2 + i].error.isEmpty(), qPrintable(recs[2 + i].error));
            QCOMPARE(recs[2 + i].line, 3 + i);
            QCOMPARE(recs[2 + i].fields, (QStringList{QStringLiteral("good%1").arg(i), QString::number(i)}));
        }
        // A quoted field may span lines up to the limit; one more line and it is an open quote.
        CsvOptions o;
        o.maxQuotedLines = 3;
        const QList<CsvRecord> ok = readData("a,\"1\n2\n3\",b\nc,d\n", o);
        QCOMPARE(ok.size(), 2);
        QCOMPARE(ok[0].fields, (QStringList{QStringLiteral("a"), QStringLiteral("1\n2\n3"), QStringLiteral("b")}));
        QCOMPARE(ok[1].line, 4);
        const QList<CsvRecord> open = readData("a,\"1\n2\n3\n4\",b\nc,d\n", o);
        QVERIFY(!open[0].error.isEmpty());
        QCOMPARE(open.last().fields, (QStringList{QStringLiteral("c"), QStringLiteral("d")}));
        QCOMPARE(open.last().line, 5);
    }

    void oversizedCell()
    {
        QByteArray data = "a,b\n1,";
        data += QByteArray(10 * 1024 * 1024, 'x'); // 10 MB
        data += "\n2,ok\n";
        const QList<CsvRecord> recs = readData(data);
        QCOMPARE(recs.size(), 3);
        QVERIFY(recs[1].error.contains(QStringLiteral("32767")));
        QCOMPARE(recs[1].line, 2);
        QCOMPARE(recs[1].longField, 1); // which cell, how long, and its start to show
        QCOMPARE(recs[1].longLength, qsizetype(10 * 1024 * 1024));
        QCOMPARE(recs[1].fields.at(1).size(), 32767);
        QCOMPARE(recs[2].fields, (QStringList{QStringLiteral("2"), QStringLiteral("ok")}));
        CsvOptions o;
        o.maxCellChars = 5;
        const QList<CsvRecord> small = readData("abcdef,1\nabcde,2\n", o);
        QVERIFY(!small[0].error.isEmpty());
        QVERIFY(small[1].error.isEmpty());
    }

    void badTextInTheMiddle()
    {
        // Valid UTF-8 for the first 64 KB the detection reads, then a line that is not.
        QByteArray data = "a,b\n";
        while (data.size() < 70 * 1024)
            data += "0123456789,abcdefghij\n";
        data += "caf\xE9,1\nlast,2\n";
        const QList<CsvRecord> recs = readData(data);
        QVERIFY(recs.size() > 3);
        QVERIFY(recs[recs.size() - 2].error.contains(QStringLiteral("UTF-8")));
        QCOMPARE(recs.last().fields, (QStringList{QStringLiteral("last"), QStringLiteral("2")}));
    }

    void lineBreaks()
    {
        // CR alone (old Mac), CRLF and LF, one each.
        const QList<CsvRecord> recs = readData("a,b\rc,d\r\ne,f\n");
        QCOMPARE(recs.size(), 3);
        QCOMPARE(recs[1].fields, (QStringList{QStringLiteral("c"), QStringLiteral("d")}));
        QCOMPARE(recs[2].line, 3);
        // No break after the last line.
        QCOMPARE(readData("a,b\nc,d").last().fields, (QStringList{QStringLiteral("c"), QStringLiteral("d")}));
    }

    // Random records (quotes, delimiters, line breaks, CJK) written as Excel writes them, read
    // back equal in each encoding, across many 64 KB read chunks (a CR LF split between two).
    void roundTrip_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::newRow("UTF-8") << QStringLiteral("UTF-8");
        QTest::newRow("GB18030") << QStringLiteral("GB18030");
        QTest::newRow("UTF-16LE") << QStringLiteral("UTF-16LE");
    }
    void roundTrip()
    {
        QFETCH(QString, encoding);
        QRandomGenerator rng(42);
        const QString alphabet = QStringLiteral("abcXYZ019 ,;\"\n\r客户金额华为¥（）、");
        QList<QStringList> rows;
        QString text;
        for (int i = 0; i < 6000; ++i) {
            QStringList row;
            for (int c = 0; c < 4; ++c) {
                QString f;
                const int len = int(rng.bounded(12));
                for (int k = 0; k < len; ++k)
                    f += alphabet.at(int(rng.bounded(alphabet.size())));
                f.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n'); // read back as \n
                row << f;
            }
            if (row.join(QString()).isEmpty())
                row[0] = QStringLiteral("x"); // an empty line is skipped, not a record
            rows << row;
            text += csvLine(row, u',') + QStringLiteral("\r\n");
        }
        CsvOptions o;
        o.delimiter = u',';
        o.encoding = encodingFromName(encoding);
        QByteArray bytes = encode(text, encoding.toLatin1().constData());
        if (encoding == u"UTF-16LE")
            bytes.prepend("\xFF\xFE");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        QVERIFY(bytes.size() > 3 * 64 * 1024);
        CsvReader r;
        QVERIFY2(r.open(path, o), qPrintable(r.error()));
        const QList<CsvRecord> recs = readAll(r);
        QVERIFY2(r.error().isEmpty(), qPrintable(r.error()));
        QCOMPARE(recs.size(), rows.size());
        for (int i = 0; i < rows.size(); ++i) {
            QVERIFY2(recs[i].error.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(i).arg(recs[i].error)));
            QCOMPARE(recs[i].fields, rows[i]);
        }
        QCOMPARE(r.bytesRead(), r.size());
    }

    void refusedFiles()
    {
        QTemporaryDir dir;
        CsvReader r;
        QVERIFY(!r.open(dir.filePath(QStringLiteral("missing.csv"))));
        QVERIFY(r.error().contains(QStringLiteral("missing.csv")) && r.error().contains(QStringLiteral("does not exist")));
        QVERIFY(!r.open(dir.path()));
        QVERIFY(r.error().contains(QStringLiteral("folder")));
        const QString fifo = dir.filePath(QStringLiteral("pipe.csv"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QVERIFY(!r.open(fifo)); // at once, not waiting for a writer
        QVERIFY(r.error().contains(QStringLiteral("regular")));
        auto write = [&](const QString &name, const QByteArray &bytes) {
            const QString p = dir.filePath(name);
            QFile f(p);
            f.open(QIODevice::WriteOnly);
            f.write(bytes);
            return p;
        };
        QVERIFY(!r.open(write(QStringLiteral("empty.csv"), {})));
        QVERIFY(r.error().contains(QStringLiteral("empty")));
        QVERIFY(!r.open(write(QStringLiteral("book.csv"), QByteArray("PK\x03\x04\x14\x00\x06\x00", 8))));
        QVERIFY(r.error().contains(QStringLiteral("ZIP")));
        QVERIFY(!r.open(write(QStringLiteral("image.csv"), QByteArray("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16))));
        QVERIFY(r.error().contains(QStringLiteral("binary")));
        // A header alone is a file with one record.
        QVERIFY(r.open(write(QStringLiteral("header.csv"), "a,b\n")));
        QCOMPARE(readAll(r).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
