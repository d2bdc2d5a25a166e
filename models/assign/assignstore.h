#pragma once
// The storage side of assignment: loads the facts the Assigner needs in a few set-based
// queries and writes owner changes (owner, the owner's region/city/team, assigned_at) with
// their outbox entries in one transaction. Bulk operations return the changes so the UI
// can undo them in one step.
#include "assign/assigner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cockpit {
class Clock;
namespace storage {
class Database;
}
} // namespace cockpit

namespace cockpit::assign {

// Settings keys (Database::setting) with their defaults.
inline constexpr const char *kLoadCapKey = "assign_load_cap"; // default 8
inline constexpr int kDefaultLoadCap = 8;

// Who owns a lead and where it sits in the org: what an owner change writes and undo restores.
struct OwnerState
{
    QString ownerId, regionId, cityId, teamId, assignedAt;
    bool operator==(const OwnerState &) const = default;
};

struct OwnerChange
{
    QString leadId;
    OwnerState before, after;
};

struct StoredLead
{
    LeadFacts facts;
    OwnerState owner;
};

struct BulkResult
{
    bool ok = false;
    QString error;               // translated; set when nothing was written
    QList<OwnerChange> changes;  // what was written (empty when nobody was eligible)
    QStringList notAssigned;     // lead ids left as they were
    QStringList reasons;         // why, one per notAssigned lead (translated)
    int requested = 0;
};

class AssignStore
{
    Q_DECLARE_TR_FUNCTIONS(cockpit::assign::AssignStore)

public:
    explicit AssignStore(storage::Database &db) : m_db(db) {}

    // Settings-derived options at `now` (cap from the settings, win-rate window 180 days).
    Options options(const QDateTime &now, std::uint64_t seed) const;
    int loadCap() const;
    bool setLoadCap(int cap, QString *error);

    // Every sales rep with load, leads of the last 24 h, last assignment and recent wins
    // and losses: three queries in all, whatever the size.
    bool loadReps(const QDateTime &now, int winRateDays, std::vector<Rep> *reps, OrgNames *names,
                  QString *error) const;
    // The given leads (missing ids are skipped), or every open lead without an owner.
    bool loadLeads(const QStringList &ids, std::vector<StoredLead> *out, QString *error) const;
    bool loadUnassignedLeads(std::vector<StoredLead> *out, QString *error) const;

    // Writes every change or none: each lead must still have its `before` owner (else
    // someone changed it meanwhile and nothing is written). forward = after, else before.
    bool apply(const QList<OwnerChange> &changes, bool forward, const QString &actorId,
               QString *error);

    // Auto-assigns the leads (round robin among eligible reps of each lead's scope),
    // excluding each lead's current owner. Leads nobody can take stay as they are.
    BulkResult autoAssign(const QStringList &leadIds, const Clock &clock, const QString &actorId,
                          std::uint64_t seed);
    // Auto-assigns every open lead that has no owner.
    BulkResult assignUnassigned(const Clock &clock, const QString &actorId, std::uint64_t seed);
    // Gives the leads to one rep (a manager's choice; the cap does not apply, the rep must
    // be an active sales rep).
    BulkResult reassignTo(const QStringList &leadIds, const QString &repId, const Clock &clock,
                          const QString &actorId);

    // A ready Assigner for the recommendation dialog, and the lead's facts.
    bool prepare(const QString &leadId, const Clock &clock, std::uint64_t seed,
                 std::optional<Assigner> *assigner, StoredLead *lead, QString *error) const;

private:
    BulkResult assignLeads(std::vector<StoredLead> leads, const Clock &clock,
                           const QString &actorId, std::uint64_t seed);
    storage::Database &m_db;
};

} // namespace cockpit::assign
