#include "delivery/deliverysender.h"

#include "domain/clock.h"
#include "delivery/robotpost.h"
#include "delivery/webhookstore.h"
#include "delivery/webhooksecrets.h"

#include "storage/database.h"

#include <QSqlDatabase>
#include <QNetworkAccessManager>
#include <QTimer>

namespace cockpit::delivery {

QSqlDatabase DeliverySender::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

DeliverySender::DeliverySender(QSqlDatabase db, const Clock &clock, QObject *parent)
    : QObject(parent), m_connection(db.connectionName()), m_clock(clock), m_queue(db), m_nam(new QNetworkAccessManager(this)),
      m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &DeliverySender::tick);
}

DeliverySender::DeliverySender(storage::Database &db, const Clock &clock, QObject *parent)
    : DeliverySender(db.connection(), clock, parent)
{
}

DeliverySender::~DeliverySender()
{
    m_timer->stop();
    const auto posts = std::exchange(m_posts, {});
    for (auto it = posts.begin(); it != posts.end(); ++it) {
        if (it.value())
            delete it.value().data(); // aborts without emitting
        m_queue.release(it.key());
    }
}

void DeliverySender::start(int pollMs)
{
    m_queue.recoverInterrupted();
    tick();
    m_timer->start(pollMs);
}

void DeliverySender::stop()
{
    m_timer->stop();
}

void DeliverySender::tick()
{
    const QDateTime now = m_clock.now();
    const DeliveryQueue::EnqueueResult queued = m_queue.enqueueNew(now);
    if (!queued.ok)
        qCWarning(lcDelivery) << "queueing new alerts failed:" << m_queue.lastError();
    if (queued.alerts > 0)
        Q_EMIT enqueued(queued.alerts, queued.webhookRows, queued.desktopRows);
    const int room = m_maxInFlight - inFlight();
    if (room <= 0)
        return;
    const QList<Delivery> due = m_queue.dueWebhookRows(now, room);
    for (const Delivery &row : due)
        post(row);
}

void DeliverySender::post(const Delivery &row)
{
    if (m_posts.contains(row.id))
        return;
    const auto hook = WebhookStore(db()).find(row.webhookId);
    if (!hook) {
        m_queue.markCancelled(row.id, QCoreApplication::translate("cockpit::delivery", "webhook removed"));
        return;
    }
    const auto message = m_queue.alertMessage(row.alertId);
    if (!message) {
        m_queue.markCancelled(row.id, QCoreApplication::translate("cockpit::delivery", "the alert no longer exists"));
        return;
    }
    // The robot's URL and secret come from the keychain, asynchronously: the row counts as in
    // flight meanwhile (an empty slot), so the next tick neither posts it twice nor overfills.
    m_posts.insert(row.id, nullptr);
    const qint64 id = row.id;
    const QString alertId = row.alertId;
    WebhookSecrets::load(*hook, this, [this, id, alertId, message = *message](const Webhook &filled, const QString &error) {
        if (!m_posts.contains(id))
            return; // stopped meanwhile
        // The state is written before the POST leaves, so a crash from here on shows as
        // 'sending' at the next start (and goes out again) instead of being forgotten.
        if (!m_queue.markSending(id)) {
            m_posts.remove(id);
            return;
        }
        if (!error.isEmpty()) { // a failed attempt, retried with back-off like a refused POST
            onPostFinished(id, alertId, false, error);
            return;
        }
        const QDateTime now = m_clock.now();
        const RobotRequest request = buildRobotRequest(filled, message, now);
        auto *p = new RobotPost(*m_nam, webhookKindFromKey(filled.kind), request, m_queue.timeoutMs(), this);
        m_posts.insert(id, p);
        connect(p, &RobotPost::finished, this, [this, id, alertId](bool sent, const QString &e, int) {
            onPostFinished(id, alertId, sent, e);
        });
        qCDebug(lcDelivery) << "posting delivery" << id << "of alert" << alertId << "to" << filled.kind;
    });
}

void DeliverySender::onPostFinished(qint64 id, const QString &alertId, bool sent, const QString &error)
{
    m_posts.remove(id);
    const QDateTime now = m_clock.now();
    const bool written = sent ? m_queue.markDelivered(id, now) : m_queue.markFailed(id, now, error);
    if (!written)
        qCWarning(lcDelivery) << "could not record the outcome of delivery" << id << ":" << m_queue.lastError();
    if (!sent)
        qCInfo(lcDelivery) << "delivery" << id << "of alert" << alertId << "failed:" << error;
    Q_EMIT attemptFinished(id, alertId, sent, error);
    if (m_posts.isEmpty())
        Q_EMIT idle();
}

} // namespace cockpit::delivery
