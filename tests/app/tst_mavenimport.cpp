// Issue 11's acceptance on data nobody here wrote: the Maven Analytics CRM sample
// (tests/data/maven-crm, 8 800 opportunities) imported into an empty company with the mapping
// the app ships (resources/import-mappings/maven-crm.json), then `report outcomes` compared
// with the same figures computed by the sqlite3 shell straight from the CSV files (its own CSV
// reader, plain SQL): deals won and lost, win rate, won revenue and the median days from
// engage to close, overall and per regional office, and per product. Then the import is
// repeated (nothing changes) and undone (nothing is left), with the log verified each time.
#include "clirun.h"

#include <QDir>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {
struct Figures
{
    qint64 won = 0, lost = 0, wonDollars = 0;
    double medianDays = 0;
};
} // namespace

class TestMavenImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importsEveryRowAndSaysWhatItRepaired();
    void outcomesMatchTheCsv_data();
    void outcomesMatchTheCsv();
    void logAndFileAreSound();
    void importingAgainChangesNothing();
    void undoTakesItAllBack();

private:
    fixture::CliRun run(const QStringList &args) { return fixture::runCli(QStringLiteral(COCKPIT_APP), args, m_dir.path()); }
    // The sqlite3 shell over the CSV files: unit → figures ("" = all deals).
    QHash<QString, Figures> fromCsv(const QString &unitSql);
    // `report outcomes --by BY --period all --format csv`: unit name → figures ("(all)" → "").
    QHash<QString, Figures> fromReport(const QString &by);

    QTemporaryDir m_dir;
    QString m_db, m_data = QStringLiteral(COCKPIT_SOURCE_DIR "/tests/data/maven-crm"),
                  m_mapping = QStringLiteral(COCKPIT_SOURCE_DIR "/resources/import-mappings/maven-crm.json");
    QString m_importOut;
};

void TestMavenImport::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("maven.db"));
    fixture::CliRun r = run({QStringLiteral("init"), QStringLiteral("--db"), m_db, QStringLiteral("--currency"), QStringLiteral("USD")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = run({QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--mapping"), m_mapping, QStringLiteral("--dir"),
             m_data, QStringLiteral("--now"), QStringLiteral("2026-12-01T00:00:00Z")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    m_importOut = r.out;
}

void TestMavenImport::importsEveryRowAndSaysWhatItRepaired()
{
    const QString &o = m_importOut;
    QVERIFY2(o.contains(QStringLiteral("sales_pipeline.csv (CSV · UTF-8 · comma) → Leads: 8800 rows: 8800 new, 0 updated, 0 unchanged, 0 skipped, 0 refused")), qPrintable(o));
    QVERIFY(o.contains(QStringLiteral("accounts.csv (CSV · UTF-8 · comma) → Customers: 85 rows: 85 new")));
    QVERIFY(o.contains(QStringLiteral("creates 3 region(s): Central, East, West")));
    // The data's quirks, each reported with how many rows it touched.
    QVERIFY2(o.contains(QStringLiteral("sales_pipeline.csv: product: read as “GTX Pro” (the mapping's values) (1480 row(s)")), qPrintable(o));
    QVERIFY(o.contains(QStringLiteral("accounts.csv: sector: read as “technology” (the mapping's values) (12 row(s)")));
    QVERIFY(o.contains(QStringLiteral("sales_pipeline.csv: account: no customer: filed under “(no account)”, the mapping's default (1425 row(s)")));
    QVERIFY(o.contains(QStringLiteral("sales_pipeline.csv: Created: no date at all: recorded as created at the time of the import (500 row(s)")));
}

QHash<QString, Figures> TestMavenImport::fromCsv(const QString &unitSql)
{
    // Deals closed (Won or Lost), their unit, and days from engage to close; the median is the
    // middle row (or the mean of the middle two) of each unit's ordered days.
    const QString sql = QStringLiteral(
        "WITH d AS (SELECT %1 AS unit, p.deal_stage = 'Won' AS won, CAST(p.close_value AS INTEGER) AS value,"
        "   julianday(p.close_date) - julianday(p.engage_date) AS days"
        "   FROM p JOIN t ON t.sales_agent = p.sales_agent WHERE p.deal_stage IN ('Won', 'Lost')),"
        " u AS (SELECT unit, won, value, days FROM d UNION ALL SELECT '', won, value, days FROM d),"
        " r AS (SELECT unit, days, row_number() OVER (PARTITION BY unit ORDER BY days) AS rn,"
        "   count(*) OVER (PARTITION BY unit) AS n FROM u),"
        " m AS (SELECT unit, avg(days) AS median FROM r WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY unit)"
        " SELECT u.unit, sum(won), sum(1 - won), sum(CASE WHEN won THEN value ELSE 0 END), m.median"
        " FROM u JOIN m ON m.unit = u.unit GROUP BY u.unit;").arg(unitSql);
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {QStringLiteral(":memory:")});
    p.write(QStringLiteral(".import --csv %1/sales_pipeline.csv p\n.import --csv %1/sales_teams.csv t\n"
                           ".mode list\n.separator |\n%2\n").arg(m_data, sql).toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(60000);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QHash<QString, Figures> out;
    if (!err.isEmpty())
        qWarning() << err;
    for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QLatin1Char('|'));
        out.insert(f.value(0), {f.value(1).toLongLong(), f.value(2).toLongLong(), f.value(3).toLongLong(), f.value(4).toDouble()});
    }
    return out;
}

QHash<QString, Figures> TestMavenImport::fromReport(const QString &by)
{
    const fixture::CliRun r = run({QStringLiteral("report"), QStringLiteral("outcomes"), QStringLiteral("--db"), m_db,
                                   QStringLiteral("--by"), by, QStringLiteral("--period"), QStringLiteral("all"),
                                   QStringLiteral("--format"), QStringLiteral("csv")});
    QHash<QString, Figures> out;
    if (r.code != 0) {
        qWarning() << r.err;
        return out;
    }
    const QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    // unit_id, unit, won, lost, win_rate_pct, won_amount_cents, currency, median_days_to_close
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList f = lines.at(i).split(QLatin1Char(','));
        if (f.value(6) != QStringLiteral("USD"))
            qWarning() << "currency" << f.value(6);
        const QString unit = f.value(1) == QStringLiteral("(all)") ? QString() : f.value(1);
        out.insert(unit, {f.value(2).toLongLong(), f.value(3).toLongLong(), f.value(5).toLongLong() / 100, f.value(7).toDouble()});
    }
    return out;
}

void TestMavenImport::outcomesMatchTheCsv_data()
{
    QTest::addColumn<QString>("by");
    QTest::addColumn<QString>("unitSql");
    QTest::newRow("region") << QStringLiteral("region") << QStringLiteral("t.regional_office");
    QTest::newRow("rep") << QStringLiteral("rep") << QStringLiteral("p.sales_agent");
    // The pipeline's "GTXPro" is the product "GTX Pro": the mapping says so, the SQL too.
    QTest::newRow("product") << QStringLiteral("product")
                             << QStringLiteral("CASE p.product WHEN 'GTXPro' THEN 'GTX Pro' ELSE p.product END");
}

void TestMavenImport::outcomesMatchTheCsv()
{
    QFETCH(QString, by);
    QFETCH(QString, unitSql);
    const QHash<QString, Figures> want = fromCsv(unitSql), got = fromReport(by);
    QVERIFY(want.size() > 3);
    QCOMPARE(got.keys().size(), want.keys().size());
    for (auto it = want.cbegin(); it != want.cend(); ++it) {
        QVERIFY2(got.contains(it.key()), qPrintable(it.key()));
        const Figures &g = got.value(it.key()), &w = it.value();
        QCOMPARE(g.won, w.won);
        QCOMPARE(g.lost, w.lost);
        QCOMPARE(g.wonDollars, w.wonDollars);
        QVERIFY2(std::abs(g.medianDays - w.medianDays) < 0.051, qPrintable(QStringLiteral("%1: %2 vs %3").arg(it.key()).arg(g.medianDays).arg(w.medianDays)));
    }
    // The overall figures the issue names, from the CSV: 4 238 won of 6 711 closed.
    QCOMPARE(want.value(QString()).won + want.value(QString()).lost, 6711);
}

void TestMavenImport::logAndFileAreSound()
{
    fixture::CliRun r = run({QStringLiteral("verify-log"), QStringLiteral("--db"), m_db});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    r = run({QStringLiteral("check"), QStringLiteral("--db"), m_db});
    QVERIFY2(r.code == 0 && r.out.contains(QStringLiteral("stale exit actions: 0")), qPrintable(r.out + r.err));
}

void TestMavenImport::importingAgainChangesNothing()
{
    const QHash<QString, Figures> before = fromReport(QStringLiteral("region"));
    const fixture::CliRun r = run({QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--mapping"), m_mapping,
                                   QStringLiteral("--dir"), m_data, QStringLiteral("--now"), QStringLiteral("2026-12-01T00:00:00Z")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(QStringLiteral("8800 rows: 0 new, 0 updated, 8800 unchanged")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("85 rows: 0 new, 0 updated, 85 unchanged")));
    QVERIFY(r.out.contains(QStringLiteral("0 rows created, 0 updated, 0 stage moves")));
    const QHash<QString, Figures> after = fromReport(QStringLiteral("region"));
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        QCOMPARE(after.value(it.key()).won, it.value().won);
        QCOMPARE(after.value(it.key()).wonDollars, it.value().wonDollars);
    }
}

void TestMavenImport::undoTakesItAllBack()
{
    // The second import wrote nothing but its run; undo the first, which holds every row.
    fixture::CliRun r = run({QStringLiteral("undo-import"), QStringLiteral("--db"), m_db, QStringLiteral("--run"), QStringLiteral("1")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY(fromReport(QStringLiteral("region")).value(QString()).won == 0);
    r = run({QStringLiteral("verify-log"), QStringLiteral("--db"), m_db});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    r = run({QStringLiteral("undo-import"), QStringLiteral("--db"), m_db, QStringLiteral("--run"), QStringLiteral("1")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("undone already")));
    // Undone, the same files import again as new.
    r = run({QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--mapping"), m_mapping, QStringLiteral("--dir"),
             m_data, QStringLiteral("--dry-run")});
    QVERIFY2(r.out.contains(QStringLiteral("8800 rows: 8800 new")), qPrintable(r.out + r.err));
}

QTEST_GUILESS_MAIN(TestMavenImport)
#include "tst_mavenimport.moc"
