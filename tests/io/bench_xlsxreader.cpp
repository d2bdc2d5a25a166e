// Benchmark (prints figures; not a test): reading a 100 000-row × 8-column workbook of leads
// (strings, numbers, dates) as an import's first pass does, written by libxlsxwriter as Excel
// writes it (shared strings) and in its constant-memory mode (inline strings, as WPS and
// streaming writers do). Prints the time of the best of 3 reads, each in a fresh process, and
// how much its peak resident memory grew while reading. Usage: bench_xlsxreader [rows]
#include "io/xlsxreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <cstdio>

using namespace cockpit::io;

namespace {

// A line of /proc/self/status in KB ("VmRSS", "VmHWM").
qint64 statusKb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(qstrlen(key) + 1).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

bool writeWorkbook(const QByteArray &path, int rows, bool constantMemory)
{
    lxw_workbook_options options{};
    options.constant_memory = constantMemory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook *wb = workbook_new_opt(path.constData(), &options);
    if (!wb)
        return false;
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Leads");
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    const char *headers[] = {"ID", "Customer", "Contact", "Stage", "Amount", "Created", "Probability", "Note"};
    for (int c = 0; c < 8; ++c)
        worksheet_write_string(ws, 0, lxw_col_t(c), headers[c], nullptr);
    const char *customers[] = {"重庆长江精工", "博世（中国）", "华为技术", "Acme, Inc.", "上海汽车集团"};
    const char *stages[] = {"初步接触", "需求确认", "方案演示", "报价谈判", "赢单"};
    QRandomGenerator rng(42);
    for (int i = 1; i <= rows; ++i) {
        const lxw_row_t r = lxw_row_t(i);
        worksheet_write_string(ws, r, 0, QByteArray("L" + QByteArray::number(i)).constData(), nullptr);
        worksheet_write_string(ws, r, 1, customers[rng.bounded(5)], nullptr);
        worksheet_write_string(ws, r, 2, "张伟", nullptr);
        worksheet_write_string(ws, r, 3, stages[rng.bounded(5)], nullptr);
        worksheet_write_number(ws, r, 4, double(rng.bounded(1000, 999000)) / 10.0, nullptr);
        lxw_datetime when{2026, int(rng.bounded(1, 13)), int(rng.bounded(1, 29)), 0, 0, 0};
        worksheet_write_datetime(ws, r, 5, &when, date);
        worksheet_write_number(ws, r, 6, double(rng.bounded(0, 101)) / 100.0, nullptr);
        worksheet_write_string(ws, r, 7, QByteArray("第二次拜访，客户说\"下周定\" #" + QByteArray::number(i)).constData(), nullptr);
    }
    return workbook_close(wb) == LXW_NO_ERROR;
}

} // namespace

// One read in this process: "ms records fields sheetBytes peakGrowthKb".
int readOnce(const QString &path)
{
    const qint64 before = statusKb("VmRSS:");
    QElapsedTimer t;
    t.start();
    XlsxReader r;
    if (!r.open(path) || !r.selectSheet(0)) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error()));
        return 1;
    }
    CsvRecord rec;
    qint64 records = 0, fields = 0;
    while (r.next(rec)) {
        ++records;
        fields += rec.fields.size();
    }
    if (!r.error().isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error()));
        return 1;
    }
    std::printf("%lld %lld %lld %lld %lld\n", t.elapsed(), records, fields, r.size(), statusKb("VmHWM:") - before);
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 2 && QByteArray(argv[1]) == "--read")
        return readOnce(QFile::decodeName(argv[2]));
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    for (bool constantMemory : {false, true}) {
        const QString path = dir.filePath(constantMemory ? QStringLiteral("inline.xlsx") : QStringLiteral("shared.xlsx"));
        if (!writeWorkbook(QFile::encodeName(path), rows, constantMemory)) {
            std::fprintf(stderr, "could not write %s\n", qPrintable(path));
            return 1;
        }
        // Each read in a fresh process, so that the writer's freed heap does not hide the
        // reader's memory.
        qint64 best = -1, growthKb = 0;
        QList<QByteArray> figures;
        for (int run = 0; run < 3; ++run) {
            QProcess p;
            p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--read"), path});
            p.waitForFinished(-1);
            figures = p.readAllStandardOutput().trimmed().split(' ');
            if (p.exitCode() != 0 || figures.size() != 5) {
                std::fprintf(stderr, "%s", p.readAllStandardError().constData());
                return 1;
            }
            best = best < 0 ? figures[0].toLongLong() : std::min(best, figures[0].toLongLong());
            growthKb = std::max(growthKb, figures[4].toLongLong());
        }
        std::printf("read %-14s %s records, %s fields, %.1f MB file, %.1f MB sheet XML: best %lld ms of 3, peak RSS +%.1f MB\n",
                    constantMemory ? "inline strings" : "shared strings", figures[1].constData(), figures[2].constData(),
                    double(QFile(path).size()) / 1048576.0, figures[3].toDouble() / 1048576.0, best, double(growthKb) / 1024.0);
    }
    return 0;
}
