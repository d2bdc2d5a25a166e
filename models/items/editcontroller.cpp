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

storage::WriteResult EditController::editLead(const QString &leadId, const QVariantMap &changes)
{
    const QVariantMap before = m_leads.values(leadId, changes.keys());
    QVariantMap after;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        // Only real changes become an undo step.
        if (!before.contains(it.key()) || before.value(it.key()).toString() != it.value().toString())
            after.insert(it.key(), it.value());
    }
    if (after.isEmpty())
        return storage::WriteResult{true, {}, {}};
    QVariantMap undoValues;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        undoValues.insert(it.key(), before.value(it.key()));
    const auto result = m_leads.update(leadId, after, actorId());
    if (!result.ok)
        return result;
    m_stack.push(new EditLeadCommand(m_leads, leadId, undoValues, after, actorId(),
                                     [this](const QString &e) { Q_EMIT commandFailed(e); },
                                     tr("Edit lead")));
    return result;
}

storage::WriteResult EditController::moveLead(const QString &leadId, const QString &toStageId,
                                              const QString &reason)
{
    const auto lead = m_leads.fetch(leadId);
    if (!lead)
        return storage::WriteResult{false, tr("The lead no longer exists."), {}};
    const auto result = m_leads.moveStage(leadId, toStageId, actorId(), reason);
    if (!result.ok)
        return result;
    m_stack.push(new MoveStageCommand(m_leads, leadId, lead->stageId, toStageId, reason, actorId(),
                                      [this](const QString &e) { Q_EMIT commandFailed(e); },
                                      tr("Move stage")));
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
    m_stack.push(new ImportCommand(
        m_db, runId, actorId().toLongLong(), [this](const QString &e) { Q_EMIT commandFailed(e); },
        [this](bool running, const QString &what) {
            if (running)
                Q_EMIT busy(what);
            else
                Q_EMIT idle();
        },
        undoText));
}

} // namespace cockpit
