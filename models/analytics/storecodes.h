#pragma once
// Stores — the four-colour health code (四色健康码, DESIGN.md §5). Per store and dimension and
// per day: staff efficiency 人效 (receptions / staff), product exposure 货效, dwell 场效 and
// conversion 转化 (deals within 72 h / experiences), each judged against its target and red
// line:
//   green  = meets the target (value >= target; exactly at the target is green);
//   yellow = below the target but not below the red line (exactly at the red line is yellow);
//   orange = below the red line, but not yet on `days` consecutive days;
//   red    = below the red line on `days` consecutive days up to and including the day judged
//            (a day without data breaks the run);
//   grey   = no data that day (conversion: no experiences that day — nothing to convert).
// Conversion's red line "an experience with no deal within 72 h" is read per store-day:
// experiences > 0 and deals_72h = 0 on that day. Only staff efficiency names a day count (3);
// the others default to 1 (crossing is already red). All are settings (`stores.*` keys).
// A store's code is its worst dimension.
//
// computeStoreCodes() judges every store of the scope as of the last day of the period that
// has data (<= period end) — one day for all, so a store without data that day is grey — and
// the 30 days up to it (the colour strip). One SQL query for the stores, one for the days.
#include "analytics/datatable.h"
#include "analytics/rag.h"
#include "analytics/scope.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>

#include <array>
#include <optional>

class QSqlDatabase;

namespace cockpit::analytics {

enum class StoreDimension { Staff = 0, Exposure = 1, Dwell = 2, Conversion = 3 };
inline constexpr int kStoreDimensions = 4;
inline constexpr int kStripDays = 30;

QString storeDimensionKey(StoreDimension d);   // "staff", "exposure", "dwell", "conversion"
QString storeDimensionLabel(StoreDimension d); // translated "Staff efficiency 人效"…

struct StoreThresholds
{
    double staffTarget = 12.0;       // receptions per staff per day
    double staffRed = 8.0;
    int staffDays = 3;
    double exposureTargetPct = 90.0; // main-product exposure %
    double exposureRedPct = 70.0;
    int exposureDays = 1;
    double dwellTargetMin = 3.2;     // average dwell minutes
    double dwellRedMin = 2.5;
    int dwellDays = 1;
    double conversionTargetPct = 18.0; // deals within 72 h / experiences
    int conversionDays = 1;

    int days(StoreDimension d) const;
    int maxDays() const;
    bool operator==(const StoreThresholds &) const = default;
};

// Reads the "stores.*" settings (missing → default; a bad value keeps the default and adds a
// message naming key and value to *problems). Keys: stores.staff_target, stores.staff_red,
// stores.staff_days, stores.exposure_target_pct, stores.exposure_red_pct, stores.exposure_days,
// stores.dwell_target_min, stores.dwell_red_min, stores.dwell_days,
// stores.conversion_target_pct, stores.conversion_days.
StoreThresholds loadStoreThresholds(QSqlDatabase db, QStringList *problems = nullptr);
QStringList storeThresholdKeys();

// One store-day as stored (exposure in basis points, dwell in seconds).
struct StoreDay
{
    QDate day;
    int staff = 0, receptions = 0, exposureBp = 0, dwellSeconds = 0, experiences = 0, deals72h = 0;
};

// How one day compares with one dimension's target and red line, ignoring persistence.
enum class DayLevel { NoData, MeetsTarget, BelowTarget, BelowRedLine };
DayLevel dayLevel(const StoreDay &d, StoreDimension dim, const StoreThresholds &t);
// The dimension's value that day: groups per staff, exposure %, dwell minutes, conversion %;
// nullopt when there is no data for it (no staff, no experiences).
std::optional<double> dayValue(const StoreDay &d, StoreDimension dim);

// The colour of `dim` as of `asOf`, given a store's days (any order; at most one per day).
Rag dimensionColour(const QVector<StoreDay> &days, QDate asOf, StoreDimension dim, const StoreThresholds &t);
// Worst dimension as of `asOf` (grey only if every dimension is grey).
Rag storeColour(const QVector<StoreDay> &days, QDate asOf, const StoreThresholds &t);

struct StoreCode
{
    QString storeId, name, regionId, regionName, cityId, cityName;
    QString globalId;                            // the store's UUID, for exports (storage/keys.h)
    std::optional<StoreDay> day;                 // the judged day's data
    std::array<Rag, kStoreDimensions> colours{}; // per dimension as of the judged day
    std::array<std::optional<double>, kStoreDimensions> values{};
    Rag overall = Rag::Grey;
    std::array<Rag, kStripDays> strip{};         // overall code per day, oldest first
    std::array<std::optional<StoreDay>, kStripDays> stripDays{};
    int daysRed = 0;                             // red days among the 30 of the strip
    // For each orange or red dimension: the action pushed (translated) and, for staff
    // efficiency, the nearby high-performing store it names.
    std::array<QString, kStoreDimensions> actions{};
    QString peerStoreId, peerStoreName;
};

struct StoreCodes
{
    Scope scope;
    QDate asOf;         // the day judged (invalid: no data in the period)
    QString scopeNote;  // e.g. "Stores of 上海, the city of team 上海一组" (empty for company/region/city)
    StoreThresholds thresholds;
    QVector<StoreCode> stores; // sorted: worst code first, then region, city, name
    std::array<int, 5> countByColour{}; // index = int(Rag)
    const StoreCode *find(const QString &storeId) const;
};

// Every store of `scope` with its code (throws QueryError). Team and rep scopes mean the
// stores of that team's / rep's city (reps and teams do not own stores).
StoreCodes computeStoreCodes(QSqlDatabase db, const Scope &scope, const StoreThresholds &t);

// Great-circle distance in km between two cities of the built-in table (the demo's cities
// and the mainland's other large ones; "广州" or "广州市"); nullopt when either is unknown.
std::optional<double> cityDistanceKm(const QString &a, const QString &b);

// The action pushed for a dimension at orange/red (translated); `peer` names the nearby
// high-performing store for staff efficiency ("" → says none was found).
QString storeAction(StoreDimension dim, const QString &peer);

// Table outputs: the grid (report `stores`) and the store-days behind one store's code
// (the `days` days up to `asOf`; keyKind "store").
DataTable storeCodesTable(const StoreCodes &codes);
DataTable storeDaysTable(QSqlDatabase db, const QString &storeId, QDate from, QDate to, const StoreThresholds &t);

} // namespace cockpit::analytics
