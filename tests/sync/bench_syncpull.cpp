// Pull figures of issue 12 "Scale": a throwaway PostgreSQL provisioned with a demo company
// (`server init --demo large`), then, each as a child process whose wall time and peak RSS
// are measured (wait4):
//   - the first pull of the 华东 manager's region and of everything (the director), by COPY,
//     and the same pulls in pages of the change feed (COCKPIT_SYNC_FIRST_PULL=paged);
//   - the baseline: psql \copy of the same tables as that login (RLS applies) to CSV plus the
//     sqlite3 shell's .import of those files into a new file: into tables .import creates
//     (no types, keys or indexes), and into the same schema (the server's tables, then the
//     pulled file's indexes on their columns);
//   - an incremental pull of 1 000 leads changed on the server.
// Usage: bench_syncpull APP [large|small|tiny] [paged-director]. Prints figures; never fails on timing.
#include "pgcluster.h"
#include "serverfixture.h"
#include "sync/pgconnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

using namespace cockpit;

namespace {

struct Child
{
    int code = -1;
    double seconds = 0;
    long peakKb = 0;
    QByteArray out;
};

// Runs `args` with `env` added, stdout (and stderr) to a file; wall time and peak RSS.
Child run(const QStringList &args, const QHash<QString, QString> &env, const QString &outFile, const QString &stdinFile = {})
{
    Child c;
    QElapsedTimer t;
    t.start();
    const pid_t pid = fork();
    if (pid == 0) {
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            setenv(it.key().toUtf8().constData(), it.value().toUtf8().constData(), 1);
        if (!freopen(outFile.toLocal8Bit().constData(), "w", stdout))
            _exit(126);
        dup2(fileno(stdout), fileno(stderr));
        if (!stdinFile.isEmpty() && !freopen(stdinFile.toLocal8Bit().constData(), "r", stdin))
            _exit(126);
        std::vector<QByteArray> storage;
        std::vector<char *> argv;
        for (const QString &a : args)
            storage.push_back(a.toLocal8Bit());
        for (auto &s : storage)
            argv.push_back(s.data());
        argv.push_back(nullptr);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    c.seconds = t.nsecsElapsed() / 1e9;
    c.peakKb = usage.ru_maxrss;
    c.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    QFile f(outFile);
    if (f.open(QIODevice::ReadOnly))
        c.out = f.readAll();
    return c;
}

void say(const QString &line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

QString rowsOf(const QByteArray &out)
{
    static const QRegularExpression re(QStringLiteral("(\\d+) row\\(s\\) applied"));
    const auto m = re.match(QString::fromUtf8(out));
    return m.hasMatch() ? m.captured(1) : QStringLiteral("?");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication qapp(argc, argv);
    const QStringList a = qapp.arguments();
    if (a.size() < 2) {
        std::fprintf(stderr, "usage: bench_syncpull APP [large|small|tiny] [paged-director]\n");
        return 2;
    }
    const QString app = a.at(1);
    const QString scale = a.size() > 2 ? a.at(2) : QStringLiteral("large");
    const bool pagedDirector = a.contains(QStringLiteral("paged-director"));
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
    pw.open(QIODevice::WriteOnly);
    pw.write(password.toUtf8() + '\n');
    pw.close();
    auto url = [&](const QString &login) {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3?sslmode=disable").arg(login).arg(cluster.port()).arg(db);
    };
    const QString log = dir.filePath(QStringLiteral("out.txt"));
    const Child init = run({app, QStringLiteral("server"), QStringLiteral("init"), QStringLiteral("--server"), url(QStringLiteral("postgres")),
                            QStringLiteral("--demo"), scale, QStringLiteral("--password-file"), pw.fileName()},
                           {{QStringLiteral("PGPASSWORD"), cluster.superPassword()}}, log);
    if (init.code != 0) {
        std::fprintf(stderr, "server init failed:\n%s\n", init.out.constData());
        return 1;
    }
    say(QStringLiteral("server init --demo %1: %2 s").arg(scale).arg(init.seconds, 0, 'f', 1));

    sync::PgError e;
    auto admin = sync::PgConnection::open(cluster.admin(db), &e);
    sync::PgResult logins;
    if (!admin || !admin->exec(QStringLiteral("SELECT l.login, coalesce(r.name, ''), coalesce(r.id::text, '') FROM cockpit.logins l "
                                              "LEFT JOIN cockpit.regions r ON r.id = l.region_id "
                                              "WHERE r.name = '华东' OR l.region_id IS NULL ORDER BY l.region_id NULLS LAST LIMIT 2"),
                               {}, &logins, &e)
        || logins.rows() != 2) {
        std::fprintf(stderr, "no 华东 manager and director login: %s\n", qPrintable(e.message));
        return 1;
    }
    sync::PgResult tables;
    admin->exec(QStringLiteral("SELECT name FROM cockpit.synced_tables ORDER BY position"), {}, &tables, &e);
    sync::PgResult columns;
    admin->exec(QStringLiteral("SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'cockpit' "
                               "ORDER BY table_name, ordinal_position"),
                {}, &columns, &e);
    const QHash<QString, QString> env{{QStringLiteral("PGPASSWORD"), password}, {QStringLiteral("MALLOC_ARENA_MAX"), QStringLiteral("2")}};
    const QString psql = QStringLiteral("psql"), sqlite = QStringLiteral("sqlite3");

    for (int l = 0; l < 2; ++l) {
        const QString login = logins.text(l, 0);
        const QString who = logins.text(l, 1).isEmpty() ? QStringLiteral("director (everything)") : logins.text(l, 1) + QStringLiteral(" manager");
        // Baseline: psql \copy of each table to CSV, then sqlite3 .import of the files.
        const QString csvDir = dir.filePath(QStringLiteral("csv-") + login);
        QDir().mkpath(csvDir);
        QFile copyScript(dir.filePath(QStringLiteral("copy.sql")));
        QFile importScript(dir.filePath(QStringLiteral("import.sql")));
        copyScript.open(QIODevice::WriteOnly);
        importScript.open(QIODevice::WriteOnly);
        importScript.write("PRAGMA journal_mode=WAL;\n");
        for (int i = 0; i < tables.rows(); ++i) {
            const QString t = tables.text(i, 0);
            copyScript.write(QStringLiteral("\\copy (SELECT * FROM cockpit.%1) TO '%2/%1.csv' CSV HEADER\n").arg(t, csvDir).toUtf8());
            importScript.write(QStringLiteral(".import --csv %2/%1.csv %1\n").arg(t, csvDir).toUtf8());
        }
        copyScript.close();
        importScript.close();
        const Child copied = run({psql, QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                                  QString::number(cluster.port()), QStringLiteral("-U"), login, QStringLiteral("-d"), db, QStringLiteral("-v"),
                                  QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-f"), copyScript.fileName()},
                                 env, log);
        const QString baseFile = dir.filePath(QStringLiteral("base-") + login + QStringLiteral(".db"));
        const Child imported = run({sqlite, baseFile}, {}, log, importScript.fileName());
        const double baseline = copied.seconds + imported.seconds;
        say(QStringLiteral("%1: psql \\copy to CSV %2 s + sqlite3 .import %3 s = %4 s (exit %5/%6)")
                .arg(who)
                .arg(copied.seconds, 0, 'f', 2)
                .arg(imported.seconds, 0, 'f', 2)
                .arg(baseline, 0, 'f', 2)
                .arg(copied.code)
                .arg(imported.code));

        const QString file = dir.filePath(login + QStringLiteral(".db"));
        const Child first = run({app, QStringLiteral("sync"), QStringLiteral("--db"), file, QStringLiteral("--server"), url(login)}, env, log);
        say(QStringLiteral("%1: first pull by COPY %2 s, %3 rows, peak RSS %4 MB, %5× the baseline (exit %6)")
                .arg(who)
                .arg(first.seconds, 0, 'f', 2)
                .arg(rowsOf(first.out))
                .arg(first.peakKb / 1024)
                .arg(first.seconds / baseline, 0, 'f', 2)
                .arg(first.code));
        if (first.code != 0)
            say(QString::fromUtf8(first.out));
        // The same rows imported into the same schema: the synced tables as the server has
        // them (its columns, their types, primary key id), then the indexes the pulled file
        // has on those columns, built after the import as the first pull builds them. What
        // a pull must do beyond that (key mapping, the activity log) is the client's own.
        {
            QStringList synced;
            for (int i = 0; i < tables.rows(); ++i)
                synced << QLatin1Char('\'') + tables.text(i, 0) + QLatin1Char('\'');
            const Child listed = run({sqlite, file, QStringLiteral("SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                                                   "AND sql NOT LIKE '%log_seq%' AND tbl_name IN (%1)").arg(synced.join(QLatin1Char(',')))},
                                     {}, log);
            QFile schemaScript(dir.filePath(QStringLiteral("schema.sql")));
            schemaScript.open(QIODevice::WriteOnly);
            schemaScript.write("PRAGMA journal_mode=WAL;\n");
            for (int i = 0; i < tables.rows(); ++i) {
                const QString t = tables.text(i, 0);
                QStringList cols;
                for (int c = 0; c < columns.rows(); ++c) {
                    if (columns.text(c, 0) != t)
                        continue;
                    const QString type = columns.text(c, 2);
                    const QString affinity = (type == QLatin1String("bigint") || type == QLatin1String("integer") || type == QLatin1String("smallint")
                                              || type == QLatin1String("boolean"))
                        ? QStringLiteral("INTEGER")
                        : (type == QLatin1String("numeric") || type == QLatin1String("double precision") || type == QLatin1String("real"))
                        ? QStringLiteral("REAL")
                        : QStringLiteral("TEXT");
                    cols << columns.text(c, 1) + QLatin1Char(' ') + affinity + (columns.text(c, 1) == QLatin1String("id") ? QStringLiteral(" PRIMARY KEY") : QString());
                }
                schemaScript.write(QStringLiteral("CREATE TABLE %1 (%2);\n.import --csv --skip 1 %3/%1.csv %1\n").arg(t, cols.join(QStringLiteral(", ")), csvDir).toUtf8());
            }
            schemaScript.write(listed.out); // an index on a column the server's table lacks fails alone
            schemaScript.close();
            const QString sameFile = dir.filePath(QStringLiteral("same-") + login + QStringLiteral(".db"));
            const Child same = run({sqlite, sameFile}, {}, log, schemaScript.fileName());
            const int failed = int(QString::fromUtf8(same.out).count(QStringLiteral("Parse error")));
            say(QStringLiteral("%1: the same schema: psql \\copy %2 s + sqlite3 .import into the server's tables and the file's indexes %3 s = %4 s "
                               "(%5 of the file's indexes on its synced tables not built: a column the server's table lacks); the first pull %6×")
                    .arg(who)
                    .arg(copied.seconds, 0, 'f', 2)
                    .arg(same.seconds, 0, 'f', 2)
                    .arg(copied.seconds + same.seconds, 0, 'f', 2)
                    .arg(failed)
                    .arg(first.seconds / (copied.seconds + same.seconds), 0, 'f', 2));
            QFile::remove(sameFile);
        }
        if (l == 0 || pagedDirector) {
            const QString pagedFile = dir.filePath(login + QStringLiteral("-paged.db"));
            QHash<QString, QString> pagedEnv = env;
            pagedEnv.insert(QStringLiteral("COCKPIT_SYNC_FIRST_PULL"), QStringLiteral("paged"));
            const Child paged = run({app, QStringLiteral("sync"), QStringLiteral("--db"), pagedFile, QStringLiteral("--server"), url(login)}, pagedEnv, log);
            say(QStringLiteral("%1: first pull in pages of the change feed %2 s, %3 rows, peak RSS %4 MB (exit %5)")
                    .arg(who)
                    .arg(paged.seconds, 0, 'f', 2)
                    .arg(rowsOf(paged.out))
                    .arg(paged.peakKb / 1024)
                    .arg(paged.code));
            QFile::remove(pagedFile);
        }
        // Incremental: 1 000 of the login's leads changed on the server.
        const QString where = logins.text(l, 2).isEmpty() ? QStringLiteral("true") : QStringLiteral("region_id = '%1'").arg(logins.text(l, 2));
        if (!admin->exec(QStringLiteral("UPDATE cockpit.leads SET title = title || '.' WHERE id IN (SELECT id FROM cockpit.leads WHERE %1 ORDER BY id LIMIT 1000)")
                             .arg(where),
                         &e))
            say(QStringLiteral("update failed: ") + e.message);
        const Child incremental = run({app, QStringLiteral("sync"), QStringLiteral("--db"), file, QStringLiteral("--server"), url(login)}, env, log);
        static const QRegularExpression ms(QStringLiteral("(\\d+) ms"));
        const auto m = ms.match(QString::fromUtf8(incremental.out));
        say(QStringLiteral("%1: incremental pull of 1 000 changed leads: %2 ms in the pull, %3 ms the whole command, %4 rows (exit %5)")
                .arg(who, m.hasMatch() ? m.captured(1) : QStringLiteral("?"))
                .arg(qint64(incremental.seconds * 1000))
                .arg(rowsOf(incremental.out))
                .arg(incremental.code));
        QDir(csvDir).removeRecursively();
        QFile::remove(baseFile);
        QFile::remove(file);
    }
    return 0;
}
