// The import's writing side (importwriter.cpp) as the sync and the file see it: each new row's
// outbox entry says "insert, fields: the row as committed" and reads back as that row, updates
// keep their changed fields; foreign keys are off only for the write and checked before its
// COMMIT (a reference gone since the plan refuses the whole import), and back on after it,
// failed or not; the WAL the import wrote reaches the database file after the commit.
#include "imports/importjob.h"
#include "imports/importplan.h"
#include "imports/importwriter.h"
#include "storage/database.h"
#include "storage/outbox.h"
#include "storage/uuidcolumn.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include <sqlite3.h>

using namespace cockpit;
using namespace cockpit::imports;

class TestImportWrite : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void insertEntriesReadAsTheirRows();
    void foreignKeysBackAfterImport();
    void missingReferenceRefusesTheImport();
    void walReachesTheFileAfterCommit();
    void jobIsIdleWhenItsResultArrives();
    void importedUuidsIncrease();

private:
    QString write(const QString &name, const QByteArray &content);
    ImportPlan planLeads(const QString &file, OnDuplicate mode = OnDuplicate::Skip);
    ImportRequest leadsRequest(const QString &file, OnDuplicate mode = OnDuplicate::Skip) const;
    QString leadsFile(int rows, const QByteArray &title = "商机");
    QSqlDatabase db() { return m_db->connection(); }
    qint64 count(const QString &sql)
    {
        QSqlQuery q(db());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    qint64 m_me = 0;
};

void TestImportWrite::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<storage::Database>();
    QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("c.db")), storage::Database::Mode::CreateHere).ok());
    QString error;
    QVERIFY2(ImportWriter::initCompany(db(), QStringLiteral("CNY"), QStringLiteral("王总"), &error), qPrintable(error));
    m_me = m_db->currentUserId().toLongLong();
    QVERIFY(m_me > 0);
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO customers (name, owner_id, source, phone, core_need, close_cycle_days, created_at, updated_at) "
                                  "VALUES ('客户甲', %1, '', '', '', 0, 0, 0)").arg(m_me)));
}

void TestImportWrite::cleanup()
{
    QThreadPool::globalInstance()->waitForDone(); // a checkpoint after an import may still run
    m_db.reset();
    m_dir.reset();
}

QString TestImportWrite::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

QString TestImportWrite::leadsFile(int rows, const QByteArray &title)
{
    QByteArray csv = "id,客户,阶段,标题,创建日期\n";
    for (int i = 0; i < rows; ++i)
        csv += "L" + QByteArray::number(i) + ",客户甲," + (i % 3 ? "需求诊断" : "15分钟初筛") + "," + title + QByteArray::number(i)
               + ",2026-03-0" + QByteArray::number(1 + i % 9) + "\n";
    return write(QStringLiteral("leads%1.csv").arg(rows), csv);
}

ImportPlan TestImportWrite::planLeads(const QString &file, OnDuplicate mode)
{
    return planImport(db(), leadsRequest(file, mode));
}

ImportRequest TestImportWrite::leadsRequest(const QString &file, OnDuplicate mode) const
{
    ImportRequest r;
    FileMapping fm;
    fm.entity = Entity::Leads;
    fm.file = file;
    fm.columns = {{QStringLiteral("external_id"), QStringLiteral("id")}, {QStringLiteral("customer"), QStringLiteral("客户")},
                  {QStringLiteral("stage"), QStringLiteral("阶段")}, {QStringLiteral("title"), QStringLiteral("标题")},
                  {QStringLiteral("created"), QStringLiteral("创建日期")}};
    r.mapping.files = {fm};
    r.paths = {file};
    r.onDuplicate = mode;
    r.now = 1764547200; // 2025-12-01
    r.actorKey = m_me;
    return r;
}

void TestImportWrite::insertEntriesReadAsTheirRows()
{
    const QString file = leadsFile(30);
    const ImportPlan p = planLeads(file);
    QVERIFY2(p.ok() && p.refusedRows() == 0, qPrintable(p.fatal));
    const qint64 before = count(QStringLiteral("SELECT count(*) FROM outbox"));
    const ImportWriteResult w = ImportWriter::write(db(), p, file, {});
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(w.created, 30);
    QVERIFY(w.stageMoves > 0);
    // One entry per row as before, each "the row as committed".
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE table_name = 'leads' AND op = 'insert'")), 30);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE table_name = 'stage_history' AND op = 'insert'")), w.stageMoves);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), before + 30 + w.stageMoves);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE seq > %1 AND fields <> 'null'").arg(count(QStringLiteral("SELECT max(seq) FROM outbox")) - 30 - w.stageMoves)), 0);
    // Each reads back as its row: every column but id and the log's chain, a uuid as its text.
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT o.table_name, o.row_id, o.fields FROM outbox o WHERE o.op = 'insert' AND o.fields = 'null' ORDER BY o.seq")));
    int leads = 0, moves = 0;
    while (q.next()) {
        const QString table = q.value(0).toString();
        const qint64 id = q.value(1).toLongLong();
        bool found = false;
        const QJsonObject f = storage::outboxRowFields(db(), table, id, q.value(2).toByteArray(), &found);
        QVERIFY(found);
        QVERIFY(!f.contains(QStringLiteral("id")) && !f.contains(QStringLiteral("log_hash")) && !f.contains(QStringLiteral("log_seq")));
        QSqlQuery row(db());
        QVERIFY(row.exec(QStringLiteral("SELECT * FROM %1 WHERE id = %2").arg(table).arg(id)) && row.next());
        QCOMPARE(f.size(), row.record().count() - (table == QLatin1String("stage_history") ? 3 : 1));
        QCOMPARE(f.value(QStringLiteral("uuid")).toString(), storage::uuidText(row.value(QStringLiteral("uuid")).toByteArray()));
        QCOMPARE(f.value(QStringLiteral("updated_at")).toInteger(), row.value(QStringLiteral("updated_at")).toLongLong());
        if (table == QLatin1String("leads")) {
            ++leads;
            QCOMPARE(f.value(QStringLiteral("customer_id")).toInteger(), row.value(QStringLiteral("customer_id")).toLongLong());
            QCOMPARE(f.value(QStringLiteral("stage_id")).toInteger(), row.value(QStringLiteral("stage_id")).toLongLong());
            QCOMPARE(f.value(QStringLiteral("title")).toString(), QStringLiteral("商机%1").arg(leads - 1));
        } else if (table == QLatin1String("stage_history")) {
            ++moves;
            QVERIFY(f.value(QStringLiteral("lead_id")).toInteger() > 0);
            QCOMPARE(f.value(QStringLiteral("reason")).toString(), QStringLiteral("imported"));
            QCOMPARE(f.value(QStringLiteral("to_stage_id")).toInteger(), row.value(QStringLiteral("to_stage_id")).toLongLong());
        }
    }
    QCOMPARE(leads, 30);
    QCOMPARE(moves, w.stageMoves);
    // Each move's entry follows its lead's (the sync pushes the lead first), and the entries
    // of a table come in key order.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox m JOIN stage_history s ON s.id = m.row_id"
                                  " JOIN outbox l ON l.table_name = 'leads' AND l.row_id = s.lead_id"
                                  " WHERE m.table_name = 'stage_history' AND l.seq > m.seq")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox a JOIN outbox b ON a.table_name = b.table_name"
                                  " AND a.seq < b.seq AND a.row_id > b.row_id WHERE a.op = 'insert' AND b.op = 'insert'")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT op_id) FROM outbox")), count(QStringLiteral("SELECT count(*) FROM outbox")));
    // Each external id names its own row (written sorted after the rows, not row by row).
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM import_keys k JOIN leads l ON l.id = k.row_id"
                                  " WHERE k.entity = 'leads' AND l.title = '商机' || substr(k.external_id, 2)"
                                  " AND k.run_id = %1").arg(w.runId)), 30);
    // A JSON entry reads as its object; a row gone reads as nothing.
    QCOMPARE(storage::outboxRowFields(db(), QStringLiteral("leads"), 1, "{\"title\":\"x\"}").value(QStringLiteral("title")).toString(),
             QStringLiteral("x"));
    bool found = true;
    QVERIFY(storage::outboxRowFields(db(), QStringLiteral("leads"), 999999, "null", &found).isEmpty());
    QVERIFY(!found);

    // Updates keep their changed fields.
    const QString changed = leadsFile(30, "新商机");
    const ImportPlan again = planLeads(changed, OnDuplicate::Update);
    QVERIFY2(again.ok(), qPrintable(again.fatal));
    const qint64 seq = count(QStringLiteral("SELECT max(seq) FROM outbox"));
    const ImportWriteResult u = ImportWriter::write(db(), again, changed, {});
    QVERIFY2(u.ok, qPrintable(u.error));
    QCOMPARE(u.updated, 30);
    QVERIFY(q.exec(QStringLiteral("SELECT op, fields FROM outbox WHERE seq > %1 AND table_name = 'leads'").arg(seq)));
    int updates = 0;
    while (q.next()) {
        QCOMPARE(q.value(0).toString(), QStringLiteral("update"));
        const QJsonObject f = storage::outboxRowFields(db(), QStringLiteral("leads"), 0, q.value(1).toByteArray());
        QVERIFY(f.value(QStringLiteral("title")).toString().startsWith(QStringLiteral("新商机")));
        QVERIFY(f.contains(QStringLiteral("updated_at")));
        QVERIFY(!f.contains(QStringLiteral("customer_id"))); // unchanged
        ++updates;
    }
    QCOMPARE(updates, 30);
}

void TestImportWrite::foreignKeysBackAfterImport()
{
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 700")));
    auto pragma = [&](const char *name) { return count(QStringLiteral("PRAGMA ") + QLatin1String(name)); };
    QCOMPARE(pragma("foreign_keys"), 1);
    const QString file = leadsFile(2001);
    const ImportPlan p = planLeads(file);
    QVERIFY2(p.ok(), qPrintable(p.fatal));
    // Failed (cancelled at the first progress report): rolled back, the connection as it was.
    const ImportWriteResult cancelled = ImportWriter::write(db(), p, file, {}, [](qint64, qint64) { return false; });
    QVERIFY(!cancelled.ok);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM leads")), 0);
    QCOMPARE(pragma("foreign_keys"), 1);
    QCOMPARE(pragma("wal_autocheckpoint"), 700);
    // Written: the same.
    const ImportWriteResult w = ImportWriter::write(db(), p, file, {});
    QVERIFY2(w.ok, qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM leads")), 2001);
    QCOMPARE(pragma("foreign_keys"), 1);
    QCOMPARE(pragma("wal_autocheckpoint"), 700);
    // The checks are really on again: a reference to nothing is refused.
    QVERIFY(!q.exec(QStringLiteral("UPDATE leads SET customer_id = 987654 WHERE id = (SELECT min(id) FROM leads)")));
}

void TestImportWrite::missingReferenceRefusesTheImport()
{
    // The plan names 客户甲; the customer is gone when the plan is written (another window
    // deleted it meanwhile). With the per-row checks off for the write, the check before the
    // COMMIT finds the lead pointing nowhere: nothing is imported.
    const QString file = leadsFile(4);
    const ImportPlan p = planLeads(file);
    QVERIFY2(p.ok() && p.refusedRows() == 0, qPrintable(p.fatal));
    const qint64 outbox = count(QStringLiteral("SELECT count(*) FROM outbox"));
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM customers WHERE name = '客户甲'")));
    const ImportWriteResult w = ImportWriter::write(db(), p, file, {});
    QVERIFY(!w.ok);
    QVERIFY2(w.error.contains(QLatin1String("deleted meanwhile")), qPrintable(w.error));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM leads")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM stage_history")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM import_runs")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), outbox);
    QCOMPARE(count(QStringLiteral("PRAGMA foreign_keys")), 1);
}

void TestImportWrite::walReachesTheFileAfterCommit()
{
    // The commit is durable at once (another connection reads every row); the copy of the WAL
    // into the file happens after it, off the caller's time, and leaves the file whole.
    const QString file = leadsFile(4000);
    const ImportPlan p = planLeads(file);
    QVERIFY2(p.ok() && p.refusedRows() == 0, qPrintable(p.fatal));
    const ImportWriteResult w = ImportWriter::write(db(), p, file, {});
    QVERIFY2(w.ok, qPrintable(w.error));
    const QString path = m_dir->filePath(QStringLiteral("c.db"));
    {
        sqlite3 *other = nullptr;
        QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &other, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt *st = nullptr;
        QCOMPARE(sqlite3_prepare_v2(other, "SELECT count(*) FROM leads", -1, &st, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int64(st, 0), 4000);
        sqlite3_finalize(st);
        sqlite3_close(other);
    }
    QThreadPool::globalInstance()->waitForDone();
    const qint64 pages = count(QStringLiteral("PRAGMA page_count")), pageSize = count(QStringLiteral("PRAGMA page_size"));
    QVERIFY(pages > 1000); // more than one automatic checkpoint's worth
    QCOMPARE(QFileInfo(path).size(), pages * pageSize);
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) && q.next());
    QCOMPARE(q.value(1).toLongLong(), q.value(2).toLongLong()); // every frame of the log is in the file
}

QTEST_GUILESS_MAIN(TestImportWrite)
// A slot of planned() or written() sees the job idle (the wizard enables Import there): the
// worker's task ends a moment after it posts its result, and asking the task raced.
void TestImportWrite::jobIsIdleWhenItsResultArrives()
{
    const QString file = leadsFile(500);
    const ImportRequest r = leadsRequest(file);
    ImportJob job(*m_db);
    for (int round = 0; round < 20; ++round) { // the race was a matter of scheduling: many rounds
        std::shared_ptr<ImportPlan> plan;
        bool idleInSlot = false;
        const auto c = connect(&job, &ImportJob::planned, this, [&](std::shared_ptr<ImportPlan> p) {
            idleInSlot = !job.isRunning();
            plan = std::move(p);
        });
        job.plan(r);
        QVERIFY(job.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(plan != nullptr, 20000);
        disconnect(c);
        QVERIFY2(idleInSlot, "isRunning() was still true in the planned() slot");
        QVERIFY(plan->ok() && plan->refusedRows() == 0);
        if (round == 0) { // written() likewise, once (a second write would find every row known)
            bool written = false, idle = false;
            connect(&job, &ImportJob::written, this, [&](const ImportWriteResult &w) {
                idle = !job.isRunning();
                written = w.ok;
            });
            job.write(plan, file, {});
            QTRY_VERIFY_WITH_TIMEOUT(written, 20000);
            QVERIFY(idle);
        }
    }
}

// The rows an import inserts get uuids of version 7 that increase in the order they were
// written (appended to each table's unique uuid index, not scattered over it).
void TestImportWrite::importedUuidsIncrease()
{
    const QString file = leadsFile(300);
    const ImportPlan p = planLeads(file);
    QVERIFY(p.ok());
    const ImportWriteResult w = ImportWriter::write(db(), p, file, {});
    QVERIFY2(w.ok, qPrintable(w.error));
    for (const QString &table : {QStringLiteral("leads"), QStringLiteral("stage_history")}) {
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("SELECT uuid FROM %1 WHERE id IN (SELECT row_id FROM outbox WHERE table_name = '%1') "
                                      "ORDER BY id").arg(table)));
        QByteArray last;
        int n = 0;
        while (q.next()) {
            const QByteArray u = q.value(0).toByteArray();
            QCOMPARE(u.size(), 16);
            QCOMPARE(quint8(u.at(6)) >> 4, 7);          // version 7
            QCOMPARE(quint8(u.at(8)) >> 6, 2);          // RFC 9562 variant
            QVERIFY2(last.isEmpty() || last < u, qPrintable(table));
            last = u;
            ++n;
        }
        QVERIFY(n >= 300 || table != QLatin1String("leads"));
        QVERIFY(n > 0);
    }
    // Still a uuid per row: no two alike across both tables.
    QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT uuid) FROM (SELECT uuid FROM leads UNION ALL SELECT uuid FROM stage_history)")),
             count(QStringLiteral("SELECT (SELECT count(*) FROM leads) + (SELECT count(*) FROM stage_history)")));
}

#include "tst_importwrite.moc"
