#pragma once
// Wires the desktop app: picks the database (creating the demo company on first start, in a
// first window that shows the generator's progress), opens it with a clear message for a bad
// file, builds the window, loads the catalog on a worker thread, and takes screenshots for
// `--screenshot`. Logs the start-up milestones (category cockpit.app) for the benchmark.
#include "demopreparation.h"

#include <QLoggingCategory>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

class QSettings;
class QUndoStack;

namespace cockpit::analytics {
class FigureService;
}
namespace cockpit::sync {
class SyncService;
struct ServerAddress;
struct ServerSettings;
}

namespace cockpit {
class Catalog;
class EditController;
namespace storage {
class Database;
class IntegrityProbe;
}
namespace ui {
class FirstRunWindow;
class MainWindow;
}
} // namespace cockpit

namespace cockpit::app {

Q_DECLARE_LOGGING_CATEGORY(lcApp)

struct GuiOptions
{
    QString dbPath;         // empty = the default database
    QString screenshotView; // empty = interactive
    QString screenshotOut;
    bool screenshotWhenComplete = false; // wait for the full load, not the first screen
    QString screenshotLead;              // with view "leads": select this lead first
    QString screenshotPeriod;            // the period the screens show (--period), e.g. an imported history's
    QString screenshotServer;            // --server URL: the file is that team server's copy (this run only)
    QStringList relaunchArgs; // arguments that reproduce this start, for a language restart
};

class GuiApp : public QObject
{
    Q_OBJECT
public:
    explicit GuiApp(GuiOptions options, QObject *parent = nullptr);
    ~GuiApp() override;

    // Returns the exit code to use now, or -1 when the event loop should run.
    int start();
    // Arguments for a new process to start after this one ends (open another file, restart).
    bool shouldRelaunch() const { return m_shouldRelaunch; }
    QStringList relaunchArgs() const { return m_relaunch; }

    static QString defaultDatabasePath();

private:
    // Generates the small demo company at `path` in the first-start window (kept in
    // m_firstRun until the main window replaces it). Cancelled: the window was closed.
    DemoPreparation::Outcome ensureDemo(const QString &path);
    void logFirstWindowShown();
    void logWhenReady();
    bool openDatabase(QString path);
    void migrateWithProgress(const QString &path);
    void loadCatalog();
    void startQuickCheck();
    void onLoaded();
    bool waitForAlerts();
    // Runs the alert rules once, on the Alerts page's worker (after the integrity check).
    void startAlertEvaluation();
    void takeScreenshot();
    void chooseDatabase();
    void createDemo();
    void saveRepairedCopy();
    // A save dialog for a new database file; empty when cancelled or when the file exists
    // (which is said, and the file left alone).
    QString askNewDatabaseFile(const QString &title, const QString &suggested);
    void relaunchWith(const QStringList &args);
    // Team mode (guiappsync.cpp): the file to open without --db, the Settings › Team server
    // signals and, for a connected copy, the background sync.
    QString startPath() const;
    void wireTeamServer();
    void startSync(const sync::ServerSettings &server, const QString &password);
    void connectToServer(const sync::ServerAddress &address, int intervalMinutes);
    void disconnectFromServer();
    // A screenshot of a connected copy shows the first sync's outcome: true while it runs
    // (the shot is taken when it ends).
    bool deferScreenshotForSync();

    GuiOptions m_options;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<analytics::FigureService> m_figures; // the analytics screens' figures of m_db
    std::unique_ptr<sync::SyncService> m_sync; // team mode: m_db's sync with the server
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<QUndoStack> m_undo;
    std::unique_ptr<EditController> m_edits;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<ui::FirstRunWindow> m_firstRun;
    bool m_firstWindowLogged = false;
    QStringList m_relaunch;
    bool m_shouldRelaunch = false;
    std::shared_ptr<storage::IntegrityProbe> m_probe;
    std::shared_ptr<std::atomic_bool> m_cancelLoad;
    bool m_screenshotTaken = false;
    bool m_alertsStarted = false;
    bool m_checkStarted = false;    // the deferred integrity check has been started
    bool m_syncShotPending = false; // team mode screenshot: the first sync has not ended yet
    bool m_syncShotWanted = false;  // … and the screen was ready before it ended
    // Above this many leads the first screen is a preview of the newest kPreviewRows.
    static constexpr qint64 kPreviewThreshold = 30000;
    static constexpr int kPreviewRows = 500;
};

} // namespace cockpit::app
