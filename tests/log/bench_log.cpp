// verify-log against raw SHA-256 throughput (issue 3): times logchain::verify over a demo
// database, exports exactly the bytes it hashes, times `sha256sum` on that file, prints the
// ratio (target <= 3x). Read-only on the database. Usage: bench_log DB [RUNS]
#include "storage/activitylog.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace cockpit::storage;

namespace {
double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_log DB [RUNS]\n");
        return 2;
    }
    QString db = args.at(1);
    const int runs = std::max(1, args.value(2, QStringLiteral("3")).toInt());
    QTemporaryDir work;

    // A schema-v1 file (made before the log existed) is migrated on a copy first; the
    // migration chains every record, which is itself a figure worth printing.
    int version = 0;
    {
        sqlite3 *h = nullptr;
        sqlite3_stmt *st = nullptr;
        if (sqlite3_open_v2(db.toUtf8().constData(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK
            && sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK
            && sqlite3_step(st) == SQLITE_ROW)
            version = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
        sqlite3_close(h);
    }
    if (version < 2) {
        const QString copy = work.filePath(QStringLiteral("migrated.db"));
        if (!QFile::copy(db, copy))
            return 1;
        QElapsedTimer t;
        t.start();
        Database database;
        const OpenResult o = database.open(copy, Database::Mode::OpenExisting, Database::Check::Deferred);
        if (!o.ok()) {
            std::fprintf(stderr, "migration failed: %s %s\n", qPrintable(o.message), qPrintable(o.detail));
            return 1;
        }
        std::printf("migrated schema v%d -> v2 (builds the chain) in %.2f s\n", version, t.elapsed() / 1000.0);
        database.close();
        db = copy;
    }

    std::vector<double> verify;
    qint64 records = 0;
    for (int i = 0; i < runs + 1; ++i) { // the first run warms the page cache
        const VerifyResult r = verifyLogFile(db);
        if (!r.ok) {
            std::fprintf(stderr, "verify-log failed: %s\n", qPrintable(r.message));
            return 1;
        }
        records = r.recordsChecked;
        if (i > 0)
            verify.push_back(r.elapsedMs / 1000.0);
    }

    const QString stream = work.filePath(QStringLiteral("log-stream.bin"));
    sqlite3 *h = nullptr;
    if (sqlite3_open_v2(db.toUtf8().constData(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return 1;
    QString error;
    qint64 exported = 0;
    const qint64 bytes = logchain::exportHashedStream(h, stream, &exported, &error);
    sqlite3_close(h);
    if (bytes < 0) {
        std::fprintf(stderr, "export failed: %s\n", qPrintable(error));
        return 1;
    }
    std::vector<double> sum;
    for (int i = 0; i < runs + 1; ++i) {
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.start(QStringLiteral("sha256sum"), {stream});
        if (!p.waitForFinished(-1) || p.exitCode() != 0) {
            std::fprintf(stderr, "sha256sum failed\n");
            return 1;
        }
        if (i > 0)
            sum.push_back(t.elapsed() / 1000.0);
    }
    const double v = median(verify), s = median(sum);
    std::printf("log records:            %lld (exported %lld, %.1f MB hashed, %.0f bytes/record)\n",
                records, exported, bytes / 1048576.0, double(bytes) / double(std::max<qint64>(exported, 1)));
    std::printf("verify-log (median %d): %.2f s  (%.0f records/s)\n", runs, v, records / v);
    std::printf("sha256sum same bytes:   %.2f s  (%.0f MB/s)\n", s, bytes / 1048576.0 / s);
    std::printf("ratio verify/sha256sum: %.2fx  (target <= 3x)\n", v / s);
    return 0;
}
