#include "delivery/robotmessage.h"

#include <QHash>

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QUrlQuery>

namespace cockpit::delivery {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cockpit::delivery", text);
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

struct Line
{
    QString label, value;
};

QList<Line> lines(const AlertMessage &m)
{
    QList<Line> out;
    out.append({tr("Subject"), m.subject.isEmpty() ? m.subjectKind : m.subject});
    out.append({tr("Owner"), m.owner.isEmpty() ? tr("nobody") : m.owner});
    if (!m.escalatedTo.isEmpty())
        out.append({tr("Escalated to"), tr("%1 (level %2)").arg(m.escalatedTo).arg(m.escalationLevel)});
    out.append({tr("Raised"), formatRaisedAt(m.raisedAt)});
    if (!m.details.isEmpty())
        out.append({tr("Details"), m.details});
    out.append({tr("Alert id"), m.alertId});
    return out;
}

QString snippet(const QByteArray &body)
{
    QString s = QString::fromUtf8(body.left(120)).simplified();
    if (body.size() > 120)
        s += QStringLiteral("…");
    return s;
}

} // namespace

QString ruleLabel(const QString &rule)
{
    if (rule == QLatin1String("stage_sla"))
        return tr("Stage SLA exceeded");
    if (rule == QLatin1String("silence"))
        return tr("Silent for 72 h");
    if (rule == QLatin1String("duplicate_touch"))
        return tr("Customer touched by several reps");
    if (rule == QLatin1String("compliance_stage_churn"))
        return tr("Compliance: repeated stage changes");
    if (rule == QLatin1String("compliance_quotes"))
        return tr("Compliance: repeated quote versions");
    if (rule == QLatin1String("handover_sla"))
        return tr("Marketing hand-over SLA exceeded");
    if (rule == QLatin1String("store_red"))
        return tr("Store below the red line");
    return rule;
}

QString formatRaisedAt(const QDateTime &utc)
{
    if (!utc.isValid())
        return tr("unknown time");
    const QDateTime local = utc.toLocalTime();
    const int offset = local.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC")
           + (offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
           + QStringLiteral("%1:%2").arg(minutes / 60, 2, 10, QLatin1Char('0')).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString alertTitle(const AlertMessage &m)
{
    return tr("Sales Cockpit alert: %1 — %2").arg(ruleLabel(m.rule), m.subject.isEmpty() ? m.subjectKind : m.subject);
}

QString alertPlainText(const AlertMessage &m)
{
    QString out = alertTitle(m);
    for (const Line &l : lines(m))
        out += QLatin1Char('\n') + l.label + QStringLiteral(": ") + l.value;
    return out;
}

QString alertMarkdown(const AlertMessage &m)
{
    QString out = QStringLiteral("### ") + alertTitle(m) + QLatin1Char('\n');
    for (const Line &l : lines(m))
        out += QStringLiteral("\n**") + l.label + QStringLiteral("**: ") + l.value + QStringLiteral("  ");
    return out;
}

QByteArray wecomMarkdownBody(const QString &content)
{
    return compact({{QStringLiteral("msgtype"), QStringLiteral("markdown")},
                    {QStringLiteral("markdown"), QJsonObject{{QStringLiteral("content"), content}}}});
}

QByteArray wecomTextBody(const QString &content)
{
    return compact({{QStringLiteral("msgtype"), QStringLiteral("text")},
                    {QStringLiteral("text"), QJsonObject{{QStringLiteral("content"), content}}}});
}

QByteArray dingtalkMarkdownBody(const QString &title, const QString &text)
{
    return compact({{QStringLiteral("msgtype"), QStringLiteral("markdown")},
                    {QStringLiteral("markdown"),
                     QJsonObject{{QStringLiteral("title"), title}, {QStringLiteral("text"), text}}}});
}

QByteArray dingtalkSignature(const QString &secret, qint64 timestampMs)
{
    const QByteArray key = secret.toUtf8();
    return hmacSha256(key, QByteArray::number(timestampMs) + '\n' + key).toBase64();
}

QUrl dingtalkSignedUrl(const QUrl &url, const QString &secret, qint64 timestampMs)
{
    if (secret.isEmpty())
        return url;
    // Percent-encode the signature ourselves: base64 holds '+', '/' and '=', and a bare '+'
    // in a query reads as a space on the server.
    const QByteArray sign = QUrl::toPercentEncoding(QString::fromLatin1(dingtalkSignature(secret, timestampMs)));
    QString query = url.query(QUrl::FullyEncoded);
    if (!query.isEmpty())
        query += QLatin1Char('&');
    query += QStringLiteral("timestamp=") + QString::number(timestampMs) + QStringLiteral("&sign=")
             + QString::fromLatin1(sign);
    QUrl out = url;
    out.setQuery(query, QUrl::StrictMode);
    return out;
}

QByteArray feishuSignature(const QString &secret, qint64 timestampSecs)
{
    return hmacSha256(QByteArray::number(timestampSecs) + '\n' + secret.toUtf8(), QByteArray()).toBase64();
}

QByteArray feishuTextBody(const QString &text, const QString &secret, qint64 timestampSecs)
{
    QJsonObject o{{QStringLiteral("msg_type"), QStringLiteral("text")},
                  {QStringLiteral("content"), QJsonObject{{QStringLiteral("text"), text}}}};
    if (!secret.isEmpty()) {
        o.insert(QStringLiteral("timestamp"), QString::number(timestampSecs));
        o.insert(QStringLiteral("sign"), QString::fromLatin1(feishuSignature(secret, timestampSecs)));
    }
    return compact(o);
}

RobotRequest buildRobotRequest(const Webhook &hook, const AlertMessage &m, const QDateTime &now)
{
    const QUrl url(hook.url.trimmed());
    switch (webhookKindFromKey(hook.kind)) {
    case WebhookKind::WeCom: return {url, wecomMarkdownBody(alertMarkdown(m))};
    case WebhookKind::DingTalk:
        return {dingtalkSignedUrl(url, hook.secret, now.toMSecsSinceEpoch()),
                dingtalkMarkdownBody(alertTitle(m), alertMarkdown(m))};
    case WebhookKind::Feishu: return {url, feishuTextBody(alertPlainText(m), hook.secret, now.toSecsSinceEpoch())};
    case WebhookKind::Unknown: break;
    }
    return {url, {}};
}

RobotRequest buildTestRequest(const Webhook &hook, const QDateTime &now)
{
    const QString text = tr("Sales Cockpit test message: this robot will receive alerts for %1.")
                             .arg(hook.name.isEmpty() ? webhookKindLabel(webhookKindFromKey(hook.kind)) : hook.name);
    const QUrl url(hook.url.trimmed());
    switch (webhookKindFromKey(hook.kind)) {
    case WebhookKind::WeCom: return {url, wecomTextBody(text)};
    case WebhookKind::DingTalk:
        return {dingtalkSignedUrl(url, hook.secret, now.toMSecsSinceEpoch()),
                dingtalkMarkdownBody(tr("Sales Cockpit test message"), text)};
    case WebhookKind::Feishu: return {url, feishuTextBody(text, hook.secret, now.toSecsSinceEpoch())};
    case WebhookKind::Unknown: break;
    }
    return {url, {}};
}

ReplyOutcome classifyReply(WebhookKind kind, int httpStatus, const QByteArray &body, const QString &networkError)
{
    if (!networkError.isEmpty() && httpStatus == 0)
        return {false, networkError};
    if (httpStatus < 200 || httpStatus > 299) {
        QString error = tr("HTTP %1").arg(httpStatus);
        if (!networkError.isEmpty())
            error += QStringLiteral(" (") + networkError + QLatin1Char(')');
        return {false, error};
    }
    const QByteArray trimmed = body.trimmed();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (trimmed.startsWith('<') || trimmed.left(512).toLower().contains("<html"))
            return {false, tr("the endpoint answered with HTML, not the robot's JSON — check the webhook URL")};
        if (trimmed.isEmpty())
            return {false, tr("the endpoint answered with an empty body, not the robot's JSON — check the webhook URL")};
        return {false, tr("the endpoint answered \"%1\", not the robot's JSON — check the webhook URL").arg(snippet(trimmed))};
    }
    const QJsonObject o = doc.object();
    const QString label = webhookKindLabel(kind);
    auto refused = [&](const QJsonValue &code, const QJsonValue &message) {
        return ReplyOutcome{false, tr("%1 refused the message: code %2, %3")
                                       .arg(label, QString::number(code.toInteger()),
                                            message.toString().isEmpty() ? tr("no message") : message.toString())};
    };
    // WeCom and DingTalk answer errcode/errmsg; Feishu code/msg (older replies StatusCode/StatusMessage).
    const bool feishu = kind == WebhookKind::Feishu;
    const bool dingOrWecom = kind == WebhookKind::WeCom || kind == WebhookKind::DingTalk;
    if (!feishu && o.contains(QStringLiteral("errcode")))
        return o.value(QStringLiteral("errcode")).toInteger(-1) == 0 && o.value(QStringLiteral("errcode")).isDouble()
                   ? ReplyOutcome{true, {}}
                   : refused(o.value(QStringLiteral("errcode")), o.value(QStringLiteral("errmsg")));
    if (!dingOrWecom && o.contains(QStringLiteral("code")))
        return o.value(QStringLiteral("code")).toInteger(-1) == 0 && o.value(QStringLiteral("code")).isDouble()
                   ? ReplyOutcome{true, {}}
                   : refused(o.value(QStringLiteral("code")), o.value(QStringLiteral("msg")));
    if (!dingOrWecom && o.contains(QStringLiteral("StatusCode")))
        return o.value(QStringLiteral("StatusCode")).toInteger(-1) == 0 && o.value(QStringLiteral("StatusCode")).isDouble()
                   ? ReplyOutcome{true, {}}
                   : refused(o.value(QStringLiteral("StatusCode")), o.value(QStringLiteral("StatusMessage")));
    return {false, tr("the endpoint answered JSON without the %1 robot's result code — check the webhook URL (%2)")
                       .arg(label, snippet(trimmed))};
}

DesktopNotice desktopNotice(const QList<AlertMessage> &alerts)
{
    DesktopNotice n;
    // Subjects in the order of their first alert, each with its rules (once each).
    QStringList order;
    QHash<QString, std::pair<QString, QStringList>> bySubject; // key → (name, rule labels)
    for (const AlertMessage &m : alerts) {
        const QString key = m.subjectKey.isEmpty() ? m.subjectKind + QLatin1Char(':') + m.subject : m.subjectKey;
        auto it = bySubject.find(key);
        if (it == bySubject.end()) {
            order << key;
            it = bySubject.insert(key, {m.subject, {}});
        }
        const QString label = ruleLabel(m.rule);
        if (!it->second.contains(label))
            it->second << label;
    }
    n.subjects = int(order.size());
    if (alerts.size() == 1) {
        n.title = alertTitle(alerts.first());
        n.body = alertPlainText(alerts.first()).section(QLatin1Char('\n'), 1);
        return n;
    }
    if (alerts.isEmpty())
        return n;
    n.title = n.subjects == 1
                  ? QCoreApplication::translate("cockpit::delivery", "%1 needs you (%2 new alerts)")
                        .arg(bySubject.value(order.first()).first).arg(alerts.size())
                  : QCoreApplication::translate("cockpit::delivery", "%1 subjects need you (%2 new alerts)")
                        .arg(n.subjects).arg(alerts.size());
    QStringList lines;
    for (const QString &key : order.mid(0, 3)) {
        const auto &[name, rules] = bySubject.value(key);
        lines << rules.join(QStringLiteral(" · ")) + QStringLiteral(": ") + name;
    }
    if (order.size() > 3)
        lines << QCoreApplication::translate("cockpit::delivery", "… and %1 more in Alerts").arg(order.size() - 3);
    n.body = lines.join(QLatin1Char('\n'));
    return n;
}

} // namespace cockpit::delivery
