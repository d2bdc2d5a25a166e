#include "imports/importwriter.h"

#include "imports/importwriter_p.h"

#include <QFileInfo>
#include <QThreadPool>

namespace cockpit::imports {

namespace detail {

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
    if (m_moves == 0)
        m_touchedTables.insert(QByteArrayLiteral("stage_history"));
    const UuidBytes uuid = m_uuids.next();
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
    // "insert, fields: the row as committed" (storage::kFieldsOfRow), as a new lead's entry.
    return outboxInsert("stage_history", key)
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
        return flushOutbox() && m_outbox.append(QLatin1String(table), QString::number(key), QStringLiteral("update"), f, 0, &m_error);
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
    if (!bulkLoad(Entity::Leads, "leads", {QStringLiteral("leads"), QStringLiteral("stage_history")}, &rebuild))
        return failed({});
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
    if (qEnvironmentVariableIsSet("COCKPIT_IMPORT_TRACE"))
        qInfo("import write: leads and moves inserted at %lld ms", qint64(m_trace.elapsed()));
    for (const QString &sql : std::as_const(rebuild)) {
        QElapsedTimer t;
        t.start();
        if (!exec(sql.toStdString()))
            return failed({});
        if (qEnvironmentVariableIsSet("COCKPIT_IMPORT_TRACE"))
            qInfo("import write: %lld ms %s", qint64(t.elapsed()), qPrintable(sql.left(70)));
    }
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
    if (!bulkLoad(Entity::Activities, "activities", {QStringLiteral("activities")}, &rebuildActivities))
        return failed({});
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
    if (!flushRanges() || !flushOutbox() || !flushKeys())
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

} // namespace detail

using detail::Writer;

namespace {

// The WAL copied into the database file off the caller's time, after an import committed with
// the automatic checkpoint off (WriteSession).
void checkpointLater(const QString &path)
{
    if (path.isEmpty())
        return; // a temporary or in-memory database: no file to copy into
    // A connection of its own on a pool thread (the global pool waits for it at exit): PASSIVE
    // copies what no reader still needs and never blocks the app's readers or writers; what it
    // leaves, the next automatic checkpoint takes.
    QThreadPool::globalInstance()->start([path] {
        sqlite3 *h = nullptr;
        if (sqlite3_open_v2(path.toUtf8().constData(), &h, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
            sqlite3_busy_timeout(h, 5000);
            // A read first: a connection knows the file is in WAL mode (and checkpoints it)
            // only once it has opened it.
            sqlite3_exec(h, "SELECT 1 FROM sqlite_master LIMIT 1", nullptr, nullptr, nullptr);
            sqlite3_wal_checkpoint_v2(h, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        }
        sqlite3_close(h);
    });
}

// The connection's state around one import's write (ImportWriter::write), set before its
// BEGIN and restored after its COMMIT or ROLLBACK (the destructor, declared before the
// transaction, runs after it ends), on success and on failure alike:
// - Foreign keys off: every reference the writer binds is one the planner resolved to a row
//   it found (RowRef::existing) or one this run created (its key from the insert), so the
//   per-row check SQLite makes is redundant; foreign_key_check() below verifies the tables
//   the run touched before the COMMIT instead. (PRAGMA foreign_keys cannot change inside a
//   transaction; write() refuses to start inside one anyway.)
// - The WAL's automatic checkpoint off: a 100 000-lead import commits ~170 MB of WAL, and the
//   checkpoint that commit ran copied all of it into the file on the caller's time. The COMMIT
//   itself is as durable as before (synchronous = FULL: the WAL is synced, the rows survive a
//   crash); only the copy into the main file moves to checkpointLater().
// COCKPIT_IMPORT_KEEP_FK / COCKPIT_IMPORT_KEEP_CHECKPOINT (set in the environment) keep either
// as it was, to measure each on its own (bench_import) or to rule one out when a user reports
// a problem: both are the safe direction.
class WriteSession
{
public:
    explicit WriteSession(sqlite3 *h) : m_h(h)
    {
        if (!m_h || !sqlite3_get_autocommit(m_h))
            return; // inside a transaction the pragmas cannot change (and write() refuses to begin)
        m_foreignKeys = pragmaInt("PRAGMA foreign_keys") == 1 && !qEnvironmentVariableIsSet("COCKPIT_IMPORT_KEEP_FK");
        if (m_foreignKeys)
            sqlite3_exec(m_h, "PRAGMA foreign_keys = OFF", nullptr, nullptr, nullptr);
        if (!qEnvironmentVariableIsSet("COCKPIT_IMPORT_KEEP_CHECKPOINT")) {
            m_autoCheckpoint = pragmaInt("PRAGMA wal_autocheckpoint");
            if (m_autoCheckpoint > 0)
                sqlite3_exec(m_h, "PRAGMA wal_autocheckpoint = 0", nullptr, nullptr, nullptr);
        }
    }
    ~WriteSession()
    {
        if (m_foreignKeys)
            sqlite3_exec(m_h, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
        if (m_autoCheckpoint > 0) {
            const QByteArray sql = "PRAGMA wal_autocheckpoint = " + QByteArray::number(m_autoCheckpoint);
            sqlite3_exec(m_h, sql.constData(), nullptr, nullptr, nullptr);
            if (m_committed)
                checkpointLater(QString::fromUtf8(sqlite3_db_filename(m_h, "main")));
        }
    }
    WriteSession(const WriteSession &) = delete;
    WriteSession &operator=(const WriteSession &) = delete;

    bool foreignKeysOff() const { return m_foreignKeys; }
    void committed() { m_committed = true; }

private:
    int pragmaInt(const char *sql) const
    {
        sql::Statement st(m_h, sql);
        return st.next() ? int(st.int64(0)) : -1;
    }
    sqlite3 *m_h = nullptr;
    bool m_foreignKeys = false;
    int m_autoCheckpoint = 0;
    bool m_committed = false;
};

// PRAGMA foreign_key_check over the tables an import wrote: an error when a row's reference
// points nowhere (none expected: see WriteSession; a row the plan found deleted meanwhile by
// another window), or an empty string. The row itself goes to the log, not to the user.
QString foreignKeyProblem(sqlite3 *h, const QSet<QByteArray> &tables)
{
    QList<QByteArray> sorted(tables.begin(), tables.end());
    std::sort(sorted.begin(), sorted.end());
    for (const QByteArray &table : std::as_const(sorted)) {
        const QByteArray sql = "PRAGMA foreign_key_check(\"" + table + "\")";
        sql::Statement st(h, std::string_view(sql.constData(), sql.size()));
        if (st.next()) {
            qWarning("import: row %lld of %s refers to a missing row of %s", st.int64(1), table.constData(),
                     qPrintable(st.text(2)));
            return ImportWriter::tr("a row this import refers to was deleted meanwhile; nothing was imported: check the "
                                    "files again");
        }
        if (st.hasError())
            return st.error();
    }
    return {};
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
    WriteSession session(storage::sqliteHandle(db)); // before the transaction: restored after it
    // Reads what is there (keys, matches) before it writes, beside the app's own connection.
    storage::Transaction tx(db, storage::Transaction::Begin::Immediate);
    if (!tx.isActive()) {
        r.error = tx.errorText();
        return r;
    }
    {
        Writer w(db, plan);
        if (!w.run(source, mappingJson, progress, r)) {
            r.ok = false;
            return r; // rolled back
        }
        QElapsedTimer trace;
        trace.start();
        if (session.foreignKeysOff()) {
            const QString problem = foreignKeyProblem(storage::sqliteHandle(db), w.touchedTables());
            if (!problem.isEmpty()) {
                r.error = problem;
                return r; // rolled back
            }
        }
        if (qEnvironmentVariableIsSet("COCKPIT_IMPORT_TRACE"))
            qInfo("import write: foreign keys checked in %lld ms", qint64(trace.elapsed()));
    }
    if (const QString spill = plan.spillError(); !spill.isEmpty()) {
        r.error = spill; // a spilled row read back wrong: rolled back
        return r;
    }
    QElapsedTimer trace;
    trace.start();
    if (!tx.commit()) {
        r.error = db.lastError().text();
        return r;
    }
    if (qEnvironmentVariableIsSet("COCKPIT_IMPORT_TRACE"))
        qInfo("import write: committed in %lld ms, the WAL holds %lld KB", qint64(trace.elapsed()),
              QFileInfo(QString::fromUtf8(sqlite3_db_filename(storage::sqliteHandle(db), "main")) + QStringLiteral("-wal")).size() / 1024);
    session.committed();
    r.ok = true;
    return r;
}

} // namespace cockpit::imports
