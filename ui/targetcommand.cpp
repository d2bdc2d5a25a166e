#include "targetcommand.h"

#include <utility>

namespace cockpit::ui {

using namespace targets;

TargetEditCommand *TargetEditCommand::make(storage::Database &db, const TargetTree &tree, const TargetCommand &command,
                                           Saved onSaved, Failed onError, QString *error, const QString &status)
{
    // The status before: the company's row (a tree is saved with one status), draft when unsaved.
    const QString before = !tree.nodes.isEmpty() && tree.nodes.first().rowId ? tree.nodes.first().status
                                                                              : QStringLiteral("draft");
    const TargetSaveResult r = TargetRepository(db).save(apply(tree, command), status);
    if (!r.ok) {
        if (error)
            *error = r.error;
        return nullptr;
    }
    if (onSaved)
        onSaved(r.saved);
    return new TargetEditCommand(db, r.saved, command, std::move(onSaved), std::move(onError), status, before);
}

TargetEditCommand::TargetEditCommand(storage::Database &db, TargetTree saved, TargetCommand command, Saved onSaved,
                                     Failed onError, QString status, QString undoStatus)
    : m_db(db), m_tree(std::move(saved)), m_command(std::move(command)), m_onSaved(std::move(onSaved)),
      m_onError(std::move(onError)), m_status(std::move(status)), m_undoStatus(std::move(undoStatus))
{
    setText(m_command.text);
}

void TargetEditCommand::save(const TargetTree &tree, const QString &status)
{
    const TargetSaveResult r = TargetRepository(m_db).save(tree, status);
    if (!r.ok) {
        if (m_onError)
            m_onError(r.error);
        return;
    }
    m_tree = r.saved;
    if (m_onSaved)
        m_onSaved(m_tree);
}

void TargetEditCommand::redo()
{
    if (std::exchange(m_skipRedo, false))
        return;
    save(apply(m_tree, m_command), m_status);
}

void TargetEditCommand::undo() { save(targets::undo(m_tree, m_command), m_undoStatus); }

} // namespace cockpit::ui
