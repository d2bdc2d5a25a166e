#pragma once
// The command-line subcommands that need no window: `demo` and `check`.
#include <QString>

class QCommandLineParser;

namespace cockpit::app {

// Each returns the process exit code and prints to stdout/stderr.
int runDemo(const QCommandLineParser &parser);
int runCheck(const QCommandLineParser &parser);
// `alerts`: evaluate the alert rules and print the open alerts (app/alertscli.cpp).
int runAlerts(const QCommandLineParser &parser);
// move-stage --db FILE --lead ID --to STAGE [--reason TEXT] [--as USER_ID] (clipipelines.cpp)
int runMoveStage(const QCommandLineParser &parser);

// Writes `text` plus a newline to stderr.
void printError(const QString &text);

} // namespace cockpit::app
