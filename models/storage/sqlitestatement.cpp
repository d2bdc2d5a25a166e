#include "storage/sqlitestatement.h"

#include "domain/times.h"

#include <QFile>

#include <sqlite3.h>

#include <utility>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cockpit::sql {

bool createPrivateFile(const QString &path, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return true;
    }
    if (errno == EEXIST)
        return true;
    if (error)
        *error = QString::fromLocal8Bit(std::strerror(errno));
    return false;
}


Statement::~Statement()
{
    sqlite3_finalize(m_st);
}

Statement::Statement(Statement &&other) noexcept
    : m_st(std::exchange(other.m_st, nullptr)), m_error(std::move(other.m_error))
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_st);
        m_st = std::exchange(other.m_st, nullptr);
        m_error = std::move(other.m_error);
    }
    return *this;
}

bool Statement::prepare(sqlite3 *db, std::string_view sql)
{
    sqlite3_finalize(std::exchange(m_st, nullptr));
    m_error.clear();
    if (sqlite3_prepare_v2(db, sql.data(), int(sql.size()), &m_st, nullptr) == SQLITE_OK)
        return true;
    m_error = lastError(db);
    sqlite3_finalize(std::exchange(m_st, nullptr));
    return false;
}

bool Statement::prepare(sqlite3 *db, const QByteArray &sql, QString *error)
{
    const bool ok = prepare(db, std::string_view(sql.constData(), size_t(sql.size())));
    if (!ok && error)
        *error = m_error;
    return ok;
}

void Statement::bind(int i, qint64 value)
{
    sqlite3_bind_int64(m_st, i, value);
}

void Statement::bind(int i, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_st, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int i, std::string_view text)
{
    sqlite3_bind_text(m_st, i, text.data(), int(text.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int i, const QVariant &value)
{
    if (value.isNull())
        bindNull(i);
    else if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong
             || value.typeId() == QMetaType::UInt || value.typeId() == QMetaType::Bool)
        bind(i, value.toLongLong());
    else if (value.typeId() == QMetaType::Double)
        sqlite3_bind_double(m_st, i, value.toDouble());
    else
        bind(i, value.toString());
}

void Statement::bindNull(int i)
{
    sqlite3_bind_null(m_st, i);
}

void Statement::bindAll(const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        bind(i + 1, values.at(i));
}

void Statement::setError()
{
    m_error = lastError(sqlite3_db_handle(m_st));
}

bool Statement::next()
{
    if (!m_st)
        return false;
    const int rc = sqlite3_step(m_st);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        setError();
    return false;
}

bool Statement::run()
{
    if (!m_st)
        return false;
    int rc;
    while ((rc = sqlite3_step(m_st)) == SQLITE_ROW) {
    }
    const bool ok = rc == SQLITE_DONE;
    if (!ok)
        setError();
    sqlite3_reset(m_st);
    return ok;
}

void Statement::reset()
{
    sqlite3_reset(m_st);
    sqlite3_clear_bindings(m_st);
}

bool Statement::isNull(int c) const { return sqlite3_column_type(m_st, c) == SQLITE_NULL; }
qint64 Statement::int64(int c) const { return sqlite3_column_int64(m_st, c); }
int Statement::key(int c, qint64 *id) const
{
    switch (sqlite3_column_type(m_st, c)) {
    case SQLITE_INTEGER:
        *id = sqlite3_column_int64(m_st, c);
        return 1;
    case SQLITE_NULL:
        return 0;
    default:
        return -1;
    }
}
int Statement::int32(int c) const { return sqlite3_column_int(m_st, c); }
double Statement::real(int c) const { return sqlite3_column_double(m_st, c); }
const char *Statement::cstr(int c) const { return reinterpret_cast<const char *>(sqlite3_column_text(m_st, c)); }
int Statement::bytes(int c) const { return sqlite3_column_bytes(m_st, c); }

std::string_view Statement::view(int c) const
{
    const char *p = cstr(c);
    return p ? std::string_view(p, size_t(bytes(c))) : std::string_view();
}

QString Statement::text(int c) const
{
    const char *p = cstr(c);
    return p ? QString::fromUtf8(p, bytes(c)) : QString();
}

bool Statement::instant(int c, qint64 *secs) const
{
    switch (sqlite3_column_type(m_st, c)) {
    case SQLITE_INTEGER:
        *secs = sqlite3_column_int64(m_st, c);
        return true;
    case SQLITE_TEXT:
        return times::parseIso(reinterpret_cast<const char *>(sqlite3_column_text(m_st, c)),
                               sqlite3_column_bytes(m_st, c), secs);
    default:
        return false;
    }
}

QByteArray Statement::raw(int c) const
{
    return QByteArray::fromRawData(cstr(c), bytes(c));
}

Handle::~Handle()
{
    sqlite3_close(db);
}

QString lastError(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

sqlite3 *openReadOnly(const QString &path, QString *error)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        if (error)
            *error = lastError(db);
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000);
    return db;
}

} // namespace cockpit::sql
