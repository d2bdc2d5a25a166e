#pragma once
// Evaluation and loading of the inbox off the GUI thread: opens a connection of its own to
// the database file (any thread), optionally evaluates every rule, and reads every alert
// with the names the inbox shows.
#include "alerts/alertevaluator.h"
#include "alerts/alertstore.h"
#include "storage/changes.h"

#include <atomic>

namespace cockpit::alerts {

struct InboxSnapshot
{
    bool ok = false;
    QString error;
    bool evaluated = false;
    EvaluationResult evaluation;
    std::vector<AlertRecord> alerts;
    QHash<QString, QString> regionNames; // region id → name
    QHash<QString, QString> managerOf;   // user id → manager id ("Addressed to me" digest)
};

// Safe to call from a worker thread. `progress` gets 0..100 (evaluation 0..80, loading 80..100).
// The evaluation's writes are announced through `sink` (the open Database's changeSink()).
InboxSnapshot evaluateAndLoad(const QString &path, const Clock &clock, bool evaluate,
                              const std::function<void(int)> &progress = {},
                              const storage::ChangeSink &sink = {});

// Region id → name (for the inbox filter).
QHash<QString, QString> regionNames(QSqlDatabase db);
// User id → manager id ("" at the top), every user not removed.
QHash<QString, QString> managerOf(QSqlDatabase db);

} // namespace cockpit::alerts
