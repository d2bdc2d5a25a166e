#pragma once
// Settings › Team server (issue 12): host, port, database, login, TLS mode (with a warning
// for `disable`) and the sync interval, kept in QSettings (sync/serversettings.h); the
// password goes to the OS keychain under user@host:port/db and never into QSettings. Test
// connection runs on a worker thread and answers "Connected as 王芳 (Regional manager, 华东)"
// or the server's classified refusal. Connect tests first, stores the password, then asks
// the app to make the local copy and pull into it (connectRequested); Disconnect asks the
// app to stop (disconnectRequested). While connected the server's fields are read-only.
#include "sync/pgconnection.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace cockpit::sync {
struct ServerWho;
}

namespace cockpit::ui {

class TeamServerSettings : public QWidget
{
    Q_OBJECT
public:
    explicit TeamServerSettings(QSettings &settings, QWidget *parent = nullptr);
    ~TeamServerSettings() override;

    // The fields as an address, with the password typed (empty when none was).
    sync::ServerAddress address() const;
    // Reads QSettings again (after the app connected or disconnected).
    void reload();
    void testConnection();
    void connectToServer();

    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QLineEdit *databaseEdit() const { return m_database; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QComboBox *tlsCombo() const { return m_tls; }
    QLabel *tlsWarning() const { return m_tlsWarning; }
    QSpinBox *intervalSpin() const { return m_interval; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *disconnectButton() const { return m_disconnect; }
    QLabel *result() const { return m_result; }

    // "Connected as 王芳 (Regional manager, 华东)".
    static QString connectedText(const sync::ServerWho &who);
    // The password dialog of a session without a keychain (or after a refusal); empty when
    // the user cancels.
    static QString askPassword(QWidget *parent, const sync::ServerAddress &address, const QString &why);

Q_SIGNALS:
    void testFinished(bool ok, const QString &message);
    // Tested and the password stored (or kept for this session): make the copy and pull.
    void connectRequested(const cockpit::sync::ServerAddress &address, int intervalMinutes);
    void disconnectRequested();
    void intervalChanged(int minutes);

private:
    void save();
    void updateState();
    // The password typed, else the keychain's; `then` gets it (empty: none anywhere).
    void withPassword(std::function<void(const QString &)> then);
    void probe(const sync::ServerAddress &address, std::function<void(bool ok)> then);
    void setBusy(bool busy);

    QSettings &m_settings;
    QLineEdit *m_host, *m_database, *m_user, *m_password;
    QSpinBox *m_port, *m_interval;
    QComboBox *m_tls;
    QLabel *m_tlsWarning, *m_result, *m_state;
    QPushButton *m_test, *m_connect, *m_disconnect;
    bool m_connected = false;
    bool m_busy = false;
};

} // namespace cockpit::ui
