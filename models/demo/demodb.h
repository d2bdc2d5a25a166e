#pragma once
// Thin RAII wrappers over the sqlite3 C API for bulk writing: one connection, one prepared
// INSERT per table, values bound positionally. Errors throw DemoError; generate() turns
// them into Result::error.
#include <QByteArray>
#include <QString>

#include <array>
#include <optional>
#include <type_traits>
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
// Bytes bound as a BLOB; they must stay valid until row() returns.
struct Blob { const void *data; int size; };

// A row's identity (schema v5, storage/keys.h): its local integer key, which every reference
// binds, and its global id, written once in the row's own `uuid` column. An Insert whose
// columns start with "id" writes both from the row's first value.
struct Id
{
    qint64 key = 0;
    std::array<unsigned char, 16> uuid{};
};

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
        (bindNext(i, a), ...);
        step();
    }

private:
    template <typename T>
    void bindNext(int &i, const T &v)
    {
        if constexpr (std::is_same_v<T, Id>) {
            if (i == 1 && m_ownId) { // the row's own id: key and uuid
                bind(i++, v);
                bindUuid(i++, v);
                return;
            }
        }
        bind(i++, v);
    }
    void bind(int i, const Id &id);
    void bindUuid(int i, const Id &id);
    void bind(int i, const QByteArray &v);
    // Text is bound without a copy (SQLITE_STATIC): a QByteArray built in the call (a + b)
    // would be a temporary gone before the row is written. Build it first, then pass it.
    template <typename A, typename B>
    void bind(int i, const QStringBuilder<A, B> &v) = delete;
    void bind(int i, const char *v);
    void bind(int i, qint64 v);
    void bind(int i, int v);
    void bind(int i, Time t);
    void bind(int i, Date d);
    void bind(int i, Null);
    void bind(int i, Blob b);
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
    bool m_ownId = false;
};

// Hex SHA-256 over every table of schema v1 (see demogenerator.h). Empty on error.
QString hashDatabase(const QString &path);

} // namespace cockpit::demo
