#pragma once
// Sync conflicts through the one command path: the Conflicts screen lists them from here and
// resolves them here; each resolution writes once through ConflictRepository (refused ones
// never reach the stack) and pushes an undoable command onto the window's QUndoStack. What
// changed reaches every screen as the file's committed writes (storage/changes.h).
#include "storage/conflictrepository.h"

#include <QObject>
#include <QUndoCommand>

#include <functional>

class QUndoStack;

namespace cockpit {

namespace storage {
class Database;
struct ChangeSet;
}

// One resolution. The first redo is skipped (it has been written). An undo that storage
// refuses (the entry reached the server meanwhile) reports through onError and leaves the
// stack (the command becomes obsolete: nothing is left to undo).
class ResolveConflictCommand : public QUndoCommand
{
public:
    ResolveConflictCommand(storage::ConflictRepository &repo, storage::ConflictStep step,
                           std::function<void(const QString &)> onError, const QString &text);
    void redo() override;
    void undo() override;
    const storage::ConflictStep &step() const { return m_step; }

private:
    storage::ConflictRepository &m_repo;
    storage::ConflictStep m_step;
    std::function<void(const QString &)> m_onError;
    bool m_skipRedo = true;
};

struct ResolveResult
{
    bool ok = false;
    QString error; // translated
};

class ConflictStore : public QObject
{
    Q_OBJECT
public:
    ConflictStore(storage::Database &db, QUndoStack &stack, QObject *parent = nullptr);

    QList<storage::ConflictRecord> openConflicts() const { return m_repo.openConflicts(); }
    int openCount() const { return m_repo.openCount(); }
    const storage::ConflictRepository &repository() const { return m_repo; }

    // Keep my values for every field (deleted_on_server: re-create; refused: send again).
    ResolveResult keepMine(const QString &conflictId);
    // Keep the server's values (deleted_on_server: accept the deletion; refused: discard mine).
    ResolveResult keepTheirs(const QString &conflictId);
    // Per field: `mineFields` keep mine, every other field the server's.
    ResolveResult merge(const QString &conflictId, const QStringList &mineFields);

Q_SIGNALS:
    // The open conflicts may have changed (a resolution, its undo or redo, a sync that
    // recorded new ones): lists and counts re-read.
    void changed();
    void commandFailed(const QString &message);

private:
    ResolveResult resolve(const QString &conflictId, const QStringList &mineFields, const QString &text);
    void onChanges(const storage::ChangeSet &changes);

    QUndoStack &m_stack;
    storage::ConflictRepository m_repo;
};

} // namespace cockpit
