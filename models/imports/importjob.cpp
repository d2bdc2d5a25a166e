#include "imports/importjob.h"

#include "storage/database.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSqlDatabase>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit::imports {

namespace {
class ImportJobText
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::imports::ImportJob)
};
} // namespace

ImportJob::ImportJob(storage::Database &db, QObject *parent) : QObject(parent), m_db(db)
{
    qRegisterMetaType<std::shared_ptr<ImportPlan>>();
    qRegisterMetaType<ImportWriteResult>();
}

ImportJob::~ImportJob()
{
    cancel();
    m_future.waitForFinished();
}

bool ImportJob::isRunning() const
{
    return m_busy;
}

void ImportJob::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

template <typename Signal, typename Result>
void ImportJob::deliver(const QPointer<ImportJob> &self, Signal signal, const Result &result)
{
    // Posted to the job's thread (dropped if the job is gone by then): idle first, so a slot of
    // the signal sees it so.
    if (self)
        QMetaObject::invokeMethod(
            self.data(),
            [self, signal, result] {
                if (!self)
                    return;
                self->m_busy = false;
                Q_EMIT(self.data()->*signal)(result);
            },
            Qt::QueuedConnection);
}

void ImportJob::plan(const ImportRequest &request)
{
    m_future.waitForFinished();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_busy = true;
    const QString path = m_db.path();
    QPointer<ImportJob> self(this);
    auto cancel = m_cancel;
    m_future = QtConcurrent::run([self, path, request, cancel] {
        ImportRequest req = request;
        const QString name = QStringLiteral("import-plan-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto result = std::make_shared<ImportPlan>();
        {
            QString error;
            QSqlDatabase db = storage::openConnection(path, name, storage::Access::ReadOnly, &error);
            if (!db.isOpen()) {
                result->fatal = error;
            } else {
                int last = -1;
                req.progress = [&](qint64 done, qint64 total) {
                    const int percent = total > 0 ? int(done * 100 / total) : 0;
                    if (percent != last && self) {
                        last = percent;
                        QMetaObject::invokeMethod(self, "progress", Qt::QueuedConnection, Q_ARG(int, percent),
                                                  Q_ARG(QString, ImportJobText::tr("Reading and checking the files…")));
                    }
                    return !*cancel;
                };
                *result = planImport(db, req);
                if (*cancel)
                    result->cancelled = true;
            }
        }
        storage::closeConnection(name);
        deliver(self, &ImportJob::planned, result);
    });
}

void ImportJob::write(std::shared_ptr<const ImportPlan> plan, const QString &source, const QByteArray &mappingJson)
{
    m_future.waitForFinished();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_busy = true;
    const QString path = m_db.path();
    const storage::ChangeSink sink = m_db.changeSink();
    QPointer<ImportJob> self(this);
    auto cancel = m_cancel;
    m_future = QtConcurrent::run([self, path, sink, plan, source, mappingJson, cancel] {
        const QString name = QStringLiteral("import-write-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        ImportWriteResult result;
        {
            QString error;
            QSqlDatabase db = storage::openConnection(path, name, storage::Access::ReadWrite, &error, sink);
            if (!db.isOpen()) {
                result.error = error;
            } else {
                int last = -1;
                result = ImportWriter::write(db, *plan, source, mappingJson, [&](qint64 done, qint64 total) {
                    const int percent = total > 0 ? int(done * 100 / total) : 0;
                    if (percent != last && self) {
                        last = percent;
                        QMetaObject::invokeMethod(self, "progress", Qt::QueuedConnection, Q_ARG(int, percent),
                                                  Q_ARG(QString, ImportJobText::tr("Writing…")));
                    }
                    return !*cancel;
                });
            }
        }
        storage::closeConnection(name, sink);
        deliver(self, &ImportJob::written, result);
    });
}

} // namespace cockpit::imports
