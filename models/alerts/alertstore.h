#pragma once
// Reading alerts for display and the person-made changes: acknowledge, resolve, escalate by
// hand. Each change returns the state before and after, so an undo command can put it back;
// every write appends its outbox row in the same transaction.
#include "domain/clock.h"

#include <QString>

class QSqlDatabase;
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace cockpit::storage {
class Database;
}

namespace cockpit::alerts {

// The mutable part of an alert that people change.
struct AlertState
{
    QString acknowledgedBy, resolvedBy, escalatedTo, escalatedBy;
    QString acknowledgedAt, resolvedAt, escalatedAt; // ISO-8601 UTC, "" = not set
    int escalationLevel = 0;
    bool operator==(const AlertState &) const = default;
};

enum class AlertStatus { Open, Acknowledged, Resolved };

// One alert with the names a screen shows.
struct AlertRecord
{
    QString id, rule, subjectKind, subjectId, subjectName, leadId, ownerId, ownerName;
    QString escalatedToName, acknowledgedByName, resolvedByName, escalatedByName;
    QString regionId, regionName, recipients, recipientNames, dedupeKey, details, raisedAt;
    AlertState state;
    qint64 rowVersion = 0;
    // The lead's amount and win probability (percent) for an alert about a lead, else 0:
    // what the inbox's priority weighs (alertfold.h).
    qint64 leadAmountCents = 0;
    int leadProbability = 0;
    AlertStatus status() const
    {
        if (!state.resolvedAt.isEmpty())
            return AlertStatus::Resolved;
        return state.acknowledgedAt.isEmpty() ? AlertStatus::Open : AlertStatus::Acknowledged;
    }
    // Every person this alert is addressed to: owner, recipients, escalated to.
    QStringList addressees() const;
};

struct AlertChange
{
    bool ok = false;
    QString error; // translated, says why
    QString alertId;
    AlertState before, after;
};

class AlertStore
{
public:
    AlertStore(QSqlDatabase db, const Clock &clock);
    AlertStore(storage::Database &db, const Clock &clock); // its main connection

    std::optional<AlertRecord> fetch(const QString &id) const;
    // Every alert (newest first), or only open ones (not resolved).
    std::vector<AlertRecord> list(bool openOnly) const;
    // Open alerts about one lead (the lead-detail panel), newest first.
    std::vector<AlertRecord> openAlertsForLead(const QString &leadId) const;

    // Refused (with a message) for an unknown, resolved or already acknowledged alert.
    AlertChange acknowledge(const QString &id, const QString &userId);
    // Refused for an unknown or already resolved alert.
    AlertChange resolve(const QString &id, const QString &userId);
    // One level up the manager chain now; refused at the top or when resolved.
    AlertChange escalate(const QString &id, const QString &userId);
    // Writes a state (undo/redo). Refused when the alert's state is no longer `expected`
    // (someone, or the evaluator, changed it meanwhile).
    AlertChange writeState(const QString &id, const AlertState &expected, const AlertState &target);

private:
    AlertChange change(const QString &id, const std::function<bool(const AlertRecord &, AlertState &, QString &)> &edit);
    QSqlDatabase db() const; // the connection named m_connection
    QString m_connection;
    const Clock &m_clock;
};

} // namespace cockpit::alerts
