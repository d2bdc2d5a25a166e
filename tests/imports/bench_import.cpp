// Benchmark (prints figures; not a test): importing 100 000 leads (issue 11 "Robustness and
// speed": CSV ≤ 3 s and XLSX ≤ 6 s, dry run and real, peak memory growing by < 100 MB), with
// the people and customers they name imported first (not timed), beside the sqlite3 shell's
// `.import --csv` of the same CSV into a table of a new file. Then a 1 000 000-row CSV checked
// (a dry run), for its time and memory, and with "write" also written into the CSV company.
// Peaks are per phase (the process's peak reset before each through /proc/self/clear_refs).
// Usage: bench_import [rows] [big_rows] [write]
#include "imports/importplan.h"
#include "imports/importwriter.h"
#include "io/tablewriter.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

#include <sys/resource.h>

using namespace cockpit;
using namespace cockpit::imports;

namespace {
qint64 statusKb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(qstrlen(key)).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Resets the peak RSS (VmHWM) to the current RSS, so the next peak is a phase's own.
void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

// CPU milliseconds this thread used (user + system): on a loaded machine the wall time
// measures the neighbours as much as the import.
qint64 threadCpuMs()
{
    rusage u{};
    getrusage(RUSAGE_THREAD, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000;
}

const QStringList kStages{QStringLiteral("触达"), QStringLiteral("需求确认"), QStringLiteral("方案演示"),
                          QStringLiteral("报价谈判"), QStringLiteral("赢单"), QStringLiteral("输单")};

QStringList leadRow(int i, QRandomGenerator &rng, int customers, int reps)
{
    const QString stage = kStages.at(int(rng.bounded(kStages.size())));
    const QDate created = QDate(2025, 1, 1).addDays(rng.bounded(600));
    const bool closed = stage == QLatin1String("赢单") || stage == QLatin1String("输单");
    return {QStringLiteral("L%1").arg(i), QStringLiteral("客户%1有限公司").arg(rng.bounded(customers)),
            QStringLiteral("销售%1").arg(rng.bounded(reps)), stage, QStringLiteral("¥%1,000").arg(rng.bounded(1, 999)),
            created.toString(QStringLiteral("yyyy/M/d")),
            closed ? created.addDays(rng.bounded(1, 120)).toString(Qt::ISODate) : QString()};
}

bool writeTable(const QString &path, const QStringList &header, int rows, const std::function<QStringList(int)> &row)
{
    io::ExportTable t;
    for (const QString &h : header)
        t.columns << io::ExportColumn(h);
    io::ExportOptions o;
    o.byteOrderMark = false;
    o.totalRows = rows;
    const io::RowSource src = [&](qsizetype i, QVariantList &cells) {
        if (i >= rows)
            return false;
        for (const QString &c : row(int(i)))
            cells << c;
        return true;
    };
    const io::ExportResult r = path.endsWith(QLatin1String(".xlsx")) ? io::TableWriter::writeXlsx(path, t, src, o)
                                                                       : io::TableWriter::writeCsv(path, t, src, o);
    if (!r.ok)
        std::fprintf(stderr, "%s\n", qPrintable(r.error));
    return r.ok;
}

ImportRequest leadsRequest(const QString &path, qint64 actor)
{
    ImportRequest r;
    FileMapping fm;
    fm.entity = Entity::Leads;
    fm.file = path;
    fm.columns = {{QStringLiteral("external_id"), QStringLiteral("编号")}, {QStringLiteral("customer"), QStringLiteral("客户")},
                  {QStringLiteral("owner"), QStringLiteral("负责人")}, {QStringLiteral("stage"), QStringLiteral("阶段")},
                  {QStringLiteral("amount"), QStringLiteral("金额")}, {QStringLiteral("created"), QStringLiteral("创建日期")},
                  {QStringLiteral("closed"), QStringLiteral("关闭日期")}};
    r.mapping.files = {fm};
    r.paths = {path};
    r.now = QDateTime::currentSecsSinceEpoch();
    r.actorKey = actor;
    return r;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    const int bigRows = argc > 2 ? QByteArray(argv[2]).toInt() : 1000000;
    const int customers = 2000, reps = 60;
    QTemporaryDir dir;
    QRandomGenerator rng(42);
    const QStringList header{QStringLiteral("编号"), QStringLiteral("客户"), QStringLiteral("负责人"), QStringLiteral("阶段"),
                             QStringLiteral("金额"), QStringLiteral("创建日期"), QStringLiteral("关闭日期")};
    std::vector<QStringList> leadRows;
    leadRows.reserve(rows);
    for (int i = 0; i < rows; ++i)
        leadRows.push_back(leadRow(i, rng, customers, reps));
    const QString csv = dir.filePath(QStringLiteral("leads.csv")), xlsx = dir.filePath(QStringLiteral("leads.xlsx"));
    const auto lead = [&](int i) { return leadRows[std::size_t(i)]; };
    if (!writeTable(csv, header, rows, lead) || !writeTable(xlsx, header, rows, lead))
        return 1;
    const QString org = dir.filePath(QStringLiteral("org.csv")), accounts = dir.filePath(QStringLiteral("accounts.csv"));
    writeTable(org, {QStringLiteral("姓名"), QStringLiteral("大区"), QStringLiteral("城市"), QStringLiteral("团队")}, reps,
               [](int i) { return QStringList{QStringLiteral("销售%1").arg(i), QStringLiteral("华东"), QStringLiteral("上海"),
                                              QStringLiteral("上海%1组").arg(i % 6)}; });
    writeTable(accounts, {QStringLiteral("客户名称"), QStringLiteral("电话")}, customers, [](int i) {
        return QStringList{QStringLiteral("客户%1有限公司").arg(i), QStringLiteral("021-%1").arg(10000000 + i)};
    });
    std::printf("%d leads: CSV %.1f MB, XLSX %.1f MB (plus %d people and %d customers imported first)\n", rows,
                QFile(csv).size() / 1048576.0, QFile(xlsx).size() / 1048576.0, reps, customers);

    for (const QString &file : {csv, xlsx}) {
        const QString kind = file.endsWith(QLatin1String(".xlsx")) ? QStringLiteral("XLSX") : QStringLiteral("CSV ");
        const QString dbPath = dir.filePath(kind.trimmed() + QStringLiteral(".db"));
        storage::Database db;
        if (!db.open(dbPath, storage::Database::Mode::CreateHere).ok())
            return 1;
        QString error;
        ImportWriter::initCompany(db.connection(), QStringLiteral("CNY"), QStringLiteral("王总"), &error);
        const qint64 me = db.currentUserId().toLongLong();
        for (const auto &[path, entity, cols] :
             {std::tuple{org, Entity::Org, QHash<QString, QString>{{QStringLiteral("name"), QStringLiteral("姓名")},
                                                                  {QStringLiteral("region"), QStringLiteral("大区")},
                                                                  {QStringLiteral("city"), QStringLiteral("城市")},
                                                                  {QStringLiteral("team"), QStringLiteral("团队")}}},
              std::tuple{accounts, Entity::Customers, QHash<QString, QString>{{QStringLiteral("name"), QStringLiteral("客户名称")},
                                                                             {QStringLiteral("phone"), QStringLiteral("电话")}}}}) {
            ImportRequest r;
            FileMapping fm;
            fm.entity = entity;
            fm.file = path;
            fm.columns = cols;
            r.mapping.files = {fm};
            r.mapping.createOrg = true;
            r.paths = {path};
            r.now = QDateTime::currentSecsSinceEpoch();
            r.actorKey = me;
            const ImportPlan p = planImport(db.connection(), r);
            if (!p.ok() || !ImportWriter::write(db.connection(), p, path, {}).ok) {
                std::fprintf(stderr, "setup import failed: %s\n", qPrintable(p.fatal));
                return 1;
            }
        }
        resetPeak();
        const qint64 rssBefore = statusKb("VmRSS:");
        QElapsedTimer t;
        t.start();
        const qint64 cpu0 = threadCpuMs();
        ImportPlan plan = planImport(db.connection(), leadsRequest(file, me));
        const qint64 planCpu = threadCpuMs() - cpu0;
        const qint64 planMs = t.elapsed();
        if (!plan.ok() || plan.refusedRows() > 0) {
            std::fprintf(stderr, "plan failed: %s (%lld refused)\n", qPrintable(plan.fatal), plan.refusedRows());
            return 1;
        }
        t.restart();
        const ImportWriteResult w = ImportWriter::write(db.connection(), plan, file, {});
        const qint64 writeMs = t.elapsed();
        const qint64 writeCpu = threadCpuMs() - cpu0 - planCpu;
        const qint64 peak = statusKb("VmHWM:");
        if (!w.ok) {
            std::fprintf(stderr, "write failed: %s\n", qPrintable(w.error));
            return 1;
        }
        std::printf("%s import of %d leads: dry run (read + check) %lld ms; real (read + check + write) %lld ms "
                    "(%lld rows, %lld stage moves, outbox and log); peak RSS %lld MB, %lld MB over the %lld MB before\n",
                    qPrintable(kind), rows, planMs, planMs + writeMs, w.created, w.stageMoves, peak / 1024,
                    (peak - rssBefore) / 1024, rssBefore / 1024);
        std::printf("%s   CPU of the calling thread: read + check %lld ms, write %lld ms (the write's wall time %lld ms)\n",
                    qPrintable(kind), planCpu, writeCpu, writeMs);
        // Importing the same file again changes nothing.
        t.restart();
        const ImportPlan again = planImport(db.connection(), leadsRequest(file, me));
        std::printf("%s the same file again: %lld ms, %lld unchanged, %lld new\n", qPrintable(kind), t.elapsed(),
                    again.files.value(0).counts.unchanged, again.files.value(0).counts.created);
    }
    // The sqlite3 shell, the same CSV into a table of a new file (reading and inserting, no checks).
    {
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(QStringLiteral("sqlite3"), {dir.filePath(QStringLiteral("shell.db"))});
        p.write(QStringLiteral(".import --csv %1 leads\n").arg(csv).toUtf8());
        p.closeWriteChannel();
        p.waitForFinished(120000);
        std::printf("sqlite3 shell .import --csv of the same %d rows into a new file: %lld ms\n", rows, t.elapsed());
    }
    // A million rows: checked (a dry run), with progress.
    if (bigRows > 0) {
        const QString big = dir.filePath(QStringLiteral("big.csv"));
        {
            QFile f(big);
            if (!f.open(QIODevice::WriteOnly))
                return 1;
            f.write(header.join(u',').toUtf8() + "\n");
            QRandomGenerator r2(7);
            for (int i = 0; i < bigRows; ++i) {
                QStringList cells = leadRow(i, r2, customers, reps);
                for (QString &c : cells)
                    if (c.contains(u','))
                        c = u'"' + c + u'"'; // "¥12,000"
                f.write(cells.join(u',').toUtf8() + "\n");
            }
        }
        storage::Database db;
        db.open(dir.filePath(QStringLiteral("CSV.db")));
        resetPeak();
        const qint64 before = statusKb("VmRSS:");
        ImportRequest r = leadsRequest(big, db.currentUserId().toLongLong());
        int ticks = 0;
        r.progress = [&](qint64, qint64) {
            ++ticks;
            return true;
        };
        QElapsedTimer t;
        t.start();
        const ImportPlan p = planImport(db.connection(), r);
        std::printf("%d-row CSV (%.0f MB) checked (dry run): %lld ms, %d progress reports, %lld rows planned, %lld refused%s, "
                    "peak RSS %lld MB (%lld MB before)\n", bigRows, QFile(big).size() / 1048576.0, t.elapsed(), ticks,
                    qint64(p.leads.size()), p.refusedRows(), qPrintable(p.fatal), statusKb("VmHWM:") / 1024, before / 1024);
        if (argc > 3 && QByteArray(argv[3]) == "write" && p.ok()) {
            int writeTicks = 0;
            t.restart();
            const ImportWriteResult w = ImportWriter::write(db.connection(), p, big, {}, [&](qint64, qint64) {
                ++writeTicks;
                return true;
            });
            std::printf("%d-row CSV written: %lld ms, %d progress reports, %lld rows, %lld stage moves%s%s; peak RSS of the "
                        "check and the write %lld MB\n", bigRows, t.elapsed(), writeTicks, w.created, w.stageMoves,
                        w.ok ? "" : ": ", qPrintable(w.error), statusKb("VmHWM:") / 1024);
        }
    }
    return 0;
}
