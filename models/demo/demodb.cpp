#include "demo/demodb.h"
#include "storage/sqlitestatement.h"

#include "demo/demotime.h"
#include "storage/schema.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QRegularExpression>

#include <sqlite3.h>

namespace cockpit::demo {

namespace {
[[noreturn]] void fail(sqlite3 *db, const QByteArray &what)
{
    QByteArray msg = what;
    if (db)
        msg += QByteArray(": ") + sqlite3_errmsg(db);
    throw DemoError(msg.toStdString());
}
} // namespace

Db::Db(const QString &path)
{
    const QByteArray p = path.toUtf8();
    sql::createPrivateFile(path); // 0600: the company's data is its owner's to read
    // One thread uses the connection (generate() runs on one): no mutex around every call.
    if (sqlite3_open_v2(p.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        const QByteArray msg = QByteArray("cannot open ") + p + ": " +
                               (m_db ? sqlite3_errmsg(m_db) : "out of memory");
        sqlite3_close(m_db);
        m_db = nullptr;
        throw DemoError(msg.toStdString());
    }
}

Db::~Db() { close(); }

void Db::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

void Db::exec(const QByteArray &sql)
{
    char *err = nullptr;
    if (sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &err) != SQLITE_OK) {
        QByteArray msg = QByteArray("SQL failed (") + sql.left(80) + "): " + (err ? err : "");
        sqlite3_free(err);
        throw DemoError(msg.toStdString());
    }
}

qint64 Db::queryInt(const QByteArray &sql)
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.constData(), int(sql.size()), &st, nullptr) != SQLITE_OK)
        fail(m_db, "prepare " + sql.left(80));
    qint64 v = 0;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

Insert::Insert(Db &db, const char *table, const char *columns, const char *fixedColumns,
               const char *fixedValues)
    : m_db(db), m_table(table)
{
    QByteArray cols(columns);
    m_ownId = cols.startsWith("id,");
    if (m_ownId)
        cols = "id, uuid," + cols.mid(3);
    const int n = int(cols.count(',')) + 1;
    QByteArray sql = QByteArray("INSERT INTO ") + table + " (" + cols;
    if (fixedColumns)
        sql += QByteArray(", ") + fixedColumns;
    sql += ") VALUES (";
    for (int i = 0; i < n; ++i)
        sql += i ? ",?" : "?";
    if (fixedValues)
        sql += QByteArray(", ") + fixedValues;
    sql += ")";
    if (sqlite3_prepare_v3(db.handle(), sql.constData(), int(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK)
        fail(db.handle(), "prepare insert into " + m_table);
}

Insert::~Insert() { sqlite3_finalize(m_stmt); }

void Insert::bind(int i, const Id &id) { sqlite3_bind_int64(m_stmt, i, id.key); }
void Insert::bindUuid(int i, const Id &id)
{
    sqlite3_bind_blob(m_stmt, i, id.uuid.data(), int(id.uuid.size()), SQLITE_STATIC);
}
void Insert::bind(int i, const QByteArray &v)
{
    sqlite3_bind_text(m_stmt, i, v.constData(), int(v.size()), SQLITE_STATIC);
}
void Insert::bind(int i, const char *v) { sqlite3_bind_text(m_stmt, i, v, -1, SQLITE_STATIC); }
void Insert::bind(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); }
void Insert::bind(int i, int v) { sqlite3_bind_int64(m_stmt, i, v); }
// Times in the file's form (times::instantParam / dayParam): ISO text up to schema v5.
void Insert::bind(int i, Time t)
{
    if constexpr (times::kIntegerTimes) {
        sqlite3_bind_int64(m_stmt, i, t.secs);
        return;
    }
    char b[24];
    sqlite3_bind_text(m_stmt, i, b, formatIsoTime(t.secs, b), SQLITE_TRANSIENT);
}
void Insert::bind(int i, Date d)
{
    if constexpr (times::kIntegerTimes) {
        sqlite3_bind_int64(m_stmt, i, d.day);
        return;
    }
    char b[16];
    sqlite3_bind_text(m_stmt, i, b, formatIsoDate(d.day, b), SQLITE_TRANSIENT);
}
void Insert::bind(int i, Null) { sqlite3_bind_null(m_stmt, i); }
void Insert::bind(int i, Blob b) { sqlite3_bind_blob(m_stmt, i, b.data, b.size, SQLITE_STATIC); }

void Insert::step()
{
    if (sqlite3_step(m_stmt) != SQLITE_DONE)
        fail(m_db.handle(), "insert into " + m_table);
    sqlite3_reset(m_stmt);
}

QString hashDatabase(const QString &path)
{
    if (!QFileInfo::exists(path))
        return {};
    sqlite3 *db = sql::openReadOnly(path, nullptr);
    if (!db)
        return {};
    static const QRegularExpression nameRe(QStringLiteral("CREATE TABLE\\s+(\\w+)"));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    bool ok = true;
    for (const QString &stmt : cockpit::storage::latestSchemaTables()) {
        const auto m = nameRe.match(stmt);
        if (!m.hasMatch())
            continue;
        const QByteArray table = m.captured(1).toUtf8();
        // Primary key columns, in key order.
        QList<QPair<int, QByteArray>> pk;
        sqlite3_stmt *info = nullptr;
        const QByteArray infoSql = "PRAGMA table_info(" + table + ")";
        if (sqlite3_prepare_v2(db, infoSql.constData(), -1, &info, nullptr) != SQLITE_OK) {
            ok = false;
            break;
        }
        while (sqlite3_step(info) == SQLITE_ROW) {
            const int k = sqlite3_column_int(info, 5);
            if (k > 0)
                pk.append({k, QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(info, 1)))});
        }
        sqlite3_finalize(info);
        std::sort(pk.begin(), pk.end());
        QByteArray order;
        for (const auto &c : pk)
            order += (order.isEmpty() ? "" : ", ") + c.second;
        if (order.isEmpty())
            order = "rowid";
        const QByteArray sql = "SELECT * FROM " + table + " ORDER BY " + order;
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql.constData(), -1, &st, nullptr) != SQLITE_OK) {
            ok = false;
            break;
        }
        hash.addData(QByteArray(QByteArray("table:") + table + '\n'));
        const int cols = sqlite3_column_count(st);
        for (int c = 0; c < cols; ++c)
            hash.addData(QByteArray(QByteArray(sqlite3_column_name(st, c)) + '\x1f'));
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            for (int c = 0; c < cols; ++c) {
                const int type = sqlite3_column_type(st, c);
                char tag = char('0' + type);
                hash.addData(QByteArrayView(&tag, 1));
                if (type == SQLITE_INTEGER) {
                    hash.addData(QByteArray::number(sqlite3_column_int64(st, c)));
                } else if (type == SQLITE_FLOAT) {
                    hash.addData(QByteArray::number(sqlite3_column_double(st, c), 'g', 17));
                } else if (type != SQLITE_NULL) {
                    const void *p = type == SQLITE_BLOB ? sqlite3_column_blob(st, c)
                                                        : static_cast<const void *>(sqlite3_column_text(st, c));
                    const int n = sqlite3_column_bytes(st, c);
                    hash.addData(QByteArray(QByteArray::number(n) + ':'));
                    hash.addData(QByteArrayView(static_cast<const char *>(p), n));
                }
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\x1e", 1));
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) {
            ok = false;
            break;
        }
    }
    sqlite3_close(db);
    if (!ok)
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace cockpit::demo
