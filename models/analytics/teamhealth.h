#pragma once
// Rep and team health (DESIGN.md §5 "Reps and teams", "Process"): key-action completion and
// the process-health light, customer health (8 dimensions), cross-sell, collaboration, PEI,
// response time, the composite sales-health score with its dynamic weights, the radar's
// normalised values and standard-action coverage with its monthly trend.
//
// Definitions (the period P and org scope come from the Scope; asOf = min(P's end, now)):
// - Key-action completion = actions done / actions expected over the stage exits in P (a
//   stage_history row leaving stage S with `at` in P). Expected = S's standard_actions
//   ('|'-separated activity kinds); done = a sales action (direction 'sales': a customer's
//   own call or message is not the rep's) of that kind on the lead with entered(S) <= at <
//   left(S), entered = the lead's previous stage move (storage/exitactions.h).
//   An exit belongs to the lead's owner. Light: > 90 % green, 70–90 % yellow, < 70 % red
//   (exactly 90 → yellow, exactly 70 → yellow); no exit → grey. Red lists the top-3 missing
//   kinds (most often missing; ties by kind name).
// - PEI = completed must-do tasks / required over the rep-weeks of P: a week belongs to the
//   period that holds its Monday (a week straddling P's end counts in P whole) and is judged
//   once it has ended by now; it counts for a rep employed on all five of its working days.
//   Done = completed before the week's end (next Monday 00:00 company time). Required per
//   rep-week = max(12, tasks of that week); a week with no tasks still requires 12.
// - Response time = median minutes from leads.assigned_at (in P) to the lead's first sales
//   action (direction 'sales', at >= assigned_at, before asOf); leads never answered are
//   counted apart. Radar score: <= 5 min → 100, >= 480 min → 0, logarithmic between.
// - Customer health: see CustomerFacts / customerHealth(); a rep's = the mean over the
//   customers the rep owns (customers.owner_id) that have a score. Interaction recency is
//   the days since the last sales action with the customer, capped at 90 (scores 0).
// - Cross-sell = won revenue (orders ordered_on in P) outside the rep's main product line /
//   all the rep's won revenue in P (reps without a main line: no value).
// - Collaboration = (mean rating − 1) / 4 × 100 over the presales/delivery ratings in P.
// - Composite = f × S_new + (1 − f) × S_old, f = share of the rep's customers in their first
//   quarter (customer_since within 91 days before asOf, or not yet a customer);
//   S_new = 40 % compliance + 20 % customer health + 20 % cross-sell + 20 % collaboration,
//   S_old = 10 % compliance + 50 % customer health + 20 % cross-sell + 20 % collaboration
//   (the remaining 40 % split evenly). Missing figures drop out and the weights renormalise.
// - Coverage: a rep "executed the standard actions" in a month when their key-action
//   completion that month is green (> 90 %); coverage = such reps / active reps (employed
//   in the month and not left before its end) with at least one stage exit that month (reps with nothing to judge are counted
//   apart, as active reps). Target >= 85 %. Two monthly declines in a row (the last three months of
//   the trend strictly falling) → warning.
// - Who counts: see RepStanding. Reps who left are shown apart and pooled nowhere; reps with
//   too little data are shown apart but pooled in their team and the total (their work is real).
// - A team's figures pool its reps' counts (sums of numerators and denominators, the median
//   over all its reps' response times, the mean over all its reps' customers).
#include "analytics/query.h"
#include "analytics/orgunits.h"
#include "analytics/rag.h"
#include "analytics/scope.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <array>
#include <memory>
#include <optional>

class QSqlDatabase;

namespace cockpit::analytics {

// ---- settings --------------------------------------------------------------------------
enum class HealthDim { Nps, ServiceResponse, Fulfilment, Renewal, Punctuality, Complaints, Adoption, Recency };
inline constexpr int kHealthDims = 8;
QString healthDimKey(HealthDim d);   // "nps", "service_response", …
QString healthDimLabel(HealthDim d); // translated

struct TeamHealthSettings
{
    double greenAbovePct = 90, yellowFromPct = 70; // light thresholds
    int minTasksPerWeek = 12;
    double coverageTargetPct = 85;
    std::array<double, kHealthDims> healthWeights{1, 1, 1, 1, 1, 1, 1, 1}; // equal
    // Composite weights: {compliance, customer health, cross-sell, collaboration}.
    std::array<double, 4> weightsFirstQuarter{40, 20, 20, 20};
    std::array<double, 4> weightsLater{10, 50, 20, 20};
    double fastResponseMin = 5, slowResponseMin = 480; // radar scale of response time
    // Composite colour (DESIGN gives no bands: chosen here, shown in the tooltip): >= 80
    // green, >= 60 yellow, below red; never green with a missing or zero component.
    double compositeGreenFrom = 80, compositeYellowFrom = 60;
    // Who is ranked: an active rep needs at least this many stage exits in the period and to
    // have been employed on at least this share of its working days (up to now).
    int minExitsToRank = 5;
    double minEmployedShareToRank = 0.5;
};

// ---- pure formulas ---------------------------------------------------------------------
// The light of a completion percentage; Grey when nothing was expected.
Rag processLight(double completionPct, int expected, const TeamHealthSettings &s = {});
// Median; nullopt for an empty list (even count → mean of the two middle values).
std::optional<double> median(QVector<double> values);
// The `n` most frequent keys (count desc, then key asc).
QList<QPair<QString, int>> topMissing(const QHash<QString, int> &missing, int n = 3);
// Required tasks of one rep-week.
int requiredTasks(int tasksOfWeek, const TeamHealthSettings &s = {});
// 0–100 radar score of a median response time in minutes.
double responseScore(double minutes, const TeamHealthSettings &s = {});
// (mean − 1) / 4 × 100 of ratings 1..5.
std::optional<double> collaborationScore(int ratings, qint64 ratingSum);
// The composite score; nullopt when all four inputs are missing.
std::optional<double> compositeScore(std::optional<double> compliancePct, std::optional<double> customerHealth,
                                     std::optional<double> crossSellPct, std::optional<double> collaboration,
                                     double firstQuarterShare, const TeamHealthSettings &s = {});
// The composite's colour: Grey without a score; green >= compositeGreenFrom, yellow >=
// compositeYellowFrom, else red; but never green when one of its components (compliance,
// customer health, cross-sell, collaboration) or the PEI is missing or zero (then yellow at
// best): a score that hides a hole is not a healthy score.
Rag compositeLight(std::optional<double> composite, const std::array<std::optional<double>, 5> &components,
                   const TeamHealthSettings &s = {});
// Monday–Friday days in [first, last] (0 when last < first or either is invalid).
int workingDays(QDate first, QDate last);

// Who counts (DESIGN §5 "Who counts"): a rep listed in a period is Ranked, or shown apart:
// Left (left before the period's end, or before today in the current period: the last
// counted day `lastDay`), or TooLittleData (employed on fewer than minEmployedShareToRank of
// the working days of [period start, lastDay], or fewer than minExitsToRank stage exits in
// the period: too few to judge key-action completion, and so the composite).
enum class RepStanding { Ranked, Left, TooLittleData };
QString repStandingKey(RepStanding s); // "ranked", "left", "too_little_data"
RepStanding repStanding(QDate hired, QDate left, const Period &period, QDate lastDay, int stageExits,
                        const TeamHealthSettings &s = {});

// True when the last three known values strictly fall twice in a row.
bool twoDeclines(const QVector<std::optional<double>> &trend);

// One customer's facts over the trailing 365 days before asOf (contracts and trials: all
// signed/started before asOf).
struct CustomerFacts
{
    std::optional<double> npsMean;          // surveys, 0–10
    std::optional<double> responseMinutes;  // tickets' mean first response
    std::optional<double> fulfilmentPct;    // contracts' mean fulfilment
    std::optional<double> renewalIntent;    // the latest-ending contract's renewal intent, 0–100
    int paymentsDue = 0, paymentsOnTime = 0; // due in the window; paid on or before due_on
    int tickets = 0, complaints = 0;
    int trials = 0, adopted = 0;
    std::optional<double> daysSinceInteraction; // since the last sales action before asOf (loader caps at 90)
};
struct CustomerHealth
{
    std::array<std::optional<double>, kHealthDims> dims; // each 0–100, nullopt = no data
    std::optional<double> score;                         // weighted mean of the present ones
};
// Scales: NPS mean × 10; service response <= 60 min → 100, >= 1440 → 0, linear; fulfilment
// and renewal as stored; punctuality on-time / due × 100; complaints 100 − 25 per complaint
// (floor 0; a customer with no ticket has no complaint → 100); adoption adopted / trials ×
// 100; recency <= 7 days → 100, >= 90 days → 0, linear.
CustomerHealth customerHealth(const CustomerFacts &facts, const TeamHealthSettings &s = {});

// ---- counts and figures of one rep or team ---------------------------------------------
struct KindCount
{
    int expected = 0, done = 0;
};

struct HealthCounts
{
    int exits = 0, actionsExpected = 0, actionsDone = 0;
    QHash<QString, KindCount> byKind; // action kind → expected / done
    int tasksRequired = 0, tasksDone = 0, tasksListed = 0, repWeeks = 0;
    QVector<double> responseMinutes;
    int leadsAssigned = 0, leadsUnanswered = 0;
    int customers = 0, customersScored = 0, customersFirstQuarter = 0;
    double healthSum = 0;
    std::array<double, kHealthDims> dimSum{};
    std::array<int, kHealthDims> dimCount{};
    qint64 wonCents = 0, crossSellCents = 0;
    int orders = 0;
    int ratings = 0;
    qint64 ratingSum = 0;

    void add(const HealthCounts &other);
};

enum class RadarAxis { Compliance, CustomerHealth, CrossSell, Collaboration, Pei, ResponseTime };
inline constexpr int kRadarAxes = 6;
QString radarAxisKey(RadarAxis a);
QString radarAxisLabel(RadarAxis a); // translated

struct HealthFigures
{
    std::optional<double> compliancePct, customerHealth, crossSellPct, collaboration, peiPct, responseMedianMin,
        composite;
    double firstQuarterShare = 0;
    Rag light = Rag::Grey;
    Rag compositeLight = Rag::Grey; // see compositeLight()
    QList<QPair<QString, int>> topMissing; // only for a red light
    std::array<std::optional<double>, kRadarAxes> radar; // 0–100, nullopt = no data
};
HealthFigures healthFigures(const HealthCounts &c, const TeamHealthSettings &s = {});

// ---- the computation over storage ------------------------------------------------------
struct HealthRow
{
    OrgUnit unit; // a rep (level Rep) or a team (level Team)
    HealthCounts counts;
    HealthFigures figures;
    // Reps only: ranked with the team or shown apart (repStanding()), the leave date, and
    // the working days employed of those counted in the period.
    RepStanding standing = RepStanding::Ranked;
    QDate left;
    int workingDaysEmployed = 0, workingDaysInPeriod = 0;
};

struct CoverageMonth
{
    QDate month; // first day
    int executed = 0, judged = 0, activeReps = 0;
    std::optional<double> pct;
};

struct TeamHealth
{
    Scope scope;
    QString asOfIso;
    // The reps employed at some time in the period within the scope, each with its standing
    // (ranked, or shown apart: never ranked with the active team); their teams and the
    // scope's total pool the reps who had not left (ranked and too-little-data ones).
    QVector<HealthRow> reps, teams;
    HealthRow total;                // the whole scope
    QVector<CoverageMonth> coverage; // 6 months, oldest first
    bool coverageWarning = false;
    int coverageExecuted = 0, coverageJudged = 0; // over the period
    std::optional<double> coveragePct;
    OrgUnits units;
};

// asOfIso = "now" (UTC ISO-8601); figures look at nothing after min(period end, now).
// Throws QueryError.
TeamHealth computeTeamHealth(QSqlDatabase db, const Scope &scope, const QString &asOfIso,
                             const TeamHealthSettings &s = {});

// How computeTeamHealth() gets its facts. The default is the plain SQL path (the reference,
// used by `report`). With a `cache`, the facts that do not depend on the scope are kept
// there per database file and data fingerprint (the file's and its WAL's size and
// modification time and the activity-log head): the stage exits of the whole company counted
// per company month (rep, day, stage, kinds seen) and the customers' last sales actions too, their
// health facts per effective end, so a period or org change only queries what it has not seen. With
// `parallel`, the facts not yet cached are loaded on two connections at once (the calling
// one and a second read connection on the same file). The figures are identical to the SQL
// path's.
class TeamHealthCache
{
public:
    TeamHealthCache();
    ~TeamHealthCache();
    TeamHealthCache(const TeamHealthCache &) = delete;
    TeamHealthCache &operator=(const TeamHealthCache &) = delete;
    void clear(); // forgets every fact in memory (the benchmark's cold run)
    // A folder (the user's cache) where the facts are kept between runs, keyed by a content
    // fingerprint of what they read (teamhealthfacts.h): the first refresh of a run reads
    // them back instead of loading them, when the data did not change. Written after the
    // first load of a run, on a thread of its own; the newest three files are kept.
    // Empty (the default): memory only.
    void setDiskDirectory(const QString &dir);
    // Returns once the facts being written to disk are (or at once).
    void waitForDisk();

    struct Data; // teamhealthcompute.cpp
    Data &data() const { return *m_data; }

private:
    std::unique_ptr<Data> m_data;
};

struct TeamHealthOptions
{
    TeamHealthCache *cache = nullptr;
    bool parallel = false;
    Alongside alongside; // how the second connection is had (the FigureService's); empty: runAlongside()
    // false: no coverage trend (`coverage` empty, no warning), so the stage exits are the
    // period's alone. What the Performance and Correlation figures read (every rep's and
    // team's figure is the same either way). With a cache whose slabs hold the period's
    // months, nothing before the period is loaded; when a month of the period is missing,
    // the window's other months load with it as before (they share the leads' owners read,
    // and the next period change and the Team screen read them).
    bool coverage = true;
};
TeamHealth computeTeamHealth(QSqlDatabase db, const Scope &scope, const QString &asOfIso,
                             const TeamHealthSettings &s, const TeamHealthOptions &options);

// The effective end of the period: min(period end, now), as UTC ISO-8601.
QString effectiveEndUtc(const Period &period, const QString &asOfIso);

} // namespace cockpit::analytics
