#pragma once
// The person-made alert changes through the one command path: acknowledge, resolve and
// escalate write once through AlertStore (refused ones never reach the stack) and push an
// undoable command onto the window's QUndoStack, like EditController does for leads.
#include "alerts/alertstore.h"
#include "domain/clock.h"

#include <QObject>
#include <QUndoCommand>

#include <functional>

class QUndoStack;

namespace cockpit {

namespace storage {
class Database;
}

// Puts an alert's person-changeable state from `before` to `after` (redo) and back (undo).
// The first redo is skipped: the change already happened. A later undo/redo refused because
// the alert changed meanwhile reports through onError and leaves the alert alone.
class AlertStateCommand : public QUndoCommand
{
public:
    AlertStateCommand(alerts::AlertStore &store, alerts::AlertChange change,
                      std::function<void(const QString &)> onError,
                      std::function<void(const QString &)> onChanged, const QString &text);
    void redo() override;
    void undo() override;

private:
    alerts::AlertStore &m_store;
    alerts::AlertChange m_change;
    std::function<void(const QString &)> m_onError, m_onChanged;
    bool m_skipRedo = true;
};

class AlertActions : public QObject
{
    Q_OBJECT
public:
    AlertActions(storage::Database &db, QUndoStack &stack, const Clock &clock, QObject *parent = nullptr);

    alerts::AlertChange acknowledge(const QString &alertId);
    alerts::AlertChange resolve(const QString &alertId);
    alerts::AlertChange escalate(const QString &alertId);

    // Several changes as one undo step (the inbox acts on every reason of a subject at once).
    void beginGroup(const QString &text);
    void endGroup();

    alerts::AlertStore &store() { return m_store; }
    QString actorId() const;

Q_SIGNALS:
    // After a change, its undo or its redo: the inbox refreshes that row.
    void alertChanged(const QString &alertId);
    void commandFailed(const QString &message);

private:
    alerts::AlertChange push(alerts::AlertChange change, const QString &text);

    storage::Database &m_db;
    QUndoStack &m_stack;
    alerts::AlertStore m_store;
};

} // namespace cockpit
