#pragma once
// The touchpoint heat map (DESIGN.md §5, "Lead touchpoint heat map"): time buckets × {sales
// action, customer response, cross-department} (activities.direction 'sales' / 'customer' /
// 'cross'), coloured by activity count, with the cold zones (冷区) where neither the rep nor
// the customer did anything for `cold_days` days (default 3 = the 72 h silence rule).
//
// Buckets are company days (UTC+8). A span of up to kMaxDayBuckets days is shown by day,
// a longer one by ISO week (Monday..Sunday), the first and last week clipped to the span so
// every bucket's count is exactly the activities between its first and last day.
//
// Cold zones are found on days, whatever the bucket size, so a week bucket may hold the
// start or the end of a zone; `ColdZone` carries the days, the widget places them.
// Only observed days count: for a lead from its creation to its close (or "now"), for a
// portfolio the period's days up to "now" (the future is not silence).
//
// SQL: one GROUP BY (company day, direction) on idx_activities_by_lead (one lead, or the
// leads of an org unit, iterated from the leads' org index) or idx_activities_at (the whole
// company); buckets and zones are then small in-memory math over at most a few hundred days.
#include "analytics/datatable.h"
#include "analytics/scope.h"

#include <QDate>
#include <QVector>

#include <array>
#include <optional>

class QSqlDatabase;

namespace cockpit::analytics {

inline constexpr int kTouchRows = 3;        // sales, customer, cross
inline constexpr int kMaxDayBuckets = 45;   // longer spans are bucketed by week
inline constexpr int kDefaultColdDays = 3;  // 72 h silence
inline constexpr int kMaxDrillRows = 20000; // a drill-down lists at most this many activities

enum class TouchRow { Sales = 0, Customer = 1, Cross = 2 };
QString touchRowKey(int row);   // "sales", "customer", "cross" (activities.direction)
QString touchRowLabel(int row); // translated: "Sales action", "Customer response", "Cross-department"
int touchRowFromKey(const QString &direction); // -1 when unknown

enum class BucketSize { Day, Week };
BucketSize bucketSizeFor(int days); // Day when days <= kMaxDayBuckets

struct TouchBucket
{
    QDate first, last; // company days, inclusive
    std::array<int, kTouchRows> counts{};
    bool future = false; // after the last observed day: no data yet (drawn as such)
};

struct ColdZone
{
    QDate first, last; // company days, inclusive
    int firstBucket = 0, lastBucket = 0;
    int days() const { return int(first.daysTo(last)) + 1; }
};

// Daily counts, the input of the pure part: day → counts per row.
struct DayCount
{
    QDate day;
    int row = 0;
    int count = 0;
};

struct TouchpointGrid
{
    BucketSize size = BucketSize::Day;
    QDate first, last;   // the span shown
    QDate lastObserved;  // days after it are the future (no zones, drawn as "no data")
    int coldDays = kDefaultColdDays;
    QVector<TouchBucket> buckets;
    QVector<ColdZone> coldZones;

    bool isEmpty() const { return buckets.isEmpty(); }
    int maxCount() const;
    int total(int row) const;
    int bucketOf(QDate day) const; // -1 outside the span
    // Days of `bucket` inside a cold zone (0 when none).
    int coldDaysIn(int bucket) const;
};

// The pure part: buckets over [first, last] from daily counts (days outside are ignored),
// cold zones over [first, min(last, lastObserved)]. `size` nullopt = bucketSizeFor(span).
TouchpointGrid buildTouchpointGrid(QDate first, QDate last, QDate lastObserved, const QVector<DayCount> &days,
                                   int coldDays = kDefaultColdDays, std::optional<BucketSize> size = std::nullopt);
// Runs of consecutive days in [first, last] with no sales and no customer activity whose
// length is >= coldDays (bucket indices left 0).
QVector<ColdZone> findColdZones(QDate first, QDate last, const QVector<DayCount> &days, int coldDays);

// What a grid is computed over: one lead, or the leads of an org scope over a period.
struct TouchpointSubject
{
    QString leadId;          // non-empty: one lead (its life: creation → close or now)
    Scope scope;             // otherwise: the leads in scope.org, over scope.period
    QString nowIso;          // "now", UTC ISO-8601 (the clock)
    std::optional<BucketSize> size; // nullopt = automatic

    static TouchpointSubject lead(const QString &id, const QString &nowIso);
    static TouchpointSubject portfolio(const Scope &scope, const QString &nowIso);
};

// settings 'touchpoints.cold_days' (1..365), kDefaultColdDays when absent or invalid.
int coldDaysSetting(QSqlDatabase db);

// The grid of `subject` (cold days from the settings unless `coldDays` > 0). Throws
// QueryError (also when the lead does not exist).
TouchpointGrid computeTouchpoints(QSqlDatabase db, const TouchpointSubject &subject, int coldDays = 0);

// The activities behind one cell: `row` (direction) between `first` and `last` (company
// days, inclusive), in `subject`. Columns: at_local (Beijing time), kind, direction, actor,
// lead_id, customer, duration_seconds, text; key lead_id (keyKind "lead"). At most
// kMaxDrillRows rows, the newest first; the title says when more exist.
DataTable touchpointActivities(QSqlDatabase db, const TouchpointSubject &subject, int row, QDate first, QDate last);

// The grid as a table, one row per bucket: bucket_start, bucket_end, sales, customer, cross,
// cold (0/1: any day of the bucket in a cold zone), cold_days. What `report touchpoints` prints.
DataTable touchpointTable(const TouchpointGrid &grid, const QString &title);

} // namespace cockpit::analytics
