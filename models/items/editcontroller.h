#pragma once
// The one command path for user edits (STYLE.md): the UI, and later bulk actions and
// import, call these; each validates through storage, writes once, and on success pushes
// an undoable command onto the shared QUndoStack.
#include "storage/customerrepository.h"
#include "storage/leadrepository.h"

#include <QObject>

#include <atomic>

class QUndoCommand;
class QUndoStack;

namespace cockpit {

namespace storage {
class Database;
}

class EditController : public QObject
{
    Q_OBJECT
public:
    EditController(storage::Database &db, QUndoStack &stack, QObject *parent = nullptr);

    storage::WriteResult editLead(const QString &leadId, const QVariantMap &changes);
    storage::WriteResult moveLead(const QString &leadId, const QString &toStageId,
                                  const QString &reason = {});
    // The editor's "Save and move": the field changes, then the move, as ONE undo step. When
    // the move is refused the saved fields stay (one undo step of their own) and the
    // refusal is returned.
    storage::WriteResult editAndMoveLead(const QString &leadId, const QVariantMap &changes,
                                         const QString &toStageId, const QString &reason = {});
    storage::CreateResult createCustomer(const storage::NewCustomer &customer);

    // A company import the import job wrote (run `runId`): pushed as one undo step, whose undo
    // and redo run on a worker (busy(), progress() and idle() meanwhile; cancelLongStep()
    // stops one, rolled back, and puts the stack back as it was).
    void pushImport(qint64 runId, const QString &undoText);
    // Cancels the undo or redo that runs (safe from any thread): nothing of it stays, and the
    // undo stack is put back where it was (after the event loop's next turn).
    void cancelLongStep() { m_cancelLongStep.store(true); }
    // A modal progress dialog (with Cancel) shows long steps: their wait lets user input through.
    void setLongStepsTakeInput(bool on) { m_longStepsTakeInput = on; }

    QString actorId() const;
    storage::LeadRepository &leads() { return m_leads; }
    storage::CustomerRepository &customers() { return m_customers; }
    QUndoStack &undoStack() { return m_stack; }

Q_SIGNALS:
    // An undo or redo that storage refused (e.g. the record changed meanwhile).
    void commandFailed(const QString &message);
    // A long undo or redo (an import's) runs on a worker: what it does, then idle() when done.
    void busy(const QString &what);
    // Rows done of the rows to do (emitted from the worker: queued to receivers elsewhere).
    void progress(qint64 done, qint64 total);
    void idle();
    // A long step was cancelled: nothing changed (`undoing`: it was an undo).
    void longStepCancelled(bool undoing);

private:
    // Writes the changes that differ from storage and returns their undo command (not yet
    // pushed); null when nothing changed or on failure (`result` says which).
    QUndoCommand *applyEdit(const QString &leadId, const QVariantMap &changes, storage::WriteResult *result);
    QUndoCommand *applyMove(const QString &leadId, const QString &toStageId, const QString &reason,
                            storage::WriteResult *result);

    storage::Database &m_db;
    QUndoStack &m_stack;
    std::atomic<bool> m_cancelLongStep{false};
    bool m_longStepsTakeInput = false;
    storage::LeadRepository m_leads;
    storage::CustomerRepository m_customers;
};

} // namespace cockpit
