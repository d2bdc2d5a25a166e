// `sales-cockpit report kpi|funnel|conversion` on a hand-made fixture (the same numbers as
// tst_kpi / tst_funnel compute through the library).
#include "clirun.h"
#include "storage/database.h"
#include "storage/keys.h"
#include "fixture.h"

#include <QSqlDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;

class TestCockpitCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("c.db"));
        storage::Database db;
        QVERIFY(db.open(m_path, storage::Database::Mode::CreateIfMissing).ok());
        QVERIFY(fixture::populate(db));
        const QString t = QStringLiteral("cockpit_secs('2026-11-01T00:00:00Z')");
        // Store days in November: (30/2 + 40/4) / 2 = 12.5 receptions per staff. Store s1 = 1;
        // store days d1 = 1, d2 = 2.
        QVERIFY(fixture::exec(db.connection(), QStringLiteral("INSERT INTO stores (id, name, region_id, city_id, opened_on, updated_at) VALUES"
                                                              " (1, '徐家汇店', 1, 1, cockpit_day('2020-01-01'), %1)").arg(t)));
        QVERIFY(fixture::exec(db.connection(), QStringLiteral("INSERT INTO store_days (id, store_id, day, staff, receptions, exposure_bp, dwell_seconds, experiences, deals_72h, updated_at) VALUES"
                                                              " (1, 1, cockpit_day('2026-11-02'), 2, 30, 9000, 200, 1, 0, %1), (2, 1, cockpit_day('2026-11-03'), 4, 40, 9000, 200, 1, 0, %1)").arg(t)));
        // The command line names rows by their UUID: 王芳 (u1 = 101) as the report prints her.
        m_wangUuid = storage::uuidForKey(db.connection(), QStringLiteral("users"), QStringLiteral("101"));
        QVERIFY(!m_wangUuid.isEmpty());
    }

    void kpi()
    {
        const fixture::CliRun r = run({QStringLiteral("report"), QStringLiteral("kpi"), QStringLiteral("--db"), m_path,
                                       QStringLiteral("--period"), QStringLiteral("2026-11"), QStringLiteral("--now"),
                                       QStringLiteral("2026-11-20T00:00:00Z"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows[4].toObject().value(QStringLiteral("kpi")).toString(), QStringLiteral("store"));
        QCOMPARE(rows[4].toObject().value(QStringLiteral("value")).toDouble(), 12.5);
        QCOMPARE(rows[4].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("yellow"));
    }

    void funnelAndConversion()
    {
        // The fixture's one stage move: lead-1 entered 15分钟初筛 on 2026-11-01T00:00Z (Nov 1 Beijing).
        fixture::CliRun r = run({QStringLiteral("report"), QStringLiteral("funnel"), QStringLiteral("--db"), m_path,
                                 QStringLiteral("--period"), QStringLiteral("2026-11"), QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("position,stage_code,stage,entered,converted_to_next,conversion_pct,open_in_stage,maturing"));
        QCOMPARE(lines.size(), 6);
        QVERIFY2(lines[2].startsWith(QStringLiteral("1,screen,")) && lines[2].contains(QStringLiteral(",1,0,0")), qPrintable(lines[2]));
        r = run({QStringLiteral("report"), QStringLiteral("conversion"), QStringLiteral("--db"), m_path, QStringLiteral("--period"),
                 QStringLiteral("2026-11"), QStringLiteral("--by"), QStringLiteral("rep"), QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("org_id,org,from_stage,to_stage,entered,converted,rate_pct,flagged,too_few,open_in_stage,maturing"));
        QCOMPARE(lines.size(), 1 + 2 * 4); // two reps × four transitions
        QVERIFY2(r.out.contains(m_wangUuid + QStringLiteral(",王芳,")), qPrintable(r.out));
        // The previous month has no stage moves: the funnel is all zeros.
        r = run({QStringLiteral("report"), QStringLiteral("funnel"), QStringLiteral("--db"), m_path, QStringLiteral("--period"),
                 QStringLiteral("2026-10"), QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(r.code, 0);
        QVERIFY(!r.out.contains(QStringLiteral(",1,")));
    }

private:
    fixture::CliRun run(const QStringList &args) { return fixture::runCli(QStringLiteral(COCKPIT_APP), args, m_dir.path(), 60000); }
    QTemporaryDir m_dir;
    QString m_path;
    QString m_wangUuid;
};

QTEST_GUILESS_MAIN(TestCockpitCli)
#include "tst_cockpitcli.moc"
