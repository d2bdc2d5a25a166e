// The desktop's team mode (issue 12), the part of GuiApp that wires the team server: Connect
// (a local copy of its own, the first pull with progress, then the window switches to the copy
// the way File › Open does), the background sync of a connected copy (password from the
// keychain, or asked for each session when there is none), Disconnect.
#include "guiapp.h"

#include "firstpulldialog.h"
#include "mainwindow.h"
#include "secrets/keychain.h"
#include "settingspage.h"
#include "storage/database.h"
#include "sync/serversettings.h"
#include "sync/syncservice.h"
#include "teamserversettings.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

namespace cockpit::app {

QString GuiApp::startPath() const
{
    if (!m_options.dbPath.isEmpty())
        return m_options.dbPath;
    // Connected to a team server: the app opens its local copy (File › Open reaches the demo).
    const sync::ServerSettings server = sync::ServerSettings::load(*m_settings);
    if (server.connected && QFileInfo::exists(server.file))
        return server.file;
    return defaultDatabasePath();
}

void GuiApp::wireTeamServer()
{
    ui::SettingsPage *settings = m_window->settingsPage();
    connect(settings, &ui::SettingsPage::serverConnectRequested, this, &GuiApp::connectToServer);
    connect(settings, &ui::SettingsPage::serverDisconnectRequested, this, &GuiApp::disconnectFromServer);
    connect(settings, &ui::SettingsPage::syncIntervalChanged, this, [this](int minutes) {
        if (m_sync)
            m_sync->setInterval(minutes);
    });
    sync::ServerSettings server = sync::ServerSettings::load(*m_settings);
    if (!m_options.screenshotServer.isEmpty()) {
        // `--screenshot VIEW --db FILE --server URL`: FILE as that server's local copy for this
        // run (the settings are left as they are), synced once before the shot.
        QString why;
        if (!sync::ServerAddress::fromUrl(m_options.screenshotServer, &server.address, &why))
            return; // checked with the other options (main.cpp)
        server.connected = true;
        server.file = m_db->path();
        server.intervalMinutes = 0;
    }
    if (!server.connected || QFileInfo(server.file) != QFileInfo(m_db->path()))
        return; // standalone: the window shows what it always showed
    if (!m_options.screenshotView.isEmpty()) {
        // A screenshot neither asks nor waits for a keychain (libpq's PGPASSWORD or ~/.pgpass
        // serve): without a secret service a keychain job may not answer for a long time.
        m_syncShotPending = true;
        startSync(server, QString());
        return;
    }
    QPointer<GuiApp> self(this);
    secrets::Keychain::read(sync::keychainKey(server.address), this, [this, self, server](const secrets::Result &r) {
        if (!self || !m_window)
            return;
        QString password = QString::fromUtf8(r.data);
        if (!r.ok() && m_options.screenshotView.isEmpty())
            password = ui::TeamServerSettings::askPassword(
                m_window.get(), server.address,
                r.status == secrets::Status::NoKeychain
                    ? tr("The system keychain is not available, so Sales Cockpit asks for the team server's password "
                         "each time it starts and keeps it only in memory.")
                    : r.error);
        startSync(server, password);
    });
}

void GuiApp::startSync(const sync::ServerSettings &server, const QString &password)
{
    sync::ServerAddress address = server.address;
    address.password = password;
    m_sync = std::make_unique<sync::SyncService>(*m_db, address);
    m_window->attachSync(m_sync.get());
    // A refused password (changed on the server since): asked again once per refusal, and
    // kept in the keychain when one works.
    connect(m_sync.get(), &sync::SyncService::finished, this, [this](const sync::SyncOutcome &outcome) {
        if (outcome.error.kind != sync::PgError::Kind::BadPassword || !m_options.screenshotView.isEmpty())
            return;
        const QString password = ui::TeamServerSettings::askPassword(m_window.get(), m_sync->address(), outcome.error.message);
        if (password.isEmpty())
            return;
        m_sync->setPassword(password);
        secrets::Keychain::write(sync::keychainKey(m_sync->address()), password.toUtf8(), this, [](const secrets::Result &) {});
        m_sync->syncNow();
    });
    m_sync->setInterval(server.intervalMinutes);
    // Without a password libpq still tries PGPASSWORD and ~/.pgpass (scripts, screenshots).
    if (!password.isEmpty() || !m_options.screenshotView.isEmpty())
        m_sync->syncNow();
    if (m_syncShotPending)
        connect(m_sync.get(), &sync::SyncService::finished, this, [this] {
            m_syncShotPending = false;
            if (m_syncShotWanted) // the screen was ready first
                QTimer::singleShot(0, this, &GuiApp::takeScreenshot);
        }, Qt::SingleShotConnection);
}

bool GuiApp::deferScreenshotForSync()
{
    // The screen is ready (takeScreenshot is called then): the shot waits for the sync's end.
    // The sync itself waits for the file's integrity check (nothing is written before it has
    // passed), which a screenshot starts only after loading every lead, and an analytics
    // screen's never: started here, so the shot shows the sync's real outcome (Synced,
    // Offline since …, or why not) rather than the state before it.
    if (!m_syncShotPending)
        return false;
    m_syncShotWanted = true;
    if (m_db->writeState() == storage::Database::WriteState::AwaitingCheck)
        startQuickCheck();
    return true;
}

void GuiApp::connectToServer(const sync::ServerAddress &address, int intervalMinutes)
{
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString path = sync::serverFilePath(address, dataDir);
    sync::SyncOutcome outcome;
    {
        // A file of its own (created 0600 by storage), never the one open now; an existing
        // copy of the same server continues from its cursor.
        storage::Database copy;
        const storage::OpenResult opened = copy.open(path, storage::Database::Mode::CreateIfMissing);
        if (!opened.ok()) {
            QMessageBox::critical(m_window.get(), tr("Connect to the team server"), opened.message);
            return;
        }
        sync::SyncService service(copy, address);
        ui::FirstPullDialog dialog(service, m_window.get());
        outcome = dialog.run();
    }
    if (!outcome.ok) {
        QMessageBox::warning(m_window.get(), tr("Connect to the team server"),
                             tr("The first sync stopped: %1\n\nWhat was pulled is kept in %2; Connect again to continue.")
                                 .arg(outcome.error.isError() ? outcome.error.message : outcome.localError,
                                      QDir::toNativeSeparators(path)));
        return;
    }
    sync::ServerSettings server = sync::ServerSettings::load(*m_settings);
    server.address = address;
    server.intervalMinutes = intervalMinutes;
    server.connected = true;
    server.file = path;
    server.save(*m_settings);
    m_settings->sync();
    qCInfo(lcApp).noquote() << "connected to" << address.display() << "copy" << path << outcome.pull.rowsApplied << "rows"
                            << (outcome.cancelled ? "(cancelled: resumes at the next sync)" : "");
    relaunchWith({QStringLiteral("--db"), path}); // as File › Open does
}

void GuiApp::disconnectFromServer()
{
    sync::ServerSettings server = sync::ServerSettings::load(*m_settings);
    const int waiting = m_sync ? m_sync->state().editsWaiting : 0;
    QString text = tr("Disconnect from %1? Sales Cockpit stops syncing and removes the password from the system "
                      "keychain. The local copy %2 stays on this computer.")
                       .arg(server.address.display(), QDir::toNativeSeparators(server.file));
    if (waiting > 0)
        text += QLatin1Char(' ') + tr("Its %n edit(s) waiting are sent when you connect again.", nullptr, waiting);
    if (QMessageBox::question(m_window.get(), tr("Disconnect"), text, QMessageBox::Yes | QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    if (m_sync)
        m_sync->cancel();
    server.connected = false;
    server.save(*m_settings);
    m_settings->sync();
    const bool showingCopy = QFileInfo(server.file) == QFileInfo(m_db->path());
    secrets::Keychain::remove(sync::keychainKey(server.address), this, [this, showingCopy](const secrets::Result &r) {
        if (!r.ok())
            qCWarning(lcApp) << "the team server's password could not be removed from the keychain:" << r.error;
        if (showingCopy)
            relaunchWith({QStringLiteral("--db"), defaultDatabasePath()});
        else
            m_window->settingsPage()->refresh();
    });
}

} // namespace cockpit::app
