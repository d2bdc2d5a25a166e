// Webhook URLs and signing secrets live in the OS keychain (issue 12): saved there and read
// back; never in the database file or its WAL, not even as leftovers of a row an older version
// wrote in clear (migrated at start); forgotten with the webhook. Runs against the test run's
// secret service (dbus-run-session + gnome-keyring-daemon).
#include "deliveryfixture.h"
#include "delivery/webhooksecrets.h"
#include "delivery/webhookstore.h"
#include "secrets/keychain.h"
#include "storage/database.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::delivery;

class TstWebhookSecrets : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    QSqlDatabase db() { return m_db->connection(); }
    QString path() const { return m_dir->filePath(QStringLiteral("s.db")); }

    // The database file and its WAL, as bytes on disk.
    QByteArray fileBytes() const
    {
        QByteArray all;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile f(path() + suffix);
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }

    Webhook loadNow(const Webhook &hook, QString *error)
    {
        Webhook out;
        bool done = false;
        QObject context;
        WebhookSecrets::load(hook, &context, [&](const Webhook &h, const QString &e) {
            out = h;
            *error = e;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 30000); }();
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<storage::Database>();
        QVERIFY(m_db->open(path(), storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populate(*m_db));
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void databaseFileIsPrivate()
    {
        QCOMPARE(QFileInfo(path()).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(QFileInfo(path()).permissions() & QFile::ReadOwner);
        QVERIFY(QFileInfo::exists(path() + QStringLiteral("-wal")));
        QCOMPARE(QFileInfo(path() + QStringLiteral("-wal")).permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFileDevice::Permissions());
    }

    void savedToTheKeychainNotTheFile()
    {
        const QString token = QStringLiteral("KEYTOKEN-7f3a9c");
        const QString secret = QStringLiteral("SECRET-5be21d");
        const QString id = dfixture::addWebhook(db(), QStringLiteral("dingtalk"),
                                                QStringLiteral("https://oapi.dingtalk.com/robot/send?access_token=") + token, {},
                                                secret);
        QVERIFY(!id.isEmpty());
        const auto stored = WebhookStore(db()).find(id);
        QVERIFY(stored);
        QVERIFY(stored->secretsInKeychain);
        QVERIFY(stored->hasSecret);
        QCOMPARE(stored->urlShown, QStringLiteral("https://oapi.dingtalk.com/…"));
        QVERIFY(!fileBytes().contains(token.toUtf8()));
        QVERIFY(!fileBytes().contains(secret.toUtf8()));
        QString error;
        const Webhook full = loadNow(*stored, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(full.url, QStringLiteral("https://oapi.dingtalk.com/robot/send?access_token=") + token);
        QCOMPARE(full.secret, secret);

        // Removed: the row goes, and the keychain entry with it.
        QVERIFY(WebhookStore(db()).remove(id));
        bool forgotten = false;
        QObject context;
        WebhookSecrets::forget(id, &context, [&](const QString &e) {
            QVERIFY2(e.isEmpty(), qPrintable(e));
            forgotten = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(forgotten, 30000);
        QCOMPARE(secrets::Keychain::readNow(webhookSecretKey(id)).status, secrets::Status::NotFound);
        // Loading a row whose entry is gone names what to do.
        loadNow(*stored, &error);
        QVERIFY(error.contains(QStringLiteral("keychain")));
    }

    void refusedWhenInvalidAndNothingStored()
    {
        Webhook bad;
        bad.kind = QStringLiteral("wecom");
        bad.url = QStringLiteral("ftp://x/y");
        WebhookStore store(db());
        bool done = false;
        QObject context;
        WebhookSecrets::save(store, bad, QStringLiteral("2026-11-01T00:00:00Z"), &context,
                             [&](const WebhookValidation &v, const Webhook &saved) {
                                 QVERIFY(!v.ok());
                                 QVERIFY(saved.id.isEmpty());
                                 done = true;
                             });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QVERIFY(store.all().isEmpty());
    }

    void olderRowsInClearAreMovedAndScrubbed()
    {
        // Two rows as an older version wrote them: URL and secret in clear.
        const QString token = QStringLiteral("LEGACYTOKEN-19e0c4");
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO webhooks (id, team_id, kind, name, url, secret, enabled, created_at) VALUES "
                                      "('w-old-1', NULL, 'wecom', 'old', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=%1', '', 1, 1),"
                                      "('w-old-2', NULL, 'feishu', 'old2', 'https://open.feishu.cn/open-apis/bot/v2/hook/%1x', 'LEGACYSECRET-a1', 1, 2)")
                           .arg(token)));
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        q.finish(); // an unfinished statement would hold the connection's transaction open
        QVERIFY(fileBytes().contains(token.toUtf8())); // the premise: it is in the file now
        const auto before = WebhookStore(db()).find(QStringLiteral("w-old-1"));
        QVERIFY(before && !before->secretsInKeychain);
        QCOMPARE(before->url, QStringLiteral("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=") + token);

        int moved = -1;
        QString error;
        QObject context;
        WebhookSecrets::migrate(db(), &context, [&](int n, const QString &e) {
            moved = n;
            error = e;
        });
        QTRY_COMPARE_WITH_TIMEOUT(moved, 2, 30000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!fileBytes().contains(token.toUtf8()), "the token is still in the file or its WAL");
        QVERIFY(!fileBytes().contains(QByteArray("LEGACYSECRET-a1")));
        const auto after = WebhookStore(db()).find(QStringLiteral("w-old-2"));
        QVERIFY(after && after->secretsInKeychain && after->hasSecret);
        const Webhook full = loadNow(*after, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(full.secret, QStringLiteral("LEGACYSECRET-a1"));
        QCOMPARE(full.url, QStringLiteral("https://open.feishu.cn/open-apis/bot/v2/hook/%1x").arg(token));
        // Run again: nothing left to move.
        moved = -1;
        WebhookSecrets::migrate(db(), &context, [&](int n, const QString &) { moved = n; });
        QTRY_COMPARE_WITH_TIMEOUT(moved, 0, 30000);
        for (const QString &id : {QStringLiteral("w-old-1"), QStringLiteral("w-old-2")})
            secrets::Keychain::removeNow(webhookSecretKey(id));
    }
};

QTEST_GUILESS_MAIN(TstWebhookSecrets)
#include "tst_webhooksecrets.moc"
