#pragma once
// Add or edit one group-robot webhook: team, kind, name, URL, signing secret (shown as dots),
// enabled. Problems are shown inline as you type; OK saves through WebhookSecrets (URL and
// secret to the OS keychain, the rest to the file) and stays open with the message when the
// keychain or the store refuses. Editing a webhook reads its URL and secret from the keychain
// first; the fields wait, disabled, until they arrive.
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
    // True while the keychain is being read or written (the fields and OK wait).
    bool busy() const { return m_busy; }

Q_SIGNALS:
    void keychainFinished(); // a read or write of the keychain ended (tests wait for it)

private:
    void revalidate();
    void setBusy(bool busy, const QString &text);

    delivery::WebhookStore &m_store;
    delivery::Webhook m_hook;
    QComboBox *m_team, *m_kind;
    QLineEdit *m_name, *m_url, *m_secret;
    QCheckBox *m_enabled;
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace cockpit::ui
