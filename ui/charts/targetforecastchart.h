#pragma once
// The Targets tab's rolling 6-month forecast (targets/rollingforecast.h) for one org unit:
// the 6 complete months of collections it starts from (months the model clips as outliers
// marked with the value it used), the weighted-moving-average forecast of the next 6 months
// as a line, and the month targets as bars. The tooltip explains the weights.
#include "targets/targetdata.h"

#include <QChartView>

namespace cockpit::ui {

class TargetForecastChart : public QChartView
{
    Q_OBJECT
public:
    explicit TargetForecastChart(QWidget *parent = nullptr);

    // Shows `row` (its history6, forecastByMonth, targetByMonth) of `name`; the months of the
    // forecast are `months` (the history: the 6 before the first).
    void setRow(const QString &name, const targets::TargetRow &row, const QVector<QDate> &months);
    void clear(const QString &message);
    // The months whose collections the model clipped (indices into history6) and the values
    // used instead, in cents.
    const QVector<QPair<int, qint64>> &smoothed() const { return m_smoothed; }

private:
    QVector<QPair<int, qint64>> m_smoothed;
};

} // namespace cockpit::ui
