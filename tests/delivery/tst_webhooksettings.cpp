// Settings › Alert delivery and the desktop notifier, driven as a user would: inline
// validation in the webhook dialog, secrets never shown, "Send test message" against a
// loopback receiver, and desktop rows handled without a system tray (offscreen).
#include "alertnotifier.h"
#include "deliveryfixture.h"
#include "delivery/deliveryqueue.h"
#include "delivery/deliverysender.h"
#include "testreceiver.h"
#include "webhookdialog.h"
#include "webhooksettings.h"

#include <QSqlDatabase>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::delivery;

class TstWebhookSettings : public QObject
{
    Q_OBJECT

    QSqlDatabase db() { return m_db->connection(); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<storage::Database>();
        QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("w.db")), storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populate(*m_db));
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void dialogValidatesInline()
    {
        WebhookStore store(db());
        Webhook h;
        h.kind = QStringLiteral("wecom");
        ui::WebhookDialog dialog(store, h);
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // no URL yet
        QVERIFY(dialog.problems()->text().contains(QStringLiteral("enter the robot's webhook address")));

        dialog.urlEdit()->clear();
        QTest::keyClicks(dialog.urlEdit(), QStringLiteral("ftp://qyapi.weixin.qq.com/x"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog.problems()->text().contains(QStringLiteral("\"ftp:\" is not allowed")));

        dialog.urlEdit()->clear();
        QTest::keyClicks(dialog.urlEdit(), QStringLiteral("http://127.0.0.1:8080/hook"));
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog.problems()->text().contains(QStringLiteral("another host"))); // a warning only
        QSignalSpy saved(&dialog, &ui::WebhookDialog::keychainFinished);
        dialog.accept();
        QVERIFY(saved.wait(30000));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(store.all().size(), 1);
        // The file keeps what is shown; the URL itself comes back from the keychain.
        QCOMPARE(store.all().first().url, QString());
        QCOMPARE(store.all().first().urlShown, QStringLiteral("http://127.0.0.1:8080/…"));
        ui::WebhookDialog edit(store, store.all().first());
        QSignalSpy read(&edit, &ui::WebhookDialog::keychainFinished);
        QVERIFY(edit.busy());
        QVERIFY(read.wait(30000));
        QVERIFY(!edit.busy());
        QCOMPARE(edit.urlEdit()->text(), QStringLiteral("http://127.0.0.1:8080/hook"));
    }

    void tableHidesSecretsAndTestsTheRobot()
    {
        TestReceiver receiver;
        QVERIFY(receiver.listen());
        dfixture::addWebhook(db(), QStringLiteral("feishu"), receiver.url(QStringLiteral("/feishu/t")), QStringLiteral("1") /* t1 */,
                             QStringLiteral("top-secret-value"), true, QStringLiteral("销售群"));
        dfixture::addWebhook(db(), QStringLiteral("wecom"), receiver.url(QStringLiteral("/portal")));
        ui::WebhookSettings w(*m_db);
        w.resize(900, 300);
        w.show();
        QCOMPARE(w.table()->rowCount(), 2);
        for (int r = 0; r < w.table()->rowCount(); ++r)
            for (int c = 0; c < w.table()->columnCount(); ++c)
                QVERIFY(!w.table()->item(r, c)->text().contains(QStringLiteral("top-secret")));
        // Company-wide robots first, then by team.
        QCOMPARE(w.table()->item(0, ui::WebhookSettings::TeamColumn)->text(), QStringLiteral("All teams"));
        QCOMPARE(w.table()->item(0, ui::WebhookSettings::SecretColumn)->text(), QStringLiteral("none"));
        QCOMPARE(w.table()->item(1, ui::WebhookSettings::TeamColumn)->text(), QStringLiteral("上海一组"));
        QVERIFY(w.table()->item(1, ui::WebhookSettings::SecretColumn)->text().startsWith(QChar(0x2022)));

        QPushButton *test = w.findChild<QPushButton *>(QStringLiteral("sendTestButton"));
        QVERIFY(!test->isEnabled()); // nothing selected
        w.table()->selectRow(1);
        QVERIFY(test->isEnabled());
        QSignalSpy done(&w, &ui::WebhookSettings::testFinished);
        QTest::mouseClick(test, Qt::LeftButton);
        QVERIFY(done.wait(8000));
        QCOMPARE(done.at(0).at(0).toBool(), true);
        QCOMPARE(w.testResult()->text(), QStringLiteral("✓ Feishu accepted the test message."));
        QCOMPARE(receiver.requests.size(), 1);
        QVERIFY(receiver.requests.first().body.contains("test message"));

        receiver.mode = TestReceiver::Mode::Html;
        w.table()->selectRow(0);
        QTest::mouseClick(test, Qt::LeftButton);
        QVERIFY(done.wait(8000));
        QCOMPARE(done.at(1).at(0).toBool(), false);
        QVERIFY2(w.testResult()->text().contains(QStringLiteral("answered with HTML")), qPrintable(w.testResult()->text()));
    }

    void notifierWithoutTrayShowsInApp()
    {
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable()); // offscreen has none
        // Alerts a-mine = 501 (u0's), a-other = 502.
        dfixture::AlertRow mine{QStringLiteral("501"), QStringLiteral("100") /* u0 */};
        QVERIFY(dfixture::addAlert(db(), mine));
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("502")}));
        QMainWindow window;
        auto *notifier = new ui::AlertNotifier(*m_db, &window);
        QSignalSpy notified(notifier, &ui::AlertNotifier::notified);
        notifier->start(60 * 60 * 1000);
        QCOMPARE(notified.size(), 1);
        QCOMPARE(notified.at(0).at(0).toInt(), 1);
        QCOMPARE(notified.at(0).at(1).toBool(), false);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("no system tray")));
        DeliveryQueue queue(db());
        const QList<Delivery> rows = queue.forAlert(QStringLiteral("501"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().state, QStringLiteral("in_app"));
        QVERIFY(queue.stateSummary(QStringLiteral("501"), QDateTime::currentDateTimeUtc())
                    .startsWith(QStringLiteral("Desktop: shown in app")));
        // Shown once: another round finds nothing new.
        notifier->poll();
        QCOMPARE(notified.size(), 1);
    }
};

QTEST_MAIN(TstWebhookSettings)
#include "tst_webhooksettings.moc"
