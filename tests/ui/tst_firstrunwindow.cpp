// The first-start window: every phase the demo generator reports is shown in words (none
// falls back to the general text, so a new phase cannot slip through untranslated), the
// real percentage is shown, a failure says what happened with Try again and Quit/Back, and
// closing it while working asks to stop.
#include "demo/demogenerator.h"
#include "firstrunwindow.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

class TestFirstRunWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyGeneratorPhaseHasWords();
    void showsPercentAndPhase();
    void failureOffersTryAgainAndQuit();
    void closingWhileWorkingAsksToStop();
};

void TestFirstRunWindow::everyGeneratorPhaseHasWords()
{
    QTemporaryDir dir;
    demo::Options options;
    options.scale = demo::Scale::Tiny;
    QStringList phases;
    const demo::Result r = demo::generate(dir.filePath(QStringLiteral("tiny.db")), options,
                                          [&](int, const QString &phase) {
                                              if (!phases.contains(phase))
                                                  phases << phase;
                                          });
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(phases.size() >= 10);
    for (const QString &phase : std::as_const(phases)) {
        QVERIFY2(ui::FirstRunWindow::phaseKnown(phase), qPrintable(phase));
        QVERIFY(ui::FirstRunWindow::phaseText(phase) != phase);
    }
    QVERIFY(!ui::FirstRunWindow::phaseKnown(QStringLiteral("frobnicating")));
    QCOMPARE(ui::FirstRunWindow::phaseText(QStringLiteral("frobnicating")), QStringLiteral("Working"));
}

void TestFirstRunWindow::showsPercentAndPhase()
{
    ui::FirstRunWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.windowTitle(), QStringLiteral("Sales Cockpit"));
    w.setProgress(43, QStringLiteral("activities"));
    QCOMPARE(w.percent(), 43);
    QCOMPARE(w.phaseShown(), QStringLiteral("Writing a year of calls, visits, messages and replies…"));
    auto *bar = w.findChild<QProgressBar *>(QStringLiteral("firstRunProgress"));
    QVERIFY(bar && bar->isVisible());
    QCOMPARE(bar->text(), QStringLiteral("43 %"));
    QVERIFY(!w.retryButton()->isVisible());
    // It says what is happening.
    bool explains = false;
    for (const QLabel *l : w.findChildren<QLabel *>())
        explains = explains || (l->isVisible() && l->text().contains(QLatin1String("generated on this computer")));
    QVERIFY(explains);
}

void TestFirstRunWindow::failureOffersTryAgainAndQuit()
{
    ui::FirstRunWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showFailure(QStringLiteral("There is not enough free disk space in /x."), QStringLiteral("disk I/O error"), false);
    QVERIFY(w.isShowingFailure());
    QCOMPARE(w.failureShown(), QStringLiteral("There is not enough free disk space in /x."));
    QVERIFY(w.retryButton()->isVisible());
    QCOMPARE(w.giveUpButton()->text(), QStringLiteral("Quit"));
    QVERIFY(!w.findChild<QProgressBar *>()->isVisible());
    QSignalSpy retry(&w, &ui::FirstRunWindow::retryRequested);
    QSignalSpy giveUp(&w, &ui::FirstRunWindow::giveUpRequested);
    QTest::mouseClick(w.retryButton(), Qt::LeftButton);
    QCOMPARE(retry.count(), 1);
    QTest::mouseClick(w.giveUpButton(), Qt::LeftButton);
    QCOMPARE(giveUp.count(), 1);
    // With a main window behind it, the way out is Back; closing counts as giving up.
    w.showFailure(QStringLiteral("Writing failed."), QString(), true);
    QCOMPARE(w.giveUpButton()->text(), QStringLiteral("Back"));
    w.close();
    QCOMPARE(giveUp.count(), 2);
    // Try again returns to the progress view.
    w.showWorking();
    QVERIFY(!w.isShowingFailure());
    QVERIFY(w.failureShown().isEmpty());
}

void TestFirstRunWindow::closingWhileWorkingAsksToStop()
{
    ui::FirstRunWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy stop(&w, &ui::FirstRunWindow::closeRequested);
    QSignalSpy giveUp(&w, &ui::FirstRunWindow::giveUpRequested);
    w.close();
    QCOMPARE(stop.count(), 1);
    QCOMPARE(giveUp.count(), 0);
}

QTEST_MAIN(TestFirstRunWindow)
#include "tst_firstrunwindow.moc"
