#include "mainwindow.h"
#include "importwizard.h"
#include "longstepprogress.h"

#include "items/alertactions.h"
#include "alertspage.h"
#include "analyticspage.h"
#include "alerts/alerttablemodel.h"
#include "activitylogpage.h"
#include "alertnotifier.h"
#include "items/catalog.h"
#include "chartstyle.h"
#include "domain/clock.h"
#include "cockpitpage.h"
#include "conflictspage.h"
#include "items/conflictstore.h"
#include "analytics/scope.h"
#include "customerspage.h"
#include "storage/database.h"
#include "delivery/deliveryqueue.h"
#include "delivery/deliverysender.h"
#include "items/editcontroller.h"
#include "helpdialogs.h"
#include "identity.h"
#include "leadspage.h"
#include "targetsforecastpage.h"
#include "correlationtab.h"
#include "forecasttab.h"
#include "targetstab.h"
#include "pipelineeditor.h"
#include "settingspage.h"
#include "shortcutsdialog.h"
#include "storespage.h"
#include "teampage.h"
#include "welcomecard.h"

#include <QAction>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QTimer>
#include <QUrl>
#include <QDir>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace cockpit::ui {

namespace {
// The Help menu's dialogs: modeless, gone when closed.
QDialog *showOwned(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}
} // namespace

MainWindow::MainWindow(storage::Database &db, analytics::FigureService &figures, Catalog &catalog,
                       EditController &edits, QSettings &settings, QWidget *parent)
    : QMainWindow(parent), m_db(db), m_catalog(catalog), m_edits(edits), m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Sales Cockpit"));
    setAcceptDrops(true);
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_rail = new NavRail(central);
    auto *right = new QWidget(central);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    // A damaged file is shown read-only under a banner that says so and offers the way out.
    m_damageBanner = new QFrame(right);
    m_damageBanner->setObjectName(QStringLiteral("damageBanner"));
    m_damageBanner->setStyleSheet(QStringLiteral("#damageBanner { background: #fdecea; border-bottom: 1px solid #d93025; }"
                                                 "#damageBanner QLabel { color: #5f1410; }"));
    auto *bannerLayout = new QHBoxLayout(m_damageBanner);
    bannerLayout->setContentsMargins(12, 8, 12, 8);
    m_damageText = new QLabel(m_damageBanner);
    m_damageText->setWordWrap(true);
    // Word-wrapped text in a layout gets its height for the width only with this policy.
    m_damageText->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::MinimumExpanding);
    m_damageText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *repairButton = new QPushButton(tr("Save a repaired copy…"), m_damageBanner);
    connect(repairButton, &QPushButton::clicked, this, &MainWindow::repairRequested);
    bannerLayout->addWidget(m_damageText, 1);
    bannerLayout->addWidget(repairButton, 0, Qt::AlignVCenter);
    m_damageBanner->hide();
    m_stack = new QStackedWidget(right);
    rightLayout->addWidget(m_damageBanner);
    rightLayout->addWidget(m_stack, 1);
    layout->addWidget(m_rail);
    layout->addWidget(right, 1);
    setCentralWidget(central);

    m_leads = new LeadsPage(catalog, edits, figures, settings, m_stack);
    m_clock = std::make_shared<SystemClock>();
    m_customers = new CustomersPage(catalog, edits, settings, figures, [this] { return m_clock->now(); }, m_stack);
    m_settingsPage = new SettingsPage(db, settings, m_stack);
    m_alertActions = new AlertActions(db, edits.undoStack(), *m_clock, this);
    m_alerts = new AlertsPage(db, *m_alertActions, m_clock, settings, m_stack);
    // The analytics screens open on the current quarter of the company's calendar.
    const QDate today = analytics::companyDay(m_clock->now().toString(Qt::ISODate));
    m_scope = new analytics::ScopeState({analytics::Period::quarter(today), analytics::OrgScope::company()}, this);
    for (int s = 0; s < NavRail::ScreenCount; ++s) {
        const auto screen = NavRail::Screen(s);
        switch (screen) {
        case NavRail::Leads: m_stack->addWidget(m_leads); break;
        case NavRail::Customers: m_stack->addWidget(m_customers); break;
        case NavRail::Settings: m_stack->addWidget(m_settingsPage); break;
        case NavRail::Cockpit: m_stack->addWidget(new CockpitPage(figures, *m_scope, m_stack)); break;
        case NavRail::Team:
            m_stack->addWidget(new TeamPage(figures, *m_scope, [this] { return m_clock->now(); }, m_stack));
            break;
        case NavRail::Targets: {
            auto *targets = new TargetsForecastPage(figures, *m_scope, [this] { return m_clock->now(); }, m_stack);
            if (auto *forecastTab = targets->findChild<ForecastTab *>())
                forecastTab->setEditPath(db); // manual revisions are saved to this file
            // Target edits are saved to this file and undone with the window's other edits.
            if (auto *tab = targets->findChild<TargetsTab *>())
                tab->setEditPath(db, edits.undoStack());
            connect(targets, &TargetsForecastPage::leadActivated, this, [this](const QString &id) {
                showScreen(NavRail::Leads);
                m_leads->showLead(id);
            });
            // The Correlation tab opens a rep on the Team screen, its row selected.
            if (auto *tab = targets->findChild<CorrelationTab *>())
                connect(tab, &CorrelationTab::repActivated, this, [this](const QString &repId) {
                    showScreen(NavRail::Team);
                    if (auto *team = qobject_cast<TeamPage *>(screenWidget(NavRail::Team)))
                        team->selectRep(repId);
                });
            connect(targets, &TargetsForecastPage::busy, this, &MainWindow::setBusy);
            connect(targets, &TargetsForecastPage::idle, this, &MainWindow::clearBusy);
            m_stack->addWidget(targets);
            break;
        }
        case NavRail::Stores: {
            auto *stores = new StoresPage(figures, *m_scope, m_stack);
            connect(stores, &StoresPage::importRequested, this, [this](const QStringList &files) { openImport(files, true); });
            m_stack->addWidget(stores);
            break;
        }
        case NavRail::Alerts: m_stack->addWidget(m_alerts); break;
        case NavRail::ActivityLog:
            m_stack->addWidget(new ActivityLogPage(db, m_stack));
            break;
        case NavRail::ScreenCount: break;
        }
    }
    // Sync conflicts: a screen after the rail's (View › Conflicts, the status bar's link).
    m_conflictStore = new ConflictStore(db, edits.undoStack(), this);
    m_conflicts = new ConflictsPage(*m_conflictStore, catalog.englishNames(), m_stack);
    m_conflicts->setProperty("shortcutGroup", tr("Conflicts"));
    m_conflicts->setProperty("shortcutOrder", 10 * NavRail::ScreenCount);
    m_stack->addWidget(m_conflicts);
    connect(m_conflictStore, &ConflictStore::commandFailed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Could not undo or redo"), message);
    }, Qt::QueuedConnection);
    connect(m_rail, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    // Help › Keyboard shortcuts lists each page's shortcuts under the screen's name.
    for (int s = 0; s < NavRail::ScreenCount; ++s) {
        m_stack->widget(s)->setProperty("shortcutGroup", NavRail::screenName(NavRail::Screen(s)));
        m_stack->widget(s)->setProperty("shortcutOrder", 10 * s);
    }
    // The analytics screens (Cockpit, Team, Stores): their drill-downs open leads, and their
    // background computations show in the status bar.
    for (int s = 0; s < m_stack->count(); ++s) {
        auto *page = qobject_cast<AnalyticsPage *>(m_stack->widget(s));
        if (!page)
            continue;
        connect(page, &AnalyticsPage::leadActivated, this, [this](const QString &id) {
            showScreen(NavRail::Leads);
            m_leads->showLead(id);
        });
        connect(page, &AnalyticsPage::busy, this, &MainWindow::setBusy);
        connect(page, &AnalyticsPage::idle, this, &MainWindow::clearBusy);
        // Edits, undos, imports and the alert rules reach the pages as the file's committed
        // writes, through the FigureService (storage/changes.h): no second channel here.
    }
    connect(m_customers, &CustomersPage::leadActivated, this, [this](const QString &id) {
        showScreen(NavRail::Leads);
        m_leads->showLead(id);
    });
    connect(m_alerts, &AlertsPage::leadActivated, this, [this](const QString &id) {
        showScreen(NavRail::Leads);
        m_leads->showLead(id);
    });
    connect(m_alerts, &AlertsPage::busy, this, &MainWindow::setBusy);
    connect(m_alerts, &AlertsPage::idle, this, &MainWindow::clearBusy);
    // Queued: a command reports from inside undo() or redo(); the dialog opens after it returns.
    connect(m_alertActions, &AlertActions::commandFailed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Could not undo or redo"), message);
    }, Qt::QueuedConnection);
    connect(m_settingsPage, &SettingsPage::openDatabaseRequested, this, &MainWindow::openDatabaseRequested);
    connect(m_settingsPage, &SettingsPage::newDemoRequested, this, &MainWindow::newDemoRequested);
    connect(m_settingsPage, &SettingsPage::restartRequested, this, &MainWindow::restartRequested);
    connect(&edits, &EditController::commandFailed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Could not undo or redo"), message);
    }, Qt::QueuedConnection);
    // An import's undo or redo runs on a worker: the status bar says so while the window waits.
    connect(&edits, &EditController::busy, this, &MainWindow::setBusy);
    connect(&edits, &EditController::idle, this, &MainWindow::clearBusy);
    new LongStepProgress(edits, this); // and a dialog with the rows done, and Cancel

    m_demoBadge = new QLabel(tr("Demo data"), this);
    m_demoBadge->setObjectName(QStringLiteral("demoBadge"));
    m_demoBadge->setToolTip(tr("A generated demo company: nothing here is a real customer."));
    m_identity = new QLabel(this);
    m_identity->setObjectName(QStringLiteral("signedInAs"));
    m_identity->setContentsMargins(4, 0, 14, 0);
    m_identity->setToolTip(tr("Who this app acts as: edits, acknowledgements and \"Addressed to me\" use this user"));
    m_source = new QLabel(this);
    m_counts = new QLabel(this);
    m_busy = new QLabel(this);
    m_writeNote = new QLabel(this);
    m_writeNote->setObjectName(QStringLiteral("writeNote"));
    m_writeNote->setToolTip(tr("Nothing is written to a file before its integrity check has passed."));
    m_writeNote->hide();
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->setRange(0, 0);
    m_progress->hide();
    statusBar()->addWidget(m_demoBadge);
    statusBar()->addWidget(m_identity);
    statusBar()->addWidget(m_source, 1);
    statusBar()->addPermanentWidget(m_writeNote);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_counts);
    connect(&catalog, &Catalog::loaded, this, &MainWindow::updateStatus);
    connect(&catalog, &Catalog::customerRowsInserted, this, &MainWindow::updateStatus);
    connect(&catalog, &Catalog::leadRowsInserted, this, &MainWindow::updateStatus);

    // The welcome card floats over the screens; it shows on the Cockpit of a demo database.
    m_welcome = new WelcomeCard(m_stack);
    m_welcome->hide();
    m_welcome->setProperty("shortcutOrder", 10 * NavRail::Cockpit + 1); // listed after the Cockpit's keys
    m_isDemo = m_db.isDemo();
    m_welcomeWanted = m_isDemo && !m_settings.value(QLatin1String(kWelcomeDismissedKey)).toBool();
    connect(m_welcome, &WelcomeCard::dismissed, this, [this] {
        m_settings.setValue(QLatin1String(kWelcomeDismissedKey), true);
        setWelcomeCardWanted(false);
    });
    connect(m_welcome, &WelcomeCard::redKpiRequested, this, &MainWindow::openRedKpi);
    connect(m_welcome, &WelcomeCard::searchRequested, this, [this](const QString &text) {
        showScreen(NavRail::Leads);
        m_leads->setSearchText(text);
    });
    connect(m_welcome, &WelcomeCard::alertsRequested, this, [this] { showScreen(NavRail::Alerts); });
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::updateWelcomeCard);

    buildMenus();
    // Desktop notifications for new alerts and the webhook sender (queued in the database).
    auto *notifier = new AlertNotifier(db, this);
    // The inbox's Delivery column: every alert's delivery state from one query, re-read
    // whenever the queue moved or the rules ran.
    auto deliveryStates = std::make_shared<QHash<QString, QString>>();
    m_alerts->model()->setDeliveryStateProvider(
        [deliveryStates](const QString &alertId) { return deliveryStates->value(alertId); });
    auto refreshDelivery = [this, &db, deliveryStates] {
        *deliveryStates = delivery::DeliveryQueue(db).stateSummaries(m_clock->now());
        m_alerts->model()->refreshDeliveryColumn();
    };
    connect(&notifier->sender(), &delivery::DeliverySender::enqueued, this, refreshDelivery);
    connect(&notifier->sender(), &delivery::DeliverySender::attemptFinished, this, refreshDelivery);
    connect(notifier, &AlertNotifier::notified, this, refreshDelivery);
    connect(m_alerts, &AlertsPage::evaluationFinished, this, refreshDelivery);
    // New thresholds take effect at once: the rules run again.
    connect(m_settingsPage, &SettingsPage::thresholdsChanged, m_alerts, &AlertsPage::evaluateNow);
    // Delivery starts once the rules have run for the first time: that is when new alerts
    // exist, and start-up does not pay for queueing them.
    connect(m_alerts, &AlertsPage::evaluationFinished, notifier, [notifier] {
        static_cast<void>(notifier->startOnce());
    });
    resize(1366, 768);
    restoreGeometry(m_settings.value(QStringLiteral("window/geometry")).toByteArray());
    // The first useful screen is the Cockpit, unless another one was open when the app closed.
    showScreen(savedScreen(m_settings));
    updateStatus();
    updateWelcomeCard();
    connect(&m_db, &storage::Database::writeStateChanged, this, &MainWindow::updateWriteState);
    updateWriteState();
}

MainWindow::~MainWindow() = default;

int MainWindow::savedScreen(const QSettings &settings)
{
    return settings.value(QStringLiteral("window/screen"), int(NavRail::Cockpit)).toInt();
}

void MainWindow::updateWriteState()
{
    const auto state = m_db.writeState();
    const bool damaged = state == storage::Database::WriteState::Damaged;
    m_damageBanner->setVisible(damaged);
    if (m_repairAction)
        m_repairAction->setEnabled(damaged);
    if (damaged)
        m_damageText->setText(tr("<b>This file is damaged</b> (the integrity check found problems) and is open "
                                 "read-only: nothing is saved and the alert rules do not run. Do not rely on its "
                                 "figures. Save a repaired copy and open that, or restore a backup."));
    m_writeNote->setVisible(state != storage::Database::WriteState::Writable);
    m_writeNote->setText(damaged ? tr("Read-only: damaged file")
                                 : tr("Checking the file… changes wait until it has passed"));
}

void MainWindow::buildMenus()
{
    QMenu *file = m_fileMenu = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open database…"), QKeySequence::Open, this, &MainWindow::openDatabaseRequested);
    file->addAction(tr("New &demo database…"), this, &MainWindow::newDemoRequested);
    file->addSeparator();
    // Issue 11: a company's own spreadsheets in (also by dropping files on the window).
    m_importAction = file->addAction(tr("&Import…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), this,
                                     [this] { openImport({}); });
    m_repairAction = file->addAction(tr("Save a &repaired copy…"), this, &MainWindow::repairRequested);
    m_repairAction->setEnabled(false);
    file->addSeparator();
    // Issue 11: the Cockpit's report, printed (Ctrl+P) or saved as PDF (Ctrl+Shift+P); the
    // actions are the page's and live while the Cockpit is shown.
    if (auto *cockpit = qobject_cast<CockpitPage *>(screenWidget(NavRail::Cockpit))) {
        file->addAction(cockpit->printAction());
        file->addAction(cockpit->pdfAction());
        file->addSeparator();
    }
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QUndoStack &stack = m_edits.undoStack();
    QAction *undo = stack.createUndoAction(this, tr("&Undo"));
    undo->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    QAction *redo = stack.createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Find"), QKeySequence::Find, this, [this] {
        if (currentScreen() == NavRail::Customers)
            m_customers->focusSearch();
        else {
            showScreen(NavRail::Leads);
            m_leads->focusSearch();
        }
    });
    edit->addAction(tr("&New customer…"), QKeySequence::New, this, [this] {
        showScreen(NavRail::Customers);
        m_customers->newCustomer();
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int s = 0; s < NavRail::ScreenCount; ++s) {
        // "Targets & Forecast": a single '&' in a menu text would mark a mnemonic and vanish.
        QString name = NavRail::screenName(NavRail::Screen(s));
        QAction *a = view->addAction(name.replace(QLatin1Char('&'), QLatin1String("&&")), this, [this, s] { showScreen(s); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + s)));
    }

    view->addAction(tr("C&onflicts"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this, &MainWindow::showConflicts);

    view->addSeparator();
    QAction *safe = view->addAction(tr("Colour-&blind-safe palette"));
    safe->setCheckable(true);
    safe->setChecked(colourBlindSafe());
    safe->setToolTip(tr("Charts, lights and store codes in colours that stay distinct for colour-blind readers"));
    connect(safe, &QAction::toggled, this, [this](bool on) {
        setColourBlindSafe(on);
        for (QWidget *w : findChildren<QWidget *>())
            w->update();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(Qt::Key_F1), this, [this] { showShortcuts(); });
    help->addAction(tr("&User guide"), this, [this] { showGuide(); });
    QAction *welcome = help->addAction(tr("&Welcome card"), this, &MainWindow::showWelcomeAgain);
    welcome->setEnabled(m_isDemo);
    welcome->setToolTip(tr("Show the welcome card of the demo company again"));
    help->addSeparator();
    help->addAction(tr("&About Sales Cockpit"), this, [this] { showAbout(); });
}

QDialog *MainWindow::showShortcuts()
{
    // The pipeline editor is built on first use; its keys belong in the list all the same.
    if (PipelineEditor *editor = m_settingsPage->pipelineEditor()) {
        editor->setProperty("shortcutGroup", tr("Settings › Pipelines"));
        editor->setProperty("shortcutOrder", 10 * NavRail::Settings + 1);
    }
    return showOwned(new ShortcutsDialog(this, this));
}

QDialog *MainWindow::showGuide()
{
    return showOwned(new GuideDialog(this));
}

QDialog *MainWindow::showAbout()
{
    return showOwned(new AboutDialog(m_db.path(), this));
}

void MainWindow::showWelcomeAgain()
{
    m_settings.remove(QLatin1String(kWelcomeDismissedKey));
    showScreen(NavRail::Cockpit);
    setWelcomeCardWanted(true);
}

void MainWindow::setWelcomeCardWanted(bool wanted)
{
    m_welcomeWanted = wanted;
    updateWelcomeCard();
}

void MainWindow::updateWelcomeCard()
{
    const bool show = m_welcomeWanted && m_isDemo && currentScreen() == NavRail::Cockpit;
    m_welcome->setVisible(show);
    if (show)
        m_welcome->place();
}

void MainWindow::openRedKpi()
{
    showScreen(NavRail::Cockpit);
    auto *page = qobject_cast<CockpitPage *>(screenWidget(NavRail::Cockpit));
    auto open = [this, page] {
        const CockpitData *d = page->data();
        for (int i = 0; d && i < d->tiles.size(); ++i) {
            if (d->tiles[i].rag == analytics::Rag::Red) {
                page->openTile(i);
                return;
            }
        }
        statusBar()->showMessage(tr("No KPI tile is red for %1: every figure is at least as good as the industry "
                                    "mean. Click any tile for the rows behind it.")
                                     .arg(m_scope->scope().period.label()),
                                 15000);
    };
    if (page->hasResult() && !page->isRefreshing())
        open();
    else
        connect(page, &AnalyticsPage::refreshed, this, open, Qt::SingleShotConnection);
}

void MainWindow::showScreen(int screen)
{
    if (screen < 0 || screen >= NavRail::ScreenCount)
        screen = NavRail::Cockpit;
    m_rail->setCurrentRow(screen);
    m_stack->setCurrentIndex(screen);
    if (screen == NavRail::Settings)
        m_settingsPage->refresh();
}

void MainWindow::showConflicts()
{
    // Not a rail screen: the rail shows no screen as current while it is open.
    {
        const QSignalBlocker quiet(m_rail);
        m_rail->setCurrentRow(-1);
        m_rail->clearSelection();
    }
    m_stack->setCurrentWidget(m_conflicts);
    m_conflicts->list()->setFocus();
}

QWidget *MainWindow::screenWidget(int screen) const
{
    return m_stack->widget(screen);
}

AnalyticsPage *MainWindow::analyticsPage(int screen) const
{
    QWidget *w = m_stack->widget(screen);
    if (auto *tabs = qobject_cast<TargetsForecastPage *>(w))
        return tabs->currentTab();
    return qobject_cast<AnalyticsPage *>(w);
}

int MainWindow::currentScreen() const
{
    return m_stack->currentIndex();
}

void MainWindow::setBusy(const QString &message)
{
    m_busy->setText(message);
    m_progress->show();
}

void MainWindow::clearBusy()
{
    m_busy->clear();
    m_progress->hide();
}

void MainWindow::updateStatus()
{
    m_demoBadge->setVisible(m_catalog.isLoaded() ? m_catalog.data().demo : m_db.isDemo());
    if (!m_sync) // team mode: the server and the last sync (attachSync)
        m_source->setText(tr("Local file: %1").arg(QDir::toNativeSeparators(m_db.path())));
    const Identity who = m_catalog.isLoaded() ? Identity::of(m_catalog.data()) : Identity();
    m_identity->setText(m_catalog.isLoaded() ? who.statusText() : QString());
    m_welcome->setIdentity(who);
    if (!m_catalog.isLoaded()) {
        m_counts->clear();
        return;
    }
    const QLocale locale;
    qint64 customers = m_catalog.totalCustomers();
    qint64 leads = m_catalog.totalLeads();
    if (m_catalog.isComplete()) {
        customers = m_catalog.liveCustomers();
        leads = m_catalog.liveLeads();
    }
    m_counts->setText(tr("%1 leads · %2 customers").arg(locale.toString(leads), locale.toString(customers)));
}

void MainWindow::openImport(const QStringList &files, bool storeDays)
{
    ImportWizard wizard(m_db, m_edits, files, this);
    if (storeDays)
        wizard.preset(imports::Entity::StoreDays, imports::OnDuplicate::Update);
    wizard.exec();
}

namespace {
QStringList droppedSpreadsheets(const QMimeData *mime)
{
    QStringList out;
    if (!mime || !mime->hasUrls())
        return out;
    for (const QUrl &url : mime->urls()) {
        const QString path = url.toLocalFile();
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (!path.isEmpty() && (suffix == QLatin1String("csv") || suffix == QLatin1String("xlsx") || suffix == QLatin1String("txt")))
            out << path;
    }
    return out;
}
} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedSpreadsheets(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = droppedSpreadsheets(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    // After the drop returns: the wizard is modal and the drag source waits for the drop.
    QTimer::singleShot(0, this, [this, files] { openImport(files); });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_settings.setValue(QStringLiteral("window/screen"), currentScreen());
    m_leads->saveState();
    m_customers->saveState();
    m_alerts->saveState();
    m_settings.sync();
    event->accept();
}

} // namespace cockpit::ui
