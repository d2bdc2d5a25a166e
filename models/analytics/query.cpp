#include "analytics/query.h"

#include "storage/database.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QDate>
#include <QDateTime>
#include <QMutex>
#include <QSqlError>
#include <QUuid>

#include <thread>

namespace cockpit::analytics {

namespace {
// One trace for the whole process (figures may be computed on several connections at once).
QMutex g_traceMutex;
QList<TracedQuery> *g_trace = nullptr;
}

QueryError::QueryError(const QString &message) : std::runtime_error(message.toStdString()), m_message(message) {}

QSqlQuery runQuery(QSqlDatabase db, const QString &sql, const QVariantList &binds)
{
    {
        QMutexLocker lock(&g_traceMutex);
        if (g_trace)
            g_trace->append({sql, binds});
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        throw QueryError(QStringLiteral("could not prepare a query: %1\n%2").arg(q.lastError().text(), sql.simplified()));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        throw QueryError(QStringLiteral("a query failed: %1\n%2").arg(q.lastError().text(), sql.simplified()));
    return q;
}

BulkQuery::BulkQuery(QSqlDatabase db, const QString &sql, const QVariantList &binds, const QString &what)
    : BulkQuery(storage::sqliteHandle(db), sql, binds, what)
{
}

BulkQuery::BulkQuery(sqlite3 *db, const QString &sql, const QVariantList &binds, const QString &what)
    : m_sql(sql), m_what(what)
{
    {
        QMutexLocker lock(&g_traceMutex);
        if (g_trace)
            g_trace->append({sql, binds});
    }
    if (!db) {
        throw QueryError(QCoreApplication::translate("cockpit::analytics", "The figures need an SQLite database."));
    }
    if (!m_st.prepare(db, sql.toUtf8(), nullptr))
        fail();
    m_st.bindAll(binds);
}

bool BulkQuery::next()
{
    if (m_st.next())
        return true;
    if (m_st.hasError())
        fail();
    return false;
}

void BulkQuery::fail() const
{
    const QString what = m_what.isEmpty()
                             ? QCoreApplication::translate("cockpit::analytics", "The figures could not be read (%1): %2")
                             : m_what;
    throw QueryError(what.arg(m_sql.simplified().left(120), m_st.error()));
}

QVariant scalar(QSqlDatabase db, const QString &sql, const QVariantList &binds, const QVariant &fallback)
{
    QSqlQuery q = runQuery(db, sql, binds);
    if (!q.next() || q.value(0).isNull())
        return fallback;
    return q.value(0);
}

ReadConnection::ReadConnection(const QString &path)
    : m_name(QStringLiteral("analytics-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QString error;
    storage::openConnection(path, m_name, storage::Access::Mapped, &error);
    if (!error.isEmpty())
        m_error = QStringLiteral("could not open \"%1\" for reading: %2").arg(path, error);
}

ReadConnection::~ReadConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

bool ReadConnection::isOpen() const { return QSqlDatabase::database(m_name, false).isOpen(); }

QSqlDatabase ReadConnection::db() const { return QSqlDatabase::database(m_name, false); }

void ReadConnection::releaseMapping()
{
    if (!isOpen())
        return;
    storage::releaseMapping(db());
}

QString sqlLiteral(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QStringLiteral("NULL");
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Bool:
        return QString::number(value.toLongLong());
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QMetaType::QDate:
        return QLatin1Char('\'') + value.toDate().toString(Qt::ISODate) + QLatin1Char('\'');
    default: break;
    }
    QString s = value.toString();
    s.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

QString TracedQuery::inlined() const
{
    QString out;
    int b = 0;
    bool inString = false;
    for (const QChar c : sql) {
        if (c == QLatin1Char('\''))
            inString = !inString;
        if (c == QLatin1Char('?') && !inString && b < binds.size())
            out += sqlLiteral(binds.at(b++));
        else
            out += c;
    }
    return out;
}

QueryTrace::QueryTrace()
{
    QMutexLocker lock(&g_traceMutex);
    delete g_trace;
    g_trace = new QList<TracedQuery>;
}

QueryTrace::~QueryTrace()
{
    QMutexLocker lock(&g_traceMutex);
    delete g_trace;
    g_trace = nullptr;
}

QList<TracedQuery> QueryTrace::queries() const
{
    QMutexLocker lock(&g_traceMutex);
    return g_trace ? *g_trace : QList<TracedQuery>{};
}

void runAlongside(QSqlDatabase here, const Half &mine, const Half &other)
{
    std::exception_ptr otherFailure, mineFailure;
    bool noSecond = false; // then `other` runs here, after `mine`
    const QString path = here.databaseName();
    std::thread second([&] {
        try {
            ReadConnection rc(path);
            if (!rc.isOpen()) {
                noSecond = true;
                return;
            }
            other(rc.db());
        } catch (...) {
            otherFailure = std::current_exception();
        }
    });
    try {
        mine(here);
    } catch (...) {
        mineFailure = std::current_exception();
    }
    second.join();
    if (noSecond && !mineFailure) {
        try {
            other(here);
        } catch (...) {
            otherFailure = std::current_exception();
        }
    }
    if (mineFailure)
        std::rethrow_exception(mineFailure);
    if (otherFailure)
        std::rethrow_exception(otherFailure);
}

void runAlongside(const Alongside &alongside, QSqlDatabase here, const Half &mine, const Half &other)
{
    if (alongside)
        alongside(here, mine, other);
    else
        runAlongside(here, mine, other);
}

} // namespace cockpit::analytics
