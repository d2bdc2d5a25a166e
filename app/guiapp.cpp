#include "analytics/figureservice.h"
#include "analytics/scope.h"
#include "forecast/historycache.h"
#include "guiapp.h"
#include "delivery/webhooksecrets.h"

#include "leadspage.h"

#include "alertspage.h"
#include "alerts/alertinbox.h"
#include "domain/clock.h"
#include "analyticspage.h"
#include "cockpitpage.h"
#include "items/catalog.h"
#include "cli.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "storage/schema.h"
#include "demo/demogenerator.h"
#include "items/editcontroller.h"
#include "demopreparation.h"
#include "firstrunwindow.h"
#include "customerdetailpanel.h"
#include "customerspage.h"
#include "mainwindow.h"
#include "targetsforecastpage.h"
#include "forecasttab.h"
#include "navrail.h"
#include "settingspage.h"
#include "sync/syncservice.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileDialog>
#include <QLoggingCategory>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent>

namespace cockpit::app {

Q_LOGGING_CATEGORY(lcApp, "cockpit.app")

namespace {
// Start-up milestones for the log and the benchmark, in ms since the process started.
QElapsedTimer &sinceStart()
{
    static QElapsedTimer t = [] { QElapsedTimer e; e.start(); return e; }();
    return t;
}
} // namespace

GuiApp::GuiApp(GuiOptions options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    m_settings = std::make_unique<QSettings>();
    m_probe = std::make_shared<storage::IntegrityProbe>();
    m_cancelLoad = std::make_shared<std::atomic_bool>(false);
}

GuiApp::~GuiApp()
{
    // The thread pool waits for its tasks at exit: stop the check and any load now.
    m_probe->cancel();
    m_cancelLoad->store(true);
    m_sync.reset(); // its worker's connection closes before the window and the file
    m_window.reset();
    m_edits.reset();
    m_undo.reset();
    m_catalog.reset();
    m_figures.reset(); // its workers end before the file closes
    forecast::waitForHistoryDisk(true); // a deal history still being kept gives up (the next run reads the file)
    m_db.reset();
}

QString GuiApp::defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("cockpit.db"));
}

DemoPreparation::Outcome GuiApp::ensureDemo(const QString &path)
{
    DemoPreparation preparation(!m_options.screenshotView.isEmpty());
    connect(&preparation, &DemoPreparation::windowShown, this, &GuiApp::logFirstWindowShown);
    const DemoPreparation::Outcome outcome =
        preparation.run(path, m_window.get(), m_settings->value(QStringLiteral("window/geometry")).toByteArray());
    if (outcome == DemoPreparation::Outcome::Ready)
        m_firstRun = preparation.takeWindow(); // until the main window replaces it
    return outcome;
}

void GuiApp::logFirstWindowShown()
{
    if (!std::exchange(m_firstWindowLogged, true))
        qCInfo(lcApp) << "first window shown at" << sinceStart().elapsed() << "ms";
}

void GuiApp::logWhenReady()
{
    // Ready = the Cockpit (the first screen unless another one is remembered) shows its figures.
    auto *page = qobject_cast<ui::AnalyticsPage *>(m_window->screenWidget(ui::NavRail::Cockpit));
    if (!page || m_window->currentScreen() != ui::NavRail::Cockpit)
        return;
    connect(page, &ui::AnalyticsPage::refreshed, this,
            [] { qCInfo(lcApp) << "cockpit ready at" << sinceStart().elapsed() << "ms"; }, Qt::SingleShotConnection);
}

int GuiApp::start()
{
    sinceStart();
    QString path = startPath();
    if (m_options.dbPath.isEmpty() && !QFileInfo::exists(path)) {
        switch (ensureDemo(path)) {
        case DemoPreparation::Outcome::Ready: break;
        case DemoPreparation::Outcome::Cancelled: return 0;
        case DemoPreparation::Outcome::Failed: return 1;
        }
    }
    if (!openDatabase(path))
        return 1;
    m_figures = std::make_unique<analytics::FigureService>(*m_db);
    const QString factsDir =
        QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(QStringLiteral("facts"));
    m_figures->setFactsCacheDirectory(factsDir);
    forecast::setHistoryDiskDirectory(factsDir, std::chrono::seconds(2)); // the Forecast tab's and money tiles' deal history
    m_catalog = std::make_unique<Catalog>(*m_db);
    m_catalog->setEnglishNames(!QLocale().name().startsWith(QLatin1String("zh")));
    // The screen shown first: the one of the screenshot, or the one the user left.
    const int firstScreen = m_options.screenshotView.isEmpty()
                                ? ui::MainWindow::savedScreen(*m_settings)
                                : ui::NavRail::screenFromKey(m_options.screenshotView);
    // The Alerts screen's stored inbox is read while the window is built, when it is the
    // screen shown first (large demo: 6 428 alerts in ~45 ms, beside the ~45 ms of building).
    QFuture<alerts::InboxSnapshot> inbox;
    if (firstScreen == int(ui::NavRail::Alerts))
        inbox = QtConcurrent::run([path = m_db->path()] {
            const SystemClock clock;
            return alerts::evaluateAndLoad(path, clock, false, {}, {});
        });
    // A large database first shows its newest leads (a few ms), then the rest streams in,
    // so start-up does not grow with the data. Small ones load whole at once. Only the Leads
    // and Customers screens show them: another first screen is not kept waiting for them
    // (the whole catalog loads once that screen is shown).
    qint64 leadCount = 0, customerCount = 0;
    QString countError;
    const bool tablesFirst = firstScreen == int(ui::NavRail::Leads) || firstScreen == int(ui::NavRail::Customers);
    if (tablesFirst && storage::countCatalog(m_db->path(), &leadCount, &customerCount, &countError)
        && leadCount > kPreviewThreshold) {
        storage::CatalogData preview;
        if (storage::loadCatalogPreview(m_db->path(), kPreviewRows, preview, &countError))
            m_catalog->adopt(std::move(preview));
    }
    m_undo = std::make_unique<QUndoStack>();
    m_edits = std::make_unique<EditController>(*m_db, *m_undo);
    m_window = std::make_unique<ui::MainWindow>(*m_db, *m_figures, *m_catalog, *m_edits, *m_settings);
    connect(m_window.get(), &ui::MainWindow::openDatabaseRequested, this, &GuiApp::chooseDatabase);
    connect(m_window.get(), &ui::MainWindow::newDemoRequested, this, &GuiApp::createDemo);
    connect(m_window.get(), &ui::MainWindow::repairRequested, this, &GuiApp::saveRepairedCopy);
    connect(m_window.get(), &ui::MainWindow::restartRequested, this,
            [this] { relaunchWith(m_options.relaunchArgs); });
    if (!m_options.screenshotView.isEmpty()) {
        // "welcome": the Cockpit with the welcome card; "settings-pipelines": a section (tab)
        // of the Settings screen.
        const bool welcome = m_options.screenshotView == QLatin1String("welcome");
        const bool conflicts = m_options.screenshotView == QLatin1String("conflicts"); // not a rail screen
        // "targets-forecast": a tab of the Targets & Forecast screen ("targets": its first tab).
        const bool targetsTab = m_options.screenshotView.startsWith(QLatin1String("targets-"));
        // "customers-scores": the Customers screen with the detail panel's Scores tab.
        const bool customerScores = m_options.screenshotView == QLatin1String("customers-scores");
        const bool section = !welcome && !conflicts && !targetsTab && !customerScores
                             && ui::NavRail::screenFromKey(m_options.screenshotView) < 0;
        const int screen = welcome          ? int(ui::NavRail::Cockpit)
                           : customerScores ? int(ui::NavRail::Customers)
                           : targetsTab     ? int(ui::NavRail::Targets)
                           : section    ? int(ui::NavRail::Settings)
                                        : ui::NavRail::screenFromKey(m_options.screenshotView);
        m_window->resize(1366, 768);
        m_window->showScreen(screen);
        if (section)
            m_window->settingsPage()->showSection(m_options.screenshotView.mid(int(qstrlen("settings-"))));
        if (conflicts)
            m_window->showConflicts();
        if (customerScores)
            m_window->customersPage()->detailPanel()->showScoresTab();
        if (targetsTab) {
            auto *page = qobject_cast<ui::TargetsForecastPage *>(m_window->screenWidget(ui::NavRail::Targets));
            const QString tab = m_options.screenshotView.mid(int(qstrlen("targets-"))) + QStringLiteral("Tab");
            if (!page || !page->showTab(tab))
                printError(QStringLiteral("--screenshot: no tab %1 on the Targets & Forecast screen").arg(tab));
        }
        // README screenshots stay reproducible: the welcome card shows only in its own view.
        m_window->setWelcomeCardWanted(welcome);
        // An imported company's history lies in past periods: --period picks the one to show.
        if (!m_options.screenshotPeriod.isEmpty()) {
            QString error;
            const auto period = analytics::parsePeriod(m_options.screenshotPeriod, QDate::currentDate(), &error);
            if (period)
                m_window->scopeState()->setPeriod(*period);
            else
                printError(QStringLiteral("--period: ") + error);
        }
        m_window->setAttribute(Qt::WA_DontShowOnScreen, QGuiApplication::platformName() == QLatin1String("offscreen"));
    } else if (m_firstRun && !m_settings->contains(QStringLiteral("window/geometry"))) {
        m_window->setGeometry(m_firstRun->geometry()); // exactly where the first window was
    }
    if (inbox.isValid())
        m_window->alertsPage()->loadStored(inbox);
    wireTeamServer();
    m_window->show();
    qCInfo(lcApp) << "window shown at" << sinceStart().elapsed() << "ms";
    // Robot URLs and secrets an older version kept in the file move to the OS keychain.
    if (m_options.screenshotView.isEmpty())
        delivery::WebhookSecrets::migrate(*m_db, this, [](int moved, const QString &error) {
            if (moved > 0)
                qCInfo(lcApp) << moved << "webhook URL(s) and secret(s) moved from the database file to the system keychain";
            if (!error.isEmpty())
                qCWarning(lcApp) << "webhook URLs and secrets stay in the database file until the system keychain works:"
                                 << error;
        });
    logFirstWindowShown();
    m_firstRun.reset(); // the main window replaces the first-start window
    logWhenReady();
    // The screen shown first gets the cores first. On an analytics screen the catalog (the
    // Leads and Customers tables; a large file's newest leads are shown already) loads once
    // its figures are shown, or after 10 s at the latest, instead of competing with the
    // figure workers for two cores (large demo, Team: figures 2.6 s while loading, 1.1 s
    // alone). The quick_check follows the loading, as before.
    // The Alerts screen likewise: its inbox first (large demo: read in 117 ms beside the
    // loading's two threads, 40 ms alone).
    auto *first = m_window->analyticsPage(m_window->currentScreen());
    ui::AlertsPage *alertsFirst = m_window->currentScreen() == ui::NavRail::Alerts ? m_window->alertsPage() : nullptr;
    if ((first && !first->hasResult()) || (alertsFirst && !alertsFirst->hasInbox())) {
        auto started = std::make_shared<bool>(false);
        // A screenshot of such a screen ends the process once it is grabbed: the leads it
        // does not show are not read at all (with --full, everything is).
        const bool shotOnly = !m_options.screenshotView.isEmpty() && !m_options.screenshotWhenComplete;
        const auto load = [this, started, shotOnly] {
            if (!shotOnly && !std::exchange(*started, true))
                loadCatalog();
        };
        if (first)
            connect(first, &ui::AnalyticsPage::refreshed, this, load, Qt::SingleShotConnection);
        else
            connect(alertsFirst, &ui::AlertsPage::inboxShown, this, load, Qt::SingleShotConnection);
        QTimer::singleShot(10000, this, load);
    } else {
        loadCatalog(); // the quick_check follows once loading is done, not competing for the cores
    }
    // Only the screens that list leads wait for them: an analytics screen is shot once its
    // figures are painted, the Alerts screen once its inbox is shown (waitForAlerts).
    const bool alertsShot = m_options.screenshotView == QLatin1String("alerts");
    if ((m_catalog->isLoaded() || alertsShot || first) && !m_options.screenshotView.isEmpty()
        && !m_options.screenshotWhenComplete && !waitForAlerts())
        QTimer::singleShot(0, this, &GuiApp::takeScreenshot); // the first screen is ready now
    return -1;
}

// A file of an older schema is migrated before the window opens: a backup, then each step
// (the large demo's v4 -> v5 rebuild takes about 40 s). It runs on a thread with a connection
// of its own while a dialog says what is happening; the open that follows finds the file
// current, or reports what went wrong (a failed migration leaves the file as it was).
void GuiApp::migrateWithProgress(const QString &path)
{
    const int version = storage::Database::peekSchemaVersion(path);
    if (version <= 0 || version >= storage::kSchemaVersion || !m_options.screenshotView.isEmpty())
        return;
    const QString name = QFileInfo(path).fileName();
    QProgressDialog dialog(tr("Updating \"%1\" for this version of Sales Cockpit…\n\nThe file as it was is kept "
                              "beside it as \"%2\". A large file takes a minute.")
                               .arg(name, QStringLiteral("%1.v%2.bak").arg(name).arg(version)),
                           QString(), 0, 0);
    dialog.setWindowTitle(tr("Sales Cockpit"));
    dialog.setWindowModality(Qt::ApplicationModal);
    dialog.setMinimumDuration(0);
    dialog.setCancelButton(nullptr);
    QElapsedTimer timer;
    timer.start();
    QFuture<void> work = QtConcurrent::run([path] {
        storage::Database db;
        db.open(path, storage::Database::Mode::OpenExisting, storage::Database::Check::Deferred);
    });
    QFutureWatcher<void> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(work);
    dialog.show();
    if (!work.isFinished())
        loop.exec();
    qCInfo(lcApp) << "updated" << path << "from schema version" << version << "in" << timer.elapsed() << "ms";
}

bool GuiApp::openDatabase(QString path)
{
    for (;;) {
        migrateWithProgress(path);
        m_db = std::make_unique<storage::Database>();
        // The full-file quick_check runs on a worker thread once the window is up.
        const storage::OpenResult r = m_db->open(path, storage::Database::Mode::OpenExisting,
                                                 storage::Database::Check::Deferred);
        if (r.ok())
            return true;
        m_db.reset();
        if (!m_options.screenshotView.isEmpty()) {
            printError(r.message);
            return false;
        }
        QMessageBox box(QMessageBox::Critical, tr("Cannot open the database"), r.message);
        if (!r.detail.isEmpty())
            box.setDetailedText(r.detail);
        QPushButton *other = box.addButton(tr("Open another file…"), QMessageBox::AcceptRole);
        QPushButton *demo = box.addButton(tr("Create a new demo database…"), QMessageBox::ActionRole);
        // An empty file is only made into a database when the user asks for it here.
        QPushButton *here = r.error == storage::OpenError::Empty
                                ? box.addButton(tr("Put a demo database in this file"), QMessageBox::ActionRole)
                                : nullptr;
        box.addButton(tr("Quit"), QMessageBox::RejectRole);
        box.exec();
        if (here && box.clickedButton() == here) {
            // Only a 0-byte file or an SQLite file with nothing in it gets here; it is replaced
            // by the generated demo (written beside it and moved into place).
            if (!QFile::remove(path)) {
                QMessageBox::warning(nullptr, tr("Sales Cockpit"), tr("\"%1\" could not be replaced.").arg(path));
                return false;
            }
            if (ensureDemo(path) != DemoPreparation::Outcome::Ready)
                return false;
        } else if (box.clickedButton() == other) {
            const QString chosen = QFileDialog::getOpenFileName(nullptr, tr("Open database"),
                QFileInfo(path).absolutePath(), tr("Sales Cockpit databases (*.db *.sqlite);;All files (*)"));
            if (chosen.isEmpty())
                return false;
            path = chosen;
        } else if (box.clickedButton() == demo) {
            const QString target = QFileDialog::getSaveFileName(nullptr, tr("New demo database"),
                QDir::home().filePath(QStringLiteral("cockpit-demo.db")), tr("Sales Cockpit databases (*.db)"));
            if (target.isEmpty() || QFileInfo::exists(target)) {
                if (!target.isEmpty())
                    QMessageBox::warning(nullptr, tr("Sales Cockpit"),
                                         tr("\"%1\" already exists; choose a new file name.").arg(target));
                return false;
            }
            if (ensureDemo(target) != DemoPreparation::Outcome::Ready)
                return false;
            path = target;
        } else {
            return false;
        }
    }
}

void GuiApp::loadCatalog()
{
    m_window->setBusy(m_catalog->isLoaded() ? tr("Loading all leads…") : tr("Loading…"));
    auto *watcher = new QFutureWatcher<std::pair<bool, QString>>(this);
    auto data = std::make_shared<storage::CatalogData>();
    const QString path = m_db->path();
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, data] {
        const auto [ok, error] = watcher->result();
        watcher->deleteLater();
        m_window->clearBusy();
        if (m_cancelLoad->load())
            return;
        if (!ok) {
            const QString message = tr("Reading the database failed: %1").arg(error);
            if (!m_options.screenshotView.isEmpty()) {
                printError(message);
                QCoreApplication::exit(1);
                return;
            }
            QMessageBox::critical(m_window.get(), tr("Sales Cockpit"), message);
            return;
        }
        qCInfo(lcApp) << "catalog read at" << sinceStart().elapsed() << "ms";
        m_catalog->adopt(std::move(*data));
        qCInfo(lcApp) << "tables filled at" << sinceStart().elapsed() << "ms";
        onLoaded();
    });
    watcher->setFuture(QtConcurrent::run([path, data, cancel = m_cancelLoad] {
        QString error;
        const bool ok = storage::loadCatalog(path, *data, &error, cancel.get());
        return std::make_pair(ok, error);
    }));
}

void GuiApp::startQuickCheck()
{
    if (std::exchange(m_checkStarted, true))
        return; // started early for a team mode screenshot (deferScreenshotForSync)
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const QString findings = watcher->result();
        watcher->deleteLater();
        if (findings == QLatin1String("interrupted"))
            return;
        if (findings == QLatin1String("ok")) {
            // Nothing is written before the check has passed; now the writes may begin.
            // Background work runs one piece at a time so it never competes with the window
            // for the cores: loading, then the integrity check, then the alert rules.
            m_db->allowWrites();
            if (m_options.screenshotView.isEmpty())
                startAlertEvaluation();
            return;
        }
        m_db->markDamaged(findings); // read-only for this session: the banner says why
        if (!m_options.screenshotView.isEmpty())
            printError(tr("\"%1\" is damaged (the integrity check found problems); it is open read-only. "
                          "Details: %2").arg(QDir::toNativeSeparators(m_db->path()), findings.left(300)));
    });
    watcher->setFuture(QtConcurrent::run([path = m_db->path(), probe = m_probe] { return probe->run(path); }));
}

QString GuiApp::askNewDatabaseFile(const QString &title, const QString &suggested)
{
    const QString target = QFileDialog::getSaveFileName(m_window.get(), title, suggested,
                                                        tr("Sales Cockpit databases (*.db)"));
    if (!target.isEmpty() && QFileInfo::exists(target)) {
        QMessageBox::warning(m_window.get(), tr("Sales Cockpit"),
                             tr("\"%1\" already exists and was left untouched; choose a new file name.").arg(target));
        return {};
    }
    return target;
}

void GuiApp::saveRepairedCopy()
{
    const QFileInfo damaged(m_db->path());
    const QString target = askNewDatabaseFile(tr("Save a repaired copy"),
        damaged.dir().filePath(damaged.completeBaseName() + tr("-repaired") + QStringLiteral(".db")));
    if (target.isEmpty())
        return;
    QProgressDialog progress(tr("Saving what can be read from the damaged file…"), tr("Cancel"), 0, 100, m_window.get());
    progress.setWindowTitle(tr("Save a repaired copy"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    auto report = std::make_shared<QString>();
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    connect(&watcher, &QFutureWatcherBase::progressValueChanged, &progress, &QProgressDialog::setValue);
    connect(&progress, &QProgressDialog::canceled, &watcher, &QFutureWatcherBase::cancel);
    watcher.setFuture(QtConcurrent::run([source = damaged.absoluteFilePath(), target, report](QPromise<QString> &promise) {
        promise.setProgressRange(0, 100);
        promise.addResult(storage::Database::saveRepairedCopy(source, target, report.get(), [&promise](int p) {
            promise.setProgressValue(p);
            return !promise.isCanceled();
        }));
    }));
    progress.show();
    loop.exec();
    progress.close();
    // A cancel that came after the last step (the check) does not undo the finished copy.
    if (watcher.isCanceled() && !QFileInfo::exists(target))
        return; // nothing was written; the user knows why
    const QString error = watcher.isCanceled() ? QString() : watcher.result();
    if (!error.isEmpty()) {
        QMessageBox::critical(m_window.get(), tr("Save a repaired copy"), error);
        return;
    }
    QMessageBox box(QMessageBox::Information, tr("Save a repaired copy"),
                    tr("The repaired copy \"%1\" passes the integrity check. The damaged file was only read. "
                       "Rows recovered:\n%2\n\nOpen the copy now?")
                        .arg(QDir::toNativeSeparators(target), *report),
                    QMessageBox::Open | QMessageBox::Close, m_window.get());
    if (box.exec() == QMessageBox::Open)
        relaunchWith({QStringLiteral("--db"), target});
}

void GuiApp::onLoaded()
{
    startQuickCheck();
    if (!m_options.screenshotView.isEmpty() && !m_screenshotTaken && !waitForAlerts())
        QTimer::singleShot(0, this, &GuiApp::takeScreenshot);
}

void GuiApp::startAlertEvaluation()
{
    if (!std::exchange(m_alertsStarted, true))
        m_window->alertsPage()->evaluateNow();
}

bool GuiApp::waitForAlerts()
{
    // An analytics screen (Cockpit, Team, Stores) is shot once its figures are painted.
    if (auto *page = m_window->analyticsPage(m_window->currentScreen())) {
        if (page->hasResult())
            return false;
        connect(page, &ui::AnalyticsPage::refreshed, this,
                [this] { QTimer::singleShot(0, this, &GuiApp::takeScreenshot); }, Qt::SingleShotConnection);
        if (!page->isRefreshing())
            page->refreshNow();
        return true;
    }
    // The Alerts screenshot shows what the screen first shows: the stored inbox, which the
    // rules then bring up to date. With --full it waits for the rules and shows the inbox
    // after them. Other screenshots leave the rules alone (the process exits after the grab).
    if (m_options.screenshotView != QLatin1String("alerts"))
        return false;
    ui::AlertsPage *alertsPage = m_window->alertsPage();
    if (!m_options.screenshotWhenComplete) {
        if (alertsPage->hasInbox())
            return false;
        connect(alertsPage, &ui::AlertsPage::inboxShown, this,
                [this] { QTimer::singleShot(0, this, &GuiApp::takeScreenshot); }, Qt::SingleShotConnection);
        return true;
    }
    // The rules may write only once the file's check has passed (a deferred check): wait for
    // it, so the shot shows the inbox after the rules rather than the stored one. A damaged
    // file shows its stored inbox.
    if (m_db->writeState() == storage::Database::WriteState::AwaitingCheck) {
        connect(
            m_db.get(), &storage::Database::writeStateChanged, this,
            [this] {
                QTimer::singleShot(0, this, [this] {
                    if (!waitForAlerts())
                        takeScreenshot();
                });
            },
            Qt::SingleShotConnection);
        return true;
    }
    startAlertEvaluation();
    ui::AlertsPage *page = m_window->alertsPage();
    if (!page->isEvaluating())
        return false;
    connect(page, &ui::AlertsPage::evaluationFinished, this,
            [this] { QTimer::singleShot(0, this, &GuiApp::takeScreenshot); }, Qt::SingleShotConnection);
    return true;
}

void GuiApp::takeScreenshot()
{
    if (m_screenshotTaken || deferScreenshotForSync())
        return;
    // The Customers screen is shot with its value and health columns filled in.
    if (m_window->currentScreen() == ui::NavRail::Customers && m_window->customersPage()->scoresPending()) {
        connect(m_window->customersPage(), &ui::CustomersPage::scoresShown, this,
                [this] { QTimer::singleShot(0, this, &GuiApp::takeScreenshot); }, Qt::SingleShotConnection);
        return;
    }
    // The Cockpit (and its PDF report) with its money tiles filled in.
    if (auto *cockpit = qobject_cast<ui::CockpitPage *>(m_window->screenWidget(m_window->currentScreen()));
        cockpit && cockpit->moneyPending()) {
        connect(cockpit, &ui::CockpitPage::moneyShown, this,
                [this] { QTimer::singleShot(0, this, &GuiApp::takeScreenshot); }, Qt::SingleShotConnection);
        return;
    }
    // The Forecast tab with its learned model trained (the figures come before it).
    if (auto *forecast = qobject_cast<ui::ForecastTab *>(m_window->analyticsPage(m_window->currentScreen()));
        forecast && (forecast->modelPending() || !forecast->hasResult())) {
        connect(forecast, &ui::ForecastTab::modelShown, this,
                [this] { QTimer::singleShot(0, this, &GuiApp::takeScreenshot); }, Qt::SingleShotConnection);
        return;
    }
    m_screenshotTaken = true;
    // --lead names the lead by its global id (UUID), as every command-line option does.
    if (!m_options.screenshotLead.isEmpty() && m_options.screenshotView == QLatin1String("leads"))
        m_window->leadsPage()->showLead(storage::keyForUuid(*m_db, QStringLiteral("leads"),
                                                            m_options.screenshotLead));
    QCoreApplication::processEvents();
    // `--screenshot cockpit --out report.pdf` writes the cockpit's PDF report instead.
    if (m_options.screenshotOut.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        auto *cockpit = qobject_cast<ui::CockpitPage *>(m_window->screenWidget(m_window->currentScreen()));
        QString error;
        int pages = 0;
        if (!cockpit || !cockpit->writePdf(m_options.screenshotOut, &error, &pages)) {
            printError(cockpit ? error : tr("Only the cockpit screen exports a PDF report; use --screenshot cockpit."));
            QCoreApplication::exit(1);
            return;
        }
        qCInfo(lcApp) << "PDF report written:" << pages << "pages";
        QCoreApplication::exit(0);
        return;
    }
    const QPixmap shot = m_window->grab();
    // The package check reads the title to see that the translation was loaded.
    qCInfo(lcApp).noquote() << "screenshot of the window" << m_window->windowTitle();
    qCInfo(lcApp) << "screenshot grabbed at" << sinceStart().elapsed() << "ms";
    // Peak resident memory so far (Linux): the benchmark reads it from the log.
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmHWM:"))
                qCInfo(lcApp).noquote() << "peak memory" << QString::fromLatin1(line.mid(6).trimmed());
    }
    if (!shot.save(m_options.screenshotOut)) {
        printError(tr("Could not write the screenshot to \"%1\".").arg(m_options.screenshotOut));
        QCoreApplication::exit(1);
        return;
    }
    QCoreApplication::exit(0);
}

void GuiApp::chooseDatabase()
{
    const QString chosen = QFileDialog::getOpenFileName(m_window.get(), tr("Open database"),
        QFileInfo(m_db->path()).absolutePath(), tr("Sales Cockpit databases (*.db *.sqlite);;All files (*)"));
    if (!chosen.isEmpty())
        relaunchWith({QStringLiteral("--db"), chosen});
}

void GuiApp::createDemo()
{
    const QString target = askNewDatabaseFile(tr("New demo database"), QDir::home().filePath(QStringLiteral("cockpit-demo.db")));
    if (target.isEmpty())
        return;
    // The preparing window stands in for this one until the new process shows its window.
    if (ensureDemo(target) == DemoPreparation::Outcome::Ready)
        relaunchWith({QStringLiteral("--db"), target});
}

void GuiApp::relaunchWith(const QStringList &args)
{
    // The new process starts after this one has closed the database and released its lock.
    m_relaunch = args;
    m_shouldRelaunch = true;
    if (m_window)
        m_window->close();
    QCoreApplication::exit(0);
}

} // namespace cockpit::app
