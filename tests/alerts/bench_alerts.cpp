// Alert-rule benchmark (not a test; prints figures). Usage:
//   bench_alerts [--db FILE]   (default: the large demo, /work/build-main/bench-data/large.db)
// Works on a copy of FILE in a temporary directory; the original is never opened.
// Reports: first full evaluation (raises every alert of the demo), a second full evaluation
// (steady state: nothing new), incremental evaluation after one edit, and a day later
// (escalations).
#include "alerts/alertevaluator.h"
#include "storage/database.h"
#include "domain/ids.h"
#include "domain/times.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

using namespace cockpit;

namespace {
// CPU time of this process: the machine may be shared, so wall time alone misleads.
qint64 cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}
qint64 g_cpuStart = 0;

void report(const char *what, const alerts::EvaluationResult &r, qint64 ms)
{
    std::printf("%-44s %7lld ms wall %7lld ms cpu  (%d conditions, %d raised, %d resolved, %d escalated)%s\n",
                what, ms, cpuMs() - g_cpuStart, r.candidates, r.raised, r.resolved, r.escalated,
                r.ok ? "" : " FAILED");
    if (!r.ok)
        std::printf("  error: %s\n", qPrintable(r.error));
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString source = QStringLiteral("/work/build-main/bench-data/large.db");
    const QStringList args = app.arguments();
    if (args.indexOf(QStringLiteral("--db")) > 0)
        source = args.value(args.indexOf(QStringLiteral("--db")) + 1);
    if (!QFile::exists(source)) {
        std::fprintf(stderr, "bench_alerts: %s not found; make one with sales-cockpit demo --scale large\n",
                     qPrintable(source));
        return 1;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    QElapsedTimer t;
    t.start();
    if (!QFile::copy(source, path)) {
        std::fprintf(stderr, "bench_alerts: cannot copy %s\n", qPrintable(source));
        return 1;
    }
    QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    storage::Database db;
    const auto opened = db.open(path, storage::Database::Mode::OpenExisting, storage::Database::Check::Deferred);
    if (!opened.ok()) {
        std::fprintf(stderr, "bench_alerts: %s\n", qPrintable(opened.message));
        return 1;
    }
    db.allowWrites(); // a copy of a file generated just now: the benchmark times the rules, not the check
    std::printf("copied and opened (migrated) in %lld ms\n", t.elapsed());
    const QString asOf = db.setting(QStringLiteral("demo_as_of"), QStringLiteral("2026-11-22"));
    ManualClock clock(fromIsoUtc(asOf + QStringLiteral("T10:00:00Z")));
    QSqlDatabase c = db.connection();
    QSqlQuery q(c);
    q.exec(QStringLiteral("SELECT (SELECT count(*) FROM leads), (SELECT count(*) FROM leads WHERE status = 'open'),"
                          " (SELECT count(*) FROM activities), (SELECT count(*) FROM stage_history), (SELECT count(*) FROM alerts)"));
    q.next();
    std::printf("data: %lld leads (%lld open), %lld activities, %lld stage moves, %lld alerts; now = %s\n",
                q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                q.value(4).toLongLong(), qPrintable(toIsoUtc(clock.now())));

    alerts::AlertEvaluator evaluator(c, clock);
    t.restart();
    g_cpuStart = cpuMs();
    auto r = evaluator.evaluateAll();
    report("full evaluation, first run (raises all)", r, t.elapsed());
    t.restart();
    g_cpuStart = cpuMs();
    r = evaluator.evaluateAll();
    report("full evaluation, steady state", r, t.elapsed());

    // One edit: a sales call on an open silent lead, then the incremental evaluation.
    q.exec(QStringLiteral("SELECT l.id, l.customer_id, l.owner_id FROM leads l JOIN alerts a ON a.lead_id = l.id"
                          " WHERE a.rule = 'silence' AND a.resolved_at IS NULL LIMIT 1"));
    if (q.next()) {
        const QString lead = q.value(0).toString(), customer = q.value(1).toString(), owner = q.value(2).toString();
        QSqlQuery ins(c);
        // As the app writes a new row (schema v5): the key from SQLite, a version-4 UUID in uuid.
        ins.prepare(QStringLiteral("INSERT INTO activities (uuid, lead_id, customer_id, actor_id, kind, direction, at, updated_at)"
                                   " VALUES (cockpit_uuid(?), ?, ?, ?, 'call', 'sales', ?, ?)"));
        for (const QVariant &v : {QVariant(newId()), QVariant(lead), QVariant(customer), QVariant(owner),
                                  times::instantParam(clock.now().toSecsSinceEpoch()),
                                  times::instantParam(clock.now().toSecsSinceEpoch())})
            ins.addBindValue(v);
        ins.exec();
        t.restart();
        g_cpuStart = cpuMs();
    g_cpuStart = cpuMs();
        r = evaluator.evaluateLead(lead);
        report("incremental: evaluateLead after one activity", r, t.elapsed());
        t.restart();
        g_cpuStart = cpuMs();
    g_cpuStart = cpuMs();
        r = evaluator.evaluateCustomer(customer);
        report("incremental: evaluateCustomer", r, t.elapsed());
        t.restart();
        g_cpuStart = cpuMs();
    g_cpuStart = cpuMs();
        r = evaluator.evaluateUser(owner);
        report("incremental: evaluateUser (the owner)", r, t.elapsed());
    }
    clock.advanceSecs(24 * 3600);
    t.restart();
    g_cpuStart = cpuMs();
    r = evaluator.evaluateAll();
    report("full evaluation one day later (escalations)", r, t.elapsed());
    t.restart();
    g_cpuStart = cpuMs();
    r = evaluator.evaluateAll();
    report("full evaluation, steady state again", r, t.elapsed());
    return 0;
}
