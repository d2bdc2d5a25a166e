#include "items/conflictstore.h"

#include "items/conflicttext.h"
#include "storage/database.h"

#include <QUndoStack>

namespace cockpit {

ResolveConflictCommand::ResolveConflictCommand(storage::ConflictRepository &repo, storage::ConflictStep step,
                                               std::function<void(const QString &)> onError, const QString &text)
    : QUndoCommand(text), m_repo(repo), m_step(std::move(step)), m_onError(std::move(onError))
{
}

void ResolveConflictCommand::redo()
{
    if (std::exchange(m_skipRedo, false))
        return;
    QString error;
    if (!m_repo.redo(m_step, &error)) {
        setObsolete(true);
        if (m_onError)
            m_onError(error);
    }
}

void ResolveConflictCommand::undo()
{
    QString error;
    if (!m_repo.undo(m_step, &error)) {
        setObsolete(true);
        if (m_onError)
            m_onError(error);
    }
}

ConflictStore::ConflictStore(storage::Database &db, QUndoStack &stack, QObject *parent)
    : QObject(parent), m_stack(stack), m_repo(db)
{
    connect(&db, &storage::Database::changed, this, &ConflictStore::onChanges);
}

void ConflictStore::onChanges(const storage::ChangeSet &changes)
{
    // Resolutions, their undo and redo, and the push that records conflicts all write there.
    if (changes.touches(QStringLiteral("conflicts")))
        Q_EMIT changed();
}

ResolveResult ConflictStore::resolve(const QString &conflictId, const QStringList &mineFields, const QString &text)
{
    const auto conflict = m_repo.find(conflictId);
    storage::ConflictStep step;
    QString error;
    if (!m_repo.resolve(conflictId, mineFields, &step, &error))
        return {false, error};
    const QString label = conflict ? ConflictText::rowLabel(*conflict) : QString();
    m_stack.push(new ResolveConflictCommand(
        m_repo, std::move(step), [this](const QString &e) { Q_EMIT commandFailed(e); }, text.arg(label)));
    return {true, {}};
}

ResolveResult ConflictStore::keepMine(const QString &conflictId)
{
    const auto conflict = m_repo.find(conflictId);
    if (!conflict)
        return {false, storage::ConflictRepository::tr("This conflict is no longer in the file.")};
    QStringList fields;
    for (const QString &f : conflict->fields)
        if (conflict->mine.contains(f))
            fields << f;
    if (fields.isEmpty())
        return {false, tr("The conflict holds no values of yours to keep.")};
    return resolve(conflictId, fields, tr("Keep my values for %1"));
}

ResolveResult ConflictStore::keepTheirs(const QString &conflictId)
{
    return resolve(conflictId, {}, tr("Keep the server's values for %1"));
}

ResolveResult ConflictStore::merge(const QString &conflictId, const QStringList &mineFields)
{
    return resolve(conflictId, mineFields, mineFields.isEmpty() ? tr("Keep the server's values for %1")
                                                                : tr("Merge the values for %1"));
}

} // namespace cockpit
