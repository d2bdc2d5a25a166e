#include "webhooksettings.h"

#include "delivery/deliveryqueue.h"
#include "domain/ids.h"
#include "delivery/robotpost.h"
#include "webhookdialog.h"
#include "delivery/webhooksecrets.h"
#include "delivery/webhookstore.h"
#include "storage/database.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cockpit::ui {

WebhookSettings::WebhookSettings(storage::Database &db, QWidget *parent)
    : QWidget(parent), m_db(db), m_store(std::make_unique<delivery::WebhookStore>(db)),
      m_nam(new QNetworkAccessManager(this))
{
    setObjectName(QStringLiteral("webhookSettings"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *note = new QLabel(tr("New alerts go to the signed-in user as a desktop notification and to these group "
                               "robots of the alert owner's team (a robot for all teams gets every alert). A failed "
                               "post stays queued and is retried with back-off."), this);
    note->setWordWrap(true);
    note->setObjectName(QStringLiteral("muted"));
    layout->addWidget(note);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("webhookTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Team"), tr("Kind"), tr("Name"), tr("Webhook URL"), tr("Secret"), tr("Enabled")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    m_table->setMinimumHeight(120);
    layout->addWidget(m_table);

    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add…"), this);
    m_edit = new QPushButton(tr("Edit…"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    m_test = new QPushButton(tr("Send test message"), this);
    m_test->setObjectName(QStringLiteral("sendTestButton"));
    for (QPushButton *b : {m_add, m_edit, m_remove, m_test})
        buttons->addWidget(b);
    buttons->addStretch();
    m_queueInfo = new QLabel(this);
    m_queueInfo->setObjectName(QStringLiteral("muted"));
    buttons->addWidget(m_queueInfo);
    layout->addLayout(buttons);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("webhookTestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_testResult);

    connect(m_add, &QPushButton::clicked, this, &WebhookSettings::addWebhook);
    connect(m_edit, &QPushButton::clicked, this, &WebhookSettings::editWebhook);
    connect(m_remove, &QPushButton::clicked, this, &WebhookSettings::removeWebhook);
    connect(m_test, &QPushButton::clicked, this, &WebhookSettings::sendTest);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &WebhookSettings::updateButtons);
    connect(m_table, &QTableWidget::itemDoubleClicked, this, &WebhookSettings::editWebhook);
    refresh();
}

WebhookSettings::~WebhookSettings() = default;

void WebhookSettings::refresh()
{
    if (!m_db.isOpen())
        return;
    const QString selected = selectedId();
    QHash<QString, QString> teams;
    for (const auto &[id, name] : m_store->teams())
        teams.insert(id, name);
    m_hooks = m_store->all();
    m_table->setRowCount(int(m_hooks.size()));
    for (int r = 0; r < m_hooks.size(); ++r) {
        const delivery::Webhook &h = m_hooks.at(r);
        auto set = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setData(Qt::UserRole, h.id);
            m_table->setItem(r, column, item);
        };
        set(TeamColumn, h.teamId.isEmpty() ? tr("All teams") : teams.value(h.teamId, h.teamId));
        set(KindColumn, delivery::webhookKindLabel(delivery::webhookKindFromKey(h.kind)));
        set(NameColumn, h.name);
        set(UrlColumn, h.urlShown); // the token stays in the keychain
        // The secret never appears in clear on screen (or in a screenshot).
        set(SecretColumn, h.hasSecret ? QString(8, QChar(0x2022)) : tr("none"));
        set(EnabledColumn, h.enabled ? tr("yes") : tr("no"));
        if (h.id == selected)
            m_table->selectRow(r);
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    const delivery::QueueCounts c = delivery::DeliveryQueue(m_db).counts();
    m_queueInfo->setText(tr("Queue: %1 sent · %2 waiting · %3 retrying").arg(c.sent).arg(c.waiting).arg(c.retrying));
    updateButtons();
}

QString WebhookSettings::selectedId() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    const QTableWidgetItem *item = m_table->item(rows.first().row(), 0);
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void WebhookSettings::updateButtons()
{
    const bool any = !selectedId().isEmpty();
    m_edit->setEnabled(any);
    m_remove->setEnabled(any);
    m_test->setEnabled(any);
}

void WebhookSettings::addWebhook()
{
    delivery::Webhook h;
    h.kind = QStringLiteral("wecom");
    WebhookDialog dialog(*m_store, h, this);
    if (dialog.exec() == QDialog::Accepted) {
        refresh();
        for (int r = 0; r < m_hooks.size(); ++r)
            if (m_hooks.at(r).id == dialog.webhook().id)
                m_table->selectRow(r);
    }
}

void WebhookSettings::editWebhook()
{
    const auto hook = m_store->find(selectedId());
    if (!hook)
        return;
    WebhookDialog dialog(*m_store, *hook, this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

void WebhookSettings::removeWebhook()
{
    const auto hook = m_store->find(selectedId());
    if (!hook)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Remove webhook"),
        tr("Remove the %1 webhook \"%2\"? Alerts not yet posted to it are cancelled; alerts already sent stay in "
           "its group.").arg(delivery::webhookKindLabel(delivery::webhookKindFromKey(hook->kind)),
                             hook->name.isEmpty() ? hook->urlShown : hook->name));
    if (answer != QMessageBox::Yes)
        return;
    QString error;
    if (!m_store->remove(hook->id, &error))
        QMessageBox::warning(this, tr("Remove webhook"), tr("The webhook could not be removed: %1").arg(error));
    else
        delivery::WebhookSecrets::forget(hook->id, this, [](const QString &e) {
            if (!e.isEmpty())
                qCWarning(delivery::lcDelivery) << "the removed webhook's keychain entry stays:" << e;
        });
    refresh();
}

void WebhookSettings::sendTest()
{
    const auto hook = m_store->find(selectedId());
    if (!hook)
        return;
    const QString label = delivery::webhookKindLabel(delivery::webhookKindFromKey(hook->kind));
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Sending a test message to %1…").arg(label));
    m_test->setEnabled(false);
    const int timeout = delivery::DeliveryQueue(m_db).timeoutMs();
    delivery::WebhookSecrets::load(*hook, this, [this, label, timeout](const delivery::Webhook &filled, const QString &error) {
        const auto finish = [this](bool sent, const QString &message) {
            m_testResult->setText(message);
            m_testResult->setStyleSheet(sent ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
            updateButtons();
            Q_EMIT testFinished(sent, message);
        };
        if (!error.isEmpty()) {
            finish(false, tr("✗ The test message was not delivered: %1").arg(error));
            return;
        }
        auto *post = new delivery::RobotPost(*m_nam, delivery::webhookKindFromKey(filled.kind),
                                             delivery::buildTestRequest(filled, QDateTime::currentDateTimeUtc()), timeout, this);
        connect(post, &delivery::RobotPost::finished, this, [label, finish](bool sent, const QString &e) {
            finish(sent, sent ? tr("✓ %1 accepted the test message.").arg(label)
                              : tr("✗ The test message was not delivered: %1").arg(e));
        });
    });
}

} // namespace cockpit::ui
