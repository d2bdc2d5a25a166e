#pragma once
// The rows rep and team health is computed from: one grouped or per-row query per figure
// over the whole scope (never one query per rep). Shared by computeTeamHealth(), the
// drill-down tables and the reports. Internal to cockpit_analytics.
#include "analytics/teamhealth.h"

#include <QHash>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <unordered_map>

class QSqlDatabase;

namespace cockpit::analytics::detail {

// ---- times as the queries bind and compare them (storage/TIMES_V6.md) ------------------
// Instants are epoch seconds (UTC), dates day numbers since 1970-01-01; what is bound goes
// through times::instantParam()/dayParam() (the file's form), what is read through
// times::instantOf()/dateOf().
// 00:00 company time (UTC+8) of `day` (a date, or a day number) in epoch seconds; the
// company day of an instant.
// (companyDayStart(), companyDayOf(), Period::startSecs()/endSecs() and dateParam() are in
// scope.h; times::instantParam() binds an instant.)
qint64 companyDayStartOfDay(qint64 day);
// "now" as callers pass it (UTC ISO-8601); nullopt when empty or unreadable.
std::optional<qint64> asOfSecs(const QString &asOfIso);
// min(period end, asOf): what the figures look at.
qint64 effectiveEndSecs(const Period &period, std::optional<qint64> asOf);

// The owner's org as the scope's columns: a lead, customer, task … belongs to its rep.
OrgColumns repColumns(const QString &userAlias = QStringLiteral("u"));

struct StageInfo
{
    QString name, pipeline;
    int position = 0;
    QStringList actions;
    QVector<quint32> actionBits; // storage::activityKindBit of each action
};
QHash<QString, StageInfo> loadStages(QSqlDatabase db);

struct StageExit
{
    QString leadId, title, rep, stage, enteredAt, leftAt;
    QStringList found; // standard-action kinds seen on the lead while in the stage
};
// Stage exits with `at` in [from, to) of leads owned by sales reps in `org` (epoch seconds);
// enteredAt and leftAt are UTC ISO-8601 (enteredAt empty without a previous move).
QVector<StageExit> loadStageExits(QSqlDatabase db, const OrgScope &org, qint64 from, qint64 to,
                                  const QStringList &kinds);
// Stage exits with `at` in [from, to) counted in SQL by (rep, company month, inside
// [periodFrom, periodTo), stage, the standard-action kinds seen as a bit mask over `kinds`).
struct ExitGroup
{
    QString rep, stage;
    QDate month; // first day
    QDate day;   // loadExitDaySlabs(): the company day of the exits
    bool inPeriod = false;
    qint64 mask = 0; // the standard kinds seen while the lead was in the stage (storage::activityKindBit)
    int exits = 0;
};
QVector<ExitGroup> loadExitGroups(QSqlDatabase db, const OrgScope &org, qint64 from, qint64 to, qint64 periodFrom,
                                  qint64 periodTo, const QStringList &kinds);
// The stage exits of the whole company for several ranges [first, second) at once, one slab
// per range, counted by (rep, company day, stage, kinds-seen mask) here from the stage exits
// and the leads' owners (read once for all the ranges); `month` and `inPeriod` are left
// unset. The facts cache of computeTeamHealth() keeps one slab per company month. Each slab
// also summed over its whole range (`total`: `day` unset), which is what a period that
// holds the whole month counts (a quarter, a month).
struct ExitSlabGroups
{
    QVector<ExitGroup> days, total;
    bool hasDays = true; // false: the sums alone (read back from disk)
};
QVector<ExitSlabGroups> loadExitDaySlabs(QSqlDatabase db, const QVector<QPair<qint64, qint64>> &ranges,
                                         const QStringList &kinds);
void countExitGroup(const ExitGroup &g, const StageInfo *stage, HealthCounts &c);

// Adds one exit to `c` (expected, done, per kind); returns the missing kinds.
QStringList countExit(const StageExit &e, const StageInfo *stage, HealthCounts &c);

struct TaskWeek
{
    QString rep;
    QDate weekStart;
    int listed = 0, done = 0;
};
// Tasks completed before asOf (epoch seconds) and before their week's end count as done.
QVector<TaskWeek> loadTaskWeeks(QSqlDatabase db, const OrgScope &org, QDate firstWeek, QDate lastWeek, qint64 asOf);
// Mondays of the weeks starting in `period` that have ended by asOf (epoch seconds): the
// real "now", not the period's end, so that the week straddling the period's end is judged
// once it is over (a period's PEI is final at most six days after the period).
QVector<QDate> judgedWeeks(const Period &period, qint64 asOf);
// The end of the week starting on `monday`: the next Monday 00:00 company time.
qint64 weekEndSecs(QDate monday);

struct Response
{
    QString rep, leadId, title, assignedAt, firstAt; // UTC ISO-8601; firstAt empty when none
    std::optional<double> minutes;
};
// Leads assigned in [period start, min(period end, asOf)) and their first sales action
// before asOf (without one: before the period's end).
// MinutesOnly fills `rep` and `minutes` alone (what the figures count).
enum class ResponseColumns { All, MinutesOnly };
QVector<Response> loadResponses(QSqlDatabase db, const OrgScope &org, const Period &period,
                                std::optional<qint64> asOf, ResponseColumns columns = ResponseColumns::All);

// Ids back to their text (the rows' `rep`, `stage`, `owner`), one string per id shared by every
// row that names it: a few hundred reps and stages against some 10^5 groups and rows.
class IdTexts
{
public:
    const QString &operator()(qint64 id)
    {
        auto it = m_texts.find(id);
        if (it == m_texts.end())
            it = m_texts.insert(id, QString::number(id));
        return *it;
    }

private:
    QHash<qint64, QString> m_texts;
};

struct CustomerRow
{
    QString id, name, owner;
    bool firstQuarter = false;
    CustomerFacts facts;
    // SQLite's julianday() of the last sales action within the 90 days before asOf (none:
    // nullopt) and of asOf; facts.daysSinceInteraction = min(90, asOfJd − lastActionJd).
    std::optional<double> lastActionJd;
    double asOfJd = 0;
};
// asOf: the effective end, epoch seconds.
QVector<CustomerRow> loadCustomers(QSqlDatabase db, const OrgScope &org, qint64 asOf);
// loadCustomers() in two halves that can run on two connections at once: the scope's
// customers with their last sales action, and the other facts of every customer by id
// (daysSinceInteraction unset), which mergeCustomerAggregates() puts on the rows.
// `latest`: the customers' last sales actions in [recentActionsFrom(asOf), asOf) when the
// caller has them (the facts cache keeps them per company month); null: read here.
using LastActions = std::unordered_map<qint64, qint64>; // customer rowid → `at` of its last sales action
QVector<CustomerRow> loadCustomerBase(QSqlDatabase db, const OrgScope &org, qint64 asOf,
                                      const LastActions *latest = nullptr);
// The start of the window a customer's last interaction is looked for in (90 days before asOf:
// an older one scores 0 either way).
qint64 recentActionsFrom(qint64 asOf);
// The last sales action of every customer that had one in [from, to), epoch seconds.
LastActions loadLastSalesActions(QSqlDatabase db, qint64 from, qint64 to);
QHash<qint64, CustomerFacts> loadCustomerAggregates(QSqlDatabase db, qint64 asOf); // by customer rowid
void mergeCustomerAggregates(QVector<CustomerRow> &rows, const QHash<qint64, CustomerFacts> &aggregates);

struct OrderSums
{
    qint64 won = 0, cross = 0;
    int orders = 0;
};
// Orders on the period's days up to the company day of `end` (the effective end, epoch seconds).
QHash<QString, OrderSums> loadOrderSums(QSqlDatabase db, const OrgScope &org, const Period &period, qint64 end);
// Ratings with `at` in [from, to), epoch seconds.
QHash<QString, QPair<int, qint64>> loadRatings(QSqlDatabase db, const OrgScope &org, qint64 from, qint64 to);

} // namespace cockpit::analytics::detail
