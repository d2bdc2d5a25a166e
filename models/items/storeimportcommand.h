#pragma once
// A store-day import as one undo step (DESIGN.md §2 store-day metrics). The rows are written
// once by importStoreDays(); undo puts every day back as it was (new days become tombstones so
// sync carries the removal), redo writes the imported rows again. Failures go to the error
// sink, never to a dialog: a command does not show windows from inside undo() or redo().
#include "items/commands.h"
#include "analytics/storeimport.h"

#include <QUndoCommand>

#include <functional>

class QUndoStack;

namespace cockpit {

class StoreImportCommand : public QUndoCommand
{
public:
    StoreImportCommand(storage::Database &db, QVector<analytics::StoreDayRecord> rows,
                       QVector<analytics::StoreDayBefore> before, ErrorSink onError,
                       std::function<void()> changed, const QString &text);
    void redo() override;
    void undo() override;

private:
    storage::Database &m_db;
    QVector<analytics::StoreDayRecord> m_rows;
    QVector<analytics::StoreDayBefore> m_before;
    ErrorSink m_onError;
    std::function<void()> m_changed;
    bool m_skipRedo = true;
};

// Reads and validates a store-day CSV (never writes).
analytics::StoreImportPlan planStoreDays(storage::Database &db, const QString &path,
                                         const analytics::ImportProgress &progress = {});

// Writes the plan's valid rows in one transaction and, when anything was written, pushes one
// undo step onto `stack` (when given). `changed` runs after every undo and redo.
analytics::StoreImportResult importStoreDays(storage::Database &db, QUndoStack *stack,
                                             const analytics::StoreImportPlan &plan,
                                             const analytics::ImportProgress &progress, ErrorSink onError,
                                             std::function<void()> changed, const QString &undoText);

} // namespace cockpit
