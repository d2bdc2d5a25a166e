// Fifty desktops against one team server (issue 12, "Scale"): a throwaway PostgreSQL on
// loopback with the micro demo company, and N desktops (threads, each its own SQLite file,
// connection and client id, logged in as the demo's logins in turn), each editing leads of its
// region and syncing (push, then pull) for S seconds. Then every desktop syncs until its outbox
// is empty and pulls once more, and the bench checks and prints:
//   - exactly once: each desktop's edits (outbox entries written) = the operations the server
//     claimed for its client id (cockpit.applied_ops), none missing, none twice;
//   - convergence: per desktop, the (uuid, row_version) of leads, customers and activities in
//     its file = what the server shows its login (row-level security on), compared as checksums;
//   - edits per second, pull and push latency p50/p95, conflicts recorded, the server's CPU
//     seconds (postmaster and its backends, from /proc).
// Usage: bench_syncfleet [desktops=50] [seconds=120]. Exit 1 when a check fails.
#include "pgcluster.h"
#include "serverfixture.h"
#include "storage/database.h"
#include "storage/leadrepository.h"
#include "storage/outbox.h"
#include "sync/pgconnection.h"
#include "sync/syncpull.h"
#include "sync/syncpush.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <cstdio>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

using namespace cockpit;
using namespace cockpit::tests;

namespace {

const QString kPassword = QStringLiteral("fleet-pw-1234");
const QString kDatabase = QStringLiteral("fleet");
const QStringList kTables = {QStringLiteral("leads"), QStringLiteral("customers"), QStringLiteral("activities")};

struct Desktop
{
    int index = 0;
    QString login;
    QString file;
    QString clientId;
    qint64 edits = 0;
    qint64 conflicts = 0;
    std::vector<double> pullMs;
    std::vector<double> pushMs;
    QString error;
    QMap<QString, QByteArray> localSums;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[at];
}

QString uuidText(const QByteArray &b)
{
    if (b.size() != 16)
        return QString::fromLatin1(b);
    const QByteArray h = b.toHex();
    return QString::fromLatin1(h.mid(0, 8) + '-' + h.mid(8, 4) + '-' + h.mid(12, 4) + '-' + h.mid(16, 4) + '-' + h.mid(20));
}

// md5 over "uuid:row_version\n" lines sorted by uuid, of the table's live rows in the file.
QByteArray localSum(sqlite3 *db, const QString &table)
{
    QStringList lines;
    sqlite3_stmt *st = nullptr;
    const QByteArray sql = QStringLiteral("SELECT uuid, row_version FROM %1 WHERE deleted = 0").arg(table).toUtf8();
    if (sqlite3_prepare_v2(db, sql.constData(), -1, &st, nullptr) != SQLITE_OK)
        return QByteArray("error: ") + sqlite3_errmsg(db);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const QByteArray u(static_cast<const char *>(sqlite3_column_blob(st, 0)), sqlite3_column_bytes(st, 0));
        lines << uuidText(u) + QLatin1Char(':') + QString::number(sqlite3_column_int64(st, 1));
    }
    sqlite3_finalize(st);
    lines.sort();
    return QCryptographicHash::hash(lines.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Md5).toHex();
}

QByteArray serverSum(sync::PgConnection &conn, const QString &table, QString *error)
{
    sync::PgError e;
    sync::PgResult rows;
    if (!conn.exec(QStringLiteral("SELECT id::text || ':' || row_version FROM cockpit.%1 WHERE NOT deleted").arg(table),
                   {}, &rows, &e)) {
        *error = e.message;
        return {};
    }
    QStringList lines;
    for (int r = 0; r < rows.rows(); ++r)
        lines << rows.text(r, 0);
    lines.sort();
    return QCryptographicHash::hash(lines.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Md5).toHex();
}

// CPU seconds of the cluster: the postmaster's own and reaped children's, plus live children's.
double serverCpuSeconds(qint64 postmaster)
{
    const double tick = double(sysconf(_SC_CLK_TCK));
    auto fields = [](qint64 pid) {
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            return QList<QByteArray>();
        const QByteArray s = f.readAll();
        return s.mid(s.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
    };
    double total = 0;
    const auto pm = fields(postmaster);
    if (pm.size() > 14)
        total += (pm[11].toDouble() + pm[12].toDouble() + pm[13].toDouble() + pm[14].toDouble()) / tick;
    const auto entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &e : entries) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (!ok || pid == postmaster)
            continue;
        const auto f = fields(pid);
        if (f.size() > 12 && f[1].toLongLong() == postmaster)
            total += (f[11].toDouble() + f[12].toDouble()) / tick;
    }
    return total;
}

bool syncOnce(sync::PgConnection &conn, storage::Database &db, Desktop &d)
{
    sync::PgError error;
    QElapsedTimer t;
    t.start();
    sync::PushReport push;
    if (!sync::pushToServer(conn, db.handle(), sync::PushOptions{}, &push, &error)) {
        d.error = QStringLiteral("push: ") + error.message;
        return false;
    }
    d.pushMs.push_back(t.nsecsElapsed() / 1e6);
    d.conflicts += push.conflicts + push.refused;
    t.restart();
    sync::PullReport pull;
    if (!sync::pullFromServer(conn, db.handle(), sync::PullOptions{}, &pull, &error)) {
        d.error = QStringLiteral("pull: ") + error.message;
        return false;
    }
    d.pullMs.push_back(t.nsecsElapsed() / 1e6);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int desktops = argc > 1 ? std::max(1, atoi(argv[1])) : 50;
    const int seconds = argc > 2 ? std::max(1, atoi(argv[2])) : 120;

    PgCluster cluster;
    QString error;
    if (PgCluster::binDir().isEmpty()) {
        std::fprintf(stderr, "PostgreSQL is not installed\n");
        return 1;
    }
    if (!cluster.start(&error)) {
        std::fprintf(stderr, "cluster: %s\n", qPrintable(error));
        return 1;
    }
    DemoServer demo;
    if (!provisionDemoServer(cluster, kDatabase, kPassword, &demo, &error)) {
        std::fprintf(stderr, "provision: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    std::vector<Desktop> fleet(static_cast<size_t>(desktops));
    for (int i = 0; i < desktops; ++i) {
        fleet[size_t(i)].index = i;
        fleet[size_t(i)].login = demo.logins.at(i % demo.logins.size()).first;
        fleet[size_t(i)].file = dir.filePath(QStringLiteral("desk%1.db").arg(i));
    }
    std::printf("server: micro demo, %lld rows, %lld logins; %d desktops for %d s\n", qlonglong(demo.rows),
                qlonglong(demo.logins.size()), desktops, seconds);

    std::atomic<bool> stop{false};
    std::barrier firstPulled(desktops + 1);
    std::barrier drained(desktops);
    std::barrier finalPulled(desktops);
    std::atomic<qint64> postmasterPid{0};
    std::vector<std::thread> threads;
    QElapsedTimer wall;
    for (Desktop &d : fleet) {
        threads.emplace_back([&, pd = &d] {
            Desktop &d = *pd;
            sync::PgError e;
            auto conn = sync::PgConnection::open(cluster.as(d.login, kPassword, kDatabase), &e);
            if (conn && postmasterPid.load() == 0) {
                sync::PgResult rows;
                if (conn->exec(QStringLiteral("SELECT pg_backend_pid()"), {}, &rows, &e) && rows.rows() == 1) {
                    // The backend's parent is the postmaster.
                    QFile f(QStringLiteral("/proc/%1/stat").arg(rows.text(0, 0)));
                    if (f.open(QIODevice::ReadOnly)) {
                        const QByteArray s = f.readAll();
                        postmasterPid = s.mid(s.lastIndexOf(')') + 2).split(' ').value(1).toLongLong();
                    }
                }
            }
            storage::Database db;
            bool ok = conn != nullptr;
            if (!ok)
                d.error = QStringLiteral("connect: ") + e.message;
            if (ok) {
                const auto opened = db.open(d.file, storage::Database::Mode::CreateIfMissing);
                ok = opened.ok();
                if (!ok)
                    d.error = QStringLiteral("open: ") + opened.message;
            }
            sync::PullReport first;
            if (ok && !sync::pullFromServer(*conn, db.handle(), sync::PullOptions{}, &first, &e)) {
                ok = false;
                d.error = QStringLiteral("first pull: ") + e.message;
            }
            if (ok)
                d.clientId = sync::syncClientId(db.handle());
            firstPulled.arrive_and_wait();
            std::mt19937 rng(uint32_t(1000 + d.index));
            QStringList leads;
            if (ok) {
                QSqlQuery q(db.connection());
                q.exec(QStringLiteral("SELECT id FROM leads WHERE deleted = 0"));
                while (q.next())
                    leads << q.value(0).toString();
            }
            storage::LeadRepository repo(db);
            while (ok && !stop.load() && !leads.isEmpty()) {
                const int n = 1 + int(rng() % 3);
                for (int k = 0; k < n; ++k) {
                    const QString lead = leads.at(int(rng() % uint32_t(leads.size())));
                    QVariantMap change;
                    if (rng() % 2)
                        change.insert(QStringLiteral("title"), QStringLiteral("d%1 e%2").arg(d.index).arg(d.edits));
                    else
                        change.insert(QStringLiteral("amount_cents"), qint64(100000 + rng() % 900000) * 100);
                    const auto w = repo.update(lead, change, {});
                    if (w.ok)
                        ++d.edits;
                }
                ok = syncOnce(*conn, db, d);
                std::this_thread::sleep_for(std::chrono::milliseconds(500 + rng() % 1000));
            }
            // Drain: push until the outbox is empty, then (after everyone has) pull once more.
            for (int round = 0; ok && round < 20 && storage::pendingOutboxCount(db.connection()) > 0; ++round)
                ok = syncOnce(*conn, db, d);
            drained.arrive_and_wait();
            if (ok)
                ok = syncOnce(*conn, db, d);
            finalPulled.arrive_and_wait();
            if (ok)
                for (const QString &t : kTables)
                    d.localSums.insert(t, localSum(db.handle(), t));
        });
    }
    firstPulled.arrive_and_wait();
    std::printf("first pulls done\n");
    const double cpu0 = serverCpuSeconds(postmasterPid.load());
    wall.start();
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    stop = true;
    const double editSeconds = wall.nsecsElapsed() / 1e9;
    for (auto &t : threads)
        t.join();
    const double cpu1 = serverCpuSeconds(postmasterPid.load());

    // Checks against the server, as each login (RLS on) and as the administrator (claims).
    int failures = 0;
    sync::PgError e;
    auto admin = sync::PgConnection::open(cluster.admin(kDatabase), &e);
    if (!admin) {
        std::fprintf(stderr, "admin: %s\n", qPrintable(e.message));
        return 1;
    }
    qint64 edits = 0, conflicts = 0;
    std::vector<double> pulls, pushes;
    QMap<QString, QMap<QString, QByteArray>> serverSums; // login → table → sum
    for (Desktop &d : fleet) {
        edits += d.edits;
        conflicts += d.conflicts;
        pulls.insert(pulls.end(), d.pullMs.begin(), d.pullMs.end());
        pushes.insert(pushes.end(), d.pushMs.begin(), d.pushMs.end());
        if (!d.error.isEmpty()) {
            std::printf("desktop %d (%s): %s\n", d.index, qPrintable(d.login), qPrintable(d.error));
            ++failures;
            continue;
        }
        sync::PgResult claimed;
        const qint64 n = admin->exec(QStringLiteral("SELECT count(*) FROM cockpit.applied_ops WHERE client_id = $1::uuid"),
                                     {d.clientId}, &claimed, &e)
                             ? claimed.toLongLong(0, 0)
                             : -1;
        if (n != d.edits) {
            std::printf("desktop %d: %lld edits, %lld claimed on the server\n", d.index, qlonglong(d.edits), qlonglong(n));
            ++failures;
        }
        if (!serverSums.contains(d.login)) {
            auto conn = sync::PgConnection::open(cluster.as(d.login, kPassword, kDatabase), &e);
            for (const QString &t : kTables)
                serverSums[d.login].insert(t, conn ? serverSum(*conn, t, &error) : QByteArray());
        }
        for (const QString &t : kTables)
            if (d.localSums.value(t) != serverSums[d.login].value(t)) {
                std::printf("desktop %d (%s): %s differs from the server\n", d.index, qPrintable(d.login), qPrintable(t));
                ++failures;
            }
    }
    std::printf("edits: %lld in %.1f s = %.1f edits/s; conflicts recorded: %lld\n", qlonglong(edits), editSeconds,
                double(edits) / editSeconds, qlonglong(conflicts));
    std::printf("pull latency: p50 %.0f ms, p95 %.0f ms (%zu pulls); push: p50 %.0f ms, p95 %.0f ms\n",
                percentile(pulls, 0.5), percentile(pulls, 0.95), pulls.size(), percentile(pushes, 0.5),
                percentile(pushes, 0.95));
    std::printf("server CPU: %.1f s over %.1f s of run = %.0f %% of one core\n", cpu1 - cpu0,
                wall.nsecsElapsed() / 1e9, 100.0 * (cpu1 - cpu0) / (wall.nsecsElapsed() / 1e9));
    std::printf("%s: every edit exactly once, every desktop converged\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
