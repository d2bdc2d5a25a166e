// The FigureService (issue 10 §3): its answers equal the reference functions on one
// connection, a channel delivers only its newest request, failures arrive as the
// computation's QueryError, writes reach it as dataChanged, and it can go while computing.
#include "analytics/figureservice.h"

#include "analytics/query.h"
#include "analytics/teamhealthtables.h"
#include "tinydemo.h"
#include "storage/database.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::analytics;

namespace {
const QString kNow = QStringLiteral("2026-11-21T10:00:00Z");

template<class T>
T resultOf(QFuture<T> f)
{
    return f.result(); // waits; rethrows the computation's exception
}
} // namespace

class TestFigureService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sameAsReference();
    void channelDeliversNewest();
    void failureArrivesAsQueryError();
    void writesAnnounceDataChanged();
    void goesWhileComputing();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<storage::Database> m_db;
    Scope m_q4{Period::quarter(QDate(2026, 11, 1)), OrgScope::company()};
};

void TestFigureService::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("demo.db"));
    const QString generated = fixture::generateTinyDemo(m_path, 42, QDate(2026, 11, 22));
    QVERIFY2(generated.isEmpty(), qPrintable(generated));
    m_db = std::make_unique<storage::Database>();
    QVERIFY(m_db->open(m_path).ok());
}

void TestFigureService::sameAsReference()
{
    FigureService figures(*m_db);
    QSqlDatabase db = m_db->connection();
    const QDateTime now = QDateTime::fromString(kNow, Qt::ISODate);

    // The cockpit: both halves on two workers, the same as the one-connection reference.
    const CockpitRequest request{m_q4, {}, true, now};
    const CockpitData got = resultOf(figures.cockpit(request));
    const CockpitData ref = computeCockpit(db, request);
    QCOMPARE(kpiTable(got.tiles, {}).rows, kpiTable(ref.tiles, {}).rows);
    QVERIFY(got.tiles[0].hasData && got.tiles[4].key == QLatin1String("store"));
    QCOMPARE(funnelTable(got.funnel).rows, funnelTable(ref.funnel).rows);
    QCOMPARE(conversionTable(got.funnel).rows, conversionTable(ref.funnel).rows);
    QCOMPARE(got.alerts.rows, ref.alerts.rows);
    QCOMPARE(got.alertsTotal, ref.alertsTotal);
    // A second time from the warm facts cache: still the same.
    QCOMPARE(kpiTable(resultOf(figures.cockpit(request)).tiles, {}).rows, kpiTable(ref.tiles, {}).rows);

    // Team health through the cache and two connections, against the SQL path.
    const TeamHealth th = resultOf(figures.teamHealth(m_q4, kNow, {}));
    const TeamHealth thRef = computeTeamHealth(db, m_q4, kNow);
    QVERIFY(!th.reps.isEmpty());
    QCOMPARE(radarTable(th, false).rows, radarTable(thRef, false).rows);
    QCOMPARE(healthTable(th, true).rows, healthTable(thRef, true).rows);
    QCOMPARE(resultOf(figures.teamTable(TeamTable::Tasks, m_q4, kNow, th.units)).rows,
             tasksTable(db, m_q4, kNow, th.units).rows);

    // Stores, touchpoints and drill-downs.
    const StoreFigures stores = resultOf(figures.storeCodes(m_q4));
    const StoreCodes storesRef = computeStoreCodes(db, m_q4, loadStoreThresholds(db));
    QCOMPARE(storeCodesTable(*stores.codes).rows, storeCodesTable(storesRef).rows);
    QVERIFY(!stores.codes->stores.isEmpty());
    const StoreCode &first = stores.codes->stores.first();
    QCOMPARE(resultOf(figures.storeDays(first.storeId, stores.codes->asOf.addDays(-6), stores.codes->asOf,
                                        stores.codes->thresholds)).rows,
             storeDaysTable(db, first.storeId, stores.codes->asOf.addDays(-6), stores.codes->asOf,
                            stores.codes->thresholds).rows);
    const TouchpointSubject subject = TouchpointSubject::portfolio(m_q4, kNow);
    const TouchpointFigures touch = resultOf(figures.touchpoints(subject));
    QCOMPARE(touchpointTable(touch.grid, {}).rows, touchpointTable(computeTouchpoints(db, subject), {}).rows);
    QCOMPARE(resultOf(figures.kpiDrillDown(m_q4, now, QStringLiteral("followup"))).rows,
             kpiDrillDown(db, KpiRequest{m_q4, now, KpiSettings::load(db)}, QStringLiteral("followup")).rows);
}

void TestFigureService::channelDeliversNewest()
{
    FigureService figures(*m_db);
    const FigureService::Channel channel = figures.newChannel();
    const QDateTime now = QDateTime::fromString(kNow, Qt::ISODate);
    const Scope months[] = {{Period::month(QDate(2026, 9, 1)), OrgScope::company()},
                            {Period::month(QDate(2026, 10, 1)), OrgScope::company()},
                            {Period::month(QDate(2026, 11, 1)), OrgScope::company()}};
    QFuture<CockpitData> f1 = figures.cockpit({months[0], {}, true, now}, channel);
    QFuture<CockpitData> f2 = figures.cockpit({months[1], {}, true, now}, channel);
    QFuture<CockpitData> f3 = figures.cockpit({months[2], {}, true, now}, channel);
    f1.waitForFinished();
    f2.waitForFinished();
    f3.waitForFinished();
    // The second was replaced while it waited (or superseded while it ran); the third is
    // the one answered, for its own scope. The first may have ended before the others came.
    QVERIFY(FigureOutcome<CockpitData>::of(f2).superseded());
    QVERIFY(!FigureOutcome<CockpitData>::of(f3).superseded());
    QCOMPARE(f3.result().scope.period.key(), months[2].period.key());
    if (!f1.isCanceled())
        QCOMPARE(f1.result().scope.period.key(), months[0].period.key());
    // Requests without a channel, or on other channels, do not replace each other.
    QFuture<StoreFigures> a = figures.storeCodes(m_q4);
    QFuture<StoreFigures> b = figures.storeCodes(m_q4);
    QFuture<StoreFigures> c = figures.storeCodes(m_q4, figures.newChannel());
    for (auto *f : {&a, &b, &c}) {
        f->waitForFinished();
        QVERIFY(!f->isCanceled());
    }
}

void TestFigureService::failureArrivesAsQueryError()
{
    // A copy of the file without its store days: the store figures fail, naming the query.
    const QString broken = m_dir.filePath(QStringLiteral("broken.db"));
    QVERIFY(QFile::copy(m_path, broken));
    storage::Database db;
    QVERIFY(db.open(broken).ok());
    QVERIFY(QSqlQuery(db.connection()).exec(QStringLiteral("DROP TABLE store_days")));
    FigureService figures(db);
    const auto o = FigureOutcome<StoreFigures>::of(figures.storeCodes(m_q4));
    QVERIFY(o.failed()); // not taken for a superseded request
    QVERIFY2(o.error.contains(QLatin1String("store_days")), qPrintable(o.error));
    // result() rethrows the QueryError itself.
    bool thrown = false;
    try {
        figures.storeCodes(m_q4).result();
    } catch (const QueryError &) {
        thrown = true;
    }
    QVERIFY(thrown);
    // The service goes on answering what still works.
    QVERIFY(!resultOf(figures.teamHealth(m_q4, kNow, {})).reps.isEmpty());
}

void TestFigureService::writesAnnounceDataChanged()
{
    FigureService figures(*m_db);
    QSignalSpy changed(&figures, &FigureService::dataChanged);
    QSqlDatabase db = m_db->connection();
    QVERIFY(db.transaction());
    QVERIFY(QSqlQuery(db).exec(QStringLiteral("UPDATE leads SET title = title || '.' WHERE id IN (SELECT id FROM leads LIMIT 3)")));
    QVERIFY(db.commit());
    QVERIFY(QSqlQuery(db).exec(QStringLiteral("UPDATE customers SET name = name WHERE id IN (SELECT id FROM customers LIMIT 1)")));
    QVERIFY(changed.wait(5000));
    QTest::qWait(50);
    QCOMPARE(changed.size(), 1); // one burst, one announcement
    // Reads announce nothing.
    QVERIFY(QSqlQuery(db).exec(QStringLiteral("SELECT COUNT(*) FROM leads")));
    QTest::qWait(50);
    QCOMPARE(changed.size(), 1);
}

void TestFigureService::goesWhileComputing()
{
    QFuture<TeamHealth> pending;
    {
        FigureService figures(*m_db);
        pending = figures.teamHealth(m_q4, kNow, {});
        QFuture<CockpitData> queued = figures.cockpit({m_q4, {}, true, QDateTime::fromString(kNow, Qt::ISODate)});
        Q_UNUSED(queued);
    } // waits for its workers; their connections close on their threads
    QVERIFY(pending.isFinished());
}

QTEST_GUILESS_MAIN(TestFigureService)
#include "tst_figureservice.moc"
