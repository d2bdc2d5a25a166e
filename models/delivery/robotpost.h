#pragma once
// One POST to a group robot with a deadline, classified by classifyReply(). Used by the
// delivery sender and by "Send test message" in Settings.
#include "delivery/robotmessage.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace cockpit::delivery {

class RobotPost : public QObject
{
    Q_OBJECT
public:
    // Starts the POST at once. finished() is emitted exactly once (also on timeout); the
    // object deletes itself afterwards unless the caller holds it in a QPointer and deletes it first.
    RobotPost(QNetworkAccessManager &nam, WebhookKind kind, const RobotRequest &request, int timeoutMs,
              QObject *parent = nullptr);
    ~RobotPost() override;

    // Aborts without emitting finished() (the owner is going away).
    void cancel();

Q_SIGNALS:
    void finished(bool sent, const QString &error, int httpStatus);

private:
    void onFinished();

    WebhookKind m_kind;
    int m_timeoutMs;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_deadline;
    bool m_timedOut = false;
    bool m_done = false;
};

} // namespace cockpit::delivery
