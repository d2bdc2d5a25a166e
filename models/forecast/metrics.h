#pragma once
// How good a probability is, measured on deals whose outcome is known. Pure functions.
#include <vector>

namespace cockpit::forecast {

// Area under the ROC curve: the chance that a random won deal scores above a random lost one,
// ties counting one half (rank-sum with mid-ranks). NaN when either class is empty.
double auc(const std::vector<double> &score, const std::vector<int> &won);
// Mean of (p − y)²; NaN when empty.
double brier(const std::vector<double> &p, const std::vector<int> &won);
// 1 − brier(model) / brier(baseline): > 0 is better than the baseline, 0 equal, < 0 worse.
// NaN when the baseline's score is 0 or either is NaN.
double brierSkill(double model, double baseline);

struct CalibrationBin
{
    double lower = 0, upper = 0; // [lower, upper); the last bin includes 1
    int n = 0;
    double meanPredicted = 0, observed = 0; // 0 when n = 0
};
// `bins` equal-width bins over [0, 1].
std::vector<CalibrationBin> calibration(const std::vector<double> &p, const std::vector<int> &won, int bins = 10);

} // namespace cockpit::forecast
