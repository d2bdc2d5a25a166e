// `sales-cockpit alerts`: evaluates, writes what it raised, prints the open alerts as a table,
// CSV or JSON; a bad --now or --format is refused with a message and a non-zero exit.
#include "storage/database.h"
#include "orgfixture.h"
#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

class TestAlertsCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;

    using Run = fixture::CliRun;
    Run run(const QStringList &args) { return fixture::runCli(QStringLiteral(COCKPIT_APP), args, m_dir.path(), 60000); }

private Q_SLOTS:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("cli.db"));
        cockpit::storage::Database db;
        QVERIFY(db.open(m_path, cockpit::storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populateWithChain(db));
    }

    void beforeTheSlaNothingIsOpen()
    {
        const Run r = run({QStringLiteral("alerts"), QStringLiteral("--db"), m_path, QStringLiteral("--now"),
                           QStringLiteral("2026-11-01T01:59:00Z"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed().split(u'\n').size(), 1); // the header only
        QVERIFY(r.out.startsWith(QStringLiteral("rule,subject_kind,subject,owner,raised_at,escalated_to")));
    }

    void raisesAndPrintsCsv()
    {
        const Run r = run({QStringLiteral("alerts"), QStringLiteral("--db"), m_path, QStringLiteral("--now"),
                           QStringLiteral("2026-11-01T02:00:00Z"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(1).startsWith(QStringLiteral("stage_sla,lead,")));
        QVERIFY(r.out.contains(QStringLiteral("王芳")));
        QVERIFY(r.err.contains(QStringLiteral("2 raised")));
    }

    void jsonAfterEscalation()
    {
        // A day later nobody acknowledged: both went up to the director; nothing raised twice.
        const Run r = run({QStringLiteral("alerts"), QStringLiteral("--db"), m_path, QStringLiteral("--now"),
                           QStringLiteral("2026-11-02T02:00:00+00:00"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(rows.size(), 2);
        for (const QJsonValue &v : rows) {
            QCOMPARE(v.toObject().value(QStringLiteral("rule")).toString(), QStringLiteral("stage_sla"));
            QCOMPARE(v.toObject().value(QStringLiteral("escalated_to")).toString(), QStringLiteral("赵总"));
            QCOMPARE(v.toObject().value(QStringLiteral("escalation_level")).toInt(), 1);
        }
    }

    void tableIsTheDefault()
    {
        const Run r = run({QStringLiteral("alerts"), QStringLiteral("--db"), m_path, QStringLiteral("--now"),
                           QStringLiteral("2026-11-02T02:00:00Z")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("RULE")));
        QVERIFY(r.out.contains(QStringLiteral("赵总 (level 1)")));
        QVERIFY(r.out.contains(QStringLiteral("2 open alerts")));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad now") << QStringList{QStringLiteral("--now"), QStringLiteral("tomorrow")} << 2
                                 << QStringLiteral("--now must be an ISO-8601 time");
        QTest::newRow("date only") << QStringList{QStringLiteral("--now"), QStringLiteral("2026-11-02")} << 2
                                   << QStringLiteral("--now must be an ISO-8601 time");
        QTest::newRow("bad format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml")} << 2
                                    << QStringLiteral("--format must be table, csv or json");
    }
    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Run r = run(QStringList{QStringLiteral("alerts"), QStringLiteral("--db"), m_path} + args);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void missingFile()
    {
        const Run r = run({QStringLiteral("alerts"), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("nope.db"))});
        QVERIFY(r.code != 0);
        QVERIFY(r.err.contains(QStringLiteral("nope.db")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("nope.db"))));
        const Run noDb = run({QStringLiteral("alerts")});
        QCOMPARE(noDb.code, 2);
        QVERIFY(noDb.err.contains(QStringLiteral("--db FILE is required")));
    }
};

QTEST_GUILESS_MAIN(TestAlertsCli)
#include "tst_alertscli.moc"
