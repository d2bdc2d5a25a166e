// The cockpit's in-memory facts (cockpitfacts.h) against the SQL reference of kpi.cpp and
// funnel.cpp: the same follow-up gaps, effective actions and funnel cohorts for many scopes of
// a Tiny demo, and a reload when the data changed. (The hand-made fixtures of tst_kpi and
// tst_funnel check the facts path too.)
#include "analytics/cockpitfacts.h"
#include "demo/demogenerator.h"
#include "fixture.h"
#include "dbfiles.h"
#include "analytics/funnel.h"
#include "analytics/kpi.h"
#include "analytics/orgunits.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;
using namespace cockpit::analytics;

class TestCockpitFacts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseUtc_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("epoch") << QStringLiteral("1970-01-01T00:00:00Z") << true << qint64(0);
        // 2026-11-01 is day 20758 of the epoch (56 years incl. 14 leap days = 20454, + 304 days of 2026).
        QTest::newRow("period start") << QStringLiteral("2026-11-01T16:00:00Z") << true << qint64(20758) * 86400 + 16 * 3600;
        QTest::newRow("leap day") << QStringLiteral("2024-02-29T23:59:59Z") << true << qint64(19782) * 86400 + 86399;
        QTest::newRow("fraction") << QStringLiteral("2026-11-01T16:00:00.5Z") << false << qint64(0);
        QTest::newRow("no zone") << QStringLiteral("2026-11-01T16:00:00") << false << qint64(0);
        QTest::newRow("space") << QStringLiteral("2026-11-01 16:00:00Z") << false << qint64(0);
    }
    void parseUtc()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, seconds);
        const QByteArray b = text.toLatin1();
        qint64 s = -1;
        QCOMPARE(CockpitFacts::parseUtc(b.constData(), int(b.size()), &s), ok);
        if (ok) {
            QCOMPARE(s, seconds);
            QCOMPARE(s, QDateTime::fromString(text, Qt::ISODate).toSecsSinceEpoch());
        }
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("tiny.db"));
        demo::Options o;
        o.scale = demo::Scale::Tiny;
        o.asOf = QDate(2026, 11, 22);
        QVERIFY(demo::generate(m_path, o).ok);
        QVERIFY(m_db.open(m_path, storage::Database::Mode::OpenExisting).ok());
    }

    void sameAsSql_data()
    {
        QTest::addColumn<QString>("period");
        QTest::addColumn<QString>("org");
        QTest::addColumn<QString>("now");
        const QString now = QStringLiteral("2026-11-21T10:00:00Z");
        OrgUnits units = loadOrgUnits(m_db.connection());
        const QStringList periods = {QStringLiteral("2026-Q4"), QStringLiteral("2026-Q3"), QStringLiteral("2026-11"),
                                     QStringLiteral("2026-10"), QStringLiteral("2026-W45"), QStringLiteral("2026-Q1")};
        QStringList orgs = {QString()};
        for (OrgLevel level : {OrgLevel::Region, OrgLevel::City, OrgLevel::Team, OrgLevel::Rep}) {
            const GroupBy by = level == OrgLevel::Region ? GroupBy::Region
                               : level == OrgLevel::City ? GroupBy::City
                               : level == OrgLevel::Team ? GroupBy::Team
                                                         : GroupBy::Rep;
            const QVector<OrgUnit> all = units.unitsWithin(OrgScope::company(), by);
            QVERIFY(!all.isEmpty());
            // Named as the command line names them: by global id (storage/keys.h).
            orgs << groupByKey(by) + QLatin1Char(':') + all.first().globalId;
            orgs << groupByKey(by) + QLatin1Char(':') + all.last().globalId;
        }
        for (const QString &p : periods)
            for (const QString &org : orgs)
                QTest::newRow(qPrintable(p + QLatin1Char(' ') + (org.isEmpty() ? QStringLiteral("company") : org)))
                    << p << org << now;
        // A "now" inside the period and one before it started.
        QTest::newRow("Q4 now in Oct") << QStringLiteral("2026-Q4") << QString() << QStringLiteral("2026-10-15T03:00:00Z");
        QTest::newRow("Q4 now before") << QStringLiteral("2026-Q4") << QString() << QStringLiteral("2026-09-01T00:00:00Z");
    }
    void sameAsSql()
    {
        QFETCH(QString, period);
        QFETCH(QString, org);
        QFETCH(QString, now);
        QSqlDatabase db = m_db.connection();
        const KpiSettings settings = KpiSettings::load(db);
        const auto facts = m_cache.get(db, settings);
        QVERIFY(facts->usable());
        QVERIFY(facts->actionCount() > 0 && facts->historyCount() > 0 && facts->effectiveCount() > 0);
        QString error;
        const std::optional<Period> p = parsePeriod(period, QDate(2026, 11, 21), &error);
        QVERIFY2(p.has_value(), qPrintable(error));
        OrgScope scope;
        if (!org.isEmpty()) {
            const OrgUnits units = loadOrgUnits(db);
            const std::optional<OrgScope> o = units.parse(org, &error);
            QVERIFY2(o.has_value(), qPrintable(error));
            scope = *o;
        }
        const KpiRequest req{{*p, scope}, QDateTime::fromString(now, Qt::ISODate), settings};
        const KpiTile f1 = followUpTile(db, req), f2 = followUpTile(db, req, facts.get());
        QCOMPARE(f2.sample, f1.sample);
        QCOMPARE(f2.denominator, f1.denominator);
        QVERIFY2(qAbs(f2.numerator - f1.numerator) <= 1e-6 * std::max(1.0, qAbs(f1.numerator)),
                 qPrintable(QStringLiteral("%1 vs %2").arg(f2.numerator, 0, 'g', 17).arg(f1.numerator, 0, 'g', 17)));
        QCOMPARE(f2.hasData, f1.hasData);
        QCOMPARE(f2.rag, f1.rag);
        const KpiTile a1 = effectiveActionsTile(db, req), a2 = effectiveActionsTile(db, req, facts.get());
        QCOMPARE(a2.numerator, a1.numerator);
        QCOMPARE(a2.denominator, a1.denominator);
        QCOMPARE(a2.value, a1.value);
        const OrgUnits units = loadOrgUnits(db);
        const QVector<PipelineInfo> list = pipelines(db, scope, true), memList = pipelines(db, scope, true, facts.get());
        QCOMPARE(memList.size(), list.size());
        for (int i = 0; i < list.size(); ++i) {
            QCOMPARE(memList[i].code, list[i].code);
            QCOMPARE(memList[i].leads, list[i].leads);
        }
        for (const PipelineInfo &pi : list) {
            const FunnelRequest fr{{*p, scope}, pi.code, childGroup(scope), true, FunnelSettings::load(db)};
            const FunnelResult r1 = computeFunnel(db, fr, units), r2 = computeFunnel(db, fr, units, facts.get());
            QCOMPARE(funnelTable(r2).rows, funnelTable(r1).rows);
            QCOMPARE(conversionTable(r2).rows, conversionTable(r1).rows);
        }
    }

    void reloadsWhenChanged()
    {
        QSqlDatabase db = m_db.connection();
        const KpiSettings settings = KpiSettings::load(db);
        bool loaded = true;
        CockpitFactsCache cache;
        const auto before = cache.get(db, settings, &loaded);
        cache.get(db, settings, &loaded);
        QVERIFY(!loaded); // unchanged: the same facts
        // A lead reassigned (no log entry): the fingerprint moves, the facts reload.
        QVERIFY(fixture::exec(db, QStringLiteral("UPDATE leads SET owner_id = owner_id, updated_at = cockpit_secs('2026-11-21T23:00:00Z')"
                                                 " WHERE id = (SELECT id FROM leads LIMIT 1)")));
        const auto after = cache.get(db, settings, &loaded);
        QVERIFY(loaded);
        QVERIFY(after != before);
        // Other effective-action settings: other facts.
        KpiSettings longer = settings;
        longer.effectiveCallSeconds = 120;
        cache.get(db, longer, &loaded);
        QVERIFY(loaded);
        QVERIFY(cache.get(db, longer)->effectiveCount() <= after->effectiveCount());
        QVERIFY(after->bytes() > 0);
    }

    // Kept between runs: a second cache (the next start) reads the very same facts back; a
    // damaged file, another fingerprint or another format is scanned again, never used.
    void keptOnDisk()
    {
        QSqlDatabase db = m_db.connection();
        const KpiSettings settings = KpiSettings::load(db);
        QTemporaryDir disk;
        CockpitFactsCache first;
        first.setDiskDirectory(disk.path());
        const auto scanned = first.get(db, settings);
        QVERIFY(scanned->usable());
        first.waitForDisk(); // written on a thread of its own
        const QStringList files = QDir(disk.path()).entryList({QStringLiteral("cockpit-facts-*.bin")});
        QCOMPARE(files.size(), 1);
        const QString file = QDir(disk.path()).filePath(files.first());

        CockpitFactsCache next;
        next.setDiskDirectory(disk.path());
        bool loaded = false;
        const auto restored = next.get(db, settings, &loaded);
        QVERIFY(loaded);
        QVERIFY(restored != scanned);
        // The same content: both write the same bytes, and give the same figures.
        QVERIFY(scanned->save(disk.filePath(QStringLiteral("a"))) && restored->save(disk.filePath(QStringLiteral("b"))));
        QCOMPARE(fixture::fileHash(disk.filePath(QStringLiteral("a"))), fixture::fileHash(disk.filePath(QStringLiteral("b"))));
        const qint64 from = fixture::t("2026-08-01T00:00:00Z").toLongLong(), to = fixture::t("2026-11-21T00:00:00Z").toLongLong();
        const auto f1 = scanned->followUp(OrgScope::company(), from, to), f2 = restored->followUp(OrgScope::company(), from, to);
        QCOMPARE(f2.gapDays, f1.gapDays);
        QCOMPARE(f2.gaps, f1.gaps);
        QCOMPARE(f2.leads, f1.leads);
        QCOMPARE(restored->effectiveCount(), scanned->effectiveCount());

        // Another fingerprint (the data moved on) is not read.
        QVERIFY(!CockpitFacts::restore(file, scanned->fingerprintValue() + "x"));
        // One byte damaged anywhere: not read.
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(f.size() / 2);
            char c = 0;
            QVERIFY(f.getChar(&c));
            f.seek(f.size() / 2);
            QVERIFY(f.putChar(char(c ^ 0x40)));
        }
        QVERIFY(!CockpitFacts::restore(file, scanned->fingerprintValue()));
        // Cut short: not read.
        QVERIFY(QFile::resize(file, 100));
        QVERIFY(!CockpitFacts::restore(file, scanned->fingerprintValue()));
        // A damaged file makes the next start scan again (and not fail).
        CockpitFactsCache third;
        third.setDiskDirectory(disk.path());
        QVERIFY(third.get(db, settings)->usable());
    }

    // Ids far apart (beyond the dense table the load keeps) give the same figures; an id column
    // holding text (a hand edit with the foreign keys off) makes the facts unusable, so the
    // tiles read SQL instead of a wrong number.
    void handEditedKeys()
    {
        QTemporaryDir dir;
        storage::Database other;
        QVERIFY(fixture::openCopy(m_path, dir.path(), other));
        QSqlDatabase db = other.connection();
        const KpiSettings settings = KpiSettings::load(db);
        const qint64 far = 1000000000000LL;
        QVERIFY(fixture::exec(db, QStringLiteral("PRAGMA foreign_keys = OFF")));
        for (const QString &sql : {QStringLiteral("UPDATE activities SET lead_id = lead_id + %1 WHERE lead_id IN (SELECT id FROM leads ORDER BY id DESC LIMIT 3)"),
                                   QStringLiteral("UPDATE stage_history SET lead_id = lead_id + %1 WHERE lead_id IN (SELECT id FROM leads ORDER BY id DESC LIMIT 3)"),
                                   QStringLiteral("UPDATE leads SET id = id + %1 WHERE id IN (SELECT id FROM leads ORDER BY id DESC LIMIT 3)")})
            QVERIFY(fixture::exec(db, sql.arg(far)));
        const auto facts = CockpitFacts::load(db, settings);
        QVERIFY(facts->usable());
        QCOMPARE(facts->leadCount(), m_cache.get(m_db.connection(), settings)->leadCount());
        QString error;
        const std::optional<Period> p = parsePeriod(QStringLiteral("2026-Q4"), QDate(2026, 11, 21), &error);
        QVERIFY(p.has_value());
        const KpiRequest req{{*p, OrgScope::company()}, QDateTime::fromString(QStringLiteral("2026-11-21T10:00:00Z"), Qt::ISODate), settings};
        const KpiTile f1 = followUpTile(db, req), f2 = followUpTile(db, req, facts.get());
        QCOMPARE(f2.sample, f1.sample);
        QVERIFY(qAbs(f2.numerator - f1.numerator) <= 1e-6 * std::max(1.0, qAbs(f1.numerator)));
        QCOMPARE(effectiveActionsTile(db, req, facts.get()).numerator, effectiveActionsTile(db, req).numerator);

        QVERIFY(fixture::exec(db, QStringLiteral("UPDATE leads SET region_id = 'north' WHERE id = (SELECT MIN(id) FROM leads)")));
        QVERIFY(!CockpitFacts::load(db, settings)->usable());
    }

private:
    CockpitFactsCache m_cache; // shared by the rows of sameAsSql, as the app's is by its refreshes
    QTemporaryDir m_dir;
    QString m_path;
    storage::Database m_db;
};

QTEST_GUILESS_MAIN(TestCockpitFacts)
#include "tst_cockpitfacts.moc"
