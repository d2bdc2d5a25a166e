#pragma once
// A store-day import as one undo step (DESIGN.md §2 store-day metrics). The rows are written
// once by EditController::importStoreDays(); undo puts every day back as it was (new days
// become tombstones so sync carries the removal), redo writes the imported rows again.
// Failures go to the error sink, which the controller turns into its commandFailed signal:
// a command never shows a window from inside undo() or redo(). Screens follow the rows
// through the change notifier, like every other write.
#include "items/commands.h"
#include "analytics/storeimport.h"

#include <QUndoCommand>

namespace cockpit {

class StoreImportCommand : public QUndoCommand
{
public:
    StoreImportCommand(storage::Database &db, QVector<analytics::StoreDayRecord> rows,
                       QVector<analytics::StoreDayBefore> before, ErrorSink onError, const QString &text);
    void redo() override;
    void undo() override;

private:
    storage::Database &m_db;
    QVector<analytics::StoreDayRecord> m_rows;
    QVector<analytics::StoreDayBefore> m_before;
    ErrorSink m_onError;
    bool m_skipRedo = true;
};

} // namespace cockpit
