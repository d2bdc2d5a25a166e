#pragma once
// The learned model measured on deals it never saw: trained on deals closed before a cut-off
// day, tested on deals closed on or after it (examplesOf: one example per stage reached).
// The baseline is the training period's win rate of the example's stage (overall rate for a
// stage it never saw); the explainable model is scored on the same examples with its rates
// learned before the cut-off.
#include "forecast/logistic.h"
#include "forecast/metrics.h"

namespace cockpit::forecast {

struct ModelEvaluation
{
    qint64 cutoffDay = 0;
    int trainExamples = 0, testExamples = 0, testDeals = 0;
    double auc = 0, brier = 0, brierBaseline = 0, brierSkill = 0;
    double aucExplainable = 0, brierExplainable = 0, skillExplainable = 0;
    std::vector<CalibrationBin> calibration; // the learned model on the test examples
};

// The day that leaves `testShare` of the closed deals (by close day) on or after it.
qint64 splitDay(const std::vector<Deal> &deals, double testShare = 0.2);
// Trains `model` on deals closed before `cutoffDay` and measures it on those closed after.
ModelEvaluation evaluateSplit(const DealSet &set, qint64 cutoffDay, WinModel &model, const LogisticOptions &o = {});

} // namespace cockpit::forecast
