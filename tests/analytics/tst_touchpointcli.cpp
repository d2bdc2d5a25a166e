// `sales-cockpit report touchpoints`: one row per bucket of the leads in --org over --period,
// as CSV/JSON, with the cold-zone flag; a bad --org is refused with a message naming it.
#include "clirun.h"
#include "storage/database.h"
#include "touchfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestTouchpointCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        cockpit::storage::Database database;
        QVERIFY(fixture::openTouchpointFixture(m_dir, database));
        m_db = database.path();
    }

    void csvForARep()
    {
        // 陈明 (u3) owns tp-open: July 1 two sales actions, July 2 a customer response, July 5
        // cross only; July 3..7 has no sales action or customer response → cold (5 days).
        const auto run = fixture::runCli(QStringLiteral(COCKPIT_APP),
                                         {QStringLiteral("report"), QStringLiteral("touchpoints"), QStringLiteral("--db"), m_db,
                                          QStringLiteral("--period"), QStringLiteral("2026-07-01..2026-07-07"),
                                          QStringLiteral("--org"), QStringLiteral("rep:陈明"), QStringLiteral("--now"),
                                          QStringLiteral("2026-11-21T10:00:00Z")},
                                         m_dir.path());
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QStringList lines = run.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("bucket_start,bucket_end,sales,customer,cross,cold,cold_days"));
        QCOMPARE(lines.size(), 8);
        QCOMPARE(lines.at(1), QStringLiteral("2026-07-01,2026-07-01,2,0,0,0,0"));
        QCOMPARE(lines.at(2), QStringLiteral("2026-07-02,2026-07-02,0,1,0,0,0"));
        QCOMPARE(lines.at(3), QStringLiteral("2026-07-03,2026-07-03,0,0,0,1,1"));
        QCOMPARE(lines.at(5), QStringLiteral("2026-07-05,2026-07-05,0,0,1,1,1"));
        QCOMPARE(lines.at(7), QStringLiteral("2026-07-07,2026-07-07,0,0,0,1,1"));
    }

    void jsonForTheCompanyByWeek()
    {
        // 2026-Q3 (92 days) by ISO week: Jul 1–5 holds every activity of the fixture's leads
        // in Q3 except b6 on July 6 (week 2): 3 sales (b1 is June 30, outside), 3 customer, 2 cross.
        const auto run = fixture::runCli(QStringLiteral(COCKPIT_APP),
                                         {QStringLiteral("report"), QStringLiteral("touchpoints"), QStringLiteral("--db"), m_db,
                                          QStringLiteral("--period"), QStringLiteral("2026-Q3"), QStringLiteral("--format"),
                                          QStringLiteral("json"), QStringLiteral("--now"), QStringLiteral("2026-11-21T10:00:00Z")},
                                         m_dir.path());
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonArray rows = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 14); // Jul 1–5, 12 full weeks Jul 6 .. Sep 27, Sep 28–30
        auto row = [&](int i) {
            const QJsonObject o = rows.at(i).toObject();
            return QStringLiteral("%1 %2 %3/%4/%5 %6")
                .arg(o.value(QStringLiteral("bucket_start")).toString(), o.value(QStringLiteral("bucket_end")).toString())
                .arg(o.value(QStringLiteral("sales")).toInt())
                .arg(o.value(QStringLiteral("customer")).toInt())
                .arg(o.value(QStringLiteral("cross")).toInt())
                .arg(o.value(QStringLiteral("cold")).toInt());
        };
        QCOMPARE(row(0), QStringLiteral("2026-07-01 2026-07-05 3/3/2 0"));
        // b6 on Monday July 6, then silence to the end of the quarter: cold from July 7.
        QCOMPARE(row(1), QStringLiteral("2026-07-06 2026-07-12 1/0/0 1"));
        QCOMPARE(row(13), QStringLiteral("2026-09-28 2026-09-30 0/0/0 1"));
    }

    void unknownOrgIsRefused()
    {
        const auto run = fixture::runCli(QStringLiteral(COCKPIT_APP),
                                         {QStringLiteral("report"), QStringLiteral("touchpoints"), QStringLiteral("--db"), m_db,
                                          QStringLiteral("--org"), QStringLiteral("rep:nobody")},
                                         m_dir.path());
        QVERIFY(run.code != 0);
        QVERIFY2(run.err.contains(QStringLiteral("nobody")), qPrintable(run.err));
    }

private:
    QTemporaryDir m_dir;
    QString m_db;
};

QTEST_GUILESS_MAIN(TestTouchpointCli)
#include "tst_touchpointcli.moc"
