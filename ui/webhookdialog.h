#pragma once
// Add or edit one group-robot webhook: team, kind, name, URL, signing secret (shown as dots),
// enabled. Problems are shown inline as you type; OK saves through WebhookStore and stays
// open with the message when the store refuses.
#include "delivery/webhook.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace cockpit::delivery {
class WebhookStore;
}

namespace cockpit::ui {

class WebhookDialog : public QDialog
{
    Q_OBJECT
public:
    WebhookDialog(delivery::WebhookStore &store, const delivery::Webhook &hook, QWidget *parent = nullptr);
    const delivery::Webhook &webhook() const { return m_hook; }
    delivery::Webhook edited() const;
    QLineEdit *urlEdit() const { return m_url; }
    QLabel *problems() const { return m_problems; }

    void accept() override;

private:
    void revalidate();

    delivery::WebhookStore &m_store;
    delivery::Webhook m_hook;
    QComboBox *m_team, *m_kind;
    QLineEdit *m_name, *m_url, *m_secret;
    QCheckBox *m_enabled;
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
};

} // namespace cockpit::ui
