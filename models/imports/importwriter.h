#pragma once
// Writing a planned import (importplan.h) and undoing it (issue 11).
//
// writeImport() writes the plan in ONE transaction: every new or changed row with its outbox
// entry, every imported stage move appended to the tamper-evident log (the chain's order is
// the order of writing; each move keeps the time it happened), the stage moves' exit actions,
// the external ids (so importing the same file again changes nothing) and, for undo, what was
// created and what each changed row held before. Refused rows are left out (the caller writes
// only when the plan has none, or the user chose to skip them). Any failure, or a cancel from
// `progress`, rolls everything back.
//
// undoImport() takes a whole import back as one step, in one transaction: rows it created
// are tombstoned (deleted = 1, so sync carries the removal; imported stage moves through the
// log's own tombstones), rows it changed get their earlier values back, each with its outbox
// entry; its external ids no longer find rows (theirs are deleted), so the same file can be
// imported again. redo() puts the import back the same way.
#include "imports/importplan.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QSqlDatabase;

namespace cockpit::imports {

struct ImportWriteResult
{
    bool ok = false;
    bool cancelled = false;
    QString error;
    qint64 runId = 0;
    qint64 created = 0, updated = 0, stageMoves = 0, activities = 0;
};

class ImportWriter
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::imports::ImportWriter)

public:
    // `source`: the file or folder as the user gave it; `mappingJson`: kept with the run.
    static ImportWriteResult write(QSqlDatabase db, const ImportPlan &plan, const QString &source,
                                   const QByteArray &mappingJson,
                                   const std::function<bool(qint64 done, qint64 total)> &progress = {});
    // The newest import not undone yet, 0 when none.
    static qint64 lastRun(QSqlDatabase db);
    // Makes `db` (a new, empty file) a company to import into: its currency (ISO 4217) and
    // its first person, a director named `userName`, who is the file's current user.
    static bool initCompany(QSqlDatabase db, const QString &currency, const QString &userName, QString *error);
    // What an undo or redo tells as it goes: rows done of the rows the import wrote (the last
    // report has done == total, before the commit). Returning false cancels: everything is
    // rolled back, the import stays as it was, and undo/redo return false.
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    // Undoes import `runId`. false with *error (nothing changed) when it fails, was undone or
    // is cancelled by `progress`.
    static bool undo(QSqlDatabase db, qint64 runId, qint64 actorKey, QString *error, qint64 *rowsUndone = nullptr,
                     const Progress &progress = {});
    // Redoes an undone import: its rows back, its changes made again (the undo stack's redo).
    static bool redo(QSqlDatabase db, qint64 runId, qint64 actorKey, QString *error, qint64 *rowsRedone = nullptr,
                     const Progress &progress = {});

private:
    static bool apply(QSqlDatabase db, qint64 runId, qint64 actorKey, bool undo, QString *error, qint64 *rows,
                      const Progress &progress);
};

} // namespace cockpit::imports
