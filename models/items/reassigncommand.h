#pragma once
// Bulk reassignment as one undo step: the owner changes were written once by
// reassignLeads(); undo puts every old owner back in one transaction, redo writes the new
// owners again. Either refuses (and writes nothing) when a lead changed meanwhile.
#include "assign/assignstore.h"
#include "items/commands.h"

#include <QUndoCommand>

class QUndoStack;

namespace cockpit {

class Clock;

class ReassignLeadsCommand : public QUndoCommand
{
public:
    ReassignLeadsCommand(storage::Database &db, QList<assign::OwnerChange> changes, QString actorId,
                         ErrorSink onError, const QString &text);
    void redo() override;
    void undo() override;
    const QList<assign::OwnerChange> &changes() const { return m_changes; }

private:
    assign::AssignStore m_store;
    QList<assign::OwnerChange> m_changes;
    QString m_actor;
    ErrorSink m_onError;
    bool m_skipRedo = true;
};

// Reassigns the leads to `repId`, or auto-assigns them when `repId` is empty, and pushes
// one undo step when anything changed. The result says how many moved and why others
// did not.
assign::BulkResult reassignLeads(storage::Database &db, QUndoStack &stack, const QStringList &leadIds,
                                 const QString &repId, const Clock &clock, const QString &actorId,
                                 std::uint64_t seed, ErrorSink onError);

} // namespace cockpit
