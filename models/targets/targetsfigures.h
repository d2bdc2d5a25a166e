#pragma once
// What the Targets tab of the Targets & Forecast screen asks the FigureService for: the scope's
// period mapped to one that has targets, and the function that computes its TargetsView (and
// the org tree it was read with) on a worker's read connection, so ui/ never names one.
//
// Periods: targets exist per month, quarter and year. A week shows the targets of the month
// holding its first day and a year to date those of its year, each with a note saying so; a
// custom range has no targets (targetsPeriod() refuses it with a message).
#include "analytics/figureservice.h"
#include "analytics/orgunits.h"
#include "targets/targetdata.h"

#include <QDate>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QSqlDatabase;

namespace cockpit::targets {

// The period whose targets `shown` is looked at through; nullopt with *error (translated) for a
// custom range. *note: "" or why the period differs from `shown`.
std::optional<analytics::Period> targetsPeriod(const analytics::Period &shown, QString *note, QString *error);

struct TargetsFigures
{
    QString note; // targetsPeriod()'s note for the period shown
    QDate asOfDay;
    TargetsView view;
    analytics::OrgUnits units;
};
// Shared with the screen, which updates the tree in place after an edit (GUI thread only: the
// worker hands it over and keeps no reference).
using TargetsFiguresPtr = std::shared_ptr<TargetsFigures>;

// Computes the figures of the period whose targets `shown` is looked at through
// (targetsPeriod()), as of `asOfDay`; throws analytics::QueryError with targetsPeriod()'s
// message for a custom range, and like computeTargets().
std::function<TargetsFiguresPtr(QSqlDatabase)> targetsFigures(const analytics::Period &shown, QDate asOfDay,
                                                              const TargetSettings &s = {});
// The same on `service`'s workers on `channel` (ui/ cannot instantiate FigureService::compute,
// which names the connection). `kept` non-null: handed back unchanged instead, since the
// figures do not depend on the org unit (an org change re-filters the ones shown).
QFuture<TargetsFiguresPtr> requestTargetsFigures(analytics::FigureService &service,
                                                 analytics::FigureService::Channel channel,
                                                 const analytics::Period &shown, QDate asOfDay,
                                                 const TargetsFiguresPtr &kept = {}, const TargetSettings &s = {});

} // namespace cockpit::targets
