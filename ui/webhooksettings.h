#pragma once
// Settings › Alert delivery: the group-robot webhooks per team (add, edit, remove, enable),
// "Send test message" with the classified answer, and the state of the delivery queue.
#include "delivery/webhook.h"

#include <QWidget>

#include <memory>

class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QTableWidget;

namespace cockpit::delivery {
class WebhookStore;
}

namespace cockpit::storage {
class Database;
}

namespace cockpit::ui {

class WebhookSettings : public QWidget
{
    Q_OBJECT
public:
    enum Column { TeamColumn, KindColumn, NameColumn, UrlColumn, SecretColumn, EnabledColumn, ColumnCount };

    explicit WebhookSettings(storage::Database &db, QWidget *parent = nullptr);
    ~WebhookSettings() override;
    void refresh();
    QTableWidget *table() const { return m_table; }
    QLabel *testResult() const { return m_testResult; }
    // The selected webhook's id, empty when none.
    QString selectedId() const;
    // Sends the test message to the selected webhook; the result appears in testResult().
    void sendTest();

Q_SIGNALS:
    void testFinished(bool sent, const QString &message);

private:
    void addWebhook();
    void editWebhook();
    void removeWebhook();
    void updateButtons();

    storage::Database &m_db;
    std::unique_ptr<delivery::WebhookStore> m_store;
    QList<delivery::Webhook> m_hooks;
    QTableWidget *m_table;
    QPushButton *m_add, *m_edit, *m_remove, *m_test;
    QLabel *m_testResult, *m_queueInfo;
    QNetworkAccessManager *m_nam;
};

} // namespace cockpit::ui
