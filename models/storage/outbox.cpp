#include "storage/outbox.h"

#include "domain/ids.h"
#include "domain/times.h"

#include "storage/database.h"
#include "storage/uuidcolumn.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>

namespace cockpit::storage {

bool appendOutbox(QSqlDatabase db, const QString &table, const QString &rowId, const QString &op,
                  const QJsonObject &fields, qint64 baseRowVersion, QString *error)
{
    return OutboxWriter(db).append(table, rowId, op, fields, baseRowVersion, error);
}

OutboxWriter::OutboxWriter(QSqlDatabase db)
{
    const QVariant v = db.driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        m_db = *static_cast<sqlite3 *const *>(v.data());
    if (m_db)
        sqlite3_prepare_v2(m_db,
                           "INSERT INTO outbox (op_id, table_name, row_id, op, fields, base_row_version,"
                           " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           -1, &m_insert, nullptr);
}

OutboxWriter::~OutboxWriter()
{
    sqlite3_finalize(m_insert);
    for (auto &[table, st] : m_rangeInserts)
        sqlite3_finalize(st);
}

namespace {
void opIdFunction(sqlite3_context *context, int, sqlite3_value **)
{
    char id[36];
    newTimeOrderedId(id);
    sqlite3_result_text(context, id, 36, SQLITE_TRANSIENT);
}
} // namespace

bool OutboxWriter::appendInsertsOfRows(std::string_view table, qint64 first, qint64 last, QString *error)
{
    if (!m_db)
        return fail(error);
    sqlite3_stmt *st = nullptr;
    for (const auto &[name, prepared] : m_rangeInserts)
        if (name == table)
            st = prepared;
    if (!st) {
        const std::string sql = "INSERT INTO outbox (op_id, table_name, row_id, op, fields, base_row_version, created_at)"
                                " SELECT cockpit_outbox_op_id(), ?1, id, 'insert', '"
                                + std::string(kFieldsOfRow) + "', 0, ?2 FROM \"" + std::string(table)
                                + "\" WHERE id BETWEEN ?3 AND ?4 ORDER BY id";
        if (sqlite3_prepare_v2(m_db, sql.c_str(), int(sql.size()), &st, nullptr) != SQLITE_OK) {
            // The op id function is not on this connection yet (a new name: registering it
            // expires no statement, whatever runs meanwhile).
            if (m_opIdFunction
                || sqlite3_create_function_v2(m_db, "cockpit_outbox_op_id", 0, SQLITE_UTF8, nullptr, opIdFunction,
                                              nullptr, nullptr, nullptr) != SQLITE_OK
                || sqlite3_prepare_v2(m_db, sql.c_str(), int(sql.size()), &st, nullptr) != SQLITE_OK)
                return fail(error);
        }
        m_opIdFunction = true;
        m_rangeInserts.emplace_back(std::string(table), st);
    }
    const qint64 second = QDateTime::currentSecsSinceEpoch();
    sqlite3_bind_text(st, 1, table.data(), int(table.size()), SQLITE_STATIC);
    QByteArray createdAt;
    if constexpr (times::kIntegerTimes) {
        sqlite3_bind_int64(st, 2, second);
    } else {
        createdAt = times::instantParam(second).toString().toUtf8();
        sqlite3_bind_text(st, 2, createdAt.constData(), int(createdAt.size()), SQLITE_STATIC);
    }
    sqlite3_bind_int64(st, 3, first);
    sqlite3_bind_int64(st, 4, last);
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return fail(error);
    return true;
}

OutboxFields &OutboxFields::add(const char *key, const QString &text)
{
    QByteArray json;
    appendString(json, text);
    m_members.push_back({key, std::move(json)});
    return *this;
}

OutboxFields &OutboxFields::add(const char *key, qint64 number)
{
    m_members.push_back({key, QByteArray::number(number)});
    return *this;
}

OutboxFields &OutboxFields::addNull(const char *key)
{
    m_members.push_back({key, QByteArrayLiteral("null")});
    return *this;
}

OutboxFields &OutboxFields::addOrNull(const char *key, const QString &text)
{
    return text.isEmpty() ? addNull(key) : add(key, text);
}

QByteArray OutboxFields::toJson() const
{
    std::vector<const Member *> sorted;
    sorted.reserve(m_members.size());
    qsizetype size = 2;
    for (const Member &m : m_members) {
        sorted.push_back(&m);
        size += qsizetype(qstrlen(m.key)) + m.json.size() + 4;
    }
    std::sort(sorted.begin(), sorted.end(), [](const Member *a, const Member *b) { return qstrcmp(a->key, b->key) < 0; });
    QByteArray out;
    out.reserve(size);
    out += '{';
    for (const Member *m : sorted) {
        if (out.size() > 1)
            out += ',';
        out += '"';
        out += m->key;
        out += "\":";
        out += m->json;
    }
    out += '}';
    return out;
}

namespace {
// The escape of one character that JSON (as Qt writes it) escapes, after its backslash.
void appendEscape(QByteArray &out, char16_t u)
{
    static const char hex[] = "0123456789abcdef";
    out += '\\';
    switch (u) {
    case u'"': out += '"'; break;
    case u'\\': out += '\\'; break;
    case u'\b': out += 'b'; break;
    case u'\f': out += 'f'; break;
    case u'\n': out += 'n'; break;
    case u'\r': out += 'r'; break;
    case u'\t': out += 't'; break;
    default:
        out += "u00";
        out += hex[u >> 4];
        out += hex[u & 15];
    }
}
} // namespace

void OutboxFields::appendString(QByteArray &out, QStringView text)
{
    out += '"';
    qsizetype plain = 0; // start of the run of characters copied as they are
    auto flush = [&](qsizetype to) {
        if (to > plain)
            out += text.mid(plain, to - plain).toUtf8();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        if (u >= 0x20 && u != u'"' && u != u'\\')
            continue;
        flush(i);
        plain = i + 1;
        appendEscape(out, u);
    }
    flush(text.size());
    out += '"';
}

void OutboxFields::appendUtf8String(QByteArray &out, std::string_view utf8)
{
    out += '"';
    std::size_t plain = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        if (b >= 0x20 && b != '"' && b != '\\')
            continue;
        out.append(utf8.data() + plain, qsizetype(i - plain));
        plain = i + 1;
        appendEscape(out, char16_t(b));
    }
    out.append(utf8.data() + plain, qsizetype(utf8.size() - plain));
    out += '"';
}

bool OutboxWriter::append(const QString &table, const QString &rowId, const QString &op,
                          const OutboxFields &fields, qint64 baseRowVersion, QString *error)
{
    return insert(table, rowId, op, fields.toJson(), baseRowVersion, error);
}

bool OutboxWriter::append(const QString &table, const QString &rowId, const QString &op,
                          const QJsonObject &fields, qint64 baseRowVersion, QString *error)
{
    return insert(table, rowId, op, QJsonDocument(fields).toJson(QJsonDocument::Compact), baseRowVersion, error);
}

bool OutboxWriter::insert(const QString &table, const QString &rowId, const QString &op, const QByteArray &fields,
                          qint64 baseRowVersion, QString *error)
{
    if (!m_insert)
        return fail(error);
    const QByteArray id = rowId.toUtf8();
    sqlite3_bind_text(m_insert, 3, id.constData(), int(id.size()), SQLITE_STATIC);
    const QByteArray t = table.toUtf8(), o = op.toUtf8();
    return step(std::string_view(t.constData(), std::size_t(t.size())), std::string_view(o.constData(), std::size_t(o.size())),
                std::string_view(fields.constData(), std::size_t(fields.size())), baseRowVersion, error);
}

bool OutboxWriter::appendRow(std::string_view table, qint64 rowId, std::string_view op, std::string_view fieldsJson,
                             qint64 baseRowVersion, QString *error)
{
    if (!m_insert)
        return fail(error);
    // row_id is an INTEGER column: the key bound as a number is stored as its text was.
    sqlite3_bind_int64(m_insert, 3, rowId);
    return step(table, op, fieldsJson, baseRowVersion, error);
}

bool OutboxWriter::fail(QString *error) const
{
    if (error)
        *error = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no SQLite connection");
    return false;
}

bool OutboxWriter::step(std::string_view table, std::string_view op, std::string_view fields, qint64 baseRowVersion,
                        QString *error)
{
    // created_at in the file's form (times::instantParam): up to schema v5 its ISO text,
    // formatted once a second, not once a row (a first alert run appends 45 000).
    const qint64 second = QDateTime::currentSecsSinceEpoch();
    if (second != m_createdSecond) {
        m_createdSecond = second;
        m_createdAt = times::instantParam(second).toString().toUtf8();
    }
    // Bound as bytes that live until the step (SQLITE_STATIC): no copies per row.
    char opId[36];
    newTimeOrderedId(opId);
    sqlite3_bind_text(m_insert, 1, opId, 36, SQLITE_STATIC);
    sqlite3_bind_text(m_insert, 2, table.data(), int(table.size()), SQLITE_STATIC);
    sqlite3_bind_text(m_insert, 4, op.data(), int(op.size()), SQLITE_STATIC);
    sqlite3_bind_text(m_insert, 5, fields.data(), int(fields.size()), SQLITE_STATIC);
    sqlite3_bind_int64(m_insert, 6, baseRowVersion);
    if constexpr (times::kIntegerTimes)
        sqlite3_bind_int64(m_insert, 7, second);
    else
        sqlite3_bind_text(m_insert, 7, m_createdAt.constData(), int(m_createdAt.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(m_insert);
    sqlite3_reset(m_insert);
    sqlite3_clear_bindings(m_insert); // nothing bound points at this call's bytes any more
    if (rc != SQLITE_DONE)
        return fail(error);
    return true;
}

QJsonObject outboxRowFields(QSqlDatabase db, const QString &table, qint64 rowId, const QByteArray &fields, bool *found,
                            QString *error)
{
    if (found)
        *found = true;
    if (fields != QByteArrayView(kFieldsOfRow.data(), qsizetype(kFieldsOfRow.size())))
        return QJsonDocument::fromJson(fields).object();
    QJsonObject out;
    sqlite3 *h = sqliteHandle(db);
    // The table name comes from the outbox, which only this program writes; quoted all the same.
    const QByteArray sql = "SELECT * FROM \"" + table.toUtf8().replace('"', "\"\"") + "\" WHERE id = ?";
    sqlite3_stmt *st = nullptr;
    if (!h || sqlite3_prepare_v2(h, sql.constData(), int(sql.size()), &st, nullptr) != SQLITE_OK) {
        if (error)
            *error = h ? QString::fromUtf8(sqlite3_errmsg(h)) : QStringLiteral("no SQLite connection");
        if (found)
            *found = false;
        return out;
    }
    sqlite3_bind_int64(st, 1, rowId);
    if (sqlite3_step(st) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(st); ++i) {
            const char *name = sqlite3_column_name(st, i);
            if (!qstrcmp(name, "id") || !qstrcmp(name, "log_seq") || !qstrcmp(name, "log_hash"))
                continue;
            const QString key = QString::fromUtf8(name);
            switch (sqlite3_column_type(st, i)) {
            case SQLITE_NULL: out.insert(key, QJsonValue()); break;
            case SQLITE_INTEGER: out.insert(key, qint64(sqlite3_column_int64(st, i))); break;
            case SQLITE_FLOAT: out.insert(key, sqlite3_column_double(st, i)); break;
            case SQLITE_TEXT:
                out.insert(key, QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, i)),
                                                  sqlite3_column_bytes(st, i)));
                break;
            default: // a uuid (16 bytes: its canonical text)
                out.insert(key, uuidText(QByteArray(static_cast<const char *>(sqlite3_column_blob(st, i)),
                                                    sqlite3_column_bytes(st, i))));
            }
        }
    } else if (found) {
        *found = false;
    }
    sqlite3_finalize(st);
    return out;
}

int pendingOutboxCount(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT count(*) FROM outbox")) && q.next())
        return q.value(0).toInt();
    return -1;
}

int pendingOutboxCount(Database &db)
{
    return pendingOutboxCount(db.connection());
}

} // namespace cockpit::storage
