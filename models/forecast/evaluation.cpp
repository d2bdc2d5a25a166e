#include "forecast/evaluation.h"
#include "forecast/winprob.h"

#include <algorithm>
#include <limits>

namespace cockpit::forecast {

qint64 splitDay(const std::vector<Deal> &deals, double testShare)
{
    std::vector<qint64> days;
    for (const Deal &d : deals)
        if (d.closed())
            days.push_back(d.closedDay);
    if (days.empty())
        return 0;
    std::sort(days.begin(), days.end());
    const auto i = std::size_t(double(days.size()) * (1.0 - testShare));
    return days[std::min(i, days.size() - 1)];
}

ModelEvaluation evaluateSplit(const DealSet &set, qint64 cutoffDay, WinModel &model, const LogisticOptions &o)
{
    ModelEvaluation e;
    e.cutoffDay = cutoffDay;
    constexpr qint64 kAll = std::numeric_limits<qint64>::max();
    const std::vector<Example> train = examplesOf(set.deals, std::numeric_limits<qint64>::min(), cutoffDay);
    const std::vector<Example> test = examplesOf(set.deals, cutoffDay, kAll);
    model.train(set.deals, train, set.amountLeaks, o, set.outcomeWritten);
    e.trainExamples = int(train.size());
    e.testExamples = int(test.size());
    QHash<int, Count> stageRate;
    Count all;
    for (const Example &x : train) {
        const bool won = set.deals[x.deal].won();
        stageRate[x.stage].won += won;
        stageRate[x.stage].n += 1;
        all.won += won;
        all.n += 1;
    }
    const WinRates rates = learnRates(set.deals, cutoffDay, set.intentRecorded);
    std::vector<double> learned, baseline, explainable;
    std::vector<int> won;
    std::vector<char> seen(set.deals.size(), 0);
    for (const Example &x : test) {
        Deal d = set.deals[x.deal];
        e.testDeals += !seen[x.deal];
        seen[x.deal] = 1;
        d.stage = x.stage;
        learned.push_back(model.predict(d, x.stage));
        const Count s = stageRate.value(x.stage);
        baseline.push_back(s.n > 0 ? s.rate() : all.rate());
        explainable.push_back(winProbability(d, rates));
        won.push_back(d.won() ? 1 : 0);
    }
    e.auc = auc(learned, won);
    e.brier = brier(learned, won);
    e.brierBaseline = brier(baseline, won);
    e.brierSkill = brierSkill(e.brier, e.brierBaseline);
    e.aucExplainable = auc(explainable, won);
    e.brierExplainable = brier(explainable, won);
    e.skillExplainable = brierSkill(e.brierExplainable, e.brierBaseline);
    e.calibration = calibration(learned, won, 10);
    return e;
}

} // namespace cockpit::forecast
