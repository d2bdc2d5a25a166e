#pragma once
// A company import (models/imports) as one undo step: the rows were written by the import's
// worker; undo takes the whole import back (ImportWriter::undo: created rows tombstoned,
// changed rows restored, imported stage moves deleted through the log), redo puts it back.
// Failures go to the error sink (EditController::commandFailed); screens follow the rows
// through the change notifier.
#include "items/commands.h"

#include <QUndoCommand>

namespace cockpit {

class ImportCommand : public QUndoCommand
{
public:
    ImportCommand(storage::Database &db, qint64 runId, qint64 actorKey, ErrorSink onError, const QString &text);
    void redo() override;
    void undo() override;

private:
    storage::Database &m_db;
    qint64 m_run;
    qint64 m_actor;
    ErrorSink m_onError;
    bool m_skipRedo = true;
};

} // namespace cockpit
