#pragma once
// A company import (models/imports) as one undo step: the rows were written by the import's
// worker; undo takes the whole import back (ImportWriter::undo: created rows tombstoned,
// changed rows restored, imported stage moves deleted through the log), redo puts it back.
//
// A large import's undo or redo takes seconds, so it runs on a worker with a connection of
// its own (storage::openConnection, as ImportJob does). QUndoStack calls undo() and redo()
// and expects them done when they return, so they wait for the worker in a local event loop:
// the window repaints and shows what is going on (the busy hook: "Undoing the import…" on
// start, an empty text at the end; the progress hook: rows done of the rows to do), timers
// and other workers' results go on. User input stays queued, unless the hooks say a modal
// progress dialog takes it (takesInput): then its Cancel can be pressed, and the dialog keeps
// every other window (and a second undo) away. A cancel (the progress hook answers false)
// rolls the worker's transaction back: nothing changed, and the cancelled hook is told, so
// the stack can be put back where it was (QUndoStack has moved its index by then; the
// command skips the next call, which the stack's correction makes). Failures go to the error
// sink (EditController::commandFailed); screens follow the rows through the change notifier.
#include "items/commands.h"

#include <QUndoCommand>

namespace cockpit {

// Told `running` true with what runs ("Undoing the import…") before a long step, false after.
using BusySink = std::function<void(bool running, const QString &what)>;

struct LongStepHooks
{
    BusySink busy;
    // Called on the worker as rows are done (done == total last, before the commit); false
    // cancels the step.
    std::function<bool(qint64 done, qint64 total)> progress;
    // On the GUI thread after a cancelled step (`undoing`: it was an undo): nothing changed,
    // but the stack's index has moved.
    std::function<void(bool undoing)> cancelled;
    // true while a modal progress dialog shows the step: the wait lets user input through.
    std::function<bool()> takesInput;
};

class ImportCommand : public QUndoCommand
{
public:
    ImportCommand(storage::Database &db, qint64 runId, qint64 actorKey, ErrorSink onError, LongStepHooks hooks,
                  const QString &text);
    void redo() override;
    void undo() override;

private:
    void run(bool undoing);

    storage::Database &m_db;
    qint64 m_run;
    qint64 m_actor;
    ErrorSink m_onError;
    LongStepHooks m_hooks;
    // The next undo() or redo() does nothing: the push's redo (the import is written
    // already), or the stack's correction after a cancel.
    bool m_skipNext = true;
};

} // namespace cockpit
