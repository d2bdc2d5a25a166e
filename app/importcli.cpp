// `sales-cockpit init` (an empty company to import into) and `sales-cockpit import` /
// `undo-import` (issue 11): a company's own files in, through a mapping, with every refused row
// named by file, line, column and value. Exit codes: 0 done (or a clean dry run); 1 when rows
// were refused (nothing is written unless --skip-bad-rows), when a file is unusable or the
// write failed; 2 for bad arguments; 130 when undo-import is interrupted (Ctrl+C: nothing changed).
#include "cli.h"

#include "domain/ids.h"
#include "domain/times.h"
#include "imports/importmapping.h"
#include "imports/importplan.h"
#include "imports/importwriter.h"
#include "imports/tablesource.h"
#include "storage/database.h"
#include "storage/uuidcolumn.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <csignal>
#include <cstdio>

namespace cockpit::app {

namespace {
// "[ nn%] <phase>" on stderr, rewritten in place as the percentage changes; end() closes the line.
class PercentLine
{
public:
    explicit PercentLine(const char *phase) : m_phase(phase) {}
    void report(qint64 done, qint64 total)
    {
        const int percent = total > 0 ? int(done * 100 / total) : 0;
        if (percent == m_last)
            return;
        m_last = percent;
        std::fprintf(stderr, "\r[%3d%%] %s", percent, m_phase);
        std::fflush(stderr);
    }
    void end()
    {
        if (m_last >= 0)
            std::fprintf(stderr, "\n");
        m_last = -1;
    }

private:
    const char *m_phase;
    int m_last = -1;
};

volatile std::sig_atomic_t g_interrupted = 0;

void onInterrupt(int)
{
    g_interrupted = 1;
}

// Ctrl+C while `undo-import` runs: the next progress report cancels (the transaction is rolled
// back, the import stays as it was) instead of the process dying mid-way. Put back as it was
// when the command ends.
class InterruptAsCancel
{
public:
    InterruptAsCancel()
    {
        g_interrupted = 0;
        struct sigaction a = {};
        a.sa_handler = onInterrupt;
        a.sa_flags = SA_RESETHAND; // a second Ctrl+C ends it at once (SQLite rolls the file back)
        sigemptyset(&a.sa_mask);
        sigaction(SIGINT, &a, &m_previous);
    }
    ~InterruptAsCancel() { sigaction(SIGINT, &m_previous, nullptr); }
    InterruptAsCancel(const InterruptAsCancel &) = delete;
    InterruptAsCancel &operator=(const InterruptAsCancel &) = delete;
    static bool interrupted() { return g_interrupted != 0; }

private:
    struct sigaction m_previous = {};
};

void printOut(const QString &text)
{
    std::fprintf(stdout, "%s\n", text.toUtf8().constData());
}

qint64 commandNow(const QCommandLineParser &parser, bool *ok)
{
    *ok = true;
    if (!parser.isSet(QStringLiteral("now")))
        return QDateTime::currentSecsSinceEpoch();
    const QDateTime t = QDateTime::fromString(parser.value(QStringLiteral("now")), Qt::ISODate);
    *ok = t.isValid();
    return t.toSecsSinceEpoch();
}
} // namespace

int runInit(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        printError(QStringLiteral("init: --db FILE is required"));
        return 2;
    }
    const QString currency = parser.isSet(QStringLiteral("currency")) ? parser.value(QStringLiteral("currency")).trimmed().toUpper()
                                                                       : QStringLiteral("CNY");
    if (currency.size() != 3 || !std::all_of(currency.begin(), currency.end(), [](QChar c) { return c >= u'A' && c <= u'Z'; })) {
        printError(QStringLiteral("init: --currency must be a three-letter ISO 4217 code such as CNY or USD, not \"%1\"").arg(currency));
        return 2;
    }
    const QString user = parser.isSet(QStringLiteral("user")) ? parser.value(QStringLiteral("user")).trimmed() : QStringLiteral("Administrator");
    if (user.isEmpty()) {
        printError(QStringLiteral("init: --user must name a person"));
        return 2;
    }
    if (QFileInfo::exists(path)) {
        printError(QStringLiteral("init: \"%1\" already exists; it is left untouched. Choose another --db path.").arg(path));
        return 1;
    }
    storage::Database db;
    const storage::OpenResult opened = db.open(path, storage::Database::Mode::CreateHere);
    if (!opened.ok()) {
        printError(QStringLiteral("init: ") + opened.message);
        return 1;
    }
    // The person using the file: a company needs someone the app says "you" to and who owns
    // what an import leaves unowned.
    QString error;
    if (!imports::ImportWriter::initCompany(db.connection(), currency, user, &error)) {
        printError(QStringLiteral("init: %1 could not be written: %2").arg(path, error));
        return 1;
    }
    printOut(QStringLiteral("created %1: an empty company (currency %2, you are %3, a director). Bring your data in with: "
                            "sales-cockpit import --db %1 --entity customers --file FILE").arg(path, currency, user));
    return 0;
}

namespace {
// The mapping and the files it reads, from the command's options.
struct ImportInputs
{
    imports::ImportMapping mapping;
    QStringList paths;
    QString source;
    bool suggested = false; // no --mapping: the columns were suggested (or a saved mapping reused)
    QString savedKey;       // settings key the suggested mapping is saved under after the import
};

std::optional<ImportInputs> importInputs(const QCommandLineParser &parser, storage::Database &db, int *exitCode)
{
    *exitCode = 2;
    ImportInputs in;
    const QString file = parser.value(QStringLiteral("file")), dir = parser.value(QStringLiteral("dir")),
                  mappingPath = parser.value(QStringLiteral("mapping")), entityText = parser.value(QStringLiteral("entity"));
    if (file.isEmpty() == dir.isEmpty()) {
        printError(QStringLiteral("import: give --file FILE (a CSV or a workbook) or --dir FOLDER (with --mapping)"));
        return std::nullopt;
    }
    // A CSV's encoding and delimiter, where detection gets them wrong: for every file read.
    std::optional<io::TextEncoding> encoding;
    std::optional<QChar> delimiter;
    if (parser.isSet(QStringLiteral("encoding"))) {
        encoding = io::encodingFromName(parser.value(QStringLiteral("encoding")));
        if (!encoding) {
            printError(QStringLiteral("import: --encoding must be UTF-8, GB18030, UTF-16LE or UTF-16BE, not \"%1\"")
                           .arg(parser.value(QStringLiteral("encoding"))));
            return std::nullopt;
        }
    }
    if (parser.isSet(QStringLiteral("delimiter"))) {
        delimiter = imports::delimiterFromName(parser.value(QStringLiteral("delimiter")));
        if (!delimiter) {
            printError(QStringLiteral("import: --delimiter must be one character such as \";\" or \"|\", or comma, semicolon, "
                                      "tab or pipe, not \"%1\"").arg(parser.value(QStringLiteral("delimiter"))));
            return std::nullopt;
        }
    }
    const auto readAs = [&](imports::FileMapping &fm) {
        if (encoding)
            fm.encoding = encoding;
        if (delimiter)
            fm.delimiter = delimiter;
    };
    if (!mappingPath.isEmpty()) {
        QString error;
        auto m = imports::ImportMapping::fromFile(mappingPath, &error);
        if (!m) {
            printError(QStringLiteral("import: ") + error);
            *exitCode = 1;
            return std::nullopt;
        }
        in.mapping = *m;
    }
    if (!entityText.isEmpty()) {
        const auto entity = imports::entityFromCode(entityText);
        if (!entity) {
            printError(QStringLiteral("import: --entity must be org, products, customers, contacts, leads, orders, payments, "
                                      "activities, stores, store_days or targets, not \"%1\"").arg(entityText));
            return std::nullopt;
        }
        if (file.isEmpty()) {
            printError(QStringLiteral("import: --entity goes with --file"));
            return std::nullopt;
        }
        // One file of one entity: the mapping's entry for it, or columns suggested from the header.
        imports::FileMapping fm;
        bool found = false;
        for (const imports::FileMapping &f : std::as_const(in.mapping.files))
            if (f.entity == *entity && !found) {
                fm = f;
                found = true;
            }
        fm.entity = *entity;
        readAs(fm);
        if (!found) {
            imports::TableSource src;
            if (!src.open(file, fm.sourceOptions())) {
                printError(QStringLiteral("import: ") + src.error());
                *exitCode = 1;
                return std::nullopt;
            }
            QList<QStringList> samples;
            io::CsvRecord rec;
            while (samples.size() < 50 && src.next(rec))
                if (rec.error.isEmpty())
                    samples << rec.fields;
            in.savedKey = QStringLiteral("import_mapping:") + imports::headerSetKey(*entity, src.header());
            const QString saved = db.setting(in.savedKey);
            QString error;
            std::optional<imports::ImportMapping> reuse;
            if (!saved.isEmpty())
                reuse = imports::ImportMapping::fromJson(saved.toUtf8(), &error);
            if (reuse && !reuse->files.isEmpty()) {
                fm = reuse->files.first();
                readAs(fm);
                in.mapping.dayOrder = reuse->dayOrder;
                in.mapping.dayOrderGiven = reuse->dayOrderGiven;
                if (!fm.stageDates.isEmpty()) // the stages those dates name (the wizard saves them together)
                    in.mapping.pipeline = reuse->pipeline;
                std::fprintf(stderr, "import: the mapping saved for this header set is used again\n");
            } else {
                fm.columns = imports::suggestColumns(*entity, src.header(), samples);
                in.suggested = true;
            }
        }
        fm.file = QFileInfo(file).fileName();
        in.mapping.files = {fm};
        in.paths = {file};
        in.source = file;
    } else {
        if (mappingPath.isEmpty()) {
            printError(QStringLiteral("import: give --entity E (one file) or --mapping M.json (one or more files)"));
            return std::nullopt;
        }
        const bool workbook = !file.isEmpty();
        for (imports::FileMapping &f : in.mapping.files) {
            readAs(f);
            if (workbook)
                in.paths << file; // every entry is a sheet of the one workbook
            else
                in.paths << QDir(dir).filePath(f.file);
        }
        in.source = workbook ? file : dir;
    }
    *exitCode = 0;
    return in;
}

QJsonObject planJson(const imports::ImportPlan &plan)
{
    QJsonArray files;
    for (const imports::FilePlan &f : plan.files)
        files.append(QJsonObject{{QStringLiteral("file"), f.path},
                                 {QStringLiteral("entity"), imports::entityCode(f.mapping.entity)},
                                 {QStringLiteral("read_as"), f.description},
                                 {QStringLiteral("rows"), f.counts.rows},
                                 {QStringLiteral("new"), f.counts.created},
                                 {QStringLiteral("updated"), f.counts.updated},
                                 {QStringLiteral("unchanged"), f.counts.unchanged},
                                 {QStringLiteral("skipped"), f.counts.skipped},
                                 {QStringLiteral("refused"), f.counts.refused}});
    QJsonArray issues;
    for (const imports::ImportIssue &i : plan.issues)
        issues.append(QJsonObject{{QStringLiteral("severity"), i.error ? QStringLiteral("error") : QStringLiteral("warning")},
                                  {QStringLiteral("file"), plan.files.value(i.file).path},
                                  {QStringLiteral("line"), i.line},
                                  {QStringLiteral("column"), i.column},
                                  {QStringLiteral("value"), i.value},
                                  {QStringLiteral("reason"), i.reason}});
    // The first ImportIssues::kKept errors and warnings are listed; the totals count all of
    // them (every refused row is in the --errors file).
    return {{QStringLiteral("files"), files}, {QStringLiteral("issues"), issues},
            {QStringLiteral("errors"), plan.issues.errors()}, {QStringLiteral("warnings"), plan.issues.warnings()},
            {QStringLiteral("issues_not_listed"), plan.issues.omitted()}, {QStringLiteral("currency"), plan.currency}};
}
} // namespace

int runImport(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        printError(QStringLiteral("import: --db FILE is required"));
        return 2;
    }
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const bool skipBad = parser.isSet(QStringLiteral("skip-bad-rows"));
    const QString format = parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : QStringLiteral("table");
    if (format != QLatin1String("table") && format != QLatin1String("json")) {
        printError(QStringLiteral("import: --format must be table or json, not \"%1\"").arg(format));
        return 2;
    }
    bool nowOk = false;
    const qint64 now = commandNow(parser, &nowOk);
    if (!nowOk) {
        printError(QStringLiteral("import: --now must be an ISO-8601 time like 2026-11-22T10:00:00Z"));
        return 2;
    }
    storage::Database db;
    const storage::OpenResult opened = openForCommand(db, path, dryRun ? CliAccess::Reads : CliAccess::Writes);
    if (!opened.ok()) {
        printError(QStringLiteral("import: ") + opened.message);
        return 1;
    }
    int code = 0;
    auto inputs = importInputs(parser, db, &code);
    if (!inputs)
        return code;
    imports::ImportRequest request;
    request.mapping = inputs->mapping;
    request.paths = inputs->paths;
    request.now = now;
    if (parser.isSet(QStringLiteral("on-duplicate"))) {
        const auto mode = imports::onDuplicateFromCode(parser.value(QStringLiteral("on-duplicate")));
        if (!mode) {
            printError(QStringLiteral("import: --on-duplicate must be skip, update or replace"));
            return 2;
        }
        request.onDuplicate = *mode;
    } else if (request.mapping.onDuplicate) {
        request.onDuplicate = *request.mapping.onDuplicate;
    }
    if (parser.isSet(QStringLiteral("create-org")))
        request.mapping.createOrg = true;
    QString actor = parser.isSet(QStringLiteral("as")) ? QString() : db.currentUserId(), actorName;
    if (parser.isSet(QStringLiteral("as")) && commandActor(db, parser, QStringLiteral("import"), &actor, &actorName) != 0)
        return 1;
    request.actorKey = actor.toLongLong();
    PercentLine reading("reading");
    request.progress = [&](qint64 done, qint64 total) {
        reading.report(done, total);
        return true;
    };
    const imports::ImportPlan plan = imports::planImport(db.connection(), request);
    reading.end();
    if (!plan.ok()) {
        printError(QStringLiteral("import: ") + plan.fatal);
        return 1;
    }
    if (inputs->suggested) {
        QStringList cols;
        const imports::FileMapping &fm = request.mapping.files.first();
        for (auto it = fm.columns.cbegin(); it != fm.columns.cend(); ++it)
            cols << QStringLiteral("%1 ← \"%2\"").arg(it.key(), it.value());
        cols.sort();
        std::fprintf(stderr, "import: columns suggested from the header (save and edit a mapping with --mapping to change them): %s\n",
                     cols.join(QStringLiteral(", ")).toUtf8().constData());
    }
    // Errors and warnings, then the counts.
    int shown = 0;
    for (const imports::ImportIssue &i : plan.issues)
        if (i.error && shown++ < 200)
            printError(i.text(QFileInfo(plan.files.value(i.file).path).fileName()));
    if (plan.issues.errors() > 200)
        printError(QStringLiteral("… and %1 more refused rows (--errors FILE writes them all)").arg(plan.issues.errors() - 200));
    if (format == QLatin1String("json")) {
        printOut(QString::fromUtf8(QJsonDocument(planJson(plan)).toJson(QJsonDocument::Indented)));
    } else {
        for (const QString &line : plan.summaryLines())
            printOut(line);
        const QStringList warnings = plan.warningLines();
        if (!warnings.isEmpty()) {
            printOut(QStringLiteral("warnings (the rows import):"));
            for (const QString &line : warnings)
                printOut(QStringLiteral("  ") + line);
        }
    }
    if (parser.isSet(QStringLiteral("errors")) && plan.refusedRows() > 0) {
        QString error;
        const QStringList written = imports::writeErrorFiles(plan, parser.value(QStringLiteral("errors")), &error);
        if (!error.isEmpty()) {
            printError(QStringLiteral("import: ") + error);
            return 1;
        }
        for (const QString &w : written)
            printOut(QStringLiteral("refused rows written to %1: fix them there and import that file again").arg(w));
    }
    if (dryRun) {
        printOut(QStringLiteral("dry run: nothing written"));
        return plan.refusedRows() > 0 ? 1 : 0;
    }
    if (plan.refusedRows() > 0 && !skipBad) {
        printError(QStringLiteral("import: %1 row(s) refused; nothing imported (fix them, or pass --skip-bad-rows to import the rest)")
                       .arg(plan.refusedRows()));
        return 1;
    }
    PercentLine writing("writing");
    const imports::ImportWriteResult written = imports::ImportWriter::write(
        db.connection(), plan, QFileInfo(inputs->source).absoluteFilePath(), request.mapping.toJson(),
        [&](qint64 done, qint64 total) {
            writing.report(done, total);
            return true;
        });
    writing.end();
    if (!written.ok) {
        printError(QStringLiteral("import: nothing written: ") + written.error);
        return 1;
    }
    db.announceChanges();
    if (!inputs->savedKey.isEmpty()) {
        imports::ImportMapping saved;
        saved.files = request.mapping.files;
        saved.dayOrder = request.mapping.dayOrder;
        saved.dayOrderGiven = request.mapping.dayOrderGiven;
        db.setSetting(inputs->savedKey, QString::fromUtf8(saved.toJson()));
    }
    printOut(QStringLiteral("imported (import %1): %2 rows created, %3 updated, %4 stage moves recorded. "
                            "Undo it with: sales-cockpit undo-import --db %5 --run %1")
                 .arg(written.runId).arg(written.created).arg(written.updated).arg(written.stageMoves).arg(path));
    return 0;
}

int runUndoImport(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        printError(QStringLiteral("undo-import: --db FILE is required"));
        return 2;
    }
    storage::Database db;
    const storage::OpenResult opened = openForCommand(db, path, CliAccess::Writes);
    if (!opened.ok()) {
        printError(QStringLiteral("undo-import: ") + opened.message);
        return 1;
    }
    qint64 run = 0;
    if (parser.isSet(QStringLiteral("run"))) {
        bool ok = false;
        run = parser.value(QStringLiteral("run")).toLongLong(&ok);
        if (!ok || run <= 0) {
            printError(QStringLiteral("undo-import: --run must be an import's number"));
            return 2;
        }
    } else {
        run = imports::ImportWriter::lastRun(db.connection());
        if (!run) {
            printError(QStringLiteral("undo-import: there is no import to undo"));
            return 1;
        }
    }
    QString error;
    qint64 rows = 0;
    bool undone = false;
    {
        const InterruptAsCancel interrupt;
        PercentLine undoing("undoing");
        undone = imports::ImportWriter::undo(db.connection(), run, db.currentUserId().toLongLong(), &error, &rows,
                                             [&](qint64 done, qint64 total) {
                                                 undoing.report(done, total);
                                                 return !InterruptAsCancel::interrupted();
                                             });
        undoing.end();
        if (!undone && InterruptAsCancel::interrupted()) {
            printError(QStringLiteral("undo-import: interrupted; nothing was changed (import %1 stays as it was)").arg(run));
            return 130; // the shell's code for a command ended by Ctrl+C
        }
    }
    if (!undone) {
        printError(QStringLiteral("undo-import: ") + error);
        return 1;
    }
    db.announceChanges();
    printOut(QStringLiteral("import %1 undone: %2 rows taken back").arg(run).arg(rows));
    return 0;
}

} // namespace cockpit::app
