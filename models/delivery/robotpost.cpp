#include "delivery/robotpost.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace cockpit::delivery {

RobotPost::RobotPost(QNetworkAccessManager &nam, WebhookKind kind, const RobotRequest &request, int timeoutMs,
                     QObject *parent)
    : QObject(parent), m_kind(kind), m_timeoutMs(timeoutMs), m_deadline(new QTimer(this))
{
    QNetworkRequest req(request.url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json; charset=utf-8"));
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("SalesCockpit"));
    m_reply = nam.post(req, request.body);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort(); // emits finished → onFinished
    });
    m_deadline->start(std::max(1, timeoutMs));
    connect(m_reply, &QNetworkReply::finished, this, &RobotPost::onFinished);
}

RobotPost::~RobotPost()
{
    cancel();
}

void RobotPost::cancel()
{
    m_done = true;
    m_deadline->stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void RobotPost::onFinished()
{
    if (std::exchange(m_done, true))
        return;
    m_deadline->stop();
    QNetworkReply *reply = m_reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    QString networkError;
    if (m_timedOut)
        networkError = QCoreApplication::translate("cockpit::delivery", "no answer within %1 s (timeout)")
                           .arg(QLocale().toString(m_timeoutMs / 1000.0, 'g', 3));
    else if (reply->error() != QNetworkReply::NoError && status == 0)
        networkError = reply->errorString();
    const ReplyOutcome outcome = classifyReply(m_kind, m_timedOut ? 0 : status, body, networkError);
    reply->deleteLater();
    Q_EMIT finished(outcome.sent, outcome.error, m_timedOut ? 0 : status);
    deleteLater();
}

} // namespace cockpit::delivery
