// `sales-cockpit alerts`: evaluates, writes what it raised, prints the open inbox (one row per
// subject) as a table, CSV or JSON; a --now of one's choosing is a dry run unless --write, and
// a time before the last evaluation is refused with nothing written; a bad --now or --format
// is refused with a message and a non-zero exit.
#include "storage/database.h"
#include "orgfixture.h"
#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

class TestAlertsCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;

    using Run = fixture::CliRun;
    Run run(const QStringList &args) { return fixture::runCli(QStringLiteral(COCKPIT_APP), args, m_dir.path(), 60000); }
    // What a run could have written: the alerts, the outbox, the recorded evaluation time.
    QString written()
    {
        cockpit::storage::Database db;
        if (!db.open(m_path, cockpit::storage::Database::Mode::OpenExisting).ok())
            return QStringLiteral("?");
        QSqlQuery q(db.connection());
        if (!q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM alerts), (SELECT MAX(updated_at) FROM alerts),"
                                   " (SELECT GROUP_CONCAT(escalation_level) FROM alerts), (SELECT COUNT(*) FROM outbox),"
                                   " (SELECT value FROM settings WHERE key = 'alerts.last_evaluated_at')"))
            || !q.next())
            return QStringLiteral("?");
        QStringList parts;
        for (int i = 0; i < 5; ++i)
            parts << q.value(i).toString();
        return parts.join(u'|');
    }

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
                           QStringLiteral("2026-11-01T01:59:00Z"), QStringLiteral("--write"), QStringLiteral("--format"),
                           QStringLiteral("csv")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed().split(u'\n').size(), 1); // the header only
        QVERIFY(r.out.startsWith(QStringLiteral("priority,points,subject_kind,subject,reasons,owner,region,open_since,"
                                                "escalated_to,escalation_level,at_stake,alerts,state")));
    }

    void raisesAndPrintsCsv()
    {
        const Run r = run({QStringLiteral("alerts"), QStringLiteral("--db"), m_path, QStringLiteral("--now"),
                           QStringLiteral("2026-11-01T02:00:00Z"), QStringLiteral("--write"), QStringLiteral("--format"),
                           QStringLiteral("csv")});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 3); // one row per lead
        QVERIFY2(lines.at(1).contains(QStringLiteral(",lead,")) && lines.at(1).contains(QStringLiteral(",stage_sla,")),
                 qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("P")));
        QVERIFY(r.out.contains(QStringLiteral("王芳")));
        QVERIFY(r.err.contains(QStringLiteral("2 raised")));
    }

    void jsonAfterEscalation()
    {
        // A day later nobody acknowledged: both went up to the director; nothing raised twice.
        const Run r = run({QStringLiteral("alerts"), QStringLiteral("--db"), m_path, QStringLiteral("--now"),
                           QStringLiteral("2026-11-02T02:00:00+00:00"), QStringLiteral("--write"), QStringLiteral("--format"),
                           QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(rows.size(), 2); // two leads, each with stage SLA and (72 h not yet) no silence
        for (const QJsonValue &v : rows) {
            QCOMPARE(v.toObject().value(QStringLiteral("rules")).toArray().at(0).toString(), QStringLiteral("stage_sla"));
            QCOMPARE(v.toObject().value(QStringLiteral("alerts")).toArray().size(), 1);
            QCOMPARE(v.toObject().value(QStringLiteral("escalated_to")).toString(), QStringLiteral("赵总"));
            QCOMPARE(v.toObject().value(QStringLiteral("escalation_level")).toInt(), 1);
        }
    }

    void tableIsTheDefault()
    {
        const Run r = run({QStringLiteral("alerts"), QStringLiteral("--db"), m_path, QStringLiteral("--now"),
                           QStringLiteral("2026-11-02T02:00:00Z"), QStringLiteral("--write")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("PRI")));
        QVERIFY(r.out.contains(QStringLiteral("赵总 (level 1)")));
        QVERIFY2(r.out.contains(QStringLiteral("2 subjects")) && r.out.contains(QStringLiteral("from 2 open alerts")),
                 qPrintable(r.out));
    }

    void nowWithoutWriteIsADryRun()
    {
        // The run "in 2099": it says what would happen and writes nothing.
        const QString before = written();
        QVERIFY(before.endsWith(QStringLiteral("2026-11-02T02:00:00Z")));
        const Run r = run({QStringLiteral("alerts"), QStringLiteral("--db"), m_path, QStringLiteral("--now"),
                           QStringLiteral("2099-01-01T00:00:00Z"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("dry run")) && r.err.contains(QStringLiteral("--write")), qPrintable(r.err));
        const QStringList lines = r.out.trimmed().split(u'\n');
        QCOMPARE(lines.first(), QStringLiteral("action,rule,subject_kind,subject,owner,escalate_to,escalation_level"));
        // Silence is due on both leads, and nobody is above the director to escalate to.
        QCOMPARE(lines.filter(QStringLiteral("raise,silence,lead,")).size(), 2);
        QCOMPARE(written(), before);
        // Nor does the table or JSON form write.
        QCOMPARE(run({QStringLiteral("alerts"), QStringLiteral("--db"), m_path, QStringLiteral("--now"),
                      QStringLiteral("2099-01-01T00:00:00Z")}).code, 0);
        QCOMPARE(written(), before);
    }

    void timeBeforeTheLastEvaluationIsRefused()
    {
        const QString before = written();
        for (const QStringList &extra : {QStringList{}, QStringList{QStringLiteral("--write")}}) {
            const Run r = run(QStringList{QStringLiteral("alerts"), QStringLiteral("--db"), m_path, QStringLiteral("--now"),
                                          QStringLiteral("2026-11-02T01:59:59Z")} + extra);
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(QStringLiteral("before the last evaluation of this file (2026-11-02T02:00:00Z)"))
                         && r.err.contains(QStringLiteral("Nothing was written")),
                     qPrintable(r.err));
            QVERIFY(r.out.isEmpty());
            QCOMPARE(written(), before);
        }
        // --write at a later time writes, and the recorded time moves on with it.
        const Run later = run({QStringLiteral("alerts"), QStringLiteral("--db"), m_path, QStringLiteral("--now"),
                               QStringLiteral("2026-11-04T02:00:00Z"), QStringLiteral("--write"), QStringLiteral("--format"),
                               QStringLiteral("csv")});
        QCOMPARE(later.code, 0);
        QVERIFY(later.err.contains(QStringLiteral("2 raised"))); // silence on both leads
        // Each lead is one row with both reasons.
        const QStringList lines = later.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(1).contains(QStringLiteral(",stage_sla+silence,")), qPrintable(lines.at(1)));
        QVERIFY(written().endsWith(QStringLiteral("2026-11-04T02:00:00Z")));
        QCOMPARE(run({QStringLiteral("alerts"), QStringLiteral("--db"), m_path, QStringLiteral("--now"),
                      QStringLiteral("2026-11-03T00:00:00Z")}).code, 1);
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
        QTest::newRow("write without now") << QStringList{QStringLiteral("--write")} << 2
                                           << QStringLiteral("--write goes with --now");
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
