// Every command against files it must not write or cannot use: a FIFO (refused at once, no
// hang), a damaged file (commands that write refuse it, bytes unchanged), a file another
// process holds (a command waits briefly), a reader without write permission, and `repair`.
#include "clirun.h"
#include "dbfiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>
#include <unistd.h>

namespace {
using fixture::damageLastPage;
using fixture::fileHash;

const QString kNow = QStringLiteral("2026-11-20T09:00:00Z");
} // namespace

class TestSafeOpenCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fifoIsRefusedAtOnce_data();
    void fifoIsRefusedAtOnce();
    void damagedFileIsNeverWritten_data();
    void damagedFileIsNeverWritten();
    void aSecondCommandWaitsBriefly();
    void readerWithoutWritePermission();
    void repairSavesACopyThatPassesTheCheck();

private:
    using Run = fixture::CliRun;
    Run run(const QStringList &args, const QMap<QString, QString> &env = {}, int timeoutMs = 120000)
    {
        return fixture::runCli(QStringLiteral(COCKPIT_APP), args, m_dir.path(), timeoutMs, env);
    }
    QString copyOfDemo(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        return QFile::copy(m_demo, path) ? path : QString();
    }
    QTemporaryDir m_dir;
    QString m_demo, m_csv;
};

void TestSafeOpenCli::initTestCase()
{
    m_demo = m_dir.filePath(QStringLiteral("demo.db"));
    const Run r = fixture::runCli(QStringLiteral(COCKPIT_APP), {QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("tiny"),
                                  QStringLiteral("--as-of"), QStringLiteral("2026-11-20"), QStringLiteral("--out"), m_demo}, m_dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    m_csv = m_dir.filePath(QStringLiteral("days.csv"));
    QFile csv(m_csv);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("store,date,receptions\n");
}

namespace {
// The commands and their arguments, `DB` standing for the database.
QList<QPair<QString, QStringList>> commands(const QString &csv)
{
    const QString db = QStringLiteral("DB");
    return {
        {QStringLiteral("check"), {QStringLiteral("check"), QStringLiteral("--db"), db}},
        {QStringLiteral("verify-log"), {QStringLiteral("verify-log"), QStringLiteral("--db"), db}},
        {QStringLiteral("report"), {QStringLiteral("report"), QStringLiteral("kpi"), QStringLiteral("--db"), db,
                                    QStringLiteral("--now"), kNow}},
        {QStringLiteral("alerts"), {QStringLiteral("alerts"), QStringLiteral("--db"), db, QStringLiteral("--now"), kNow}},
        {QStringLiteral("move-stage"), {QStringLiteral("move-stage"), QStringLiteral("--db"), db, QStringLiteral("--lead"),
                                        QStringLiteral("x"), QStringLiteral("--to"), QStringLiteral("won")}},
        {QStringLiteral("import-store-days"), {QStringLiteral("import-store-days"), QStringLiteral("--db"), db,
                                               QStringLiteral("--file"), csv}},
        {QStringLiteral("delete-activity"), {QStringLiteral("delete-activity"), QStringLiteral("--db"), db,
                                             QStringLiteral("--activity"), QStringLiteral("x")}},
        {QStringLiteral("repair"), {QStringLiteral("repair"), QStringLiteral("--db"), db, QStringLiteral("--out"),
                                    QStringLiteral("OUT")}},
        {QStringLiteral("screenshot"), {QStringLiteral("--screenshot"), QStringLiteral("cockpit"), QStringLiteral("--db"), db,
                                        QStringLiteral("--out"), QStringLiteral("OUT.png")}},
    };
}

QStringList substitute(QStringList args, const QString &db, const QString &out)
{
    for (QString &a : args) {
        if (a == QLatin1String("DB"))
            a = db;
        else if (a.startsWith(QLatin1String("OUT")))
            a = out + a.mid(3);
    }
    return args;
}
} // namespace

void TestSafeOpenCli::fifoIsRefusedAtOnce_data()
{
    QTest::addColumn<QStringList>("args");
    for (const auto &[name, args] : commands(QStringLiteral("CSV")))
        QTest::newRow(qPrintable(name)) << args;
}

void TestSafeOpenCli::fifoIsRefusedAtOnce()
{
    QFETCH(QStringList, args);
    const QString fifo = m_dir.filePath(QStringLiteral("pipe.db"));
    QFile::remove(fifo);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    args = substitute(args, fifo, m_dir.filePath(QStringLiteral("out-fifo")));
    args.replaceInStrings(QStringLiteral("CSV"), m_csv);
    QElapsedTimer timer;
    timer.start();
    const Run r = run(args, {}, 20000);
    QVERIFY2(r.code != -1, "hung on the FIFO");
    QVERIFY2(timer.elapsed() < 10000, "a FIFO must be refused at once");
    QVERIFY2(r.code != 0, qPrintable(r.out + r.err));
    QVERIFY2(r.err.contains(QLatin1String("not a regular file")), qPrintable(r.err));
    QFile::remove(fifo);
}

void TestSafeOpenCli::damagedFileIsNeverWritten_data()
{
    QTest::addColumn<QStringList>("args");
    for (const auto &[name, args] : commands(QStringLiteral("CSV")))
        if (name == QLatin1String("alerts") || name == QLatin1String("move-stage") || name == QLatin1String("import-store-days")
            || name == QLatin1String("delete-activity"))
            QTest::newRow(qPrintable(name)) << args;
}

void TestSafeOpenCli::damagedFileIsNeverWritten()
{
    QFETCH(QStringList, args);
    const QString path = copyOfDemo(QStringLiteral("damaged.db"));
    QVERIFY(!path.isEmpty());
    damageLastPage(path);
    const QByteArray before = fileHash(path);
    args = substitute(args, path, {});
    args.replaceInStrings(QStringLiteral("CSV"), m_csv);
    const Run r = run(args);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("damaged")), qPrintable(r.err));
    QCOMPARE(fileHash(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) || QFileInfo(path + QStringLiteral("-wal")).size() == 0);
}

void TestSafeOpenCli::aSecondCommandWaitsBriefly()
{
    if (QStandardPaths::findExecutable(QStringLiteral("flock")).isEmpty())
        QSKIP("flock(1) is not available");
    const QString path = copyOfDemo(QStringLiteral("busy.db"));
    // Another process holds the file for a second: the command waits, then runs.
    QProcess holder;
    holder.start(QStringLiteral("flock"), {QStringLiteral("-x"), QStringLiteral("-o"), path, QStringLiteral("sleep"), QStringLiteral("1")});
    QVERIFY(holder.waitForStarted());
    QThread::msleep(200);
    Run r = run({QStringLiteral("alerts"), QStringLiteral("--db"), path, QStringLiteral("--now"), kNow});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    holder.waitForFinished();
    // A command that only reads takes no lock: it answers at once while the file is held.
    {
        QProcess reader;
        reader.start(QStringLiteral("flock"), {QStringLiteral("-x"), QStringLiteral("-o"), path, QStringLiteral("sleep"), QStringLiteral("30")});
        QVERIFY(reader.waitForStarted());
        QThread::msleep(200);
        QElapsedTimer t;
        t.start();
        const QByteArray before = fileHash(path);
        const Run report = run({QStringLiteral("report"), QStringLiteral("kpi"), QStringLiteral("--db"), path, QStringLiteral("--now"), kNow},
                               {{QStringLiteral("SALES_COCKPIT_LOCK_WAIT_MS"), QStringLiteral("0")}});
        reader.kill();
        reader.waitForFinished();
        QVERIFY2(report.code == 0, qPrintable(report.err));
        QVERIFY(t.elapsed() < 20000);
        QCOMPARE(fileHash(path), before);
    }
    // Held for longer than the wait: refused, naming the holder.
    holder.start(QStringLiteral("flock"), {QStringLiteral("-x"), QStringLiteral("-o"), path, QStringLiteral("sleep"), QStringLiteral("30")});
    QVERIFY(holder.waitForStarted());
    QThread::msleep(200);
    r = run({QStringLiteral("alerts"), QStringLiteral("--db"), path, QStringLiteral("--now"), kNow},
            {{QStringLiteral("SALES_COCKPIT_LOCK_WAIT_MS"), QStringLiteral("1000")}});
    holder.kill();
    holder.waitForFinished();
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QLatin1String("in use by another program")) && r.err.contains(QLatin1String("after waiting")),
             qPrintable(r.err));
}

void TestSafeOpenCli::readerWithoutWritePermission()
{
    if (::geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        QSKIP("needs root and setpriv(1) to run a command as another user");
    // A folder only its owner may write, holding a file in WAL mode, read by another user.
    const QString folder = m_dir.filePath(QStringLiteral("owned"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = QDir(folder).filePath(QStringLiteral("shared.db"));
    QFile::remove(path);
    QVERIFY(QFile::copy(m_demo, path));
    QVERIFY(run({QStringLiteral("alerts"), QStringLiteral("--db"), path, QStringLiteral("--now"), kNow}).code == 0); // now in WAL mode
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
    ::chmod(QFile::encodeName(folder).constData(), 0755);
    ::chmod(QFile::encodeName(path).constData(), 0644);
    const QByteArray before = fileHash(path);
    QProcess p;
    p.start(QStringLiteral("setpriv"), {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                                        QStringLiteral(COCKPIT_APP), QStringLiteral("check"), QStringLiteral("--db"), path});
    QVERIFY(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(!out.contains(QLatin1String("not a Sales Cockpit database")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("sound")) || out.contains(QLatin1String("write access to its folder")), qPrintable(out));
    // Opening it to work on says read-only, not "not ours".
    p.start(QStringLiteral("setpriv"), {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                                        QStringLiteral(COCKPIT_APP), QStringLiteral("alerts"), QStringLiteral("--db"), path});
    QVERIFY(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QLatin1String("read-only")), qPrintable(err));
    QCOMPARE(fileHash(path), before);
}

void TestSafeOpenCli::repairSavesACopyThatPassesTheCheck()
{
    const QString path = copyOfDemo(QStringLiteral("torn.db"));
    damageLastPage(path);
    const QByteArray before = fileHash(path);
    Run r = run({QStringLiteral("check"), QStringLiteral("--db"), path});
    QCOMPARE(r.code, 1);
    const QString copy = m_dir.filePath(QStringLiteral("torn-repaired.db"));
    QFile::remove(copy);
    r = run({QStringLiteral("repair"), QStringLiteral("--db"), path, QStringLiteral("--out"), copy});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QLatin1String("leads: ")), qPrintable(r.out));
    QCOMPARE(fileHash(path), before);
    r = run({QStringLiteral("check"), QStringLiteral("--db"), copy});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    r = run({QStringLiteral("report"), QStringLiteral("kpi"), QStringLiteral("--db"), copy, QStringLiteral("--now"), kNow});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestSafeOpenCli)
#include "tst_safeopencli.moc"
