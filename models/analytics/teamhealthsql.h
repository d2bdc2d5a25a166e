#pragma once
// The rows rep and team health is computed from: one grouped or per-row query per figure
// over the whole scope (never one query per rep). Shared by computeTeamHealth(), the
// drill-down tables and the reports. Internal to cockpit_analytics.
#include "analytics/teamhealth.h"

#include <QStringList>

class QSqlDatabase;

namespace cockpit::analytics::detail {

// The owner's org as the scope's columns: a lead, customer, task … belongs to its rep.
OrgColumns repColumns(const QString &userAlias = QStringLiteral("u"));

struct StageInfo
{
    QString name, pipeline;
    int position = 0;
    QStringList actions;
};
QHash<QString, StageInfo> loadStages(QSqlDatabase db);

struct StageExit
{
    QString leadId, title, rep, stage, enteredAt, leftAt;
    QStringList found; // standard-action kinds seen on the lead while in the stage
};
// Stage exits with `at` in [fromUtc, toUtc) of leads owned by sales reps in `org`.
QVector<StageExit> loadStageExits(QSqlDatabase db, const OrgScope &org, const QString &fromUtc,
                                  const QString &toUtc, const QStringList &kinds);
// Stage exits with `at` in [fromUtc, toUtc) counted in SQL by (rep, company month, inside
// [periodFrom, periodTo), stage, the standard-action kinds seen as a bit mask over `kinds`).
struct ExitGroup
{
    QString rep, stage;
    QDate month; // first day
    QDate day;   // loadExitDayGroups(): the company day of the exits
    bool inPeriod = false;
    qint64 mask = 0; // the standard kinds seen while the lead was in the stage (storage::activityKindBit)
    int exits = 0;
};
QVector<ExitGroup> loadExitGroups(QSqlDatabase db, const OrgScope &org, const QString &fromUtc, const QString &toUtc,
                                  const QString &periodFrom, const QString &periodTo, const QStringList &kinds);
// The stage exits of the whole company with `at` in [fromUtc, toUtc), counted in SQL by (rep,
// company day, stage, kinds-seen mask); `month` and `inPeriod` are left unset. The facts
// cache of computeTeamHealth() keeps one such slab per company month.
QVector<ExitGroup> loadExitDayGroups(QSqlDatabase db, const QString &fromUtc, const QString &toUtc,
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
QVector<TaskWeek> loadTaskWeeks(QSqlDatabase db, const OrgScope &org, QDate firstWeek, QDate lastWeek,
                                const QString &asOfIso);
// Mondays of the weeks starting in `period` that have ended by asOf.
QVector<QDate> judgedWeeks(const Period &period, const QString &asOfIso);

struct Response
{
    QString rep, leadId, title, assignedAt, firstAt;
    std::optional<double> minutes;
};
QVector<Response> loadResponses(QSqlDatabase db, const OrgScope &org, const Period &period, const QString &asOfIso);

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
QVector<CustomerRow> loadCustomers(QSqlDatabase db, const OrgScope &org, const QString &asOfIso);
// loadCustomers() in two halves that can run on two connections at once: the scope's
// customers with their last sales action, and the other facts of every customer by id
// (daysSinceInteraction unset), which mergeCustomerAggregates() puts on the rows.
QVector<CustomerRow> loadCustomerBase(QSqlDatabase db, const OrgScope &org, const QString &asOfIso);
QHash<QString, CustomerFacts> loadCustomerAggregates(QSqlDatabase db, const QString &asOfIso);
void mergeCustomerAggregates(QVector<CustomerRow> &rows, const QHash<QString, CustomerFacts> &aggregates);

struct OrderSums
{
    qint64 won = 0, cross = 0;
    int orders = 0;
};
QHash<QString, OrderSums> loadOrderSums(QSqlDatabase db, const OrgScope &org, const Period &period,
                                        const QString &asOfIso);
QHash<QString, QPair<int, qint64>> loadRatings(QSqlDatabase db, const OrgScope &org, const QString &fromUtc,
                                               const QString &toUtc);

} // namespace cockpit::analytics::detail
