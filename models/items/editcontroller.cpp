#include "items/editcontroller.h"

#include "items/commands.h"
#include "items/importcommand.h"
#include "storage/database.h"

#include <QSqlDatabase>
#include <QUndoStack>

namespace cockpit {

EditController::EditController(storage::Database &db, QUndoStack &stack, QObject *parent)
    : QObject(parent), m_db(db), m_stack(stack), m_leads(db), m_customers(db)
{
}

QString EditController::actorId() const
{
    return m_db.currentUserId();
}

QUndoCommand *EditController::applyEdit(const QString &leadId, const QVariantMap &changes,
                                        storage::WriteResult *result)
{
    const QVariantMap before = m_leads.values(leadId, changes.keys());
    QVariantMap after;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        // Only real changes become an undo step.
        if (!before.contains(it.key()) || before.value(it.key()).toString() != it.value().toString())
            after.insert(it.key(), it.value());
    }
    *result = storage::WriteResult{true, {}, {}};
    if (after.isEmpty())
        return nullptr;
    QVariantMap undoValues;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        undoValues.insert(it.key(), before.value(it.key()));
    *result = m_leads.update(leadId, after, actorId());
    if (!result->ok)
        return nullptr;
    return new EditLeadCommand(m_leads, leadId, undoValues, after, actorId(),
                               [this](const QString &e) { Q_EMIT commandFailed(e); }, tr("Edit lead"));
}

QUndoCommand *EditController::applyMove(const QString &leadId, const QString &toStageId, const QString &reason,
                                        storage::WriteResult *result)
{
    const auto lead = m_leads.fetch(leadId);
    if (!lead) {
        *result = storage::WriteResult{false, tr("The lead no longer exists."), {}};
        return nullptr;
    }
    *result = m_leads.moveStage(leadId, toStageId, actorId(), reason);
    if (!result->ok)
        return nullptr;
    const auto moved = m_leads.fetch(leadId);
    return new MoveStageCommand(m_leads, leadId, storage::LeadRepository::restoreOf(*lead),
                                moved ? storage::LeadRepository::restoreOf(*moved) : storage::StageRestore{},
                                toStageId, reason, actorId(), [this](const QString &e) { Q_EMIT commandFailed(e); },
                                tr("Move stage"));
}

storage::WriteResult EditController::editLead(const QString &leadId, const QVariantMap &changes)
{
    storage::WriteResult result;
    if (QUndoCommand *c = applyEdit(leadId, changes, &result))
        m_stack.push(c);
    return result;
}

storage::WriteResult EditController::moveLead(const QString &leadId, const QString &toStageId,
                                              const QString &reason)
{
    storage::WriteResult result;
    if (QUndoCommand *c = applyMove(leadId, toStageId, reason, &result))
        m_stack.push(c);
    return result;
}

storage::WriteResult EditController::editAndMoveLead(const QString &leadId, const QVariantMap &changes,
                                                     const QString &toStageId, const QString &reason)
{
    // The fields first (the gate reads them), then the move. A move sets the stage's default
    // probability, so a probability the person typed is written after it and wins.
    QVariantMap fields = changes;
    const QVariant probability = fields.take(QStringLiteral("probability"));
    QList<QUndoCommand *> steps;
    storage::WriteResult result;
    if (QUndoCommand *edit = applyEdit(leadId, fields, &result))
        steps << edit;
    if (result.ok) {
        if (QUndoCommand *move = applyMove(leadId, toStageId, reason, &result))
            steps << move;
        // Refused move: the saved fields stay (and undo on their own); so does a typed probability.
        storage::WriteResult typed{true, {}, {}};
        if (probability.isValid())
            if (QUndoCommand *edit = applyEdit(leadId, {{QStringLiteral("probability"), probability}}, &typed))
                steps << edit;
        if (result.ok && !typed.ok)
            result = typed;
    }
    if (steps.size() > 1) { // one undo step: Ctrl+Z puts back the fields and the stage together
        m_stack.beginMacro(result.ok ? tr("Edit and move stage") : tr("Edit lead"));
        for (QUndoCommand *c : steps)
            m_stack.push(c);
        m_stack.endMacro();
    } else if (!steps.isEmpty()) {
        m_stack.push(steps.first());
    }
    return result;
}

storage::CreateResult EditController::createCustomer(const storage::NewCustomer &customer)
{
    const auto result = m_customers.create(customer, actorId());
    if (!result.ok)
        return result;
    m_stack.push(new CreateCustomerCommand(m_customers, result.id,
                                           [this](const QString &e) { Q_EMIT commandFailed(e); },
                                           tr("New customer %1").arg(customer.name.trimmed())));
    return result;
}

void EditController::pushImport(qint64 runId, const QString &undoText)
{
    LongStepHooks hooks;
    hooks.busy = [this](bool running, const QString &what) {
        if (running) {
            m_cancelLongStep.store(false);
            Q_EMIT busy(what);
        } else {
            Q_EMIT idle();
        }
    };
    hooks.progress = [this](qint64 done, qint64 total) {
        Q_EMIT progress(done, total);
        return !m_cancelLongStep.load();
    };
    hooks.cancelled = [this](bool undoing) {
        // QUndoStack has moved its index past the command when it returns: moved back once the
        // stack is done (the command skips that call), so the stack is as before.
        QMetaObject::invokeMethod(
            this, [this, undoing] { undoing ? m_stack.redo() : m_stack.undo(); }, Qt::QueuedConnection);
        Q_EMIT longStepCancelled(undoing);
    };
    hooks.takesInput = [this] { return m_longStepsTakeInput; };
    m_stack.push(new ImportCommand(
        m_db, runId, actorId().toLongLong(), [this](const QString &e) { Q_EMIT commandFailed(e); }, std::move(hooks),
        undoText));
}

} // namespace cockpit
