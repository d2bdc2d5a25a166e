#include "delivery/deliveryqueue.h"

#include "domain/ids.h"
#include "domain/times.h"
#include "storage/transaction.h"
#include "delivery/webhookstore.h"

#include "storage/database.h"

#include <algorithm>

#include <QSqlDatabase>
#include <QLocale>
#include <QSqlError>
#include <QElapsedTimer>
#include <QSqlQuery>

namespace cockpit::delivery {

DeliveryQueue::DeliveryQueue(QSqlDatabase db) : m_connection(db.connectionName()) {}

DeliveryQueue::DeliveryQueue(storage::Database &db) : DeliveryQueue(db.connection()) {}

QSqlDatabase DeliveryQueue::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cockpit::delivery", text);
}

const char *const kColumns = "SELECT id, alert_id, channel, webhook_id, state, attempts, next_attempt_at,"
                             " last_error, created_at, delivered_at FROM deliveries";

QString shortTime(const QString &iso, const QDateTime &now, const QTimeZone &zone)
{
    const QDateTime t = fromIsoUtc(iso);
    if (!t.isValid())
        return iso;
    const QDateTime local = t.toTimeZone(zone);
    if (local.date() == now.toTimeZone(zone).date())
        return local.toString(QStringLiteral("HH:mm"));
    return local.toString(QStringLiteral("MM-dd HH:mm"));
}

} // namespace

qint64 backoffSecs(int failedAttempts)
{
    if (failedAttempts <= 0)
        return 0;
    if (failedAttempts >= 8) // 30 · 2^7 = 3 840 > 1 h
        return kMaxBackoffSecs;
    return std::min<qint64>(kMaxBackoffSecs, qint64(30) << (failedAttempts - 1));
}

QString describeDeliveries(const QList<Delivery> &rows, const QHash<QString, Webhook> &webhooks,
                           const QDateTime &now, const QTimeZone &zone)
{
    QStringList parts;
    for (const Delivery &d : rows) {
        QString label;
        bool disabled = false;
        if (d.channel == QLatin1String("desktop")) {
            label = tr("Desktop");
        } else {
            const auto hook = webhooks.constFind(d.webhookId);
            const QString kind = webhookKindLabel(webhookKindFromKey(d.channel));
            if (hook != webhooks.constEnd()) {
                label = hook->name.isEmpty() ? kind : kind + QStringLiteral(" ") + hook->name;
                disabled = !hook->enabled;
            } else {
                label = kind;
            }
        }
        QString text;
        if (d.state == QLatin1String("sent"))
            text = d.channel == QLatin1String("desktop") ? tr("notified %1").arg(shortTime(d.deliveredAt, now, zone))
                                                         : tr("sent %1").arg(shortTime(d.deliveredAt, now, zone));
        else if (d.state == QLatin1String("in_app"))
            text = tr("shown in app %1 (no system tray)").arg(shortTime(d.deliveredAt, now, zone));
        else if (d.state == QLatin1String("skipped"))
            continue; // not addressed to the signed-in user: nothing to say
        else if (d.state == QLatin1String("cancelled"))
            text = tr("cancelled (%1)").arg(d.lastError);
        else if (d.state == QLatin1String("sending"))
            text = tr("sending");
        else if (disabled)
            text = tr("paused (webhook disabled)");
        else if (d.state == QLatin1String("failed"))
            text = d.attempts == 1
                       ? tr("retrying (1 attempt, %1), next %2").arg(d.lastError, shortTime(d.nextAttemptAt, now, zone))
                       : tr("retrying (%1 attempts, %2), next %3")
                             .arg(QString::number(d.attempts), d.lastError, shortTime(d.nextAttemptAt, now, zone));
        else
            text = tr("queued");
        parts << label + QStringLiteral(": ") + text;
    }
    return parts.join(QStringLiteral(" · "));
}

QList<Delivery> DeliveryQueue::select(const QString &where, const QVariantList &binds) const
{
    QList<Delivery> out;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QLatin1String(kColumns) + QLatin1Char(' ') + where);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        qCWarning(lcDelivery) << "reading deliveries failed:" << m_lastError;
        return out;
    }
    while (q.next()) {
        Delivery d;
        d.id = q.value(0).toLongLong();
        d.alertId = q.value(1).toString();
        d.channel = q.value(2).toString();
        d.webhookId = q.value(3).toString();
        d.state = q.value(4).toString();
        d.attempts = q.value(5).toInt();
        d.nextAttemptAt = times::instantIso(q.value(6));
        d.lastError = q.value(7).toString();
        d.createdAt = times::instantIso(q.value(8));
        d.deliveredAt = times::instantIso(q.value(9));
        out.append(d);
    }
    return out;
}

DeliveryQueue::EnqueueResult DeliveryQueue::enqueueNew(const QDateTime &now)
{
    EnqueueResult result;
    QElapsedTimer timer;
    timer.start();
    const QVariant nowAt = times::instantParam(now.toSecsSinceEpoch());
    QSqlQuery q(db());
    q.setForwardOnly(true);

    struct Hook
    {
        QString id, teamId, kind;
    };
    QList<Hook> hooks;
    if (!q.exec(QStringLiteral("SELECT id, COALESCE(team_id, ''), kind FROM webhooks WHERE enabled = 1"))) {
        m_lastError = q.lastError().text();
        result.ok = false;
        return result;
    }
    while (q.next())
        hooks.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});

    QString me;
    if (q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'current_user_id'")) && q.next())
        me = q.value(0).toString();
    // The alerts looked at so far, by rowid: alerts are only ever appended (a removal is a
    // tombstone), and writers take turns, so an alert committed later has a larger rowid.
    // Every alert up to the mark has been fanned out or passed over; an alert addressed to
    // nobody here and without a webhook leaves no row (older files hold 'skipped' rows).
    qint64 mark = 0;
    if (q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'delivery_queued_through'")) && q.next())
        mark = q.value(0).toLongLong();

    struct NewAlert
    {
        QString id, teamId;
        bool forMe = false;
    };
    QList<NewAlert> alerts;
    qint64 seenThrough = mark;
    q.prepare(QStringLiteral(
        "SELECT a.rowid, a.id, COALESCE(u.team_id, ''), COALESCE(a.owner_id, ''), COALESCE(a.escalated_to, ''),"
        " a.recipients, a.resolved_at IS NULL AND a.deleted = 0"
        "   AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.alert_id = a.id)"
        " FROM alerts a LEFT JOIN users u ON u.id = a.owner_id"
        " WHERE a.rowid > ? ORDER BY a.raised_at, a.id"));
    q.addBindValue(mark);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        result.ok = false;
        return result;
    }
    while (q.next()) {
        seenThrough = std::max(seenThrough, q.value(0).toLongLong());
        if (!q.value(6).toBool())
            continue; // resolved, removed, or queued by an older version
        NewAlert a{q.value(1).toString(), q.value(2).toString()};
        if (!me.isEmpty())
            a.forMe = q.value(3).toString() == me || q.value(4).toString() == me
                      || q.value(5).toString().split(QLatin1Char('|'), Qt::SkipEmptyParts).contains(me);
        alerts.append(a);
    }
    q.finish();
    if (seenThrough == mark)
        return result;

    storage::Transaction tx(db());
    bool failed = false;
    QSqlQuery ins(db());
    ins.prepare(QStringLiteral("INSERT OR IGNORE INTO deliveries (alert_id, channel, webhook_id, state, attempts,"
                               " next_attempt_at, last_error, created_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?)"));
    auto insert = [&](const QString &alert, const QString &channel, const QString &hook, const QString &state,
                      const QString &note) {
        ins.addBindValue(alert);
        ins.addBindValue(channel);
        ins.addBindValue(text(hook));
        ins.addBindValue(state);
        ins.addBindValue(nowAt);
        ins.addBindValue(text(note));
        ins.addBindValue(nowAt);
        if (!ins.exec()) {
            m_lastError = ins.lastError().text();
            failed = true;
            return false;
        }
        return ins.numRowsAffected() > 0;
    };
    for (const NewAlert &a : alerts) {
        for (const Hook &h : hooks)
            if (h.teamId.isEmpty() || h.teamId == a.teamId)
                result.webhookRows += insert(a.id, h.kind, h.id, QStringLiteral("pending"), QString());
        if (a.forMe)
            result.desktopRows += insert(a.id, QStringLiteral("desktop"), QString(), QStringLiteral("pending"), QString());
        if (failed) {
            result.ok = false;
            return result; // the transaction rolls back: nothing half-queued
        }
        ++result.alerts;
    }
    QSqlQuery setMark(db());
    setMark.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES ('delivery_queued_through', ?)"
                                   " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    setMark.addBindValue(QString::number(seenThrough));
    if (!setMark.exec()) {
        m_lastError = setMark.lastError().text();
        result.ok = false;
        return result;
    }
    if (!tx.commit()) {
        m_lastError = db().lastError().text();
        return EnqueueResult{0, 0, 0, false};
    }
    qCInfo(lcDelivery) << "queued" << result.alerts << "new alerts:" << result.webhookRows << "webhook and"
                       << result.desktopRows << "desktop deliveries in" << timer.elapsed() << "ms";
    return result;
}

int DeliveryQueue::recoverInterrupted()
{
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("UPDATE deliveries SET state = 'pending' WHERE state = 'sending'"))) {
        m_lastError = q.lastError().text();
        return 0;
    }
    const int n = q.numRowsAffected();
    if (n > 0)
        qCInfo(lcDelivery) << n << "deliveries were interrupted while sending; they go out again";
    return n;
}

QList<Delivery> DeliveryQueue::dueWebhookRows(const QDateTime &now, int limit) const
{
    return select(QStringLiteral(
                      "WHERE channel <> 'desktop' AND state IN ('pending', 'failed')"
                      " AND (next_attempt_at <= ? OR next_attempt_at > ?)"
                      " AND EXISTS (SELECT 1 FROM webhooks w WHERE w.id = deliveries.webhook_id AND w.enabled = 1)"
                      " ORDER BY next_attempt_at, id LIMIT ?"),
                  {times::instantParam(now.toSecsSinceEpoch()),
                   times::instantParam(now.addSecs(kMaxBackoffSecs).toSecsSinceEpoch()), limit});
}

QList<Delivery> DeliveryQueue::dueDesktopRows(int limit) const
{
    return select(QStringLiteral("WHERE channel = 'desktop' AND state = 'pending' ORDER BY id LIMIT ?"), {limit});
}

bool DeliveryQueue::markSending(qint64 id)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE deliveries SET state = 'sending' WHERE id = ? AND state IN ('pending', 'failed')"));
    q.addBindValue(id);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() == 1;
}

bool DeliveryQueue::markDelivered(qint64 id, const QDateTime &now, const QString &state)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE deliveries SET state = ?, attempts = attempts + 1, delivered_at = ?,"
                             " last_error = '' WHERE id = ?"));
    q.addBindValue(state);
    q.addBindValue(times::instantParam(now.toSecsSinceEpoch()));
    q.addBindValue(id);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() == 1;
}

bool DeliveryQueue::markFailed(qint64 id, const QDateTime &now, const QString &error)
{
    const auto row = find(id);
    if (!row)
        return false;
    const int attempts = row->attempts + 1;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE deliveries SET state = 'failed', attempts = ?, last_error = ?,"
                             " next_attempt_at = ? WHERE id = ?"));
    q.addBindValue(attempts);
    q.addBindValue(text(error));
    q.addBindValue(times::instantParam(now.addSecs(backoffSecs(attempts)).toSecsSinceEpoch()));
    q.addBindValue(id);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() == 1;
}

bool DeliveryQueue::markCancelled(qint64 id, const QString &reason)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE deliveries SET state = 'cancelled', last_error = ? WHERE id = ?"));
    q.addBindValue(text(reason));
    q.addBindValue(id);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() == 1;
}

bool DeliveryQueue::release(qint64 id)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE deliveries SET state = 'pending' WHERE id = ? AND state = 'sending'"));
    q.addBindValue(id);
    return q.exec() && q.numRowsAffected() == 1;
}

std::optional<Delivery> DeliveryQueue::find(qint64 id) const
{
    const QList<Delivery> rows = select(QStringLiteral("WHERE id = ?"), {id});
    if (rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

QList<Delivery> DeliveryQueue::forAlert(const QString &alertId) const
{
    return select(QStringLiteral("WHERE alert_id = ? ORDER BY channel = 'desktop' DESC, channel, id"), {alertId});
}

QString DeliveryQueue::stateSummary(const QString &alertId, const QDateTime &now) const
{
    QHash<QString, Webhook> hooks;
    for (const Webhook &h : WebhookStore(db()).all())
        hooks.insert(h.id, h);
    return describeDeliveries(forAlert(alertId), hooks, now);
}

QHash<QString, QString> DeliveryQueue::stateSummaries(const QDateTime &now) const
{
    QHash<QString, Webhook> hooks;
    for (const Webhook &h : WebhookStore(db()).all())
        hooks.insert(h.id, h);
    const QList<Delivery> rows = select(QStringLiteral(
        "WHERE state <> 'skipped' ORDER BY alert_id, channel = 'desktop' DESC, channel, id"), {});
    QHash<QString, QString> out;
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j < rows.size() && rows.at(j).alertId == rows.at(i).alertId)
            ++j;
        const QString text = describeDeliveries(rows.mid(i, j - i), hooks, now);
        if (!text.isEmpty())
            out.insert(rows.at(i).alertId, text);
        i = j;
    }
    return out;
}

std::optional<AlertMessage> DeliveryQueue::alertMessage(const QString &alertId) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        // The message leaves the file (group chats): the alert is named by its global id.
        "SELECT cockpit_uuid_text(a.uuid), a.rule, a.subject_kind, a.raised_at, a.details, a.escalation_level,"
        "  COALESCE(o.name, ''), COALESCE(e.name, ''),"
        "  COALESCE(CASE a.subject_kind"
        "    WHEN 'lead' THEN (SELECT title FROM leads WHERE id = a.subject_id)"
        "    WHEN 'user' THEN (SELECT name FROM users WHERE id = a.subject_id)"
        "    WHEN 'customer' THEN (SELECT name FROM customers WHERE id = a.subject_id)"
        "    WHEN 'store' THEN (SELECT name FROM stores WHERE id = a.subject_id) END, a.subject_id),"
        "  a.subject_id"
        " FROM alerts a LEFT JOIN users o ON o.id = a.owner_id LEFT JOIN users e ON e.id = a.escalated_to"
        " WHERE a.id = ?"));
    q.addBindValue(alertId);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    AlertMessage m;
    m.alertId = q.value(0).toString();
    m.rule = q.value(1).toString();
    m.subjectKind = q.value(2).toString();
    qint64 raised = 0;
    if (times::instantOf(q.value(3), &raised))
        m.raisedAt = QDateTime::fromSecsSinceEpoch(raised, Qt::UTC);
    m.details = q.value(4).toString();
    m.escalationLevel = q.value(5).toInt();
    m.owner = q.value(6).toString();
    m.escalatedTo = q.value(7).toString();
    m.subject = q.value(8).toString();
    m.subjectKey = m.subjectKind + QLatin1Char(':') + q.value(9).toString();
    return m;
}

QueueCounts DeliveryQueue::counts() const
{
    QueueCounts c;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT state, COUNT(*) FROM deliveries WHERE channel <> 'desktop' GROUP BY state"))) {
        m_lastError = q.lastError().text();
        return c;
    }
    while (q.next()) {
        const QString state = q.value(0).toString();
        const int n = q.value(1).toInt();
        if (state == QLatin1String("sent"))
            c.sent += n;
        else if (state == QLatin1String("pending") || state == QLatin1String("sending"))
            c.waiting += n;
        else if (state == QLatin1String("failed"))
            c.retrying += n;
    }
    return c;
}

int DeliveryQueue::timeoutMs() const
{
    QSqlQuery q(db());
    if (q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'delivery_timeout_ms'")) && q.next()) {
        bool ok = false;
        const int ms = q.value(0).toString().toInt(&ok);
        if (ok && ms > 0)
            return ms;
    }
    return 10000;
}

} // namespace cockpit::delivery
