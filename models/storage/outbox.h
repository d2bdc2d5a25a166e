#pragma once
// The sync outbox (SYNC.md): every local edit of a synced table appends one entry in the
// same transaction as the edit, so the sync issue pushes exactly what the user changed.
#include <QJsonObject>

struct sqlite3;
struct sqlite3_stmt;
#include <QByteArray>
#include <QString>
#include <QStringView>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

class QSqlDatabase;

namespace cockpit::storage {

class Database;

// op: "insert", "update" or "delete". fields: the changed columns and their new values.
//
// An INSERT may instead say "fields: the row as committed": `fields` is then the JSON text
// `null` (kFieldsOfRow), not an object, base_row_version 0. The import writes its new rows so
// (still one entry per row; for 100 000 leads and their 167 000 stage moves the rows' JSON
// was 93 of the 174 MB the import wrote, and a seventh of its write time): the row holds
// exactly those values, and the sync (SYNC.md, issue 12) reads them when it pushes, with
// outboxRowFields() below. The row is read as it stands at push time; any later edit of it
// has its own entry after this one, whose changed fields the pushed row then already holds
// (pushing them again changes nothing). An entry whose row is no longer there (a hard delete,
// which writes its own "delete" entry) has nothing to push. An import's insert entries come
// a table's run of new keys at a time, in key order, parents first (a lead before its stage
// moves), and before any update entry of the same rows. Updates and deletes always carry
// their fields.
bool appendOutbox(QSqlDatabase db, const QString &table, const QString &rowId, const QString &op,
                  const QJsonObject &fields, qint64 baseRowVersion, QString *error);

inline constexpr std::string_view kFieldsOfRow = "null";

// The fields an outbox entry pushes: its `fields` JSON object, or, for an entry written with
// kFieldsOfRow, every column of the row `rowId` of `table` as it stands (SELECT *), less
// `id` (the entry's row_id names it) and the activity log's local chain (log_seq, log_hash):
// integers as JSON numbers, texts as strings, a 16-byte uuid as its canonical text
// (formatUuid), NULL as null — the members the entry would have listed, and the columns the
// table's defaults filled (row_version, deleted …). *found (when given) is false when the row
// is gone (then the object is empty).
QJsonObject outboxRowFields(QSqlDatabase db, const QString &table, qint64 rowId, const QByteArray &fields,
                            bool *found = nullptr, QString *error = nullptr);

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
    // An INSERT of a row just written, its fields the row as committed (kFieldsOfRow above).
    bool appendInsertOfRow(std::string_view table, qint64 rowId, QString *error)
    {
        return appendRow(table, rowId, "insert", kFieldsOfRow, 0, error);
    }
    // The same for every row of `table` (an integer primary key `id`) from `first` to `last`,
    // in key order, in one INSERT … SELECT: the entries a row-by-row appendInsertOfRow() would
    // write, without a statement run per row (a bulk import's 270 000). Each entry its own
    // op id (cockpit_outbox_op_id(), registered on the connection when it lacks it).
    bool appendInsertsOfRows(std::string_view table, qint64 first, qint64 last, QString *error);

private:
    bool insert(const QString &table, const QString &rowId, const QString &op, const QByteArray &fields,
                qint64 baseRowVersion, QString *error);
    // Binds the rest of the row (row_id is bound) and inserts it.
    bool step(std::string_view table, std::string_view op, std::string_view fields, qint64 baseRowVersion,
              QString *error);
    bool fail(QString *error) const;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    bool m_opIdFunction = false;
    std::vector<std::pair<std::string, sqlite3_stmt *>> m_rangeInserts; // per table
    qint64 m_createdSecond = -1;
    QByteArray m_createdAt;
};

} // namespace cockpit::storage
