#include "items/commands.h"

#include <QCoreApplication>

namespace cockpit {

EditLeadCommand::EditLeadCommand(storage::LeadRepository &repo, QString leadId, QVariantMap before,
                                 QVariantMap after, QString actorId, ErrorSink onError,
                                 const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_repo(repo), m_id(std::move(leadId)), m_actor(std::move(actorId)),
      m_before(std::move(before)), m_after(std::move(after)), m_onError(std::move(onError))
{
}

void EditLeadCommand::redo()
{
    if (std::exchange(m_skipRedo, false))
        return;
    const auto r = m_repo.update(m_id, m_after, m_actor);
    if (!r.ok && m_onError)
        m_onError(r.error);
}

void EditLeadCommand::undo()
{
    const auto r = m_repo.update(m_id, m_before, m_actor);
    if (!r.ok && m_onError)
        m_onError(r.error);
}

MoveStageCommand::MoveStageCommand(storage::LeadRepository &repo, QString leadId, storage::StageRestore before,
                                   storage::StageRestore after, QString toStageId, QString reason, QString actorId,
                                   ErrorSink onError, const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_repo(repo), m_before(std::move(before)), m_after(std::move(after)),
      m_id(std::move(leadId)),
      m_to(std::move(toStageId)), m_reason(std::move(reason)), m_actor(std::move(actorId)),
      m_onError(std::move(onError))
{
}

void MoveStageCommand::redo()
{
    if (std::exchange(m_skipRedo, false))
        return;
    const auto r = m_repo.restoreStage(m_id, m_after, m_actor, m_reason);
    if (!r.ok && m_onError)
        m_onError(r.error);
}

void MoveStageCommand::undo()
{
    // Stage history is append-only: undo is a move back, recorded as such, and the lead is
    // put back exactly as it stood (it does not re-enter its old stage "now").
    const auto r = m_repo.restoreStage(m_id, m_before, m_actor, storage::undoReason());
    if (!r.ok && m_onError)
        m_onError(r.error);
}

CreateCustomerCommand::CreateCustomerCommand(storage::CustomerRepository &repo, QString customerId,
                                             ErrorSink onError, const QString &text)
    : QUndoCommand(text), m_repo(repo), m_id(std::move(customerId)), m_onError(std::move(onError))
{
}

void CreateCustomerCommand::redo()
{
    if (std::exchange(m_skipRedo, false))
        return;
    QString error;
    if (!m_repo.restore(m_id, &error) && m_onError)
        m_onError(error);
}

void CreateCustomerCommand::undo()
{
    QString error;
    if (!m_repo.remove(m_id, &error) && m_onError)
        m_onError(error);
}

} // namespace cockpit
