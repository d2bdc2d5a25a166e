#pragma once
// A target edit on the window's undo stack (Edit › Undo, Ctrl+Z / Ctrl+Shift+Z): the amounts
// of a targets::TargetCommand (none for an approval), saved as a draft (or approved) through TargetRepository (one transaction with
// its outbox entries) on every redo and undo. make() saves first and builds the command only
// when the save succeeded, so a refused edit never reaches the stack; the first redo() that
// QUndoStack::push runs is therefore skipped, as with the lead edits (models/items/commands.h).
#include "targets/targetrepository.h"

#include <QUndoCommand>

#include <functional>

namespace cockpit::ui {

class TargetEditCommand : public QUndoCommand
{
public:
    // The tree as stored after a redo or undo (row ids of new rows included).
    using Saved = std::function<void(const targets::TargetTree &)>;
    using Failed = std::function<void(const QString &)>;

    // Applies `command` to `tree` and saves it with `status` ("draft" for an edit, "approved"
    // to approve: refused while a unit does not sum); undo saves the amounts and the status
    // the tree had before. The command to push, or null with *error.
    static TargetEditCommand *make(storage::Database &db, const targets::TargetTree &tree,
                                   const targets::TargetCommand &command, Saved onSaved, Failed onError,
                                   QString *error, const QString &status = QStringLiteral("draft"));

    void redo() override;
    void undo() override;
    const targets::TargetCommand &command() const { return m_command; }

private:
    TargetEditCommand(storage::Database &db, targets::TargetTree saved, targets::TargetCommand command, Saved onSaved,
                      Failed onError, QString status, QString undoStatus);
    void save(const targets::TargetTree &tree, const QString &status);

    storage::Database &m_db;
    targets::TargetTree m_tree; // as last saved
    targets::TargetCommand m_command;
    Saved m_onSaved;
    Failed m_onError;
    QString m_status, m_undoStatus;
    bool m_skipRedo = true;
};

} // namespace cockpit::ui
