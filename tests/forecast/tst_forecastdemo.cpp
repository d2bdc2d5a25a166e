// Issue 14's acceptance on the demo company (tests/common/tinydemo.h): the documented signal
// shows in the win probabilities (deals with a demo win more: demogenerator.cpp signal 2), the
// backtest's band coverage is printed, and the command line's forecast is reproducible (same
// seed, same figures) and its reports carry what they promise.
#include "clirun.h"
#include "tinydemo.h"

#include "analytics/scope.h"
#include "forecast/evaluation.h"
#include "forecast/forecast.h"

#include "storage/database.h"

#include <QDataStream>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include "analytics/factsfile.h"
#include "forecast/historycache.h"
#include "forecast/forecastassembly.h"
#include "forecast/forecastview.h"
#include <sqlite3.h>

#include <cmath>

using namespace cockpit::forecast;


namespace {
// A deal's every fact, as bytes (two records are the same when these are).
QByteArray dealBytes(const Deal &d)
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s << d.id << d.pipeline << d.stage << d.industry << d.product << d.customer << d.owner << d.amountCents << d.createdDay
      << d.closedDay << qint8(d.outcome) << d.expectedCloseDay << d.recordedProbability << d.finalApproverMet
      << d.decisionRoleKnown << d.intentSeal << d.intentBudget << d.intentContact << d.intentNextMeeting;
    for (std::int8_t b : d.bucket)
        s << qint8(b);
    s << d.amountEstimated << d.demoHeld << d.salesActions << d.customerResponses
      << QList<int>(d.stagesReached.cbegin(), d.stagesReached.cend());
    for (const Deal::StageFacts &f : d.stageFacts)
        s << f.demoHeld << f.salesActions << f.customerResponses;
    return out;
}

// Everything loadHistory() reads, as bytes (two histories are the same when these are).
QByteArray historyBytes(const History &h)
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s << h.industries << h.currency << h.intentRecorded << h.amountLeaks << h.outcomeWritten << h.closeDateWritten
      << qint64(h.stageNames.size());
    for (std::size_t i = 0; i < h.stageNames.size(); ++i)
        s << h.stageNames[i] << qint8(h.stageCloses[i]);
    QList<qint64> titled = h.openTitles.keys();
    std::sort(titled.begin(), titled.end());
    for (qint64 id : titled)
        s << id << h.openTitles.value(id);
    QList<int> payers = h.payments.keys();
    std::sort(payers.begin(), payers.end());
    for (int c : payers)
        for (const auto &[due, paid] : h.payments.value(c))
            s << c << due << paid;
    for (const DealHistory &r : h.deals) {
        s << dealBytes(r.current);
        s << r.createdAt << r.closedAt << r.firstDemoAt << r.customerSinceDay << r.budgetCents << r.seniorityBucket;
        for (const auto &[at, stage] : r.moves)
            s << at << stage;
        s << qint64(r.salesAt.size()) << qint64(r.customerAt.size());
        for (qint64 t : r.salesAt)
            s << t;
        for (qint64 t : r.customerAt)
            s << t;
    }
    return out;
}

// `file` copied into a database SQLite holds in memory, open as `name`.
QSqlDatabase inMemoryCopy(const QString &file, const QString &name)
{
    QSqlDatabase mem = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    mem.setDatabaseName(QStringLiteral(":memory:"));
    if (!mem.open())
        return mem;
    sqlite3 *from = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(file).constData(), &from, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        if (sqlite3_backup *b = sqlite3_backup_init(cockpit::storage::sqliteHandle(mem), "main", from, "main")) {
            sqlite3_backup_step(b, -1);
            sqlite3_backup_finish(b);
        }
    }
    sqlite3_close(from);
    return mem;
}
} // namespace

class TestForecastDemo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dealsWithDemosHaveHigherWinProbability();
    void explainableFactorsCarryReasons();
    void backtestCoverage();
    void companyBacktestTheSameWhicheverScopeComesFirst();
    void historyReadOnOneConnectionIsTheSame();
    void historyAsBytesAndBack();
    void historyKeptOnDiskBetweenRuns();
    void leadWithoutItsCustomerIsLeftOut();
    void sparseIdsAndManyNamesReadTheSame();
    void settledDealsCopiedAsRebuilt();
    void forecastIsReproducibleFromTheCommandLine();
    void reportsRefuseBadArguments();
    void cleanupTestCase();

private:
    fixture::CliRun run(const QStringList &args) { return fixture::runCli(QStringLiteral(COCKPIT_APP), args, m_dir.path()); }
    QTemporaryDir m_dir;
    QString m_db;
    History m_history;
    const QDate m_asOf{2026, 11, 22};
};

void TestForecastDemo::initTestCase()
{
    m_db = m_dir.filePath(QStringLiteral("tiny.db"));
    QCOMPARE(fixture::generateTinyDemo(m_db, 42, m_asOf), QString());
    QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("demo"));
    sql.setDatabaseName(m_db);
    QVERIFY(sql.open());
    m_history = loadHistory(sql);
    QVERIFY(!m_history.amountLeaks);
    // The generator fills intent letters only on deals not lost: an outcome-written fact.
    QVERIFY(m_history.outcomeWritten & IntentFact);
    // It also writes each closed deal's expected close date over with the real one.
    QVERIFY(m_history.closeDateWritten);
}

void TestForecastDemo::dealsWithDemosHaveHigherWinProbability()
{
    const DealSet set = asOf(m_history, cockpit::analytics::companyDayStart(m_asOf));
    const WinRates rates = learnRates(set.deals, set.asOfDay, set.intentRecorded);
    WinModel model;
    const ModelEvaluation e = evaluateSplit(set, splitDay(set.deals), model);
    double sum[2] = {}, learned[2] = {};
    int n[2] = {};
    for (const Deal &d : set.deals) {
        if (d.closed())
            continue;
        sum[d.demoHeld] += winProbability(d, rates);
        learned[d.demoHeld] += model.predict(d);
        n[d.demoHeld] += 1;
    }
    QVERIFY(n[0] > 20 && n[1] > 20);
    qInfo("demo, open deals: with a demo %d, mean win probability %.3f (learned %.3f); without %d, %.3f (learned %.3f)",
          n[1], sum[1] / n[1], learned[1] / n[1], n[0], sum[0] / n[0], learned[0] / n[0]);
    qInfo("demo, learned model held out (%d deals closed from %s): AUC %.3f, Brier %.3f, skill %.3f; explainable AUC %.3f, skill %.3f",
          e.testDeals, qPrintable(cockpit::analytics::dayDate(e.cutoffDay).toString(Qt::ISODate)), e.auc, e.brier, e.brierSkill,
          e.aucExplainable, e.skillExplainable);
    QVERIFY(sum[1] / n[1] > 1.2 * sum[0] / n[0]);
    QVERIFY(learned[1] / n[1] > learned[0] / n[0]);
    QVERIFY(e.brierSkill > 0); // better than the stage rates alone
    // Closed deals say the same: the lift of a demo held is above 1.
    const Count with = rates.buckets[TechValidation].value(1), without = rates.buckets[TechValidation].value(0);
    QVERIFY(with.n > 0 && without.n > 0 && with.rate() > without.rate());
}

void TestForecastDemo::explainableFactorsCarryReasons()
{
    const DealSet set = asOf(m_history, cockpit::analytics::companyDayStart(m_asOf));
    const WinRates rates = learnRates(set.deals, set.asOfDay, set.intentRecorded);
    int capped = 0, open = 0;
    for (const Deal &d : set.deals) {
        if (d.closed())
            continue;
        ++open;
        const WinProbability w = explainWin(d, rates, set);
        double product = 1;
        for (const FactorValue &f : w.factors) {
            QVERIFY2(!f.reason.isEmpty(), qPrintable(f.name));
            if (f.name != QStringLiteral("intent_cap"))
                product *= f.value;
        }
        // The factors multiply to the probability: clamped to [0, 1], then the cap (a factor
        // of its own); the short path agrees with the explained one.
        QVERIFY(std::abs(std::clamp(product, 0.0, 1.0) - w.uncapped) < 1e-9);
        QVERIFY(std::abs(w.uncapped * w.factors.last().value - w.probability) < 1e-9);
        QVERIFY(std::abs(winProbability(d, rates) - w.probability) < 1e-12);
        QVERIFY(w.probability >= 0 && w.probability <= 1);
        if (!d.intentComplete())
            QVERIFY(w.probability <= kIntentCap + 1e-12);
        capped += w.capped;
    }
    QVERIFY(capped > 0 && capped < open);
}

void TestForecastDemo::backtestCoverage()
{
    const QDate first = m_asOf.addMonths(-12);
    const std::vector<BacktestMonth> months =
        backtest(m_history, cockpit::analytics::dayNumber(QDate(first.year(), first.month(), 1)),
                 cockpit::analytics::dayNumber(QDate(m_asOf.year(), m_asOf.month(), 1)) - 1, 2000, 1);
    QCOMPARE(int(months.size()), 12);
    double accuracy = 0;
    int withActual = 0;
    for (const BacktestMonth &m : months) {
        QVERIFY(m.p10 <= m.p50 && m.p50 <= m.p90);
        QVERIFY(m.openDeals > 0);
        if (!std::isnan(m.accuracy)) {
            accuracy += m.accuracy;
            ++withActual;
        }
    }
    qInfo("demo backtest, 12 months to %s: P10-P90 band coverage %.1f %%, mean accuracy %.1f %%",
          qPrintable(m_asOf.toString(Qt::ISODate)), bandCoverage(months) * 100, accuracy / std::max(withActual, 1) * 100);
}

// The Forecast tab's view starts the company's backtest as soon as the history is read when
// the company is asked for first, beside today's pipeline and rates, and the open deals'
// table beside a unit's backtest (forecastview.cpp). The same months and the same table
// whichever scope comes first, and the same months pastYear() gives on its own.
void TestForecastDemo::companyBacktestTheSameWhicheverScopeComesFirst()
{
    using namespace cockpit::analytics;
    QSqlDatabase sql = QSqlDatabase::database(QStringLiteral("demo"));
    const qint64 now = companyDayStart(m_asOf) + 10 * 3600;
    const Scope company{Period::quarter(m_asOf), OrgScope::company()};
    ForecastCache companyFirst, unitFirst;
    const ForecastView a = computeForecastView(sql, companyFirst, company, now, 1, ForecastParts::WithoutModel);
    QVERIFY(a.backtest.size() == 12 && a.openDeals > 0 && !a.dealsTable.rows.isEmpty());
    const QVector<OrgUnit> regions = a.units.unitsWithin(company.org, GroupBy::Region);
    QVERIFY(!regions.isEmpty());
    const ForecastView region =
        computeForecastView(sql, unitFirst, Scope{company.period, OrgScope{OrgLevel::Region, regions.first().id}}, now, 1,
                            ForecastParts::WithoutModel);
    QVERIFY(region.openDeals > 0 && region.openDeals < a.openDeals);
    const ForecastView b = computeForecastView(sql, unitFirst, company, now, 1, ForecastParts::WithoutModel);
    const std::vector<BacktestMonth> alone = pastYear(m_history, a.asOfDay, 1);
    QCOMPARE(b.backtest.size(), a.backtest.size());
    QCOMPARE(alone.size(), a.backtest.size());
    for (std::size_t i = 0; i < a.backtest.size(); ++i)
        for (const std::vector<BacktestMonth> *other : {&b.backtest, &alone}) {
            const BacktestMonth &x = a.backtest[i], &y = (*other)[i];
            QCOMPARE(x.firstDay, y.firstDay);
            QCOMPARE(x.actualCents, y.actualCents);
            QCOMPARE(x.rawP50, y.rawP50);
            QCOMPARE(x.p10, y.p10);
            QCOMPARE(x.p50, y.p50);
            QCOMPARE(x.p90, y.p90);
            QCOMPARE(x.ratios, y.ratios);
        }
    QVERIFY(std::any_of(a.backtest.begin(), a.backtest.end(), [](const BacktestMonth &m) { return m.ratios > 0 && m.p90 > m.p10; }));
    QCOMPARE(b.dealsTable.rows, a.dealsTable.rows);
    QCOMPARE(b.sim.p50, a.sim.p50);
    QCOMPARE(b.fan.size(), a.fan.size());
    for (std::size_t i = 0; i < a.fan.size(); ++i)
        QVERIFY(b.fan[i].p10 == a.fan[i].p10 && b.fan[i].p50 == a.fan[i].p50 && b.fan[i].p90 == a.fan[i].p90);
}

// A file is read on two connections at once (the deals on one, their moves, activities and
// payments on the other); a database in memory, which has no second connection, on one. The
// same deals with the same history either way.
void TestForecastDemo::historyReadOnOneConnectionIsTheSame()
{
    {
        QSqlDatabase mem = inMemoryCopy(m_db, QStringLiteral("memory"));
        QVERIFY(mem.isOpen());
        const History h = loadHistory(mem);
        QCOMPARE(h.deals.size(), m_history.deals.size());
        const auto moves = [](const History &x) {
            std::size_t n = 0;
            for (const DealHistory &r : x.deals)
                n += r.moves.size() + r.salesAt.size() + r.customerAt.size();
            return n;
        };
        QVERIFY(moves(m_history) > m_history.deals.size()); // the second connection's part is there
        QVERIFY(!m_history.payments.isEmpty());
        QCOMPARE(moves(h), moves(m_history));
        QVERIFY(historyBytes(h) == historyBytes(m_history));

        // And what it read is each lead's, counted by SQLite on its own.
        QSqlQuery q(mem);
        QVERIFY(q.exec(QStringLiteral(
            "SELECT l.id, c.industry, c.customer_since, c.budget_cents,"
            " (SELECT COUNT(*) || ',' || IFNULL(MAX(at), -1) FROM stage_history s WHERE s.lead_id = l.id AND s.deleted = 0),"
            " (SELECT COUNT(*) || ',' || IFNULL(MAX(at), -1) FROM activities a WHERE a.lead_id = l.id AND a.deleted = 0 AND a.direction = 'sales'),"
            " (SELECT COUNT(*) || ',' || IFNULL(MAX(at), -1) FROM activities a WHERE a.lead_id = l.id AND a.deleted = 0 AND a.direction = 'customer'),"
            " (SELECT IFNULL(MIN(at), -1) FROM activities a WHERE a.lead_id = l.id AND a.deleted = 0 AND a.kind = 'demo')"
            " FROM leads l JOIN customers c ON c.id = l.customer_id WHERE l.deleted = 0 ORDER BY l.id")));
        const auto countMax = [](const std::vector<qint64> &times) -> QString {
            return QString::number(times.size()) + QLatin1Char(',') + QString::number(times.empty() ? -1 : times.back());
        };
        std::size_t i = 0;
        for (; q.next(); ++i) {
            QVERIFY(i < h.deals.size());
            const DealHistory &r = h.deals[i];
            QCOMPARE(r.current.id, q.value(0).toLongLong());
            QCOMPARE(r.current.industry < 0 ? QString() : h.industries.at(r.current.industry), q.value(1).toString());
            QCOMPARE(r.customerSinceDay, q.value(2).isNull() ? -1 : q.value(2).toLongLong());
            QCOMPARE(r.budgetCents, q.value(3).toLongLong());
            std::vector<qint64> moved;
            for (const auto &[at, stage] : r.moves)
                moved.push_back(at);
            QCOMPARE(countMax(moved), q.value(4).toString());
            QCOMPARE(countMax(r.salesAt), q.value(5).toString());
            QCOMPARE(countMax(r.customerAt), q.value(6).toString());
            QCOMPARE(r.firstDemoAt, q.value(7).toLongLong());
        }
        QCOMPARE(i, h.deals.size());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("memory"));
}

// The customers are read apart from the leads: a lead naming no customer of the file (a
// hand-edited file) is left out, as the join of the leads with their customers left it.
void TestForecastDemo::historyAsBytesAndBack()
{
    // Every member goes and comes back, the lists a loaded history leaves empty too.
    History h = m_history;
    QVERIFY(h.deals.size() > 2 && !h.payments.isEmpty() && !h.openTitles.isEmpty());
    Deal &d = h.deals[1].current;
    d.stagesReached = {3, 5, 7};
    d.stageFacts = {{true, 4, 2}, {false, 0, 9}};
    d.amountEstimated = d.demoHeld = true;
    d.salesActions = 11;
    d.customerResponses = 6;
    h.intentRecorded = !h.intentRecorded;
    h.amountLeaks = true;
    const QByteArray bytes = historyToBytes(h);
    const std::optional<History> back = historyFromBytes(bytes);
    QVERIFY(back);
    QCOMPARE(historyBytes(*back), historyBytes(h));
    QCOMPARE(back->deals[1].current.stageFacts.size(), std::size_t(2));
    QCOMPARE(back->deals[1].current.stageFacts[1].customerResponses, 9);
    // Cut short anywhere, or with a byte too many: not a history.
    for (qsizetype cut : {qsizetype(0), qsizetype(1), bytes.size() / 3, bytes.size() / 2, bytes.size() - 1})
        QVERIFY2(!historyFromBytes(QByteArrayView(bytes).first(cut)), qPrintable(QString::number(cut)));
    QVERIFY(!historyFromBytes(QByteArray(bytes).append('\0')));
    QVERIFY(historyFromBytes(historyToBytes(History{})));
    // Told to stop (the app closing while an idle core writes it): nothing.
    std::atomic_bool stop{true};
    QVERIFY(historyToBytes(h, &stop).isEmpty());
}

void TestForecastDemo::historyKeptOnDiskBetweenRuns()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A copy of the demo: this test writes to it.
    const QString file = m_dir.filePath(QStringLiteral("kept.db"));
    QVERIFY(QFile::copy(m_db, file));
    QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("kept"));
    sql.setDatabaseName(file);
    QVERIFY(sql.open());
    setHistoryDiskDirectory(dir.path());
    const auto origin = [&sql](QByteArray *bytes) {
        clearHistoryCache(); // as a new run: nothing in memory
        HistoryOrigin o = HistoryOrigin::Memory;
        const std::shared_ptr<const History> h = cachedHistory(sql, &o);
        waitForHistoryDisk();
        *bytes = historyBytes(*h);
        return o;
    };
    QByteArray seen;
    // The first run reads the file and keeps the history; the next reads it back, the same.
    QCOMPARE(origin(&seen), HistoryOrigin::File);
    QCOMPARE(seen, historyBytes(m_history));
    const QFileInfoList kept = QDir(dir.path()).entryInfoList({QStringLiteral("history-*.bin")}, QDir::Files);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(QFile(kept.first().absoluteFilePath()).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    QCOMPARE(origin(&seen), HistoryOrigin::Disk);
    QCOMPARE(seen, historyBytes(m_history));
    HistoryOrigin again = HistoryOrigin::File;
    cachedHistory(sql, &again);
    QCOMPARE(again, HistoryOrigin::Memory);

    // A damaged copy is not read: the file is, and the copy is written again whole.
    {
        QFile f(kept.first().absoluteFilePath());
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() / 2);
        const char c = f.peek(1).at(0);
        f.write(QByteArray(1, char(c ^ 0x5a)));
    }
    QCOMPARE(origin(&seen), HistoryOrigin::File);
    QCOMPARE(seen, historyBytes(m_history));
    QCOMPARE(origin(&seen), HistoryOrigin::Disk);
    // Cut short: the same.
    QVERIFY(QFile(kept.first().absoluteFilePath()).resize(kept.first().size() / 2));
    QCOMPARE(origin(&seen), HistoryOrigin::File);

    // The file changes (an activity added, as a sync or another tool would): the copy is old,
    // the file is read, and what it reads has the new activity.
    QSqlQuery q(sql);
    QVERIFY2(q.exec(QStringLiteral("INSERT INTO activities (uuid, lead_id, customer_id, actor_id, kind, direction, at, duration_seconds,"
                                   " quote_version, tags, text, row_version, updated_at, deleted)"
                                   " SELECT 'kept-test', lead_id, customer_id, actor_id, kind, direction, at + 60, duration_seconds,"
                                   " quote_version, tags, text, 1, updated_at, 0"
                                   " FROM activities WHERE lead_id IS NOT NULL AND direction = 'sales' ORDER BY id DESC LIMIT 1")),
             qPrintable(q.lastError().text()));
    QCOMPARE(origin(&seen), HistoryOrigin::File);
    QVERIFY(seen != historyBytes(m_history));
    QCOMPARE(seen, historyBytes(loadHistory(sql)));
    QCOMPARE(origin(&seen), HistoryOrigin::Disk);

    // A write told to stop leaves no file, not even its temporary one.
    const QStringList before = QDir(dir.path()).entryList(QDir::Files);
    std::atomic_bool stop{true};
    QVERIFY(!cockpit::analytics::factsfile::save(dir.filePath(QStringLiteral("history-stopped.bin")), 1, 1, "print",
                                                 QByteArray(3 << 20, 'x'), &stop));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), before);
    waitForHistoryDisk(true); // nothing running: returns at once, and later writes are not told to stop
    QCOMPARE(origin(&seen), HistoryOrigin::Disk);

    setHistoryDiskDirectory(QString());
    clearHistoryCache();
    sql.close();
}

void TestForecastDemo::leadWithoutItsCustomerIsLeftOut()
{
    {
        QSqlDatabase mem = inMemoryCopy(m_db, QStringLiteral("orphan"));
        QVERIFY(mem.isOpen());
        QSqlQuery q(mem);
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
        const qint64 orphan = m_history.deals[1].current.id;
        QVERIFY(q.exec(QStringLiteral("UPDATE leads SET customer_id = (SELECT MAX(id) + 1 FROM customers) WHERE id = %1").arg(orphan)));
        QCOMPARE(q.numRowsAffected(), 1);
        const History h = loadHistory(mem);
        QCOMPARE(h.deals.size(), m_history.deals.size() - 1);
        QVERIFY(std::none_of(h.deals.begin(), h.deals.end(), [&](const DealHistory &r) { return r.current.id == orphan; }));
        QCOMPARE(h.deals[1].current.id, m_history.deals[2].current.id);
        QCOMPARE(h.deals[1].moves, m_history.deals[2].moves);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("orphan"));
}

// Customers numbered far apart (an import keeps its source's ids: not looked up in a table by
// id) and more industries and chain roles than are told apart by comparing (looked up by hash):
// each deal reads the same facts of its customer and the same seniority of its contacts.
void TestForecastDemo::sparseIdsAndManyNamesReadTheSame()
{
    {
        QSqlDatabase mem = inMemoryCopy(m_db, QStringLiteral("sparse"));
        QVERIFY(mem.isOpen());
        QSqlQuery q(mem);
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
        const QString renumber = QStringLiteral("customer_id = customer_id * 1000 + 7");
        for (const QString &sql : QStringList{QStringLiteral("UPDATE customers SET id = id * 1000 + 7, industry = industry || '-' || (id % 20)"),
                                   QStringLiteral("UPDATE leads SET ") + renumber, QStringLiteral("UPDATE contacts SET ") + renumber,
                                   QStringLiteral("UPDATE payments SET ") + renumber,
                                   // 20 roles no deal names, the most senior: they change no deal's seniority.
                                   QStringLiteral("INSERT INTO contacts (customer_id, name, chain_role, seniority, updated_at)"
                                                  " SELECT id, 'extra', 'role-' || ((id / 1000) % 20), 5, 0 FROM customers")})
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        const History h = loadHistory(mem);
        QCOMPARE(h.deals.size(), m_history.deals.size());
        QVERIFY(h.industries.size() > 16);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(DISTINCT chain_role) FROM contacts")) && q.next());
        QVERIFY(q.value(0).toInt() > 16);
        QVERIFY(q.exec(QStringLiteral("SELECT l.id, c.industry FROM leads l JOIN customers c ON c.id = l.customer_id"
                                      " WHERE l.deleted = 0 ORDER BY l.id")));
        const DealSet was = asOf(m_history, m_history.deals.back().createdAt + 1);
        const DealSet now = asOf(h, m_history.deals.back().createdAt + 1);
        QCOMPARE(now.deals.size(), was.deals.size());
        for (std::size_t i = 0; i < h.deals.size(); ++i) {
            QVERIFY(q.next());
            const DealHistory &r = h.deals[i], &before = m_history.deals[i];
            QCOMPARE(r.current.id, q.value(0).toLongLong());
            QCOMPARE(r.current.industry < 0 ? QString() : h.industries.at(r.current.industry), q.value(1).toString());
            QCOMPARE(r.current.customer, before.current.customer * 1000 + 7);
            QCOMPARE(r.seniorityBucket, before.seniorityBucket);
            QCOMPARE(r.customerSinceDay, before.customerSinceDay);
            QCOMPARE(r.budgetCents, before.budgetCents);
        }
        for (std::size_t i = 0; i < now.deals.size(); ++i)
            QVERIFY2(now.deals[i].bucket == was.deals[i].bucket, qPrintable(QString::number(now.deals[i].id)));
        // The contacts' seniority was read (not every deal falls back to its role's bucket).
        QVERIFY(std::any_of(h.deals.begin(), h.deals.end(), [](const DealHistory &r) { return r.seniorityBucket == 1; }));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("sparse"));
}

// asOf() with the settled deals' records copies them where it would rebuild them: the same
// deals, fact for fact, at month starts, at a deal's very close and just after it, before any
// deal and after every one; a deal with a sales action after its close is not settled (its
// count as of a later moment grows) and is rebuilt.
void TestForecastDemo::settledDealsCopiedAsRebuilt()
{
    History h = m_history;
    auto late = std::find_if(h.deals.begin(), h.deals.end(), [](const DealHistory &r) {
        return r.closedAt >= 0 && (r.salesAt.empty() || r.salesAt.back() <= r.closedAt);
    });
    QVERIFY(late != h.deals.end());
    late->salesAt.push_back(late->closedAt + 3 * 86400); // a follow-up call after the close
    const SettledDeals settled = settledDeals(h);
    const auto index = std::size_t(late - h.deals.begin());
    QVERIFY(!settled.settled[index]);
    const auto count = std::count(settled.settled.begin(), settled.settled.end(), 1);
    QVERIFY2(count > qsizetype(h.deals.size()) / 2, qPrintable(QString::number(count))); // most closed deals are settled

    std::vector<qint64> moments{h.deals.front().createdAt, late->closedAt, late->closedAt + 1, late->closedAt + 4 * 86400,
                                std::numeric_limits<qint64>::max() / 2};
    for (int m = 0; m < 14; ++m)
        moments.push_back(cockpit::analytics::companyDayStart(m_asOf.addMonths(-m).addDays(1 - m_asOf.day())));
    for (const DealHistory &r : h.deals)
        if (r.closedAt >= 0 && moments.size() < 40)
            moments.push_back(r.closedAt + (moments.size() % 2)); // at a close, and a second after one
    for (qint64 t : moments) {
        const DealSet rebuilt = asOf(h, t), copied = asOf(h, t, &settled);
        QCOMPARE(copied.deals.size(), rebuilt.deals.size());
        for (std::size_t i = 0; i < rebuilt.deals.size(); ++i)
            QVERIFY2(dealBytes(copied.deals[i]) == dealBytes(rebuilt.deals[i]),
                     qPrintable(QStringLiteral("deal %1 as of %2").arg(rebuilt.deals[i].id).arg(t)));
    }
    // The follow-up counts as of after it, and not before.
    const auto find = [&](const DealSet &set) {
        return *std::find_if(set.deals.begin(), set.deals.end(), [&](const Deal &d) { return d.id == late->current.id; });
    };
    QCOMPARE(find(asOf(h, late->closedAt + 4 * 86400, &settled)).salesActions,
             find(asOf(h, late->closedAt + 1, &settled)).salesActions + 1);
    // Records made of another history are not used.
    History other = h;
    other.deals.pop_back();
    QCOMPARE(asOf(other, moments.back(), &settled).deals.size(), asOf(other, moments.back()).deals.size());
}

void TestForecastDemo::forecastIsReproducibleFromTheCommandLine()
{
    const QStringList args{QStringLiteral("report"), QStringLiteral("forecast"), QStringLiteral("--db"), m_db, QStringLiteral("--now"),
                           QStringLiteral("2026-11-22T02:00:00Z"), QStringLiteral("--period"), QStringLiteral("2026-12"),
                           QStringLiteral("--format"), QStringLiteral("csv")};
    const fixture::CliRun a = run(args + QStringList{QStringLiteral("--seed"), QStringLiteral("5")});
    const fixture::CliRun b = run(args + QStringList{QStringLiteral("--seed"), QStringLiteral("5")});
    const fixture::CliRun c = run(args + QStringList{QStringLiteral("--seed"), QStringLiteral("6"), QStringLiteral("--target"),
                                                     QStringLiteral("1000")});
    QVERIFY2(a.code == 0, qPrintable(a.err));
    QCOMPARE(a.out, b.out);
    QVERIFY(a.out != c.out);
    for (const char *row : {"\r\np10,", "\r\np50,", "\r\np90,", "\r\nconfidence,", "\r\ntarget,"})
        QVERIFY2(a.out.contains(QLatin1String(row)), row);
    // A target of 1 000 is reached in every draw.
    QVERIFY2(c.out.contains(QStringLiteral("\r\ntarget,100000,100,")), qPrintable(c.out));
    const fixture::CliRun w = run({QStringLiteral("report"), QStringLiteral("winprob"), QStringLiteral("--db"), m_db, QStringLiteral("--now"),
                                   QStringLiteral("2026-11-22T02:00:00Z"), QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(w.code == 0, qPrintable(w.err));
    QVERIFY(w.out.startsWith(QStringLiteral("lead_id,title,stage,amount_cents,amount_estimated,win_pct,learned_pct,base,customer.punctuality")));
    const fixture::CliRun bt = run({QStringLiteral("report"), QStringLiteral("backtest"), QStringLiteral("--db"), m_db, QStringLiteral("--now"),
                                    QStringLiteral("2026-11-22T02:00:00Z"), QStringLiteral("--format"), QStringLiteral("csv")});
    QVERIFY2(bt.code == 0, qPrintable(bt.err));
    QCOMPARE(bt.out.count(QStringLiteral("\r\n2026-")) + bt.out.count(QStringLiteral("\r\n2025-")), 12);
    QVERIFY(bt.out.contains(QStringLiteral("\r\ncoverage,")));
}

void TestForecastDemo::reportsRefuseBadArguments()
{
    const fixture::CliRun r = run({QStringLiteral("report"), QStringLiteral("forecast"), QStringLiteral("--db"), m_db,
                                   QStringLiteral("--seed"), QStringLiteral("abc")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("--seed")));
    const fixture::CliRun t = run({QStringLiteral("report"), QStringLiteral("forecast"), QStringLiteral("--db"), m_db,
                                   QStringLiteral("--target"), QStringLiteral("-5")});
    QCOMPARE(t.code, 2);
    QVERIFY(t.err.contains(QStringLiteral("--target")));
}

void TestForecastDemo::cleanupTestCase()
{
    QSqlDatabase::removeDatabase(QStringLiteral("demo"));
}

QTEST_GUILESS_MAIN(TestForecastDemo)
#include "tst_forecastdemo.moc"
