#pragma once
// The five KPI baseline tiles of the cockpit (效能基线, DESIGN.md §5): each a value for the
// scope (period × org) judged against its healthy threshold and the industry mean, with the
// numerator / denominator behind it and a drill-down to the rows. Thresholds are settings of
// the database (`kpi.<key>.healthy`, `kpi.<key>.industry`) with the defaults of DESIGN.md.
//
// The exact definitions (also in each tile's `definition`, shown as its tooltip):
// - followup: for leads open at any time in the period, the mean gap in days between
//   consecutive sales actions. A lead's window is [max(period start, created), min(period
//   end, closed, now)]; its sales actions inside cut it into gaps, the first from the window's
//   start (time before the period never counts), the last up to the window's end.
//   Σ gap days / number of gaps over all leads.
// - actions: effective actions (a call ≥ 30 s, a visit, meeting, demo or quote sent, or a
//   WeChat message / email the customer answered within 48 h — activities.reply_to) by sales
//   reps in scope, divided by rep-days: for every sales rep in scope, the Monday–Friday days
//   of the period on which they were employed, up to yesterday (today is not over yet).
// - newhire: won / (won + lost) over deals owned by reps hired in the 12 months up to the
//   period's last day (or today) and closed within 30 days of the rep's hire date; only deals
//   closed before the period's end (or now) count.
// - forecast: the mean over the last 3 full months (up to the period's end, before today's
//   month) of 1 − |actual − forecast| / actual, where forecast = the month's snapshot taken
//   at its start (the latest taken on or before its first day, else the earliest), as it
//   stood then: the old value of its earliest revision when it has revisions, else its value;
//   actual = collections (payments.paid_on) in that month, floored at 0. A month with no
//   collections has no accuracy; a month off by more than 100 % counts as 0 %.
// - store: receptions / staff on duty per store-day, averaged over the store-days of the
//   period (store-days with no staff are left out). Stores belong to regions and cities, so
//   the tile has no data at team or rep level.
#include "analytics/datatable.h"
#include "analytics/rag.h"
#include "analytics/scope.h"

#include <QDateTime>
#include <QVector>

class QSqlDatabase;

namespace cockpit::analytics {

enum class Direction { HigherIsBetter, LowerIsBetter };

struct KpiThreshold
{
    double healthy = 0;
    double industry = 0;
};

struct KpiSettings
{
    KpiThreshold followUp{7.2, 11.3};  // days, lower is better
    KpiThreshold actions{8.1, 4.7};    // effective actions per rep per day
    KpiThreshold newHire{38.0, 22.0};  // %
    KpiThreshold forecast{72.0, 54.6}; // %
    KpiThreshold store{12.6, 9.4};     // receptions per staff per day
    int effectiveCallSeconds = 30;
    int replyWithinHours = 48;

    // Reads `kpi.followup.healthy`, `kpi.followup.industry`, … `kpi.store.industry`,
    // `kpi.effective_call_seconds`, `kpi.reply_within_hours`; defaults where absent or bad.
    static KpiSettings load(QSqlDatabase db);
};

// A number stored in the settings table, or `fallback` when absent or not a number.
double numericSetting(QSqlDatabase db, const QString &key, double fallback);

struct KpiTile
{
    QString key;   // followup, actions, newhire, forecast, store
    QString label; // translated
    QString unit;  // translated: "days", "per rep-day", "%", "groups"
    bool hasData = false;
    double value = 0;
    Direction direction = Direction::HigherIsBetter;
    double healthy = 0, industry = 0;
    Rag rag = Rag::Grey;
    double numerator = 0, denominator = 0;
    QString numeratorLabel, denominatorLabel; // translated: "gap days", "gaps"
    int sample = 0;                            // leads, reps, deals, months, store-days
    QString sampleLabel;                       // translated: "leads"
    QString definition;                        // translated, the exact rule
    QString note;                              // why there is no data, which months …
};

// Green = meets healthy; Yellow = misses it but no worse than the industry mean; Red = worse
// than the industry mean; Grey = no data.
Rag kpiRag(bool hasData, double value, Direction direction, double healthy, double industry);

// "Now" matters: periods that are still running are cut at now (or at the start of today).
struct KpiRequest
{
    Scope scope;
    QDateTime now; // UTC
    KpiSettings settings;
};

class CockpitFacts;
// With `facts` (cockpitfacts.h, usable) the follow-up gaps and the effective actions are
// counted in memory; the numbers are the same as SQL's.
KpiTile followUpTile(QSqlDatabase db, const KpiRequest &req, const CockpitFacts *facts = nullptr);
KpiTile effectiveActionsTile(QSqlDatabase db, const KpiRequest &req, const CockpitFacts *facts = nullptr);
KpiTile newHireTile(QSqlDatabase db, const KpiRequest &req);
KpiTile forecastTile(QSqlDatabase db, const KpiRequest &req);
KpiTile storeTile(QSqlDatabase db, const KpiRequest &req);
// All five, in the order of DESIGN.md §5.
QVector<KpiTile> computeKpis(QSqlDatabase db, const KpiRequest &req);

// The rows behind one tile (`key` as in KpiTile::key): leads with their gaps, the effective
// actions, the new-hire deals, the monthly forecast vs actual, the store-days.
DataTable kpiDrillDown(QSqlDatabase db, const KpiRequest &req, const QString &key);
// One row per tile: what `report kpi` prints and the CSV export writes.
DataTable kpiTable(const QVector<KpiTile> &tiles, const QString &title);

// Helpers (public for tests): the months the forecast tile averages, oldest first (first
// days), and the rep-days of one rep in [first, last] (Monday–Friday while employed).
QVector<QDate> forecastMonths(const Period &period, QDate today);
int repWorkingDays(QDate first, QDate last, QDate hired, QDate left);

} // namespace cockpit::analytics
