#pragma once
// A robot's URL and signing secret in the OS keychain (issue 12: "the webhook secrets move to
// the keychain"), under "webhook/<id>" as {"url": …, "secret": …}. The database file keeps
// only what the settings table shows (WebhookStore). Every call is asynchronous: the callback
// runs later on `context`'s thread, never if `context` is gone.
#include "delivery/webhook.h"

#include <QByteArray>
#include <QObject>
class QSqlDatabase;

namespace cockpit::storage {
class Database;
}

#include <functional>

namespace cockpit::delivery {

class WebhookStore;

QString webhookSecretKey(const QString &webhookId); // "webhook/<id>"
QByteArray webhookSecretsJson(const Webhook &hook);  // {"secret":…,"url":…}
// Fills hook->url and hook->secret from webhookSecretsJson's bytes; false when they are not that.
bool readWebhookSecrets(const QByteArray &json, Webhook *hook);

class WebhookSecrets
{
public:
    // Validates, puts the URL and secret in the keychain, then writes the row (a new webhook gets
    // its id first). `done(validation, saved)`: a keychain failure is an error of the validation
    // and nothing was written; no secret service means no save (never plain text).
    static void save(WebhookStore &store, const Webhook &hook, const QString &nowIso, QObject *context,
                     std::function<void(const WebhookValidation &, const Webhook &)> done);
    // The webhook with url and secret filled (a row in clear is returned as it is).
    // `done(hook, error)`: error empty on success.
    static void load(const Webhook &hook, QObject *context, std::function<void(const Webhook &, const QString &)> done);
    // Removes the keychain entry of a webhook whose row was removed.
    static void forget(const QString &webhookId, QObject *context, std::function<void(const QString &error)> done);
    // Moves every webhook an older version stored in clear into the keychain, each row rewritten
    // only after its secrets are stored. `done(moved, error)`: error names the first failure;
    // the rows not moved stay as they were and are tried again at the next start.
    static void migrate(QSqlDatabase db, QObject *context, std::function<void(int moved, const QString &error)> done);
    static void migrate(storage::Database &db, QObject *context, std::function<void(int moved, const QString &error)> done);
};

} // namespace cockpit::delivery
