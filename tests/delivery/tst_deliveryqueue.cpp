// The delivery queue: which rows new alerts get, back-off, due selection (also after the
// clock went back), the 'sending' guard and crash recovery, webhook CRUD and the per-alert
// state line of the Alerts screen.
#include "deliveryfixture.h"
#include "delivery/deliveryqueue.h"
#include "domain/ids.h"
#include "delivery/webhookstore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace cockpit;
using namespace cockpit::delivery;

class TstDeliveryQueue : public QObject
{
    Q_OBJECT

    QSqlDatabase db() { return m_db->connection(); }
    QString rowState(const QString &alert, const QString &channel)
    {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("SELECT state FROM deliveries WHERE alert_id = ? AND channel = ?"));
        q.addBindValue(alert);
        q.addBindValue(channel);
        return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
    }
    qint64 rowId(const QString &alert, const QString &channel)
    {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("SELECT id FROM deliveries WHERE alert_id = ? AND channel = ?"));
        q.addBindValue(alert);
        q.addBindValue(channel);
        return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
    }

    const QDateTime m_now = QDateTime(QDate(2026, 11, 22), QTime(2, 0), QTimeZone::utc());
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    QString m_wecomT1, m_dingT2, m_feishuAll, m_disabledT1;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<storage::Database>();
        QVERIFY(m_db->open(m_dir->filePath(QStringLiteral("d.db")), storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populate(*m_db));
        QVERIFY(dfixture::addSecondTeam(db()));
        m_wecomT1 = dfixture::addWebhook(db(), QStringLiteral("wecom"), QStringLiteral("http://127.0.0.1:9/a"), QStringLiteral("1") /* t1 */);
        m_dingT2 = dfixture::addWebhook(db(), QStringLiteral("dingtalk"), QStringLiteral("http://127.0.0.1:9/b"), QStringLiteral("2") /* t2 */);
        m_feishuAll = dfixture::addWebhook(db(), QStringLiteral("feishu"), QStringLiteral("http://127.0.0.1:9/c"));
        m_disabledT1 = dfixture::addWebhook(db(), QStringLiteral("wecom"), QStringLiteral("http://127.0.0.1:9/d"),
                                            QStringLiteral("1") /* t1 */, {}, false);
        QVERIFY(!m_disabledT1.isEmpty());
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void backoff_data()
    {
        QTest::addColumn<int>("attempts");
        QTest::addColumn<qint64>("secs");
        QTest::newRow("none") << 0 << qint64(0);
        QTest::newRow("1st failure 30 s") << 1 << qint64(30);
        QTest::newRow("2nd 1 min") << 2 << qint64(60);
        QTest::newRow("3rd 2 min") << 3 << qint64(120);
        QTest::newRow("4th 4 min") << 4 << qint64(240);
        QTest::newRow("7th 32 min") << 7 << qint64(1920);
        QTest::newRow("8th capped at 1 h") << 8 << qint64(3600);
        QTest::newRow("100th capped") << 100 << qint64(3600);
    }
    void backoff()
    {
        QFETCH(int, attempts);
        QFETCH(qint64, secs);
        QCOMPARE(backoffSecs(attempts), secs);
    }

    void enqueueFansOutByTeam()
    {
        // Alerts a-t1 = 501, a-t2 = 502, a-resolved = 503, a-deleted = 504, a-t1-later = 505.
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("501")}));                               // a-t1: u1, team t1
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("502"), QStringLiteral("103") /* u3 */})); // a-t2: team t2
        dfixture::AlertRow resolved{QStringLiteral("503")};
        resolved.resolvedAt = QStringLiteral("2026-11-22T03:00:00Z");
        QVERIFY(dfixture::addAlert(db(), resolved));
        dfixture::AlertRow deleted{QStringLiteral("504")};
        deleted.deleted = 1;
        QVERIFY(dfixture::addAlert(db(), deleted));

        DeliveryQueue queue(db());
        const auto r = queue.enqueueNew(m_now);
        QVERIFY(r.ok);
        QCOMPARE(r.alerts, 2);
        QCOMPARE(r.webhookRows, 4); // a-t1: wecom t1 + feishu all; a-t2: dingtalk t2 + feishu all
        QCOMPARE(r.desktopRows, 0); // the signed-in director is not addressed
        QCOMPARE(rowState(QStringLiteral("501"), QStringLiteral("wecom")), QStringLiteral("pending"));
        QCOMPARE(rowState(QStringLiteral("501"), QStringLiteral("feishu")), QStringLiteral("pending"));
        QCOMPARE(rowState(QStringLiteral("501"), QStringLiteral("dingtalk")), QStringLiteral("<none>"));
        QCOMPARE(rowState(QStringLiteral("502"), QStringLiteral("dingtalk")), QStringLiteral("pending"));
        QCOMPARE(rowState(QStringLiteral("502"), QStringLiteral("wecom")), QStringLiteral("<none>"));
        QCOMPARE(rowState(QStringLiteral("501"), QStringLiteral("desktop")), QStringLiteral("<none>")); // not for me
        QCOMPARE(dfixture::count(db(), QStringLiteral("webhook_id = '%1'").arg(m_disabledT1)), 0);
        QCOMPARE(dfixture::count(db(), QStringLiteral("alert_id IN (503, 504)")), 0);

        // Idempotent: the alerts are no longer new, and none is looked at again.
        const auto again = queue.enqueueNew(m_now.addSecs(60));
        QCOMPARE(again.alerts, 0);
        QCOMPARE(dfixture::count(db(), QStringLiteral("1")), 4);
        {
            QSqlQuery q(db());
            QVERIFY(q.exec(QStringLiteral("SELECT value = (SELECT MAX(rowid) FROM alerts) FROM settings"
                                          " WHERE key = 'delivery_queued_through'")) && q.next());
            QVERIFY(q.value(0).toBool());
        }

        // A webhook added later takes alerts raised from then on, not the backlog.
        dfixture::addWebhook(db(), QStringLiteral("dingtalk"), QStringLiteral("http://127.0.0.1:9/e"), QStringLiteral("1") /* t1 */);
        QCOMPARE(queue.enqueueNew(m_now.addSecs(120)).alerts, 0);
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("505")}));
        const auto later = queue.enqueueNew(m_now.addSecs(180));
        QCOMPARE(later.webhookRows, 3);
    }

    void desktopRowForTheSignedInUser()
    {
        // Alerts a-owner = 511, a-escalated = 512, a-cc = 513, a-other = 514.
        dfixture::AlertRow mine{QStringLiteral("511"), QStringLiteral("100") /* u0 */};
        dfixture::AlertRow escalated{QStringLiteral("512")};
        escalated.escalatedTo = QStringLiteral("100") /* u0 */;
        dfixture::AlertRow cc{QStringLiteral("513")};
        cc.recipients = QStringLiteral("102|100"); // u2|u0
        dfixture::AlertRow notMine{QStringLiteral("514")};
        notMine.recipients = QStringLiteral("102|1000"); // a prefix is not a match
        for (const auto &a : {mine, escalated, cc, notMine})
            QVERIFY(dfixture::addAlert(db(), a));
        DeliveryQueue queue(db());
        QCOMPARE(queue.enqueueNew(m_now).desktopRows, 3);
        QCOMPARE(rowState(QStringLiteral("511"), QStringLiteral("desktop")), QStringLiteral("pending"));
        QCOMPARE(rowState(QStringLiteral("512"), QStringLiteral("desktop")), QStringLiteral("pending"));
        QCOMPARE(rowState(QStringLiteral("513"), QStringLiteral("desktop")), QStringLiteral("pending"));
        QCOMPARE(rowState(QStringLiteral("514"), QStringLiteral("desktop")), QStringLiteral("<none>"));
        QCOMPARE(queue.dueDesktopRows().size(), 3);
        // Desktop rows are never handed to the webhook sender.
        for (const Delivery &d : queue.dueWebhookRows(m_now))
            QVERIFY(d.channel != QLatin1String("desktop"));
        QVERIFY(queue.markDelivered(rowId(QStringLiteral("513"), QStringLiteral("desktop")), m_now, QStringLiteral("in_app")));
        QCOMPARE(queue.dueDesktopRows().size(), 2);
    }

    void olderFilesAreNotQueuedTwice()
    {
        // Alerts a-old = 521, a-new = 522.
        // A file queued by an older version: 'skipped' rows mark the alerts it passed over, and
        // there is no mark yet. Those alerts are not fanned out again; a new one is.
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("521")}));
        QVERIFY(QSqlQuery(db()).exec(QStringLiteral(
            "INSERT INTO deliveries (alert_id, channel, state, next_attempt_at, last_error, created_at)"
            " VALUES (521, 'desktop', 'skipped', cockpit_secs('2026-11-22T00:00:00Z'), '',"
            " cockpit_secs('2026-11-22T00:00:00Z'))")));
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("522")}));
        DeliveryQueue queue(db());
        const auto r = queue.enqueueNew(m_now);
        QCOMPARE(r.alerts, 1);
        QCOMPARE(rowState(QStringLiteral("521"), QStringLiteral("wecom")), QStringLiteral("<none>"));
        QCOMPARE(rowState(QStringLiteral("522"), QStringLiteral("wecom")), QStringLiteral("pending"));
    }

    void failedRowWaitsForItsBackoff()
    {
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("1")}));
        DeliveryQueue queue(db());
        queue.enqueueNew(m_now);
        const qint64 id = rowId(QStringLiteral("1"), QStringLiteral("wecom"));
        QVERIFY(id > 0);
        QCOMPARE(queue.dueWebhookRows(m_now).size(), 2);

        QVERIFY(queue.markSending(id));
        QVERIFY(!queue.markSending(id)); // already taken
        QCOMPARE(queue.dueWebhookRows(m_now).size(), 1);
        QVERIFY(queue.markFailed(id, m_now, QStringLiteral("HTTP 500")));
        auto row = queue.find(id);
        QCOMPARE(row->state, QStringLiteral("failed"));
        QCOMPARE(row->attempts, 1);
        QCOMPARE(row->lastError, QStringLiteral("HTTP 500"));
        QCOMPARE(row->nextAttemptAt, toIsoUtc(m_now.addSecs(30)));
        QCOMPARE(queue.dueWebhookRows(m_now.addSecs(29)).size(), 1);  // only the feishu row
        QCOMPARE(queue.dueWebhookRows(m_now.addSecs(30)).size(), 2);

        QVERIFY(queue.markSending(id));
        QVERIFY(queue.markFailed(id, m_now.addSecs(30), QStringLiteral("HTTP 500")));
        QCOMPARE(queue.find(id)->nextAttemptAt, toIsoUtc(m_now.addSecs(30 + 60)));
        QCOMPARE(queue.find(id)->attempts, 2);

        QCOMPARE(queue.counts().retrying, 1);
        QCOMPARE(queue.counts().waiting, 1);
        QVERIFY(queue.markSending(id));
        QVERIFY(queue.markDelivered(id, m_now.addSecs(120)));
        QCOMPARE(queue.counts().sent, 1);
        QCOMPARE(queue.counts().retrying, 0);
        row = queue.find(id);
        QCOMPARE(row->state, QStringLiteral("sent"));
        QCOMPARE(row->attempts, 3);
        QVERIFY(row->lastError.isEmpty());
        QVERIFY(!queue.markSending(id)); // a sent row is never taken again
        for (const Delivery &d : queue.dueWebhookRows(m_now.addDays(30)))
            QVERIFY(d.id != id);
    }

    void clockBackwardsDoesNotStrandRows()
    {
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("1")}));
        DeliveryQueue queue(db());
        queue.enqueueNew(m_now);
        const qint64 id = rowId(QStringLiteral("1"), QStringLiteral("wecom"));
        QVERIFY(queue.markSending(id));
        QVERIFY(queue.markFailed(id, m_now, QStringLiteral("HTTP 502")));
        // The clock jumps back a day: next_attempt_at now lies 24 h ahead, more than any back-off.
        const QDateTime back = m_now.addDays(-1);
        bool due = false;
        for (const Delivery &d : queue.dueWebhookRows(back))
            due = due || d.id == id;
        QVERIFY2(due, "a row scheduled further ahead than the longest back-off is retried at once");
        // A small jump back keeps the back-off.
        for (const Delivery &d : queue.dueWebhookRows(m_now.addSecs(-10)))
            QVERIFY(d.id != id);
    }

    void interruptedSendingGoesBackToPending()
    {
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("1")}));
        DeliveryQueue queue(db());
        queue.enqueueNew(m_now);
        const qint64 id = rowId(QStringLiteral("1"), QStringLiteral("wecom"));
        QVERIFY(queue.markSending(id));
        QCOMPARE(queue.recoverInterrupted(), 1);
        QCOMPARE(queue.find(id)->state, QStringLiteral("pending"));
        QCOMPARE(queue.find(id)->attempts, 0);
        QCOMPARE(queue.recoverInterrupted(), 0);
    }

    void disabledAndRemovedWebhooks()
    {
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("1")}));
        DeliveryQueue queue(db());
        queue.enqueueNew(m_now);
        WebhookStore store(db());
        auto hook = *store.find(m_wecomT1);
        hook.enabled = false;
        QVERIFY(store.save(hook, toIsoUtc(m_now)).ok());
        QCOMPARE(queue.dueWebhookRows(m_now).size(), 1); // feishu only; the wecom row waits
        QVERIFY(queue.stateSummary(QStringLiteral("1"), m_now).contains(QStringLiteral("WeCom: paused (webhook disabled)")));
        hook.enabled = true;
        QVERIFY(store.save(hook, toIsoUtc(m_now)).ok());
        QCOMPARE(queue.dueWebhookRows(m_now).size(), 2);

        QVERIFY(store.remove(m_feishuAll));
        QVERIFY(!store.find(m_feishuAll));
        QCOMPARE(rowState(QStringLiteral("1"), QStringLiteral("feishu")), QStringLiteral("cancelled"));
        QVERIFY(queue.stateSummary(QStringLiteral("1"), m_now).contains(QStringLiteral("Feishu: cancelled (webhook removed)")));
        QCOMPARE(queue.dueWebhookRows(m_now).size(), 1);
        // The bulk form used by the Alerts screen says the same for every alert, in one query.
        const auto all = queue.stateSummaries(m_now);
        QVERIFY(all.contains(QStringLiteral("1")));
        QCOMPARE(all.value(QStringLiteral("1")), queue.stateSummary(QStringLiteral("1"), m_now));
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            QCOMPARE(it.value(), queue.stateSummary(it.key(), m_now));
    }

    void webhookStoreValidates()
    {
        WebhookStore store(db());
        const int before = store.all().size();
        Webhook bad;
        bad.kind = QStringLiteral("wecom");
        bad.url = QStringLiteral("ftp://qyapi.weixin.qq.com/x");
        const auto v = store.save(bad, toIsoUtc(m_now));
        QVERIFY(!v.ok());
        QVERIFY(bad.id.isEmpty());
        QCOMPARE(store.all().size(), before);

        Webhook good;
        good.kind = QStringLiteral("feishu");
        good.name = QStringLiteral("  销售群 ");
        good.url = QStringLiteral(" https://open.feishu.cn/open-apis/bot/v2/hook/abc ");
        good.secret = QStringLiteral("s3cret");
        good.teamId = QStringLiteral("2") /* t2 */;
        QVERIFY(store.save(good, toIsoUtc(m_now)).ok());
        QVERIFY(!good.id.isEmpty());
        const auto read = store.find(good.id);
        QVERIFY(read);
        QCOMPARE(read->name, QStringLiteral("销售群"));
        // The file keeps neither the URL's token nor the secret (they are the keychain's,
        // WebhookSecrets), only what the settings table shows.
        QVERIFY(read->secretsInKeychain);
        QCOMPARE(read->url, QString());
        QCOMPARE(read->urlShown, QStringLiteral("https://open.feishu.cn/…"));
        QCOMPARE(read->secret, QString());
        QVERIFY(read->hasSecret);
        QCOMPARE(read->teamId, QStringLiteral("2") /* t2 */);
        QCOMPARE(read->createdAt, toIsoUtc(m_now));

        // A refused edit leaves the saved row as it was.
        Webhook edit = *read;
        edit.url = QStringLiteral("file:///etc/passwd");
        QVERIFY(!store.save(edit, toIsoUtc(m_now)).ok());
        QCOMPARE(store.find(good.id)->urlShown, read->urlShown);
        QCOMPARE(store.all().size(), before + 1);
        QCOMPARE(store.teams().size(), 2);
    }

    void alertMessageNamesThings()
    {
        // Alerts a1 = 1, a2 = 2.
        dfixture::AlertRow a{QStringLiteral("1")};
        a.escalatedTo = QStringLiteral("100") /* u0 */;
        QVERIFY(dfixture::addAlert(db(), a));
        QVERIFY(dfixture::addAlert(db(), {QStringLiteral("2"), QStringLiteral("102") /* u2 */, QStringLiteral("compliance_quotes"),
                                          QStringLiteral("user"), QStringLiteral("102") /* u2 */}));
        DeliveryQueue queue(db());
        const auto m = queue.alertMessage(QStringLiteral("1"));
        QVERIFY(m);
        QCOMPARE(m->subject, QStringLiteral("博世 质检系统"));
        QCOMPARE(m->owner, QStringLiteral("王芳"));
        QCOMPARE(m->escalatedTo, QStringLiteral("赵总"));
        QCOMPARE(m->raisedAt, QDateTime(QDate(2026, 11, 22), QTime(2, 0), QTimeZone::utc()));
        QCOMPARE(queue.alertMessage(QStringLiteral("2"))->subject, QStringLiteral("李强"));
        QVERIFY(!queue.alertMessage(QStringLiteral("nope")));
    }

    void describeLine()
    {
        QHash<QString, Webhook> hooks;
        Webhook w;
        w.id = QStringLiteral("w1");
        w.kind = QStringLiteral("wecom");
        hooks.insert(w.id, w);
        Webhook d = w;
        d.id = QStringLiteral("w2");
        d.kind = QStringLiteral("dingtalk");
        d.name = QStringLiteral("华东群");
        hooks.insert(d.id, d);
        QList<Delivery> rows(4);
        rows[0].channel = QStringLiteral("desktop");
        rows[0].state = QStringLiteral("in_app");
        rows[0].deliveredAt = QStringLiteral("2026-11-22T10:01:00Z");
        rows[1].channel = QStringLiteral("wecom");
        rows[1].webhookId = QStringLiteral("w1");
        rows[1].state = QStringLiteral("sent");
        rows[1].deliveredAt = QStringLiteral("2026-11-22T10:02:00Z");
        rows[2].channel = QStringLiteral("dingtalk");
        rows[2].webhookId = QStringLiteral("w2");
        rows[2].state = QStringLiteral("failed");
        rows[2].attempts = 3;
        rows[2].lastError = QStringLiteral("HTTP 500");
        rows[2].nextAttemptAt = QStringLiteral("2026-11-23T10:05:00Z");
        rows[3].channel = QStringLiteral("feishu");
        rows[3].webhookId = QStringLiteral("gone");
        rows[3].state = QStringLiteral("pending");
        const QDateTime now(QDate(2026, 11, 22), QTime(10, 3), QTimeZone::utc());
        QCOMPARE(describeDeliveries(rows, hooks, now, QTimeZone::utc()),
                 QStringLiteral("Desktop: shown in app 10:01 (no system tray) · WeCom: sent 10:02 · "
                                "DingTalk 华东群: retrying (3 attempts, HTTP 500), next 11-23 10:05 · Feishu: queued"));
        rows[0].state = QStringLiteral("skipped");
        QVERIFY(!describeDeliveries(rows, hooks, now, QTimeZone::utc()).contains(QStringLiteral("Desktop")));
        QCOMPARE(describeDeliveries({}, hooks, now), QString());
    }
};

QTEST_GUILESS_MAIN(TstDeliveryQueue)
#include "tst_deliveryqueue.moc"
