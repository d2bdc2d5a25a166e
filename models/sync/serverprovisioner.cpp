#include "sync/serverprovisioner.h"

#include <QRegularExpression>
#include <QUuid>

namespace cockpit::sync {

namespace {

bool refuse(PgError *error, const QString &message, PgError::Kind kind = PgError::Kind::Other)
{
    if (error) {
        error->kind = kind;
        error->message = message;
    }
    return false;
}

// True when `login` can connect with `password` already (so setting it again changes nothing).
bool passwordWorks(const ServerAddress &adminAddress, const QString &login, const QByteArray &password)
{
    ServerAddress a = adminAddress;
    a.user = login;
    a.password = QString::fromUtf8(password);
    PgError ignored;
    return PgConnection::open(a, &ignored) != nullptr;
}

} // namespace

bool addLogin(PgConnection &admin, const QString &login, const QString &user, const QByteArray &password,
              AddLoginResult *result, PgError *error)
{
    *result = {};
    static const QRegularExpression validName(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (!validName.match(login).hasMatch() || login.startsWith(QLatin1String("pg_"))
        || login.startsWith(QLatin1String("cockpit_")))
        return refuse(error, Server::tr("\"%1\" cannot be a login: use lower-case letters, digits and _ (not starting "
                                        "with a digit, pg_ or cockpit_), at most 63 characters.").arg(login));
    PgError e;
    PgResult users;
    const bool byId = !QUuid::fromString(user).isNull();
    if (!admin.exec(byId ? QStringLiteral("SELECT id, name, role, region_id FROM cockpit.users WHERE id = $1::uuid AND NOT deleted")
                         : QStringLiteral("SELECT id, name, role, region_id FROM cockpit.users WHERE name = $1 AND NOT deleted ORDER BY id"),
                    {user}, &users, error))
        return false;
    if (users.rows() == 0)
        return refuse(error, Server::tr("The team server %1 has no user \"%2\" (give a user's name or UUID; `server "
                                        "users` lists the logins, the org's people are in the cockpit's Team view).")
                                 .arg(admin.address().display(), user));
    if (users.rows() > 1) {
        QStringList ids;
        for (int i = 0; i < users.rows(); ++i)
            ids << users.text(i, 0);
        return refuse(error, Server::tr("%1 users are called \"%2\"; give one's UUID instead: %3")
                                 .arg(users.rows())
                                 .arg(user, ids.join(QStringLiteral(", "))));
    }
    result->userId = users.text(0, 0);
    result->userName = users.text(0, 1);
    const bool director = users.text(0, 2) == QLatin1String("director");
    const QVariant region = users.isNull(0, 3) ? QVariant() : QVariant(users.text(0, 3));
    const QString quoted = admin.quoteIdentifier(login);

    auto fail = [&](const PgError &err) {
        admin.exec(QStringLiteral("ROLLBACK"), nullptr);
        if (error)
            *error = err;
        return false;
    };
    if (!admin.exec(QStringLiteral("BEGIN"), &e))
        return fail(e);
    PgResult role;
    if (!admin.exec(QStringLiteral("SELECT rolsuper, rolbypassrls, rolcanlogin, pg_has_role(oid, 'cockpit_app', 'MEMBER') "
                                   "FROM pg_roles WHERE rolname = $1"),
                    {login}, &role, &e))
        return fail(e);
    bool existed = role.rows() == 1;
    if (existed && (role.toBool(0, 0) || role.toBool(0, 1))) {
        e.kind = PgError::Kind::NoRights;
        e.message = Server::tr("The role %1 on %2 is a superuser or bypasses row-level security: a desktop must never "
                               "connect as such a role. Choose another login name.").arg(login, admin.address().display());
        return fail(e);
    }
    if (!existed) {
        if (!admin.exec(QStringLiteral("CREATE ROLE %1 LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE IN ROLE cockpit_app")
                            .arg(quoted), &e))
            return fail(e);
        result->created = true;
        result->changes << Server::tr("created the login %1").arg(login);
    } else {
        if (!role.toBool(0, 2)) {
            if (!admin.exec(QStringLiteral("ALTER ROLE %1 LOGIN").arg(quoted), &e))
                return fail(e);
            result->changes << Server::tr("allowed %1 to log in").arg(login);
        }
        if (!role.toBool(0, 3)) {
            if (!admin.exec(QStringLiteral("GRANT cockpit_app TO %1").arg(quoted), &e))
                return fail(e);
            result->changes << Server::tr("made %1 a member of cockpit_app").arg(login);
        }
    }
    PgResult member;
    if (!admin.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                                   "JOIN pg_roles r ON r.oid = m.member WHERE g.rolname = 'cockpit_director' AND r.rolname = $1)"),
                    {login}, &member, &e))
        return fail(e);
    if (member.toBool(0, 0) != director) {
        if (!admin.exec(QString::fromLatin1(director ? "GRANT cockpit_director TO %1" : "REVOKE cockpit_director FROM %1").arg(quoted), &e))
            return fail(e);
        result->changes << (director ? Server::tr("made %1 a director (every region)").arg(login)
                                     : Server::tr("%1 is no longer a director").arg(login));
    }
    if (!password.isEmpty() && (!existed || !passwordWorks(admin.address(), login, password))) {
        const QByteArray verifier = admin.scramVerifier(login, password, &e);
        if (verifier.isEmpty())
            return fail(e);
        // A literal, not a parameter (ALTER ROLE takes none); the verifier's alphabet (base64,
        // $, :) needs no escaping beyond quotes, and it is not the password.
        if (!admin.exec(QStringLiteral("ALTER ROLE %1 PASSWORD '%2'").arg(quoted, QString::fromLatin1(verifier)), &e))
            return fail(e);
        result->changes << Server::tr("set the password of %1").arg(login);
    }
    PgResult mapped;
    if (!admin.exec(QStringLiteral("SELECT user_id, region_id FROM cockpit.logins WHERE login = $1"), {login}, &mapped, &e))
        return fail(e);
    if (mapped.rows() == 0 || mapped.text(0, 0) != result->userId || mapped.text(0, 1) != region.toString()) {
        if (!admin.exec(QStringLiteral("INSERT INTO cockpit.logins (login, user_id, region_id) VALUES ($1, $2, $3) "
                                       "ON CONFLICT (login) DO UPDATE SET user_id = EXCLUDED.user_id, region_id = EXCLUDED.region_id"),
                        {login, result->userId, region}, nullptr, &e))
            return fail(e);
        result->changes << Server::tr("mapped %1 to %2 (%3)").arg(login, result->userName, result->userId);
    }
    // The user's row names its login too, so desktops learn it with the next pull.
    PgResult stamped;
    if (!admin.exec(QStringLiteral("UPDATE cockpit.users SET db_role = $1 WHERE id = $2 AND db_role <> $1"),
                    {login, result->userId}, &stamped, &e))
        return fail(e);
    if (!admin.exec(QStringLiteral("COMMIT"), &e))
        return fail(e);
    return true;
}

bool listLogins(PgConnection &admin, QList<ServerLogin> *logins, PgError *error)
{
    logins->clear();
    PgResult r;
    if (!admin.exec(QStringLiteral("SELECT l.login, l.user_id, u.name, u.role, r.name, "
                                   "pg_has_role(l.login, 'cockpit_director', 'MEMBER') "
                                   "FROM cockpit.logins l JOIN pg_roles pr ON pr.rolname = l.login "
                                   "LEFT JOIN cockpit.users u ON u.id = l.user_id "
                                   "LEFT JOIN cockpit.regions r ON r.id = l.region_id ORDER BY l.login"),
                    {}, &r, error))
        return false;
    for (int i = 0; i < r.rows(); ++i)
        logins->append({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.toBool(i, 5)});
    return true;
}

bool demoLoginPlan(PgConnection &admin, QList<QPair<QString, QString>> *plan, PgError *error)
{
    plan->clear();
    PgResult r;
    if (!admin.exec(QStringLiteral("SELECT u.id, u.role, lower(regexp_replace(coalesce(g.code, ''), '[^A-Za-z0-9]', '', 'g')) "
                                   "FROM cockpit.users u LEFT JOIN cockpit.regions g ON g.id = u.region_id "
                                   "WHERE NOT u.deleted AND u.left_date IS NULL AND (u.role = 'director' OR "
                                   "(u.role = 'regional_manager' AND u.region_id IS NOT NULL)) "
                                   "ORDER BY u.role, g.code, u.hire_date, u.id"),
                    {}, &r, error))
        return false;
    QHash<QString, int> used;
    for (int i = 0; i < r.rows(); ++i) {
        QString base = r.text(i, 1) == QLatin1String("director") ? QStringLiteral("director")
                                                                  : QStringLiteral("manager_") + r.text(i, 2);
        const int n = ++used[base];
        plan->append({n == 1 ? base : QStringLiteral("%1_%2").arg(base).arg(n), r.text(i, 0)});
    }
    return true;
}

} // namespace cockpit::sync
