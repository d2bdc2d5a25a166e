#pragma once
// The alert rules of DESIGN.md §3 as pure decisions: given the facts, the time and the
// thresholds, which alerts should exist, which open ones have cleared and which are due to
// escalate. No SQL here (AlertEvaluator loads the facts and applies the plan), so every rule
// is unit-tested without a database. Times are seconds since the epoch, UTC.
#include "alerts/alertthresholds.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cockpit::alerts {

namespace rule {
inline const QString StageSla = QStringLiteral("stage_sla");
inline const QString Silence = QStringLiteral("silence");
inline const QString HandoverSla = QStringLiteral("handover_sla");
inline const QString DuplicateTouch = QStringLiteral("duplicate_touch");
inline const QString ComplianceStageChurn = QStringLiteral("compliance_stage_churn");
inline const QString ComplianceQuotes = QStringLiteral("compliance_quotes");
inline const QString StoreRed = QStringLiteral("store_red"); // demo data; not evaluated here
} // namespace rule

// The rules this engine evaluates, in display order.
const QStringList &engineRules();
// Rules whose alerts close by themselves when the condition clears. Compliance flags record
// something that happened, so only a person resolves them.
bool autoResolves(const QString &rule);

// "2026-11-22T05:34:36Z" ↔ seconds; fast for the common form, QDateTime for the rest.
// Returns -1 for an empty or unreadable text.
qint64 parseIsoSecs(const QString &s);
QString isoFromSecs(qint64 secs);

struct UserInfo
{
    QString id, name, managerId, regionId;
    qint64 leftAt = -1; // users.left_date as seconds (start of that day), -1 = still here
};
using UserMap = QHash<QString, UserInfo>;

// Someone who was employed at `now` (left_date unset, or later than now).
bool isActive(const UserInfo &u, qint64 now);
// The first active person at or above `userId` in the manager chain ("" if none). A person
// who left is skipped, so an alert never goes to someone who is gone.
QString activeAtOrAbove(const UserMap &users, const QString &userId, qint64 now);
// The first active manager strictly above `userId` ("" at the top).
QString activeManagerOf(const UserMap &users, const QString &userId, qint64 now);

struct LeadFacts
{
    QString id, customerId, ownerId, title, stageId, stageName;
    qint64 createdAt = -1;
    qint64 stageEnteredAt = -1;
    int slaMinutes = 0;      // of the current stage; 0 = none
    int handoverMinutes = 0; // of the pipeline; 0 = none
    qint64 assignedAt = -1;
    qint64 lastActivityAt = -1;        // latest activity of any direction at or before now
    qint64 firstSalesAfterAssign = -1; // first sales action at/after assignedAt, at or before now
};

struct StageMove
{
    QString leadId, byUserId;
    qint64 at = 0;
};

// A sales action (direction 'sales') on a customer; quotes carry their version.
struct Touch
{
    QString customerId, actorId, leadId;
    qint64 at = 0;
    bool quote = false;
};

struct Candidate
{
    QString rule, subjectKind, subjectId, leadId, dedupeKey;
    QString ownerId;       // the addressee
    QStringList recipients; // also addressed (direct manager, cc)
    qint64 since = 0;      // when the condition became true
    bool matchOpenBySubject = false; // sliding-window rule: any open alert of rule+subject is the episode
    QJsonObject details;
};

// Addressing of an alert about a lead owner's work: the owner, or (owner left / missing) the
// first active manager above; the direct manager as recipient. Adds "owner_left" to details.
void addressToOwner(Candidate &c, const QString &ownerId, const UserMap &users, qint64 now);
// Addressing of a compliance flag on `repId`: the rep's first active manager (the rep when
// nobody is above), the rep not copied.
void addressToManagerOf(Candidate &c, const QString &repId, const UserMap &users, qint64 now);

// Stage SLA, silence and hand-over for one open lead.
std::vector<Candidate> leadCandidates(const LeadFacts &lead, qint64 now, const Thresholds &t,
                                      const UserMap &users);
// ≥ churnMoves stage changes by one rep on one lead in one (company) day, within the lookback.
std::vector<Candidate> churnCandidates(const std::vector<StageMove> &moves, qint64 now,
                                       const Thresholds &t, const UserMap &users);
// ≥ quoteVersions quotes by one rep to one customer within quoteHours, within the lookback.
std::vector<Candidate> quoteCandidates(const std::vector<Touch> &touches, qint64 now,
                                       const Thresholds &t, const UserMap &users);
// ≥ duplicateReps different reps touching one customer within duplicateDays before now.
// customerOwners: customer id → owner id (the owner's manager is addressed).
std::vector<Candidate> duplicateCandidates(const std::vector<Touch> &touches,
                                           const QHash<QString, QString> &customerOwners,
                                           qint64 now, const Thresholds &t, const UserMap &users);

// An alert as stored (the evaluator's view).
struct ExistingAlert
{
    QString id, rule, subjectKind, subjectId, leadId, dedupeKey, ownerId, recipients, escalatedTo;
    qint64 raisedAt = 0, escalatedAt = -1, acknowledgedAt = -1, resolvedAt = -1;
    bool resolvedByPerson = false;
    int escalationLevel = 0;
    qint64 rowVersion = 0;
    bool isOpen() const { return resolvedAt < 0; }
};

struct Escalation
{
    QString alertId, to;
    int level = 0;
    qint64 at = 0;
};

// Escalation of one open, unacknowledged alert: one level up the manager chain for every
// whole window since it was raised or last escalated, stopping at the top. Empty when not
// due, acknowledged, resolved, or the clock is behind the last event.
std::optional<Escalation> escalationDue(const ExistingAlert &a, qint64 now, const Thresholds &t,
                                        const UserMap &users);
// Who an alert goes to when escalated by hand now ("" at the top).
QString nextEscalationTarget(const ExistingAlert &a, const UserMap &users, qint64 now);

struct Plan
{
    std::vector<Candidate> raise;
    // Demo alerts written before dedupe keys existed (dedupe_key ''): matched to the
    // candidate describing the same episode, and given its key instead of a duplicate.
    std::vector<std::pair<QString, Candidate>> adopt;
    std::vector<QString> resolve; // alert ids whose condition cleared (resolved by the system)
    std::vector<Escalation> escalate;
    bool isEmpty() const { return raise.empty() && adopt.empty() && resolve.empty() && escalate.empty(); }
};

// Compares the candidates with the stored alerts of the same scope (every alert the
// candidates could match, open or closed, plus open legacy alerts) and decides:
// - raise a candidate whose key was never raised (a key resolved by a person stays resolved;
//   a sliding-window rule is not raised again within its window after a person resolved it);
// - resolve an open, auto-resolving engine alert (non-empty key) no candidate matches —
//   unless it was raised after `now` (the clock went back: nothing is un-raised);
// - escalate per escalationDue().
// Takes the candidates by value: the evaluator moves them in, and the plan moves them on
// (a first run of the large demo holds 66 000, about 60 MB, and once is enough).
Plan reconcile(std::vector<Candidate> candidates, const std::vector<ExistingAlert> &existing,
               qint64 now, const Thresholds &t, const UserMap &users);

} // namespace cockpit::alerts
