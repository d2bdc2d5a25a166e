#pragma once
// The log tests' fixture company (tst_activitylog, tst_logdeletions): three records chained,
// then 40 appended, every third a stage move; helpers that write and tamper with records.
#include "storage/activitylog.h"
#include "storage/logchain.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "fixture.h"
#include "storage/leadrepository.h"
#include "storage/schema.h"

#include <QSqlDatabase>
#include <QCryptographicHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <vector>

using namespace cockpit::storage;

namespace {

constexpr int kExtra = 40; // activities and stage moves appended after the fixture's three

// The global ids the fixture's first records and the rows they name get before chaining, so
// the canonical form can be pinned (a fresh row's uuid is random). a1 sorts before a2.
constexpr char kUuidA1[] = "aaaaaaaa-0000-4000-8000-000000000001";
constexpr char kUuidA2[] = "aaaaaaaa-0000-4000-8000-000000000002";
constexpr char kUuidLead1[] = "eeeeeeee-0000-4000-8000-000000000001";
constexpr char kUuidK1[] = "cccccccc-0000-4000-8000-000000000001";
constexpr char kUuidU1[] = "dddddddd-0000-4000-8000-000000000101";

inline bool run(QSqlDatabase db, const QString &sql)
{
    return fixture::exec(db, sql);
}

inline qint64 scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        qWarning() << q.lastError().text() << sql;
        return -999;
    }
    return q.value(0).toLongLong();
}

// Inserts one record the way the app does: INSERT then appendToLog in one transaction.
inline bool addActivity(QSqlDatabase db, const QString &id, const QString &at, const QString &text)
{
    if (!db.transaction())
        return false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at,"
                             " duration_seconds, text, updated_at) VALUES (?, 2, 2, 102, 'call'," // lead-2, k2, u2
                             " 'sales', ?, 60, ?, ?)"));
    const QVariant when = fixture::t(qPrintable(at));
    for (const QVariant &v : {QVariant(id), when, QVariant(text), when})
        q.addBindValue(v);
    QString error;
    if (!q.exec() || !appendToLog(db, LogRecordKind::Activity, id, &error)) {
        qWarning() << q.lastError().text() << error;
        db.rollback();
        return false;
    }
    return db.commit();
}

inline bool addStageMove(QSqlDatabase db, const QString &id, const QString &at, const QString &reason)
{
    if (!db.transaction())
        return false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO stage_history (id, lead_id, from_stage_id, to_stage_id, at, by_user_id,"
                             " reason, updated_at) SELECT ?, 2, stage_id, stage_id, ?, 102, ?, ? FROM leads"
                             " WHERE id = 2")); // lead-2, by u2
    const QVariant when = fixture::t(qPrintable(at));
    for (const QVariant &v : {QVariant(id), when, QVariant(reason), when})
        q.addBindValue(v);
    QString error;
    if (!q.exec() || !appendToLog(db, LogRecordKind::StageMove, id, &error)) {
        qWarning() << q.lastError().text() << error;
        db.rollback();
        return false;
    }
    return db.commit();
}

inline QString tableAt(QSqlDatabase db, qint64 seq)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM activities WHERE log_seq = %1").arg(seq)) > 0
               ? QStringLiteral("activities")
               : QStringLiteral("stage_history");
}

inline sqlite3 *handleOf(QSqlDatabase db)
{
    const QVariant v = db.driver()->handle();
    return *static_cast<sqlite3 *const *>(v.data());
}

inline int countOps(void *counter)
{
    ++*static_cast<qint64 *>(counter);
    return 0;
}

} // namespace

// Opens a fresh filled file per test (init()) and checks verify() finds the expected problem.
class LogFixture : public QObject
{
protected:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_files = 0;
    qint64 m_total = 0; // records in the chain

    // A fixture company whose 3 records are chained, then kExtra appended: every third a
    // stage move, each a minute apart. Appended activity a-xI has key 100 + I, stage move
    // h-xI key 100 + I in stage_history.
    void openFilled()
    {
        m_db = std::make_unique<Database>();
        const QString path = m_dir.filePath(QStringLiteral("log%1.db").arg(++m_files));
        QVERIFY2(m_db->open(path, Database::Mode::CreateIfMissing).ok(), qPrintable(path));
        QVERIFY(fixture::populate(*m_db));
        struct Pinned { const char *table; int key; const char *uuid; };
        const Pinned pinned[] = {{"activities", 1, kUuidA1}, {"activities", 2, kUuidA2}, {"leads", 1, kUuidLead1},
                                 {"customers", 1, kUuidK1}, {"users", 101, kUuidU1}};
        for (const Pinned &p : pinned)
            QVERIFY(run(m_db->connection(), QStringLiteral("UPDATE %1 SET uuid = cockpit_uuid('%3') WHERE id = %2")
                                                .arg(QLatin1String(p.table)).arg(p.key).arg(QLatin1String(p.uuid))));
        QString error;
        QVERIFY2(buildLogChain(m_db->connection(), &error), qPrintable(error));
        for (int i = 0; i < kExtra; ++i) {
            const QString at = QStringLiteral("2026-11-02T08:%1:00Z").arg(i, 2, 10, QLatin1Char('0'));
            if (i % 3 == 2)
                QVERIFY(addStageMove(m_db->connection(), QString::number(100 + i), at,
                                     QStringLiteral("理由 %1").arg(i)));
            else
                QVERIFY(addActivity(m_db->connection(), QString::number(100 + i), at,
                                    QStringLiteral("跟进 %1").arg(i)));
        }
        m_total = 3 + kExtra;
    }

    void expectBad(VerifyResult::Problem problem, qint64 index)
    {
        const VerifyResult r = verifyLog(m_db->connection());
        QVERIFY2(!r.ok, qPrintable(r.message));
        QCOMPARE(int(r.problem), int(problem));
        QCOMPARE(r.badIndex, index);
        QVERIFY2(r.message.contains(QStringLiteral("#%1").arg(index)), qPrintable(r.message));
    }
};
