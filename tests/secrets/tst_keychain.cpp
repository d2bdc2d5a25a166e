// Keychain (SYNC.md test 7): a secret written, read back and deleted through the session's
// secret service; and, in a child process whose session bus does not exist, every call an
// error naming the keychain, with no file written anywhere (setInsecureFallback(false)).
#include "secrets/keychain.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace cockpit::secrets;

namespace {
// The child's mode: no secret service reachable; prints one line per call and exits.
int childWithoutService()
{
    const Result w = Keychain::writeNow(QStringLiteral("test/child"), QByteArray("hunter2"));
    const Result r = Keychain::readNow(QStringLiteral("test/child"));
    std::printf("write=%d read=%d\n%s\n", int(w.status), int(r.status), qPrintable(w.error));
    return 0;
}
} // namespace

class TstKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        const QString key = QStringLiteral("test/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray secret("p@ss\0wörd", 10);
        QCOMPARE(Keychain::readNow(key).status, Status::NotFound);
        const Result w = Keychain::writeNow(key, secret);
        QVERIFY2(w.ok(), qPrintable(w.error));
        const Result r = Keychain::readNow(key);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.data, secret);
        // Overwritten, then removed; removing what is gone is not an error.
        QVERIFY(Keychain::writeNow(key, "second").ok());
        QCOMPARE(Keychain::readNow(key).data, QByteArray("second"));
        QVERIFY(Keychain::removeNow(key).ok());
        QCOMPARE(Keychain::readNow(key).status, Status::NotFound);
        QVERIFY(Keychain::removeNow(key).ok());
    }

    void asynchronousCallsReportOnTheirContext()
    {
        const QString key = QStringLiteral("test/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QObject context;
        Result got;
        bool called = false;
        Keychain::write(key, "async", &context, [&](const Result &r) {
            got = r;
            called = true;
        });
        QVERIFY(!called); // later, never inside the call
        QTRY_VERIFY_WITH_TIMEOUT(called, 30000);
        QVERIFY2(got.ok(), qPrintable(got.error));
        called = false;
        Keychain::read(key, &context, [&](const Result &r) {
            got = r;
            called = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(called, 30000);
        QCOMPARE(got.data, QByteArray("async"));
        // A context destroyed before the answer: the callback never runs.
        bool late = false;
        {
            QObject gone;
            Keychain::remove(key, &gone, [&](const Result &) { late = true; });
        }
        QTest::qWait(500);
        QVERIFY(!late);
        Keychain::removeNow(key);
    }

    void noSecretServiceIsAnErrorAndWritesNoFile()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + home.filePath(QStringLiteral("no-bus")));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("COCKPIT_KEYCHAIN_CHILD"), QStringLiteral("1"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(90000));
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        QVERIFY2(out.startsWith(QStringLiteral("write=%1 read=%1").arg(int(Status::NoKeychain)))
                     || out.startsWith(QStringLiteral("write=%1 read=").arg(int(Status::Failed))),
                 qPrintable(out + QString::fromUtf8(child.readAllStandardError())));
        QVERIFY2(out.contains(QStringLiteral("keychain")), qPrintable(out));
        // Nothing written in the child's home: no plain-text fallback.
        QStringList files;
        for (QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();)
            files << it.next();
        QVERIFY2(files.isEmpty(), qPrintable(files.join(QLatin1Char(' '))));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("COCKPIT_KEYCHAIN_CHILD"))
        return childWithoutService();
    TstKeychain t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_keychain.moc"
