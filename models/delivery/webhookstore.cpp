#include "delivery/webhookstore.h"

#include "domain/ids.h"
#include "domain/times.h"
#include "storage/transaction.h"

#include "storage/database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace cockpit::delivery {

WebhookStore::WebhookStore(QSqlDatabase db) : m_connection(db.connectionName()) {}

WebhookStore::WebhookStore(storage::Database &db) : WebhookStore(db.connection()) {}

QString WebhookStore::connectionName() const
{
    return m_connection;
}

QSqlDatabase WebhookStore::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

namespace {

// The url column of a webhook whose URL and secret are in the keychain: "keychain:" and the
// URL as shown; its secret column is "keychain" when the robot signs, '' when it does not.
const char *const kKeychainPrefix = "keychain:";
const char *const kSecretMark = "keychain";

Webhook fromQuery(const QSqlQuery &q)
{
    Webhook h;
    h.id = q.value(0).toString();
    h.teamId = q.value(1).toString();
    h.kind = q.value(2).toString();
    h.name = q.value(3).toString();
    const QString url = q.value(4).toString();
    const QString secret = q.value(5).toString();
    if (url.startsWith(QLatin1String(kKeychainPrefix))) {
        h.secretsInKeychain = true;
        h.urlShown = url.mid(qsizetype(qstrlen(kKeychainPrefix)));
        h.hasSecret = secret == QLatin1String(kSecretMark);
    } else { // written by an older version, in clear: WebhookSecrets::migrate moves it
        h.url = url;
        h.secret = secret;
        h.urlShown = shortWebhookUrl(url);
        h.hasSecret = !secret.isEmpty();
    }
    h.enabled = q.value(6).toInt() != 0;
    h.createdAt = times::instantIso(q.value(7));
    return h;
}

const char *const kColumns = "SELECT id, team_id, kind, name, url, secret, enabled, created_at FROM webhooks";

} // namespace

QList<Webhook> WebhookStore::all() const
{
    QList<Webhook> out;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!q.exec(QLatin1String(kColumns) + QLatin1String(" ORDER BY team_id IS NOT NULL, team_id, kind, name, created_at"))) {
        qCWarning(lcDelivery) << "reading webhooks failed:" << q.lastError().text();
        return out;
    }
    while (q.next())
        out.append(fromQuery(q));
    return out;
}

std::optional<Webhook> WebhookStore::find(const QString &id) const
{
    QSqlQuery q(db());
    q.prepare(QLatin1String(kColumns) + QLatin1String(" WHERE id = ?"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return fromQuery(q);
    return std::nullopt;
}

WebhookValidation WebhookStore::save(Webhook &hook, const QString &nowIso)
{
    hook.url = hook.url.trimmed();
    hook.name = hook.name.trimmed();
    // A webhook read from the file and changed only in team, kind, name or enabled: its URL and
    // secret stay in the keychain as they are, and so do the columns that show them.
    const bool keepSecrets = hook.secretsInKeychain && hook.url.isEmpty() && !hook.id.isEmpty() && find(hook.id);
    if (keepSecrets) {
        WebhookValidation v;
        if (webhookKindFromKey(hook.kind) == WebhookKind::Unknown)
            v.errors << QCoreApplication::translate("cockpit::delivery",
                                                    "Kind: \"%1\" is not a robot we know; choose WeCom, DingTalk or Feishu.")
                            .arg(hook.kind);
        if (!v.ok())
            return v;
        QSqlQuery q(db());
        q.prepare(QStringLiteral("UPDATE webhooks SET team_id = ?, kind = ?, name = ?, enabled = ? WHERE id = ?"));
        q.addBindValue(hook.teamId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(hook.teamId));
        q.addBindValue(text(hook.kind));
        q.addBindValue(text(hook.name));
        q.addBindValue(hook.enabled ? 1 : 0);
        q.addBindValue(hook.id);
        if (!q.exec())
            v.errors << QCoreApplication::translate("cockpit::delivery", "The webhook could not be saved: %1")
                            .arg(q.lastError().text());
        return v;
    }
    WebhookValidation v = validateWebhook(hook);
    if (!v.ok())
        return v;
    const bool insert = hook.id.isEmpty() || !find(hook.id);
    const QString id = hook.id.isEmpty() ? newId() : hook.id;
    QSqlQuery q(db());
    q.prepare(insert ? QStringLiteral("INSERT INTO webhooks (team_id, kind, name, url, secret, enabled, created_at, id)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                     : QStringLiteral("UPDATE webhooks SET team_id = ?, kind = ?, name = ?, url = ?, secret = ?,"
                                      " enabled = ? WHERE id = ?"));
    q.addBindValue(hook.teamId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(hook.teamId));
    q.addBindValue(text(hook.kind));
    q.addBindValue(text(hook.name));
    // Never the URL's token or the secret: those are the caller's to put in the keychain.
    hook.urlShown = shortWebhookUrl(hook.url);
    hook.hasSecret = !hook.secret.isEmpty();
    hook.secretsInKeychain = true;
    q.addBindValue(QString(QLatin1String(kKeychainPrefix) + hook.urlShown));
    q.addBindValue(hook.hasSecret ? QString::fromLatin1(kSecretMark) : QStringLiteral(""));
    q.addBindValue(hook.enabled ? 1 : 0);
    if (insert)
        q.addBindValue(times::instantParam(times::secsFromIso(nowIso)));
    q.addBindValue(id);
    if (!q.exec()) {
        v.errors << QCoreApplication::translate("cockpit::delivery", "The webhook could not be saved: %1")
                        .arg(q.lastError().text());
        return v;
    }
    if (insert) {
        hook.id = id;
        hook.createdAt = nowIso;
    } else if (q.numRowsAffected() == 0) {
        v.errors << QCoreApplication::translate("cockpit::delivery",
                                                "The webhook could not be saved: it was removed meanwhile.");
    }
    return v;
}

bool WebhookStore::remove(const QString &id, QString *error)
{
    storage::Transaction tx(db());
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE deliveries SET state = 'cancelled', last_error = ?"
                             " WHERE webhook_id = ? AND state IN ('pending', 'failed', 'sending')"));
    q.addBindValue(QCoreApplication::translate("cockpit::delivery", "webhook removed"));
    q.addBindValue(id);
    bool ok = q.exec();
    if (ok) {
        q.prepare(QStringLiteral("DELETE FROM webhooks WHERE id = ?"));
        q.addBindValue(id);
        ok = q.exec();
    }
    if (ok)
        ok = tx.commit();
    if (!ok && error)
        *error = q.lastError().text();
    return ok;
}

QList<std::pair<QString, QString>> WebhookStore::teams() const
{
    QList<std::pair<QString, QString>> out;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT id, name FROM teams WHERE deleted = 0 ORDER BY name")))
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

} // namespace cockpit::delivery
