// Assignment benchmark (issue 3: "assigning 10 000 new leads ≤ 1 s"). Copies a demo
// database (default: generates the small demo), adds 10 000 new open leads without an
// owner, then times AssignStore::assignUnassigned end to end (load facts + decide + write
// in one transaction), with the configured cap of 8 (nobody in the demo is below it) and
// with the cap raised so the leads are really assigned. Prints figures; never fails on time.
//   bench_assign [SOURCE.db] [LEADS]
#include "assign/assignstore.h"
#include "domain/clock.h"
#include "storage/database.h"
#include "demo/demogenerator.h"
#include "domain/ids.h"
#include "domain/times.h"

#include <QSqlDatabase>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>
#include <random>

using namespace cockpit;
using namespace cockpit::assign;

namespace {

bool addNewLeads(storage::Database &db, int count, QString *error)
{
    QSqlDatabase c = db.connection();
    QSqlQuery q(c);
    if (!q.exec(QStringLiteral("SELECT s.pipeline_id, s.id FROM pipeline_stages s JOIN pipelines p ON p.id = s.pipeline_id"
                               " WHERE p.code = 'lifecycle' ORDER BY s.position LIMIT 1")) || !q.next()) {
        *error = QStringLiteral("no lifecycle pipeline");
        return false;
    }
    const QString pipeline = q.value(0).toString(), stage = q.value(1).toString();
    QStringList customers;
    q.exec(QStringLiteral("SELECT id FROM customers WHERE deleted = 0"));
    while (q.next())
        customers << q.value(0).toString();
    std::mt19937_64 rng(42);
    const QStringList bands{QStringLiteral(""), QStringLiteral("<10万"), QStringLiteral("10-50万"), QStringLiteral("50万+")};
    c.transaction();
    QSqlQuery ins(c);
    // As the app writes a new row (schema v5): the key from SQLite, a version-4 UUID in uuid.
    ins.prepare(QStringLiteral("INSERT INTO leads (uuid, customer_id, pipeline_id, stage_id, stage_entered_at, title,"
                               " budget_band, status, created_at, updated_at)"
                               " VALUES (cockpit_uuid(?), ?, ?, ?, ?, ?, ?, 'open', ?, ?)"));
    const QVariant now = times::instantParam(QDateTime::currentSecsSinceEpoch()); // the file's form
    for (int i = 0; i < count; ++i) {
        for (const QVariant &v : {QVariant(newId()), QVariant(customers.at(int(rng() % customers.size()))),
                                  QVariant(pipeline), QVariant(stage), now,
                                  QVariant(QStringLiteral("新线索 %1").arg(i)), QVariant(bands.at(int(rng() % 4))),
                                  now, now})
            ins.addBindValue(v);
        if (!ins.exec()) {
            *error = ins.lastError().text();
            c.rollback();
            return false;
        }
    }
    return c.commit();
}

double cpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

void run(storage::Database &db, const char *label, int cap)
{
    AssignStore store(db);
    store.setLoadCap(cap, nullptr);
    SystemClock clock;
    // The phases on their own (read only) ...
    QElapsedTimer t;
    t.start();
    std::vector<Rep> reps;
    OrgNames names;
    QString error;
    store.loadReps(clock.now(), 180, &reps, &names, &error);
    const double facts = ms(t);
    t.restart();
    std::vector<StoredLead> leads;
    store.loadUnassignedLeads(&leads, &error);
    const double loadLeads = ms(t);
    t.restart();
    Assigner assigner(reps, store.options(clock.now(), 7), names);
    int chosen = 0;
    for (const StoredLead &l : leads)
        chosen += assigner.assign(l.facts).rep >= 0;
    const double decide = ms(t);
    // ... then the real thing end to end, including the write.
    t.restart();
    const double cpu0 = cpuMs();
    const BulkResult r = store.assignUnassigned(clock, QStringLiteral("bench"), 7);
    const double total = ms(t);
    const double cpu = cpuMs() - cpu0;
    std::printf("%-28s cap %5d: %6d leads, %6d assigned, %6d left unassigned; end to end %7.1f ms wall, %.1f ms CPU"
                " (facts %.1f ms for %d reps, leads %.1f ms, decide %.1f ms)%s\n",
                label, cap, r.requested, int(r.changes.size()), int(r.notAssigned.size()), total, cpu, facts,
                int(reps.size()), loadLeads, decide, r.ok ? "" : qPrintable(QStringLiteral(" ERROR ") + r.error));
    if (!r.reasons.isEmpty())
        std::printf("    first reason: %s\n", qPrintable(r.reasons.first()));
    Q_UNUSED(chosen);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.size() > 2 ? args.at(2).toInt() : 10000;
    QTemporaryDir dir(QStringLiteral("/tmp/bench_assign-XXXXXX"));
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    QElapsedTimer setup;
    setup.start();
    if (args.size() > 1 && !args.at(1).isEmpty()) {
        if (!QFile::copy(args.at(1), path)) {
            std::fprintf(stderr, "cannot copy %s\n", qPrintable(args.at(1)));
            return 2;
        }
        std::printf("database: copy of %s\n", qPrintable(args.at(1)));
    } else {
        demo::Options o;
        o.scale = demo::Scale::Small;
        o.seed = 42;
        o.asOf = QDate(2026, 11, 22);
        const auto g = demo::generate(path, o);
        if (!g.ok) {
            std::fprintf(stderr, "demo generation failed: %s\n", qPrintable(g.error));
            return 2;
        }
        std::printf("database: small demo generated (seed 42)\n");
    }
    storage::Database db;
    const auto opened = db.open(path, storage::Database::Mode::OpenExisting, storage::Database::Check::Deferred);
    if (!opened.ok()) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(opened.message));
        return 2;
    }
    db.allowWrites(); // a file generated just now: the benchmark times the work, not the check
    QString error;
    if (!addNewLeads(db, count, &error)) {
        std::fprintf(stderr, "cannot add leads: %s\n", qPrintable(error));
        return 2;
    }
    std::printf("setup (copy/generate, migrate, add %d new leads): %.1f s\n", count, double(setup.elapsed()) / 1000);
    {
        QSqlQuery plan(db.connection());
        plan.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT owner_id, sum(status = 'open'), sum(assigned_at >= 'x'),"
                                 " max(assigned_at), sum(status = 'won' AND closed_at >= 'y') FROM leads INDEXED BY idx_leads_assign"
                                 " WHERE deleted = 0 AND owner_id IS NOT NULL GROUP BY owner_id"));
        while (plan.next())
            std::printf("facts query plan: %s\n", qPrintable(plan.value(3).toString()));
    }
    run(db, "configured cap (default 8)", kDefaultLoadCap);
    run(db, "cap raised", 1000);
    return 0;
}
