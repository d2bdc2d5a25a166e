#include "forecast/forecastreports.h"
#include "forecast/evaluation.h"
#include "forecast/forecastassembly.h"
#include "forecast/forecast.h"
#include "forecast/forecasttext.h"
#include "analytics/query.h"

#include <QLocale>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <cmath>

namespace cockpit::forecast {

// (A return type written analytics::DataTable makes lupdate file the strings of the function
// under the context "analytics".)
using DataTable = analytics::DataTable;

namespace {
// --now, or the end of an imported history that ended long before it (history.h).
qint64 nowSecs(const History &h, const analytics::ReportRequest &req)
{
    qint64 secs = 0;
    return forecastMoment(h, analytics::utcSecs(req.asOfIso, &secs) ? secs : 0);
}

QVariant ratio(double x) { return ratioValue(x); }
QVariant pct(double x) { return pctValue(x); }
QString money(qint64 cents) { return QLocale().toString(double(cents) / 100.0, 'f', 0); }

DataTable winprobReport(QSqlDatabase db, const analytics::ReportRequest &req)
{
    const History h = loadHistory(db);
    const DealSet set = asOf(h, nowSecs(h, req));
    const WinRates rates = learnRates(set.deals, set.asOfDay, set.intentRecorded);
    WinModel model;
    const ModelEvaluation e = evaluateSplit(set, splitDay(set.deals), model);
    analytics::DataTable t = winprobTable(set, rates, model);
    t.title = tr("Win probability of the open deals — learned model: held-out AUC %1, Brier skill %2 (%3 test examples)")
                  .arg(e.auc, 0, 'f', 3).arg(e.brierSkill, 0, 'f', 3).arg(e.testExamples);
    t.currency = h.currency;
    return t;
}

DataTable winmodelTable(QSqlDatabase db, const analytics::ReportRequest &req)
{
    const History h = loadHistory(db);
    const DealSet set = asOf(h, nowSecs(h, req));
    WinModel model;
    const ModelEvaluation e = evaluateSplit(set, splitDay(set.deals), model);
    analytics::DataTable t;
    t.title = tr("Learned win model, trained on deals closed before %1, tested on %n later deal(s)", nullptr, e.testDeals)
                  .arg(analytics::dayDate(e.cutoffDay).toString(Qt::ISODate));
    t.columns = {QStringLiteral("measure"), QStringLiteral("value"), QStringLiteral("n"), QStringLiteral("observed")};
    t.rows << QVariantList{QStringLiteral("auc"), ratio(e.auc), e.testExamples, QVariant()}
           << QVariantList{QStringLiteral("brier"), ratio(e.brier), e.testExamples, QVariant()}
           << QVariantList{QStringLiteral("brier_stage_baseline"), ratio(e.brierBaseline), e.testExamples, QVariant()}
           << QVariantList{QStringLiteral("brier_skill"), ratio(e.brierSkill), e.testExamples, QVariant()}
           << QVariantList{QStringLiteral("explainable_auc"), ratio(e.aucExplainable), e.testExamples, QVariant()}
           << QVariantList{QStringLiteral("explainable_brier_skill"), ratio(e.skillExplainable), e.testExamples, QVariant()}
           << QVariantList{QStringLiteral("training_examples"), e.trainExamples, e.trainExamples, QVariant()};
    for (const CalibrationBin &b : e.calibration)
        t.rows << QVariantList{QStringLiteral("calibration %1-%2").arg(b.lower, 0, 'f', 1).arg(b.upper, 0, 'f', 1),
                               b.n ? ratio(b.meanPredicted) : QVariant(), b.n, b.n ? ratio(b.observed) : QVariant()};
    return t;
}

DataTable forecastTable(QSqlDatabase db, const analytics::ReportRequest &req)
{
    const History h = loadHistory(db);
    const DealSet set = asOf(h, nowSecs(h, req));
    const WinRates rates = learnRates(set.deals, set.asOfDay, set.intentRecorded);
    const qint64 first = analytics::dayNumber(req.scope.period.first), last = analytics::dayNumber(req.scope.period.last);
    SimOptions o;
    o.seed = req.seed;
    o.targetCents = req.targetCents >= 0 ? req.targetCents
                                         : scopeTarget(db, first, last, analytics::OrgScope::company(), analytics::OrgUnits{});
    // The model's own error over the 12 months before today widens (and re-centres) the band.
    o = withErrors(o, pastYear(h, set.asOfDay, req.seed));
    const PeriodForecast f = forecastPeriod(set, rates, first, last, o);
    analytics::DataTable t;
    t.title = tr("Forecast of deals won in %1: P50 %2 (confidence %3 %, P10–P90 %4–%5), seed %6, %7 draws")
                  .arg(req.scope.period.label(), money(f.sim.p50)).arg(std::round(f.sim.confidence * 100))
                  .arg(money(f.sim.p10), money(f.sim.p90)).arg(f.sim.seed).arg(f.sim.draws);
    t.currency = h.currency;
    t.columns = {QStringLiteral("measure"), QStringLiteral("value_cents"), QStringLiteral("share_pct"),
                 QStringLiteral("deals"), QStringLiteral("text")};
    t.rows << QVariantList{QStringLiteral("already_won"), f.alreadyWonCents, QVariant(), QVariant(), QString()}
           << QVariantList{QStringLiteral("p10"), f.sim.p10, QVariant(), QVariant(), QString()}
           << QVariantList{QStringLiteral("p50"), f.sim.p50, QVariant(), QVariant(), QString()}
           << QVariantList{QStringLiteral("p90"), f.sim.p90, QVariant(), QVariant(), QString()}
           << QVariantList{QStringLiteral("mean"), qint64(std::llround(f.sim.mean)), QVariant(), QVariant(), QString()}
           << QVariantList{QStringLiteral("confidence"), QVariant(), pct(f.sim.confidence), QVariant(),
                           tr("share of draws within ±20 % of P50")}
           << QVariantList{QStringLiteral("target"), o.targetCents >= 0 ? QVariant(o.targetCents) : QVariant(),
                           f.sim.probabilityOfTarget >= 0 ? pct(f.sim.probabilityOfTarget) : QVariant(), QVariant(),
                           o.targetCents >= 0 ? tr("probability of reaching the target") : tr("no target for the period")}
           << QVariantList{QStringLiteral("open_deals_in_period"), QVariant(), QVariant(), f.sim.dealsInPeriod, QString()}
           << QVariantList{QStringLiteral("error_ratios"), QVariant(), QVariant(), int(o.errorRatios.size()),
                           errorBandText(f.sim.errorBand, int(o.errorRatios.size()))}
           << QVariantList{QStringLiteral("close_timing"), QVariant(), QVariant(), QVariant(),
                           set.closeDateWritten
                               ? tr("by age: the file writes expected close dates over at closing, so no slip can be learned")
                               : tr("by expected close date, moved by past won deals' slips (by age where a deal has none)")};
    for (const DoubtReason &r : f.sim.reasons)
        t.rows << QVariantList{doubtCode(r.doubt), r.amountCents, pct(r.varianceShare), r.deals, doubtText(r, h.currency)};
    return t;
}

DataTable backtestReport(QSqlDatabase db, const analytics::ReportRequest &req)
{
    const History h = loadHistory(db);
    // Without --period: the 12 months before the forecast's moment (today, or an old history's end).
    const std::vector<BacktestMonth> months =
        req.periodGiven ? backtest(h, analytics::dayNumber(req.scope.period.first), analytics::dayNumber(req.scope.period.last),
                                   2000, req.seed)
                        : pastYear(h, analytics::companyDayNumber(nowSecs(h, req)), req.seed);
    analytics::DataTable t = backtestTable(months, h.currency);
    t.headers.clear(); // the report prints column names
    const double coverage = bandCoverage(months), accuracy = meanAccuracy(months);
    t.title = tr("Backtest, forecasts made at each month's start: P10–P90 band coverage %1 % of %2 months, mean accuracy %3 %")
                  .arg(std::round(coverage * 1000) / 10).arg(countedMonths(months))
                  .arg(std::isnan(accuracy) ? 0.0 : std::round(accuracy * 1000) / 10);
    t.rows << QVariantList{QStringLiteral("coverage"), QVariant(), QVariant(), QVariant(), QVariant(), QVariant(),
                           pct(coverage), QVariant(), QVariant(), QVariant(), countedMonths(months)};
    return t;
}

QList<analytics::ReportInfo> makeReports()
{
    using analytics::ReportInfo;
    return {
        ReportInfo{QStringLiteral("winprob"),
                   QStringLiteral("win probability of every open deal as of --now: the explainable product with each factor "
                                  "and its reason, and the learned model's"),
                   winprobReport},
        ReportInfo{QStringLiteral("winmodel"),
                   QStringLiteral("the learned win model on held-out deals (the latest 20 % closed): AUC, Brier, Brier skill "
                                  "against the stage-rate baseline, calibration in 10 bins"),
                   winmodelTable},
        ReportInfo{QStringLiteral("forecast"),
                   QStringLiteral("Monte-Carlo forecast of deals won in --period as of --now: P10/P50/P90, confidence, "
                                  "probability of the target (--target or the company target), reasons [--seed N]"),
                   forecastTable},
        ReportInfo{QStringLiteral("backtest"),
                   QStringLiteral("for each month of --period (default: the 12 months before --now, or before the end of a history that "
                                  "ended over 60 days before it) the forecast made at "
                                  "its start against what was won, accuracy and P10-P90 band coverage [--seed N]"),
                   backtestReport},
    };
}
} // namespace

const QList<analytics::ReportInfo> &forecastReports()
{
    static const QList<analytics::ReportInfo> all = makeReports();
    return all;
}

const analytics::ReportInfo *findForecastReport(const QString &name)
{
    for (const analytics::ReportInfo &r : forecastReports())
        if (r.name == name)
            return &r;
    return nullptr;
}

} // namespace cockpit::forecast
