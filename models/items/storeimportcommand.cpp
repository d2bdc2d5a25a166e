#include "items/storeimportcommand.h"

#include "storage/database.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace cockpit {

StoreImportCommand::StoreImportCommand(storage::Database &db, QVector<analytics::StoreDayRecord> rows,
                                       QVector<analytics::StoreDayBefore> before, ErrorSink onError,
                                       const QString &text)
    : QUndoCommand(text), m_db(db), m_rows(std::move(rows)), m_before(std::move(before)), m_onError(std::move(onError))
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
}

void StoreImportCommand::undo()
{
    QString error;
    if (!analytics::restoreStoreDays(m_db.connection(), m_before, &error) && m_onError)
        m_onError(QCoreApplication::translate("cockpit::StoreImportCommand", "Could not undo the import: %1").arg(error));
}

} // namespace cockpit
