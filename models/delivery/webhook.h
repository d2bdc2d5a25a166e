#pragma once
// A group-robot webhook (DESIGN.md §3): WeCom 企业微信, DingTalk 钉钉 or Feishu 飞书, configured
// per team (empty team = the whole company) in Settings and stored in the local `webhooks` table.
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

namespace cockpit::delivery {

Q_DECLARE_LOGGING_CATEGORY(lcDelivery)

enum class WebhookKind { Unknown, WeCom, DingTalk, Feishu };

// "wecom", "dingtalk", "feishu" <-> the enum; Unknown for anything else.
WebhookKind webhookKindFromKey(const QString &key);
QString webhookKindKey(WebhookKind kind);
// "WeCom", "DingTalk", "Feishu" (product names, shown as they are).
QString webhookKindLabel(WebhookKind kind);
// The host a real robot URL of this kind has, e.g. "qyapi.weixin.qq.com".
QString webhookDocumentedHost(WebhookKind kind);

struct Webhook
{
    QString id;
    QString teamId; // empty = every team
    QString kind;   // wecom, dingtalk, feishu
    QString name;
    // The robot's URL (its token is the key to the group) and signing secret live in the OS
    // keychain (WebhookSecrets), never in the database file. A webhook read from the file has
    // them empty until WebhookSecrets::load fills them; `urlShown` and `hasSecret` are what
    // the file keeps to show: the URL without its token ("https://qyapi.weixin.qq.com/…").
    QString url;
    QString secret; // signing secret, empty when the robot is unsigned
    QString urlShown;
    bool hasSecret = false;
    // True for a row written by this version; false for one an older version wrote with the URL
    // and secret in clear (moved to the keychain by WebhookSecrets::migrate at the next start).
    bool secretsInKeychain = false;
    bool enabled = true;
    QString createdAt;
};

struct WebhookValidation
{
    QStringList errors;   // block saving
    QStringList warnings; // shown, saving allowed (e.g. a host other than the documented one)
    bool ok() const { return errors.isEmpty(); }
};

// Checks a webhook before it is saved: the kind is known and the URL is http(s) with a host.
// A host other than the platform's documented one is only a warning (tests and proxies use
// other hosts). Pure; every message names the field.
WebhookValidation validateWebhook(const Webhook &hook);

// "https://qyapi.weixin.qq.com/…": scheme, host and port of a URL, never its path or query
// (where robots keep their token). Pure.
QString shortWebhookUrl(const QString &url);

// QtSql binds a null QString as SQL NULL; text columns here are NOT NULL DEFAULT ''.
inline QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace cockpit::delivery
