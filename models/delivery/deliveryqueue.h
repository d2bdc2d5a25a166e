#pragma once
// The delivery queue in the local `deliveries` table: one row per (alert, channel, webhook),
// never deleted. States:
//   pending    waiting for its first attempt
//   sending    an attempt is under way (a row found 'sending' at start-up was interrupted by a
//              crash and goes back to pending: at worst that alert is posted twice, never lost)
//   failed     the last attempt failed; retried at next_attempt_at (exponential back-off)
//   sent       the robot accepted it (webhooks) / the desktop notification was shown
//   in_app     desktop only: no system tray, so it is shown in the app's alert inbox only
//   skipped    desktop only: the alert is not addressed to the signed-in user (written by
//              older versions; an alert for nobody here now leaves no row, see enqueueNew)
//   cancelled  its webhook was removed, or the alert no longer exists
#include "delivery/robotmessage.h"
#include "delivery/webhook.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

class QSqlDatabase;
#include <QTimeZone>

#include <optional>

namespace cockpit::storage {
class Database;
}

namespace cockpit::delivery {

struct Delivery
{
    qint64 id = 0;
    QString alertId;
    QString channel; // desktop, wecom, dingtalk, feishu
    QString webhookId;
    QString state;
    int attempts = 0;
    QString nextAttemptAt;
    QString lastError;
    QString createdAt;
    QString deliveredAt;
};

// Seconds to wait after the n-th failed attempt: 30 s, 1 min, 2 min, 4 min … capped at 1 h.
qint64 backoffSecs(int failedAttempts);
constexpr qint64 kMaxBackoffSecs = 3600;

// "WeCom: sent 10:02 · DingTalk: retrying (3 attempts, HTTP 500)". Pure: webhooks by id give
// names and whether one is disabled; times are shown in `zone`, with the date when not `now`'s day.
QString describeDeliveries(const QList<Delivery> &rows, const QHash<QString, Webhook> &webhooks,
                           const QDateTime &now, const QTimeZone &zone = QTimeZone::systemTimeZone());

// Webhook rows by state, for the settings screen.
struct QueueCounts
{
    int sent = 0;
    int waiting = 0;  // pending or sending
    int retrying = 0; // failed, will retry
};

class DeliveryQueue
{
public:
    explicit DeliveryQueue(QSqlDatabase db);
    explicit DeliveryQueue(storage::Database &db); // its main connection

    struct EnqueueResult
    {
        int alerts = 0;      // new alerts fanned out
        int webhookRows = 0; // rows for group robots
        int desktopRows = 0; // desktop rows addressed to the signed-in user
        bool ok = true;
    };
    // New alerts = alerts appended since the last call (settings delivery_queued_through, a
    // rowid mark) that are open (resolved_at NULL, not deleted) and have no delivery row yet.
    // Each gets a row per enabled webhook of its owner's team (users.team_id; webhooks
    // without a team take every alert) and a pending 'desktop' row when the signed-in user
    // (settings current_user_id) is its owner, escalated_to or among its recipients. The mark
    // moves past every alert looked at, in the same transaction as the rows.
    EnqueueResult enqueueNew(const QDateTime &now);
    // Rows left 'sending' by a crash go back to pending. Returns how many.
    int recoverInterrupted();
    // Webhook rows due at `now` whose webhook is enabled, oldest first. A row whose
    // next_attempt_at lies more than the maximal back-off ahead is due too: the clock went back.
    QList<Delivery> dueWebhookRows(const QDateTime &now, int limit = 50) const;
    // Pending desktop rows (addressed to the signed-in user), oldest first.
    QList<Delivery> dueDesktopRows(int limit = 50) const;
    // pending/failed → sending; false when the row is not in such a state (already taken).
    bool markSending(qint64 id);
    // → sent (or in_app for the desktop without a tray); attempts + 1; delivered_at = now.
    bool markDelivered(qint64 id, const QDateTime &now, const QString &state = QStringLiteral("sent"));
    // → failed; attempts + 1; next_attempt_at = now + backoffSecs(attempts); last_error.
    bool markFailed(qint64 id, const QDateTime &now, const QString &error);
    bool markCancelled(qint64 id, const QString &reason);
    // sending → pending without counting an attempt (clean shutdown with a POST under way).
    bool release(qint64 id);

    std::optional<Delivery> find(qint64 id) const;
    QList<Delivery> forAlert(const QString &alertId) const;
    // describeDeliveries() over this alert's rows.
    QString stateSummary(const QString &alertId, const QDateTime &now) const;
    // stateSummary() for every alert that has a delivery worth telling (skipped rows are
    // left out), in one query: the Alerts screen's Delivery column reads this, never one
    // query per cell.
    QHash<QString, QString> stateSummaries(const QDateTime &now) const;
    // The text a receiver needs: rule, subject name, owner, raised, details, alert id.
    std::optional<AlertMessage> alertMessage(const QString &alertId) const;
    QueueCounts counts() const;
    // Request timeout in ms: settings key delivery_timeout_ms, default 10 000.
    int timeoutMs() const;
    QString lastError() const { return m_lastError; }

private:
    QList<Delivery> select(const QString &where, const QVariantList &binds) const;

    QSqlDatabase db() const; // the connection named m_connection

    QString m_connection;
    mutable QString m_lastError;
};

} // namespace cockpit::delivery
