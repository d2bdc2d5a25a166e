#include "targets/targetsfigures.h"

#include "targets/targetstext.h"

#include "analytics/query.h"

#include <QSqlDatabase>

namespace cockpit::targets {

using analytics::Period;
using analytics::PeriodKind;

std::optional<Period> targetsPeriod(const Period &shown, QString *note, QString *error)
{
    if (note)
        note->clear();
    switch (shown.kind) {
    case PeriodKind::Month:
    case PeriodKind::Quarter:
    case PeriodKind::Year: return shown;
    case PeriodKind::Week: {
        const Period month = Period::month(shown.first);
        if (note)
            *note = tr("Targets are set per month: week %1 shows the targets of %2.").arg(shown.label(), month.label());
        return month;
    }
    case PeriodKind::YearToDate: {
        const Period year = Period::year(shown.first);
        if (note)
            *note = tr("Targets are set per year: %1 shows the targets of %2.").arg(shown.label(), year.label());
        return year;
    }
    case PeriodKind::Custom: break;
    }
    if (error)
        *error = tr("Targets are set per month, quarter or year; %1 is a custom range. Pick a month, quarter or year "
                    "in the period box above.")
                     .arg(shown.label());
    return std::nullopt;
}

std::function<TargetsFiguresPtr(QSqlDatabase)> targetsFigures(const Period &shown, QDate asOfDay, const TargetSettings &s)
{
    return [shown, asOfDay, s](QSqlDatabase db) {
        auto f = std::make_shared<TargetsFigures>();
        QString error;
        const std::optional<Period> period = targetsPeriod(shown, &f->note, &error);
        if (!period)
            throw analytics::QueryError(error);
        f->asOfDay = asOfDay;
        f->units = analytics::loadOrgUnits(db);
        f->view = computeTargets(db, *period, asOfDay, f->units, s);
        return f;
    };
}

QFuture<TargetsFiguresPtr> requestTargetsFigures(analytics::FigureService &service,
                                                 analytics::FigureService::Channel channel, const Period &shown,
                                                 QDate asOfDay, const TargetsFiguresPtr &kept, const TargetSettings &s)
{
    if (kept)
        return service.compute<TargetsFiguresPtr>(channel, [kept](QSqlDatabase) { return kept; });
    return service.compute<TargetsFiguresPtr>(channel, targetsFigures(shown, asOfDay, s));
}

} // namespace cockpit::targets
