#include "items/importcommand.h"

#include "imports/importwriter.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace cockpit {

ImportCommand::ImportCommand(storage::Database &db, qint64 runId, qint64 actorKey, ErrorSink onError, const QString &text)
    : QUndoCommand(text), m_db(db), m_run(runId), m_actor(actorKey), m_onError(std::move(onError))
{
}

void ImportCommand::redo()
{
    if (std::exchange(m_skipRedo, false))
        return;
    QString error;
    if (!imports::ImportWriter::redo(m_db.connection(), m_run, m_actor, &error) && m_onError)
        m_onError(QCoreApplication::translate("cockpit::ImportCommand", "Could not redo the import: %1").arg(error));
    m_db.announceChanges();
}

void ImportCommand::undo()
{
    QString error;
    if (!imports::ImportWriter::undo(m_db.connection(), m_run, m_actor, &error) && m_onError)
        m_onError(QCoreApplication::translate("cockpit::ImportCommand", "Could not undo the import: %1").arg(error));
    m_db.announceChanges();
}

} // namespace cockpit
