#pragma once
// Posts due webhook deliveries and records each outcome before taking the next decision:
//  - a row is marked 'sending' (committed) before its POST and 'sent' / 'failed' (with attempts,
//    last_error and next_attempt_at by back-off) as soon as the reply is classified, so a sent
//    alert is never posted again;
//  - a failed row stays in the table and is retried, so no alert is lost;
//  - start() puts rows a crash left 'sending' back to pending. A crash between the POST and the
//    write of its result can therefore repeat that one message; receivers recognise the repeat
//    by the alert id in the text.
// Desktop rows are not posted here; ui::AlertNotifier shows them.
#include "delivery/deliveryqueue.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

class QSqlDatabase;

class QNetworkAccessManager;
class QTimer;

namespace cockpit {
class Clock;
}

namespace cockpit::storage {
class Database;
}

namespace cockpit::delivery {

class RobotPost;

class DeliverySender : public QObject
{
    Q_OBJECT
public:
    DeliverySender(QSqlDatabase db, const Clock &clock, QObject *parent = nullptr);
    DeliverySender(storage::Database &db, const Clock &clock, QObject *parent = nullptr); // its main connection
    // A POST still under way is aborted and its row goes back to pending (not counted).
    ~DeliverySender() override;

    // Recovers interrupted rows, then tick()s now and every pollMs.
    void start(int pollMs = 5000);
    void stop();
    // Queues new alerts, then posts every due webhook row (at most maxInFlight at once).
    void tick();
    int inFlight() const { return int(m_posts.size()); }
    void setMaxInFlight(int n) { m_maxInFlight = std::max(1, n); }
    DeliveryQueue &queue() { return m_queue; }

Q_SIGNALS:
    // After tick() queued rows; desktopRows > 0 means the notifier has something to show.
    void enqueued(int alerts, int webhookRows, int desktopRows);
    // After an attempt's outcome is written.
    void attemptFinished(qint64 deliveryId, const QString &alertId, bool sent, const QString &error);
    // No POST is under way any more.
    void idle();

private:
    void post(const Delivery &row);
    void onPostFinished(qint64 id, const QString &alertId, bool sent, const QString &error);

    QSqlDatabase db() const; // the connection named m_connection

    QString m_connection;
    const Clock &m_clock;
    DeliveryQueue m_queue;
    QNetworkAccessManager *m_nam;
    QTimer *m_timer;
    QHash<qint64, QPointer<RobotPost>> m_posts;
    int m_maxInFlight = 8;
};

} // namespace cockpit::delivery
