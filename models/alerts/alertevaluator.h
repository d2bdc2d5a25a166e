#pragma once
#include <algorithm>
// Evaluates the alert rules against a database and writes the outcome: raises new alerts,
// adopts old demo alerts, resolves cleared ones (resolved_by NULL = the system) and escalates
// unacknowledged ones, all in one transaction with their outbox rows. Full (evaluateAll) or
// incremental after an edit (evaluateLead / evaluateCustomer / evaluateUser).
// Works on any connection, so the app runs it on a worker thread with its own.
#include "alerts/alertrules.h"
#include "domain/clock.h"

#include <QLoggingCategory>
#include <QString>

class QSqlDatabase;

#include <functional>
#include <vector>

namespace cockpit::storage {
class Database;
}

namespace cockpit::alerts {

struct Scope;      // alertfacts.h (internal: reads storage)
class FactLoader;

Q_DECLARE_LOGGING_CATEGORY(lcAlerts)

// What a dry run would do (AlertEvaluator::setDryRun): raise a candidate, resolve or escalate
// a stored alert (alertId), adopt a demo alert.
struct PlannedChange
{
    enum Action { Raise, Adopt, Resolve, Escalate } action = Raise;
    QString alertId; // the stored alert (not for Raise)
    QString rule, subjectKind, subjectId, leadId, ownerId;
    QString escalateTo; // Escalate: to whom, at level
    int level = 0;
};

struct EvaluationResult
{
    bool ok = false;
    QString error;
    int candidates = 0; // conditions true now
    int raised = 0, adopted = 0, resolved = 0, escalated = 0;
    QStringList raisedIds; // for notifications (delivery)
    QStringList changedIds; // every alert written
    qint64 elapsedMs = 0;
    QStringList thresholdProblems; // bad "rules.*" settings (defaults applied)
    bool dryRun = false;
    std::vector<PlannedChange> planned; // a dry run's plan (nothing written)
};

// The settings key where a full evaluation records its time (ISO-8601 UTC); it never moves back.
inline const QString kLastEvaluationKey = QStringLiteral("alerts.last_evaluated_at");
// When the rules last wrote to this file (seconds since the epoch, -1 = never): the newest of
// the recorded full evaluation and what evaluations wrote (an engine alert's raising, a
// system resolution), so files evaluated before the time was recorded answer too.
qint64 lastEvaluation(QSqlDatabase db);

class AlertEvaluator
{
public:
    AlertEvaluator(QSqlDatabase db, const Clock &clock);
    AlertEvaluator(storage::Database &db, const Clock &clock); // its main connection

    // Progress in percent (0..100) during evaluateAll.
    void setProgress(std::function<void(int)> progress) { m_progress = std::move(progress); }
    // Thresholds are read from the settings at each evaluation unless set here (tests).
    void setThresholds(const Thresholds &t) { m_fixed = t; }
    // Raised alerts are built and written this many at a time (2048); tests cross the
    // boundaries with a small one.
    void setWriteChunk(int rows) { m_writeChunk = std::max(1, rows); }
    // Decide only: the result counts (and lists in `planned`) what would be raised, resolved,
    // escalated, and nothing is written.
    void setDryRun(bool dry) { m_dryRun = dry; }

    EvaluationResult evaluateAll();
    EvaluationResult evaluateLead(const QString &leadId);
    EvaluationResult evaluateCustomer(const QString &customerId);
    EvaluationResult evaluateUser(const QString &userId);

private:
    EvaluationResult evaluate(Scope scope, qint64 now, const Thresholds &t, QStringList problems);
    bool apply(const Plan &plan, const std::vector<ExistingAlert> &existing, qint64 now, FactLoader &facts,
               EvaluationResult &r);
    Thresholds thresholds(QStringList *problems) const;

    QSqlDatabase db() const; // the connection named m_connection

    QString m_connection;
    const Clock &m_clock;
    std::function<void(int)> m_progress;
    std::optional<Thresholds> m_fixed;
    int m_writeChunk = 2048;
    bool m_dryRun = false;
};

} // namespace cockpit::alerts
