#include "cli.h"

#include "storage/activitylog.h"
#include "storage/database.h"
#include "demo/demogenerator.h"
#include "storage/keys.h"
#include "storage/schema.h"
#include "domain/times.h"

#include <QCommandLineParser>
#include <QDate>
#include <QFileInfo>
#include <QLocale>
#include <QSqlQuery>
#include <QTimeZone>

#include <cstdio>

namespace cockpit::app {

void printError(const QString &text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
}

int displayWidth(const QString &text)
{
    int w = 0;
    for (const QChar c : text)
        w += c.unicode() >= 0x1100 ? 2 : 1;
    return w;
}

QString padded(const QString &text, int width)
{
    return text + QString(std::max(0, width - displayWidth(text)), u' ');
}

namespace {
void printOut(const QString &text)
{
    std::fprintf(stdout, "%s\n", text.toLocal8Bit().constData());
}
} // namespace

storage::OpenResult openForCommand(storage::Database &db, const QString &path, CliAccess access)
{
    bool ok = false;
    const int wait = qEnvironmentVariableIntValue("SALES_COCKPIT_LOCK_WAIT_MS", &ok);
    db.setLockWait(ok && wait >= 0 ? wait : 5000);
    // A reader takes no lock and never writes: it works while the app has the file open.
    if (access == CliAccess::Reads)
        return db.open(path, storage::Database::Mode::ReadOnly, storage::Database::Check::Deferred);
    return db.open(path, storage::Database::Mode::OpenExisting, storage::Database::Check::Now);
}

int commandActor(const storage::Database &db, const QCommandLineParser &parser, const QString &command, QString *actor,
                 QString *actorName)
{
    // The command line speaks global ids (UUIDs); local keys never leave the file (keys.h).
    const QString asUser = parser.value(QStringLiteral("as"));
    *actor = parser.isSet(QStringLiteral("as")) ? storage::keyForUuid(db, QStringLiteral("users"), asUser) : db.currentUserId();
    *actorName = actor->isEmpty() ? QString() : db.userName(*actor);
    if (!actorName->isEmpty() && parser.isSet(QStringLiteral("as"))) {
        // A person who has left the company does not act for it any more: a change recorded
        // under their name would be a change nobody made. Left = the leave date is today or
        // earlier (company day, UTC+8); a leave date still ahead is not a departure yet.
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("SELECT left_date FROM users WHERE id = ?"));
        q.addBindValue(*actor);
        const QDate left = q.exec() && q.next() ? times::dateOf(q.value(0)) : QDate();
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(8 * 3600)).date();
        if (left.isValid() && left <= today) {
            printError(QStringLiteral("%1: --as: %2 (%3) left the company on %4 and can no longer act; "
                                      "pass the id of a current user")
                           .arg(command, *actorName, asUser, left.toString(Qt::ISODate)));
            return 1;
        }
    }
    if (!actorName->isEmpty())
        return 0;
    printError(!parser.isSet(QStringLiteral("as"))
                   ? QStringLiteral("%1: the database names no current user; pass --as USER_ID").arg(command)
                   : QStringLiteral("%1: --as: there is no user \"%2\"").arg(command, asUser));
    return 1;
}

int runRepair(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("db"));
    const QString out = parser.value(QStringLiteral("out"));
    if (path.isEmpty() || out.isEmpty()) {
        printError(QStringLiteral("repair: --db FILE and --out NEW_FILE are required"));
        return 2;
    }
    QString report;
    const QString error = storage::Database::saveRepairedCopy(path, out, &report, [](int percent) {
        std::fprintf(stderr, "\r[%3d%%] saving a repaired copy", percent);
        std::fflush(stderr);
        return true;
    });
    std::fprintf(stderr, "\n");
    if (!error.isEmpty()) {
        printError(QStringLiteral("repair: ") + error);
        return 1;
    }
    printOut(QStringLiteral("wrote a repaired copy of %1 to %2; it passes the check. Rows recovered:").arg(path, out));
    for (const QString &line : report.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        printOut(QStringLiteral("  ") + line);
    printOut(QStringLiteral("%1 was only read. Verify the copy's activity log with: sales-cockpit verify-log --db %2")
                 .arg(path, out));
    return 0;
}

int runDemo(const QCommandLineParser &parser)
{
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty()) {
        printError(QStringLiteral("demo: --out FILE is required"));
        return 2;
    }
    const auto scale = demo::scaleFromString(parser.value(QStringLiteral("scale")));
    if (!scale) {
        printError(QStringLiteral("demo: --scale must be micro, tiny, small or large, not \"%1\"")
                       .arg(parser.value(QStringLiteral("scale"))));
        return 2;
    }
    demo::Options options;
    options.scale = *scale;
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok) {
            printError(QStringLiteral("demo: --seed must be a whole number, not \"%1\"")
                           .arg(parser.value(QStringLiteral("seed"))));
            return 2;
        }
    }
    if (parser.isSet(QStringLiteral("as-of"))) {
        options.asOf = QDate::fromString(parser.value(QStringLiteral("as-of")), Qt::ISODate);
        if (!options.asOf.isValid()) {
            printError(QStringLiteral("demo: --as-of must be a date like 2026-11-22, not \"%1\"")
                           .arg(parser.value(QStringLiteral("as-of"))));
            return 2;
        }
    }
    if (QFileInfo::exists(out)) {
        printError(QStringLiteral("demo: \"%1\" already exists; it is left untouched. Choose another "
                                  "--out path or remove the file first.").arg(out));
        return 1;
    }
    int lastPercent = -1;
    const auto result = demo::generate(out, options, [&](int percent, const QString &phase) {
        if (percent == lastPercent)
            return;
        lastPercent = percent;
        std::fprintf(stderr, "\r[%3d%%] %-40s", percent, phase.toLocal8Bit().constData());
        std::fflush(stderr);
    });
    std::fprintf(stderr, "\n");
    if (!result.ok) {
        printError(QStringLiteral("demo: %1").arg(result.error));
        return 1;
    }
    printOut(QStringLiteral("wrote %1 (%2 scale, seed %3) in %4 s")
                 .arg(out, demo::scaleToString(options.scale))
                 .arg(options.seed)
                 .arg(result.elapsedMs / 1000.0, 0, 'f', 1));
    for (auto it = result.rowCounts.cbegin(); it != result.rowCounts.cend(); ++it)
        printOut(QStringLiteral("  %1 %2").arg(it.key(), -24).arg(it.value()));
    return 0;
}

int runCheck(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        printError(QStringLiteral("check: --db FILE is required"));
        return 2;
    }
    const storage::CheckReport r = storage::Database::check(path);
    if (!r.message.isEmpty())
        printError(QStringLiteral("check: ") + r.message);
    if (r.schemaVersion >= 0)
        printOut(QStringLiteral("schema version: %1 (this app knows up to %2)")
                     .arg(r.schemaVersion).arg(storage::kSchemaVersion));
    if (!r.integrity.isEmpty())
        printOut(QStringLiteral("integrity: %1").arg(r.integrity));
    if (r.schemaVersion >= 0)
        printOut(QStringLiteral("foreign-key problems: %1").arg(r.foreignKeyProblems));
    if (r.staleExitActions >= 0)
        printOut(QStringLiteral("stale exit actions: %1").arg(r.staleExitActions));
    if (r.staleExitActions > 0)
        printError(QStringLiteral("check: %1 stage move(s) hold exit actions that disagree with the activities (a row was "
                                  "changed outside the app); save a corrected copy with: sales-cockpit repair --db %2 "
                                  "--out NEW_FILE").arg(r.staleExitActions).arg(path));
    printOut(r.ok ? QStringLiteral("sound") : QStringLiteral("NOT sound"));
    return r.ok ? 0 : 1;
}

int runVerifyLog(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        printError(QStringLiteral("verify-log: --db FILE is required"));
        return 2;
    }
    // An auditor's recorded head: the file holds its own head, so only a head kept elsewhere
    // shows a cut tail whose head was rolled back with it.
    qint64 expectSeq = -1;
    QByteArray expectHash;
    if (parser.isSet(QStringLiteral("expect-head"))) {
        const QString text = parser.value(QStringLiteral("expect-head")).trimmed();
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        bool ok = false;
        expectSeq = colon > 0 ? text.left(colon).toLongLong(&ok) : -1;
        expectHash = QByteArray::fromHex(text.mid(colon + 1).toLatin1());
        if (!ok || expectSeq < 0 || expectHash.size() != 32 || text.mid(colon + 1).size() != 64) {
            printError(QStringLiteral("verify-log: --expect-head \"%1\" is not SEQ:HASH as verify-log prints it "
                                      "(a record number, a colon, 64 hex digits)").arg(text));
            return 2;
        }
    }
    // The head the team server anchored: asked first, so a server that cannot be asked costs
    // no full verify.
    const bool againstServer = parser.isSet(QStringLiteral("server"));
    ServerAnchorCheck anchored;
    if (againstServer) {
        if (const int code = readServerAnchor(parser, path, &anchored))
            return code;
    }
    const storage::VerifyResult r = storage::verifyLogFile(path, {}, nullptr, expectSeq);
    if (r.problem == storage::VerifyResult::Problem::Error) {
        printError(QStringLiteral("verify-log: ") + r.message);
        return 2;
    }
    const QString seconds = QString::number(r.elapsedMs / 1000.0, 'f', 2);
    if (!r.ok) {
        // The message names the record's kind and id where the record still exists.
        printOut(QStringLiteral("log NOT intact: first bad record #%1: %2").arg(r.badIndex).arg(r.message));
        printOut(QStringLiteral("%1 records verified before it, in %2 s").arg(r.recordsChecked).arg(seconds));
        if (againstServer)
            reportServerAnchor(anchored);
        return 1;
    }
    printOut(QStringLiteral("log intact: %1 records verified in %2 s").arg(r.recordsChecked).arg(seconds));
    if (r.headSeq >= 0)
        printOut(QStringLiteral("head: %1:%2 (record it elsewhere; verify-log --expect-head %1:%2 later shows a cut or "
                                "rewritten log)").arg(r.headSeq).arg(QString::fromLatin1(r.headHash.toHex())));
    if (expectSeq >= 0) {
        if (expectSeq > r.headSeq) {
            printOut(QStringLiteral("log NOT intact: it ends at record #%1, before the recorded head #%2: records were "
                                    "cut off and the head rolled back").arg(r.headSeq).arg(expectSeq));
            return 1;
        }
        if (r.anchorHash != expectHash) {
            printOut(QStringLiteral("log NOT intact: record #%1 is not the one recorded (hash %2, recorded %3): the log "
                                    "was rewritten up to it").arg(expectSeq).arg(QString::fromLatin1(r.anchorHash.toHex()),
                                                                                 QString::fromLatin1(expectHash.toHex())));
            return 1;
        }
        printOut(QStringLiteral("the recorded head #%1 is unchanged").arg(expectSeq));
    }
    return againstServer ? reportServerAnchor(anchored) : 0;
}

} // namespace cockpit::app
