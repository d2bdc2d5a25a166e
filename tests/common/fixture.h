#pragma once
// A tiny hand-made company for tests whose answers are worked out by hand: one region, one
// city, one team, a director and two reps, three customers (博世 with aliases, 华为,
// 重庆长江精工), three leads in the lead-lifecycle pipeline.
#include "domain/times.h"
#include "storage/database.h"
#include "storage/exitactions.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTest>

namespace fixture {

// A time or a date for a test's bind or comparison, in the file's form (domain/times.h):
// the ISO text itself until schema v6 stores integers, then epoch seconds / a day number.
// In SQL text, the connection functions do the same: cockpit_secs('…'), cockpit_day('…'),
// and cockpit_iso(col) / cockpit_date(col) to read a column back as text.
inline QVariant t(const char *iso)
{
    qint64 secs = 0;
    if (!cockpit::times::parseIso(iso, qsizetype(qstrlen(iso)), &secs))
        qFatal("fixture::t: not an ISO instant: %s", iso);
    return cockpit::times::instantParam(secs);
}
inline QVariant d(const char *iso)
{
    qint64 secs = 0;
    if (qstrlen(iso) != 10 || !cockpit::times::parseIso(iso, 10, &secs))
        qFatal("fixture::d: not an ISO date: %s", iso);
    return cockpit::times::dayParam(cockpit::times::dayOf(secs));
}

inline bool exec(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        qWarning() << q.lastError().text() << sql;
        return false;
    }
    return true;
}

// What every writer of activities or stage moves does after writing them (exitactions.h): a
// fixture that inserts them by hand calls this once its rows are in.
inline bool settle(QSqlDatabase db)
{
    QString error;
    if (cockpit::storage::refreshExitActions(cockpit::storage::sqliteHandle(db), {}, &error) < 0) {
        qWarning().noquote() << "exit actions:" << error;
        return false;
    }
    return true;
}

inline QString stageId(QSqlDatabase db, const char *pipeline, const char *stage)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT s.id FROM pipeline_stages s JOIN pipelines p ON p.id = s.pipeline_id"
                             " WHERE p.code = ? AND s.code = ?"));
    q.addBindValue(QLatin1String(pipeline));
    q.addBindValue(QLatin1String(stage));
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

// Fills a freshly created database. Keys (schema v5: integers, storage/keys.h), named as the
// tests name them: region r1 = 1, city c1 = 1, team t1 = 1; users u0 (赵总, director) = 100,
// u1 (王芳) = 101, u2 (李强) = 102; customers k1 (博世) = 1, k2 (华为) = 2, k3 (重庆长江精工) = 3;
// contact ct1 = 1; leads lead-1 = 1 (博世, in 15分钟初筛, gate fields empty), lead-2 = 2
// (华为, in 需求诊断, 1 200 000 元), lead-3 = 3 (重庆长江精工, won); stage move h1 = 1;
// activities a1 = 1, a2 = 2. Each row's uuid is the column's random default.
inline bool populate(cockpit::storage::Database &database)
{
    QSqlDatabase db = database.connection();
    const QString t = QStringLiteral("cockpit_secs('2026-11-01T00:00:00Z')"); // the file's form
    const QString screen = stageId(db, "lifecycle", "screen");
    const QString diagnose = stageId(db, "lifecycle", "diagnose");
    const QString sign = stageId(db, "lifecycle", "sign");
    const QString pipeline = QStringLiteral("(SELECT id FROM pipelines WHERE code = 'lifecycle')");
    const QStringList sql = {
        QStringLiteral("INSERT INTO regions (id, code, name, updated_at) VALUES (1, 'east', '华东', %1)").arg(t),
        QStringLiteral("INSERT INTO cities (id, region_id, name, updated_at) VALUES (1, 1, '上海', %1)").arg(t),
        QStringLiteral("INSERT INTO teams (id, city_id, region_id, name, updated_at) VALUES (1, 1, 1, '上海一组', %1)").arg(t),
        QStringLiteral("INSERT INTO users (id, name, role, region_id, city_id, team_id, hire_date, updated_at) VALUES"
                       " (100, '赵总', 'director', NULL, NULL, NULL, cockpit_day('2020-01-01'), %1),"
                       " (101, '王芳', 'sales', 1, 1, 1, cockpit_day('2022-03-01'), %1),"
                       " (102, '李强', 'sales', 1, 1, 1, cockpit_day('2023-05-01'), %1)").arg(t),
        QStringLiteral("INSERT INTO customers (id, name, aliases, owner_id, region_id, city_id, source, phone,"
                       " core_need, close_cycle_days, industry, created_at, updated_at) VALUES"
                       " (1, '博世', 'BOSCH|Bosch', 101, 1, 1, '展会', '021 5555 0101', '产线质检', 90, '汽车零部件', %1, %1),"
                       " (2, '华为', 'Huawei', 102, 1, 1, '转介绍', '0755 2878 0808', '数据治理', 120, '软件', %1, %1),"
                       " (3, '重庆长江精工机械有限公司', '', 101, 1, 1, '官网表单', '023 6666 1234', '设备联网', 60, '制造', %1, %1)").arg(t),
        QStringLiteral("INSERT INTO contacts (id, customer_id, name, title, chain_role, seniority, updated_at) VALUES"
                       " (1, 1, '陈静', '采购经理', 'procurement', 3, %1)").arg(t),
        QStringLiteral("INSERT INTO leads (id, customer_id, owner_id, region_id, city_id, team_id, pipeline_id, stage_id,"
                       " stage_entered_at, title, amount_cents, status, created_at, updated_at) VALUES"
                       " (1, 1, 101, 1, 1, 1, %2, '%3', %1, '博世 质检系统', 30000000, 'open', %1, %1),"
                       " (2, 2, 102, 1, 1, 1, %2, '%4', %1, '华为 数据平台', 120000000, 'open', %1, %1),"
                       " (3, 3, 101, 1, 1, 1, %2, '%5', %1, '长江精工 联网改造', 5000000, 'won', %1, %1)")
            .arg(t, pipeline, screen, diagnose, sign),
        QStringLiteral("INSERT INTO stage_history (id, lead_id, from_stage_id, to_stage_id, at, by_user_id, updated_at) VALUES"
                       " (1, 1, NULL, '%2', %1, 101, %1)").arg(t, screen),
        QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, duration_seconds, text, updated_at) VALUES"
                       " (1, 1, 1, 101, 'call', 'sales', %1, 95, '首次电话', %1),"
                       " (2, 1, 1, NULL, 'wechat', 'customer', %1, 0, '请发资料', %1)").arg(t),
        QStringLiteral("INSERT INTO settings (key, value) VALUES ('current_user_id', '100')"),
    };
    for (const QString &s : sql)
        if (!exec(db, s))
            return false;
    if (!settle(db))
        return false;
    database.announceChanges(); // the company is there before the test listens
    return true;
}

// A sound database with the fixture's data in `dir`, checkpointed and closed again: the path,
// or empty when it could not be made.
inline QString makeDatabase(const QString &dir, const QString &name = QStringLiteral("good.db"))
{
    const QString path = dir + QLatin1Char('/') + name;
    cockpit::storage::Database db;
    if (!db.open(path, cockpit::storage::Database::Mode::CreateIfMissing).ok() || !populate(db))
        return {};
    QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    db.close();
    return path;
}

// A copy of the database file `source` in `dir`, opened into `db` (for a test that edits
// what the others read): false when it could not be copied or opened.
inline bool openCopy(const QString &source, const QString &dir, cockpit::storage::Database &db)
{
    const QString copy = dir + QStringLiteral("/copy.db");
    return QFile::copy(source, copy) && db.open(copy, cockpit::storage::Database::Mode::OpenExisting).ok();
}

} // namespace fixture
