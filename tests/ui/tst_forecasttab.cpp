// The Forecast tab of the Targets & Forecast screen on the tiny demo company: what it shows
// equals what `report forecast|backtest|winmodel|winprob` compute on the same file (a second
// assembly of the same pure functions), the same seed gives the same figures, a period change
// reuses the trained model, an org unit shows only its reps' deals and target, a double-click
// opens the lead, and a file with no closed deals says why the model and backtest are empty.
#include "charts/forecastcharts.h"
#include "charts/heatmapwidget.h"
#include "forecasttab.h"
#include "revisiondialog.h"
#include "reasoncodesdialog.h"
#include <QListWidget>
#include "storage/database.h"
#include "tinydemo.h"
#include "analytics/datatable.h"
#include "forecast/forecastassembly.h"
#include "forecast/forecastreports.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QDir>
#include <QTabWidget>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QLabel>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace cockpit;
using namespace cockpit::analytics;
using namespace cockpit::ui;

namespace {
const QString kNowIso = QStringLiteral("2026-12-05T00:00:00Z");
QDateTime fixedNow() { return QDateTime::fromString(kNowIso, Qt::ISODate); }

// The report's measure row → value column.
QVariant reportValue(const DataTable &t, const QString &measure, const QString &column)
{
    const int c = t.columnIndex(column);
    for (const QVariantList &r : t.rows)
        if (r.value(0).toString() == measure)
            return r.value(c);
    return {};
}

DataTable runReport(QSqlDatabase db, const QString &name, const Scope &scope, quint64 seed = 1)
{
    const ReportInfo *r = forecast::findForecastReport(name);
    ReportRequest req;
    req.scope = scope;
    req.asOfIso = kNowIso;
    req.seed = seed;
    return r->run(db, req);
}
// A Forecast tab on a file, shown, with its first result in.
struct ShownTab
{
    storage::Database db;
    std::unique_ptr<ScopeState> scope;
    std::unique_ptr<FigureService> figures;
    std::unique_ptr<ForecastTab> tab;
    bool show(const QString &path, const Scope &initial)
    {
        if (!db.open(path, storage::Database::Mode::OpenExisting).ok())
            return false;
        scope = std::make_unique<ScopeState>(initial);
        figures = std::make_unique<FigureService>(db);
        tab = std::make_unique<ForecastTab>(*figures, *scope, fixedNow);
        tab->resize(1366, 700);
        QSignalSpy modelShown(tab.get(), &ForecastTab::modelShown);
        tab->show();
        return modelShown.wait(120000) && tab->result();
    }
};
} // namespace

class TestForecastTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsWhatTheReportsCompute();
    void sameSeedSameFiguresAndPeriodChangeKeepsTheModel();
    void orgUnitShowsItsOwnDeals();
    void doubleClickOpensTheLead();
    void noClosedDealsSaysWhy();
    void revisionIsSavedWithReasonAndNoteAndCounted();
    void reasonCodeListIsEditable();
    void fanAxisUnitFitsTheMoney();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestForecastTab::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("tiny.db"));
    const QString error = fixture::generateTinyDemo(m_path, 42, QDate(2026, 12, 5));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestForecastTab::showsWhatTheReportsCompute()
{
    const Scope q4{Period::quarter(QDate(2026, 11, 1)), OrgScope::company()};
    // A cold cache: the figures are shown first, without the learned column, then with it.
    forecast::sharedForecastCache()->clear();
    ShownTab shown;
    QVERIFY(shown.db.open(m_path, storage::Database::Mode::OpenExisting).ok());
    shown.scope = std::make_unique<ScopeState>(q4);
    shown.figures = std::make_unique<FigureService>(shown.db);
    shown.tab = std::make_unique<ForecastTab>(*shown.figures, *shown.scope, fixedNow);
    ForecastTab &tab = *shown.tab;
    QSignalSpy refreshed(&tab, &AnalyticsPage::refreshed), modelShown(&tab, &ForecastTab::modelShown);
    // Whether a view that trained the model was shown: a later refresh (a busy machine can
    // bring one) reuses the trained model and shows trainedNow false.
    bool shownTrainedNow = false;
    connect(&tab, &ForecastTab::modelShown, &tab, [&] { shownTrainedNow = shownTrainedNow || (tab.result() && tab.result()->trainedNow); });
    tab.show();
    QVERIFY(refreshed.wait(120000));
    QVERIFY(tab.modelPending());
    const int learned = tab.result()->dealsTable.columnIndex(QStringLiteral("learned_pct"));
    QVERIFY(!tab.result()->dealsTable.rows.isEmpty());
    for (const QVariantList &r : tab.result()->dealsTable.rows)
        QVERIFY(r.value(learned).isNull());
    QVERIFY(modelShown.count() > 0 || modelShown.wait(120000));
    QVERIFY(!tab.modelPending());
    for (const QVariantList &r : tab.result()->dealsTable.rows)
        QVERIFY(!r.value(learned).isNull());
    storage::Database &db = shown.db;
    const forecast::ForecastView *v = tab.result();
    QVERIFY(v->modelTrained);
    QVERIFY(shownTrainedNow);
    QVERIFY(v->closedDeals > 0);

    QSqlDatabase c = db.connection();
    const DataTable f = runReport(c, QStringLiteral("forecast"), q4);
    QCOMPARE(v->sim.p10, reportValue(f, QStringLiteral("p10"), QStringLiteral("value_cents")).toLongLong());
    QCOMPARE(v->sim.p50, reportValue(f, QStringLiteral("p50"), QStringLiteral("value_cents")).toLongLong());
    QCOMPARE(v->sim.p90, reportValue(f, QStringLiteral("p90"), QStringLiteral("value_cents")).toLongLong());
    QCOMPARE(v->alreadyWonCents, reportValue(f, QStringLiteral("already_won"), QStringLiteral("value_cents")).toLongLong());
    QCOMPARE(std::round(v->sim.confidence * 1000) / 10,
             reportValue(f, QStringLiteral("confidence"), QStringLiteral("share_pct")).toDouble());
    const QVariant target = reportValue(f, QStringLiteral("target"), QStringLiteral("value_cents"));
    QCOMPARE(v->targetCents, target.isNull() ? qint64(-1) : target.toLongLong());
    QVERIFY2(v->targetCents > 0, "the demo sets company targets");
    // The headline says those numbers, in the short money form.
    const QString headline = tab.headline()->text();
    for (qint64 cents : {v->sim.p10, v->sim.p50, v->sim.p90})
        QVERIFY2(headline.contains(forecast::shortMoney(cents, v->currency)), qPrintable(headline));
    QVERIFY2(tab.headline()->toolTip().contains(QStringLiteral("±20 %")), qPrintable(tab.headline()->toolTip()));
    QVERIFY2(tab.targetLabel()->text().contains(forecast::shortMoney(v->targetCents, v->currency)),
             qPrintable(tab.targetLabel()->text()));
    if (!v->reasons.isEmpty())
        QVERIFY(tab.reasonsLabel()->text().contains(v->reasons.first()));

    // The backtest: the 12 months before December, as `report backtest` rebuilds them.
    const DataTable b = runReport(c, QStringLiteral("backtest"),
                                  {Period::custom(QDate(2025, 12, 1), QDate(2026, 11, 30)), OrgScope::company()});
    QCOMPARE(qsizetype(v->backtest.size()), b.rows.size() - 1); // the report adds a coverage row
    QCOMPARE(tab.backtestView()->model()->rowCount(), int(v->backtest.size()));
    for (std::size_t i = 0; i < v->backtest.size(); ++i) {
        const QVariantList &row = b.rows.at(qsizetype(i));
        QCOMPARE(v->backtest[i].actualCents, row.value(b.columnIndex(QStringLiteral("actual_cents"))).toLongLong());
        QCOMPARE(v->backtest[i].p50, row.value(b.columnIndex(QStringLiteral("p50_cents"))).toLongLong());
        QCOMPARE(v->backtest[i].p90, row.value(b.columnIndex(QStringLiteral("p90_cents"))).toLongLong());
    }
    QCOMPARE(std::round(v->coverage * 1000) / 10, b.rows.last().value(b.columnIndex(QStringLiteral("accuracy_pct"))).toDouble());
    QVERIFY2(tab.coverageLabel()->text().contains(QLatin1String("80 %")), qPrintable(tab.coverageLabel()->text()));

    // The fan: the backtest's months, then December and the next two, with month targets.
    QCOMPARE(v->fan.size(), v->backtest.size() + 1 + forecast::kFanMonthsAhead);
    QCOMPARE(v->fan.back().firstDay, dayNumber(QDate(2027, 2, 1)));
    QVERIFY(v->fan.front().past && !v->fan.back().past);
    QVERIFY(std::any_of(v->fan.begin(), v->fan.end(), [](const forecast::FanMonth &m) { return m.targetCents > 0; }));
    QVERIFY(!tab.fanChart()->chart()->series().isEmpty());

    // The learned model's held-out measures, as `report winmodel` gives them.
    const DataTable m = runReport(c, QStringLiteral("winmodel"), q4);
    QCOMPARE(std::round(v->evaluation.auc * 10000) / 10000, reportValue(m, QStringLiteral("auc"), QStringLiteral("value")).toDouble());
    QCOMPARE(std::round(v->evaluation.brierSkill * 10000) / 10000,
             reportValue(m, QStringLiteral("brier_skill"), QStringLiteral("value")).toDouble());
    QVERIFY(tab.modelLabel()->text().contains(QLocale().toString(v->evaluation.auc, 'f', 3)));
    QVERIFY(!tab.calibrationChart()->chart()->series().isEmpty());

    // Every open deal with both probabilities, as `report winprob` lists them.
    const DataTable w = runReport(c, QStringLiteral("winprob"), q4);
    QCOMPARE(v->dealsTable.rows.size(), w.rows.size());
    QCOMPARE(v->dealsTable.columns, w.columns);
    QCOMPARE(v->dealsTable.rows.first(), w.rows.first());
    QCOMPARE(tab.dealsView()->model()->rowCount(), int(w.rows.size()));
    // Selecting a deal explains its factors.
    tab.dealsView()->setCurrentIndex(tab.dealsView()->model()->index(0, 0));
    QVERIFY2(tab.dealDetail()->text().contains(QLatin1String("Base rate")), qPrintable(tab.dealDetail()->text()));
}

void TestForecastTab::sameSeedSameFiguresAndPeriodChangeKeepsTheModel()
{
    storage::Database db;
    QVERIFY(db.open(m_path, storage::Database::Mode::OpenExisting).ok());
    ScopeState scope({Period::quarter(QDate(2026, 11, 1)), OrgScope::company()});
    FigureService figures(db);
    ForecastTab a(figures, scope, fixedNow), b(figures, scope, fixedNow);
    QSignalSpy ra(&a, &ForecastTab::modelShown), rb(&b, &ForecastTab::modelShown);
    a.show();
    b.show();
    QVERIFY(ra.count() > 0 || ra.wait(120000));
    QVERIFY(rb.count() > 0 || rb.wait(120000));
    QVERIFY(a.result() && b.result());
    QCOMPARE(a.result()->sim.p10, b.result()->sim.p10);
    QCOMPARE(a.result()->sim.p50, b.result()->sim.p50);
    QCOMPARE(a.result()->sim.p90, b.result()->sim.p90);
    QCOMPARE(a.result()->sim.probabilityOfTarget, b.result()->sim.probabilityOfTarget);
    QCOMPARE(a.headline()->text(), b.headline()->text());
    for (std::size_t i = 0; i < a.result()->fan.size(); ++i)
        QCOMPARE(a.result()->fan[i].p50, b.result()->fan[i].p50);

    // A period change recomputes the period only: the model is not trained again, and the
    // figures equal a fresh computation's.
    b.hide();
    ra.clear();
    scope.setPeriod(Period::month(QDate(2026, 12, 1)));
    QVERIFY(ra.wait(120000));
    QVERIFY(!a.result()->trainedNow);
    QCOMPARE(a.result()->scope.period, Period::month(QDate(2026, 12, 1)));
    forecast::ForecastCache fresh;
    const forecast::ForecastView direct =
        forecast::computeForecastView(db.connection(), fresh, scope.scope(), fixedNow().toSecsSinceEpoch(), 1);
    QVERIFY(direct.trainedNow);
    QCOMPARE(a.result()->sim.p50, direct.sim.p50);
    QCOMPARE(a.result()->sim.p90, direct.sim.p90);
    QCOMPARE(a.result()->targetCents, direct.targetCents);
    // December's fan point is the same forecast the month's headline gives, with 2 000 draws
    // instead of 10 000: within the band.
    const forecast::FanMonth &dec = a.result()->fan[a.result()->backtest.size()];
    QCOMPARE(dec.firstDay, dayNumber(QDate(2026, 12, 1)));
    QVERIFY(dec.p10 <= a.result()->sim.p50 && a.result()->sim.p50 <= dec.p90);
}

void TestForecastTab::orgUnitShowsItsOwnDeals()
{
    OrgUnits units;
    {
        storage::Database read;
        QVERIFY(read.open(m_path, storage::Database::Mode::OpenExisting).ok());
        units = loadOrgUnits(read.connection());
    }
    QVERIFY(!units.regions.isEmpty());
    const OrgScope region{OrgLevel::Region, units.regions.first().id};
    ShownTab shown;
    QVERIFY(shown.show(m_path, {Period::quarter(QDate(2026, 11, 1)), region}));
    storage::Database &db = shown.db;
    const forecast::ForecastView *v = shown.tab->result();
    QCOMPARE(v->orgName, units.regions.first().name);
    // Exactly the deals open as of now that its reps own (the reps read from users here).
    QSet<int> reps;
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM users WHERE role = 'sales' AND region_id = %1").arg(region.id)));
    while (q.next())
        reps.insert(q.value(0).toInt());
    QVERIFY(!reps.isEmpty());
    const forecast::DealSet set = forecast::asOf(forecast::loadHistory(db.connection()), fixedNow().toSecsSinceEpoch());
    QSet<qint64> owned;
    for (const forecast::Deal &d : set.deals)
        if (!d.closed() && reps.contains(d.owner))
            owned.insert(d.id);
    QVERIFY(!owned.isEmpty());
    QSet<qint64> listed;
    for (const QVariantList &r : v->dealsTable.rows)
        listed.insert(r.value(0).toLongLong());
    QCOMPARE(listed, owned);
    // Each deal is named by its title and its stage's English name (the interface is English).
    const int title = v->dealsTable.columnIndex(QStringLiteral("title")), stage = v->dealsTable.columnIndex(QStringLiteral("stage"));
    for (const QVariantList &r : v->dealsTable.rows.mid(0, 20)) {
        QVERIFY(q.exec(QStringLiteral("SELECT l.title, s.name_en FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id "
                                      "WHERE l.id = %1").arg(r.value(0).toLongLong())));
        QVERIFY(q.next());
        QCOMPARE(r.value(title).toString(), q.value(0).toString());
        QCOMPARE(r.value(stage).toString(), q.value(1).toString());
    }
    QCOMPARE(v->targetCents, forecast::scopeTarget(db.connection(), dayNumber(QDate(2026, 10, 1)), dayNumber(QDate(2026, 12, 31)),
                                                   region, units));
    QVERIFY(v->targetCents > 0);
}

void TestForecastTab::doubleClickOpensTheLead()
{
    ShownTab shown;
    QVERIFY(shown.show(m_path, {Period::quarter(QDate(2026, 11, 1)), OrgScope::company()}));
    ForecastTab &tab = *shown.tab;
    QSignalSpy opened(&tab, &AnalyticsPage::leadActivated);
    QTableView *view = tab.dealsView();
    const QModelIndex first = view->model()->index(0, 1);
    const QRect cell = view->visualRect(first);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center()); // a double-click follows a press
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().first().toString(), view->model()->index(0, 0).data(DataTableModel::SortRole).toString());
}

void TestForecastTab::noClosedDealsSaysWhy()
{
    const QString path = m_dir.filePath(QStringLiteral("open-only.db"));
    QVERIFY(QFile::copy(m_path, path));
    {
        storage::Database db;
        QVERIFY(db.open(path, storage::Database::Mode::OpenExisting).ok());
        QSqlQuery q(db.connection());
        QVERIFY2(q.exec(QStringLiteral("UPDATE leads SET deleted = 1 WHERE status IN ('won', 'lost')")), qPrintable(q.lastError().text()));
    }
    ShownTab shown;
    QVERIFY(shown.show(path, {Period::quarter(QDate(2026, 11, 1)), OrgScope::company()}));
    ForecastTab &tab = *shown.tab;
    const forecast::ForecastView *v = tab.result();
    QCOMPARE(v->closedDeals, 0);
    QVERIFY(!v->modelTrained);
    QVERIFY(v->backtest.empty());
    QVERIFY2(tab.statusLabel()->text().contains(QLatin1String("no closed deals")), qPrintable(tab.statusLabel()->text()));
    QVERIFY2(tab.modelLabel()->text().contains(QLatin1String("not trained")), qPrintable(tab.modelLabel()->text()));
    QVERIFY2(tab.coverageLabel()->text().contains(QLatin1String("No backtest")), qPrintable(tab.coverageLabel()->text()));
    QVERIFY(tab.dealsView()->model()->rowCount() > 0); // the open deals are still listed
    QVERIFY(!tab.headline()->text().isEmpty());
}

void TestForecastTab::revisionIsSavedWithReasonAndNoteAndCounted()
{
    const QString path = m_dir.filePath(QStringLiteral("revise.db"));
    QVERIFY(QFile::copy(m_path, path));
    ShownTab shown;
    QVERIFY(shown.show(path, {Period::month(QDate(2026, 12, 1)), OrgScope::company()}));
    ForecastTab &tab = *shown.tab;
    QVERIFY(!tab.reviseButton()->isEnabled()); // no edit path: read only
    tab.setEditPath(shown.db);
    QVERIFY(tab.reviseButton()->isEnabled());
    QSqlDatabase c = shown.db.connection();
    const auto count = [&c](const QString &sql) {
        QSqlQuery q(c);
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    };
    // The heat map counts what the file holds for the fan's months.
    const forecast::ForecastView *v = tab.result();
    const qint64 inFile = count(QStringLiteral("SELECT COUNT(*) FROM forecast_revisions r JOIN forecast_snapshots s ON"
                                               " s.id = r.snapshot_id WHERE r.deleted = 0 AND s.deleted = 0 AND"
                                               " s.period_start BETWEEN %1 AND %2")
                                    .arg(v->fan.front().firstDay)
                                    .arg(v->fan.back().lastDay));
    QCOMPARE(qint64(v->revisions.total), inFile);
    const int totalBefore = v->revisions.total;
    const qint64 before = count(QStringLiteral("SELECT COUNT(*) FROM forecast_revisions"));
    const qint64 outboxBefore = count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE table_name = 'forecast_revisions'"));

    RevisionDialog dialog(shown.db, *v, fixedNow().toSecsSinceEpoch());
    dialog.valueEdit()->setText(QStringLiteral("lots"));
    QVERIFY(!dialog.save());
    QVERIFY2(dialog.errorLabel()->text().contains(QLatin1String("Revised value")), qPrintable(dialog.errorLabel()->text()));
    dialog.valueEdit()->setText(QStringLiteral("82万"));
    dialog.reasonBox()->setEditText(QString());
    dialog.noteEdit()->setPlainText(QStringLiteral("CFO abroad until January"));
    QVERIFY(!dialog.save());
    QVERIFY2(dialog.errorLabel()->text().contains(QLatin1String("reason code")), qPrintable(dialog.errorLabel()->text()));
    dialog.reasonBox()->setEditText(QStringLiteral("客户CFO出国审批延迟"));
    dialog.noteEdit()->setPlainText(QStringLiteral("  "));
    QVERIFY(!dialog.save());
    QVERIFY2(dialog.errorLabel()->text().contains(QLatin1String("note")), qPrintable(dialog.errorLabel()->text()));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM forecast_revisions")), before); // nothing written when refused
    dialog.noteEdit()->setPlainText(QStringLiteral("CFO abroad until January"));
    QSignalSpy refreshed(&tab, &AnalyticsPage::refreshed);
    QVERIFY(dialog.save());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM forecast_revisions")), before + 1);
    QCOMPARE(count(QStringLiteral("SELECT new_value_cents FROM forecast_revisions ORDER BY id DESC LIMIT 1")), qint64(82000000));
    {
        QSqlQuery last(c);
        QVERIFY(last.exec(QStringLiteral("SELECT reason_code, note FROM forecast_revisions ORDER BY id DESC LIMIT 1")) && last.next());
        QCOMPARE(last.value(0).toString(), QStringLiteral("客户CFO出国审批延迟"));
        QCOMPARE(last.value(1).toString(), QStringLiteral("CFO abroad until January"));
    }
    QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE table_name = 'forecast_revisions'")) == outboxBefore + 1);
    // A second revision revises the first's value, on the same snapshot.
    forecast::RevisionRequest r;
    r.periodKind = QStringLiteral("month");
    r.periodStartDay = dayNumber(QDate(2026, 12, 1));
    r.newValueCents = 90000000;
    r.reason = QStringLiteral("大单提前签约");
    r.note = QStringLiteral("signed early");
    const forecast::RevisionResult second = forecast::RevisionRepository(shown.db).save(r, fixedNow().toSecsSinceEpoch() + 60);
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(second.oldValueCents, qint64(82000000));
    // A team has no forecasts of its own: refused with a message.
    r.org = {OrgLevel::Team, QStringLiteral("1")};
    const forecast::RevisionResult team = forecast::RevisionRepository(shown.db).save(r, fixedNow().toSecsSinceEpoch());
    QVERIFY(!team.ok && team.error.contains(QLatin1String("teams")));
    // The tab recomputes after the write and counts the new revisions in its December column.
    QVERIFY(refreshed.count() > 0 || refreshed.wait(60000));
    QTRY_COMPARE_WITH_TIMEOUT(tab.result()->revisions.total, totalBefore + 2, 60000);
    QVERIFY(tab.revisionHeat()->rowCount() >= 2);
    // Where a person can look at it: the tab with its Revisions side tab, 1366×700.
    auto *side = tab.findChild<QTabWidget *>(QStringLiteral("forecastSideTabs"));
    QVERIFY(side);
    side->setCurrentIndex(1);
    QDir().mkpath(QStringLiteral(COCKPIT_SCREENSHOT_DIR));
    QVERIFY(tab.grab().save(QStringLiteral(COCKPIT_SCREENSHOT_DIR "/forecast-revisions.png")));
}

void TestForecastTab::reasonCodeListIsEditable()
{
    const QString path = m_dir.filePath(QStringLiteral("reasons.db"));
    QVERIFY(QFile::copy(m_path, path));
    ShownTab shown;
    QVERIFY(shown.show(path, {Period::month(QDate(2026, 12, 1)), OrgScope::company()}));
    ForecastTab &tab = *shown.tab;
    QVERIFY(!tab.reasonCodesButton()->isEnabled()); // read only without an edit path
    tab.setEditPath(shown.db);
    QVERIFY(tab.reasonCodesButton()->isEnabled());
    QSqlDatabase c = shown.db.connection();
    // Before any edit: the defaults and the codes used, in that order.
    const QStringList before = tab.result()->revisionReasons;
    QCOMPARE(before.mid(0, forecast::defaultRevisionReasons().size()), forecast::defaultRevisionReasons());
    QCOMPARE(tab.result()->uneditedReasons, before);

    ReasonCodesDialog dialog(shown.db, before, tab.result()->uneditedReasons);
    QCOMPARE(dialog.codes(), before);
    // Remove the first, move the (new) first down, add one by typing.
    dialog.list()->setCurrentRow(0);
    QTest::keyClick(dialog.list(), Qt::Key_Delete);
    QCOMPARE(dialog.codes(), before.mid(1));
    dialog.list()->setCurrentRow(0);
    QTest::keyClick(dialog.list(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(dialog.codes().value(1), before.value(1));
    QCOMPARE(dialog.list()->currentRow(), 1);
    dialog.addCode();
    dialog.list()->currentItem()->setText(QStringLiteral("  客户合并重组  "));
    // A repeat is refused, named, and nothing is saved.
    dialog.addCode();
    dialog.list()->currentItem()->setText(QStringLiteral("客户合并重组"));
    dialog.accept();
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("客户合并重组")), qPrintable(dialog.errorLabel()->text()));
    QCOMPARE(forecast::revisionReasons(c), before);
    dialog.removeCurrent();
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QStringList expected = before.mid(1);
    expected.swapItemsAt(0, 1);
    expected << QStringLiteral("客户合并重组");
    QCOMPARE(forecast::revisionReasons(c), expected);
    // The removed code is no longer offered but stays usable by revisions already saved; the
    // unedited list (Restore defaults) still has it.
    QVERIFY(forecast::uneditedRevisionReasons(c).contains(before.first()));
    // A code typed for a revision joins the edited list.
    forecast::RevisionRequest r;
    r.periodKind = QStringLiteral("month");
    r.periodStartDay = dayNumber(QDate(2026, 12, 1));
    r.newValueCents = 1000;
    r.reason = QStringLiteral("渠道调整");
    r.note = QStringLiteral("a new channel");
    QVERIFY(forecast::RevisionRepository(shown.db).save(r, fixedNow().toSecsSinceEpoch()).ok);
    QCOMPARE(forecast::revisionReasons(c), expected << QStringLiteral("渠道调整"));
    // An empty list is refused; a code too long is named.
    QString error;
    QVERIFY(!forecast::RevisionRepository(shown.db).saveReasons({QStringLiteral("  ")}, &error));
    QVERIFY(error.contains(QLatin1String("at least one")));
    QVERIFY(!forecast::RevisionRepository(shown.db).saveReasons({QString(forecast::kMaxReasonLength + 1, QLatin1Char('x'))}, &error));
    QVERIFY(error.contains(QLatin1String("longer than")));
    QCOMPARE(forecast::revisionReasons(c), expected);
    // The tab offers the list after its next refresh; Restore defaults gives the unedited list.
    QSignalSpy refreshed(&tab, &AnalyticsPage::refreshed);
    tab.markDataChanged();
    QVERIFY(refreshed.wait(60000));
    QCOMPARE(tab.result()->revisionReasons, expected);
    ReasonCodesDialog again(shown.db, tab.result()->revisionReasons, tab.result()->uneditedReasons);
    again.restoreDefaults();
    QCOMPARE(again.codes(), tab.result()->uneditedReasons);
    QVERIFY(dialog.grab().save(QStringLiteral(COCKPIT_SCREENSHOT_DIR "/reason-codes.png")));
}

QTEST_MAIN(TestForecastTab)
void TestForecastTab::fanAxisUnitFitsTheMoney()
{
    // In Chinese, yuan go on the axis in 万, or in 亿 once a month reaches 1亿 as the tables
    // write it (the large demo: "0–20 亿元", not "0–200000 万元"); another currency in
    // millions, as its title says.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    const auto axis = [](qint64 p90Cents, const QString &currency) {
        ui::FanChart chart;
        forecast::FanMonth m;
        m.firstDay = dayNumber(QDate(2026, 12, 1));
        m.lastDay = dayNumber(QDate(2026, 12, 31));
        m.p10 = p90Cents / 2;
        m.p50 = p90Cents * 3 / 4;
        m.p90 = p90Cents;
        chart.setMonths({m}, currency);
        const auto axes = chart.chart()->axes(Qt::Vertical);
        auto *y = axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.first());
        return y ? std::pair<QString, double>{y->titleText(), y->max()} : std::pair<QString, double>{};
    };
    const auto large = axis(150000000000, QStringLiteral("CNY")); // 15亿
    QCOMPARE(large.first, QStringLiteral("100 million yuan"));
    QVERIFY2(large.second >= 15 && large.second <= 20, qPrintable(QString::number(large.second)));
    const auto small = axis(3000000000, QStringLiteral("CNY")); // 3 000万
    QCOMPARE(axis(10000000000, QStringLiteral("CNY")).first, QStringLiteral("100 million yuan")); // 1亿
    QCOMPARE(small.first, QStringLiteral("10,000 yuan"));
    QVERIFY2(small.second >= 3000 && small.second <= 4000, qPrintable(QString::number(small.second)));
    const auto dollars = axis(150000000, QStringLiteral("USD")); // $1.5M
    QVERIFY2(dollars.first.startsWith(QLatin1String("millions of")), qPrintable(dollars.first));
    QVERIFY2(dollars.second >= 1.5 && dollars.second <= 2, qPrintable(QString::number(dollars.second)));
    QLocale::setDefault(before);
    QCOMPARE(ui::FanChart::unitCents(150000000000, false), 1e8);
}

#include "tst_forecasttab.moc"
