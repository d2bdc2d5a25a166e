#pragma once
// The sync outbox (SYNC.md): every local edit of a synced table appends one entry in the
// same transaction as the edit, so the sync issue pushes exactly what the user changed.
#include <QJsonObject>

struct sqlite3;
struct sqlite3_stmt;
#include <QByteArray>
#include <QString>
#include <QStringView>

#include <string_view>
#include <vector>

class QSqlDatabase;

namespace cockpit::storage {

class Database;

// op: "insert", "update" or "delete". fields: the changed columns and their new values.
bool appendOutbox(QSqlDatabase db, const QString &table, const QString &rowId, const QString &op,
                  const QJsonObject &fields, qint64 baseRowVersion, QString *error);

int pendingOutboxCount(QSqlDatabase db);
int pendingOutboxCount(Database &db); // its main connection

// A flat JSON object written straight to bytes, for the bulk writers whose QJsonObject
// building was a third of the write (a first alert run appends 45 000 rows). The bytes are
// those QJsonDocument(object).toJson(Compact) writes for the same members: keys sorted,
// strings escaped as Qt escapes them (tst_database checks both against each other).
class OutboxFields
{
public:
    OutboxFields &add(const char *key, const QString &text);
    OutboxFields &add(const char *key, qint64 number);
    OutboxFields &addNull(const char *key);
    // A string member, or null when `text` is empty (keys that may be unset).
    OutboxFields &addOrNull(const char *key, const QString &text);
    QByteArray toJson() const;

    // `text` as a JSON string literal, quotes included.
    static void appendString(QByteArray &out, QStringView text);
    // The same for text already in UTF-8: the same bytes (only ASCII is escaped, and no byte
    // of a multi-byte UTF-8 character is ASCII).
    static void appendUtf8String(QByteArray &out, std::string_view utf8);

private:
    struct Member
    {
        const char *key;
        QByteArray json;
    };
    std::vector<Member> m_members;
};

// appendOutbox for many rows in one transaction: the insert is prepared once, on the
// connection's sqlite3 handle (bulk writers, e.g. assigning 10 000 leads).
class OutboxWriter
{
public:
    explicit OutboxWriter(QSqlDatabase db);
    ~OutboxWriter();
    OutboxWriter(const OutboxWriter &) = delete;
    OutboxWriter &operator=(const OutboxWriter &) = delete;
    bool append(const QString &table, const QString &rowId, const QString &op, const QJsonObject &fields,
                qint64 baseRowVersion, QString *error);
    bool append(const QString &table, const QString &rowId, const QString &op, const OutboxFields &fields,
                qint64 baseRowVersion, QString *error);
    // `fieldsJson`: an OutboxFields' toJson(), built beforehand (on another thread).
    bool appendJson(const QString &table, const QString &rowId, const QString &op, const QByteArray &fieldsJson,
                    qint64 baseRowVersion, QString *error)
    {
        return insert(table, rowId, op, fieldsJson, baseRowVersion, error);
    }
    // The same for an integer key, all given as bytes (UTF-8): a bulk writer's row (an import
    // appends one per lead and stage move) without converting its texts each time.
    bool appendRow(std::string_view table, qint64 rowId, std::string_view op, std::string_view fieldsJson,
                   qint64 baseRowVersion, QString *error);

private:
    bool insert(const QString &table, const QString &rowId, const QString &op, const QByteArray &fields,
                qint64 baseRowVersion, QString *error);
    // Binds the rest of the row (row_id is bound) and inserts it.
    bool step(std::string_view table, std::string_view op, std::string_view fields, qint64 baseRowVersion,
              QString *error);
    bool fail(QString *error) const;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    qint64 m_createdSecond = -1;
    QByteArray m_createdAt;
};

} // namespace cockpit::storage
