#include "imports/importwriter.h"

#include "imports/importcolumns.h"
#include "domain/ids.h"
#include "domain/times.h"
#include "pinyin/pinyin.h"
#include "storage/database.h"
#include "storage/exitactions.h"
#include "storage/logchain.h"
#include "storage/outbox.h"
#include "storage/schema.h"
#include "storage/sqlitestatement.h"
#include "storage/transaction.h"
#include "storage/uuidcolumn.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QVarLengthArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <array>
#include <charconv>
#include <map>

namespace cockpit::imports {

namespace {

using detail::ColumnValue;

// A version-4 UUID's 16 bytes from the global generator: QUuid::createUuid() asks the kernel
// for every one (a system call per row, a tenth of a 100 000-row import).
using UuidBytes = std::array<unsigned char, 16>;
UuidBytes newUuidBytes()
{
    QRandomGenerator *random = QRandomGenerator::global();
    const quint64 hi = (random->generate64() & 0xFFFFFFFFFFFF0FFFull) | 0x4000ull;
    const quint64 lo = (random->generate64() & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
    UuidBytes out;
    for (int i = 0; i < 8; ++i) {
        out[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
        out[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
    }
    return out;
}

// The outbox JSON of a row is written straight to bytes, in OutboxFields' form (keys sorted,
// Qt's escapes): a number, or a UUID column's canonical text.
void appendNumber(QByteArray &json, qint64 v)
{
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    json.append(buf, qsizetype(end - buf));
}

void appendUuid(QByteArray &json, const UuidBytes &uuid)
{
    char text[36];
    storage::formatUuid(uuid.data(), 16, text);
    json += '"';
    json.append(text, 36);
    json += '"';
}

class Writer
{
public:
    Writer(QSqlDatabase db, const ImportPlan &plan) : m_qdb(db), m_db(storage::sqliteHandle(db)), m_plan(plan), m_outbox(db) {}

    bool run(const QString &source, const QByteArray &mapping, const std::function<bool(qint64, qint64)> &progress,
             ImportWriteResult &r);

private:
    bool exec(std::string_view sql)
    {
        sql::Statement st(m_db, sql);
        if (st.isValid() && st.run())
            return true;
        m_error = st.error().isEmpty() ? sql::lastError(m_db) : st.error();
        return false;
    }
    qint64 keyOf(const RowRef &r, const char *kind) const
    {
        if (r.existing > 0)
            return r.existing;
        if (r.planned < 0)
            return 0;
        const std::vector<qint64> *v = m_keys.value(QByteArray(kind));
        return v && r.planned < int(v->size()) ? v->at(r.planned) : 0;
    }
    QVariant valueOf(const ColumnValue &c) const
    {
        if (!c.refKind)
            return c.value;
        const qint64 k = keyOf(c.ref, c.refKind);
        return k > 0 ? QVariant(k) : QVariant();
    }
    static void bindValue(sqlite3_stmt *st, int i, const QVariant &v)
    {
        if (v.isNull())
            sqlite3_bind_null(st, i);
        else if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int || v.typeId() == QMetaType::Bool)
            sqlite3_bind_int64(st, i, v.toLongLong());
        else {
            const QByteArray b = v.toString().toUtf8();
            sqlite3_bind_text(st, i, b.constData(), int(b.size()), SQLITE_TRANSIENT);
        }
    }
    static void addField(storage::OutboxFields &f, const char *key, const QVariant &v)
    {
        if (v.isNull())
            f.addNull(key);
        else if (v.typeId() == QMetaType::QString)
            f.add(key, v.toString());
        else
            f.add(key, v.toLongLong());
    }
    // Inserts a row of `table` with `cols`; returns its key (0 on failure).
    qint64 insert(const char *table, const std::vector<ColumnValue> &cols, const QSet<QByteArray> &skip = {},
                  QByteArray *uuidOut = nullptr);
    bool update(const char *table, qint64 key, const std::vector<ColumnValue> &cols, quint32 given, Entity entity,
                bool *changed);
    bool change(const char *table, qint64 key, const char *op, const QByteArray &before = {}, const QByteArray &after = {});
    bool writeChange(const char *table, qint64 key, qint64 last, const char *op, const QByteArray &before,
                     const QByteArray &after);
    bool flushRanges();
    struct Range
    {
        qint64 first = 0, last = 0;
    };
    QHash<QByteArray, Range> m_ranges;
    Range *m_lastRange = nullptr;
    const char *m_lastRangeTable = nullptr;
    bool remember(const char *entity, const QString &externalId, qint64 key);
    bool insertUnits();
    bool insertPipeline();
    bool insertMove(qint64 lead, const QByteArray &leadUuid, qint64 from, qint64 to, qint64 at, qint64 by);
    bool startChain();
    std::unique_ptr<storage::logchain::ValueChain> m_chain;
    bool m_chainLater = false;
    QHash<qint64, QByteArray> m_userUuid, m_stageUuid;

    QSqlDatabase m_qdb;
    sqlite3 *m_db;
    const ImportPlan &m_plan;
    storage::OutboxWriter m_outbox;
    QString m_error;
    qint64 m_run = 0;
    qint64 m_now = 0;
    QHash<QByteArray, const std::vector<qint64> *> m_keys;
    std::vector<qint64> m_regions, m_cities, m_teams, m_users, m_products, m_customers, m_leads, m_pipeline, m_stages,
        m_contacts, m_activities, m_orders, m_payments, m_stores, m_storeDays, m_targets;
    struct InsertPlan
    {
        std::shared_ptr<sql::Statement> st;
        std::string_view table;
        std::vector<int> columns;                       // bound, after uuid and updated_at
        std::vector<std::pair<QByteArray, int>> json;  // outbox keys sorted, as "key":; -1 uuid, -2 updated_at
    };
    bool prepareInsert(InsertPlan &plan, const char *table, const std::vector<ColumnValue> &cols, const QSet<QByteArray> &skip);
    // A column's value as bound (bindValue) and as its JSON (addField) need it.
    struct Cell
    {
        bool null = true, integer = false, string = false;
        qint64 number = 0;
        QByteArray utf8; // a value bound as text
    };
    static Cell cellOf(const QVariant &v)
    {
        Cell c;
        c.null = v.isNull();
        if (c.null)
            return c;
        c.integer = v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int || v.typeId() == QMetaType::Bool;
        c.string = v.typeId() == QMetaType::QString;
        if (!c.integer)
            c.utf8 = v.toString().toUtf8();
        if (!c.string)
            c.number = v.toLongLong();
        return c;
    }
    std::map<std::pair<const void *, qsizetype>, InsertPlan> m_inserts;
    QByteArray m_json;
    sql::Statement m_change, m_key, m_move;
    qint64 m_moves = 0;
    bool m_updateAll = false;
    QElapsedTimer m_trace;
};

qint64 Writer::insert(const char *table, const std::vector<ColumnValue> &cols, const QSet<QByteArray> &skip,
                      QByteArray *uuidOut)
{
    // What each call site inserts is fixed (the table's columns, less `skip`): the statement,
    // the columns bound and the outbox JSON's key order are worked out once.
    InsertPlan &plan = m_inserts[std::make_pair(static_cast<const void *>(table), skip.size())];
    if (!plan.st && !prepareInsert(plan, table, cols, skip))
        return 0;
    sqlite3_stmt *st = plan.st->handle();
    const UuidBytes uuid = newUuidBytes();
    if (uuidOut)
        *uuidOut = QByteArray(reinterpret_cast<const char *>(uuid.data()), 16);
    sqlite3_bind_blob(st, 1, uuid.data(), 16, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, m_now);
    // Each value converted once, for its binding and its JSON; texts bound without a copy
    // (SQLITE_STATIC: `cells` outlives the step).
    QVarLengthArray<Cell, 32> cells(qsizetype(cols.size()));
    int i = 3;
    for (const int c : plan.columns) {
        Cell &cell = cells[c];
        cell = cellOf(valueOf(cols[c]));
        if (cell.null)
            sqlite3_bind_null(st, i++);
        else if (cell.integer)
            sqlite3_bind_int64(st, i++, cell.number);
        else
            sqlite3_bind_text(st, i++, cell.utf8.constData(), int(cell.utf8.size()), SQLITE_STATIC);
    }
    const bool ran = plan.st->run();
    sqlite3_clear_bindings(st);
    if (!ran) {
        m_error = QStringLiteral("%1: %2").arg(QLatin1String(table), plan.st->error());
        return 0;
    }
    const qint64 key = sqlite3_last_insert_rowid(m_db);
    QByteArray &json = m_json;
    json.clear();
    json += '{';
    for (const auto &[name, c] : plan.json) {
        if (json.size() > 1)
            json += ',';
        json += name;
        if (c == -1) {
            appendUuid(json, uuid);
        } else if (c == -2) {
            appendNumber(json, m_now);
        } else {
            const Cell &cell = cells[c];
            if (cell.null)
                json += "null";
            else if (cell.string)
                storage::OutboxFields::appendUtf8String(json, std::string_view(cell.utf8.constData(), std::size_t(cell.utf8.size())));
            else
                appendNumber(json, cell.number);
        }
    }
    json += '}';
    if (!m_outbox.appendRow(plan.table, key, "insert", std::string_view(json.constData(), std::size_t(json.size())), 0, &m_error)
        || !change(table, key, "insert"))
        return 0;
    return key;
}

bool Writer::prepareInsert(InsertPlan &plan, const char *table, const std::vector<ColumnValue> &cols,
                           const QSet<QByteArray> &skip)
{
    plan.table = table;
    QByteArray sql = "INSERT INTO " + QByteArray(table) + " (uuid, updated_at";
    QByteArray params = "?, ?";
    std::vector<std::pair<QByteArray, int>> keys{{QByteArrayLiteral("uuid"), -1}, {QByteArrayLiteral("updated_at"), -2}};
    for (int c = 0; c < int(cols.size()); ++c) {
        if (skip.contains(QByteArray(cols[c].column)))
            continue;
        plan.columns.push_back(c);
        keys.emplace_back(QByteArray(cols[c].column), c);
        sql += ", " + QByteArray(cols[c].column);
        params += ", ?";
    }
    sql += ") VALUES (" + params + ")";
    // QJsonDocument's order (OutboxFields): keys sorted; each kept as it is written, "key":.
    std::sort(keys.begin(), keys.end());
    for (auto &[name, c] : keys)
        name = '"' + name + "\":";
    plan.json = std::move(keys);
    plan.st = std::make_shared<sql::Statement>(m_db, std::string_view(sql.constData(), sql.size()));
    if (!plan.st->isValid()) {
        m_error = plan.st->error();
        return false;
    }
    return true;
}

bool Writer::update(const char *table, qint64 key, const std::vector<ColumnValue> &cols, quint32 given, Entity entity,
                    bool *changed)
{
    *changed = false;
    QByteArray select = "SELECT ";
    std::vector<const ColumnValue *> write;
    for (const ColumnValue &c : cols) {
        if (!detail::updatesColumn(entity, c, given))
            continue;
        select += (write.empty() ? "" : ", ") + QByteArray(c.column);
        write.push_back(&c);
    }
    if (write.empty())
        return true;
    select += ", row_version FROM " + QByteArray(table) + " WHERE id = ?";
    sql::Statement st(m_db, std::string_view(select.constData(), select.size()));
    st.bind(1, key);
    if (!st.next()) {
        m_error = st.hasError() ? st.error() : QStringLiteral("%1 %2 is gone").arg(QLatin1String(table)).arg(key);
        return false;
    }
    QJsonObject before, after;
    QByteArray set;
    QVariantList values;
    storage::OutboxFields fields;
    for (int i = 0; i < int(write.size()); ++i) {
        const QVariant mine = valueOf(*write[i]);
        const QString stored = st.text(i);
        const bool same = mine.isNull() || (mine.typeId() == QMetaType::QString && mine.toString().isEmpty())
                              ? (stored.isEmpty()) : mine.toString() == stored;
        if (same)
            continue;
        before.insert(QLatin1String(write[i]->column), st.isNull(i) ? QJsonValue() : QJsonValue(stored));
        after.insert(QLatin1String(write[i]->column), mine.isNull() ? QJsonValue() : QJsonValue(mine.toString()));
        set += QByteArray(set.isEmpty() ? "" : ", ") + write[i]->column + " = ?";
        values << mine;
        addField(fields, write[i]->column, mine);
    }
    const qint64 rowVersion = st.int64(int(write.size()));
    st.reset();
    if (set.isEmpty())
        return true;
    const QByteArray sql = "UPDATE " + QByteArray(table) + " SET " + set + ", updated_at = ? WHERE id = ?";
    sql::Statement up(m_db, std::string_view(sql.constData(), sql.size()));
    int i = 1;
    for (const QVariant &v : values)
        bindValue(up.handle(), i++, v);
    up.bind(i++, m_now);
    up.bind(i, key);
    fields.add("updated_at", m_now);
    if (!up.run()) {
        m_error = up.error();
        return false;
    }
    *changed = true;
    return m_outbox.append(QLatin1String(table), QString::number(key), QStringLiteral("update"), fields, rowVersion, &m_error)
           && change(table, key, "update", QJsonDocument(before).toJson(QJsonDocument::Compact),
                     QJsonDocument(after).toJson(QJsonDocument::Compact));
}

bool Writer::change(const char *table, qint64 key, const char *op, const QByteArray &before, const QByteArray &after)
{
    // Rows an import inserts get consecutive keys: one row per run of them (row_id..last_row_id).
    if (!strcmp(op, "insert")) {
        // The last table's range at hand (rows come in runs of one table); m_ranges only
        // grows when the table differs, so the pointer held stays valid.
        if (!m_lastRange || strcmp(m_lastRangeTable, table) != 0) {
            m_lastRange = &m_ranges[QByteArray(table)];
            m_lastRangeTable = table;
        }
        Range &r = *m_lastRange;
        if (r.first && key == r.last + 1) {
            r.last = key;
            return true;
        }
        if (r.first && !writeChange(table, r.first, r.last, "insert", {}, {}))
            return false;
        r.first = r.last = key;
        return true;
    }
    return writeChange(table, key, 0, op, before, after);
}

bool Writer::flushRanges()
{
    for (auto it = m_ranges.begin(); it != m_ranges.end(); ++it)
        if (it->first && !writeChange(it.key().constData(), it->first, it->last, "insert", {}, {}))
            return false;
    m_ranges.clear();
    m_lastRange = nullptr;
    return true;
}

bool Writer::writeChange(const char *table, qint64 key, qint64 last, const char *op, const QByteArray &before,
                         const QByteArray &after)
{
    if (!m_change.isValid()
        && !m_change.prepare(m_db, "INSERT INTO import_changes (run_id, table_name, row_id, last_row_id, op, before, after) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        m_error = m_change.error();
        return false;
    }
    m_change.bind(1, m_run);
    m_change.bind(2, std::string_view(table));
    m_change.bind(3, key);
    last ? m_change.bind(4, last) : m_change.bindNull(4);
    m_change.bind(5, std::string_view(op));
    m_change.bind(6, std::string_view(before.constData(), before.size()));
    m_change.bind(7, std::string_view(after.constData(), after.size()));
    if (!m_change.run()) {
        m_error = m_change.error();
        return false;
    }
    return true;
}

bool Writer::remember(const char *entity, const QString &externalId, qint64 key)
{
    if (externalId.isEmpty() || key <= 0)
        return true;
    if (!m_key.isValid()
        && !m_key.prepare(m_db, "INSERT INTO import_keys (entity, external_id, row_id, run_id) VALUES (?, ?, ?, ?) "
                                "ON CONFLICT DO UPDATE SET row_id = excluded.row_id, run_id = excluded.run_id WHERE row_id <> excluded.row_id")) {
        m_error = m_key.error();
        return false;
    }
    m_key.bind(1, std::string_view(entity));
    m_key.bind(2, externalId);
    m_key.bind(3, key);
    m_key.bind(4, m_run);
    if (!m_key.run()) {
        m_error = m_key.error();
        return false;
    }
    return true;
}

bool Writer::insertUnits()
{
    auto code = [](const QString &name) {
        QString c;
        for (const QChar ch : name.toLower())
            c += ch.isLetterOrNumber() ? ch : QChar(u'_');
        return c;
    };
    for (const PlannedUnit &u : m_plan.regions) {
        const qint64 k = insert("regions", {{"code", "", QVariant(code(u.name)), {}, nullptr}, {"name", "", QVariant(u.name), {}, nullptr}});
        if (!k)
            return false;
        m_regions.push_back(k);
    }
    for (const PlannedUnit &u : m_plan.cities) {
        const qint64 k = insert("cities", {{"region_id", "", QVariant(), u.region, "regions"}, {"name", "", QVariant(u.name), {}, nullptr}});
        if (!k)
            return false;
        m_cities.push_back(k);
    }
    for (const PlannedUnit &u : m_plan.teams) {
        const qint64 k = insert("teams", {{"city_id", "", QVariant(), u.city, "cities"},
                                          {"region_id", "", QVariant(), u.region, "regions"},
                                          {"name", "", QVariant(u.name), {}, nullptr}});
        if (!k)
            return false;
        m_teams.push_back(k);
    }
    return true;
}

bool Writer::insertPipeline()
{
    if (m_plan.pipelineId) {
        m_pipeline.push_back(m_plan.pipelineId);
        for (const PlannedStage &s : m_plan.stages)
            m_stages.push_back(s.existing);
        return true;
    }
    if (m_plan.stages.empty())
        return true;
    const qint64 p = insert("pipelines", {{"code", "", QVariant(m_plan.pipelineCode), {}, nullptr},
                                          {"name", "", QVariant(m_plan.pipelineName), {}, nullptr},
                                          {"name_en", "", QVariant(m_plan.pipelineName), {}, nullptr},
                                          {"version", "", QVariant(qint64(m_plan.pipelineVersion)), {}, nullptr}});
    if (!p)
        return false;
    m_pipeline.push_back(p);
    for (int i = 0; i < int(m_plan.stages.size()); ++i) {
        const PlannedStage &s = m_plan.stages.at(i);
        QString code;
        for (const QChar ch : s.name.toLower())
            code += ch.isLetterOrNumber() ? ch : QChar(u'_');
        const qint64 k = insert("pipeline_stages", {{"pipeline_id", "", QVariant(p), {}, nullptr},
                                                    {"position", "", QVariant(qint64(i)), {}, nullptr},
                                                    {"code", "", QVariant(code), {}, nullptr},
                                                    {"name", "", QVariant(s.name), {}, nullptr},
                                                    {"name_en", "", QVariant(s.name), {}, nullptr},
                                                    {"terminal", "", QVariant(qint64(s.won ? 1 : 0)), {}, nullptr}});
        if (!k)
            return false;
        m_stages.push_back(k);
    }
    return true;
}

bool Writer::insertMove(qint64 lead, const QByteArray &leadUuid, qint64 from, qint64 to, qint64 at, qint64 by)
{
    if (!m_move.isValid()
        && !m_move.prepare(m_db, "INSERT INTO stage_history (uuid, lead_id, from_stage_id, to_stage_id, at, by_user_id, reason,"
                                 " updated_at, log_seq, log_hash) VALUES (?, ?, ?, ?, ?, ?, 'imported', ?, ?, ?)")) {
        m_error = m_move.error();
        return false;
    }
    const UuidBytes uuid = newUuidBytes();
    sqlite3_bind_blob(m_move.handle(), 1, uuid.data(), 16, SQLITE_STATIC);
    m_move.bind(2, lead);
    from > 0 ? m_move.bind(3, from) : m_move.bindNull(3);
    m_move.bind(4, to);
    m_move.bind(5, at);
    by > 0 ? m_move.bind(6, by) : m_move.bindNull(6);
    m_move.bind(7, m_now);
    // Chained as it is written (storage::logchain::ValueChain): the record's references by
    // their 16-byte uuids, as buildChain() would read them, without reading the row back.
    using storage::logchain::LogValue;
    const QByteArray fromUuid = from > 0 ? m_stageUuid.value(from) : QByteArray();
    const QByteArray toUuid = m_stageUuid.value(to), byUuid = by > 0 ? m_userUuid.value(by) : QByteArray();
    const bool byValue = m_chain && leadUuid.size() == 16 && toUuid.size() == 16 && (from <= 0 || fromUuid.size() == 16)
                         && (by <= 0 || byUuid.size() == 16);
    unsigned char hash[32];
    if (byValue) {
        const auto ref = [](const QByteArray &u) {
            return u.isEmpty() ? LogValue::null() : LogValue::uuid(reinterpret_cast<const unsigned char *>(u.constData()));
        };
        const LogValue record[] = {LogValue::uuid(uuid.data()), ref(leadUuid), ref(fromUuid), ref(toUuid), LogValue::number(at),
                                   ref(byUuid), LogValue::text("imported")};
        const qint64 seq = m_chain->append(storage::LogRecordKind::StageMove, record, 7, hash, &m_error);
        if (seq < 0)
            return false;
        m_move.bind(8, seq);
        sqlite3_bind_blob(m_move.handle(), 9, hash, 32, SQLITE_STATIC);
    } else {
        // A reference that is no UUID (a row migrated from an old file): buildChain() at the end.
        m_move.bindNull(8);
        m_move.bindNull(9);
        m_chainLater = true;
    }
    const bool ran = m_move.run();
    sqlite3_clear_bindings(m_move.handle()); // the uuid and hash bound are this call's
    if (!ran) {
        m_error = m_move.error();
        return false;
    }
    const qint64 key = sqlite3_last_insert_rowid(m_db);
    ++m_moves;
    // OutboxFields' JSON of the move (keys sorted), written straight to bytes.
    QByteArray &json = m_json;
    json.clear(); // keeps its capacity
    json += "{\"at\":";
    appendNumber(json, at);
    json += ",\"by_user_id\":";
    by > 0 ? appendNumber(json, by) : void(json += "null");
    json += ",\"from_stage_id\":";
    from > 0 ? appendNumber(json, from) : void(json += "null");
    json += ",\"lead_id\":";
    appendNumber(json, lead);
    json += ",\"reason\":\"imported\",\"to_stage_id\":";
    appendNumber(json, to);
    json += ",\"updated_at\":";
    appendNumber(json, m_now);
    json += ",\"uuid\":";
    appendUuid(json, uuid);
    json += '}';
    return m_outbox.appendRow("stage_history", key, "insert", std::string_view(json.constData(), std::size_t(json.size())), 0,
                              &m_error)
           && change("stage_history", key, "insert");
}

bool Writer::startChain()
{
    storage::LogHead head;
    if (!storage::logchain::readHead(m_db, &head, &m_error))
        return false;
    m_chain = std::make_unique<storage::logchain::ValueChain>(head);
    sql::Statement users(m_db, "SELECT id, uuid FROM users");
    while (users.next())
        m_userUuid.insert(users.int64(0), QByteArray(users.raw(1).constData(), users.raw(1).size())); // raw() is no copy
    sql::Statement stages(m_db, "SELECT id, uuid FROM pipeline_stages");
    while (stages.next())
        m_stageUuid.insert(stages.int64(0), QByteArray(stages.raw(1).constData(), stages.raw(1).size()));
    return !users.hasError() && !stages.hasError();
}

bool Writer::run(const QString &source, const QByteArray &mapping, const std::function<bool(qint64, qint64)> &progress,
                 ImportWriteResult &r)
{
    m_trace.start();
    m_now = m_plan.now ? m_plan.now : QDateTime::currentSecsSinceEpoch();
    m_keys = {{"regions", &m_regions}, {"cities", &m_cities}, {"teams", &m_teams}, {"users", &m_users},
              {"products", &m_products}, {"customers", &m_customers}, {"leads", &m_leads}, {"orders", &m_orders},
              {"stores", &m_stores}, {"pipelines", &m_pipeline},
              {"pipeline_stages", &m_stages}};
    auto failed = [&](const QString &error) {
        r.error = error.isEmpty() ? m_error : error;
        return false;
    };
    {
        sql::Statement st(m_db, "INSERT INTO import_runs (started_at, source, mapping, by_user_id) VALUES (?, ?, ?, ?)");
        st.bind(1, m_now);
        st.bind(2, source);
        st.bind(3, std::string_view(mapping.constData(), mapping.size()));
        m_plan.actorKey > 0 ? st.bind(4, m_plan.actorKey) : st.bindNull(4);
        if (!st.run())
            return failed(st.error());
        m_run = sqlite3_last_insert_rowid(m_db);
    }
    if (m_plan.setCurrency) {
        sql::Statement st(m_db, "INSERT OR REPLACE INTO settings (key, value) VALUES ('currency', ?)");
        st.bind(1, m_plan.currency);
        if (!st.run())
            return failed(st.error());
    }
    const qint64 total = qint64(m_plan.users.size() + m_plan.products.size() + m_plan.customers.size() + m_plan.leads.size());
    qint64 done = 0;
    auto tick = [&]() {
        ++done;
        if (progress && done % 2000 == 0 && !progress(done, total)) {
            r.cancelled = true;
            m_error = ImportWriter::tr("cancelled: nothing was imported");
            return false;
        }
        return true;
    };
    if (!insertUnits() || !insertPipeline())
        return failed({});
    const bool updateGiven = m_plan.onDuplicate == OnDuplicate::Update;
    // One row: create, or update what differs (Update: only the fields its file gave).
    auto write = [&](const char *table, Entity entity, int i, const auto &row, std::vector<qint64> &keys,
                     const QSet<QByteArray> &later) {
        const std::vector<ColumnValue> cols = detail::columnsOf(m_plan, table, i);
        if (row.action == RowAction::Create) {
            keys[i] = insert(table, cols, later);
            if (!keys[i])
                return false;
            ++r.created;
        } else {
            keys[i] = row.existing;
            if (row.action == RowAction::Update) {
                std::vector<ColumnValue> writable;
                for (const ColumnValue &c : cols)
                    if (!later.contains(c.column))
                        writable.push_back(c);
                bool changed = false;
                if (!update(table, row.existing, writable, updateGiven ? row.given : ~0u, entity, &changed))
                    return false;
                r.updated += changed;
            }
        }
        return remember(table, row.externalId, keys[i]) && tick();
    };
    // People: managers and parents may come later in their file, so those references are set
    // once every row of the kind has its key.
    const QSet<QByteArray> managerLater{QByteArrayLiteral("manager_id")};
    m_users.assign(m_plan.users.size(), 0);
    for (int i = 0; i < int(m_plan.users.size()); ++i)
        if (!write("users", Entity::Org, i, m_plan.users[i], m_users, managerLater))
            return failed({});
    auto setLater = [&](const char *table, const char *column, const RowRef &target, const char *kind, qint64 key) {
        const qint64 t = keyOf(target, kind);
        if (!t || !key)
            return true;
        const QByteArray sql = "UPDATE " + QByteArray(table) + " SET " + column + " = ? WHERE id = ? AND " + column + " IS NULL";
        sql::Statement st(m_db, std::string_view(sql.constData(), sql.size()));
        st.bind(1, t);
        st.bind(2, key);
        if (!st.run()) {
            m_error = st.error();
            return false;
        }
        if (sqlite3_changes(m_db) == 0)
            return true;
        storage::OutboxFields f;
        f.add(column, t).add("updated_at", m_now);
        return m_outbox.append(QLatin1String(table), QString::number(key), QStringLiteral("update"), f, 0, &m_error);
    };
    for (int i = 0; i < int(m_plan.users.size()); ++i)
        if (m_plan.users[i].action == RowAction::Create && !setLater("users", "manager_id", m_plan.users[i].manager, "users", m_users[i]))
            return failed({});
    // hire_date is NOT NULL: a person the plan matched keeps theirs; a new one has the plan's.
    m_products.assign(m_plan.products.size(), 0);
    for (int i = 0; i < int(m_plan.products.size()); ++i)
        if (!write("products", Entity::Products, i, m_plan.products[i], m_products, {}))
            return failed({});
    const QSet<QByteArray> parentLater{QByteArrayLiteral("parent_id")};
    m_customers.assign(m_plan.customers.size(), 0);
    for (int i = 0; i < int(m_plan.customers.size()); ++i)
        if (!write("customers", Entity::Customers, i, m_plan.customers[i], m_customers, parentLater))
            return failed({});
    for (int i = 0; i < int(m_plan.customers.size()); ++i)
        if (m_plan.customers[i].action == RowAction::Create
            && !setLater("customers", "parent_id", m_plan.customers[i].parent, "customers", m_customers[i]))
            return failed({});

    if (qEnvironmentVariableIsSet("COCKPIT_IMPORT_TRACE"))
        qInfo("import write: people, products, customers at %lld ms", qint64(m_trace.elapsed()));
    // Leads with their org (the owner's, as at assignment) and stage history.
    QHash<qint64, std::array<qint64, 3>> orgOf;
    {
        sql::Statement st(m_db, "SELECT id, region_id, city_id, team_id FROM users");
        while (st.next())
            orgOf.insert(st.int64(0), {st.isNull(1) ? 0 : st.int64(1), st.isNull(2) ? 0 : st.int64(2), st.isNull(3) ? 0 : st.int64(3)});
    }
    m_leads.assign(m_plan.leads.size(), 0);
    QStringList touched;
    if (!m_plan.leads.empty() && !startChain())
        return failed({});
    // A bulk load (more new leads than the file holds, and many): the indexes of leads and
    // stage moves are dropped and built again after the rows, inside this transaction, as the
    // demo generator does: keeping 16 indexes current row by row was most of the write.
    QStringList rebuild;
    {
        qint64 newLeads = 0;
        for (const PlannedLead &l : m_plan.leads)
            newLeads += l.action == RowAction::Create;
        sql::Statement count(m_db, "SELECT count(*) FROM leads");
        const qint64 stored = count.next() ? count.int64(0) : 0;
        count.reset(); // no statement may be reading while an index is dropped
        if (newLeads >= 20000 && newLeads > stored) {
            static const QRegularExpression index(QStringLiteral("INDEX\\s+IF\\s+NOT\\s+EXISTS\\s+(\\w+)\\s+ON\\s+(leads|stage_history)\\s*\\("),
                                                  QRegularExpression::CaseInsensitiveOption);
            for (const QString &sql : storage::latestSchemaIndexes()) {
                const auto m = index.match(sql);
                if (!m.hasMatch())
                    continue;
                rebuild << sql;
                if (!exec(QString(QStringLiteral("DROP INDEX IF EXISTS ") + m.captured(1)).toStdString()))
                    return failed({});
            }
        }
    }
    for (int i = 0; i < int(m_plan.leads.size()); ++i) {
        const PlannedLead &l = m_plan.leads[i];
        const qint64 owner = keyOf(l.owner, "users");
        const std::array<qint64, 3> org = orgOf.value(owner, {0, 0, 0});
        std::vector<ColumnValue> cols = detail::columnsOf(m_plan, "leads", i);
        const qint64 entered = l.moves.empty() ? l.createdAt : l.moves.back().at;
        if (l.action == RowAction::Create) {
            const auto opt = [](qint64 v) { return v ? QVariant(v) : QVariant(); };
            cols.push_back({"region_id", "", opt(org[0]), {}, nullptr});
            cols.push_back({"city_id", "", opt(org[1]), {}, nullptr});
            cols.push_back({"team_id", "", opt(org[2]), {}, nullptr});
            cols.push_back({"stage_entered_at", "", QVariant(entered), {}, nullptr});
            cols.push_back({"assigned_at", "", owner ? QVariant(l.createdAt) : QVariant(), {}, nullptr});
            QByteArray leadUuid;
            m_leads[i] = insert("leads", cols, {}, &leadUuid);
            if (!m_leads[i])
                return failed({});
            ++r.created;
            for (const StageMove &m : l.moves)
                if (!insertMove(m_leads[i], leadUuid, m.from >= 0 ? m_stages.at(m.from) : 0, m_stages.at(m.to), m.at, owner))
                    return failed({});
            // Not in `touched`: a new lead's moves close no window of an activity, unless
            // this import brings it some (the activities below add those leads).
        } else {
            m_leads[i] = l.existing;
            if (l.action == RowAction::Update) {
                // A stage that changed since the last import is a move, recorded as imported.
                qint64 storedStage = 0;
                {
                    sql::Statement st(m_db, "SELECT stage_id FROM leads WHERE id = ?");
                    st.bind(1, l.existing);
                    if (st.next())
                        storedStage = st.int64(0);
                }
                bool changed = false;
                if (!update("leads", l.existing, cols, updateGiven ? l.given : ~0u, Entity::Leads, &changed))
                    return failed({});
                const qint64 newStage = m_stages.at(l.stage);
                if (changed && storedStage && newStage != storedStage) {
                    const qint64 at = l.closedAt ? l.closedAt : m_now;
                    QByteArray leadUuid;
                    {
                        sql::Statement u(m_db, "SELECT uuid FROM leads WHERE id = ?");
                        u.bind(1, l.existing);
                        if (u.next())
                            leadUuid = QByteArray(u.raw(0).constData(), u.raw(0).size());
                    }
                    if (!insertMove(l.existing, leadUuid, storedStage, newStage, at, owner))
                        return failed({});
                    sql::Statement st(m_db, "UPDATE leads SET stage_entered_at = ? WHERE id = ?");
                    st.bind(1, at);
                    st.bind(2, l.existing);
                    if (!st.run())
                        return failed(st.error());
                    touched << QString::number(l.existing);
                }
                r.updated += changed;
            }
        }
        if (!remember("leads", l.externalId, m_leads[i]) || !tick())
            return failed({});
    }
    for (const QString &sql : std::as_const(rebuild))
        if (!exec(sql.toStdString()))
            return failed({});
    // Contacts, and activities: chained into the log after the stage moves (buildChain, in
    // their time order), their leads' stage exits counted again.
    m_contacts.assign(m_plan.contacts.size(), 0);
    for (int i = 0; i < int(m_plan.contacts.size()); ++i)
        if (!write("contacts", Entity::Contacts, i, m_plan.contacts[i], m_contacts, {}))
            return failed({});
    // Orders and their payments (collections).
    m_orders.assign(m_plan.orders.size(), 0);
    for (int i = 0; i < int(m_plan.orders.size()); ++i)
        if (!write("orders", Entity::Orders, i, m_plan.orders[i], m_orders, {}))
            return failed({});
    m_payments.assign(m_plan.payments.size(), 0);
    for (int i = 0; i < int(m_plan.payments.size()); ++i)
        if (!write("payments", Entity::Payments, i, m_plan.payments[i], m_payments, {}))
            return failed({});
    // Stores, their days, and targets.
    m_stores.assign(m_plan.stores.size(), 0);
    for (int i = 0; i < int(m_plan.stores.size()); ++i)
        if (!write("stores", Entity::Stores, i, m_plan.stores[i], m_stores, {}))
            return failed({});
    m_storeDays.assign(m_plan.storeDays.size(), 0);
    for (int i = 0; i < int(m_plan.storeDays.size()); ++i)
        if (!write("store_days", Entity::StoreDays, i, m_plan.storeDays[i], m_storeDays, {}))
            return failed({});
    m_targets.assign(m_plan.targets.size(), 0);
    for (int i = 0; i < int(m_plan.targets.size()); ++i)
        if (!write("targets", Entity::Targets, i, m_plan.targets[i], m_targets, {}))
            return failed({});
    m_activities.assign(m_plan.activities.size(), 0);
    qint64 activitiesCreated = 0;
    // A bulk load of activities (many, more than the file holds): their ten indexes are built
    // once after the rows instead of kept current row by row.
    QStringList rebuildActivities;
    {
        const qint64 newActivities = std::count_if(m_plan.activities.begin(), m_plan.activities.end(),
                                                   [](const PlannedActivity &a) { return a.action == RowAction::Create; });
        sql::Statement count(m_db, "SELECT count(*) FROM activities");
        const qint64 stored = count.next() ? count.int64(0) : 0;
        count.reset();
        if (newActivities >= 20000 && newActivities > stored) {
            rebuildActivities = detail::dropIndexesForBulkLoad(m_db, {QStringLiteral("activities")}, &m_error);
            if (!m_error.isEmpty())
                return failed({});
        }
    }
    for (int i = 0; i < int(m_plan.activities.size()); ++i) {
        const PlannedActivity &a = m_plan.activities[i];
        if (!write("activities", Entity::Activities, i, a, m_activities, {}))
            return failed({});
        if (a.action == RowAction::Create) {
            ++activitiesCreated;
            if (const qint64 lead = keyOf(a.lead, "leads"))
                touched << QString::number(lead);
        }
    }
    for (const QString &sql : std::as_const(rebuildActivities))
        if (!exec(sql.toStdString()))
            return failed({});
    if (activitiesCreated) {
        m_chainLater = true;
        r.activities = activitiesCreated;
    }
    r.stageMoves = m_moves;
    if (qEnvironmentVariableIsSet("COCKPIT_IMPORT_TRACE"))
        qInfo("import write: rows written at %lld ms", qint64(m_trace.elapsed()));
    if (!flushRanges())
        return failed({});
    if (m_moves > 0 || m_chainLater) {
        QString error;
        // The moves chained as written move the head; any left (chainLater) are chained after.
        if (m_chain && !storage::logchain::storeHead(m_db, m_chain->head(), &error))
            return failed(ImportWriter::tr("the activity log could not take the imported stage moves: %1").arg(error));
        if (m_chainLater && storage::logchain::buildChain(m_db, &error) < 0)
            return failed(ImportWriter::tr("the activity log could not take the imported stage moves: %1").arg(error));
        if (qEnvironmentVariableIsSet("COCKPIT_IMPORT_TRACE"))
            qInfo("import write: chained at %lld ms", qint64(m_trace.elapsed()));
        touched.removeDuplicates();
        // (an empty list would mean every lead of the file)
        if (!touched.isEmpty() && storage::refreshExitActions(m_db, touched, &error) < 0)
            return failed(error);
        if (qEnvironmentVariableIsSet("COCKPIT_IMPORT_TRACE"))
            qInfo("import write: exit actions at %lld ms", qint64(m_trace.elapsed()));
    }
    QJsonObject summary{{QStringLiteral("created"), r.created}, {QStringLiteral("updated"), r.updated},
                        {QStringLiteral("stage_moves"), r.stageMoves}};
    sql::Statement st(m_db, "UPDATE import_runs SET finished_at = ?, summary = ? WHERE id = ?");
    st.bind(1, QDateTime::currentSecsSinceEpoch());
    st.bind(2, QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
    st.bind(3, m_run);
    if (!st.run())
        return failed(st.error());
    r.runId = m_run;
    return true;
}

} // namespace

ImportWriteResult ImportWriter::write(QSqlDatabase db, const ImportPlan &plan, const QString &source,
                                      const QByteArray &mappingJson,
                                      const std::function<bool(qint64 done, qint64 total)> &progress)
{
    ImportWriteResult r;
    if (!plan.ok()) {
        r.error = plan.fatal.isEmpty() ? tr("the plan was cancelled") : plan.fatal;
        return r;
    }
    storage::Transaction tx(db);
    if (!tx.isActive()) {
        r.error = db.lastError().text();
        return r;
    }
    {
        Writer w(db, plan);
        if (!w.run(source, mappingJson, progress, r)) {
            r.ok = false;
            return r; // rolled back
        }
    }
    if (!tx.commit()) {
        r.error = db.lastError().text();
        return r;
    }
    r.ok = true;
    return r;
}

} // namespace cockpit::imports
