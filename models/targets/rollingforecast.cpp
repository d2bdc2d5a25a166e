#include "targets/rollingforecast.h"
#include "analytics/teamhealth.h"
#include "targets/targetmath.h"
#include "targets/targetstext.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace cockpit::targets {

QVector<double> winsorise(const QVector<double> &values, double k)
{
    if (values.isEmpty())
        return values;
    const double med = *analytics::median(values);
    QVector<double> dev;
    for (double v : values)
        dev << std::abs(v - med);
    const double mad = *analytics::median(dev);
    if (mad <= 0)
        return values;
    QVector<double> out;
    for (double v : values)
        out << std::clamp(v, med - k * mad, med + k * mad);
    return out;
}

QVector<qint64> rollingForecast(const QVector<qint64> &history, const ForecastSettings &s)
{
    QVector<qint64> out;
    if (history.isEmpty() || s.window < 1)
        return out;
    QVector<double> series;
    for (qint64 v : history.mid(std::max<qsizetype>(0, history.size() - s.window)))
        series << double(v);
    for (int h = 0; h < s.horizon; ++h) {
        const QVector<double> w = winsorise(series, s.madMultiplier);
        double num = 0, den = 0;
        for (int i = 0; i < w.size(); ++i) {
            num += w[i] * (i + 1);
            den += i + 1;
        }
        const qint64 next = std::max<qint64>(0, std::llround(num / den));
        out << next;
        series << double(next);
        if (series.size() > s.window)
            series.removeFirst();
    }
    return out;
}

CapacityGap capacityGap(qint64 collectedCents, int elapsedDays, int totalDays, qint64 targetCents, int activeReps,
                        int showDaysBefore)
{
    CapacityGap g;
    g.collectedCents = collectedCents;
    g.targetCents = targetCents;
    g.elapsedDays = elapsedDays;
    g.totalDays = totalDays;
    g.daysLeft = std::max(0, totalDays - elapsedDays);
    g.activeReps = activeReps;
    g.applies = g.daysLeft <= showDaysBefore;
    if (elapsedDays <= 0 || totalDays <= 0 || targetCents <= 0) {
        g.text = tr("Not enough data for the capacity gap: no day of the quarter has passed or there is no target.");
        return g;
    }
    g.enoughData = true;
    g.paceCents = qint64((__int128(collectedCents) * totalDays + elapsedDays / 2) / elapsedDays);
    g.gapCents = targetCents - g.paceCents;
    if (activeReps > 0)
        g.perRepPaceCents = g.paceCents / activeReps;
    if (g.gapCents <= 0) {
        g.text = tr("At the current pace the quarter makes its target with %1 to spare.").arg(moneyText(-g.gapCents));
    } else if (g.perRepPaceCents > 0) {
        g.moreReps = int((g.gapCents + g.perRepPaceCents - 1) / g.perRepPaceCents);
        g.text = tr("At the current pace the quarter misses by %1; about %n more reps' worth of pipeline.", nullptr,
                    *g.moreReps)
                     .arg(moneyText(g.gapCents));
    } else {
        g.text = tr("At the current pace the quarter misses by %1.").arg(moneyText(g.gapCents));
    }
    g.arithmetic = tr("pace = %1 collected / %2 days elapsed × %3 days = %4; gap = target %5 − pace = %6; "
                      "per active rep = %4 / %7 reps = %8")
                       .arg(moneyText(collectedCents))
                       .arg(elapsedDays)
                       .arg(totalDays)
                       .arg(moneyText(g.paceCents), moneyText(targetCents), moneyText(g.gapCents))
                       .arg(activeReps)
                       .arg(moneyText(g.perRepPaceCents));
    return g;
}

} // namespace cockpit::targets
