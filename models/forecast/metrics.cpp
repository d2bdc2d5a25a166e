#include "forecast/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace cockpit::forecast {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double auc(const std::vector<double> &score, const std::vector<int> &won)
{
    const std::size_t n = std::min(score.size(), won.size());
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] < score[b]; });
    double rankSum = 0, pos = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && score[order[j]] == score[order[i]])
            ++j;
        const double midRank = (double(i) + double(j - 1)) / 2.0 + 1.0;
        for (std::size_t k = i; k < j; ++k) {
            if (won[order[k]]) {
                rankSum += midRank;
                pos += 1;
            }
        }
        i = j;
    }
    const double neg = double(n) - pos;
    if (pos == 0 || neg == 0)
        return kNaN;
    return (rankSum - pos * (pos + 1) / 2.0) / (pos * neg);
}

double brier(const std::vector<double> &p, const std::vector<int> &won)
{
    const std::size_t n = std::min(p.size(), won.size());
    if (n == 0)
        return kNaN;
    double s = 0;
    for (std::size_t i = 0; i < n; ++i)
        s += (p[i] - won[i]) * (p[i] - won[i]);
    return s / double(n);
}

double brierSkill(double model, double baseline)
{
    if (std::isnan(model) || std::isnan(baseline) || baseline == 0)
        return kNaN;
    return 1.0 - model / baseline;
}

std::vector<CalibrationBin> calibration(const std::vector<double> &p, const std::vector<int> &won, int bins)
{
    std::vector<CalibrationBin> out(std::size_t(std::max(bins, 1)));
    for (std::size_t b = 0; b < out.size(); ++b) {
        out[b].lower = double(b) / double(out.size());
        out[b].upper = double(b + 1) / double(out.size());
    }
    const std::size_t n = std::min(p.size(), won.size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto b = std::min(out.size() - 1, std::size_t(std::max(0.0, p[i]) * double(out.size())));
        out[b].n += 1;
        out[b].meanPredicted += p[i];
        out[b].observed += won[i];
    }
    for (CalibrationBin &b : out) {
        if (b.n > 0) {
            b.meanPredicted /= b.n;
            b.observed /= b.n;
        }
    }
    return out;
}

} // namespace cockpit::forecast
