#pragma once
// Internal to the importer: the writer of a planned import (importwriter.cpp: the run, the org
// units, the pipeline, the stage moves and the log; importwriterrows.cpp: one row's insert or
// update with its outbox entry, its undo record and its external id).
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

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

namespace cockpit::imports::detail {

using detail::ColumnValue;

// The uuids of the rows an import inserts: version 7 (RFC 9562: Unix milliseconds, then
// random bits), strictly increasing within the run (rand_a counts up from the millisecond the
// run started, as RFC 9562 §6.2 method 1 allows). Every synced table has a UNIQUE index on its
// uuid: random v4 values landed all over that B-tree (a page split and a cache miss per row),
// increasing ones are appended at its right edge. Still unique across desktops: 62 random bits
// per id, beside the time. (QUuid::createUuid() also asked the kernel for every one.)
using UuidBytes = std::array<unsigned char, 16>;
class OrderedUuids
{
public:
    UuidBytes next()
    {
        if (!m_clock) // milliseconds << 12 | counter: the first 60 bits after the version
            m_clock = (quint64(QDateTime::currentMSecsSinceEpoch()) & 0xFFFFFFFFFFFFull) << 12;
        else
            ++m_clock;
        const quint64 hi = ((m_clock >> 12) << 16) | 0x7000ull | (m_clock & 0x0FFFull);
        const quint64 lo = (m_random->generate64() & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
        UuidBytes out;
        for (int i = 0; i < 8; ++i) {
            out[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
            out[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
        }
        return out;
    }

private:
    quint64 m_clock = 0;
    QRandomGenerator *m_random = QRandomGenerator::global();
};

class Writer
{
public:
    Writer(QSqlDatabase db, const ImportPlan &plan) : m_qdb(db), m_db(storage::sqliteHandle(db)), m_plan(plan), m_outbox(db) {}

    bool run(const QString &source, const QByteArray &mapping, const std::function<bool(qint64, qint64)> &progress,
             ImportWriteResult &r);
    // The tables the run inserted into or updated (foreign_key_check before the COMMIT).
    const QSet<QByteArray> &touchedTables() const { return m_touchedTables; }

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
    QSet<QByteArray> m_touchedTables;
    // The outbox entries of the rows inserted, written a run of consecutive keys at a time
    // (OutboxWriter::appendInsertsOfRows) rather than one statement per row. Runs are kept in
    // the order their tables were first written (parents before children: a lead's run before
    // its stage moves'), and all are written out before any other outbox entry (an update of
    // a row follows its insert) and whenever a table's keys break (never, in one transaction).
    struct OutboxRun
    {
        std::string_view table;
        qint64 first = 0, last = 0;
    };
    std::vector<OutboxRun> m_outboxRuns;
    bool outboxInsert(std::string_view table, qint64 key);
    bool flushOutbox();
    Range *m_lastRange = nullptr;
    const char *m_lastRangeTable = nullptr;
    bool remember(const char *entity, const QString &externalId, qint64 key);
    bool flushKeys();
    struct PendingKey
    {
        const char *entity;
        qsizetype offset, length; // in m_keyText
        qint64 key;
    };
    std::vector<PendingKey> m_keysToWrite;
    QByteArray m_keyText;
    bool insertUnits();
    bool insertPipeline();
    bool insertMove(qint64 lead, const QByteArray &leadUuid, qint64 from, qint64 to, qint64 at, qint64 by);
    bool startChain();
    // When `rows` create 20 000 rows or more and more than `table` holds: drops the indexes of
    // `tables` (dropIndexesForBulkLoad) and gives the statements that build them again.
    // The count is the plan's (its files' counts of `entity`): counting the rows themselves
    // read back every spilled one.
    bool bulkLoad(Entity entity, const char *table, const QStringList &tables, QStringList *rebuild)
    {
        qint64 created = 0;
        for (const FilePlan &f : m_plan.files)
            if (f.mapping.entity == entity)
                created += f.counts.created;
        if (created < 20000)
            return true;
        const QByteArray sql = "SELECT count(*) FROM " + QByteArray(table);
        sql::Statement count(m_db, std::string_view(sql.constData(), sql.size()));
        const qint64 stored = count.next() ? count.int64(0) : 0;
        count.reset(); // no statement may be reading while an index is dropped
        if (created <= stored)
            return true;
        *rebuild = dropIndexesForBulkLoad(m_db, tables, &m_error);
        return m_error.isEmpty();
    }
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
    };
    bool prepareInsert(InsertPlan &plan, const char *table, const std::vector<ColumnValue> &cols, const QSet<QByteArray> &skip);
    // A column's value as bound (bindValue).
    struct Cell
    {
        bool null = true, integer = false;
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
        if (c.integer)
            c.number = v.toLongLong();
        else
            c.utf8 = v.toString().toUtf8();
        return c;
    }
    std::map<std::pair<const void *, qsizetype>, InsertPlan> m_inserts;
    sql::Statement m_change, m_key, m_move;
    qint64 m_moves = 0;
    bool m_updateAll = false;
    QElapsedTimer m_trace;
    OrderedUuids m_uuids;
};

} // namespace cockpit::imports::detail
