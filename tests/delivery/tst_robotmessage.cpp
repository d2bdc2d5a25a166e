// Pure parts of alert delivery: each robot's documented JSON, the signatures (against values
// computed by hand with Python's hmac / openssl dgst -hmac), reply classification, URL checks.
#include "delivery/robotmessage.h"
#include "delivery/webhook.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace cockpit::delivery;

class TstRobotMessage : public QObject
{
    Q_OBJECT

    static AlertMessage sample()
    {
        AlertMessage m;
        m.alertId = QStringLiteral("alert-42");
        m.rule = QStringLiteral("stage_sla");
        m.subjectKind = QStringLiteral("lead");
        m.subject = QStringLiteral("博世 质检系统");
        m.owner = QStringLiteral("王芳");
        m.raisedAt = QDateTime(QDate(2026, 11, 22), QTime(2, 2), QTimeZone::utc());
        m.details = QStringLiteral("3 h in 15分钟初筛 (SLA 2 h)");
        return m;
    }

    static QJsonObject parse(const QByteArray &body)
    {
        QJsonParseError e;
        const QJsonDocument d = QJsonDocument::fromJson(body, &e);
        if (e.error != QJsonParseError::NoError || !d.isObject())
            qWarning() << "not a JSON object:" << body;
        return d.object();
    }

private Q_SLOTS:
    void messageTextNamesEverything()
    {
        const AlertMessage m = sample();
        for (const QString &text : {alertPlainText(m), alertMarkdown(m)}) {
            QVERIFY2(text.contains(QStringLiteral("Stage SLA exceeded")), qPrintable(text));
            QVERIFY(text.contains(m.subject));
            QVERIFY(text.contains(m.owner));
            QVERIFY(text.contains(m.details));
            QVERIFY(text.contains(QStringLiteral("alert-42")));
            QVERIFY(text.contains(formatRaisedAt(m.raisedAt)));
        }
        QVERIFY(alertMarkdown(sample()).contains(QStringLiteral("**Owner**: 王芳")));
        QVERIFY(!alertPlainText(sample()).contains(QStringLiteral("Escalated")));
        AlertMessage e = sample();
        e.escalatedTo = QStringLiteral("赵总");
        e.escalationLevel = 1;
        QVERIFY(alertPlainText(e).contains(QStringLiteral("Escalated to: 赵总 (level 1)")));
    }

    // The desktop notice folds a burst by subject, as the inbox does: one line per subject with
    // its reasons; two leads of one title stay two subjects.
    void desktopNoticeFoldsBySubject()
    {
        AlertMessage sla = sample();
        sla.subjectKey = QStringLiteral("lead:7");
        QCOMPARE(desktopNotice({sla}).title, alertTitle(sla));
        QCOMPARE(desktopNotice({sla}).subjects, 1);
        AlertMessage silence = sla;
        silence.rule = QStringLiteral("silence");
        DesktopNotice n = desktopNotice({sla, silence});
        QCOMPARE(n.subjects, 1);
        QCOMPARE(n.title, QStringLiteral("博世 质检系统 needs you (2 new alerts)"));
        QCOMPARE(n.body, ruleLabel(QStringLiteral("stage_sla")) + QStringLiteral(" · ") + ruleLabel(QStringLiteral("silence"))
                             + QStringLiteral(": 博世 质检系统"));
        AlertMessage twin = sla; // another lead with the same title
        twin.subjectKey = QStringLiteral("lead:8");
        QList<AlertMessage> burst{sla, silence, twin};
        for (int i = 0; i < 3; ++i) {
            AlertMessage store = sample();
            store.rule = QStringLiteral("store_red_line");
            store.subjectKind = QStringLiteral("store");
            store.subject = QStringLiteral("门店%1").arg(i);
            store.subjectKey = QStringLiteral("store:%1").arg(i);
            burst << store;
        }
        n = desktopNotice(burst);
        QCOMPARE(n.subjects, 5);
        QCOMPARE(n.title, QStringLiteral("5 subjects need you (6 new alerts)"));
        const QStringList lines = n.body.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.at(0).endsWith(QStringLiteral(": 博世 质检系统")) && lines.at(0).contains(QStringLiteral(" · ")));
        QCOMPARE(lines.at(1), ruleLabel(QStringLiteral("stage_sla")) + QStringLiteral(": 博世 质检系统"));
        QVERIFY(lines.at(2).endsWith(QStringLiteral(": 门店0")));
        QCOMPARE(lines.at(3), QStringLiteral("… and 2 more in Alerts"));
        QVERIFY(desktopNotice({}).title.isEmpty());
    }

    void raisedAtShowsOffset()
    {
        const QString s = formatRaisedAt(sample().raisedAt);
        QVERIFY2(QRegularExpression(QStringLiteral("^2026-11-2[12] \\d\\d:\\d\\d UTC[+-]\\d\\d:\\d\\d$")).match(s).hasMatch(),
                 qPrintable(s));
    }

    void wecomBody()
    {
        const QJsonObject o = parse(wecomMarkdownBody(QStringLiteral("### hi")));
        QCOMPARE(o.value(QStringLiteral("msgtype")).toString(), QStringLiteral("markdown"));
        QCOMPARE(o.value(QStringLiteral("markdown")).toObject().value(QStringLiteral("content")).toString(),
                 QStringLiteral("### hi"));
        QCOMPARE(o.size(), 2);
        QCOMPARE(wecomTextBody(QStringLiteral("a\"b")), QByteArray("{\"msgtype\":\"text\",\"text\":{\"content\":\"a\\\"b\"}}"));
    }

    void dingtalkBodyAndSignature()
    {
        const QJsonObject o = parse(dingtalkMarkdownBody(QStringLiteral("T"), QStringLiteral("**x**")));
        QCOMPARE(o.value(QStringLiteral("msgtype")).toString(), QStringLiteral("markdown"));
        const QJsonObject md = o.value(QStringLiteral("markdown")).toObject();
        QCOMPARE(md.value(QStringLiteral("title")).toString(), QStringLiteral("T"));
        QCOMPARE(md.value(QStringLiteral("text")).toString(), QStringLiteral("**x**"));

        // python3: base64(hmac.new(secret, b"1700000000000\n" + secret, sha256))
        const QString secret = QStringLiteral("SEC0123456789abcdef");
        QCOMPARE(dingtalkSignature(secret, 1700000000000), QByteArray("TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk="));
        const QUrl url = dingtalkSignedUrl(QUrl(QStringLiteral("https://oapi.dingtalk.com/robot/send?access_token=abc")),
                                           secret, 1700000000000);
        QCOMPARE(url.toString(QUrl::FullyEncoded),
                 QStringLiteral("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000"
                                "&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D"));
        // Without a secret the URL stays as configured.
        const QUrl plain(QStringLiteral("https://oapi.dingtalk.com/robot/send?access_token=abc"));
        QCOMPARE(dingtalkSignedUrl(plain, QString(), 1), plain);
    }

    void feishuBodyAndSignature()
    {
        // python3: base64(hmac.new(b"1700000000\nfs-secret", b"", sha256))
        QCOMPARE(feishuSignature(QStringLiteral("fs-secret"), 1700000000),
                 QByteArray("ognpFOmraex6LA29Ao14dsiNmmjE3YO4x5e/SX8n9Bw="));
        const QJsonObject signedBody = parse(feishuTextBody(QStringLiteral("你好"), QStringLiteral("fs-secret"), 1700000000));
        QCOMPARE(signedBody.value(QStringLiteral("msg_type")).toString(), QStringLiteral("text"));
        QCOMPARE(signedBody.value(QStringLiteral("content")).toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("你好"));
        QCOMPARE(signedBody.value(QStringLiteral("timestamp")).toString(), QStringLiteral("1700000000"));
        QCOMPARE(signedBody.value(QStringLiteral("sign")).toString(),
                 QStringLiteral("ognpFOmraex6LA29Ao14dsiNmmjE3YO4x5e/SX8n9Bw="));
        const QJsonObject unsignedBody = parse(feishuTextBody(QStringLiteral("x"), QString(), 1700000000));
        QVERIFY(!unsignedBody.contains(QStringLiteral("sign")));
        QVERIFY(!unsignedBody.contains(QStringLiteral("timestamp")));
    }

    void requestPerKind()
    {
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, QTimeZone::utc());
        Webhook h;
        h.url = QStringLiteral("http://127.0.0.1:1/hook?key=k");
        h.kind = QStringLiteral("wecom");
        RobotRequest r = buildRobotRequest(h, sample(), now);
        QCOMPARE(parse(r.body).value(QStringLiteral("msgtype")).toString(), QStringLiteral("markdown"));
        QCOMPARE(r.url, QUrl(h.url));

        h.kind = QStringLiteral("dingtalk");
        h.secret = QStringLiteral("SEC0123456789abcdef");
        r = buildRobotRequest(h, sample(), now);
        const QUrlQuery q(r.url);
        QCOMPARE(q.queryItemValue(QStringLiteral("key")), QStringLiteral("k"));
        QCOMPARE(q.queryItemValue(QStringLiteral("timestamp")), QStringLiteral("1700000000000"));
        QCOMPARE(q.queryItemValue(QStringLiteral("sign"), QUrl::FullyDecoded),
                 QStringLiteral("TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk="));
        QVERIFY(parse(r.body).value(QStringLiteral("markdown")).toObject().value(QStringLiteral("text")).toString()
                    .contains(QStringLiteral("alert-42")));

        h.kind = QStringLiteral("feishu");
        h.secret = QStringLiteral("fs-secret");
        r = buildRobotRequest(h, sample(), now);
        const QJsonObject o = parse(r.body);
        QCOMPARE(o.value(QStringLiteral("sign")).toString(), QStringLiteral("ognpFOmraex6LA29Ao14dsiNmmjE3YO4x5e/SX8n9Bw="));
        QVERIFY(o.value(QStringLiteral("content")).toObject().value(QStringLiteral("text")).toString()
                    .contains(QStringLiteral("博世 质检系统")));

        const RobotRequest test = buildTestRequest(h, now);
        QVERIFY(parse(test.body).value(QStringLiteral("content")).toObject().value(QStringLiteral("text")).toString()
                    .contains(QStringLiteral("test message")));
    }

    void classify_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("networkError");
        QTest::addColumn<bool>("sent");
        QTest::addColumn<QString>("errorContains");

        const QString none;
        QTest::newRow("wecom ok") << "wecom" << 200 << QByteArray(R"({"errcode":0,"errmsg":"ok"})") << none << true << "";
        QTest::newRow("wecom bad key") << "wecom" << 200 << QByteArray(R"({"errcode":93000,"errmsg":"invalid webhook url"})")
                                       << none << false << "WeCom refused the message: code 93000, invalid webhook url";
        QTest::newRow("dingtalk ok") << "dingtalk" << 200 << QByteArray(R"({"errcode":0,"errmsg":"ok"})") << none << true << "";
        QTest::newRow("dingtalk sign mismatch") << "dingtalk" << 200
                                                << QByteArray(R"({"errcode":310000,"errmsg":"sign not match"})") << none
                                                << false << "code 310000, sign not match";
        QTest::newRow("feishu ok") << "feishu" << 200 << QByteArray(R"({"code":0,"msg":"success","data":{}})") << none
                                   << true << "";
        QTest::newRow("feishu old ok") << "feishu" << 200
                                       << QByteArray(R"({"Extra":null,"StatusCode":0,"StatusMessage":"success"})")
                                       << none << true << "";
        QTest::newRow("feishu sign") << "feishu" << 200 << QByteArray(R"({"code":19021,"msg":"sign match fail"})")
                                     << none << false << "Feishu refused the message: code 19021, sign match fail";
        QTest::newRow("feishu answer to wecom") << "wecom" << 200 << QByteArray(R"({"code":0})") << none << false
                                                << "without the WeCom robot's result code";
        QTest::newRow("errcode as string") << "wecom" << 200 << QByteArray(R"({"errcode":"0"})") << none << false
                                           << "refused";
        QTest::newRow("html") << "wecom" << 200 << QByteArray("<!DOCTYPE html><html><body>login</body></html>") << none
                              << false << "the endpoint answered with HTML, not the robot's JSON — check the webhook URL";
        QTest::newRow("html after space") << "feishu" << 200 << QByteArray("\n  <HTML>") << none << false << "HTML";
        QTest::newRow("plain text") << "dingtalk" << 200 << QByteArray("OK") << none << false << "answered \"OK\"";
        QTest::newRow("empty 200") << "dingtalk" << 200 << QByteArray() << none << false << "empty body";
        QTest::newRow("500") << "wecom" << 500 << QByteArray("oops") << none << false << "HTTP 500";
        QTest::newRow("404 with json") << "feishu" << 404 << QByteArray(R"({"code":0})") << none << false << "HTTP 404";
        QTest::newRow("redirect") << "wecom" << 302 << QByteArray() << none << false << "HTTP 302";
        QTest::newRow("refused") << "wecom" << 0 << QByteArray() << QStringLiteral("Connection refused") << false
                                 << "Connection refused";
        QTest::newRow("timeout") << "feishu" << 0 << QByteArray() << QStringLiteral("no answer within 10 s (timeout)")
                                 << false << "timeout";
    }

    void classify()
    {
        QFETCH(QString, kind);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, networkError);
        QFETCH(bool, sent);
        QFETCH(QString, errorContains);
        const ReplyOutcome r = classifyReply(webhookKindFromKey(kind), status, body, networkError);
        QCOMPARE(r.sent, sent);
        if (sent)
            QVERIFY(r.error.isEmpty());
        else
            QVERIFY2(r.error.contains(errorContains), qPrintable(r.error));
    }

    void validate_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("error");   // empty: valid
        QTest::addColumn<QString>("warning"); // empty: no warning

        QTest::newRow("wecom documented") << "wecom" << "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc" << "" << "";
        QTest::newRow("dingtalk documented") << "dingtalk" << "https://oapi.dingtalk.com/robot/send?access_token=x" << "" << "";
        QTest::newRow("feishu documented") << "feishu" << "https://open.feishu.cn/open-apis/bot/v2/hook/abc" << "" << "";
        QTest::newRow("loopback: warning only") << "wecom" << "http://127.0.0.1:8080/hook" << "" << "another host";
        QTest::newRow("plain http to real host") << "feishu" << "http://open.feishu.cn/open-apis/bot/v2/hook/abc" << ""
                                                 << "unencrypted";
        QTest::newRow("ftp") << "wecom" << "ftp://qyapi.weixin.qq.com/x" << "scheme \"ftp:\" is not allowed" << "";
        QTest::newRow("file") << "dingtalk" << "file:///etc/passwd" << "scheme \"file:\" is not allowed" << "";
        QTest::newRow("javascript") << "feishu" << "javascript:alert(1)" << "is not allowed" << "";
        QTest::newRow("garbage") << "wecom" << "not a url" << "is not a web address" << "";
        QTest::newRow("no host") << "wecom" << "https://" << "has no host" << "";
        QTest::newRow("empty") << "wecom" << "   " << "enter the robot's webhook address" << "";
        QTest::newRow("unknown kind") << "slack" << "https://hooks.slack.com/x" << "\"slack\" is not a robot we know" << "";
    }

    void validate()
    {
        QFETCH(QString, kind);
        QFETCH(QString, url);
        QFETCH(QString, error);
        QFETCH(QString, warning);
        Webhook h;
        h.kind = kind;
        h.url = url;
        const WebhookValidation v = validateWebhook(h);
        if (error.isEmpty()) {
            QVERIFY2(v.ok(), qPrintable(v.errors.join(QLatin1Char('\n'))));
        } else {
            QVERIFY(!v.ok());
            QVERIFY2(v.errors.join(QLatin1Char('\n')).contains(error), qPrintable(v.errors.join(QLatin1Char('\n'))));
        }
        if (warning.isEmpty())
            QVERIFY2(v.warnings.isEmpty(), qPrintable(v.warnings.join(QLatin1Char('\n'))));
        else
            QVERIFY2(v.warnings.join(QLatin1Char('\n')).contains(warning), qPrintable(v.warnings.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TstRobotMessage)
#include "tst_robotmessage.moc"
