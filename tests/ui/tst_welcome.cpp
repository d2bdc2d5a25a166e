// The first minutes of a new user: the Cockpit is the first screen, the status bar names who
// is signed in, and the welcome card of a demo database — shown over the Cockpit, dismissed
// for good by its close button or Esc, brought back by Help › Welcome card, its three links
// doing what they say, and never shown for a database that is not a demo.
#include "cockpitpage.h"
#include "demowindow.h"
#include "drilldowndialog.h"
#include "fixture.h"
#include "identity.h"
#include "kpitile.h"
#include "leadspage.h"
#include "welcomecard.h"

#include <QSqlDatabase>
#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QShortcut>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>

using namespace cockpit;

namespace {
// The main window over a database the test made itself (not the demo), shown at 1366×768.
struct OwnWindow
{
    std::unique_ptr<analytics::FigureService> figures;
    std::unique_ptr<Catalog> catalog;
    QUndoStack undo;
    std::unique_ptr<EditController> edits;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<ui::MainWindow> window;

    static std::unique_ptr<OwnWindow> open(storage::Database &db, const QString &ini)
    {
        auto w = std::make_unique<OwnWindow>();
        w->figures = std::make_unique<analytics::FigureService>(db);
        w->catalog = std::make_unique<Catalog>(db);
        QString error;
        if (!w->catalog->load(&error))
            return nullptr;
        w->edits = std::make_unique<EditController>(db, w->undo);
        w->settings = std::make_unique<QSettings>(ini, QSettings::IniFormat);
        w->window = std::make_unique<ui::MainWindow>(db, *w->figures, *w->catalog, *w->edits, *w->settings);
        w->window->resize(1366, 768);
        w->window->show();
        return QTest::qWaitForWindowExposed(w->window.get()) ? std::move(w) : nullptr;
    }
};
} // namespace

class TestWelcome : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cockpitIsTheDefaultScreen();
    void statusBarNamesTheSignedInUser();
    void cardShowsOverTheCockpitOfADemo();
    void closeButtonDismissesForGood();
    void escapeDismissesAndHelpBringsItBack();
    void searchLinkTypesBs();
    void alertsLinkOpensAlerts();
    void redKpiLinkOpensTheRowsOrSaysNoneIsRed();
    void noCardForOwnData();
    void damagedFileShowsABannerAndStaysReadOnly();

private:
    // The director the demo signs in as, read from the file itself.
    QString director()
    {
        QSqlQuery q(m_w.db->connection());
        return q.exec(QStringLiteral("SELECT u.name FROM users u JOIN settings s ON s.key = 'current_user_id'"
                                     " AND s.value = u.id WHERE u.role = 'director'")) && q.next()
                   ? q.value(0).toString()
                   : QString();
    }
    QAction *helpAction(const QString &text)
    {
        for (QAction *menu : m_w.window->menuBar()->actions())
            if (menu->menu())
                for (QAction *a : menu->menu()->actions())
                    if (a->text() == text)
                        return a;
        return nullptr;
    }
    ui::WelcomeCard *card() { return m_w.window->welcomeCard(); }

    fixture::DemoWindow m_w;
};

void TestWelcome::initTestCase()
{
    const QString error = m_w.open(/*welcomeCard=*/true);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestWelcome::cockpitIsTheDefaultScreen()
{
    QTemporaryDir dir;
    QSettings fresh(dir.filePath(QStringLiteral("fresh.ini")), QSettings::IniFormat);
    ui::MainWindow window(*m_w.db, *m_w.figures, *m_w.catalog, *m_w.edits, fresh);
    QCOMPARE(window.currentScreen(), int(ui::NavRail::Cockpit));
    // A remembered screen still wins; a nonsense one falls back to the Cockpit.
    fresh.setValue(QStringLiteral("window/screen"), int(ui::NavRail::Stores));
    ui::MainWindow remembered(*m_w.db, *m_w.figures, *m_w.catalog, *m_w.edits, fresh);
    QCOMPARE(remembered.currentScreen(), int(ui::NavRail::Stores));
    fresh.setValue(QStringLiteral("window/screen"), 42);
    ui::MainWindow nonsense(*m_w.db, *m_w.figures, *m_w.catalog, *m_w.edits, fresh);
    QCOMPARE(nonsense.currentScreen(), int(ui::NavRail::Cockpit));
}

void TestWelcome::statusBarNamesTheSignedInUser()
{
    const QString name = director();
    QVERIFY(!name.isEmpty());
    QLabel *label = m_w.window->identityLabel();
    QCOMPARE(label->text(), QStringLiteral("Signed in as %1 · Sales director").arg(name));
    QVERIFY(label->isVisibleTo(m_w.window.get()));
    QVERIFY(m_w.window->statusBar()->isAncestorOf(label));
    QCOMPARE(ui::Identity::roleName(QStringLiteral("regional_manager")), QStringLiteral("Regional manager"));
}

void TestWelcome::cardShowsOverTheCockpitOfADemo()
{
    m_w.window->showScreen(ui::NavRail::Cockpit);
    QVERIFY(card()->isVisible());
    QVERIFY(card()->identityText().contains(director()));
    QVERIFY(card()->identityText().contains(QLatin1String("Sales director")));
    // Inside the window, in its bottom-right corner, above the page.
    const QRect inWindow(card()->mapTo(m_w.window.get(), QPoint(0, 0)), card()->size());
    QVERIFY(m_w.window->rect().contains(inWindow));
    QVERIFY(inWindow.right() > m_w.window->width() / 2);
    QVERIFY(card()->height() >= card()->minimumSizeHint().height());
    // It belongs to the Cockpit: other screens are not covered.
    m_w.window->showScreen(ui::NavRail::Leads);
    QVERIFY(!card()->isVisible());
    m_w.window->showScreen(ui::NavRail::Cockpit);
    QVERIFY(card()->isVisible());
}

void TestWelcome::closeButtonDismissesForGood()
{
    m_w.window->showScreen(ui::NavRail::Cockpit);
    QVERIFY(card()->isVisible());
    QTest::mouseClick(card()->closeButton(), Qt::LeftButton);
    QVERIFY(!card()->isVisible());
    QCOMPARE(m_w.settings->value(QLatin1String(ui::MainWindow::kWelcomeDismissedKey)).toBool(), true);
    // The next start does not show it.
    ui::MainWindow next(*m_w.db, *m_w.figures, *m_w.catalog, *m_w.edits, *m_w.settings);
    next.showScreen(ui::NavRail::Cockpit);
    QVERIFY(!next.welcomeCard()->isVisibleTo(&next));
}

void TestWelcome::escapeDismissesAndHelpBringsItBack()
{
    QAction *again = helpAction(QStringLiteral("&Welcome card"));
    QVERIFY(again);
    QVERIFY(again->isEnabled());
    m_w.window->showScreen(ui::NavRail::Leads);
    again->trigger();
    QCOMPARE(m_w.window->currentScreen(), int(ui::NavRail::Cockpit));
    QVERIFY(card()->isVisible());
    QVERIFY(!m_w.settings->contains(QLatin1String(ui::MainWindow::kWelcomeDismissedKey)));
    // Esc anywhere in the window dismisses it, and is remembered.
    m_w.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_w.window.get()));
    QTest::keyClick(m_w.window.get(), Qt::Key_Escape);
    QVERIFY(!card()->isVisible());
    QCOMPARE(m_w.settings->value(QLatin1String(ui::MainWindow::kWelcomeDismissedKey)).toBool(), true);
    again->trigger();
    QVERIFY(card()->isVisible());
}

void TestWelcome::searchLinkTypesBs()
{
    m_w.window->showScreen(ui::NavRail::Cockpit);
    QVERIFY(card()->isVisible());
    Q_EMIT card()->tryLabel(1)->linkActivated(QLatin1String(ui::WelcomeCard::kSearch));
    QCOMPARE(m_w.window->currentScreen(), int(ui::NavRail::Leads));
    auto *search = m_w.window->leadsPage()->findChild<QLineEdit *>(QStringLiteral("searchBox"));
    QVERIFY(search);
    QCOMPARE(search->text(), QStringLiteral("bs"));
    const int shown = m_w.window->leadsPage()->table()->model()->rowCount();
    QVERIFY(shown > 0);
    QVERIFY(shown < int(m_w.catalog->data().leads.size()));
    search->clear();
}

void TestWelcome::alertsLinkOpensAlerts()
{
    m_w.window->showScreen(ui::NavRail::Cockpit);
    Q_EMIT card()->tryLabel(2)->linkActivated(QLatin1String(ui::WelcomeCard::kAlerts));
    QCOMPARE(m_w.window->currentScreen(), int(ui::NavRail::Alerts));
}

void TestWelcome::redKpiLinkOpensTheRowsOrSaysNoneIsRed()
{
    m_w.window->showScreen(ui::NavRail::Leads);
    auto *page = qobject_cast<ui::CockpitPage *>(m_w.window->screenWidget(ui::NavRail::Cockpit));
    QVERIFY(page);
    m_w.window->openRedKpi();
    QCOMPARE(m_w.window->currentScreen(), int(ui::NavRail::Cockpit));
    QTRY_VERIFY_WITH_TIMEOUT(page->hasResult() && !page->isRefreshing(), 30000);
    QCoreApplication::processEvents();
    int red = -1;
    for (int i = 0; i < page->data()->tiles.size() && red < 0; ++i)
        if (page->data()->tiles[i].rag == analytics::Rag::Red)
            red = i;
    auto *dialog = page->findChild<ui::DrillDownDialog *>();
    if (red >= 0) {
        QVERIFY2(dialog && dialog->isVisible(), "a red tile exists, so its rows open");
        QVERIFY(dialog->findChild<QLabel *>()->text().contains(page->data()->tiles[red].label));
        dialog->close();
    } else {
        QVERIFY(!dialog || !dialog->isVisible());
        QVERIFY(m_w.window->statusBar()->currentMessage().contains(QLatin1String("No KPI tile is red")));
    }
}

void TestWelcome::noCardForOwnData()
{
    QTemporaryDir dir;
    storage::Database db;
    QVERIFY(db.open(dir.filePath(QStringLiteral("own.db")), storage::Database::Mode::CreateIfMissing).ok());
    QVERIFY(fixture::populate(db));
    QVERIFY(!db.isDemo());
    const auto own = OwnWindow::open(db, dir.filePath(QStringLiteral("fresh.ini")));
    QVERIFY(own);
    ui::MainWindow &window = *own->window;
    QCOMPARE(window.currentScreen(), int(ui::NavRail::Cockpit));
    QVERIFY(!window.welcomeCard()->isVisible());
    // Help › Welcome card is off too, and the status bar names the file's own current user.
    bool found = false;
    for (QAction *menu : window.menuBar()->actions())
        if (menu->menu())
            for (QAction *a : menu->menu()->actions())
                if (a->text() == QLatin1String("&Welcome card")) {
                    found = true;
                    QVERIFY(!a->isEnabled());
                }
    QVERIFY(found);
    QCOMPARE(window.identityLabel()->text(), QStringLiteral("Signed in as 赵总 · Sales director"));
}

void TestWelcome::damagedFileShowsABannerAndStaysReadOnly()
{
    // The app opens with the check deferred: "checking" in the status bar, no banner; when
    // the check fails, the banner says the file is read-only and offers the repaired copy.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("own.db"));
    {
        storage::Database db;
        QVERIFY(db.open(path, storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populate(db));
    }
    storage::Database db;
    QVERIFY(db.open(path, storage::Database::Mode::OpenExisting, storage::Database::Check::Deferred).ok());
    const auto own = OwnWindow::open(db, dir.filePath(QStringLiteral("fresh.ini")));
    QVERIFY(own);
    ui::MainWindow &window = *own->window;
    auto *note = window.findChild<QLabel *>(QStringLiteral("writeNote"));
    QVERIFY(note && note->isVisible());
    QVERIFY(note->text().contains(QLatin1String("Checking the file")));
    QVERIFY(!window.damageBanner()->isVisible());
    QAction *repair = nullptr;
    for (QAction *menu : window.menuBar()->actions())
        if (menu->menu())
            for (QAction *a : menu->menu()->actions())
                if (a->text() == QStringLiteral("Save a &repaired copy…"))
                    repair = a;
    QVERIFY(repair && !repair->isEnabled());
    // An edit before the check has passed is refused with words, not written.
    const auto r = own->edits->editLead(QStringLiteral("2"), {{QStringLiteral("title"), QStringLiteral("改了")}}); // lead-2
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QLatin1String("still being checked")), qPrintable(r.error));
    db.markDamaged(QStringLiteral("Page 7: btreeInitPage() returns error code 11"));
    QVERIFY(window.damageBanner()->isVisible());
    QVERIFY(repair->isEnabled());
    QVERIFY(note->text().contains(QLatin1String("damaged")));
    // COCKPIT_TEST_SHOTS=DIR keeps a picture of the banner for a person to look at.
    QTest::qWait(50); // the banner's layout settles
    if (const QString shots = qEnvironmentVariable("COCKPIT_TEST_SHOTS"); !shots.isEmpty())
        window.grab().save(QDir(shots).filePath(QStringLiteral("damage-banner.png")));
    QSignalSpy asked(&window, &ui::MainWindow::repairRequested);
    auto *button = window.damageBanner()->findChild<QPushButton *>();
    QVERIFY(button);
    button->click();
    QCOMPARE(asked.count(), 1);
}

QTEST_MAIN(TestWelcome)
#include "tst_welcome.moc"
