#pragma once
// A company import (models/imports) as one undo step: the rows were written by the import's
// worker; undo takes the whole import back (ImportWriter::undo: created rows tombstoned,
// changed rows restored, imported stage moves deleted through the log), redo puts it back.
//
// A large import's undo or redo takes seconds, so it runs on a worker with a connection of
// its own (storage::openConnection, as ImportJob does). QUndoStack calls undo() and redo()
// and expects them done when they return, so they wait for the worker in a local event loop
// that leaves user input queued: the window repaints and shows what is going on (the busy
// sink: "Undoing the import…" on start, an empty text at the end), timers and other workers'
// results go on, and no second undo can start meanwhile. Failures go to the error sink
// (EditController::commandFailed); screens follow the rows through the change notifier.
#include "items/commands.h"

#include <QUndoCommand>

namespace cockpit {

// Told `running` true with what runs ("Undoing the import…") before a long step, false after.
using BusySink = std::function<void(bool running, const QString &what)>;

class ImportCommand : public QUndoCommand
{
public:
    ImportCommand(storage::Database &db, qint64 runId, qint64 actorKey, ErrorSink onError, BusySink onBusy,
                  const QString &text);
    void redo() override;
    void undo() override;

private:
    void run(bool undoing);

    storage::Database &m_db;
    qint64 m_run;
    qint64 m_actor;
    ErrorSink m_onError;
    BusySink m_onBusy;
    bool m_skipRedo = true;
};

} // namespace cockpit
