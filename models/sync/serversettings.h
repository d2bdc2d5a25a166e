#pragma once
// Where the desktop remembers its team server (SYNC.md "Credentials"): host, port, database,
// login, TLS mode and sync interval in QSettings under "server/…"; the password never (it is
// in the OS keychain under keychainKey(), or asked for each session). And the local copy a
// server's rows are pulled into: a file of its own in the app's data folder, beside (never
// instead of) the demo file.
#include "sync/pgconnection.h"

class QSettings;

namespace cockpit::sync {

struct ServerSettings
{
    ServerAddress address; // password always empty here
    int intervalMinutes = 5;
    bool connected = false; // Connect pressed (and not Disconnect): the app syncs file
    QString file;           // the local copy of a connected server

    static ServerSettings load(const QSettings &settings);
    // Writes every field but the password (address.password is ignored).
    void save(QSettings &settings) const;
};

// The keychain entry of a server's password: user@host:port/db.
inline QString keychainKey(const ServerAddress &address) { return address.display(); }

// The local copy of `address` in `dataDir`: "server-<user>@<host>-<port>-<db>.db", every
// character a file name may not hold replaced.
QString serverFilePath(const ServerAddress &address, const QString &dataDir);

} // namespace cockpit::sync
