#pragma once
// The inbox a person works through (DESIGN.md §3 "Alerts are for people"): the stored alerts
// folded at read time into one row per subject (lead, rep, customer, store) with all its
// reasons, a priority P1/P2/P3 from what is at stake, and the "Today" test (new or escalated
// in the last 24 h). Pure functions over AlertRecords: nothing stored changes, no schema.
#include "alerts/alertstore.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>
#include <vector>

namespace cockpit::alerts {

// What a row's priority is computed from.
struct PriorityInput
{
    QString subjectKind;    // lead, user, customer, store
    QStringList rules;      // the row's reasons
    qint64 amountCents = 0; // the lead's amount (lead subjects; 0 otherwise)
    int probability = 0;    // the lead's win probability in percent (lead subjects)
    int escalationLevel = 0; // the highest of the row's reasons
    qint64 ageSecs = 0;     // since the oldest of the row's reasons became true
};

struct Priority
{
    int level = 3;          // 1 = P1 (most at stake) … 3 = P3
    int points = 0;         // 0..8, the sum below
    int stakePoints = 0, escalationPoints = 0, agePoints = 0, reasonPoints = 0;
    qint64 weightedCents = 0; // amount × probability (lead subjects)
};

// Points for what is at stake:
// - stake (0..3): for a lead, the weighted amount = amount × probability: ≥ 500 000 → 3,
//   ≥ 100 000 → 2, ≥ 20 000 → 1 (currency units); for a rep's compliance flag or a store
//   below its red line 2, for a customer touched by too many reps 1;
// - escalation (0..2): the escalation level, at most 2;
// - age (0..2): the oldest reason true (a stage overrun, a silence …) for ≥ 3 days → 1,
//   ≥ 7 days → 2;
// - several reasons on one subject: 1.
// P1 at ≥ 5 points, P2 at ≥ 3, else P3.
Priority priorityOf(const PriorityInput &in);
// The rule above in words (the priority column's tooltip), translated.
QString priorityRuleText();
// "P1", "P2", "P3".
QString priorityLabel(int level);

// One row of the inbox: a subject and its reasons. Resolved reasons fold into a row of their
// own (the subject's history), so a subject has at most one open row and one resolved row.
struct InboxRow
{
    QString subjectKind, subjectId, subjectName, leadId, regionId, regionName, ownerId, ownerName;
    bool resolved = false;                // the resolved row of the subject
    std::vector<int> alerts;              // indexes into the folded vector, most urgent reason first
    QStringList rules;                    // distinct, in the engine's display order
    AlertStatus status = AlertStatus::Open; // Open if any reason is not acknowledged
    int escalationLevel = 0;              // the highest
    QString escalatedTo, escalatedToName; // of the highest escalation
    QString oldestRaisedAt, newestRaisedAt, lastEscalatedAt; // ISO-8601 UTC
    // When the oldest reason's condition became true (the evaluator's "since": a stage overrun
    // since, silent since …), else its raising: what the priority's age counts from.
    QString oldestSince;
    qint64 amountCents = 0;
    int probability = 0;
    Priority priority;
    QStringList addressees; // of every reason
};

// Folds alerts into rows (one open row and at most one resolved row per subject), each row's
// priority computed at `now` (seconds), sorted most urgent first: priority level, points,
// weighted amount, escalation level, then the oldest first; ties by subject for a stable order.
std::vector<InboxRow> foldAlerts(const std::vector<AlertRecord> &alerts, qint64 now);
// The row's "Today" test: a reason raised, or escalated, at or after `since` (seconds).
bool isNewOrEscalatedSince(const InboxRow &row, const std::vector<AlertRecord> &alerts, qint64 since);
// The "Today" view looks back this far from now: what came in since this time yesterday.
inline constexpr qint64 kTodayWindowSecs = 24 * 3600;
// Everyone below `me` in the manager chain, at any depth (user id → manager id).
QSet<QString> reportsOf(const QHash<QString, QString> &managerOf, const QString &me);
// "Addressed to me": a row addressed to `me` (owner, copied, escalated to), or — the digest of
// the people `me` manages — a P1 row whose owner is among `reports`.
bool addressedTo(const InboxRow &row, const QString &me, const QSet<QString> &reports);
// Rows per priority level among `rows` (index 1..3; 0 unused).
std::array<int, 4> countByPriority(const std::vector<InboxRow> &rows);

} // namespace cockpit::alerts
