#include "items/storeimportcommand.h"

#include "storage/database.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QUndoStack>

namespace cockpit {

StoreImportCommand::StoreImportCommand(storage::Database &db, QVector<analytics::StoreDayRecord> rows,
                                       QVector<analytics::StoreDayBefore> before, ErrorSink onError,
                                       std::function<void()> changed, const QString &text)
    : QUndoCommand(text), m_db(db), m_rows(std::move(rows)), m_before(std::move(before)),
      m_onError(std::move(onError)), m_changed(std::move(changed))
{
}

void StoreImportCommand::redo()
{
    if (std::exchange(m_skipRedo, false))
        return;
    const analytics::StoreImportResult r = analytics::writeStoreDays(m_db.connection(), m_rows);
    if (r.ok)
        m_before = r.before;
    else if (m_onError)
        m_onError(QCoreApplication::translate("cockpit::StoreImportCommand", "Could not redo the import: %1").arg(r.error));
    if (m_changed)
        m_changed();
}

void StoreImportCommand::undo()
{
    QString error;
    if (!analytics::restoreStoreDays(m_db.connection(), m_before, &error) && m_onError)
        m_onError(QCoreApplication::translate("cockpit::StoreImportCommand", "Could not undo the import: %1").arg(error));
    if (m_changed)
        m_changed();
}

analytics::StoreImportPlan planStoreDays(storage::Database &db, const QString &path,
                                         const analytics::ImportProgress &progress)
{
    return analytics::planStoreImportFile(db.connection(), path, progress);
}

analytics::StoreImportResult importStoreDays(storage::Database &db, QUndoStack *stack,
                                             const analytics::StoreImportPlan &plan,
                                             const analytics::ImportProgress &progress, ErrorSink onError,
                                             std::function<void()> changed, const QString &undoText)
{
    analytics::StoreImportResult result = analytics::writeStoreDays(db.connection(), plan.rows, progress);
    if (result.ok && stack)
        stack->push(new StoreImportCommand(db, plan.rows, result.before, std::move(onError), std::move(changed), undoText));
    return result;
}

} // namespace cockpit
