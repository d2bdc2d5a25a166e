#pragma once
// The one way analytics code runs SQL: prepared, bound, and traced on request so the
// benchmark can replay exactly the same statements in the sqlite3 shell. A failed statement
// throws QueryError naming the statement and SQLite's message; the screens and the `report`
// command catch it and show it.
#include "storage/sqlitestatement.h"

#include <QString>
#include <QVariantList>

#include <functional>
#include <stdexcept>

class QSqlDatabase;
class QSqlQuery;

namespace cockpit::analytics {

class QueryError : public std::runtime_error
{
public:
    explicit QueryError(const QString &message);
    QString message() const { return m_message; }

private:
    QString m_message;
};

// Prepares `sql`, binds `binds` positionally, executes it forward-only. Throws QueryError.
QSqlQuery runQuery(QSqlDatabase db, const QString &sql, const QVariantList &binds = {});
// The first column of the first row, or `fallback` when there is no row or it is NULL.
QVariant scalar(QSqlDatabase db, const QString &sql, const QVariantList &binds = {},
                const QVariant &fallback = {});

// The same at the sqlite3 level, for bulk reads where a million values through QVariant
// would cost seconds: prepared, bound, traced like runQuery(); a failure throws QueryError
// naming the statement (`what` says whose figures, for the message).
class BulkQuery
{
public:
    BulkQuery(QSqlDatabase db, const QString &sql, const QVariantList &binds = {}, const QString &what = {});
    BulkQuery(sqlite3 *db, const QString &sql, const QVariantList &binds = {}, const QString &what = {});
    bool next();
    bool isNull(int c) const { return m_st.isNull(c); }
    int key(int c, qint64 *id) const { return m_st.key(c, id); }
    const char *text(int c) const { return m_st.cstr(c); }
    int bytes(int c) const { return m_st.bytes(c); }
    QString string(int c) const { return m_st.text(c); }
    QByteArray raw(int c) const { return m_st.raw(c); }
    qint64 int64(int c) const { return m_st.int64(c); }
    double real(int c) const { return m_st.real(c); }
    bool instant(int c, qint64 *secs) const { return m_st.instant(c, secs); }

private:
    [[noreturn]] void fail() const;
    sql::Statement m_st;
    QString m_sql, m_what;
};

struct TracedQuery
{
    QString sql;
    QVariantList binds;
    QString inlined() const; // the statement with its binds as SQL literals (for sqlite3)
};

// Records every runQuery() of the process (any thread) while it exists; one at a time.
class QueryTrace
{
public:
    QueryTrace();
    ~QueryTrace();
    QList<TracedQuery> queries() const;

private:
    QueryTrace(const QueryTrace &) = delete;
    QueryTrace &operator=(const QueryTrace &) = delete;
};

// A read-only connection of its own to the database file, for a worker thread (SQLite in WAL
// mode lets it read while the app writes), with the file memory-mapped (storage::Access::
// Mapped). Closed and removed when it goes out of scope.
class ReadConnection
{
public:
    explicit ReadConnection(const QString &path);
    ~ReadConnection();
    bool isOpen() const;
    QString error() const { return m_error; } // names the file
    QSqlDatabase db() const;
    // Unmaps the pages its last reads touched (they stay in the OS cache), so that a worker
    // between two figures holds none of the file in its resident memory; the next read maps
    // them again.
    void releaseMapping();

private:
    ReadConnection(const ReadConnection &) = delete;
    ReadConnection &operator=(const ReadConnection &) = delete;
    QString m_name, m_error;
};

// A SQL literal for a bound value: NULL, integer, real or a quoted string.
QString sqlLiteral(const QVariant &value);

// Two halves of one computation on two connections to the same file at once: `mine` runs
// on `here`, `other` on a second connection on another thread; the call returns when both
// ended and rethrows the first failure. The FigureService gives its own (its other worker and
// that worker's connection, or `here` after `mine` when none is free); without one,
// runAlongside() opens a ReadConnection of its own on a thread of its own.
using Half = std::function<void(QSqlDatabase)>;
using Alongside = std::function<void(QSqlDatabase here, const Half &mine, const Half &other)>;
void runAlongside(QSqlDatabase here, const Half &mine, const Half &other);
// `alongside`, or runAlongside() when it is empty.
void runAlongside(const Alongside &alongside, QSqlDatabase here, const Half &mine, const Half &other);

} // namespace cockpit::analytics
