#include "secrets/keychain.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QThread>
#include <QTimer>

namespace cockpit::secrets {

namespace {

Result resultOf(QKeychain::Job *job, bool reading)
{
    Result r;
    switch (job->error()) {
    case QKeychain::NoError:
        r.status = Status::Ok;
        if (reading)
            r.data = static_cast<QKeychain::ReadPasswordJob *>(job)->binaryData();
        return r;
    case QKeychain::EntryNotFound:
        r.status = Status::NotFound;
        r.error = QCoreApplication::translate("cockpit::secrets", "The system keychain has no entry \"%1\".")
                      .arg(job->key());
        return r;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        r.status = Status::NoKeychain;
        r.error = QCoreApplication::translate(
                      "cockpit::secrets",
                      "The system keychain is not available (%1). Start a secret service such as GNOME Keyring or "
                      "KWallet and try again; nothing was saved in plain text.")
                      .arg(job->errorString());
        return r;
    default:
        r.status = Status::Failed;
        r.error = QCoreApplication::translate("cockpit::secrets", "The system keychain failed: %1").arg(job->errorString());
        return r;
    }
}

template <typename JobT>
JobT *makeJob(const QString &key)
{
    auto *job = new JobT(Keychain::service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // no secret service: an error, never a plain-text file
    job->setKey(key);
    return job;
}

void run(QKeychain::Job *job, bool reading, bool deleting, QObject *context, Callback done)
{
    // Connected before start() (SYNC.md): a job that fails at once still reports.
    QObject::connect(job, &QKeychain::Job::finished, context, [reading, deleting, done = std::move(done)](QKeychain::Job *j) {
        Result r = resultOf(j, reading);
        if (deleting && r.status == Status::NotFound)
            r = Result{Status::Ok, {}, {}};
        done(r);
    });
    job->start();
}

Result waitFor(const std::function<void(QObject *, Callback)> &start)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (app && app->inherits("QGuiApplication") && QThread::currentThread() == app->thread())
        return Result{Status::Failed, {},
                      QStringLiteral("Keychain::*Now called on the GUI thread; use the asynchronous call")};
    QEventLoop loop;
    Result out{Status::Failed, {}, QCoreApplication::translate("cockpit::secrets", "The system keychain did not answer in time.")};
    bool finished = false;
    QObject context;
    start(&context, [&](const Result &r) {
        out = r;
        finished = true;
        loop.quit();
    });
    if (!finished) {
        QTimer::singleShot(60000, &loop, &QEventLoop::quit); // a locked keychain may ask the user first
        loop.exec();
    }
    return out;
}

} // namespace

QString Keychain::service()
{
    const QString overridden = qEnvironmentVariable("COCKPIT_KEYCHAIN_SERVICE");
    return overridden.isEmpty() ? QStringLiteral("sales-cockpit") : overridden;
}

void Keychain::read(const QString &key, QObject *context, Callback done)
{
    run(makeJob<QKeychain::ReadPasswordJob>(key), true, false, context, std::move(done));
}

void Keychain::write(const QString &key, const QByteArray &secret, QObject *context, Callback done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(key);
    job->setBinaryData(secret);
    run(job, false, false, context, std::move(done));
}

void Keychain::remove(const QString &key, QObject *context, Callback done)
{
    run(makeJob<QKeychain::DeletePasswordJob>(key), false, true, context, std::move(done));
}

Result Keychain::readNow(const QString &key)
{
    return waitFor([&](QObject *c, Callback d) { read(key, c, std::move(d)); });
}

Result Keychain::writeNow(const QString &key, const QByteArray &secret)
{
    return waitFor([&](QObject *c, Callback d) { write(key, secret, c, std::move(d)); });
}

Result Keychain::removeNow(const QString &key)
{
    return waitFor([&](QObject *c, Callback d) { remove(key, c, std::move(d)); });
}

} // namespace cockpit::secrets
