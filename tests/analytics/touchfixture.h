#pragma once
// The fixture company (fixture.h) plus what the touchpoint tests count by hand: a second
// region (华南 / 广州 / 广州一组, rep 陈明 u3), a won lead tp-closed (June 30 .. July 4 2026,
// Beijing days) and an open lead tp-open of u3 (from July 1), with activities on both sides
// of the UTC+8 day boundary, one after the close, one without a lead and one deleted.
// Keys (schema v5): region r2 = 2, city c2 = 2, team t2 = 2, user u3 = 103; leads
// tp-closed = 21, tp-open = 22; activities b1 .. b12 = 201 .. 212.
#include "fixture.h"

#include <QSqlDatabase>
#include <QTemporaryDir>

namespace fixture {

inline bool openTouchpointFixture(QTemporaryDir &dir, cockpit::storage::Database &database)
{
    if (!database.open(dir.filePath(QStringLiteral("t.db")), cockpit::storage::Database::Mode::CreateIfMissing).ok())
        return false;
    if (!fixture::populate(database))
        return false;
    QSqlDatabase db = database.connection();
    const QString t = QStringLiteral("cockpit_secs('2026-11-01T00:00:00Z')");
    const QString pipeline = QStringLiteral("(SELECT id FROM pipelines WHERE code = 'lifecycle')");
    const QString stage = fixture::stageId(db, "lifecycle", "screen");
    // A second region with one team and rep, so org restriction has something to exclude.
    // tp-closed: created 2026-06-30 10:00Z (18:00 Beijing, June 30), won 2026-07-04 02:00Z
    // (July 4 10:00 Beijing) → days June 30 .. July 4.
    // tp-open: u3's lead in r2, created 2026-07-01T01:00Z (July 1), open.
    return fixture::exec(db, QStringLiteral("INSERT INTO regions (id, code, name, updated_at) VALUES (2, 'south', '华南', %1)").arg(t))
        && fixture::exec(db, QStringLiteral("INSERT INTO cities (id, region_id, name, updated_at) VALUES (2, 2, '广州', %1)").arg(t))
        && fixture::exec(db, QStringLiteral("INSERT INTO teams (id, city_id, region_id, name, updated_at) VALUES (2, 2, 2, '广州一组', %1)").arg(t))
        && fixture::exec(db, QStringLiteral("INSERT INTO users (id, name, role, region_id, city_id, team_id, hire_date, updated_at) VALUES"
                                   " (103, '陈明', 'sales', 2, 2, 2, cockpit_day('2022-03-01'), %1)").arg(t))
        && fixture::exec(db, QStringLiteral("INSERT INTO leads (id, customer_id, owner_id, region_id, city_id, team_id, pipeline_id, stage_id,"
                                   " stage_entered_at, title, status, created_at, closed_at, updated_at) VALUES"
                                   " (21, 1, 101, 1, 1, 1, %2, '%3', %1, 'closed', 'won', cockpit_secs('2026-06-30T10:00:00Z'), cockpit_secs('2026-07-04T02:00:00Z'), %1),"
                                   " (22, 2, 103, 2, 2, 2, %2, '%3', %1, 'open', 'open', cockpit_secs('2026-07-01T01:00:00Z'), NULL, %1)")
                            .arg(t, pipeline, stage))
        // tp-closed: June 30 23:59:59 Beijing (s), July 1 00:30 Beijing (s — 16:30Z on June 30),
        // July 1 (c), July 2 (x), July 4 (c), July 6 after close (s, not shown).
        // tp-open: July 1 (s, s), July 2 (c), July 5 (x).
        // No lead: a customer-level call July 1 (never in a lead's or a portfolio's grid).
        && fixture::exec(db, QStringLiteral("INSERT INTO activities (id, lead_id, customer_id, actor_id, kind, direction, at, duration_seconds, text, updated_at) VALUES"
                                   " (201, 21, 1, 101, 'call', 'sales', cockpit_secs('2026-06-30T15:59:59Z'), 40, '', %1),"
                                   " (202, 21, 1, 101, 'call', 'sales', cockpit_secs('2026-06-30T16:30:00Z'), 60, '凌晨', %1),"
                                   " (203, 21, 1, NULL, 'wechat', 'customer', cockpit_secs('2026-07-01T03:00:00Z'), 0, '', %1),"
                                   " (204, 21, 1, 102, 'presales_task', 'cross', cockpit_secs('2026-07-02T03:00:00Z'), 0, '', %1),"
                                   " (205, 21, 1, NULL, 'email', 'customer', cockpit_secs('2026-07-04T01:00:00Z'), 0, '', %1),"
                                   " (206, 21, 1, 101, 'call', 'sales', cockpit_secs('2026-07-06T03:00:00Z'), 30, '', %1),"
                                   " (207, 22, 2, 103, 'call', 'sales', cockpit_secs('2026-07-01T02:00:00Z'), 50, '', %1),"
                                   " (208, 22, 2, 103, 'visit', 'sales', cockpit_secs('2026-07-01T08:00:00Z'), 0, '', %1),"
                                   " (209, 22, 2, NULL, 'wechat', 'customer', cockpit_secs('2026-07-02T08:00:00Z'), 0, '', %1),"
                                   " (210, 22, 2, 102, 'delivery_task', 'cross', cockpit_secs('2026-07-05T08:00:00Z'), 0, '', %1),"
                                   " (211, NULL, 1, 101, 'call', 'sales', cockpit_secs('2026-07-01T05:00:00Z'), 90, '', %1),"
                                   " (212, 22, 2, 103, 'call', 'sales', cockpit_secs('2026-07-03T08:00:00Z'), 10, 'deleted', %1)").arg(t))
        && fixture::exec(db, QStringLiteral("UPDATE activities SET deleted = 1 WHERE id = 212"));
}

} // namespace fixture
