// One row of a planned import written (importwriter_p.h): inserted or updated with its outbox
// entry, its undo record (import_changes) and its external id (import_keys).
#include "imports/importwriter_p.h"

namespace cockpit::imports::detail {

qint64 Writer::insert(const char *table, const std::vector<ColumnValue> &cols, const QSet<QByteArray> &skip,
                      QByteArray *uuidOut)
{
    // What each call site inserts is fixed (the table's columns, less `skip`): the statement,
    // the columns bound and the outbox JSON's key order are worked out once.
    InsertPlan &plan = m_inserts[std::make_pair(static_cast<const void *>(table), skip.size())];
    if (!plan.st && !prepareInsert(plan, table, cols, skip))
        return 0;
    sqlite3_stmt *st = plan.st->handle();
    const UuidBytes uuid = m_uuids.next();
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
    // The outbox entry says "insert, fields: the row as committed" (storage::kFieldsOfRow):
    // the row holds exactly the values bound above, and the sync reads them when it pushes
    // (storage::outboxRowFields). Writing them again as JSON was half the bytes of a
    // 100 000-lead import (93 of 174 MB).
    if (!outboxInsert(plan.table, key)
        || !change(table, key, "insert"))
        return 0;
    return key;
}

bool Writer::prepareInsert(InsertPlan &plan, const char *table, const std::vector<ColumnValue> &cols,
                           const QSet<QByteArray> &skip)
{
    plan.table = table;
    m_touchedTables.insert(QByteArray(table));
    QByteArray sql = "INSERT INTO " + QByteArray(table) + " (uuid, updated_at";
    QByteArray params = "?, ?";
    for (int c = 0; c < int(cols.size()); ++c) {
        if (skip.contains(QByteArray(cols[c].column)))
            continue;
        plan.columns.push_back(c);
        sql += ", " + QByteArray(cols[c].column);
        params += ", ?";
    }
    sql += ") VALUES (" + params + ")";
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
    m_touchedTables.insert(QByteArray(table));
    return flushOutbox()
           && m_outbox.append(QLatin1String(table), QString::number(key), QStringLiteral("update"), fields, rowVersion, &m_error)
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

bool Writer::outboxInsert(std::string_view table, qint64 key)
{
    for (auto it = m_outboxRuns.rbegin(); it != m_outboxRuns.rend(); ++it) {
        if (it->table != table)
            continue;
        if (key == it->last + 1) {
            it->last = key;
            return true;
        }
        if (!flushOutbox()) // a break in the keys: what came before goes first
            return false;
        break;
    }
    m_outboxRuns.push_back({table, key, key});
    return true;
}

bool Writer::flushOutbox()
{
    for (const OutboxRun &r : m_outboxRuns)
        if (!m_outbox.appendInsertsOfRows(r.table, r.first, r.last, &m_error))
            return false;
    m_outboxRuns.clear();
    return true;
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
    // Kept until the rows are written (flushKeys), then inserted in the key's order: a file's
    // ids ("L0", "L1" … "L99999") come in an order that scatters them over the primary key's
    // B-tree and the run index; sorted, each goes next to the one before. Nothing reads
    // import_keys while the rows are written. At most kKeysHeld at a time, so a
    // million-row file's ids do not undo the plan's flat memory (each batch sorted is most
    // of the gain; a later batch's key still overrides an earlier one's, by ON CONFLICT).
    constexpr std::size_t kKeysHeld = 131072;
    if (m_keysToWrite.size() >= kKeysHeld && !flushKeys())
        return false;
    const qsizetype offset = m_keyText.size();
    m_keyText += externalId.toUtf8();
    m_keysToWrite.push_back({entity, offset, m_keyText.size() - offset, key});
    return true;
}

bool Writer::flushKeys()
{
    if (m_keysToWrite.empty())
        return true;
    const auto text = [this](const PendingKey &k) { return std::string_view(m_keyText.constData() + k.offset, std::size_t(k.length)); };
    // BINARY collation: the UTF-8 bytes' order. Stable: a key given twice keeps its last row.
    std::stable_sort(m_keysToWrite.begin(), m_keysToWrite.end(), [&](const PendingKey &a, const PendingKey &b) {
        const int e = strcmp(a.entity, b.entity);
        return e != 0 ? e < 0 : text(a) < text(b);
    });
    if (!m_key.isValid()
        && !m_key.prepare(m_db, "INSERT INTO import_keys (entity, external_id, row_id, run_id) VALUES (?, ?, ?, ?) "
                                "ON CONFLICT DO UPDATE SET row_id = excluded.row_id, run_id = excluded.run_id WHERE row_id <> excluded.row_id")) {
        m_error = m_key.error();
        return false;
    }
    for (const PendingKey &k : m_keysToWrite) {
        m_key.bind(1, std::string_view(k.entity));
        m_key.bind(2, text(k));
        m_key.bind(3, k.key);
        m_key.bind(4, m_run);
        if (!m_key.run()) {
            m_error = m_key.error();
            return false;
        }
    }
    m_keysToWrite.clear();
    m_keyText.clear();
    return true;
}

} // namespace cockpit::imports::detail
