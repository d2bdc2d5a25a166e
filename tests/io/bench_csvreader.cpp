// Benchmark (prints figures; not a test): reading a 100 000-row CSV of leads, as an import's
// first pass does, in UTF-8 and in GB18030 (Chinese Excel), beside the sqlite3 shell's
// `.import --csv` of the same file into an in-memory table. Usage: bench_csvreader [rows]
#include "io/csvreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTemporaryDir>

#include <cstdio>

using namespace cockpit::io;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    QRandomGenerator rng(42);
    const QStringList customers{QStringLiteral("重庆长江精工"), QStringLiteral("博世（中国）"), QStringLiteral("华为技术"),
                                QStringLiteral("\"Acme, Inc.\""), QStringLiteral("上海汽车集团")};
    const QStringList stages{QStringLiteral("初步接触"), QStringLiteral("需求确认"), QStringLiteral("方案演示"),
                             QStringLiteral("报价谈判"), QStringLiteral("赢单")};
    QString text = QStringLiteral("编号,客户,联系人,电话,阶段,金额,创建日期,预计成交,负责人,备注\r\n");
    for (int i = 0; i < rows; ++i)
        text += QStringLiteral("L%1,%2,张伟,138%3,%4,\"¥%5,000\",2026/3/%6,2026-%7-15,李娜,\"第二次拜访，客户说\"\"下周定\"\"\"\r\n")
                    .arg(i)
                    .arg(customers.at(int(rng.bounded(customers.size()))))
                    .arg(rng.bounded(100000000), 8, 10, QLatin1Char('0'))
                    .arg(stages.at(int(rng.bounded(stages.size()))))
                    .arg(rng.bounded(1, 999))
                    .arg(rng.bounded(1, 28))
                    .arg(rng.bounded(1, 12), 2, 10, QLatin1Char('0'));
    for (const char *encoding : {"UTF-8", "GB18030"}) {
        const QString path = dir.filePath(QStringLiteral("leads-%1.csv").arg(QLatin1String(encoding)));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        QStringEncoder e(encoding);
        f.write(e.encode(text));
        f.close();
        qint64 best = -1, records = 0, fields = 0;
        for (int run = 0; run < 3; ++run) {
            QElapsedTimer t;
            t.start();
            CsvReader r;
            if (!r.open(path)) {
                std::fprintf(stderr, "%s\n", qPrintable(r.error()));
                return 1;
            }
            CsvRecord rec;
            records = fields = 0;
            while (r.next(rec)) {
                ++records;
                fields += rec.fields.size();
            }
            const qint64 ms = t.elapsed();
            best = best < 0 ? ms : std::min(best, ms);
        }
        std::printf("read %-8s %lld records, %lld fields, %.1f MB: best %lld ms of 3\n", encoding, records, fields,
                    double(QFile(path).size()) / 1048576.0, best);
        if (QByteArray(encoding) == "UTF-8") {
            QElapsedTimer t;
            t.start();
            QProcess sqlite;
            sqlite.start(QStringLiteral("sqlite3"), {QStringLiteral(":memory:"), QStringLiteral(".import --csv %1 t").arg(path),
                                                     QStringLiteral("SELECT count(*) FROM t")});
            sqlite.waitForFinished(-1);
            std::printf("  sqlite3 shell, .import --csv of the same file into memory: %lld ms (%s rows)\n", t.elapsed(),
                        sqlite.readAllStandardOutput().trimmed().constData());
        }
    }
    return 0;
}
