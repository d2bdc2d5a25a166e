#pragma once
// Group-robot messages, pure functions: the text of an alert, each platform's documented JSON
// body and signature, and the classification of the robot's reply.
//  - WeCom group robot:   POST {"msgtype":"markdown","markdown":{"content":…}} → {"errcode":0,"errmsg":"ok"}
//  - DingTalk custom robot: POST {"msgtype":"markdown","markdown":{"title":…,"text":…}}, signed by
//    appending &timestamp=<ms>&sign=urlencode(base64(HMAC-SHA256(key=secret, ts+"\n"+secret)))
//    → {"errcode":0,"errmsg":"ok"}
//  - Feishu custom bot:   POST {"timestamp":"<s>","sign":base64(HMAC-SHA256(key=ts+"\n"+secret, "")),
//    "msg_type":"text","content":{"text":…}} → {"code":0,…} (older: {"StatusCode":0,…})
#include "delivery/webhook.h"

#include <QByteArray>
#include <QDateTime>
#include <QUrl>

namespace cockpit::delivery {

// What a receiver needs to act on an alert and to recognise a repeat (the alert id).
struct AlertMessage
{
    QString alertId;
    QString rule;        // stage_sla, silence, …
    QString subjectKind; // lead, user, customer, store
    QString subject;     // the subject's name (lead title, rep, customer, store)
    QString subjectKey;  // "lead:12": one per subject, for folding (never shown)
    QString owner;       // owner's name
    QString escalatedTo; // name, empty when not escalated
    int escalationLevel = 0;
    QDateTime raisedAt;  // UTC
    QString details;
};

// The desktop notification for alerts that became due together, one line per subject with its
// reasons folded in, as the inbox shows them (issue 13: one row per subject): one alert gives
// its own title and text; more give "3 subjects need you (5 new alerts)" and the first three
// subjects, "Stage SLA exceeded · Silent for 72 h: 博世 质检系统", then "… and N more in Alerts".
struct DesktopNotice
{
    QString title, body;
    int subjects = 0;
};
DesktopNotice desktopNotice(const QList<AlertMessage> &alerts);

// "Stage SLA exceeded", "Silent for 72 h", … (translated); the key itself for an unknown rule.
QString ruleLabel(const QString &rule);
// "2026-11-22 10:02 UTC+08:00": local time with its offset, so a group in another zone reads it right.
QString formatRaisedAt(const QDateTime &utc);
// One-line title, e.g. "Sales Cockpit alert: Stage SLA exceeded — 博世 质检系统".
QString alertTitle(const AlertMessage &m);
// Plain text (Feishu text, desktop): title, then subject, owner, raised, details, alert id.
QString alertPlainText(const AlertMessage &m);
// Markdown (WeCom and DingTalk markdown): the same lines, labels bold.
QString alertMarkdown(const AlertMessage &m);

QByteArray wecomMarkdownBody(const QString &content);
QByteArray wecomTextBody(const QString &content);
QByteArray dingtalkMarkdownBody(const QString &title, const QString &text);
// base64(HMAC-SHA256(key = secret, message = timestampMs + "\n" + secret)), not yet url-encoded.
QByteArray dingtalkSignature(const QString &secret, qint64 timestampMs);
// url with "&timestamp=<ms>&sign=<url-encoded signature>" appended (unchanged when secret is empty).
QUrl dingtalkSignedUrl(const QUrl &url, const QString &secret, qint64 timestampMs);
// base64(HMAC-SHA256(key = timestampSecs + "\n" + secret, message = empty)).
QByteArray feishuSignature(const QString &secret, qint64 timestampSecs);
// {"msg_type":"text","content":{"text":…}} plus "timestamp" and "sign" when secret is set.
QByteArray feishuTextBody(const QString &text, const QString &secret, qint64 timestampSecs);

struct RobotRequest
{
    QUrl url;
    QByteArray body; // application/json; charset=utf-8
};

// The POST for one alert to one webhook at time `now` (the signature's timestamp).
RobotRequest buildRobotRequest(const Webhook &hook, const AlertMessage &m, const QDateTime &now);
// The "Send test message" POST of the settings screen.
RobotRequest buildTestRequest(const Webhook &hook, const QDateTime &now);

struct ReplyOutcome
{
    bool sent = false;
    QString error; // why not, for last_error and the settings screen
};

// The robot's answer: 2xx with the platform's success code → sent; 2xx with another code →
// failed with the platform's message; HTML or other non-JSON → failed (wrong URL); an HTTP
// error status or a network error (timeout, connection refused) → failed with that reason.
// networkError is empty when a reply arrived; httpStatus is 0 when none did.
ReplyOutcome classifyReply(WebhookKind kind, int httpStatus, const QByteArray &body,
                           const QString &networkError = {});

} // namespace cockpit::delivery
