// The command line as a script would use it: demo, check, --screenshot, and bad input that
// must exit non-zero with a message naming what is wrong.
#include <QFile>
#include <QImage>
#include "clirun.h"
#include "storage/schema.h"
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void versionNamesProjectAndCommit();
    void demoRefusesToOverwrite();
    void checkSoundAndBroken();
    void screenshotsEveryView_data();
    void screenshotsEveryView();
    void onlyTheWelcomeViewShowsTheCard();
    void badArguments_data();
    void badArguments();
    void badDatabaseForScreenshot();

private:
    using Run = fixture::CliRun;
    Run run(const QStringList &args) { return fixture::runCli(QStringLiteral(COCKPIT_APP), args, m_dir.path()); }
    QString m_db;
    QTemporaryDir m_dir;
};

void TestCli::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("tiny.db"));
    const Run r = run({QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("tiny"), QStringLiteral("--seed"),
                       QStringLiteral("3"), QStringLiteral("--as-of"), QStringLiteral("2026-11-20"), QStringLiteral("--out"), m_db});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("leads")));
    QVERIFY(r.err.contains(QLatin1String("100%"))); // progress on stderr
}

void TestCli::versionNamesProjectAndCommit()
{
    // CMake's project() version, then the commit this was built from (the sources are a git
    // checkout in every test run: CI copies the clone with its history).
    const Run r = run({QStringLiteral("--version")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString line = r.out.trimmed();
    QVERIFY2(line.startsWith(QLatin1String("sales-cockpit " COCKPIT_PROJECT_VERSION)), qPrintable(line));
    if (QFile::exists(QStringLiteral(COCKPIT_SOURCE_DIR "/.git")))
        QVERIFY2(line.contains(QRegularExpression(QStringLiteral("\\(git [0-9a-zv.-]{7,}\\)$"))), qPrintable(line));
}

void TestCli::demoRefusesToOverwrite()
{
    QFile f(m_db);
    const qint64 size = f.size();
    const Run r = run({QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("tiny"), QStringLiteral("--out"), m_db});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(m_db));
    QCOMPARE(QFile(m_db).size(), size);
}

void TestCli::checkSoundAndBroken()
{
    Run r = run({QStringLiteral("check"), QStringLiteral("--db"), m_db});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.contains(QStringLiteral("schema version: %1").arg(cockpit::storage::kSchemaVersion)));
    QVERIFY(r.out.contains(QLatin1String("integrity: ok")));
    const QString text = m_dir.filePath(QStringLiteral("notes.db"));
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a database at all, just some text that is long enough to look like a header....");
    f.close();
    r = run({QStringLiteral("check"), QStringLiteral("--db"), text});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QLatin1String("not an SQLite file")));
    r = run({QStringLiteral("check"), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("absent.db"))});
    QCOMPARE(r.code, 1);
}

void TestCli::screenshotsEveryView_data()
{
    QTest::addColumn<QString>("view");
    for (const char *v : {"cockpit", "leads", "customers", "team", "targets", "stores", "alerts", "activity-log", "settings",
                          "welcome"})
        QTest::newRow(v) << QString::fromLatin1(v);
}

void TestCli::screenshotsEveryView()
{
    QFETCH(QString, view);
    const QString png = m_dir.filePath(view + QStringLiteral(".png"));
    const Run r = run({QStringLiteral("--db"), m_db, QStringLiteral("--screenshot"), view, QStringLiteral("--out"), png});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1366, 768));
    // The inbox is shot as the screen first shows it (the stored inbox, the rules not run);
    // with --full after the rules ran, also when the file's check was deferred (they wait
    // for it).
    if (view == QLatin1String("alerts")) {
        QVERIFY2(!r.err.contains(QLatin1String("cockpit.alerts: evaluated all")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("showing the stored inbox")), qPrintable(r.err));
        const Run full = run({QStringLiteral("--db"), m_db, QStringLiteral("--screenshot"), view, QStringLiteral("--full"),
                              QStringLiteral("--out"), png});
        QVERIFY2(full.code == 0, qPrintable(full.err));
        const qsizetype evaluated = full.err.indexOf(QLatin1String("cockpit.alerts: evaluated all")),
                        grabbed = full.err.indexOf(QLatin1String("screenshot grabbed"));
        QVERIFY2(evaluated >= 0 && grabbed > evaluated, qPrintable(full.err));
    }
    // An analytics screen shown first gets the cores first: the catalog loads after its
    // figures are shown, not alongside them (and the shot does not wait for it: the leads
    // may not be read at all before the process ends).
    if (view == QLatin1String("team") || view == QLatin1String("cockpit")) {
        const qsizetype shown = r.err.indexOf(QLatin1String(" refreshed ")),
                        loaded = r.err.indexOf(QLatin1String("cockpit.storage.load: loaded"));
        QVERIFY2(shown >= 0 && (loaded < 0 || loaded > shown), qPrintable(r.err));
    }
}

// README screenshots stay reproducible: the demo's welcome card shows in the `welcome` view
// (the cockpit with the card in its bottom-right corner) and in no other, even on a fresh
// configuration where it was never dismissed.
void TestCli::onlyTheWelcomeViewShowsTheCard()
{
    QImage shots[2];
    const char *views[2] = {"cockpit", "welcome"};
    for (int i = 0; i < 2; ++i) {
        const QString png = m_dir.filePath(QStringLiteral("card-%1.png").arg(QLatin1String(views[i])));
        const Run r = run({QStringLiteral("--db"), m_db, QStringLiteral("--screenshot"), QLatin1String(views[i]),
                           QStringLiteral("--out"), png});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        shots[i] = QImage(png).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(shots[i].size(), QSize(1366, 768));
    }
    // The same screen: rail, scope bar and KPI tiles are identical…
    const QRect topLeft(0, 0, 800, 200);
    QCOMPARE(shots[1].copy(topLeft), shots[0].copy(topLeft));
    // … and the card covers the bottom-right corner of one of them only.
    const QRect corner(1366 - 400, 768 - 180, 360, 140);
    QVERIFY(shots[1].copy(corner) != shots[0].copy(corner));
}

void TestCli::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << "bogus";
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << "frobnicate";
    QTest::newRow("unknown view") << QStringList{QStringLiteral("--db"), QStringLiteral("x.db"), QStringLiteral("--screenshot"),
                                                 QStringLiteral("funnel"), QStringLiteral("--out"), QStringLiteral("x.png")} << "funnel";
    QTest::newRow("screenshot without out") << QStringList{QStringLiteral("--screenshot"), QStringLiteral("leads")} << "--out";
    QTest::newRow("bad scale") << QStringList{QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("huge"),
                                              QStringLiteral("--out"), QStringLiteral("h.db")} << "huge";
    QTest::newRow("bad date") << QStringList{QStringLiteral("demo"), QStringLiteral("--as-of"), QStringLiteral("31.12.2026"),
                                             QStringLiteral("--out"), QStringLiteral("h.db")} << "31.12.2026";
    QTest::newRow("demo without out") << QStringList{QStringLiteral("demo")} << "--out";
    QTest::newRow("check without db") << QStringList{QStringLiteral("check")} << "--db";
    QTest::newRow("bad language") << QStringList{QStringLiteral("--lang"), QStringLiteral("fr")} << "fr";
}

void TestCli::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(args);
    QVERIFY2(r.code > 0, qPrintable(QString::number(r.code) + r.err));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestCli::badDatabaseForScreenshot()
{
    const Run r = run({QStringLiteral("--db"), m_dir.path(), QStringLiteral("--screenshot"), QStringLiteral("leads"),
                       QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.png"))});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QLatin1String("is a folder")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
