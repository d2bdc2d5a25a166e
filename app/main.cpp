// sales-cockpit: the desktop app and its command line (see --help).
#include "buildinfo/buildinfo.h"
#include "cli.h"
#include "guiapp.h"
#include "language.h"
#include "navrail.h"
#include "sync/pgconnection.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QProcess>
#include <QSettings>

#include <memory>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace cockpit;

namespace {

void addOptions(QCommandLineParser &parser)
{
    // Laid out for help2man, which writes the man page from this text: each command is a term
    // on its own line with its description indented below it.
    parser.setApplicationDescription(QStringLiteral(
        "Sales Cockpit — the whole sales process on one screen.\n\n"
        "Without a command it opens the default database (creating the demo company on first\n"
        "start), or the file given with --db.\n\n"
        "Commands:\n"
        "  demo                Write a demo database (progress on stderr): demo --scale\n"
        "                      micro|tiny|small|large [--seed N] [--as-of DATE] --out FILE\n"
        "  check               Integrity and schema version of --db FILE; exit 0 when\n"
        "                      sound.\n"
        "  repair              Save what can be read from a damaged --db FILE into a\n"
        "                      new file: repair --db FILE --out NEW_FILE. The\n"
        "                      damaged file is only read.\n"
        "  alerts              Evaluate the alert rules on --db FILE (writing what they\n"
        "                      raise) and print the open inbox, one row per subject:\n"
        "                      alerts --db FILE [--now ISO-8601 [--write]]\n"
        "                      [--format table|csv|json]. With --now, a dry run\n"
        "                      prints what would be raised or escalated, unless\n"
        "                      --write; a time before the last evaluation is refused.\n"
        "  verify-log          Recompute the tamper-evident activity log of --db FILE;\n"
        "                      exit 0 when intact, 1 naming the first altered, deleted\n"
        "                      or missing record. Prints the head (SEQ:HASH) to record\n"
        "                      elsewhere; --expect-head SEQ:HASH later fails when the\n"
        "                      log was cut off or rewritten since. --server\n"
        "                      postgresql://LOGIN@HOST:PORT/DB compares the file with\n"
        "                      the head its syncs anchored on the team server: exit 1\n"
        "                      when the log was cut or rewritten since.\n"
        "  move-stage          Move a lead through the stage gate: move-stage --db FILE\n"
        "                      --lead ID --to STAGE [--reason TEXT] [--as USER_ID].\n"
        "                      STAGE is a code, name or English name of a stage of its\n"
        "                      pipeline. Refused (exit 1) naming the missing fields;\n"
        "                      appends stage history with who, when, from, to and\n"
        "                      reason.\n"
        "  delete-activity     Soft-delete an activity as a record of the activity log:\n"
        "                      delete-activity --db FILE --activity ID [--reason TEXT]\n"
        "                      [--as USER_ID]. Refused (exit 1) for an unknown activity\n"
        "                      or one already deleted; verify-log accepts exactly the\n"
        "                      deletions logged this way.\n"
        "  restore-activity    Undo a soft delete, logged the same way: restore-activity\n"
        "                      --db FILE --activity ID [--reason TEXT] [--as USER_ID].\n"
        "  report              Print a cockpit figure: report NAME --db FILE [--period\n"
        "                      P] [--by region|city|team|rep] [--org ORG] [--format\n"
        "                      csv|json|table] [--now ISO-8601]; `report` alone lists\n"
        "                      them. P: 2026-Q3, 2026-08, 2026-W34,\n"
        "                      2026-08-01..2026-08-20, this-quarter (default),\n"
        "                      last-month, ... ORG: company, region:NAME, city:NAME,\n"
        "                      team:NAME or rep:NAME.\n"
        "  init                Create an empty company to import into: init --db FILE\n"
        "                      [--currency CNY|USD|…] [--user NAME] (you, a director).\n"
        "  import              Import a company's own files: import --db FILE --entity\n"
        "                      org|products|customers|contacts|leads|orders|payments|\n"
        "                      activities|stores|store_days|targets --file CSV|XLSX\n"
        "                      [--mapping M.json], or import --db FILE --mapping M.json --dir\n"
        "                      FOLDER (or --file BOOK.xlsx, a sheet per entry) for\n"
        "                      several files in one transaction. [--dry-run]\n"
        "                      [--skip-bad-rows] [--on-duplicate skip|update|replace]\n"
        "                      [--errors OUT.csv] [--format table|json] [--create-org]\n"
        "                      [--encoding UTF-8|GB18030|UTF-16LE|UTF-16BE]\n"
        "                      [--delimiter comma|semicolon|tab|pipe|C] (a CSV's, where\n"
        "                      detection gets them wrong).\n"
        "                      Refused rows are listed by file, line, column and value;\n"
        "                      nothing is written (exit 1) unless --skip-bad-rows.\n"
        "                      Importing the same file again changes nothing.\n"
        "  undo-import         Take an import back as one step: undo-import --db FILE\n"
        "                      [--run N] (default: the newest).\n"
        "  import-store-days   Import store-day metrics: the same as import --entity\n"
        "                      store_days --on-duplicate update (a day already stored\n"
        "                      is replaced by the file's).\n"
        "  server init         Set up a team server (PostgreSQL 15): server init --server\n"
        "                      postgresql://ADMIN@HOST:PORT/DB [--demo tiny|small|large]\n"
        "                      [--password-file F]: roles, schema, with --demo the demo\n"
        "                      company and a login per manager and the director.\n"
        "  server add-user     server add-user --server URL --login NAME --user NAME_OR_ID\n"
        "                      [--password-file F]: a login for a person of the org.\n"
        "  server users        server users --server URL [--format table|csv].\n"
        "  server upgrade      server upgrade --server URL: the newest server schema.\n"
        "  server prune-history server prune-history --server URL --older-than DAYS:\n"
        "                      drop the column history older than DAYS (edits based\n"
        "                      on older versions then conflict instead of merging).\n"
        "                      The administrator's password: PGPASSWORD or ~/.pgpass.\n"
        "                      Each is idempotent: run again, it changes nothing.\n"
        "  sync                Pull what a login may see from a team server: sync --db FILE\n"
        "                      --server postgresql://LOGIN@HOST:PORT/DB (a new FILE is\n"
        "                      created; then each sync continues from its cursor),\n"
        "                      push the edits waiting, and anchor the activity log's\n"
        "                      new records on the server; exit 4 when the server\n"
        "                      refuses the log (cut or rewritten since it was\n"
        "                      anchored), the data synced all the same.\n"
        "                      sync --db FILE --status: server, last sync, edits waiting.\n"
        "\n"
        "Every command waits up to 5 seconds for a file that another window or command\n"
        "has open (SALES_COCKPIT_LOCK_WAIT_MS changes it); a command that writes checks\n"
        "the whole file first and refuses a damaged one.\n"
        "\n"
        "Screenshots:\n"
        "  --screenshot VIEW   With --db FILE --out PNG [--lang en|zh_CN]: render VIEW\n"
        "                      at 1366x768 and exit. VIEW is one of: cockpit, leads,\n"
        "                      customers, customers-scores (the detail panel's\n"
        "                      Scores tab), team, targets, stores, alerts, activity-log,\n"
        "                      settings, settings-server, settings-pipelines,\n"
        "                      settings-delivery, settings-rules, welcome (the\n"
        "                      cockpit with the demo's welcome card, which no other\n"
        "                      view shows), conflicts, targets-TAB (a tab of the\n"
        "                      Targets & Forecast screen: targets, forecast,\n"
        "                      performance, correlation). A connected team server's copy\n"
        "                      is shot after its first sync; with --server\n"
        "                      postgresql://LOGIN@HOST:PORT/DB, FILE is shot as that\n"
        "                      server's copy (a server that is down: Offline since).\n"
        "                      --screenshot cockpit --out FILE.pdf writes the\n"
        "                      cockpit's PDF report instead."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("demo, check, repair, alerts, move-stage, delete-activity, restore-activity, "
                                                "verify-log, report, init, import, undo-import, import-store-days, server or sync (optional)"),
                                 QStringLiteral("[command]"));
    parser.addOptions({
        {QStringLiteral("db"), QStringLiteral("Database file to open or check."), QStringLiteral("FILE")},
        {QStringLiteral("screenshot"), QStringLiteral("Render VIEW into --out PNG and exit."), QStringLiteral("VIEW")},
        {QStringLiteral("out"), QStringLiteral("Output file (demo database, repaired copy or PNG)."), QStringLiteral("FILE")},
        {QStringLiteral("scale"), QStringLiteral("Demo size: micro, tiny, small or large (default small)."),
         QStringLiteral("SCALE"), QStringLiteral("small")},
        {QStringLiteral("seed"), QStringLiteral("Demo random seed (default 42); report forecast, backtest: the simulation seed (default 1)."), QStringLiteral("N")},
        {QStringLiteral("as-of"), QStringLiteral("Demo reference date, YYYY-MM-DD (default today)."),
         QStringLiteral("DATE")},
        {QStringLiteral("lang"), QStringLiteral("Interface language for this run: en or zh_CN."),
         QStringLiteral("LANG")},
        {QStringLiteral("now"), QStringLiteral("alerts: evaluate as of this UTC time, e.g. 2026-11-22T10:00:00Z "
                                               "(default: the current time)."), QStringLiteral("ISO-8601")},
        {QStringLiteral("format"), QStringLiteral("alerts: output as table (default), csv or json; report: csv (default), json or table."),
         QStringLiteral("FORMAT")},
        {QStringLiteral("lead"), QStringLiteral("move-stage: the lead's UUID; with --screenshot leads: the lead to select."), QStringLiteral("ID")},
        {QStringLiteral("to"), QStringLiteral("move-stage: target stage code or name."), QStringLiteral("STAGE")},
        {QStringLiteral("reason"), QStringLiteral("move-stage: why (stored in stage history); delete-activity, "
                                                  "restore-activity: why (stored in the log)."), QStringLiteral("TEXT")},
        {QStringLiteral("as"), QStringLiteral("move-stage, delete-activity, restore-activity: acting user's UUID "
                                              "(default: the database's current user)."),
         QStringLiteral("USER_ID")},
        {QStringLiteral("activity"), QStringLiteral("delete-activity, restore-activity: the activity's UUID."),
         QStringLiteral("ID")},
        {QStringLiteral("period"), QStringLiteral("report, --screenshot: the period (default this-quarter)."), QStringLiteral("P")},
        {QStringLiteral("by"), QStringLiteral("report: break down by region, city, team or rep."), QStringLiteral("LEVEL")},
        {QStringLiteral("target"), QStringLiteral("report forecast: the target to reach, in the file's currency (default: the company target)."),
         QStringLiteral("AMOUNT")},
        {QStringLiteral("org"), QStringLiteral("report: restrict to an org node, e.g. region:华东 (default company)."),
         QStringLiteral("ORG")},
        {QStringLiteral("file"), QStringLiteral("import, import-store-days: the file to import (CSV or XLSX)."), QStringLiteral("FILE")},
        {QStringLiteral("entity"), QStringLiteral("import: what --file holds: org, products, customers, contacts, leads, orders, payments, activities, stores, store_days or targets."), QStringLiteral("E")},
        {QStringLiteral("mapping"), QStringLiteral("import: the mapping (JSON) of columns to fields, values, defaults and files."), QStringLiteral("M.json")},
        {QStringLiteral("dir"), QStringLiteral("import: the folder holding the files the mapping names."), QStringLiteral("FOLDER")},
        {QStringLiteral("on-duplicate"), QStringLiteral("import: a row already in the database: skip (default), update (the fields the file gives) or replace."), QStringLiteral("MODE")},
        {QStringLiteral("errors"), QStringLiteral("import: write the refused rows, as they were, with a reason column to this CSV."), QStringLiteral("OUT.csv")},
        {QStringLiteral("encoding"), QStringLiteral("import: read the CSV files in this encoding (UTF-8, GB18030, UTF-16LE or UTF-16BE) instead of the detected one."), QStringLiteral("NAME")},
        {QStringLiteral("delimiter"), QStringLiteral("import: the CSV files' delimiter (comma, semicolon, tab, pipe or one character) instead of the detected one."), QStringLiteral("C")},
        {QStringLiteral("create-org"), QStringLiteral("import: create the people, regions, cities and teams the files name that the database lacks.")},
        {QStringLiteral("currency"), QStringLiteral("init: the currency of the company's money (default CNY)."), QStringLiteral("CODE")},
        {QStringLiteral("user"), QStringLiteral("init: your name (the company's first person, a director); server add-user: the org user's name or UUID."), QStringLiteral("NAME")},
        {QStringLiteral("server"), QStringLiteral("server …, sync, verify-log: the team server, postgresql://USER@HOST:PORT/DB[?sslmode=verify-full|require|disable]; the password from PGPASSWORD or ~/.pgpass."), QStringLiteral("URL")},
        {QStringLiteral("demo"), QStringLiteral("server init: load the demo company (micro, tiny, small or large) and make a login per manager and the director."), QStringLiteral("SCALE")},
        {QStringLiteral("password-file"), QStringLiteral("server init, add-user: the logins' password is this file's first line."), QStringLiteral("FILE")},
        {QStringLiteral("status"), QStringLiteral("sync: print the file's server, last sync, cursor, edits waiting and unresolved conflicts; sync nothing.")},
        {QStringLiteral("pull-only"), QStringLiteral("sync: pull the server's changes, push nothing (the edits waiting stay queued).")},
        {QStringLiteral("login"), QStringLiteral("server add-user: the login (PostgreSQL role) to create or update."), QStringLiteral("NAME")},
        {QStringLiteral("older-than"), QStringLiteral("server prune-history: drop the column history recorded more than DAYS days ago."), QStringLiteral("DAYS")},
        {QStringLiteral("run"), QStringLiteral("undo-import: the import's number (default: the newest)."), QStringLiteral("N")},
        {QStringLiteral("expect-head"), QStringLiteral("verify-log: a head printed by an earlier verify-log (SEQ:HASH); fail when the log no longer reaches it unchanged."), QStringLiteral("SEQ:HASH")},
        {QStringLiteral("write"), QStringLiteral("alerts: with --now, write what the evaluation at that time decides "
                                                 "(without it, --now only prints what would change).")},
        {QStringLiteral("dry-run"), QStringLiteral("import, import-store-days: validate and count, write nothing.")},
        {QStringLiteral("skip-bad-rows"), QStringLiteral("import, import-store-days: import the good rows even if some have errors.")},
        {QStringLiteral("full"), QStringLiteral("With --screenshot: wait until every lead is loaded "
                                                "(a large database first shows its newest leads) and, for "
                                                "alerts, until the rules ran (the screen first shows the "
                                                "stored inbox).")},
    });
}

// Subcommands, --help and bad arguments need no display: decide before choosing the
// application class, so `sales-cockpit --bogus` on a headless machine still says what is wrong.
bool isHeadlessCommand(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(args))
        return true; // the headless path reports the error and exits non-zero
    const QString command = parser.positionalArguments().value(0);
    return !command.isEmpty() || parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"));
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SalesCockpit"));
    QCoreApplication::setApplicationName(QStringLiteral("sales-cockpit"));
    QCoreApplication::setApplicationVersion(build::fullVersion());
}

} // namespace

// glibc gives each thread that allocates its own arena (up to 8 per core); memory a worker
// frees (the alert rules' candidates, a facts scan) stays in that arena instead of going back.
// Two arenas and a 1 MB trim threshold keep the large demo's peak after the rules at ~287 MB
// instead of ~337 MB (issue 10 §4: ≤ 300 MB). One arena saved a little more but serialized the
// start-up's two threads on its lock (the Alerts screen took 550 instead of 320 ms). Before
// any thread exists.
static void tuneAllocator()
{
#if defined(__GLIBC__)
    // glibc's own variables, when set, win (for measuring and for whoever knows better).
    if (!qEnvironmentVariableIsSet("MALLOC_ARENA_MAX"))
        mallopt(M_ARENA_MAX, 2);
    if (!qEnvironmentVariableIsSet("MALLOC_TRIM_THRESHOLD_"))
        mallopt(M_TRIM_THRESHOLD, 1 << 20);
#endif
}

int main(int argc, char **argv)
{
    tuneAllocator();
    if (isHeadlessCommand(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        QCommandLineParser parser;
        addOptions(parser);
        parser.process(app); // handles --help / --version and unknown options (exit non-zero)
        const QStringList args = parser.positionalArguments();
        const QString command = args.value(0);
        if (command == QLatin1String("demo"))
            return app::runDemo(parser);
        if (command == QLatin1String("check"))
            return app::runCheck(parser);
        if (command == QLatin1String("repair"))
            return app::runRepair(parser);
        if (command == QLatin1String("alerts"))
            return app::runAlerts(parser);
        if (command == QLatin1String("verify-log"))
            return app::runVerifyLog(parser);
        if (command == QLatin1String("move-stage"))
            return app::runMoveStage(parser);
        if (command == QLatin1String("delete-activity") || command == QLatin1String("restore-activity"))
            return app::runSetActivityDeleted(parser, command == QLatin1String("delete-activity"));
        if (command == QLatin1String("report"))
            return app::runReport(parser);
        if (command == QLatin1String("import-store-days")) {
            // The store-day file is an entity of the importer now: this command is `import
            // --entity store_days`, a stored day the file brings again updated (as it always was).
            QStringList rewritten = app.arguments();
            rewritten[rewritten.indexOf(command)] = QStringLiteral("import");
            if (!parser.isSet(QStringLiteral("entity")))
                rewritten << QStringLiteral("--entity") << QStringLiteral("store_days");
            if (!parser.isSet(QStringLiteral("on-duplicate")))
                rewritten << QStringLiteral("--on-duplicate") << QStringLiteral("update");
            QCommandLineParser imports;
            addOptions(imports);
            imports.process(rewritten);
            return app::runImport(imports);
        }
        if (command == QLatin1String("init"))
            return app::runInit(parser);
        if (command == QLatin1String("import"))
            return app::runImport(parser);
        if (command == QLatin1String("undo-import"))
            return app::runUndoImport(parser);
        if (command == QLatin1String("server"))
            return app::runServer(parser);
        if (command == QLatin1String("sync"))
            return app::runSync(parser);
        app::printError(QStringLiteral("unknown command \"%1\"; see --help").arg(command));
        return 2;
    }

    QApplication app(argc, argv);
    setIdentity();
    QGuiApplication::setDesktopFileName(QStringLiteral(COCKPIT_APP_ID));
    QIcon icon;
    for (const int size : {16, 32, 48, 256})
        icon.addFile(QStringLiteral(":/icons/app-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        app::printError(QStringLiteral("unknown command \"%1\"; see --help").arg(parser.positionalArguments().first()));
        return 2;
    }
    app::GuiOptions options;
    options.dbPath = parser.value(QStringLiteral("db"));
    if (parser.isSet(QStringLiteral("screenshot"))) {
        options.screenshotView = parser.value(QStringLiteral("screenshot"));
        options.screenshotOut = parser.value(QStringLiteral("out"));
        options.screenshotWhenComplete = parser.isSet(QStringLiteral("full"));
        options.screenshotLead = parser.value(QStringLiteral("lead"));
        options.screenshotPeriod = parser.value(QStringLiteral("period"));
        if (ui::NavRail::screenFromKey(options.screenshotView) < 0
            && options.screenshotView != QLatin1String("settings-server")
            && options.screenshotView != QLatin1String("settings-pipelines")
            && options.screenshotView != QLatin1String("settings-delivery")
            && options.screenshotView != QLatin1String("settings-rules")
            && options.screenshotView != QLatin1String("welcome")
            && options.screenshotView != QLatin1String("conflicts")
            && options.screenshotView != QLatin1String("customers-scores")
            && !options.screenshotView.startsWith(QLatin1String("targets-"))) {
            app::printError(QStringLiteral("--screenshot: unknown view \"%1\"; use one of cockpit, leads, "
                                           "customers, team, targets, stores, alerts, activity-log, settings, "
                                           "settings-server, settings-pipelines, settings-delivery, settings-rules, welcome, conflicts, "
                                           "customers-scores, targets-TAB")
                                .arg(options.screenshotView));
            return 2;
        }
        if (options.screenshotOut.isEmpty()) {
            app::printError(QStringLiteral("--screenshot needs --out PNG"));
            return 2;
        }
        if (parser.isSet(QStringLiteral("server"))) {
            sync::ServerAddress address;
            QString why;
            if (options.dbPath.isEmpty() || !sync::ServerAddress::fromUrl(parser.value(QStringLiteral("server")), &address, &why)) {
                app::printError(options.dbPath.isEmpty() ? QStringLiteral("--screenshot --server needs --db FILE (the server's copy)")
                                                         : QStringLiteral("--server: %1").arg(why));
                return 2;
            }
            options.screenshotServer = parser.value(QStringLiteral("server"));
        }
    }
    QString language = parser.value(QStringLiteral("lang"));
    if (!language.isEmpty() && language != QLatin1String("en") && language != QLatin1String("zh_CN")) {
        app::printError(QStringLiteral("--lang must be en or zh_CN, not \"%1\"").arg(language));
        return 2;
    }
    if (language.isEmpty())
        language = ui::effectiveLanguage(ui::languageSetting(QSettings()));
    // The translations sit beside the binary's share folder, in the build tree as installed.
    const QString qmDir = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral(COCKPIT_QM_RELATIVE_DIR));
    QString qmFile;
    if (ui::installTranslators(app, language, qmDir, &qmFile))
        qCInfo(app::lcApp).noquote() << "interface language" << language
                                     << (qmFile.isEmpty() ? QStringLiteral("(the source strings)")
                                                          : QStringLiteral("from ") + QDir::cleanPath(qmFile));
    else if (language != QLatin1String("en"))
        app::printError(QStringLiteral("the %1 translation was not found in %2; the interface is in English")
                            .arg(language, QDir::cleanPath(qmDir)));
    ui::applyTheme(app);
    QStringList relaunchArgs = QCoreApplication::arguments().mid(1);
    const int langAt = relaunchArgs.indexOf(QStringLiteral("--lang"));
    if (langAt >= 0) // a restart after choosing a language must not pin the old one
        relaunchArgs.remove(langAt, std::min<qsizetype>(2, relaunchArgs.size() - langAt));
    options.relaunchArgs = relaunchArgs;

    int code = 0;
    QStringList next;
    bool relaunch = false;
    {
        app::GuiApp gui(options);
        code = gui.start();
        if (code < 0)
            code = app.exec();
        relaunch = gui.shouldRelaunch();
        next = gui.relaunchArgs();
    } // the database and its lock are released here, before a relaunch
    if (relaunch)
        QProcess::startDetached(QCoreApplication::applicationFilePath(), next);
    return code;
}
