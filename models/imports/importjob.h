#pragma once
// An import run off the GUI thread (issue 11): the plan is read, and then written, on a worker
// with a connection of its own (storage::openConnection), so a 100 000-row file leaves the
// window responsive; progress and cancel reach across. What the write commits is announced by
// storage's change notifier like every other write, so screens follow.
#include "imports/importplan.h"
#include "imports/importwriter.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

namespace cockpit::storage {
class Database;
}

namespace cockpit::imports {

class ImportJob : public QObject
{
    Q_OBJECT

public:
    explicit ImportJob(storage::Database &db, QObject *parent = nullptr);
    ~ImportJob() override; // cancels and waits for the worker

    // From plan() or write() until its planned() or written() is delivered (on this object's
    // thread): a slot of either sees the job idle. (The worker's task itself ends a moment
    // after it posts the result, so asking it raced: an Import button stayed disabled.)
    bool isRunning() const;
    // Reads and checks (never writes): emits progress, then planned().
    void plan(const ImportRequest &request);
    // Writes a plan: emits progress, then written(). Nothing is written when cancelled.
    void write(std::shared_ptr<const ImportPlan> plan, const QString &source, const QByteArray &mappingJson);
    void cancel();

Q_SIGNALS:
    void progress(int percent, const QString &phase);
    void planned(std::shared_ptr<cockpit::imports::ImportPlan> plan);
    void written(const cockpit::imports::ImportWriteResult &result);

private:
    template <typename Signal, typename Result>
    static void deliver(const QPointer<ImportJob> &self, Signal signal, const Result &result);

    storage::Database &m_db;
    QFuture<void> m_future;
    bool m_busy = false;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace cockpit::imports

Q_DECLARE_METATYPE(std::shared_ptr<cockpit::imports::ImportPlan>)
Q_DECLARE_METATYPE(cockpit::imports::ImportWriteResult)
