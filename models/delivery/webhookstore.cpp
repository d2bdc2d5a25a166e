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

QSqlDatabase WebhookStore::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

namespace {

Webhook fromQuery(const QSqlQuery &q)
{
    Webhook h;
    h.id = q.value(0).toString();
    h.teamId = q.value(1).toString();
    h.kind = q.value(2).toString();
    h.name = q.value(3).toString();
    h.url = q.value(4).toString();
    h.secret = q.value(5).toString();
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
    WebhookValidation v = validateWebhook(hook);
    if (!v.ok())
        return v;
    const bool insert = hook.id.isEmpty();
    const QString id = insert ? newId() : hook.id;
    QSqlQuery q(db());
    q.prepare(insert ? QStringLiteral("INSERT INTO webhooks (team_id, kind, name, url, secret, enabled, created_at, id)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                     : QStringLiteral("UPDATE webhooks SET team_id = ?, kind = ?, name = ?, url = ?, secret = ?,"
                                      " enabled = ? WHERE id = ?"));
    q.addBindValue(hook.teamId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(hook.teamId));
    q.addBindValue(text(hook.kind));
    q.addBindValue(text(hook.name));
    q.addBindValue(text(hook.url));
    q.addBindValue(text(hook.secret));
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
