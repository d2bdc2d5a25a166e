// Figures for the activity log's chain anchored on the team server (sync/syncchain.h): a
// throwaway PostgreSQL provisioned with `server init --demo SCALE`, then, each as a child
// process of APP timed from outside:
//   - the director's first sync (pull, the pulled records chained, the whole log anchored);
//   - LINKS new stage moves chained in the file (no outbox entries: the chain alone), then the
//     sync that anchors them; its own line gives the chain push's time;
//   - verify-log --server of the file.
// Usage: bench_syncchain APP [micro|tiny|small|large] [LINKS=10000]. Prints figures; never
// fails on timing. Run APP = an older build to compare the first sync without the chain.
#include "pgcluster.h"
#include "serverfixture.h"
#include "storage/activitylog.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

using namespace cockpit;

namespace {

struct Child
{
    int code = -1;
    double seconds = 0;
    QString out;
};

Child run(const QStringList &args, const QHash<QString, QString> &env)
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer t;
    t.start();
    p.start(args.first(), args.mid(1));
    p.waitForFinished(-1);
    return Child{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, t.nsecsElapsed() / 1e9,
                 QString::fromUtf8(p.readAll())};
}

void say(const QString &line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

// `n` stage moves of the first lead, chained as the app chains them, in one transaction.
bool chainStageMoves(const QString &path, int n, QString *error)
{
    storage::Database db;
    const auto opened = db.open(path, storage::Database::Mode::OpenExisting);
    if (!opened.ok()) {
        *error = opened.message;
        return false;
    }
    QSqlDatabase c = db.connection();
    if (!c.transaction())
        return false;
    QSqlQuery q(c);
    for (int i = 0; i < n; ++i) {
        if (!q.exec(QStringLiteral("INSERT INTO stage_history (lead_id, from_stage_id, to_stage_id, at, reason, updated_at) "
                                   "SELECT id, stage_id, stage_id, %1, 'bench move %2', %1 FROM leads ORDER BY id LIMIT 1")
                        .arg(1764900000 + i).arg(i))
            || !storage::appendToLog(c, storage::LogRecordKind::StageMove, q.lastInsertId().toString(), error)) {
            c.rollback();
            return false;
        }
    }
    return c.commit();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication qapp(argc, argv);
    const QStringList a = qapp.arguments();
    if (a.size() < 2) {
        std::fprintf(stderr, "usage: bench_syncchain APP [micro|tiny|small|large] [LINKS]\n");
        return 2;
    }
    const QString app = a.at(1);
    const QString scale = a.size() > 2 ? a.at(2) : QStringLiteral("small");
    const int links = a.size() > 3 ? a.at(3).toInt() : 10000;
    if (tests::PgCluster::binDir().isEmpty()) {
        say(QStringLiteral("skipped: PostgreSQL is not installed"));
        return 0;
    }
    QTemporaryDir dir;
    tests::PgCluster cluster;
    QString error;
    const QString db = QStringLiteral("bench");
    if (!cluster.start(&error) || !tests::createDatabase(cluster, db, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QString password = QStringLiteral("bench-pw-1234");
    QFile pw(dir.filePath(QStringLiteral("pw")));
    if (!pw.open(QIODevice::WriteOnly))
        return 1;
    pw.write(password.toUtf8() + '\n');
    pw.close();
    const QString url = QStringLiteral("postgresql://%1@127.0.0.1:%2/%3?sslmode=disable");
    const Child init = run({app, QStringLiteral("server"), QStringLiteral("init"), QStringLiteral("--server"),
                            url.arg(QStringLiteral("postgres")).arg(cluster.port()).arg(db), QStringLiteral("--demo"), scale,
                            QStringLiteral("--password-file"), pw.fileName()},
                           {{QStringLiteral("PGPASSWORD"), cluster.superPassword()}});
    if (init.code != 0) {
        std::fprintf(stderr, "server init failed:\n%s\n", qPrintable(init.out));
        return 1;
    }
    say(QStringLiteral("server init --demo %1: %2 s").arg(scale).arg(init.seconds, 0, 'f', 1));
    const QString director = url.arg(QStringLiteral("director")).arg(cluster.port()).arg(db);
    const QHash<QString, QString> env{{QStringLiteral("PGPASSWORD"), password}};
    const QString file = dir.filePath(QStringLiteral("director.db"));
    auto sync = [&](const QString &what) {
        const Child c = run({app, QStringLiteral("sync"), QStringLiteral("--db"), file, QStringLiteral("--server"), director}, env);
        say(QStringLiteral("%1: exit %2, %3 s").arg(what).arg(c.code).arg(c.seconds, 0, 'f', 2));
        for (const QString &line : c.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (line.startsWith(QLatin1String("pulled")) || line.contains(QLatin1String("activity log")))
                say(QStringLiteral("  ") + line);
        return c.code == 0;
    };
    if (!sync(QStringLiteral("first sync of the director (everything)")))
        return 1;
    if (!chainStageMoves(file, links, &error)) {
        std::fprintf(stderr, "chaining %d moves: %s\n", links, qPrintable(error));
        return 1;
    }
    if (!sync(QStringLiteral("sync after %1 new records in the log").arg(links)))
        return 1;
    const Child v = run({app, QStringLiteral("verify-log"), QStringLiteral("--db"), file, QStringLiteral("--server"), director}, env);
    say(QStringLiteral("verify-log --server: exit %1, %2 s").arg(v.code).arg(v.seconds, 0, 'f', 2));
    for (const QString &line : v.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        say(QStringLiteral("  ") + line.left(160));
    return 0;
}
