#include "forecast/historycache.h"

#include "analytics/query.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace cockpit::forecast {

Q_LOGGING_CATEGORY(lcHistory, "cockpit.forecast.history")

namespace {
struct Entry
{
    QByteArray fingerprint;
    std::shared_ptr<const History> history;
};
QMutex &cacheMutex()
{
    static QMutex m;
    return m;
}
QHash<QString, Entry> &cache()
{
    static QHash<QString, Entry> c;
    return c;
}
} // namespace

QByteArray historyFingerprint(QSqlDatabase db)
{
    QSqlQuery q = analytics::runQuery(
        db, QStringLiteral("SELECT (SELECT group_concat(value, ',') FROM settings WHERE key IN ('log_head_seq', 'log_head_hash')),"
                           " (SELECT COUNT(*) || ',' || MAX(updated_at) FROM leads WHERE deleted = 0),"
                           " (SELECT COUNT(*) || ',' || MAX(updated_at) FROM payments)"));
    QByteArray f;
    if (q.next())
        for (int i = 0; i < 3; ++i)
            f += q.value(i).toString().toUtf8() + '|';
    return f;
}

std::shared_ptr<const History> cachedHistory(QSqlDatabase db)
{
    const QString file = db.databaseName();
    const QByteArray fingerprint = historyFingerprint(db);
    {
        QMutexLocker lock(&cacheMutex());
        const auto it = cache().constFind(file);
        if (it != cache().cend() && it->fingerprint == fingerprint)
            return it->history;
    }
    QElapsedTimer timer;
    timer.start();
    auto history = std::make_shared<const History>(loadHistory(db));
    qCInfo(lcHistory) << "read" << history->deals.size() << "deals and their history in" << timer.elapsed() << "ms";
    QMutexLocker lock(&cacheMutex());
    cache().insert(file, Entry{fingerprint, history});
    return history;
}

void clearHistoryCache()
{
    QMutexLocker lock(&cacheMutex());
    cache().clear();
}

} // namespace cockpit::forecast
