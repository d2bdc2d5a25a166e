// DESIGN.md §5, "periods are closed": every figure the reports print for a finished period
// (the KPI tiles, the funnel, the heat map, store codes, touchpoints, team health, outcomes …)
// is the same before and after data dated after the period's end arrives — activities and
// customer answers, stage moves, closings (a deal won on the 1st of the next month by a new
// hire), payments, a forecast revision written over its snapshot, new leads, a rep who leaves —
// and when "now" moves on. The one exception looks forward by definition, stage conversion
// (how many of a cohort entered the next stage up to now, and how many are still open): its
// columns are left out; the cohorts themselves (entered) must not move.
#include "tinydemo.h"
#include "analytics/orgunits.h"
#include "analytics/reports.h"
#include "analytics/scope.h"
#include "storage/database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::analytics;

namespace {
const QDate kToday(2026, 11, 22);
const char *const kNow = "2026-11-22T00:00:00Z";
const char *const kLater = "2026-12-20T00:00:00Z";

// The forward-looking columns of stage conversion, per report.
QStringList forwardColumns(const QString &report)
{
    if (report == QLatin1String("funnel"))
        return {QStringLiteral("converted_to_next"), QStringLiteral("conversion_pct"), QStringLiteral("open_in_stage"),
                QStringLiteral("maturing")};
    if (report == QLatin1String("conversion"))
        return {QStringLiteral("converted"), QStringLiteral("rate_pct"), QStringLiteral("flagged"),
                QStringLiteral("open_in_stage"), QStringLiteral("maturing")};
    return {};
}

// Every report × period × org as text, one entry per table, the forward columns blanked.
QHash<QString, QString> snapshot(QSqlDatabase db, const char *now)
{
    QHash<QString, QString> out;
    const OrgUnits units = loadOrgUnits(db);
    const OrgScope region{OrgLevel::Region, units.regions.first().id};
    for (const ReportInfo &info : reports()) {
        const QStringList skip = forwardColumns(info.name);
        for (const QString &p : {QStringLiteral("2026-10"), QStringLiteral("2026-Q3"), QStringLiteral("2026-W43")}) {
            for (const OrgScope &org : {OrgScope::company(), region}) {
                ReportRequest request;
                request.asOfIso = QLatin1String(now);
                request.scope.period = *parsePeriod(p, kToday);
                request.scope.org = org;
                request.by = childGroup(org);
                const DataTable table = info.run(db, request);
                QStringList lines{table.columns.join(u',')};
                for (const QVariantList &row : table.rows) {
                    QStringList cells;
                    for (int c = 0; c < row.size(); ++c)
                        cells << (skip.contains(table.columns.value(c)) ? QString() : row[c].toString());
                    lines << cells.join(u',');
                }
                out.insert(QStringLiteral("%1 %2 %3").arg(info.name, p, org.isCompany() ? QStringLiteral("company")
                                                                                        : QStringLiteral("region")),
                           lines.join(u'\n'));
            }
        }
    }
    return out;
}

bool exec(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        qWarning().noquote() << q.lastError().text() << sql;
        return false;
    }
    return true;
}
} // namespace

class TestClosedPeriod : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void laterDataChangesNoClosedFigure()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("closed.db"));
        const QString error = fixture::generateTinyDemo(path, 11, kToday);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        storage::Database database;
        QVERIFY(database.open(path, storage::Database::Mode::OpenExisting).ok());
        QSqlDatabase db = database.connection();
        const QHash<QString, QString> before = snapshot(db, kNow);
        QVERIFY(before.size() >= 3 * 2 * 5);

        // Later data, all dated after October (Beijing) and before now.
        const QString upd = QStringLiteral("cockpit_secs('2026-11-21T00:00:00Z')");
        const QStringList sql = {
            // A sales call on every lead, answered by the customer within the hour.
            QStringLiteral("INSERT INTO activities (lead_id, customer_id, actor_id, kind, direction, at, duration_seconds, updated_at)"
                           " SELECT id, customer_id, owner_id, 'call', 'sales', cockpit_secs('2026-11-03T02:00:00Z'), 120, %1"
                           " FROM leads WHERE owner_id IS NOT NULL AND deleted = 0").arg(upd),
            QStringLiteral("INSERT INTO activities (lead_id, customer_id, actor_id, kind, direction, at, duration_seconds, reply_to, updated_at)"
                           " SELECT lead_id, customer_id, NULL, 'wechat', 'customer', at + 1800, 0, id, %1 FROM activities"
                           " WHERE at = cockpit_secs('2026-11-03T02:00:00Z') AND direction = 'sales'").arg(upd),
            // Every open lead moves on to the next stage of its pipeline.
            QStringLiteral("INSERT INTO stage_history (lead_id, from_stage_id, to_stage_id, at, by_user_id, updated_at)"
                           " SELECT l.id, l.stage_id, n.id, cockpit_secs('2026-11-04T02:00:00Z'), l.owner_id, %1 FROM leads l"
                           " JOIN pipeline_stages s ON s.id = l.stage_id JOIN pipeline_stages n ON n.pipeline_id = s.pipeline_id"
                           " AND n.position = s.position + 1 WHERE l.status = 'open' AND l.deleted = 0").arg(upd),
            // A third of the open leads close on 1 November 01:00 UTC (09:00 Beijing): won.
            QStringLiteral("UPDATE leads SET status = 'won', closed_at = cockpit_secs('2026-11-01T01:00:00Z'), updated_at = %1"
                           " WHERE status = 'open' AND deleted = 0 AND id % 3 = 0").arg(upd),
            // Payments on 5 November for every order.
            QStringLiteral("INSERT INTO payments (order_id, customer_id, rep_id, amount_cents, due_on, paid_on, updated_at)"
                           " SELECT id, customer_id, rep_id, 123400, cockpit_day('2026-11-05'), cockpit_day('2026-11-05'), %1"
                           " FROM orders").arg(upd),
            // The October snapshots revised on 5 November, written over in place as the old demo did.
            QStringLiteral("INSERT INTO forecast_revisions (snapshot_id, old_value_cents, new_value_cents, reason_code, at, updated_at)"
                           " SELECT id, value_cents, value_cents * 2, 'late_approval', cockpit_secs('2026-11-05T02:00:00Z'), %1"
                           " FROM forecast_snapshots WHERE period_start = cockpit_day('2026-10-01')").arg(upd),
            QStringLiteral("UPDATE forecast_snapshots SET value_cents = value_cents * 2 WHERE period_start = cockpit_day('2026-10-01')"),
            // New leads created on 6 November, entering the first stage at once.
            QStringLiteral("INSERT INTO leads (customer_id, owner_id, region_id, city_id, team_id, pipeline_id, stage_id,"
                           " stage_entered_at, title, status, created_at, updated_at)"
                           " SELECT customer_id, owner_id, region_id, city_id, team_id, pipeline_id, stage_id,"
                           " cockpit_secs('2026-11-06T02:00:00Z'), title || ' (2)', 'open', cockpit_secs('2026-11-06T02:00:00Z'), %1"
                           " FROM leads WHERE deleted = 0 AND id % 5 = 0").arg(upd),
            QStringLiteral("INSERT INTO stage_history (lead_id, from_stage_id, to_stage_id, at, by_user_id, updated_at)"
                           " SELECT id, NULL, stage_id, created_at, owner_id, %1 FROM leads"
                           " WHERE created_at = cockpit_secs('2026-11-06T02:00:00Z')").arg(upd),
            // The rep with most leads leaves on 10 November.
            QStringLiteral("UPDATE users SET left_date = cockpit_day('2026-11-10'), updated_at = %1 WHERE id ="
                           " (SELECT owner_id FROM leads WHERE owner_id IN (SELECT id FROM users WHERE role = 'sales'"
                           " AND left_date IS NULL) GROUP BY owner_id ORDER BY COUNT(*) DESC LIMIT 1)").arg(upd),
        };
        for (const QString &s : sql)
            QVERIFY(exec(db, s));
        database.announceChanges();

        QStringList moved, teamMoved;
        for (const char *now : {kNow, kLater}) {
            const QHash<QString, QString> after = snapshot(db, now);
            QCOMPARE(after.size(), before.size());
            for (auto it = before.cbegin(); it != before.cend(); ++it) {
                if (after.value(it.key()) == it.value())
                    continue;
                const QStringList a = it.value().split(u'\n'), b = after.value(it.key()).split(u'\n');
                QString first;
                for (int i = 0; i < std::max(a.size(), b.size()) && first.isEmpty(); ++i)
                    if (a.value(i) != b.value(i))
                        first = QStringLiteral("\n    was: %1\n    now: %2").arg(a.value(i), b.value(i));
                const QString line = QStringLiteral("now %1: %2%3").arg(QLatin1String(now), it.key(), first);
                (it.key().startsWith(QLatin1String("radar ")) ? teamMoved : moved) << line;
            }
        }
        moved.sort();
        teamMoved.sort();
        QVERIFY2(moved.isEmpty(), qPrintable(QStringLiteral("moved:\n") + moved.join(u'\n')));
        QVERIFY2(teamMoved.isEmpty(), qPrintable(QStringLiteral("moved:\n") + teamMoved.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestClosedPeriod)
#include "tst_closedperiod.moc"
