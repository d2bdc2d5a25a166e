// Generates a demo company (Large by default) into a temporary folder and prints elapsed
// seconds, row counts and file size.
// Usage: bench_demogen [tiny|small|large] [seed] [asOf yyyy-mm-dd] [output path to keep]
#include "demo/demogenerator.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    cockpit::demo::Options opt;
    opt.scale = cockpit::demo::Scale::Large;
    if (args.size() > 1) {
        const auto s = cockpit::demo::scaleFromString(args.at(1));
        if (!s) {
            std::fprintf(stderr, "unknown scale %s (tiny|small|large)\n", qPrintable(args.at(1)));
            return 2;
        }
        opt.scale = *s;
    }
    if (args.size() > 2)
        opt.seed = args.at(2).toULongLong();
    opt.asOf = args.size() > 3 ? QDate::fromString(args.at(3), Qt::ISODate) : QDate(2025, 6, 30);

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "no temporary folder\n");
        return 1;
    }
    const QString path = args.size() > 4 ? args.at(4) : dir.filePath(QStringLiteral("demo.db"));
    int lastPct = -1;
    const auto result = cockpit::demo::generate(path, opt, [&](int pct, const QString &phase) {
        if (pct / 10 != lastPct / 10) {
            std::fprintf(stderr, "  %3d %% %s\n", pct, qPrintable(phase));
            lastPct = pct;
        }
    });
    if (!result.ok) {
        std::fprintf(stderr, "failed: %s\n", qPrintable(result.error));
        return 1;
    }
    std::printf("scale %s seed %llu asOf %s\n", qPrintable(cockpit::demo::scaleToString(opt.scale)),
                static_cast<unsigned long long>(opt.seed), qPrintable(opt.asOf.toString(Qt::ISODate)));
    std::printf("elapsed %.2f s\n", result.elapsedMs / 1000.0);
    qint64 total = 0;
    for (auto it = result.rowCounts.cbegin(); it != result.rowCounts.cend(); ++it) {
        std::printf("  %-24s %10lld\n", qPrintable(it.key()), static_cast<long long>(it.value()));
        total += it.value();
    }
    std::printf("  %-24s %10lld\n", "total rows", static_cast<long long>(total));
    std::printf("file size %.1f MB\n", QFileInfo(path).size() / (1024.0 * 1024.0));
    return 0;
}
