#pragma once
// The cockpit's forecast tile (issue 14: "attainment against target and the P50 forecast"):
// the P50 of the period's Monte-Carlo forecast of deals won — the Forecast tab's own figure,
// computed through the same process-wide cache (forecast/forecastview.h), so the two never
// differ — against the unit's target, coloured as attainment is (≥ 90 % green, 70–89 %
// yellow, < 70 % red). Its rows are the unit's open deals with their win probability.
#include "targets/moneytiles.h"

namespace cockpit::forecast {
struct ForecastView;
}

namespace cockpit::targets {

// Pure: the tile of a forecast view.
MoneyTile forecastTile(const forecast::ForecastView &v);
// The view behind it, for `scope` as of `nowSecs` (seed 1, without the learned model).
forecast::ForecastView cockpitForecast(QSqlDatabase db, const analytics::Scope &scope, qint64 nowSecs);

// The tile of `scope` as of `nowSecs` (throws analytics::QueryError).
MoneyTile computeForecastTile(QSqlDatabase db, const analytics::Scope &scope, qint64 nowSecs);

// For FigureService::compute.
std::function<MoneyTile(const QSqlDatabase &)> forecastTileFigure(const analytics::Scope &scope, qint64 nowSecs);

} // namespace cockpit::targets
