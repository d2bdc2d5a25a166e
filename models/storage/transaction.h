#pragma once
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace cockpit::storage {

// Rolls back unless commit() succeeded: every edit and its outbox entry commit together.
class Transaction
{
public:
    // Deferred: the write lock is taken at the first write. Immediate: at the start, waiting
    // (busy_timeout) for another connection's writer to finish. A transaction that reads
    // before it writes, on a connection beside others that write, must be Immediate: a
    // deferred one whose snapshot another writer has since moved past cannot upgrade to a
    // write, and SQLite then answers "database is locked" at once, without waiting (seen
    // undoing an import while the app's own connection wrote: 3 runs in 25 under load).
    // A connection that may not write (query_only) fails at BEGIN IMMEDIATE, as its first
    // write would; isActive() is then false and error() says why.
    enum class Begin { Deferred, Immediate };
    explicit Transaction(QSqlDatabase db, Begin begin = Begin::Deferred) : m_db(std::move(db))
    {
        if (begin == Begin::Immediate) {
            QSqlQuery q(m_db);
            m_active = q.exec(QStringLiteral("BEGIN IMMEDIATE")); // commit()/rollback() send COMMIT/ROLLBACK as for transaction()
            if (!m_active)
                m_beginError = q.lastError();
        } else {
            m_active = m_db.transaction();
        }
    }
    ~Transaction()
    {
        if (m_active)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    bool isActive() const { return m_active; }
    // Why it did not begin ("database is locked"…).
    QSqlError error() const { return m_beginError.isValid() ? m_beginError : m_db.lastError(); }
    QString errorText() const { return error().text(); }
    bool commit()
    {
        if (!m_active)
            return false;
        m_active = false;
        return m_db.commit();
    }

private:
    QSqlDatabase m_db;
    QSqlError m_beginError;
    bool m_active = false;
};

} // namespace cockpit::storage
