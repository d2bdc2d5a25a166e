// Settings › Team server and the status bar's sync state (issue 12), offscreen: the fields and
// their defaults, the warning that `disable` shows, the QSettings round trip (the password never
// in it), Test connection's classified answer from a worker thread, and the status texts with
// the conflicts link. With COCKPIT_SHOTS_DIR set, writes the section and the first-pull dialog
// at 1366×768 (README screenshots).
#include "firstpulldialog.h"
#include "storage/database.h"
#include "sync/serversettings.h"
#include "sync/syncservice.h"
#include "syncstatuslabel.h"
#include "teamserversettings.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::ui;

class TestTeamServerSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString iniPath() const { return m_dir.filePath(QStringLiteral("settings.ini")); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void defaultsAndTlsWarning()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("defaults.ini")), QSettings::IniFormat);
        TeamServerSettings page(settings);
        page.resize(900, 600);
        page.show();
        QCOMPARE(page.hostEdit()->text(), QStringLiteral("localhost"));
        QCOMPARE(page.portSpin()->value(), 5432);
        QCOMPARE(page.tlsCombo()->currentData().toString(), QStringLiteral("verify-full"));
        QCOMPARE(page.intervalSpin()->value(), 5);
        QVERIFY(!page.tlsWarning()->isVisible());
        QVERIFY(page.connectButton()->isVisible());
        QVERIFY(!page.disconnectButton()->isVisible());
        QCOMPARE(page.passwordEdit()->echoMode(), QLineEdit::Password);
        page.tlsCombo()->setCurrentIndex(page.tlsCombo()->findData(QStringLiteral("disable")));
        QVERIFY(page.tlsWarning()->isVisible());
        QVERIFY(page.tlsWarning()->text().contains(QStringLiteral("encryption")));
        page.tlsCombo()->setCurrentIndex(page.tlsCombo()->findData(QStringLiteral("require")));
        QVERIFY(!page.tlsWarning()->isVisible());
    }

    // Typed fields survive a restart; the password typed is in no settings file.
    void settingsRoundTripWithoutPassword()
    {
        const QString secret = QStringLiteral("s3cret-Passw0rd");
        {
            QSettings settings(iniPath(), QSettings::IniFormat);
            TeamServerSettings page(settings);
            page.show();
            page.hostEdit()->clear();
            QTest::keyClicks(page.hostEdit(), QStringLiteral("cockpit.example.com"));
            page.portSpin()->setValue(6543);
            QTest::keyClicks(page.databaseEdit(), QStringLiteral("sales"));
            QTest::keyClicks(page.userEdit(), QStringLiteral("wang_fang"));
            QTest::keyClicks(page.passwordEdit(), secret);
            page.tlsCombo()->setCurrentIndex(page.tlsCombo()->findData(QStringLiteral("disable")));
            page.intervalSpin()->setValue(15);
            QCOMPARE(page.address().password, secret);
            QCOMPARE(page.address().display(), QStringLiteral("wang_fang@cockpit.example.com:6543/sales"));
        }
        QSettings settings(iniPath(), QSettings::IniFormat);
        TeamServerSettings again(settings);
        again.show();
        QCOMPARE(again.hostEdit()->text(), QStringLiteral("cockpit.example.com"));
        QCOMPARE(again.portSpin()->value(), 6543);
        QCOMPARE(again.databaseEdit()->text(), QStringLiteral("sales"));
        QCOMPARE(again.userEdit()->text(), QStringLiteral("wang_fang"));
        QCOMPARE(again.tlsCombo()->currentData().toString(), QStringLiteral("disable"));
        QVERIFY(again.tlsWarning()->isVisible());
        QCOMPARE(again.intervalSpin()->value(), 15);
        QVERIFY(again.passwordEdit()->text().isEmpty());
        const sync::ServerSettings stored = sync::ServerSettings::load(settings);
        QCOMPARE(stored.address.sslMode, sync::SslMode::Disable);
        QVERIFY(!stored.connected);
        settings.sync();
        for (const QString &key : settings.allKeys()) {
            QVERIFY2(!key.contains(QStringLiteral("password"), Qt::CaseInsensitive), qPrintable(key));
            QVERIFY2(!settings.value(key).toString().contains(secret), qPrintable(key));
        }
        QFile raw(iniPath());
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().contains(secret.toUtf8()));
    }

    // Test connection runs on a worker and shows the classified error: nothing listens here.
    void testConnectionSaysWhatFailed()
    {
        QTcpServer probe; // a free port, then closed: nothing answers there
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const int port = probe.serverPort();
        probe.close();
        QSettings settings(m_dir.filePath(QStringLiteral("test.ini")), QSettings::IniFormat);
        TeamServerSettings page(settings);
        page.show();
        page.hostEdit()->setText(QStringLiteral("127.0.0.1"));
        page.portSpin()->setValue(port);
        page.databaseEdit()->setText(QStringLiteral("sales"));
        page.userEdit()->setText(QStringLiteral("wang_fang"));
        page.passwordEdit()->setText(QStringLiteral("pw"));
        page.tlsCombo()->setCurrentIndex(page.tlsCombo()->findData(QStringLiteral("disable")));
        QSignalSpy finished(&page, &TeamServerSettings::testFinished);
        QTest::mouseClick(page.testButton(), Qt::LeftButton);
        QVERIFY(!page.testButton()->isEnabled()); // busy while the worker connects
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        const QString message = finished.first().at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(message));
        QCOMPARE(page.result()->text(), message);
        QVERIFY(page.testButton()->isEnabled());

        // A field left empty is named before anything connects.
        page.databaseEdit()->clear();
        finished.clear();
        page.testConnection();
        QCOMPARE(finished.size(), 1);
        QVERIFY2(finished.first().at(1).toString().contains(QStringLiteral("database")),
                 qPrintable(finished.first().at(1).toString()));
    }

    void connectedText()
    {
        sync::ServerWho who;
        who.login = QStringLiteral("wang_fang");
        who.userName = QStringLiteral("王芳");
        who.role = QStringLiteral("regional_manager");
        who.regionName = QStringLiteral("华东");
        QCOMPARE(TeamServerSettings::connectedText(who), QStringLiteral("Connected as 王芳 (Regional manager, 华东)"));
        who.director = true;
        who.role = QStringLiteral("director");
        who.regionName.clear();
        QCOMPARE(TeamServerSettings::connectedText(who), QStringLiteral("Connected as 王芳 (Sales director, all regions)"));
    }

    void statusTexts()
    {
        const qint64 now = QDateTime(QDate(2026, 12, 5), QTime(11, 30)).toSecsSinceEpoch();
        sync::SyncState s;
        s.phase = sync::SyncState::Phase::Synced;
        s.lastSync = now - 125;
        s.editsWaiting = 3;
        QCOMPARE(SyncStatusLabel::textFor(s, now), QStringLiteral("Synced 2 min ago · 3 edits waiting"));
        s.editsWaiting = 0;
        s.lastSync = now - 20;
        QCOMPARE(SyncStatusLabel::textFor(s, now), QStringLiteral("Synced just now"));
        s.phase = sync::SyncState::Phase::Offline;
        s.offlineSince = QDateTime(QDate(2026, 12, 5), QTime(10, 42)).toSecsSinceEpoch();
        s.editsWaiting = 12;
        QCOMPARE(SyncStatusLabel::textFor(s, now), QStringLiteral("Offline since 10:42 · 12 edits waiting"));
        s.phase = sync::SyncState::Phase::Syncing;
        s.editsWaiting = 0;
        QCOMPARE(SyncStatusLabel::textFor(s, now), QStringLiteral("Syncing…"));
        s.phase = sync::SyncState::Phase::Synced;
        s.lastSync = now - 7200;
        s.conflicts = 2;
        QCOMPARE(SyncStatusLabel::textFor(s, now),
                 QStringLiteral("Synced 2 h ago · <a href=\"conflicts\">2 conflicts</a>"));
        s.phase = sync::SyncState::Phase::Idle;
        s.lastSync = 0;
        s.conflicts = 0;
        QCOMPARE(SyncStatusLabel::textFor(s, now), QStringLiteral("Not synced yet"));
        // The data synced, the server refused the activity log's chain: both shown.
        s.phase = sync::SyncState::Phase::Synced;
        s.lastSync = now - 20;
        s.chain.kind = sync::PgError::Kind::ChainRefused;
        s.chain.message = QStringLiteral("The activity log of this file ends at record #3 …");
        QCOMPARE(SyncStatusLabel::textFor(s, now), QStringLiteral("Synced just now · activity log refused by the server"));
    }

    // The conflicts link asks for the Conflicts screen; the label follows the service.
    void conflictsLinkEmits()
    {
        storage::Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("label.db")), storage::Database::Mode::CreateIfMissing).ok());
        sync::ServerAddress address;
        address.database = QStringLiteral("sales");
        address.user = QStringLiteral("wang_fang");
        sync::SyncService service(db, address);
        SyncStatusLabel label(service);
        QSignalSpy asked(&label, &SyncStatusLabel::conflictsRequested);
        Q_EMIT label.linkActivated(QStringLiteral("conflicts"));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(SyncStatusLabel::sourceFor(service.state()),
                 QStringLiteral("Team server wang_fang@localhost:5432/sales · not synced yet"));
    }

    // Screenshots for the README (only when asked for): the section filled in with the
    // `disable` warning, and the first-pull dialog over it.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("COCKPIT_SHOTS_DIR");
        if (dir.isEmpty())
            QSKIP("COCKPIT_SHOTS_DIR not set");
        QSettings settings(m_dir.filePath(QStringLiteral("shot.ini")), QSettings::IniFormat);
        sync::ServerSettings s;
        s.address.host = QStringLiteral("cockpit.example.com");
        s.address.database = QStringLiteral("sales");
        s.address.user = QStringLiteral("wang_fang");
        s.address.sslMode = sync::SslMode::Disable;
        s.save(settings);
        QWidget window;
        window.resize(1366, 768);
        auto *layout = new QVBoxLayout(&window);
        auto *page = new TeamServerSettings(settings, &window);
        layout->addWidget(page);
        page->passwordEdit()->setText(QStringLiteral("secret"));
        window.show();
        QVERIFY(window.grab().save(dir + QStringLiteral("/settings-team-server.png")));

        storage::Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("shot.db")), storage::Database::Mode::CreateIfMissing).ok());
        sync::SyncService service(db, s.address);
        FirstPullDialog dialog(service, &window);
        dialog.setLabelText(dialog.textFor(48210));
        dialog.show();
        QPixmap shot = window.grab();
        QPainter painter(&shot);
        const QPixmap box = dialog.grab();
        painter.drawPixmap((shot.width() - box.width()) / 2, (shot.height() - box.height()) / 2, box);
        painter.end();
        QVERIFY(shot.save(dir + QStringLiteral("/first-pull.png")));
    }
};

QTEST_MAIN(TestTeamServerSettings)
#include "tst_teamserversettings.moc"
