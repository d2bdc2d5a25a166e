#pragma once
// Logins of a team server (`sales-cockpit server add-user|users`, and the demo's logins at
// `server init --demo`): a login role per person, mapped to a user of the org in
// cockpit.logins. Each login is LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE, a
// member of cockpit_app, and of cockpit_director when its user is the director; its region is
// its user's. Everything here is idempotent: run twice, the second run changes nothing and
// says so.
#include "sync/pgconnection.h"

#include <QList>
#include <QPair>
#include <QStringList>

namespace cockpit::sync {

struct ServerLogin
{
    QString login;
    QString userId;
    QString userName;
    QString role;       // the org user's role (director, regional_manager …)
    QString regionName; // empty for a director (every region)
    bool director = false;
};

struct AddLoginResult
{
    bool created = false;
    QStringList changes; // what this run changed, in words; empty when nothing
    QString userId;
    QString userName;
};

// Creates or updates `login` for the org user named or identified (UUID) by `user`. A
// non-empty `password` becomes the login's (as a SCRAM verifier); an existing login whose
// password already is `password` keeps it. Refuses a login name that is a superuser or
// bypasses row-level security, and a user name two users share.
bool addLogin(PgConnection &admin, const QString &login, const QString &user, const QByteArray &password,
              AddLoginResult *result, PgError *error);
bool listLogins(PgConnection &admin, QList<ServerLogin> *logins, PgError *error);

// The demo's logins: "director" for the director, "manager_<region code>" for each regional
// manager (a second one in a region gets "_2" …), as (login, user UUID).
bool demoLoginPlan(PgConnection &admin, QList<QPair<QString, QString>> *plan, PgError *error);

} // namespace cockpit::sync
