// The child process tst_syncpushkill kills with SIGKILL: one sync round (pull, push, pull again
// when anything was pushed) of a file against a server, as `sales-cockpit sync` runs it, in
// small push batches so a kill lands between or inside many server transactions.
// Usage: pushchild FILE postgresql://LOGIN@HOST:PORT/DB BATCH (password from PGPASSWORD).
#include "storage/database.h"
#include "sync/pgconnection.h"
#include "sync/syncpull.h"
#include "sync/syncpush.h"

#include <QCoreApplication>

#include <cstdio>

using namespace cockpit;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: pushchild FILE URL BATCH\n");
        return 2;
    }
    sync::ServerAddress address;
    QString why;
    if (!sync::ServerAddress::fromUrl(args.at(2), &address, &why)) {
        std::fprintf(stderr, "%s\n", qPrintable(why));
        return 2;
    }
    sync::PgError e;
    auto server = sync::PgConnection::open(address, &e);
    storage::Database db;
    db.setLockWait(10000);
    if (!server || !db.open(args.at(1), storage::Database::Mode::CreateIfMissing).ok()) {
        std::fprintf(stderr, "cannot open: %s\n", qPrintable(e.message));
        return 1;
    }
    sync::PullReport pulled;
    sync::PushOptions options;
    options.batchSize = args.at(3).toInt();
    sync::PushReport pushed;
    if (!sync::pullFromServer(*server, db.handle(), {}, &pulled, &e)) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message));
        return 1;
    }
    std::printf("pushing\n"); // the test times its kills from here
    std::fflush(stdout);
    if (!sync::pushToServer(*server, db.handle(), options, &pushed, &e)
        || (pushed.total() > 0 && !sync::pullFromServer(*server, db.handle(), {}, &pulled, &e))) {
        std::fprintf(stderr, "%s\n", qPrintable(e.message));
        return 1;
    }
    std::printf("pushed %lld\n", pushed.pushed);
    return 0;
}
