// `sales-cockpit verify-log --db FILE`: 0 and the count when intact (a fresh demo), 1 naming
// the first bad record when tampered with, 2 with a clear message for a missing file.
#include "demo/demogenerator.h"
#include "clirun.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

class TestVerifyLogCli : public QObject
{
    Q_OBJECT

    using Run = fixture::CliRun;
    Run app(const QStringList &args) const
    {
        return fixture::runCli(QStringLiteral(COCKPIT_APP), args, m_dir.path());
    }
    static bool sql(const QString &path, const char *statement)
    {
        sqlite3 *h = nullptr;
        bool ok = sqlite3_open(path.toUtf8().constData(), &h) == SQLITE_OK
                  && sqlite3_exec(h, statement, nullptr, nullptr, nullptr) == SQLITE_OK;
        sqlite3_close(h);
        return ok;
    }

    // One integer from `query` (-1 on error).
    static qint64 scalar(const QString &path, const char *query)
    {
        sqlite3 *h = nullptr;
        sqlite3_stmt *st = nullptr;
        qint64 v = -1;
        if (sqlite3_open(path.toUtf8().constData(), &h) == SQLITE_OK
            && sqlite3_prepare_v2(h, query, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        sqlite3_close(h);
        return v;
    }

    QTemporaryDir m_dir;
    QString m_demo;

private Q_SLOTS:
    void initTestCase()
    {
        m_demo = m_dir.filePath(QStringLiteral("tiny.db"));
        cockpit::demo::Options o;
        o.scale = cockpit::demo::Scale::Tiny;
        o.asOf = QDate(2026, 11, 22);
        const auto res = cockpit::demo::generate(m_demo, o);
        QVERIFY2(res.ok, qPrintable(res.error));
    }

    void freshDemoIsIntact()
    {
        const Run r = app({QStringLiteral("verify-log"), QStringLiteral("--db"), m_demo});
        QCOMPARE(r.code, 0);
        // Every activity and stage move is a record (the Tiny demo has a few thousand).
        const qint64 records = scalar(m_demo, "SELECT (SELECT COUNT(*) FROM activities) + (SELECT COUNT(*) FROM stage_history)");
        QVERIFY(records > 5000);
        QVERIFY2(r.out.contains(QStringLiteral("log intact: %1 records verified in").arg(records)), qPrintable(r.out));
    }

    void tamperedRecordIsNamed()
    {
        const QString path = m_dir.filePath(QStringLiteral("edited.db"));
        QVERIFY(QFile::copy(m_demo, path));
        // The first activity at or after record #777.
        const qint64 seq = scalar(path, "SELECT MIN(log_seq) FROM activities WHERE log_seq >= 777");
        QVERIFY(seq >= 777);
        QVERIFY(sql(path, QStringLiteral("UPDATE activities SET text = text || '!' WHERE log_seq = %1").arg(seq).toUtf8().constData()));
        const Run r = app({QStringLiteral("verify-log"), QStringLiteral("--db"), path});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("first bad record #%1").arg(seq)), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("activity")) && r.out.contains(QStringLiteral("altered")),
                 qPrintable(r.out));
    }

    // The head lives in the file it protects: cut the tail and roll the head back with it, and
    // the file alone verifies as intact. A head recorded elsewhere (printed by verify-log) shows it.
    void recordedHeadShowsACutTail()
    {
        const Run before = app({QStringLiteral("verify-log"), QStringLiteral("--db"), m_demo});
        QCOMPARE(before.code, 0);
        const qsizetype at = before.out.indexOf(QStringLiteral("head: "));
        QVERIFY2(at >= 0, qPrintable(before.out));
        const QString head = before.out.mid(at + 6).section(QLatin1Char(' '), 0, 0).trimmed();
        const qint64 seq = head.section(QLatin1Char(':'), 0, 0).toLongLong();
        QCOMPARE(seq, scalar(m_demo, "SELECT MAX(s) FROM (SELECT MAX(log_seq) AS s FROM activities UNION ALL "
                                     "SELECT MAX(log_seq) FROM stage_history)"));
        QCOMPARE(head.section(QLatin1Char(':'), 1).size(), 64);
        // The same file against its own recorded head: unchanged.
        Run r = app({QStringLiteral("verify-log"), QStringLiteral("--db"), m_demo, QStringLiteral("--expect-head"), head});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("the recorded head #%1 is unchanged").arg(seq)), qPrintable(r.out));

        const QString path = m_dir.filePath(QStringLiteral("cut.db"));
        QVERIFY(QFile::copy(m_demo, path));
        const qint64 keep = seq - 10;
        QVERIFY(sql(path, QStringLiteral("PRAGMA foreign_keys = OFF;"
                                         "UPDATE settings SET value = '%1' WHERE key = 'log_head_seq';"
                                         "UPDATE settings SET value = (SELECT lower(hex(log_hash)) FROM (SELECT log_seq, log_hash FROM activities "
                                         "  UNION ALL SELECT log_seq, log_hash FROM stage_history) WHERE log_seq = %1) WHERE key = 'log_head_hash';"
                                         "DELETE FROM activities WHERE log_seq > %1; DELETE FROM stage_history WHERE log_seq > %1;")
                                  .arg(keep).toUtf8().constData()));
        r = app({QStringLiteral("verify-log"), QStringLiteral("--db"), path});
        QCOMPARE(r.code, 0); // the weakness the recorded head closes
        r = app({QStringLiteral("verify-log"), QStringLiteral("--db"), path, QStringLiteral("--expect-head"), head});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("ends at record #%1, before the recorded head #%2").arg(keep).arg(seq)),
                 qPrintable(r.out));
        // A head whose hash is not the record's: rewritten.
        const QString forged = QStringLiteral("%1:%2").arg(keep).arg(QString(64, QLatin1Char('a')));
        r = app({QStringLiteral("verify-log"), QStringLiteral("--db"), path, QStringLiteral("--expect-head"), forged});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("was rewritten")), qPrintable(r.out));
        r = app({QStringLiteral("verify-log"), QStringLiteral("--db"), path, QStringLiteral("--expect-head"), QStringLiteral("12:xyz")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("is not SEQ:HASH")), qPrintable(r.err));
    }

    void deletedRecordIsNamed()
    {
        const QString path = m_dir.filePath(QStringLiteral("deleted.db"));
        QVERIFY(QFile::copy(m_demo, path));
        QVERIFY(sql(path, "PRAGMA foreign_keys = OFF; DELETE FROM stage_history WHERE log_seq = "
                          "(SELECT min(log_seq) FROM stage_history WHERE log_seq > 100)"));
        const Run r = app({QStringLiteral("verify-log"), QStringLiteral("--db"), path});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("missing")), qPrintable(r.out));
    }

    void missingFile()
    {
        const Run r = app({QStringLiteral("verify-log"), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("nope.db"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("nope.db")) && r.err.contains(QStringLiteral("does not exist")),
                 qPrintable(r.err));
        const Run none = app({QStringLiteral("verify-log")});
        QCOMPARE(none.code, 2);
        QVERIFY(none.err.contains(QStringLiteral("--db FILE is required")));
    }

    void notADatabase()
    {
        const QString path = m_dir.filePath(QStringLiteral("text.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        const Run r = app({QStringLiteral("verify-log"), QStringLiteral("--db"), path});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("not an SQLite file")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestVerifyLogCli)
#include "tst_verifylogcli.moc"
