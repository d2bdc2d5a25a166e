// `sales-cockpit import-store-days --db FILE --file CSV [--dry-run] [--skip-bad-rows]`: store-day
// metrics from CSV (models/analytics/storeimport.h describes the format). Every refused row is
// printed with line, column, value and reason. Exit codes: 0 imported (or a clean dry run);
// 1 when a row has errors (then nothing is written unless --skip-bad-rows, which imports the
// good rows and still lists the bad ones), when the file is unusable or the write failed;
// 2 for bad arguments.
#include "cli.h"

#include "storage/database.h"
#include "analytics/storeimport.h"

#include <QSqlDatabase>
#include <QCommandLineParser>

#include <cstdio>

namespace cockpit::app {

int runImportStoreDays(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("db"));
    const QString file = parser.value(QStringLiteral("file"));
    if (path.isEmpty() || file.isEmpty()) {
        printError(QStringLiteral("import-store-days: --db FILE and --file CSV are required"));
        return 2;
    }
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const bool skipBad = parser.isSet(QStringLiteral("skip-bad-rows"));
    storage::Database db;
    const storage::OpenResult opened = openForCommand(db, path, parser.isSet(QStringLiteral("dry-run")) ? CliAccess::Reads : CliAccess::Writes);
    if (!opened.ok()) {
        printError(QStringLiteral("import-store-days: ") + opened.message);
        return 1;
    }
    const analytics::StoreImportPlan plan = analytics::planStoreImportFile(db.connection(), file);
    if (!plan.fatal.isEmpty()) {
        printError(QStringLiteral("import-store-days: %1: %2").arg(file, plan.fatal));
        return 1;
    }
    for (const analytics::ImportIssue &issue : plan.errors)
        printError(issue.text());
    std::fprintf(stdout, "%s\n", qPrintable(plan.summary()));
    if (dryRun) {
        std::fprintf(stdout, "dry run: nothing written\n");
        return plan.errors.isEmpty() ? 0 : 1;
    }
    if (!plan.errors.isEmpty() && !skipBad) {
        printError(QStringLiteral("import-store-days: %1 row(s) with errors; nothing imported "
                                  "(fix them, or pass --skip-bad-rows to import the good rows)")
                       .arg(plan.errors.size()));
        return 1;
    }
    const analytics::StoreImportResult result = analytics::writeStoreDays(db.connection(), plan.rows);
    if (!result.ok) {
        printError(QStringLiteral("import-store-days: nothing written: ") + result.error);
        return 1;
    }
    std::fprintf(stdout, "imported: %d new days, %d replaced\n", result.inserted, result.replaced);
    return 0;
}

} // namespace cockpit::app
