#include "webhookdialog.h"

#include "domain/ids.h"
#include "delivery/webhooksecrets.h"
#include "delivery/webhookstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace cockpit::ui {

WebhookDialog::WebhookDialog(delivery::WebhookStore &store, const delivery::Webhook &hook, QWidget *parent)
    : QDialog(parent), m_store(store), m_hook(hook)
{
    setWindowTitle(hook.id.isEmpty() ? tr("Add webhook") : tr("Edit webhook"));
    setMinimumWidth(560);
    auto *form = new QFormLayout(this);
    m_team = new QComboBox(this);
    m_team->addItem(tr("All teams"), QString());
    for (const auto &[id, name] : store.teams())
        m_team->addItem(name, id);
    m_team->setCurrentIndex(std::max(0, m_team->findData(hook.teamId)));
    m_kind = new QComboBox(this);
    for (auto kind : {delivery::WebhookKind::WeCom, delivery::WebhookKind::DingTalk, delivery::WebhookKind::Feishu})
        m_kind->addItem(delivery::webhookKindLabel(kind), delivery::webhookKindKey(kind));
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(hook.kind)));
    m_name = new QLineEdit(hook.name, this);
    m_name->setPlaceholderText(tr("e.g. 华东销售群"));
    m_url = new QLineEdit(hook.url, this);
    m_url->setObjectName(QStringLiteral("webhookUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"));
    m_secret = new QLineEdit(hook.secret, this);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("only when the robot signs messages (DingTalk 加签, Feishu 签名校验)"));
    m_enabled = new QCheckBox(tr("Post new alerts to this robot"), this);
    m_enabled->setChecked(hook.enabled);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("webhookProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(tr("Team"), m_team);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Webhook URL"), m_url);
    form->addRow(tr("Signing secret"), m_secret);
    form->addRow(QString(), m_enabled);
    form->addRow(m_problems);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WebhookDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &WebhookDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, &WebhookDialog::revalidate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &WebhookDialog::revalidate);
    revalidate();
    if (hook.secretsInKeychain && hook.url.isEmpty()) {
        setBusy(true, tr("Reading the robot's URL and secret from the system keychain…"));
        delivery::WebhookSecrets::load(hook, this, [this](const delivery::Webhook &filled, const QString &error) {
            setBusy(false, {});
            if (error.isEmpty()) {
                m_hook.url = filled.url;
                m_hook.secret = filled.secret;
                m_url->setText(filled.url);
                m_secret->setText(filled.secret);
                revalidate();
            } else {
                m_problems->setText(tr("Enter the URL and secret again: %1").arg(error));
                m_problems->setStyleSheet(QStringLiteral("color: #c62828;"));
            }
            Q_EMIT keychainFinished();
        });
    }
}

void WebhookDialog::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    for (QWidget *w : std::initializer_list<QWidget *>{m_url, m_secret, m_team, m_kind, m_name, m_enabled})
        w->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    if (busy) {
        m_problems->setText(text);
        m_problems->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    }
}

delivery::Webhook WebhookDialog::edited() const
{
    delivery::Webhook h = m_hook;
    h.teamId = m_team->currentData().toString();
    h.kind = m_kind->currentData().toString();
    h.name = m_name->text();
    h.url = m_url->text();
    h.secret = m_secret->text();
    h.enabled = m_enabled->isChecked();
    return h;
}

void WebhookDialog::revalidate()
{
    const delivery::WebhookValidation v = delivery::validateWebhook(edited());
    QStringList lines = v.errors;
    lines += v.warnings;
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setStyleSheet(v.ok() ? QStringLiteral("color: palette(placeholder-text);")
                                     : QStringLiteral("color: #c62828;"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(v.ok());
}

void WebhookDialog::accept()
{
    if (m_busy)
        return;
    setBusy(true, tr("Saving the robot's URL and secret in the system keychain…"));
    delivery::WebhookSecrets::save(m_store, edited(), nowIsoUtc(), this,
                                   [this](const delivery::WebhookValidation &v, const delivery::Webhook &saved) {
                                       setBusy(false, {});
                                       Q_EMIT keychainFinished();
                                       if (!v.ok()) {
                                           m_problems->setText(v.errors.join(QLatin1Char('\n')));
                                           m_problems->setStyleSheet(QStringLiteral("color: #c62828;"));
                                           return;
                                       }
                                       m_hook = saved;
                                       QDialog::accept();
                                   });
}

} // namespace cockpit::ui
