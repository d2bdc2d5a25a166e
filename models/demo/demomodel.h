#pragma once
// Internal: the in-memory model of the demo company while it is being generated, shared by
// the phase files (demoorg.cpp, demoleads.cpp, demoactivities.cpp, demosales.cpp,
// demoplanning.cpp, demostores.cpp). Not installed, not part of the API.
#include "demo/demodb.h"
#include "demo/demogenerator.h"
#include "demo/demorng.h"
#include "demo/demotime.h"

#include <QElapsedTimer>

#include <array>
#include <vector>

namespace cockpit::demo::detail {

using cockpit::demo::Id; // demodb.h

struct ScaleSpec
{
    const char *name;
    int regions;
    int cities;
    int reps;
    int customers;
    int leads;
    int activities;
    int stores;
    int storeDays;
    int dupTouchCustomers; // signal 4
    int complianceReps;    // signal 5
};
ScaleSpec specFor(Scale scale);

enum class Role { Director, RegionalManager, TeamLead, Sales, Presales, Legal, Delivery, Csm, Marketing, StoreManager };
const char *roleCode(Role r);

struct Region
{
    Id id;
    QByteArray code, name;
    int manager = -1;
    std::vector<int> cities;
    std::vector<int> presales, delivery;
};

struct City
{
    Id id;
    int region = 0;
    QByteArray name;
    std::vector<int> reps;
    std::vector<int> customers;
};

struct Team
{
    Id id;
    int city = 0, region = 0;
    QByteArray name;
    int productLine = 0;
    int lead = -1;
    // A weak team (a real weak cell of the funnel heat map): in this pipeline, most of the
    // team's leads that reach weakStage stop there (-1: none).
    int weakPipeline = -1, weakStage = -1;
};

struct User
{
    Id id;
    QByteArray name, email, phone;
    Role role = Role::Sales;
    int manager = -1;
    int region = -1, city = -1, team = -1;
    qint64 hireDay = 0;
    qint64 leftDay = -1; // -1 = still employed
    int productLine = 0;
    QByteArray industries;
    int budgetBand = 0;
    // Sales traits (signal 1): skill multiplies the win probability, diligence drives the
    // number of actions and task completion, responseMin is the median minutes from
    // assignment to the first sales action.
    double skill = 1, diligence = 0.8, responseMin = 30, shortCallShare = 0.15;
    // Signal 8: the chance of doing a stage's standard action while the lead is in that
    // stage (from diligence and skill), and the one or two kinds this rep tends to skip.
    double keyRate = 0.9;
    unsigned weakKinds = 0; // bits of keyKindIndex()
    bool newHire = false, compliance = false;
    std::vector<int> customers, leads;

    bool activeAt(qint64 secs) const
    {
        return hireDay * kDay <= secs && (leftDay < 0 || leftDay * kDay > secs);
    }
};

struct Customer
{
    Id id;
    QByteArray name, aliases, phone;
    int industry = 0, size = 0, source = 0, need = 0;
    int city = 0, region = 0, owner = 0;
    int closeCycle = 60;
    qint64 budget = 0;
    qint64 createdAt = -1;   // secs; filled from its first lead
    qint64 firstWonDay = -1; // customer_since
    double happiness = 0.7, punctuality = 0.8;
    bool brand = false, dupTouch = false;
    QByteArray contactName; // decision maker, for intent letters
};

struct PipelineInfo
{
    Id id;
    std::vector<Id> stageIds;
    std::vector<int> slaMinutes;
    std::vector<QByteArray> stageNames;
};

enum Pipeline { Lifecycle = 0, B2B = 1, KeyAccount = 2 };

struct Lead
{
    Id id;
    int customer = 0, owner = 0, pipeline = 0;
    int stage = 0; // current stage index
    char status = 'o'; // 'o' open, 'w' won, 'l' lost
    qint64 created = 0, assigned = 0, firstAction = 0, closedAt = -1;
    std::array<qint64, 5> entry{{-1, -1, -1, -1, -1}};
    qint64 stageEnteredAt = 0;
    qint64 lastTouch = 0; // last activity time (activity window end)
    qint64 amount = 0;
    bool demo = false, engaged = false, silent = false;
    bool churn = false, quoteBurst = false;
    qint64 quoteBurstAt = -1;
    int quotes = 0, crossPairs = 0;
    int actCount = 0;
    int lostReason = -1;
    int productLine = 0;
    bool quick = false; // a new hire's first-month deal
    qint64 effEnd = 0;  // now, or the owner's leaving time
};

// Activities and stage moves wait in memory until every one is made: the log chain runs over
// all of them in time order, so writeLog() chains them by value (logchain::ValueChain, the
// hashes buildChain() would store) and writes each row once, log_seq and log_hash included,
// instead of writing it, reading it back in chain order and rewriting it. Strings are static.
struct ActivityRow
{
    Id id;
    qint64 at = 0;
    int lead = -1;     // index into leads, -1 none
    int customer = 0;  // index into customers
    int actor = -1;    // index into users, -1 the customer
    int replyTo = -1;  // index into activityRows, -1 none
    int duration = 0, quoteVersion = 0;
    const char *kind = "", *direction = "", *tags = "", *text = "";
    qint64 logSeq = -1;
    std::array<unsigned char, 32> logHash{};
};

struct StageMoveRow
{
    Id id;
    qint64 at = 0;
    int lead = 0;
    int from = -1, to = 0; // stage indexes in the lead's pipeline, -1 none
    int by = -1;           // index into users
    const char *reason = "";
    qint64 logSeq = -1;
    std::array<unsigned char, 32> logHash{};
};

struct AlertRow
{
    QByteArray rule, subjectKind;
    Id subjectId;
    int owner = -1;
    qint64 raisedAt = 0;
    int escalatedTo = -1;
    qint64 escalatedAt = -1;
    int ackBy = -1;
    qint64 ackAt = -1;
    int resolvedBy = -1;
    qint64 resolvedAt = -1;
    QByteArray details;
};

struct Ctx
{
    Options opt;
    ScaleSpec spec{};
    qint64 today = 0; // day number of asOf
    qint64 now = 0;   // asOf 10:00 UTC (18:00 Beijing)
    Db *db = nullptr;
    Progress progress;
    // Phase timings for the cockpit.demo log (debug): where first start spends its seconds.
    QElapsedTimer phaseClock;
    const char *phase = nullptr;

    std::vector<Region> regions;
    std::vector<City> cities;
    std::vector<Team> teams;
    std::vector<User> users;
    std::vector<int> reps; // users with role sales
    int director = -1;
    std::vector<int> marketing, legal, csm, storeManagers;
    std::vector<PipelineInfo> pipelines;
    std::vector<Customer> customers;
    std::vector<Lead> leads;
    std::vector<AlertRow> alerts;
    std::vector<ActivityRow> activityRows; // in the order they are written
    std::vector<StageMoveRow> stageMoveRows;

    // Collections per rep (index into users) per month index: the targets and forecasts.
    int monthBase = 0; // month index of the first slot
    int monthSlots = 0;
    std::vector<std::vector<qint64>> repMonthPaid; // [user][slot]

    // Keys count up across all tables (unique in each), in the order rows are made: the same
    // seed gives the same keys.
    qint64 lastKey = 0;
    Id newId(Rng &r)
    {
        const quint64 hi = r.next();
        const quint64 lo = r.next();
        return makeId(++lastKey, hi, lo);
    }
    static Id makeId(qint64 key, quint64 hi, quint64 lo);
    void report(int percent, const char *phase);
};

// Phases, in the order generate() runs them.
void buildOrg(Ctx &c, Rng &r);
void writeOrg(Ctx &c, Rng &r);
void buildCustomers(Ctx &c, Rng &r);
void planLeads(Ctx &c, Rng &r);
void writeActivities(Ctx &c); // makes activityRows; writes collaboration_ratings, silence alerts
void writeCustomersAndContacts(Ctx &c, Rng &r);
void writeLeads(Ctx &c, Rng &r); // leads + stageMoveRows + SLA alerts
void writeSales(Ctx &c, Rng &r); // orders, payments, contracts, tickets, surveys, trials
void writeTasks(Ctx &c, Rng &r);
void writeTargetsAndForecasts(Ctx &c, Rng &r);
void writeStores(Ctx &c, Rng &r);
void writeAlerts(Ctx &c, Rng &r);
// The log chain over activityRows and stageMoveRows (phase "log", progress from logAt), then
// both tables written with it (phase "writing", progress from writeAt to doneAt), the log head
// stored and the rows freed.
void writeLog(Ctx &c, int logAt, int writeAt, int doneAt);

// Signal 8: the activity kinds that are some stage's standard action, as bits.
inline constexpr const char *kKeyKinds[] = {"call", "wechat", "visit", "meeting", "demo", "quote", "presales_task"};
int keyKindIndex(const char *kind); // -1 when not a key kind
// The chance that `rep` does `kind` while a lead is in the stage that expects it, for a
// stage left at `exitAt` (secs): the month of the exit moves everyone a little.
double keyActionChance(const Ctx &c, const User &rep, const char *kind, qint64 exitAt);
// Draws every rep's keyRate and weak kinds (its own stream; run before planLeads uses them).
void assignKeyActionTraits(Ctx &c);

// Random work-hour time (09:00-19:00 Beijing) on a day.
inline qint64 workTime(qint64 day, Rng &r)
{
    return day * kDay + kHour + r.range(0, 10 * kHour - 1);
}

} // namespace cockpit::demo::detail
