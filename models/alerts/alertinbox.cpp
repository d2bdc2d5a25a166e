#include "alerts/alertinbox.h"

#include "storage/database.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace cockpit::alerts {

QHash<QString, QString> regionNames(QSqlDatabase db)
{
    QHash<QString, QString> out;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT id, name FROM regions WHERE deleted = 0")))
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

QHash<QString, QString> managerOf(QSqlDatabase db)
{
    QHash<QString, QString> out;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT id, COALESCE(manager_id, '') FROM users WHERE deleted = 0")))
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

InboxSnapshot evaluateAndLoad(const QString &path, const Clock &clock, bool evaluate,
                              const std::function<void(int)> &progress, const storage::ChangeSink &sink)
{
    InboxSnapshot s;
    // Reading alone, the file is mapped (storage::Access::Mapped): the inbox's look-ups of
    // leads and customers then read their pages in place (closed, and unmapped, at the end).
    const QString name = QStringLiteral("alerts-worker-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QString openError;
        QSqlDatabase db = storage::openConnection(path, name, evaluate ? storage::Access::ReadWrite : storage::Access::Mapped,
                                                  &openError, sink);
        if (!openError.isEmpty()) {
            s.error = openError;
        } else {
            // The rules read each index once, in order: a small page cache serves them as well
            // as the default 16 MB, which would sit on top of the evaluation's peak memory.
            QSqlQuery(db).exec(QStringLiteral("PRAGMA cache_size = -2000"));
            bool ok = true;
            if (evaluate) {
                AlertEvaluator evaluator(db, clock);
                if (progress)
                    evaluator.setProgress([&](int p) { progress(p * 8 / 10); });
                s.evaluation = evaluator.evaluateAll();
                s.evaluated = true;
                ok = s.evaluation.ok;
                s.error = s.evaluation.error;
            }
            if (ok) {
                QElapsedTimer timer;
                timer.start();
                AlertStore store(db, clock);
                s.alerts = store.list(false);
                qCInfo(lcAlerts) << "read the inbox:" << s.alerts.size() << "alerts in" << timer.elapsed() << "ms";
                s.regionNames = regionNames(db);
                s.managerOf = managerOf(db);
                if (progress)
                    progress(100);
                s.ok = true;
            }
        }
    }
    storage::closeConnection(name, sink);
    return s;
}

} // namespace cockpit::alerts
