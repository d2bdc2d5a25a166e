// The Performance tab of Targets & Forecast (issue 14) on a generated demo company: the
// ranking shows the models' scores in rank order with every active rep, the reps apart are
// named, and the bonus simulator's what-ifs (a target typed as "82万", a deal marked won or
// lost) give the same ranges and team total as simulateBonus() on the same inputs; a target
// that is not an amount is refused with a message and changes nothing.
#include "performancetab.h"

#include "analytics/figureservice.h"
#include "analytics/scope.h"
#include "domain/money.h"
#include "storage/database.h"
#include "targets/performancefigures.h"
#include "tinydemo.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::targets;

class TestPerformanceTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rankingShowsTheScores();
    void simulatorFollowsTargetsAndMarks();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<analytics::FigureService> m_figures;
    std::unique_ptr<analytics::ScopeState> m_scope;
    std::unique_ptr<ui::PerformanceTab> m_tab;
};

void TestPerformanceTab::initTestCase()
{
    const QString path = m_dir.filePath(QStringLiteral("demo.db"));
    QVERIFY(fixture::generateTinyDemo(path, 7, QDate(2026, 11, 20)).isEmpty());
    m_db = std::make_unique<storage::Database>();
    QVERIFY(m_db->open(path).ok());
    m_figures = std::make_unique<analytics::FigureService>(*m_db);
    m_scope = std::make_unique<analytics::ScopeState>(
        analytics::Scope{analytics::Period::quarter(QDate(2026, 11, 1)), analytics::OrgScope::company()});
    const QDateTime now(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
    m_tab = std::make_unique<ui::PerformanceTab>(*m_figures, *m_scope, [now] { return now; });
    m_tab->resize(1200, 700);
    QSignalSpy refreshed(m_tab.get(), &ui::AnalyticsPage::refreshed);
    m_tab->show();
    QVERIFY(refreshed.wait(30000));
    QVERIFY(m_tab->result());
}

void TestPerformanceTab::cleanupTestCase()
{
    m_tab.reset();
    m_figures.reset();
    m_db.reset();
}

void TestPerformanceTab::rankingShowsTheScores()
{
    const PerformanceFigures &f = *m_tab->result();
    QVERIFY(f.scores.size() >= 3);
    QAbstractItemModel *m = m_tab->ranking()->model();
    QCOMPARE(m->rowCount(), f.scores.size());
    for (int r = 0; r < m->rowCount(); ++r) {
        QCOMPARE(m->index(r, 0).data().toInt(), r + 1); // sorted by rank
        QCOMPARE(m->index(r, 1).data().toString(), f.scores[r].name);
        QCOMPARE(m->index(r, 2).data().toDouble(), std::round(*f.scores[r].score * 10.0) / 10.0);
    }
}

void TestPerformanceTab::simulatorFollowsTargetsAndMarks()
{
    const PerformanceFigures &f = *m_tab->result();
    QVERIFY(!f.bonusReps.isEmpty());
    QVERIFY(!f.bonusDeals.isEmpty());
    QVector<SimRep> reps = f.bonusReps;
    QVector<SimDeal> deals = f.bonusDeals;
    const auto expectTotal = [&] {
        const BonusSimulation sim = simulateBonus(reps, deals);
        const QLocale locale;
        return m_tab->teamTotal()->text().contains(formatMoney(sim.teamLowCents, f.currency, locale))
               && m_tab->teamTotal()->text().contains(formatMoney(sim.teamHighCents, f.currency, locale));
    };
    QVERIFY2(expectTotal(), qPrintable(m_tab->teamTotal()->text()));
    // The rep of the first deal gets a much lower target: its ceiling rises.
    int row = -1;
    for (int i = 0; i < reps.size(); ++i)
        if (reps[i].repId == deals[0].repId)
            row = i;
    QVERIFY(row >= 0);
    QVERIFY(m_tab->setTarget(row, QStringLiteral("1万")));
    reps[row].targetCents = 1000000;
    QVERIFY2(expectTotal(), qPrintable(m_tab->teamTotal()->text()));
    QCOMPARE(m_tab->bonusReps()->model()->index(row, 1).data().toString(), formatMoney(1000000, f.currency, QLocale()));
    // Marks cycle open → won → lost.
    m_tab->cycleMark(0);
    deals[0].mark = DealMark::Won;
    QVERIFY(expectTotal());
    QCOMPARE(m_tab->bonusDeals()->model()->index(0, 3).data().toString(), ui::PerformanceTab::tr("won"));
    m_tab->cycleMark(0);
    deals[0].mark = DealMark::Lost;
    QVERIFY(expectTotal());
    // Not an amount: refused, nothing changes.
    const QString before = m_tab->teamTotal()->text();
    QVERIFY(!m_tab->setTarget(row, QStringLiteral("lots")));
    QCOMPARE(m_tab->teamTotal()->text(), before);
    // Reset: the file's targets and deals again.
    m_tab->resetSimulation();
    reps = f.bonusReps;
    deals = f.bonusDeals;
    QVERIFY(expectTotal());
}

QTEST_MAIN(TestPerformanceTab)
#include "tst_performancetab.moc"
