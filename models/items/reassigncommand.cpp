#include "items/reassigncommand.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace cockpit {

ReassignLeadsCommand::ReassignLeadsCommand(storage::Database &db, QList<assign::OwnerChange> changes,
                                           QString actorId, ErrorSink onError, const QString &text)
    : QUndoCommand(text), m_store(db), m_changes(std::move(changes)), m_actor(std::move(actorId)),
      m_onError(std::move(onError))
{
}

void ReassignLeadsCommand::redo()
{
    if (std::exchange(m_skipRedo, false))
        return;
    QString error;
    if (!m_store.apply(m_changes, true, m_actor, &error) && m_onError)
        m_onError(error);
}

void ReassignLeadsCommand::undo()
{
    QString error;
    if (!m_store.apply(m_changes, false, m_actor, &error) && m_onError)
        m_onError(error);
}

assign::BulkResult reassignLeads(storage::Database &db, QUndoStack &stack, const QStringList &leadIds,
                                 const QString &repId, const Clock &clock, const QString &actorId,
                                 std::uint64_t seed, ErrorSink onError)
{
    assign::AssignStore store(db);
    assign::BulkResult r = repId.isEmpty() ? store.autoAssign(leadIds, clock, actorId, seed)
                                           : store.reassignTo(leadIds, repId, clock, actorId);
    if (r.ok && !r.changes.isEmpty()) {
        const QString text = QCoreApplication::translate("ReassignLeadsCommand", "Reassign %n lead(s)", nullptr,
                                                         int(r.changes.size()));
        stack.push(new ReassignLeadsCommand(db, r.changes, actorId, std::move(onError), text));
    }
    return r;
}

} // namespace cockpit
