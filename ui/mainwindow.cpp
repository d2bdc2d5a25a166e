#include "mainwindow.h"

#include "alertactions.h"
#include "alertspage.h"
#include "analyticspage.h"
#include "alerttablemodel.h"
#include "activitylogpage.h"
#include "alertnotifier.h"
#include "catalog.h"
#include "chartstyle.h"
#include "clock.h"
#include "cockpitpage.h"
#include "scope.h"
#include "customerspage.h"
#include "database.h"
#include "deliveryqueue.h"
#include "deliverysender.h"
#include "editcontroller.h"
#include "leadspage.h"
#include "placeholderpage.h"
#include "settingspage.h"
#include "storespage.h"
#include "teampage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoStack>

namespace cockpit::ui {

MainWindow::MainWindow(storage::Database &db, Catalog &catalog, EditController &edits,
                       QSettings &settings, QWidget *parent)
    : QMainWindow(parent), m_db(db), m_catalog(catalog), m_edits(edits), m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Sales Cockpit"));
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_rail = new NavRail(central);
    m_stack = new QStackedWidget(central);
    layout->addWidget(m_rail);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_leads = new LeadsPage(catalog, edits, settings, m_stack);
    m_customers = new CustomersPage(catalog, edits, settings, m_stack);
    m_settingsPage = new SettingsPage(db, settings, m_stack);
    m_clock = std::make_shared<SystemClock>();
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
        case NavRail::Cockpit: m_stack->addWidget(new CockpitPage(db, *m_scope, m_stack)); break;
        case NavRail::Team:
            m_stack->addWidget(new TeamPage(db, *m_scope, [this] { return m_clock->now(); }, m_stack));
            break;
        case NavRail::Targets:
            m_stack->addWidget(new PlaceholderPage(NavRail::screenName(screen),
                tr("Tiered targets decomposed company → region → city → rep, attainment, and the "
                   "interval forecast with its confidence."), m_stack));
            break;
        case NavRail::Stores:
            m_stack->addWidget(new StoresPage(db, *m_scope, &edits.undoStack(), m_stack));
            break;
        case NavRail::Alerts: m_stack->addWidget(m_alerts); break;
        case NavRail::ActivityLog:
            m_stack->addWidget(new ActivityLogPage(db, m_stack));
            break;
        case NavRail::ScreenCount: break;
        }
    }
    connect(m_rail, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
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
        // Every edit and undo (alerts acknowledged, leads reassigned, a store import …)
        // changes what the figures are computed from; a run of the alert rules changes the
        // cockpit's alert feed.
        connect(&edits.undoStack(), &QUndoStack::indexChanged, page, &AnalyticsPage::markDataChanged);
        if (qobject_cast<CockpitPage *>(page))
            connect(m_alerts, &AlertsPage::evaluationFinished, page, &AnalyticsPage::markDataChanged);
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
    connect(m_alertActions, &AlertActions::commandFailed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Could not undo or redo"), message);
    });
    connect(m_settingsPage, &SettingsPage::openDatabaseRequested, this, &MainWindow::openDatabaseRequested);
    connect(m_settingsPage, &SettingsPage::newDemoRequested, this, &MainWindow::newDemoRequested);
    connect(m_settingsPage, &SettingsPage::restartRequested, this, &MainWindow::restartRequested);
    connect(&edits, &EditController::commandFailed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Could not undo or redo"), message);
    });

    m_demoBadge = new QLabel(tr("Demo data"), this);
    m_demoBadge->setObjectName(QStringLiteral("demoBadge"));
    m_demoBadge->setToolTip(tr("A generated demo company: nothing here is a real customer."));
    m_source = new QLabel(this);
    m_counts = new QLabel(this);
    m_busy = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(160);
    m_progress->setRange(0, 0);
    m_progress->hide();
    statusBar()->addWidget(m_demoBadge);
    statusBar()->addWidget(m_source, 1);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_counts);
    connect(&catalog, &Catalog::loaded, this, &MainWindow::updateStatus);
    connect(&catalog, &Catalog::customerRowsInserted, this, &MainWindow::updateStatus);

    buildMenus();
    // Desktop notifications for new alerts and the webhook sender (queued in the database).
    auto *notifier = new AlertNotifier(db, this);
    // The inbox's Delivery column: every alert's delivery state from one query, re-read
    // whenever the queue moved or the rules ran.
    auto deliveryStates = std::make_shared<QHash<QString, QString>>();
    m_alerts->model()->setDeliveryStateProvider(
        [deliveryStates](const QString &alertId) { return deliveryStates->value(alertId); });
    auto refreshDelivery = [this, &db, deliveryStates] {
        *deliveryStates = delivery::DeliveryQueue(db.connection()).stateSummaries(m_clock->now());
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
    showScreen(m_settings.value(QStringLiteral("window/screen"), int(NavRail::Leads)).toInt());
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open database…"), QKeySequence::Open, this, &MainWindow::openDatabaseRequested);
    file->addAction(tr("New &demo database…"), this, &MainWindow::newDemoRequested);
    file->addSeparator();
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
        QAction *a = view->addAction(NavRail::screenName(NavRail::Screen(s)), this, [this, s] { showScreen(s); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + s)));
    }

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
    help->addAction(tr("&About Sales Cockpit"), this, [this] {
        QMessageBox::about(this, tr("About Sales Cockpit"),
                           tr("<b>Sales Cockpit</b> %1<br>See the whole sales process on one screen.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::showScreen(int screen)
{
    if (screen < 0 || screen >= NavRail::ScreenCount)
        screen = NavRail::Leads;
    m_rail->setCurrentRow(screen);
    m_stack->setCurrentIndex(screen);
    if (screen == NavRail::Settings)
        m_settingsPage->refresh();
}

QWidget *MainWindow::screenWidget(int screen) const
{
    return m_stack->widget(screen);
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
    m_source->setText(tr("Local file: %1").arg(QDir::toNativeSeparators(m_db.path())));
    if (!m_catalog.isLoaded()) {
        m_counts->clear();
        return;
    }
    const QLocale locale;
    qint64 customers = m_catalog.totalCustomers();
    qint64 leads = m_catalog.totalLeads();
    if (m_catalog.isComplete()) {
        customers = 0;
        for (const auto &c : m_catalog.data().customers)
            customers += !c.deleted;
        leads = qint64(m_catalog.data().leads.size());
    }
    m_counts->setText(tr("%1 leads · %2 customers").arg(locale.toString(leads), locale.toString(customers)));
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
