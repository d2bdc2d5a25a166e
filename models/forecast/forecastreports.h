#pragma once
// `sales-cockpit report winprob|winmodel|forecast|backtest`: the forecast's figures as tables.
// Kept apart from analytics/reports.cpp (cockpit_analytics cannot link this library, which
// builds on it); the command line asks both registries.
#include "analytics/reports.h"

namespace cockpit::forecast {

const QList<analytics::ReportInfo> &forecastReports();
const analytics::ReportInfo *findForecastReport(const QString &name);

} // namespace cockpit::forecast
