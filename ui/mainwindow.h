#pragma once
// The main window: navigation rail, one page per screen, Edit menu with undo/redo, a Help
// menu (shortcuts, guide, welcome card, about), a status bar with who is signed in, the data
// source, a demo badge, record counts and progress of long work, and the welcome card of a
// demo database over the Cockpit.
#include "navrail.h"

#include <QMainWindow>

#include <memory>

class QDialog;
class QLabel;
class QMenu;
class QProgressBar;
class QSettings;
class QStackedWidget;
class QUndoStack;

namespace cockpit::analytics {
class FigureService;
}
namespace cockpit::sync {
class SyncService;
}

namespace cockpit {
class AlertActions;
class Catalog;
class ConflictStore;
class Clock;
class EditController;
namespace storage {
class Database;
}
namespace analytics {
class ScopeState;
}
} // namespace cockpit

namespace cockpit::ui {

class AlertsPage;
class AnalyticsPage;
class ConflictsPage;
class CustomersPage;
class LeadsPage;
class SettingsPage;
class WelcomeCard;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `figures` answers the analytics screens (built by the app for `db`).
    MainWindow(storage::Database &db, analytics::FigureService &figures, Catalog &catalog, EditController &edits,
               QSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showScreen(int screen);
    SettingsPage *settingsPage() const { return m_settingsPage; }
    int currentScreen() const;
    QWidget *screenWidget(int screen) const; // the page of a NavRail::Screen
    // The figures page of a screen: the page itself, or the tab shown on Targets & Forecast;
    // nullptr for a screen without figures.
    AnalyticsPage *analyticsPage(int screen) const;
    LeadsPage *leadsPage() const { return m_leads; }
    CustomersPage *customersPage() const { return m_customers; }
    AlertsPage *alertsPage() const { return m_alerts; }
    // Sync conflicts (issue 12): a screen outside the rail, opened by View › Conflicts
    // (Ctrl+Shift+C) and by the status bar's conflicts link.
    ConflictsPage *conflictsPage() const { return m_conflicts; }
    // The period × org the Cockpit, Team and Stores screens share.
    analytics::ScopeState *scopeState() const { return m_scope; }
    // Shown while the catalog loads on a worker thread.
    void setBusy(const QString &message);
    void clearBusy();

    // The welcome card shows over the Cockpit of a demo database until dismissed (remembered
    // under kWelcomeDismissedKey). This shows or hides it for this run only (screenshots).
    void setWelcomeCardWanted(bool wanted);
    WelcomeCard *welcomeCard() const { return m_welcome; }
    static constexpr const char *kWelcomeDismissedKey = "welcome/dismissed";
    // The screen the window opens on: the one the user left (the Cockpit at first).
    static int savedScreen(const QSettings &settings);
    // "Signed in as 王芳 · Sales director" in the status bar.
    QLabel *identityLabel() const { return m_identity; }
    // Help menu: keyboard shortcuts, user guide, welcome card, about. Each returns its dialog.
    QDialog *showShortcuts();
    QDialog *showGuide();
    QDialog *showAbout();
    void showWelcomeAgain();
    // The welcome card's first thing to try: the Cockpit, then the rows behind its first
    // red KPI tile (once the figures are there); says so when no tile is red.
    void openRedKpi();

    // The banner over every screen while the file is open read-only because it is damaged.
    QWidget *damageBanner() const { return m_damageBanner; }
    // File › Import… (Ctrl+Shift+I): the import wizard, with `files` listed (dropped files).
    // The import wizard on `files`; `storeDays`: read as store days, a stored day replaced.
    void openImport(const QStringList &files, bool storeDays = false);

    // Team mode (issue 12): the status bar shows `service`'s state (mainwindowsync.cpp), the
    // data source badge the server and last sync, and File › Sync now (F9) syncs at once.
    void attachSync(sync::SyncService *service);
    QLabel *syncStatusLabel() const { return m_syncStatus; }
    QLabel *sourceLabel() const { return m_source; }

public Q_SLOTS:
    void showConflicts();

Q_SIGNALS:
    void openDatabaseRequested();
    // File › Save a repaired copy… (and the damage banner's button).
    void repairRequested();
    void newDemoRequested();
    void restartRequested();
    // The status bar's "· 2 conflicts" link (team mode): the Conflicts screen.
    void conflictsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    // Spreadsheets dropped on the window open the import wizard with them.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildMenus();
    void updateStatus();
    void updateWelcomeCard();
    void updateWriteState();

    storage::Database &m_db;
    Catalog &m_catalog;
    EditController &m_edits;
    QSettings &m_settings;
    NavRail *m_rail;
    QStackedWidget *m_stack;
    LeadsPage *m_leads;
    CustomersPage *m_customers;
    SettingsPage *m_settingsPage;
    std::shared_ptr<const Clock> m_clock; // the alert rules' clock: the system clock
    AlertActions *m_alertActions;
    AlertsPage *m_alerts;
    ConflictStore *m_conflictStore;
    ConflictsPage *m_conflicts;
    analytics::ScopeState *m_scope;
    QLabel *m_demoBadge, *m_identity, *m_source, *m_counts, *m_busy, *m_writeNote;
    QWidget *m_damageBanner;
    QLabel *m_damageText;
    QAction *m_repairAction = nullptr;
    QAction *m_importAction = nullptr;
    WelcomeCard *m_welcome;
    bool m_welcomeWanted = false;
    bool m_isDemo = false; // read once: the file's "demo" setting
    QProgressBar *m_progress;
    sync::SyncService *m_sync = nullptr;
    QLabel *m_syncStatus = nullptr;
    QMenu *m_fileMenu = nullptr;
};

} // namespace cockpit::ui
