#pragma once
// The one statement wrapper at the sqlite3 level, for the bulk paths where a million rows
// through QVariant would cost seconds (catalog load, cockpit and alert facts, the log chain,
// the demo generator). Finalizes on destruction; errors are kept as text for the caller.
#include <QByteArray>
#include <QString>
#include <QVariant>

#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace cockpit::sql {

// Creates `path` empty and readable by its owner only (0600) when it does not exist, so the
// database SQLite then opens there, and its -wal and -shm files (SQLite gives them the
// database's mode), are not world-readable. An existing file is left as it is. False with
// `error` set when it cannot be created.
bool createPrivateFile(const QString &path, QString *error = nullptr);

class Statement
{
public:
    Statement() = default;
    Statement(sqlite3 *db, std::string_view sql) { prepare(db, sql); }
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;

    // false (with error()) when SQLite refuses the text.
    bool prepare(sqlite3 *db, std::string_view sql);
    bool prepare(sqlite3 *db, const QByteArray &sql, QString *error);
    sqlite3_stmt *handle() const { return m_st; }
    bool isValid() const { return m_st != nullptr; }
    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

    // 1-based, as in SQL.
    void bind(int i, qint64 value);
    void bind(int i, int value) { bind(i, qint64(value)); }
    void bind(int i, const QString &text);
    void bind(int i, std::string_view text);
    void bind(int i, const QVariant &value); // null, integers as integers, the rest as text
    void bindNull(int i);
    void bindAll(const QVariantList &values);

    // true while a row is there; false at the end or on an error (then hasError()).
    bool next();
    // Steps to the end (a write); false with error() on failure. Resets for the next run.
    bool run();
    void reset();

    bool isNull(int c) const;
    // An integer key column (schema v5 and later): 1 with *id set when it holds an integer,
    // 0 for NULL, -1 for anything else (text in a hand-edited file).
    int key(int c, qint64 *id) const;
    qint64 int64(int c) const;
    int int32(int c) const;
    double real(int c) const;
    const char *cstr(int c) const; // nullptr for NULL
    int bytes(int c) const;
    std::string_view view(int c) const;
    QString text(int c) const;     // null QString for NULL
    QByteArray raw(int c) const;   // not a copy: valid until the next step
    // A time column: epoch seconds from an INTEGER (schema v6) or from ISO text (v5 and
    // earlier: "YYYY-MM-DDTHH:MM:SSZ" or a bare date, domain/times.h). false for NULL or
    // text that is neither.
    bool instant(int c, qint64 *secs) const;

private:
    void setError();
    sqlite3_stmt *m_st = nullptr;
    QString m_error;
};

// Owns an sqlite3 handle.
struct Handle
{
    sqlite3 *db = nullptr;
    Handle() = default;
    explicit Handle(sqlite3 *h) : db(h) {}
    ~Handle();
    Handle(const Handle &) = delete;
    Handle &operator=(const Handle &) = delete;
    operator sqlite3 *() const { return db; }
};

// A read-only handle on a database file, opened the way every bulk reader opens it: waits up
// to 5 s for a writer. nullptr with *error when SQLite cannot open it.
sqlite3 *openReadOnly(const QString &path, QString *error);

// SQLite's message for the handle's last error.
QString lastError(sqlite3 *db);

} // namespace cockpit::sql
