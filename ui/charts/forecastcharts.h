#pragma once
// The Forecast tab's two charts, each a QChartView that redraws from figures made in models/
// (forecast/forecastview.h) and saves itself as PNG from its context menu:
// * FanChart: per month, the P10–P90 band and P50 (past months: the backtest's forecast made
//   at the month's start; this and the coming months: the forecast now), the actual won and
//   the month target;
// * CalibrationChart: the learned model's mean predicted probability against the observed
//   win share per bin of held-out deals, beside the diagonal of a perfect calibration.
#include "forecast/forecastview.h"

#include <QChartView>

namespace cockpit::ui {

class ForecastChartView : public QChartView
{
    Q_OBJECT
public:
    ForecastChartView(const QString &objectName, const QString &exportName, QWidget *parent = nullptr);
    void exportPng();

protected:
    QChart *freshChart(); // a new, empty chart (Qt Charts leaves stale axes on a reused one)

private:
    QString m_exportName;
};

class FanChart : public ForecastChartView
{
    Q_OBJECT
public:
    explicit FanChart(QWidget *parent = nullptr);
    void setMonths(const std::vector<forecast::FanMonth> &months, const QString &currency);
    // The y axis divides cents by this: millions; yuan in Chinese by 万, or by 亿 when the
    // largest value is 1亿 or more, as the tables beside it write amounts (the large demo's
    // months: "0–20 亿元", not "0–200000 万元").
    static double unitCents(double largestCents, bool chineseYuan);
};

class CalibrationChart : public ForecastChartView
{
    Q_OBJECT
public:
    explicit CalibrationChart(QWidget *parent = nullptr);
    void setBins(const std::vector<forecast::CalibrationBin> &bins);
    void clearWith(const QString &title);
};

} // namespace cockpit::ui
