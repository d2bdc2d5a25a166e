#pragma once
// The correlation sandbox (DESIGN.md §5 "Process"): a process metric per rep against the
// rep's win rate, the least-squares line y = slope × x + intercept, R² and n. Fewer than 3
// points, or x or y without variance, is "not enough data" (no NaN leaves here).
#include <QString>
#include <QVector>

#include <optional>

namespace cockpit::targets {

struct LineFit
{
    int n = 0;
    bool enoughData = false;
    double slope = 0, intercept = 0, r2 = 0;
    QString reason; // translated, when not enough data
};
// Pairs where either value is missing are dropped before fitting.
LineFit fitLine(const QVector<std::optional<double>> &xs, const QVector<std::optional<double>> &ys);

} // namespace cockpit::targets
