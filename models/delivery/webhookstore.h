#pragma once
// Reads and writes the local `webhooks` table. Saving validates first; a refused save changes
// nothing. Local only (never synced), so no outbox rows. The table never holds a robot's URL
// token or signing secret: save() writes what is shown (Webhook::urlShown, hasSecret), and the
// secrets go to the OS keychain through WebhookSecrets, which callers use to save.
#include "delivery/webhook.h"

#include <QList>
#include <QString>

class QSqlDatabase;

#include <optional>

namespace cockpit::storage {
class Database;
}

namespace cockpit::delivery {

class WebhookStore
{
public:
    explicit WebhookStore(QSqlDatabase db);
    explicit WebhookStore(storage::Database &db); // its main connection

    // Every webhook, ordered by team, kind, name.
    QList<Webhook> all() const;
    std::optional<Webhook> find(const QString &id) const;
    // Inserts (empty id: a new id and created_at are assigned into hook) or updates. Returns
    // the validation (its errors explain a refusal; a database failure is added as an error).
    // An id that is not in the table yet is inserted with that id. The caller has put the URL
    // and secret in the keychain first (WebhookSecrets::save).
    WebhookValidation save(Webhook &hook, const QString &nowIso);
    // Removes the webhook; its queued deliveries that were not sent are cancelled (kept, so
    // the alert's delivery history stays readable).
    bool remove(const QString &id, QString *error = nullptr);
    // Team names for the settings table: (id, name) of every team, ordered by name.
    QList<std::pair<QString, QString>> teams() const;

    QString connectionName() const;

private:
    QSqlDatabase db() const; // the connection named m_connection
    QString m_connection;
};

} // namespace cockpit::delivery
