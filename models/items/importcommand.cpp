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

ImportCommand::ImportCommand(storage::Database &db, qint64 runId, qint64 actorKey, ErrorSink onError, LongStepHooks hooks,
                             const QString &text)
    : QUndoCommand(text), m_db(db), m_run(runId), m_actor(actorKey), m_onError(std::move(onError)), m_hooks(std::move(hooks))
{
}

void ImportCommand::redo()
{
    if (std::exchange(m_skipNext, false))
        return;
    run(false);
}

void ImportCommand::undo()
{
    if (std::exchange(m_skipNext, false))
        return;
    run(true);
}

void ImportCommand::run(bool undoing)
{
    const QString path = m_db.path();
    const storage::ChangeSink sink = m_db.changeSink();
    const qint64 runId = m_run, actor = m_actor;
    if (m_hooks.busy)
        m_hooks.busy(true, undoing ? QCoreApplication::translate("cockpit::ImportCommand", "Undoing the import…")
                                 : QCoreApplication::translate("cockpit::ImportCommand", "Redoing the import…"));
    struct Outcome
    {
        QString error; // "" when done
        bool cancelled = false;
    };
    const auto progress = m_hooks.progress;
    const QFuture<Outcome> future = QtConcurrent::run([path, sink, runId, actor, undoing, progress] {
        const QString name = QStringLiteral("import-undo-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        Outcome out;
        {
            QSqlDatabase db = storage::openConnection(path, name, storage::Access::ReadWrite, &out.error, sink);
            if (db.isOpen()) {
                imports::ImportWriter::Progress report;
                if (progress)
                    report = [&](qint64 done, qint64 total) {
                        out.cancelled = !progress(done, total);
                        return !out.cancelled;
                    };
                const bool ok = undoing ? imports::ImportWriter::undo(db, runId, actor, &out.error, nullptr, report)
                                        : imports::ImportWriter::redo(db, runId, actor, &out.error, nullptr, report);
                if (ok || out.cancelled)
                    out.error.clear();
                else if (out.error.isEmpty())
                    out.error = QCoreApplication::translate("cockpit::ImportCommand", "the database refused the change");
            }
        }
        storage::closeConnection(name, sink);
        return out;
    });
    QFutureWatcher<Outcome> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<Outcome>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec(m_hooks.takesInput && m_hooks.takesInput() ? QEventLoop::AllEvents : QEventLoop::ExcludeUserInputEvents);
    const Outcome out = future.result();
    if (m_hooks.busy)
        m_hooks.busy(false, {});
    if (out.cancelled) {
        // Rolled back: the import is as it was. The stack's correction calls us once more.
        m_skipNext = true;
        if (m_hooks.cancelled)
            m_hooks.cancelled(undoing);
        return;
    }
    if (!out.error.isEmpty() && m_onError)
        m_onError(undoing ? QCoreApplication::translate("cockpit::ImportCommand", "Could not undo the import: %1").arg(out.error)
                          : QCoreApplication::translate("cockpit::ImportCommand", "Could not redo the import: %1").arg(out.error));
    m_db.announceChanges();
}

} // namespace cockpit
