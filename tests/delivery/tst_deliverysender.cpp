// End to end: the sender posts queued alerts to a local HTTP receiver on 127.0.0.1 that answers
// 200 with the robot's JSON, 500, slowly, not at all, or HTML; back-off is driven by a
// ManualClock; a restart (new sender, database reopened) resumes without duplicates or losses.
#include "domain/clock.h"
#include "deliveryfixture.h"
#include "delivery/deliverysender.h"
#include "domain/ids.h"
#include "delivery/robotmessage.h"
#include "testreceiver.h"

#include "storage/keys.h"

#include <QSqlDatabase>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace cockpit;
using namespace cockpit::delivery;

class TstDeliverySender : public QObject
{
    Q_OBJECT

    QSqlDatabase db() { return m_db->connection(); }
    std::unique_ptr<DeliverySender> newSender()
    {
        return std::make_unique<DeliverySender>(db(), m_clock);
    }
    // Waits until no POST is under way.
    static bool settle(DeliverySender &s, int ms = 8000)
    {
        if (s.inFlight() == 0)
            return true;
        QSignalSpy idle(&s, &DeliverySender::idle);
        return idle.wait(ms);
    }
    std::optional<Delivery> row(const QString &alert, const QString &channel)
    {
        DeliveryQueue q(db());
        for (const Delivery &d : q.forAlert(alert))
            if (d.channel == channel)
                return d;
        return std::nullopt;
    }
    void setTimeout(int ms) { QVERIFY(m_db->setSetting(QStringLiteral("delivery_timeout_ms"), QString::number(ms))); }
    // Whether a message names this alert id: its "Alert id" line (plain "Alert id: 7", markdown
    // "**Alert id**: 7"), the whole number, not a prefix of another one.
    static bool namesAlert(const QString &text, const QString &alert)
    {
        return text.contains(QRegularExpression(QStringLiteral("Alert id(\\*\\*)?: %1(?![0-9])")
                                                    .arg(QRegularExpression::escape(alert))));
    }
    // How many received bodies name the alert keyed `alert`: by its global id, as every
    // message that leaves the file names it (storage/keys.h).
    int postsOf(const QString &alert)
    {
        const QString uuid = storage::uuidForKey(db(), QStringLiteral("alerts"), alert);
        if (uuid.size() != 36)
            return -1;
        int n = 0;
        for (const auto &r : m_receiver->requests)
            n += namesAlert(QString::fromUtf8(r.body), uuid);
        return n;
    }

    ManualClock m_clock{QDateTime(QDate(2026, 11, 22), QTime(2, 0), QTimeZone::utc())};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<TestReceiver> m_receiver;

private Q_SLOTS:
    void init()
    {
        m_clock.set(QDateTime(QDate(2026, 11, 22), QTime(2, 0), QTimeZone::utc()));
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<storage::Database>();
        QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("s.db")), storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populate(*m_db));
        QVERIFY(dfixture::addSecondTeam(db()));
        m_receiver = std::make_unique<TestReceiver>();
        QVERIFY(m_receiver->listen());
        setTimeout(5000);
    }
    void cleanup()
    {
        m_receiver.reset();
        m_db.reset();
        m_dir.reset();
    }

    void deliversEachKindOnceInItsFormat()
    {
        // Alert alert-1 = 1.
        dfixture::addWebhook(db(), QStringLiteral("wecom"), m_receiver->url(QStringLiteral("/wecom?key=k1")), QStringLiteral("1") /* t1 */);
        dfixture::addWebhook(db(), QStringLiteral("dingtalk"), m_receiver->url(QStringLiteral("/ding?access_token=tok")),
                             QStringLiteral("1") /* t1 */, QStringLiteral("SECabc"));
        dfixture::addWebhook(db(), QStringLiteral("feishu"), m_receiver->url(QStringLiteral("/feishu/hook")), {},
                             QStringLiteral("fs"));
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("1")}));
        auto sender = newSender();
        QSignalSpy finished(sender.get(), &DeliverySender::attemptFinished);
        sender->tick();
        QCOMPARE(sender->inFlight(), 3);
        QVERIFY(settle(*sender));
        QCOMPARE(finished.size(), 3);
        QCOMPARE(m_receiver->requests.size(), 3);

        QHash<QByteArray, TestReceiver::Request> byPath;
        for (const auto &r : m_receiver->requests) {
            QCOMPARE(r.method, QByteArray("POST"));
            QVERIFY(r.contentType.startsWith("application/json"));
            byPath.insert(r.target.left(r.target.indexOf('?') < 0 ? r.target.size() : r.target.indexOf('?')), r);
        }
        const QJsonObject wecom = QJsonDocument::fromJson(byPath.value("/wecom").body).object();
        QCOMPARE(wecom.value(QStringLiteral("msgtype")).toString(), QStringLiteral("markdown"));
        QVERIFY(namesAlert(wecom.value(QStringLiteral("markdown")).toObject().value(QStringLiteral("content")).toString(),
                           storage::uuidForKey(db(), QStringLiteral("alerts"), QStringLiteral("1"))));

        const auto &ding = byPath.value("/ding");
        const QUrlQuery q(QUrl(QString::fromLatin1(ding.target)).query());
        QCOMPARE(q.queryItemValue(QStringLiteral("access_token")), QStringLiteral("tok"));
        QCOMPARE(q.queryItemValue(QStringLiteral("timestamp")), QString::number(m_clock.now().toMSecsSinceEpoch()));
        QCOMPARE(q.queryItemValue(QStringLiteral("sign"), QUrl::FullyDecoded),
                 QString::fromLatin1(dingtalkSignature(QStringLiteral("SECabc"), m_clock.now().toMSecsSinceEpoch())));
        QCOMPARE(QJsonDocument::fromJson(ding.body).object().value(QStringLiteral("msgtype")).toString(),
                 QStringLiteral("markdown"));

        const QJsonObject feishu = QJsonDocument::fromJson(byPath.value("/feishu/hook").body).object();
        QCOMPARE(feishu.value(QStringLiteral("msg_type")).toString(), QStringLiteral("text"));
        QCOMPARE(feishu.value(QStringLiteral("timestamp")).toString(), QString::number(m_clock.now().toSecsSinceEpoch()));
        QCOMPARE(feishu.value(QStringLiteral("sign")).toString(),
                 QString::fromLatin1(feishuSignature(QStringLiteral("fs"), m_clock.now().toSecsSinceEpoch())));

        for (const QString &channel : {QStringLiteral("wecom"), QStringLiteral("dingtalk"), QStringLiteral("feishu")}) {
            const auto d = row(QStringLiteral("1"), channel);
            QVERIFY(d);
            QCOMPARE(d->state, QStringLiteral("sent"));
            QCOMPARE(d->attempts, 1);
            QCOMPARE(d->deliveredAt, toIsoUtc(m_clock.now()));
        }
        // Never twice after success, however long the app keeps ticking.
        for (int i = 0; i < 5; ++i) {
            m_clock.advanceSecs(3600);
            sender->tick();
            QVERIFY(settle(*sender));
        }
        QCOMPARE(m_receiver->requests.size(), 3);
        QVERIFY(DeliveryQueue(db()).stateSummary(QStringLiteral("1"), m_clock.now()).contains(QStringLiteral("WeCom: sent")));
    }

    void error500IsRetriedWithBackoffUntilFixed()
    {
        // Alert alert-500 = 500.
        dfixture::addWebhook(db(), QStringLiteral("wecom"), m_receiver->url(QStringLiteral("/wecom")));
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("500")}));
        m_receiver->mode = TestReceiver::Mode::Error500;
        auto sender = newSender();
        sender->tick();
        QVERIFY(settle(*sender));
        auto d = row(QStringLiteral("500"), QStringLiteral("wecom"));
        QCOMPARE(d->state, QStringLiteral("failed"));
        QCOMPARE(d->attempts, 1);
        QCOMPARE(d->lastError, QStringLiteral("HTTP 500"));
        QCOMPARE(d->nextAttemptAt, toIsoUtc(m_clock.now().addSecs(30)));
        QVERIFY(DeliveryQueue(db()).stateSummary(QStringLiteral("500"), m_clock.now())
                    .contains(QStringLiteral("WeCom: retrying (1 attempt, HTTP 500)")));

        m_clock.advanceSecs(29); // not due yet
        sender->tick();
        QVERIFY(settle(*sender));
        QCOMPARE(m_receiver->requests.size(), 1);
        m_clock.advanceSecs(1);
        sender->tick();
        QVERIFY(settle(*sender));
        QCOMPARE(m_receiver->requests.size(), 2);
        d = row(QStringLiteral("500"), QStringLiteral("wecom"));
        QCOMPARE(d->attempts, 2);
        QCOMPARE(d->nextAttemptAt, toIsoUtc(m_clock.now().addSecs(60)));

        m_receiver->mode = TestReceiver::Mode::Ok; // the endpoint is fixed
        m_clock.advanceSecs(60);
        sender->tick();
        QVERIFY(settle(*sender));
        d = row(QStringLiteral("500"), QStringLiteral("wecom"));
        QCOMPARE(d->state, QStringLiteral("sent"));
        QCOMPARE(d->attempts, 3);
        m_clock.advanceSecs(7200);
        sender->tick();
        QVERIFY(settle(*sender));
        QCOMPARE(m_receiver->requests.size(), 3);
        QCOMPARE(postsOf(QStringLiteral("500")), 3);
    }

    void slowAnswerWithinTimeoutIsOneDelivery()
    {
        // Alert alert-slow = 601.
        setTimeout(6000);
        m_receiver->mode = TestReceiver::Mode::Slow;
        m_receiver->slowMs = 1500;
        dfixture::addWebhook(db(), QStringLiteral("feishu"), m_receiver->url(QStringLiteral("/feishu/slow")));
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("601")}));
        auto sender = newSender();
        sender->tick();
        QCOMPARE(sender->inFlight(), 1);
        // The app keeps ticking while the answer is under way: the row is 'sending', not taken twice.
        QTest::qWait(300);
        m_clock.advanceSecs(60);
        sender->tick();
        QCOMPARE(sender->inFlight(), 1);
        QCOMPARE(row(QStringLiteral("601"), QStringLiteral("feishu"))->state, QStringLiteral("sending"));
        QVERIFY(settle(*sender));
        QCOMPARE(row(QStringLiteral("601"), QStringLiteral("feishu"))->state, QStringLiteral("sent"));
        QCOMPARE(m_receiver->requests.size(), 1);
    }

    void hangTimesOutAndIsRetriedLater()
    {
        // Alert alert-hang = 602.
        setTimeout(700);
        m_receiver->mode = TestReceiver::Mode::Hang;
        dfixture::addWebhook(db(), QStringLiteral("dingtalk"), m_receiver->url(QStringLiteral("/ding?access_token=t")));
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("602")}));
        auto sender = newSender();
        QSignalSpy finished(sender.get(), &DeliverySender::attemptFinished);
        sender->tick();
        QVERIFY(settle(*sender, 5000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(2).toBool(), false);
        auto d = row(QStringLiteral("602"), QStringLiteral("dingtalk"));
        QCOMPARE(d->state, QStringLiteral("failed"));
        QVERIFY2(d->lastError.contains(QStringLiteral("timeout")), qPrintable(d->lastError));
        QCOMPARE(m_receiver->requests.size(), 1);

        m_receiver->dropHanging();
        m_receiver->mode = TestReceiver::Mode::Ok;
        m_clock.advanceSecs(30);
        sender->tick();
        QVERIFY(settle(*sender));
        d = row(QStringLiteral("602"), QStringLiteral("dingtalk"));
        QCOMPARE(d->state, QStringLiteral("sent"));
        QCOMPARE(d->attempts, 2);
        QCOMPARE(m_receiver->requests.size(), 2);
        QCOMPARE(postsOf(QStringLiteral("602")), 2); // the same alert id: a receiver sees the repeat
    }

    void htmlAnswerFailsWithAClearMessage()
    {
        // Alert alert-html = 603.
        m_receiver->mode = TestReceiver::Mode::Html;
        dfixture::addWebhook(db(), QStringLiteral("wecom"), m_receiver->url(QStringLiteral("/portal")));
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("603")}));
        auto sender = newSender();
        sender->tick();
        QVERIFY(settle(*sender));
        const auto d = row(QStringLiteral("603"), QStringLiteral("wecom"));
        QCOMPARE(d->state, QStringLiteral("failed"));
        QCOMPARE(d->lastError, QStringLiteral("the endpoint answered with HTML, not the robot's JSON — check the webhook URL"));
    }

    void connectionRefusedFails()
    {
        // Alert alert-refused = 604.
        const QString url = m_receiver->url(QStringLiteral("/wecom"));
        m_receiver->close(); // nobody listens on that port any more
        dfixture::addWebhook(db(), QStringLiteral("wecom"), url);
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("604")}));
        auto sender = newSender();
        sender->tick();
        QVERIFY(settle(*sender));
        const auto d = row(QStringLiteral("604"), QStringLiteral("wecom"));
        QCOMPARE(d->state, QStringLiteral("failed"));
        QVERIFY2(d->lastError.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(d->lastError));
    }

    void restartResumesWithoutDuplicatesOrLosses()
    {
        // Alerts alert-r0 .. alert-r3 = 610 .. 613.
        setTimeout(5000);
        dfixture::addWebhook(db(), QStringLiteral("wecom"), m_receiver->url(QStringLiteral("/wecom")));
        for (int i = 0; i < 4; ++i)
            QVERIFY(dfixture::addAlert(db(), {QString::number(610 + i)}));

        // First run: r0 is delivered, r1 fails (500), then the endpoint hangs and the app quits
        // with r2 and r3 under way.
        auto sender = newSender();
        sender->setMaxInFlight(1);
        sender->tick();
        QVERIFY(settle(*sender));
        QCOMPARE(row(QStringLiteral("610"), QStringLiteral("wecom"))->state, QStringLiteral("sent"));
        m_receiver->mode = TestReceiver::Mode::Error500;
        sender->tick();
        QVERIFY(settle(*sender));
        QCOMPARE(row(QStringLiteral("611"), QStringLiteral("wecom"))->state, QStringLiteral("failed"));
        m_receiver->mode = TestReceiver::Mode::Hang;
        sender->setMaxInFlight(8);
        sender->tick();
        QCOMPARE(sender->inFlight(), 2);
        QTRY_COMPARE(m_receiver->requests.size(), 4);
        sender.reset(); // a clean quit puts the rows under way back
        QCOMPARE(row(QStringLiteral("612"), QStringLiteral("wecom"))->state, QStringLiteral("pending"));
        // ... and a crash would leave one 'sending': simulate that for r3.
        QVERIFY(fixture::exec(db(), QStringLiteral("UPDATE deliveries SET state = 'sending' WHERE alert_id = 613")));
        m_receiver->dropHanging();

        // Second run on the same file.
        const QString path = m_db->path();
        m_db.reset();
        m_db = std::make_unique<storage::Database>();
        QVERIFY(m_db->open(path).ok());
        m_receiver->mode = TestReceiver::Mode::Ok;
        m_receiver->requests.clear();
        sender = newSender();
        sender->start(60 * 60 * 1000); // recovers, then ticks now
        QVERIFY(settle(*sender));
        // r2 and r3 went out; r0 (sent) did not; r1 waits for its back-off.
        QCOMPARE(postsOf(QStringLiteral("610")), 0);
        QCOMPARE(postsOf(QStringLiteral("611")), 0);
        QCOMPARE(postsOf(QStringLiteral("612")), 1);
        QCOMPARE(postsOf(QStringLiteral("613")), 1);
        m_clock.advanceSecs(30);
        sender->tick();
        QVERIFY(settle(*sender));
        QCOMPARE(postsOf(QStringLiteral("611")), 1);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(row(QString::number(610 + i), QStringLiteral("wecom"))->state, QStringLiteral("sent"));
        m_clock.advanceSecs(86400);
        sender->tick();
        QVERIFY(settle(*sender));
        QCOMPARE(m_receiver->requests.size(), 3);
        sender->stop();
    }
};

QTEST_GUILESS_MAIN(TstDeliverySender)
#include "tst_deliverysender.moc"
