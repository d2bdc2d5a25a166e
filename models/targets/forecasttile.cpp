#include "targets/forecasttile.h"
#include "targets/targetmath.h"
#include "targets/targetstext.h"
#include "domain/money.h"
#include "forecast/forecastview.h"

#include <QLocale>
#include <QSqlDatabase>

#include <cmath>

namespace cockpit::targets {

MoneyTile forecastTile(const forecast::ForecastView &v)
{
    MoneyTile t;
    t.key = QStringLiteral("forecast");
    t.label = tr("Forecast (P50)");
    t.definition = tr("The median of %1 simulated outcomes of the period: what is already won, plus each open deal won "
                      "with its win probability and closing inside the period as its history suggests (the Forecast "
                      "tab's figure). Against the unit's target: ≥ 90 % green, 70–89 % yellow, < 70 % red.")
                       .arg(QLocale().toString(v.sim.draws));
    t.count = v.sim.dealsInPeriod;
    t.countLabel = tr("open deals in the period");
    t.cents = v.sim.p50;
    t.hasData = true;
    t.targetCents = v.targetCents;
    if (v.targetCents > 0) {
        t.pct = attainmentPct(v.sim.p50, v.targetCents);
        t.colour = attainmentColour(v.sim.p50, v.targetCents);
    }
    const QLocale locale;
    t.note = tr("P10–P90 %1–%2, confidence %3 %").arg(formatMoney(v.sim.p10, v.currency, locale),
                                                      formatMoney(v.sim.p90, v.currency, locale))
                 .arg(std::lround(v.sim.confidence * 100));
    if (v.historical)
        t.note += QLatin1Char(' ') + tr("(forecast as of %1, the day after this file's deals end)")
                                         .arg(locale.toString(analytics::dayDate(v.asOfDay), QLocale::ShortFormat));
    return t;
}

forecast::ForecastView cockpitForecast(QSqlDatabase db, const analytics::Scope &scope, qint64 nowSecs)
{
    return forecast::computeForecastView(db, *forecast::sharedForecastCache(), scope, nowSecs, 1,
                                         forecast::ForecastParts::WithoutModel);
}

MoneyTile computeForecastTile(QSqlDatabase db, const analytics::Scope &scope, qint64 nowSecs)
{
    return forecastTile(cockpitForecast(db, scope, nowSecs));
}

std::function<MoneyTile(const QSqlDatabase &)> forecastTileFigure(const analytics::Scope &scope, qint64 nowSecs)
{
    return [scope, nowSecs](QSqlDatabase db) { return computeForecastTile(db, scope, nowSecs); };
}

} // namespace cockpit::targets
