#pragma once
// Thin RAII wrappers over the sqlite3 C API for bulk writing: one connection, one prepared
// INSERT per table, values bound positionally. Errors throw DemoError; generate() turns
// them into Result::error.
#include <QByteArray>
#include <QString>

#include <optional>
#include <stdexcept>

struct sqlite3;
struct sqlite3_stmt;

namespace cockpit::demo {

class DemoError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Bind helpers: a UTC time (epoch seconds) or a day number, formatted as ISO text.
struct Time { qint64 secs; };
struct Date { qint64 day; };
struct Null {};

class Db
{
public:
    // Opens (creating) the file read-write.
    explicit Db(const QString &path);
    ~Db();
    Db(const Db &) = delete;
    Db &operator=(const Db &) = delete;

    void exec(const QByteArray &sql);
    qint64 queryInt(const QByteArray &sql);
    void close();
    sqlite3 *handle() const { return m_db; }

private:
    sqlite3 *m_db = nullptr;
};

class Insert
{
public:
    // columns: "a, b, c" — the statement gets one '?' per column. fixedColumns/fixedValues:
    // more columns given as SQL expressions, the same for every row.
    Insert(Db &db, const char *table, const char *columns, const char *fixedColumns = nullptr,
           const char *fixedValues = nullptr);
    ~Insert();
    Insert(const Insert &) = delete;
    Insert &operator=(const Insert &) = delete;

    template <typename... A>
    void row(const A &...a)
    {
        int i = 1;
        (bind(i++, a), ...);
        step();
    }

private:
    void bind(int i, const QByteArray &v);
    void bind(int i, const char *v);
    void bind(int i, qint64 v);
    void bind(int i, int v);
    void bind(int i, Time t);
    void bind(int i, Date d);
    void bind(int i, Null);
    template <typename T>
    void bind(int i, const std::optional<T> &v)
    {
        if (v)
            bind(i, *v);
        else
            bind(i, Null{});
    }
    void step();

    Db &m_db;
    sqlite3_stmt *m_stmt = nullptr;
    QByteArray m_table;
};

// Hex SHA-256 over every table of schema v1 (see demogenerator.h). Empty on error.
QString hashDatabase(const QString &path);

} // namespace cockpit::demo
