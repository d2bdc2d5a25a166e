// `verify-log --db FILE --server URL` (issue 12): the head the team server anchored for the
// file's chain (sync/syncchain.h) against the file's own. The file alone cannot show a cut tail
// whose head was rolled back with it; the server's copy of the head can.
#include "cli.h"

#include "storage/logchain.h"
#include "sync/pgconnection.h"
#include "sync/serverschema.h"
#include "sync/syncchain.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace cockpit::app {

namespace {
void printLine(const QString &text)
{
    std::fprintf(stdout, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stdout);
}
} // namespace

int readServerAnchor(const QCommandLineParser &parser, const QString &path, ServerAnchorCheck *check)
{
    *check = {};
    sync::ServerAddress address;
    QString why;
    if (!sync::ServerAddress::fromUrl(parser.value(QStringLiteral("server")), &address, &why)) {
        printError(QStringLiteral("verify-log: ") + why);
        return 2;
    }
    check->server = address.display();
    check->login = address.user;
    if (!QFileInfo::exists(path)) {
        printError(QStringLiteral("verify-log: \"%1\" does not exist").arg(path));
        return 2;
    }
    storage::Database db;
    const auto opened = db.open(path, storage::Database::Mode::ReadOnly);
    if (!opened.ok()) {
        printError(QStringLiteral("verify-log: ") + opened.message);
        return 2;
    }
    check->clientId = sync::storedClientId(db.handle());
    if (check->clientId.isEmpty())
        return 0; // never synced: nothing can be anchored
    // The password as `sync` gets it: PGPASSWORD or ~/.pgpass (libpq reads them).
    sync::PgError error;
    auto conn = sync::PgConnection::open(address, &error);
    if (!conn || !sync::checkServerSchema(*conn, &error) || !sync::readChainAnchor(*conn, check->clientId, &check->anchor, &error)) {
        printError(QStringLiteral("verify-log: ") + error.message);
        return 2;
    }
    storage::LogHead head;
    if (!storage::logchain::readHead(db.handle(), &head, &why)) {
        printError(QStringLiteral("verify-log: %1: %2").arg(path, why));
        return 2;
    }
    check->fileHead = head.seq;
    if (check->anchor.seq >= 0 && head.seq >= check->anchor.seq
        && !storage::logchain::readLinks(db.handle(), check->anchor.seq, check->anchor.seq, [&](const storage::logchain::LogLink &l) {
               check->fileHash = l.hash;
               return true;
           }, &why))
        check->fileError = why;
    return 0;
}

int reportServerAnchor(const ServerAnchorCheck &check)
{
    if (check.clientId.isEmpty()) {
        printLine(QStringLiteral("not anchored yet: this file never synced with a team server (sync it to anchor its log on %1)")
                      .arg(check.server));
        return 0;
    }
    const qint64 held = check.anchor.seq;
    if (held < 0) {
        printLine(QStringLiteral("not anchored yet: the server %1 holds no chain for this file (client id %2) that the login %3 "
                                 "may see; the next sync anchors it (or another login anchored it: verify as that login or "
                                 "the director)")
                      .arg(check.server, check.clientId, check.login));
        return 0;
    }
    if (check.fileHead < held) {
        printLine(QStringLiteral("log NOT intact: the file ends at record #%1 but the server %2 holds links up to #%3: the log "
                                 "was cut (and its head rolled back)")
                      .arg(check.fileHead)
                      .arg(check.server)
                      .arg(held));
        return 1;
    }
    if (!check.fileError.isEmpty() || check.fileHash != check.anchor.hash) {
        printLine(QStringLiteral("log NOT intact: record #%1 differs from the link the server %2 anchored (file %3, server %4): "
                                 "the chain was rewritten")
                      .arg(held)
                      .arg(check.server)
                      .arg(check.fileError.isEmpty() ? QString::fromLatin1(check.fileHash.toHex()) : check.fileError,
                           QString::fromLatin1(check.anchor.hash.toHex())));
        return 1;
    }
    printLine(QStringLiteral("anchored: the server %1 holds this file's chain up to record #%2, and the file matches it%3")
                  .arg(check.server)
                  .arg(held)
                  .arg(check.fileHead > held ? QStringLiteral(" (records #%1 to #%2 are not anchored yet: the next sync sends them)")
                                                   .arg(held + 1)
                                                   .arg(check.fileHead)
                                             : QString()));
    return 0;
}

} // namespace cockpit::app
