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

namespace cockpit::storage {
class Database;
}

namespace cockpit::alerts {

struct Scope;      // alertfacts.h (internal: reads storage)
class FactLoader;

Q_DECLARE_LOGGING_CATEGORY(lcAlerts)

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
};

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
};

} // namespace cockpit::alerts
