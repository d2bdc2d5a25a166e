// buildChain() over a file whose every record is unchained: the chaining a first pull does
// after its COPY (issue 12: on the large demo's director file, 1.3 M activities and stage
// moves). Copies DB to a temporary file, clears log_seq/log_hash and the head there, times
// buildChain, then verifies the chain. Usage: bench_logbuild DB [RUNS]; BENCH_PRAGMAS="PRAGMA …"
// runs before it (e.g. the first pull's cache_size = -65536). Never fails on timing.
#include "storage/logchain.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>

using namespace cockpit::storage;

namespace {
bool exec(sqlite3 *db, const char *sql)
{
    char *err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) == SQLITE_OK)
        return true;
    std::fprintf(stderr, "%s: %s\n", sql, err ? err : "?");
    sqlite3_free(err);
    return false;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_logbuild DB [RUNS]\n");
        return 2;
    }
    const int runs = std::max(1, args.value(2, QStringLiteral("1")).toInt());
    QTemporaryDir work;
    const QString copy = work.filePath(QStringLiteral("chain.db"));
    for (int run = 0; run < runs; ++run) {
        QFile::remove(copy);
        if (!QFile::copy(args.at(1), copy)) {
            std::fprintf(stderr, "cannot copy %s\n", qPrintable(args.at(1)));
            return 1;
        }
        sqlite3 *db = nullptr;
        if (sqlite3_open(copy.toUtf8().constData(), &db) != SQLITE_OK)
            return 1;
        LogHead before;
        logchain::readHead(db, &before, nullptr);
        if (!exec(db, "PRAGMA journal_mode = WAL; BEGIN; UPDATE activities SET log_seq = NULL, log_hash = NULL; "
                      "UPDATE stage_history SET log_seq = NULL, log_hash = NULL; "
                      "UPDATE log_deletions SET log_seq = NULL, log_hash = NULL; "
                      "DELETE FROM settings WHERE key IN ('log_head_seq', 'log_head_hash'); COMMIT; PRAGMA wal_checkpoint(TRUNCATE)"))
            return 1;
        const QByteArray pragmas = qgetenv("BENCH_PRAGMAS");
        if (!pragmas.isEmpty() && !exec(db, pragmas.constData()))
            return 1;
        QString error;
        QElapsedTimer t;
        t.start();
        exec(db, "BEGIN IMMEDIATE");
        const qint64 n = logchain::buildChain(db, &error);
        const qint64 chained = t.elapsed();
        exec(db, "COMMIT");
        const qint64 committed = t.elapsed();
        if (n < 0) {
            std::fprintf(stderr, "buildChain: %s\n", qPrintable(error));
            return 1;
        }
        const VerifyResult v = logchain::verify(db);
        LogHead after;
        logchain::readHead(db, &after, nullptr);
        if (before.seq >= 0)
            std::printf("head #%lld %s the head the file had\n", static_cast<long long>(after.seq),
                        after.seq == before.seq && after.hash == before.hash ? "equals" : "DIFFERS FROM");
        std::printf("run %d: %lld records chained in %lld ms (%lld ms with the commit); verify: %s\n", run + 1,
                    static_cast<long long>(n), static_cast<long long>(chained), static_cast<long long>(committed),
                    v.ok ? "intact" : qPrintable(v.message));
        sqlite3_close(db);
    }
    return 0;
}
