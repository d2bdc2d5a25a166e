#pragma once
// The undoable edits. Each command has already been applied once by EditController
// (so a refused edit never reaches the stack); the first redo() from QUndoStack::push is
// therefore skipped. A later undo/redo that storage refuses reports through onError.
#include "storage/customerrepository.h"
#include "storage/leadrepository.h"

#include <QUndoCommand>
#include <QVariantMap>

#include <functional>

namespace cockpit {

using ErrorSink = std::function<void(const QString &)>;

class EditLeadCommand : public QUndoCommand
{
public:
    EditLeadCommand(storage::LeadRepository &repo, QString leadId, QVariantMap before,
                    QVariantMap after, QString actorId, ErrorSink onError, const QString &text,
                    QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    storage::LeadRepository &m_repo;
    QString m_id, m_actor;
    QVariantMap m_before, m_after;
    ErrorSink m_onError;
    bool m_skipRedo = true;
};

// Undo puts the lead back exactly as it stood (stage, since when, status, probability), redo
// as the move left it; each is still appended to stage history.
class MoveStageCommand : public QUndoCommand
{
public:
    // `after`: the lead as the move left it, what redo puts back.
    MoveStageCommand(storage::LeadRepository &repo, QString leadId, storage::StageRestore before,
                     storage::StageRestore after, QString toStageId, QString reason, QString actorId, ErrorSink onError,
                     const QString &text, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    storage::LeadRepository &m_repo;
    storage::StageRestore m_before, m_after;
    QString m_id, m_to, m_reason, m_actor;
    ErrorSink m_onError;
    bool m_skipRedo = true;
};

class CreateCustomerCommand : public QUndoCommand
{
public:
    CreateCustomerCommand(storage::CustomerRepository &repo, QString customerId,
                          ErrorSink onError, const QString &text);
    void redo() override;
    void undo() override;

private:
    storage::CustomerRepository &m_repo;
    QString m_id;
    ErrorSink m_onError;
    bool m_skipRedo = true;
};

} // namespace cockpit
