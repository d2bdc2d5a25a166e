// MainWindow in team mode (issue 12), apart from the rest of the window: the sync state in
// the status bar, the data source badge, File › Sync now.
#include "mainwindow.h"
#include "syncstatuslabel.h"

#include "storage/database.h"
#include "sync/syncservice.h"

#include <QAction>
#include <QDir>
#include <QMenu>
#include <QStatusBar>

namespace cockpit::ui {

void MainWindow::attachSync(sync::SyncService *service)
{
    m_sync = service;
    auto *label = new SyncStatusLabel(*service, this);
    m_syncStatus = label;
    // After the demo badge, who you are and the data source; before the counts on the right.
    statusBar()->insertWidget(3, label);
    connect(label, &SyncStatusLabel::conflictsRequested, this, &MainWindow::conflictsRequested);
    connect(label, &SyncStatusLabel::conflictsRequested, this, &MainWindow::showConflicts);
    const auto showSource = [this](const sync::SyncState &state) {
        m_source->setText(SyncStatusLabel::sourceFor(state));
        m_source->setToolTip(tr("This window shows the local copy %1 of the team server's data.")
                                 .arg(QDir::toNativeSeparators(m_db.path())));
    };
    connect(service, &sync::SyncService::stateChanged, this, showSource);
    showSource(service->state());
    // F9: send/receive, as in mail clients (F5 is the Alerts screen's "evaluate now").
    auto *syncNow = new QAction(tr("&Sync now"), this);
    syncNow->setObjectName(QStringLiteral("syncNowAction"));
    syncNow->setShortcut(QKeySequence(Qt::Key_F9));
    syncNow->setShortcutContext(Qt::ApplicationShortcut);
    connect(syncNow, &QAction::triggered, service, &sync::SyncService::syncNow);
    connect(service, &sync::SyncService::stateChanged, syncNow,
            [syncNow, service] { syncNow->setEnabled(!service->isSyncing()); });
    if (m_fileMenu) {
        const QList<QAction *> actions = m_fileMenu->actions();
        // After "New demo database…": with the other ways to change what the window shows.
        m_fileMenu->insertAction(actions.size() > 2 ? actions.at(2) : nullptr, syncNow);
    }
    addAction(syncNow);
    // The app ends the service before the window (or a test before the file): back to standalone.
    connect(service, &QObject::destroyed, this, [this, label, syncNow] {
        m_sync = nullptr;
        m_syncStatus = nullptr;
        delete label;
        delete syncNow;
        m_source->setToolTip(QString());
        updateStatus();
    });
}

} // namespace cockpit::ui
