#include "delivery/webhook.h"

#include <QUrl>

namespace cockpit::delivery {

Q_LOGGING_CATEGORY(lcDelivery, "cockpit.delivery")

WebhookKind webhookKindFromKey(const QString &key)
{
    if (key == QLatin1String("wecom"))
        return WebhookKind::WeCom;
    if (key == QLatin1String("dingtalk"))
        return WebhookKind::DingTalk;
    if (key == QLatin1String("feishu"))
        return WebhookKind::Feishu;
    return WebhookKind::Unknown;
}

QString webhookKindKey(WebhookKind kind)
{
    switch (kind) {
    case WebhookKind::WeCom: return QStringLiteral("wecom");
    case WebhookKind::DingTalk: return QStringLiteral("dingtalk");
    case WebhookKind::Feishu: return QStringLiteral("feishu");
    case WebhookKind::Unknown: break;
    }
    return {};
}

QString webhookKindLabel(WebhookKind kind)
{
    switch (kind) {
    case WebhookKind::WeCom: return QStringLiteral("WeCom");
    case WebhookKind::DingTalk: return QStringLiteral("DingTalk");
    case WebhookKind::Feishu: return QStringLiteral("Feishu");
    case WebhookKind::Unknown: break;
    }
    return QStringLiteral("?");
}

QString webhookDocumentedHost(WebhookKind kind)
{
    switch (kind) {
    case WebhookKind::WeCom: return QStringLiteral("qyapi.weixin.qq.com");
    case WebhookKind::DingTalk: return QStringLiteral("oapi.dingtalk.com");
    case WebhookKind::Feishu: return QStringLiteral("open.feishu.cn");
    case WebhookKind::Unknown: break;
    }
    return {};
}

WebhookValidation validateWebhook(const Webhook &hook)
{
    WebhookValidation v;
    const WebhookKind kind = webhookKindFromKey(hook.kind);
    if (kind == WebhookKind::Unknown)
        v.errors << QCoreApplication::translate("cockpit::delivery",
                                                "Kind: \"%1\" is not a robot we know; choose WeCom, DingTalk or Feishu.")
                        .arg(hook.kind);
    const QString text = hook.url.trimmed();
    if (text.isEmpty()) {
        v.errors << QCoreApplication::translate("cockpit::delivery",
                                                "URL: enter the robot's webhook address (https://…).");
        return v;
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || scheme.isEmpty()) {
        v.errors << QCoreApplication::translate("cockpit::delivery",
                                                "URL: \"%1\" is not a web address; it must start with https:// or http://.")
                        .arg(text);
        return v;
    }
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        v.errors << QCoreApplication::translate("cockpit::delivery",
                                                "URL: the scheme \"%1:\" is not allowed; a robot webhook is an https:// (or http://) address.")
                        .arg(scheme);
        return v;
    }
    if (url.host().isEmpty()) {
        v.errors << QCoreApplication::translate("cockpit::delivery", "URL: \"%1\" has no host name.").arg(text);
        return v;
    }
    if (kind != WebhookKind::Unknown && url.host().compare(webhookDocumentedHost(kind), Qt::CaseInsensitive) != 0)
        v.warnings << QCoreApplication::translate("cockpit::delivery",
                                                  "URL: %1 robots live on %2; \"%3\" is another host. Saved anyway (a proxy or a test receiver).")
                          .arg(webhookKindLabel(kind), webhookDocumentedHost(kind), url.host());
    else if (scheme == QLatin1String("http") && kind != WebhookKind::Unknown)
        v.warnings << QCoreApplication::translate("cockpit::delivery",
                                                  "URL: plain http:// sends the robot's key unencrypted; the platform documents https://.");
    return v;
}

QString shortWebhookUrl(const QString &url)
{
    const QUrl u(url.trimmed());
    if (!u.isValid() || u.host().isEmpty())
        return QStringLiteral("…");
    QString out = u.scheme() + QLatin1String("://") + u.host();
    if (u.port() != -1)
        out += QLatin1Char(':') + QString::number(u.port());
    return out + QStringLiteral("/…");
}

} // namespace cockpit::delivery
