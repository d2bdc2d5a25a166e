#pragma once
// One class over QtKeychain (SYNC.md "Credentials"): every secret of the app goes through it.
// - Asynchronous: a job on the heap, `finished` connected before start(), the callback run on
//   the caller's thread; the UI thread never waits for a keychain.
// - setInsecureFallback(false): with no secret service running there is an error, never a
//   plain-text file.
// - Service "sales-cockpit"; keys are the caller's ("webhook/<id>", later "user@host:port/db").
#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace cockpit::secrets {

enum class Status {
    Ok,
    NotFound,    // no entry under the key
    NoKeychain,  // no secret service (or it refused access): nothing was stored anywhere
    Failed,      // any other keychain error
};

struct Result
{
    Status status = Status::Failed;
    QByteArray data;  // read: the secret
    QString error;    // a sentence for the user when status is not Ok
    bool ok() const { return status == Status::Ok; }
};

using Callback = std::function<void(const Result &)>;

class Keychain
{
public:
    static QString service(); // "sales-cockpit" (COCKPIT_KEYCHAIN_SERVICE overrides it in tests)

    // Each calls `done` once, later, on `context`'s thread (never if context is destroyed first).
    static void read(const QString &key, QObject *context, Callback done);
    static void write(const QString &key, const QByteArray &secret, QObject *context, Callback done);
    static void remove(const QString &key, QObject *context, Callback done); // NotFound is Ok

    // The same, waiting in a local event loop: for the command line and worker threads only.
    // Refused (Failed, with a message) on the thread of a QGuiApplication.
    static Result readNow(const QString &key);
    static Result writeNow(const QString &key, const QByteArray &secret);
    static Result removeNow(const QString &key);
};

} // namespace cockpit::secrets
