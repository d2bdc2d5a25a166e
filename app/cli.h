#pragma once
// The command-line subcommands that need no window: `demo`, `check` and `verify-log`.
#include <QString>

#include "storage/database.h"
#include "sync/syncchain.h"

class QCommandLineParser;

namespace cockpit::app {

// How every command opens its database. A command that writes waits a few seconds for a
// file another command or window holds (SALES_COCKPIT_LOCK_WAIT_MS overrides, default 5000)
// and runs the full-file check first, so a damaged file is never written; a command that only
// reads takes no lock and cannot write.
enum class CliAccess { Reads, Writes };
storage::OpenResult openForCommand(storage::Database &db, const QString &path, CliAccess access);
// Who a writing command acts as: the user --as names by UUID, or the file's current user. Sets
// the user's local key and name and returns 0, or prints why not (prefixed by `command`) and
// returns the exit code.
int commandActor(const storage::Database &db, const QCommandLineParser &parser, const QString &command, QString *actor,
                 QString *actorName);

// Each returns the process exit code and prints to stdout/stderr.
int runDemo(const QCommandLineParser &parser);
int runCheck(const QCommandLineParser &parser);
// `alerts`: evaluate the alert rules and print the open alerts (app/alertscli.cpp).
int runAlerts(const QCommandLineParser &parser);
// verify-log --db FILE [--expect-head SEQ:HASH] [--server URL]: 0 when the activity log is
// intact, 1 naming the first bad record (or the cut or rewrite a recorded or anchored head
// shows), 2 when the file cannot be verified or the server not asked.
int runVerifyLog(const QCommandLineParser &parser);
// verify-log --server URL (verifylogserver.cpp): the head the team server anchored for the
// file's client id, read before the local verify (0, or the exit code having printed why),
// then compared with the file's (0 matches or nothing anchored yet, 1 cut or rewritten).
struct ServerAnchorCheck
{
    QString server;   // login@host:port/db
    QString login;
    QString clientId; // empty: the file never synced
    sync::ChainAnchor anchor;
    qint64 fileHead = -1;
    QByteArray fileHash; // the file's stored hash of record anchor.seq
    QString fileError;   // why that record could not be read
};
int readServerAnchor(const QCommandLineParser &parser, const QString &path, ServerAnchorCheck *check);
int reportServerAnchor(const ServerAnchorCheck &check);
// move-stage --db FILE --lead ID --to STAGE [--reason TEXT] [--as USER_ID] (clipipelines.cpp)
int runMoveStage(const QCommandLineParser &parser);
// delete-activity / restore-activity --db FILE --activity ID [--reason TEXT] [--as USER_ID]
// (clideletions.cpp): a logged soft delete (`deleted`) or restore of an activity; 0 when done,
// 1 when the file, the activity or the user is refused, 2 for bad arguments.
int runSetActivityDeleted(const QCommandLineParser &parser, bool deleted);

// report NAME --db FILE [--period P] [--by G] [--org ORG] [--format csv|json|table] [--now ISO]
// (reportcli.cpp): a cockpit figure as a table; 0 on success, 1 when the file or a query
// fails, 2 for bad arguments.
int runReport(const QCommandLineParser &parser);


// init --db FILE [--currency CNY|USD|…] [--user NAME]: an empty company to import into;
// import --db FILE (--entity E --file IN [--mapping M] | --mapping M (--dir D | --file BOOK.xlsx))
// [--dry-run] [--skip-bad-rows] [--on-duplicate skip|update|replace] [--errors OUT.csv]
// [--format table|json] [--create-org] [--encoding E] [--delimiter C] [--now ISO];
// undo-import --db FILE [--run N] (importcli.cpp).
int runInit(const QCommandLineParser &parser);
int runImport(const QCommandLineParser &parser);
int runUndoImport(const QCommandLineParser &parser);

// server init|add-user|users|upgrade --server postgresql://ADMIN@HOST:PORT/DB … (servercli.cpp):
// provisions a team server; 0 when done (or nothing to do), 1 when refused, 2 for bad arguments.
int runServer(const QCommandLineParser &parser);
int runSync(const QCommandLineParser &parser);

// Writes `text` plus a newline to stderr.
void printError(const QString &text);

// Columns a text takes in a terminal: CJK and other wide characters (U+1100 and up) two, the
// rest one, so a table of Chinese names lines up. padded(): `text` filled with spaces to `width`
// columns (never cut).
int displayWidth(const QString &text);
QString padded(const QString &text, int width);

// repair --db DAMAGED --out NEW: saves what can be read from a damaged file into a new one.
int runRepair(const QCommandLineParser &parser);

} // namespace cockpit::app
