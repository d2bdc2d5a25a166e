#pragma once
// A group-robot stand-in on 127.0.0.1 for the delivery tests: records every POST and answers
// as told — the robot's success JSON, HTTP 500, slowly, not at all (the connection stays open
// and silent), or an HTML page (a login portal or a wrong URL).
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

class TestReceiver : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Ok, Error500, Slow, Hang, Html };
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query as sent
        QByteArray contentType;
        QByteArray body;
    };

    Mode mode = Mode::Ok;
    int slowMs = 1500;
    QList<Request> requests;

    TestReceiver()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                m_open.append(s);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    void close() { m_server.close(); }
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &pathAndQuery) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(pathAndQuery);
    }
    // Drops the silent connections of Mode::Hang (the client has given up on them already).
    void dropHanging()
    {
        for (const QPointer<QTcpSocket> &s : std::as_const(m_open))
            if (s)
                s->abort();
        m_open.clear();
    }

Q_SIGNALS:
    void received();

private:
    void onRead(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        const int headerEnd = buf.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buf.left(headerEnd).split('\n');
        qsizetype length = 0;
        Request r;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        r.method = first.value(0);
        r.target = first.value(1);
        for (const QByteArray &l : lines.mid(1)) {
            const int colon = l.indexOf(':');
            const QByteArray name = l.left(colon).trimmed().toLower();
            const QByteArray value = l.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "content-type")
                r.contentType = value;
        }
        if (buf.size() < headerEnd + 4 + length)
            return;
        r.body = buf.mid(headerEnd + 4, length);
        m_buffers.remove(s);
        requests.append(r);
        Q_EMIT received();
        switch (mode) {
        case Mode::Ok: answer(s, 200, "application/json", okBody(r.target)); break;
        case Mode::Error500: answer(s, 500, "text/plain", "internal error"); break;
        case Mode::Html:
            answer(s, 200, "text/html", "<!DOCTYPE html><html><head><title>Sign in</title></head><body>portal</body></html>");
            break;
        case Mode::Slow: {
            QPointer<QTcpSocket> p(s);
            QByteArray body = okBody(r.target);
            QTimer::singleShot(slowMs, this, [this, p, body] {
                if (p)
                    answer(p, 200, "application/json", body);
            });
            break;
        }
        case Mode::Hang: break;
        }
    }
    // Each platform's success reply, chosen by the path the test configured.
    static QByteArray okBody(const QByteArray &target)
    {
        if (target.startsWith("/feishu"))
            return R"({"code":0,"msg":"success","data":{}})";
        return R"({"errcode":0,"errmsg":"ok"})";
    }
    void answer(QTcpSocket *s, int status, const QByteArray &type, const QByteArray &body)
    {
        const QByteArray reason = status == 200 ? "OK" : "Internal Server Error";
        s->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type
                 + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        s->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QPointer<QTcpSocket>> m_open;
};
