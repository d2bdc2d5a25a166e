// `delete-activity` and `restore-activity`: a soft delete or restore of a chained activity from
// the command line, logged as a record of the activity log (storage/activitylog.h), so that
// verify-log tells it from a flag flipped by hand.
#include "cli.h"

#include "storage/activitylog.h"
#include "storage/database.h"
#include "storage/keys.h"

#include <QCommandLineParser>

#include <cstdio>

namespace cockpit::app {

namespace {
void printOut(const QString &text)
{
    std::fprintf(stdout, "%s\n", text.toLocal8Bit().constData());
}
} // namespace

int runSetActivityDeleted(const QCommandLineParser &parser, bool deleted)
{
    const QString command = deleted ? QStringLiteral("delete-activity") : QStringLiteral("restore-activity");
    const QString path = parser.value(QStringLiteral("db"));
    const QString activity = parser.value(QStringLiteral("activity"));
    for (const auto &[name, value] : {std::pair{"--db FILE", path}, std::pair{"--activity ID", activity}}) {
        if (value.isEmpty()) {
            printError(QStringLiteral("%1: %2 is required").arg(command, QLatin1String(name)));
            return 2;
        }
    }
    storage::Database db;
    const auto opened = openForCommand(db, path, CliAccess::Writes);
    if (!opened.ok()) {
        printError(QStringLiteral("%1: %2").arg(command, opened.message));
        return 1;
    }
    QString actor, actorName;
    if (const int code = commandActor(db, parser, command, &actor, &actorName))
        return code;
    const QString key = storage::keyForUuid(db, QStringLiteral("activities"), activity);
    if (key.isEmpty()) {
        printError(QStringLiteral("%1: there is no activity \"%2\"").arg(command, activity));
        return 1;
    }
    const QString reason = parser.value(QStringLiteral("reason"));
    const storage::LoggedDeletion r =
        storage::setLoggedDeleted(db, storage::LogRecordKind::Activity, key, deleted, actor, reason);
    if (!r.ok) {
        printError(QStringLiteral("%1: refused: %2").arg(command, r.error));
        return 1;
    }
    printOut(QStringLiteral("%1 activity %2 by %3%4; logged as record #%5")
                 .arg(deleted ? QStringLiteral("deleted") : QStringLiteral("restored"), activity, actorName,
                      reason.isEmpty() ? QString() : QStringLiteral(", reason: ") + reason)
                 .arg(r.seq));
    return 0;
}

} // namespace cockpit::app
