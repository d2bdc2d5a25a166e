#include "items/alertactions.h"

#include "storage/database.h"

#include <QSqlDatabase>
#include <QUndoStack>

namespace cockpit {

AlertStateCommand::AlertStateCommand(alerts::AlertStore &store, alerts::AlertChange change,
                                     std::function<void(const QString &)> onError,
                                     std::function<void(const QString &)> onChanged, const QString &text)
    : QUndoCommand(text), m_store(store), m_change(std::move(change)), m_onError(std::move(onError)),
      m_onChanged(std::move(onChanged))
{
}

void AlertStateCommand::redo()
{
    if (std::exchange(m_skipRedo, false))
        return;
    const auto r = m_store.writeState(m_change.alertId, m_change.before, m_change.after);
    if (!r.ok && m_onError)
        m_onError(r.error);
    if (m_onChanged)
        m_onChanged(m_change.alertId);
}

void AlertStateCommand::undo()
{
    const auto r = m_store.writeState(m_change.alertId, m_change.after, m_change.before);
    if (!r.ok && m_onError)
        m_onError(r.error);
    if (m_onChanged)
        m_onChanged(m_change.alertId);
}

AlertActions::AlertActions(storage::Database &db, QUndoStack &stack, const Clock &clock, QObject *parent)
    : QObject(parent), m_db(db), m_stack(stack), m_store(db.connection(), clock)
{
}

QString AlertActions::actorId() const
{
    return m_db.currentUserId();
}

alerts::AlertChange AlertActions::push(alerts::AlertChange change, const QString &text)
{
    if (!change.ok)
        return change;
    m_stack.push(new AlertStateCommand(
        m_store, change, [this](const QString &e) { Q_EMIT commandFailed(e); },
        [this](const QString &id) { Q_EMIT alertChanged(id); }, text));
    Q_EMIT alertChanged(change.alertId);
    return change;
}

void AlertActions::beginGroup(const QString &text)
{
    m_stack.beginMacro(text);
}

void AlertActions::endGroup()
{
    m_stack.endMacro();
}

alerts::AlertChange AlertActions::acknowledge(const QString &alertId)
{
    return push(m_store.acknowledge(alertId, actorId()), tr("Acknowledge alert"));
}

alerts::AlertChange AlertActions::resolve(const QString &alertId)
{
    return push(m_store.resolve(alertId, actorId()), tr("Resolve alert"));
}

alerts::AlertChange AlertActions::escalate(const QString &alertId)
{
    return push(m_store.escalate(alertId, actorId()), tr("Escalate alert"));
}

} // namespace cockpit
