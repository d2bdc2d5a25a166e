#include "items/importcommand.h"

#include "imports/importwriter.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QSqlDatabase>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

ImportCommand::ImportCommand(storage::Database &db, qint64 runId, qint64 actorKey, ErrorSink onError, BusySink onBusy,
                             const QString &text)
    : QUndoCommand(text), m_db(db), m_run(runId), m_actor(actorKey), m_onError(std::move(onError)), m_onBusy(std::move(onBusy))
{
}

void ImportCommand::redo()
{
    if (std::exchange(m_skipRedo, false))
        return;
    run(false);
}

void ImportCommand::undo()
{
    run(true);
}

void ImportCommand::run(bool undoing)
{
    const QString path = m_db.path();
    const storage::ChangeSink sink = m_db.changeSink();
    const qint64 runId = m_run, actor = m_actor;
    if (m_onBusy)
        m_onBusy(true, undoing ? QCoreApplication::translate("cockpit::ImportCommand", "Undoing the import…")
                            : QCoreApplication::translate("cockpit::ImportCommand", "Redoing the import…"));
    // The worker's answer: "" when done, else why not.
    const QFuture<QString> future = QtConcurrent::run([path, sink, runId, actor, undoing] {
        const QString name = QStringLiteral("import-undo-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QString error;
        {
            QSqlDatabase db = storage::openConnection(path, name, storage::Access::ReadWrite, &error, sink);
            if (db.isOpen()) {
                const bool ok = undoing ? imports::ImportWriter::undo(db, runId, actor, &error)
                                     : imports::ImportWriter::redo(db, runId, actor, &error);
                if (ok)
                    error.clear();
                else if (error.isEmpty())
                    error = QCoreApplication::translate("cockpit::ImportCommand", "the database refused the change");
            }
        }
        storage::closeConnection(name, sink);
        return error;
    });
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<QString>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    const QString error = future.result();
    if (m_onBusy)
        m_onBusy(false, {});
    if (!error.isEmpty() && m_onError)
        m_onError(undoing ? QCoreApplication::translate("cockpit::ImportCommand", "Could not undo the import: %1").arg(error)
                       : QCoreApplication::translate("cockpit::ImportCommand", "Could not redo the import: %1").arg(error));
    m_db.announceChanges();
}

} // namespace cockpit
