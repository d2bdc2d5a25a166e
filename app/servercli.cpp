// `sales-cockpit server init|add-user|users|upgrade` (issue 12): provisions a team server on a
// PostgreSQL the company runs. The administrator's password comes from PGPASSWORD or
// ~/.pgpass (libpq reads them); the logins' password from --password-file. No password is
// ever printed. Every subcommand is idempotent and says when it changed nothing.
#include "cli.h"

#include "demo/demogenerator.h"
#include "sync/pgconnection.h"
#include "sync/servercompanycopy.h"
#include "sync/serverprovisioner.h"
#include "sync/serverschema.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

namespace cockpit::app {

namespace {

void printOut(const QString &text)
{
    std::fprintf(stdout, "%s\n", text.toLocal8Bit().constData());
}

int fail(const QString &command, const QString &message, int code = 1)
{
    printError(QStringLiteral("server %1: %2").arg(command, message));
    return code;
}

// The administrator's connection; with `createDatabase`, a missing database is created first
// (connected to the cluster's "postgres" database as the same administrator).
std::unique_ptr<sync::PgConnection> connectAdmin(const QCommandLineParser &parser, const QString &command,
                                                 bool createDatabase, QStringList *changes, int *code)
{
    *code = 2;
    if (!parser.isSet(QStringLiteral("server"))) {
        fail(command, QStringLiteral("--server postgresql://ADMIN@HOST:PORT/DB is required"), 2);
        return nullptr;
    }
    sync::ServerAddress address;
    QString why;
    if (!sync::ServerAddress::fromUrl(parser.value(QStringLiteral("server")), &address, &why)) {
        fail(command, why, 2);
        return nullptr;
    }
    *code = 1;
    sync::PgError error;
    auto conn = sync::PgConnection::open(address, &error);
    if (!conn && createDatabase && error.kind == sync::PgError::Kind::NoDatabase) {
        sync::ServerAddress cluster = address;
        cluster.database = QStringLiteral("postgres");
        auto maintenance = sync::PgConnection::open(cluster, &error);
        if (maintenance) {
            if (!maintenance->exec(QStringLiteral("CREATE DATABASE %1").arg(maintenance->quoteIdentifier(address.database)),
                                   &error)) {
                fail(command, error.message);
                return nullptr;
            }
            changes->append(QStringLiteral("created the database %1").arg(address.database));
            conn = sync::PgConnection::open(address, &error);
        }
    }
    if (!conn) {
        fail(command, error.message);
        return nullptr;
    }
    if (!sync::checkAdministrator(*conn, &error)) {
        fail(command, error.message);
        return nullptr;
    }
    return conn;
}

bool readPasswordFile(const QCommandLineParser &parser, QByteArray *password, QString *error)
{
    if (!parser.isSet(QStringLiteral("password-file")))
        return true;
    QFile f(parser.value(QStringLiteral("password-file")));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("--password-file %1: %2").arg(f.fileName(), f.errorString());
        return false;
    }
    *password = f.readLine().trimmed();
    if (password->isEmpty()) {
        *error = QStringLiteral("--password-file %1: the first line (the password) is empty").arg(f.fileName());
        return false;
    }
    return true;
}

void printSchemaReport(const sync::UpgradeReport &r, QStringList *changes)
{
    if (!r.rolesCreated.isEmpty())
        changes->append(QStringLiteral("created the roles %1").arg(r.rolesCreated.join(QStringLiteral(", "))));
    if (!r.applied.isEmpty())
        changes->append(QStringLiteral("schema version %1 -> %2 (%3)").arg(r.from).arg(r.to).arg(r.applied.join(QStringLiteral(", "))));
}

int finish(const QString &command, const QStringList &changes, const QString &address)
{
    if (changes.isEmpty()) {
        printOut(QStringLiteral("server %1: %2 is already as asked; nothing changed.").arg(command, address));
        return 0;
    }
    for (const QString &c : changes)
        printOut(QStringLiteral("  %1").arg(c));
    printOut(QStringLiteral("server %1: %2 done (%3 change(s)).").arg(command, address).arg(changes.size()));
    return 0;
}

int runServerInit(const QCommandLineParser &parser)
{
    const QString cmd = QStringLiteral("init");
    std::optional<demo::Scale> scale;
    if (parser.isSet(QStringLiteral("demo"))) {
        scale = demo::scaleFromString(parser.value(QStringLiteral("demo")));
        if (!scale)
            return fail(cmd, QStringLiteral("--demo must be micro, tiny, small or large, not \"%1\"").arg(parser.value(QStringLiteral("demo"))), 2);
    }
    QByteArray password;
    QString why;
    if (!readPasswordFile(parser, &password, &why))
        return fail(cmd, why, 2);
    QStringList changes;
    int code = 0;
    auto admin = connectAdmin(parser, cmd, true, &changes, &code);
    if (!admin)
        return code;
    const QString where = admin->address().display();
    sync::UpgradeReport schema;
    sync::PgError error;
    if (!sync::upgradeServerSchema(*admin, &schema, &error))
        return fail(cmd, error.message);
    printSchemaReport(schema, &changes);
    if (!scale)
        return finish(cmd, changes, where);

    sync::PgResult held;
    if (!admin->exec(QStringLiteral("SELECT count(*) FROM cockpit.regions"), {}, &held, &error))
        return fail(cmd, error.message);
    if (held.toLongLong(0, 0) > 0) {
        printOut(QStringLiteral("  the server already holds a company (%1 regions); the demo is not loaded again").arg(held.text(0, 0)));
    } else {
        QTemporaryDir dir;
        if (!dir.isValid())
            return fail(cmd, QStringLiteral("no temporary folder: %1").arg(dir.errorString()));
        const QString file = dir.filePath(QStringLiteral("demo.db"));
        demo::Options options;
        options.scale = *scale;
        QElapsedTimer timer;
        timer.start();
        const auto generated = demo::generate(file, options);
        if (!generated.ok)
            return fail(cmd, QStringLiteral("the demo company could not be generated: %1").arg(generated.error));
        const qint64 generateMs = timer.elapsed();
        sync::CompanyCopyReport copied;
        if (!sync::copyCompanyToServer(*admin, file, &copied, &error))
            return fail(cmd, error.message);
        for (int i = 0; i < copied.rows.size(); ++i)
            printOut(QStringLiteral("  %1 %2 rows %3 s").arg(copied.rows[i].first, -24).arg(copied.rows[i].second, 9)
                         .arg(double(copied.tableMs.value(i)) / 1000.0, 6, 'f', 2));
        printOut(QStringLiteral("  %1 %2 s (the references checked, the commit)").arg(QStringLiteral("commit"), -39)
                     .arg(double(copied.commitMs) / 1000.0, 6, 'f', 2));
        printOut(QStringLiteral("  %1 %2 s (statistics, hint bits)").arg(QStringLiteral("vacuum (analyze)"), -39)
                     .arg(double(copied.vacuumMs) / 1000.0, 6, 'f', 2));
        changes << QStringLiteral("loaded the %1 demo company: %2 rows in %3 s (generated in %4 s, copied in %5 s)")
                       .arg(demo::scaleToString(*scale))
                       .arg(copied.total)
                       .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                       .arg(double(generateMs) / 1000.0, 0, 'f', 1)
                       .arg(double(copied.elapsedMs) / 1000.0, 0, 'f', 1);
    }
    QList<QPair<QString, QString>> plan;
    if (!sync::demoLoginPlan(*admin, &plan, &error))
        return fail(cmd, error.message);
    for (const auto &[login, userId] : std::as_const(plan)) {
        sync::AddLoginResult added;
        if (!sync::addLogin(*admin, login, userId, password, &added, &error))
            return fail(cmd, error.message);
        changes << added.changes;
    }
    if (password.isEmpty() && !plan.isEmpty())
        printOut(QStringLiteral("  no --password-file: the logins have no password and cannot log in until one is set "
                                "(server add-user --login LOGIN --user USER --password-file FILE)"));
    return finish(cmd, changes, where);
}

int runServerAddUser(const QCommandLineParser &parser)
{
    const QString cmd = QStringLiteral("add-user");
    const QString login = parser.value(QStringLiteral("login"));
    const QString user = parser.value(QStringLiteral("user"));
    if (login.isEmpty() || user.isEmpty())
        return fail(cmd, QStringLiteral("--login NAME and --user NAME_OR_ID are required"), 2);
    QByteArray password;
    QString why;
    if (!readPasswordFile(parser, &password, &why))
        return fail(cmd, why, 2);
    QStringList changes;
    int code = 0;
    auto admin = connectAdmin(parser, cmd, false, &changes, &code);
    if (!admin)
        return code;
    sync::PgError error;
    if (!sync::checkServerSchema(*admin, &error))
        return fail(cmd, error.message);
    sync::AddLoginResult added;
    if (!sync::addLogin(*admin, login, user, password, &added, &error))
        return fail(cmd, error.message);
    return finish(cmd, added.changes, admin->address().display());
}

int runServerUsers(const QCommandLineParser &parser)
{
    const QString cmd = QStringLiteral("users");
    const QString format = parser.isSet(QStringLiteral("format")) ? parser.value(QStringLiteral("format")) : QStringLiteral("table");
    if (format != QLatin1String("table") && format != QLatin1String("csv"))
        return fail(cmd, QStringLiteral("--format must be table or csv, not \"%1\"").arg(format), 2);
    QStringList changes;
    int code = 0;
    auto admin = connectAdmin(parser, cmd, false, &changes, &code);
    if (!admin)
        return code;
    sync::PgError error;
    QList<sync::ServerLogin> logins;
    if (!sync::checkServerSchema(*admin, &error) || !sync::listLogins(*admin, &logins, &error))
        return fail(cmd, error.message);
    auto csv = [](QString v) {
        if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')))
            v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return v;
    };
    const QStringList header = {QStringLiteral("login"), QStringLiteral("user"), QStringLiteral("user_id"),
                                QStringLiteral("role"), QStringLiteral("region")};
    QList<QStringList> rows;
    for (const auto &l : std::as_const(logins))
        rows.append({l.login, l.userName, l.userId, l.director ? QStringLiteral("director") : l.role,
                     l.director ? QStringLiteral("(all)") : l.regionName});
    if (format == QLatin1String("csv")) {
        printOut(header.join(QLatin1Char(',')));
        for (const QStringList &r : std::as_const(rows)) {
            QStringList cells;
            for (const QString &c : r)
                cells << csv(c);
            printOut(cells.join(QLatin1Char(',')));
        }
        return 0;
    }
    QList<int> widths;
    for (int c = 0; c < header.size(); ++c) {
        int w = displayWidth(header[c]);
        for (const QStringList &r : std::as_const(rows))
            w = qMax(w, displayWidth(r[c]));
        widths << w;
    }
    auto line = [&](const QStringList &r) {
        QStringList cells;
        for (int c = 0; c < r.size(); ++c)
            cells << padded(r[c], widths[c]);
        printOut(cells.join(QStringLiteral("  ")).trimmed());
    };
    line(header);
    for (const QStringList &r : std::as_const(rows))
        line(r);
    printOut(QStringLiteral("%1 login(s) on %2").arg(rows.size()).arg(admin->address().display()));
    return 0;
}

int runServerUpgrade(const QCommandLineParser &parser)
{
    const QString cmd = QStringLiteral("upgrade");
    QStringList changes;
    int code = 0;
    auto admin = connectAdmin(parser, cmd, false, &changes, &code);
    if (!admin)
        return code;
    sync::UpgradeReport report;
    sync::PgError error;
    if (!sync::upgradeServerSchema(*admin, &report, &error))
        return fail(cmd, error.message);
    printSchemaReport(report, &changes);
    if (changes.isEmpty())
        printOut(QStringLiteral("  schema version %1, the newest this build knows").arg(report.to));
    return finish(cmd, changes, admin->address().display());
}

// `server prune-history --older-than DAYS`: removes the column history (004_history.sql)
// recorded more than DAYS ago. Pushes based on a row_version before what it removed become
// conflicts instead of merges, so DAYS is how long a desktop may stay offline and still merge.
int runServerPruneHistory(const QCommandLineParser &parser)
{
    const QString cmd = QStringLiteral("prune-history");
    bool ok = false;
    const int days = parser.value(QStringLiteral("older-than")).toInt(&ok);
    if (!parser.isSet(QStringLiteral("older-than")) || !ok || days < 0)
        return fail(cmd, QStringLiteral("--older-than DAYS (a whole number of days, 0 or more) is required"), 2);
    QStringList changes;
    int code = 0;
    auto admin = connectAdmin(parser, cmd, false, &changes, &code);
    if (!admin)
        return code;
    sync::PgError error;
    sync::ServerSchemaState state;
    if (!sync::readServerSchema(*admin, &state, &error))
        return fail(cmd, error.message);
    if (state.version < 4)
        return fail(cmd, QStringLiteral("the server's schema (version %1) has no pruning yet: run server upgrade first")
                             .arg(state.version));
    sync::PgResult r;
    if (!admin->exec(QStringLiteral("BEGIN"), &error) || !admin->exec(QStringLiteral("SET LOCAL ROLE cockpit_owner"), &error)
        || !admin->exec(QStringLiteral("SELECT cockpit.prune_column_history(make_interval(days => $1::int))"), {days}, &r, &error)
        || !admin->exec(QStringLiteral("COMMIT"), &error)) {
        sync::PgError ignored;
        admin->exec(QStringLiteral("ROLLBACK"), &ignored);
        return fail(cmd, error.message);
    }
    const qint64 removed = r.toLongLong(0, 0);
    sync::PgResult after; // the statement above saw the table as it was before the function ran
    if (!admin->exec(QStringLiteral("SELECT coalesce((SELECT below FROM cockpit.column_history_pruned), 0), "
                                    "(SELECT count(*) FROM cockpit.column_history)"),
                     {}, &after, &error))
        return fail(cmd, error.message);
    if (removed > 0)
        changes << QStringLiteral("removed %1 column-history entries recorded more than %2 day(s) ago; %3 kept; edits based "
                                  "on row_version %4 or older now become conflicts instead of merges")
                       .arg(removed)
                       .arg(days)
                       .arg(after.toLongLong(0, 1))
                       .arg(after.toLongLong(0, 0));
    return finish(cmd, changes, admin->address().display());
}

} // namespace

int runServer(const QCommandLineParser &parser)
{
    const QString sub = parser.positionalArguments().value(1);
    if (sub == QLatin1String("init"))
        return runServerInit(parser);
    if (sub == QLatin1String("add-user"))
        return runServerAddUser(parser);
    if (sub == QLatin1String("users"))
        return runServerUsers(parser);
    if (sub == QLatin1String("upgrade"))
        return runServerUpgrade(parser);
    if (sub == QLatin1String("prune-history"))
        return runServerPruneHistory(parser);
    printError(QStringLiteral("server: say init, add-user, users, upgrade or prune-history (not \"%1\"); see --help").arg(sub));
    return 2;
}

} // namespace cockpit::app
