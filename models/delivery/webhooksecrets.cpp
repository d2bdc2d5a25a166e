#include "delivery/webhooksecrets.h"

#include "delivery/webhookstore.h"
#include "domain/ids.h"
#include "secrets/keychain.h"
#include "storage/database.h"

#include <QSqlDatabase>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSqlQuery>

#include <memory>

namespace cockpit::delivery {

QString webhookSecretKey(const QString &webhookId)
{
    return QStringLiteral("webhook/") + webhookId;
}

QByteArray webhookSecretsJson(const Webhook &hook)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("url"), hook.url.trimmed()}, {QStringLiteral("secret"), hook.secret}})
        .toJson(QJsonDocument::Compact);
}

bool readWebhookSecrets(const QByteArray &json, Webhook *hook)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject() || !doc.object().value(QStringLiteral("url")).isString())
        return false;
    hook->url = doc.object().value(QStringLiteral("url")).toString();
    hook->secret = doc.object().value(QStringLiteral("secret")).toString();
    return true;
}

void WebhookSecrets::save(WebhookStore &store, const Webhook &given, const QString &nowIso, QObject *context,
                          std::function<void(const WebhookValidation &, const Webhook &)> done)
{
    Webhook hook = given;
    hook.url = hook.url.trimmed();
    hook.name = hook.name.trimmed();
    const WebhookValidation checked = validateWebhook(hook);
    if (!checked.ok()) {
        done(checked, given);
        return;
    }
    if (hook.id.isEmpty())
        hook.id = newId();
    const QString connection = store.connectionName();
    secrets::Keychain::write(webhookSecretKey(hook.id), webhookSecretsJson(hook), context,
                             [hook, nowIso, connection, given, done](const secrets::Result &r) mutable {
                                 if (!r.ok()) {
                                     WebhookValidation v;
                                     v.errors << QCoreApplication::translate("cockpit::delivery",
                                                                             "The webhook was not saved: %1")
                                                     .arg(r.error);
                                     done(v, given);
                                     return;
                                 }
                                 WebhookStore store(QSqlDatabase::database(connection, false));
                                 const WebhookValidation v = store.save(hook, nowIso);
                                 done(v, v.ok() ? hook : given);
                             });
}

void WebhookSecrets::load(const Webhook &hook, QObject *context, std::function<void(const Webhook &, const QString &)> done)
{
    if (!hook.secretsInKeychain) {
        done(hook, {});
        return;
    }
    secrets::Keychain::read(webhookSecretKey(hook.id), context, [hook, done](const secrets::Result &r) {
        Webhook filled = hook;
        if (!r.ok()) {
            done(hook, QCoreApplication::translate("cockpit::delivery", "the robot's URL could not be read: %1").arg(r.error));
            return;
        }
        if (!readWebhookSecrets(r.data, &filled)) {
            done(hook, QCoreApplication::translate("cockpit::delivery",
                                                   "the keychain entry \"%1\" does not hold a robot's URL; edit the webhook "
                                                   "and enter it again")
                           .arg(webhookSecretKey(hook.id)));
            return;
        }
        done(filled, {});
    });
}

void WebhookSecrets::forget(const QString &webhookId, QObject *context, std::function<void(const QString &)> done)
{
    secrets::Keychain::remove(webhookSecretKey(webhookId), context,
                              [done](const secrets::Result &r) { done(r.ok() ? QString() : r.error); });
}

namespace {

// The migration's progress, shared by the keychain callbacks: one row at a time.
struct Migration
{
    QString connection;
    QList<Webhook> rows;
    int next = 0, moved = 0;
    std::function<void(int, const QString &)> done;
};

void finishMigration(const std::shared_ptr<Migration> &m, const QString &error)
{
    QSqlDatabase conn = QSqlDatabase::database(m->connection, false);
    QSqlQuery(conn).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    QSqlQuery(conn).exec(QStringLiteral("PRAGMA secure_delete = OFF"));
    m->done(m->moved, error);
}

void migrateNext(const std::shared_ptr<Migration> &m, const QPointer<QObject> &context)
{
    if (!context)
        return; // the context is gone: the rest waits for the next start
    if (m->next >= m->rows.size()) {
        finishMigration(m, {});
        return;
    }
    const Webhook hook = m->rows.at(m->next++);
    secrets::Keychain::write(webhookSecretKey(hook.id), webhookSecretsJson(hook), context.data(),
                             [m, hook, context](const secrets::Result &r) {
                                 if (!r.ok()) {
                                     finishMigration(m, r.error);
                                     return;
                                 }
                                 Webhook h = hook;
                                 WebhookStore store(QSqlDatabase::database(m->connection, false));
                                 const WebhookValidation v = store.save(h, h.createdAt);
                                 if (!v.ok()) {
                                     finishMigration(m, v.errors.join(QLatin1Char(' ')));
                                     return;
                                 }
                                 ++m->moved;
                                 migrateNext(m, context);
                             });
}

} // namespace

void WebhookSecrets::migrate(QSqlDatabase db, QObject *context, std::function<void(int, const QString &)> done)
{
    auto m = std::make_shared<Migration>();
    for (const Webhook &h : WebhookStore(db).all())
        if (!h.secretsInKeychain)
            m->rows.append(h);
    if (m->rows.isEmpty()) {
        done(0, {});
        return;
    }
    m->connection = db.connectionName();
    m->done = std::move(done);
    // The clear text must not stay behind in free space of the file or in old WAL frames: the
    // rows are rewritten with secure_delete on, and the WAL is checkpointed and truncated after.
    QSqlQuery(db).exec(QStringLiteral("PRAGMA secure_delete = ON"));
    migrateNext(m, QPointer<QObject>(context));
}

void WebhookSecrets::migrate(storage::Database &db, QObject *context, std::function<void(int, const QString &)> done)
{
    migrate(db.connection(), context, std::move(done));
}

} // namespace cockpit::delivery
