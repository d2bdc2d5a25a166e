#include "teamserversettings.h"

#include "identity.h"
#include "secrets/keychain.h"
#include "sync/serversettings.h"
#include "sync/syncservice.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace cockpit::ui {

namespace {
struct ProbeResult
{
    bool ok = false;
    sync::ServerWho who;
    sync::PgError error;
};
} // namespace

TeamServerSettings::TeamServerSettings(QSettings &settings, QWidget *parent) : QWidget(parent), m_settings(settings)
{
    setObjectName(QStringLiteral("teamServerSettings"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *intro = new QLabel(tr("Connect to your company's team server to work on your region's data with the rest "
                                "of the team. Sales Cockpit keeps a copy on this computer, so you can work offline; "
                                "your edits are sent when the server can be reached."), this);
    intro->setWordWrap(true);
    intro->setObjectName(QStringLiteral("muted"));
    layout->addWidget(intro);

    auto *box = new QGroupBox(tr("Server"), this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_host = new QLineEdit(box);
    m_host->setObjectName(QStringLiteral("serverHost"));
    m_host->setMinimumWidth(320);
    m_host->setPlaceholderText(tr("e.g. cockpit.example.com"));
    m_port = new QSpinBox(box);
    m_port->setObjectName(QStringLiteral("serverPort"));
    m_port->setRange(1, 65535);
    m_port->setGroupSeparatorShown(false);
    m_database = new QLineEdit(box);
    m_database->setObjectName(QStringLiteral("serverDatabase"));
    m_database->setMinimumWidth(320);
    m_user = new QLineEdit(box);
    m_user->setObjectName(QStringLiteral("serverUser"));
    m_user->setMinimumWidth(320);
    m_user->setPlaceholderText(tr("the login your administrator gave you"));
    m_password = new QLineEdit(box);
    m_password->setObjectName(QStringLiteral("serverPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMinimumWidth(320);
    m_tls = new QComboBox(box);
    m_tls->setObjectName(QStringLiteral("serverTls"));
    m_tls->addItem(tr("verify-full: encrypted, the server's certificate and name checked (recommended)"),
                   QStringLiteral("verify-full"));
    m_tls->addItem(tr("require: encrypted, the certificate not checked"), QStringLiteral("require"));
    m_tls->addItem(tr("disable: not encrypted"), QStringLiteral("disable"));
    m_tlsWarning = new QLabel(tr("⚠ Without encryption your password and your company's data cross the network "
                                 "readable by anyone on the way. Use it only on this computer or a network you trust."),
                              box);
    m_tlsWarning->setObjectName(QStringLiteral("tlsWarning"));
    m_tlsWarning->setWordWrap(true);
    m_tlsWarning->setMaximumWidth(560);
    m_tlsWarning->setStyleSheet(QStringLiteral("QLabel#tlsWarning { color: #8a1c12; background: #fdecea; "
                                               "border: 1px solid #d93025; border-radius: 4px; padding: 6px; }"));
    m_interval = new QSpinBox(box);
    m_interval->setObjectName(QStringLiteral("syncInterval"));
    m_interval->setRange(1, 240);
    m_interval->setSuffix(tr(" min"));
    form->addRow(tr("Host"), m_host);
    form->addRow(tr("Port"), m_port);
    form->addRow(tr("Database"), m_database);
    form->addRow(tr("User"), m_user);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Encryption (TLS)"), m_tls);
    form->addRow(QString(), m_tlsWarning);
    form->addRow(tr("Sync every"), m_interval);
    layout->addWidget(box);

    auto *buttons = new QHBoxLayout;
    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_connect = new QPushButton(tr("&Connect"), this);
    m_connect->setObjectName(QStringLiteral("connectServer"));
    m_disconnect = new QPushButton(tr("&Disconnect"), this);
    m_disconnect->setObjectName(QStringLiteral("disconnectServer"));
    buttons->addWidget(m_test);
    buttons->addWidget(m_connect);
    buttons->addWidget(m_disconnect);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("serverResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("muted"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    layout->addStretch();

    reload();
    connect(m_tls, &QComboBox::currentIndexChanged, this, &TeamServerSettings::updateState);
    for (QLineEdit *e : {m_host, m_database, m_user})
        connect(e, &QLineEdit::textEdited, this, &TeamServerSettings::save);
    connect(m_port, &QSpinBox::valueChanged, this, &TeamServerSettings::save);
    connect(m_tls, &QComboBox::currentIndexChanged, this, &TeamServerSettings::save);
    connect(m_interval, &QSpinBox::valueChanged, this, [this](int minutes) {
        save();
        Q_EMIT intervalChanged(minutes);
    });
    connect(m_test, &QPushButton::clicked, this, &TeamServerSettings::testConnection);
    connect(m_connect, &QPushButton::clicked, this, &TeamServerSettings::connectToServer);
    connect(m_disconnect, &QPushButton::clicked, this, &TeamServerSettings::disconnectRequested);
}

TeamServerSettings::~TeamServerSettings() = default;

void TeamServerSettings::reload()
{
    const sync::ServerSettings s = sync::ServerSettings::load(m_settings);
    const QSignalBlocker b1(m_port), b2(m_tls), b3(m_interval);
    m_host->setText(s.address.host);
    m_port->setValue(s.address.port);
    m_database->setText(s.address.database);
    m_user->setText(s.address.user);
    m_tls->setCurrentIndex(std::max(0, m_tls->findData(sync::sslModeText(s.address.sslMode))));
    m_interval->setValue(s.intervalMinutes);
    m_connected = s.connected;
    updateState();
}

sync::ServerAddress TeamServerSettings::address() const
{
    sync::ServerAddress a;
    a.host = m_host->text().trimmed();
    a.port = m_port->value();
    a.database = m_database->text().trimmed();
    a.user = m_user->text().trimmed();
    a.password = m_password->text();
    sync::sslModeFromText(m_tls->currentData().toString(), &a.sslMode);
    return a;
}

void TeamServerSettings::save()
{
    if (m_connected)
        return; // the fields are the connected server's; only the interval changes (below)
    sync::ServerSettings s = sync::ServerSettings::load(m_settings);
    s.address = address();
    s.address.password.clear(); // never in QSettings
    s.intervalMinutes = m_interval->value();
    s.save(m_settings);
}

void TeamServerSettings::updateState()
{
    m_tlsWarning->setVisible(m_tls->currentData().toString() == QLatin1String("disable"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_host, m_port, m_database, m_user, m_tls})
        w->setEnabled(!m_connected && !m_busy);
    m_password->setEnabled(!m_busy);
    m_test->setEnabled(!m_busy);
    m_connect->setVisible(!m_connected);
    m_connect->setEnabled(!m_busy);
    m_disconnect->setVisible(m_connected);
    m_disconnect->setEnabled(!m_busy);
    const sync::ServerSettings s = sync::ServerSettings::load(m_settings);
    m_password->setPlaceholderText(m_connected ? tr("kept in the system keychain") : QString());
    m_state->setText(m_connected ? tr("Connected: this computer keeps a copy of the server's data in %1 and syncs it "
                                      "every %2 min and on File › Sync now (F9).")
                                       .arg(QDir::toNativeSeparators(s.file))
                                       .arg(s.intervalMinutes)
                                 : tr("Not connected: Sales Cockpit works on the file on this computer only."));
}

void TeamServerSettings::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

QString TeamServerSettings::connectedText(const sync::ServerWho &who)
{
    const QString role = Identity::roleName(who.role);
    const QString where = who.director || who.regionName.isEmpty() ? tr("all regions") : who.regionName;
    return tr("Connected as %1 (%2, %3)").arg(who.userName.isEmpty() ? who.login : who.userName, role, where);
}

void TeamServerSettings::withPassword(std::function<void(const QString &)> then)
{
    if (!m_password->text().isEmpty()) {
        then(m_password->text());
        return;
    }
    // Nothing typed: the keychain's, for a server connected before.
    secrets::Keychain::read(sync::keychainKey(address()), this, [then](const secrets::Result &r) {
        then(r.ok() ? QString::fromUtf8(r.data) : QString());
    });
}

void TeamServerSettings::probe(const sync::ServerAddress &address, std::function<void(bool ok)> then)
{
    const QString missing = address.host.isEmpty() ? tr("the host")
                            : address.database.isEmpty() ? tr("the database")
                            : address.user.isEmpty() ? tr("the user") : QString();
    if (!missing.isEmpty()) {
        m_result->setText(tr("Enter %1 first.").arg(missing));
        Q_EMIT testFinished(false, m_result->text());
        then(false);
        return;
    }
    setBusy(true);
    m_result->setText(tr("Connecting to %1…").arg(address.display()));
    auto *watcher = new QFutureWatcher<ProbeResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, then] {
        const ProbeResult r = watcher->result();
        watcher->deleteLater();
        setBusy(false);
        const QString text = r.ok ? connectedText(r.who) : r.error.message;
        m_result->setText(r.ok ? QString(QStringLiteral("✓ ") + text) : text);
        m_result->setStyleSheet(r.ok ? QString() : QStringLiteral("color: #b3261e;"));
        Q_EMIT testFinished(r.ok, text);
        then(r.ok);
    });
    watcher->setFuture(QtConcurrent::run([address] {
        ProbeResult r;
        r.ok = sync::probeServer(address, &r.who, &r.error);
        return r;
    }));
}

void TeamServerSettings::testConnection()
{
    save();
    withPassword([this](const QString &password) {
        sync::ServerAddress a = address();
        a.password = password;
        probe(a, [](bool) {});
    });
}

void TeamServerSettings::connectToServer()
{
    save();
    QPointer<TeamServerSettings> self(this);
    withPassword([this, self](const QString &password) {
        if (!self)
            return;
        sync::ServerAddress a = address();
        a.password = password;
        probe(a, [this, a](bool ok) {
            if (!ok)
                return;
            // Stored before the copy is made: the app's next start reads it from there.
            secrets::Keychain::write(sync::keychainKey(a), a.password.toUtf8(), this, [this, a](const secrets::Result &r) {
                if (!r.ok())
                    m_result->setText(m_result->text() + QLatin1Char('\n')
                                      + tr("The password could not be stored (%1). It is kept only while Sales Cockpit "
                                           "runs, and asked for at each start.").arg(r.error));
                m_password->clear();
                Q_EMIT connectRequested(a, m_interval->value());
            });
        });
    });
}

QString TeamServerSettings::askPassword(QWidget *parent, const sync::ServerAddress &address, const QString &why)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(tr("Team server password"));
    auto *layout = new QVBoxLayout(&dialog);
    const QString ask = tr("Password of %1:").arg(address.display());
    auto *text = new QLabel(why.isEmpty() ? ask : QString(why + QStringLiteral("\n\n") + ask), &dialog);
    text->setWordWrap(true);
    auto *edit = new QLineEdit(&dialog);
    edit->setObjectName(QStringLiteral("sessionPassword"));
    edit->setEchoMode(QLineEdit::Password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    layout->addWidget(text);
    layout->addWidget(edit);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.resize(460, dialog.sizeHint().height());
    return dialog.exec() == QDialog::Accepted ? edit->text() : QString();
}

} // namespace cockpit::ui
