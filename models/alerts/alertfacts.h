#pragma once
// Reads what the alert rules need from storage, with bounded, index-friendly queries: open
// leads with their last live activity (idx_activities_by_lead), stage moves and sales actions
// inside the look-back window (idx_stage_history_by_at / idx_activities_at, or per lead /
// customer / rep), and the stored alerts of the scope.
#include "alerts/alertrules.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

namespace cockpit::alerts {

// What one evaluation covers: everything, or the leads and customers an edit touched.
struct Scope
{
    bool all = false;
    QSet<QString> leadIds;     // lead rules, stage churn, alerts with lead_id
    QSet<QString> customerIds; // duplicate touch, quote compliance, alerts on the customer
};

class FactLoader
{
public:
    explicit FactLoader(QSqlDatabase db) : m_db(std::move(db)) {}

    bool users(UserMap &out);
    // Open leads of the scope (all open leads when scope.all).
    bool openLeads(const Scope &scope, qint64 now, std::vector<LeadFacts> &out);
    // Stage moves in [from, now] on the scope's leads.
    bool moves(const Scope &scope, qint64 from, qint64 now, std::vector<StageMove> &out);
    // Sales actions in [from, now] on the scope's customers.
    bool touches(const Scope &scope, qint64 from, qint64 now, std::vector<Touch> &out);
    bool customerOwners(const QSet<QString> &customerIds, QHash<QString, QString> &out);
    // Stored alerts the scope's candidates could match, and open demo alerts without a key.
    bool alerts(const Scope &scope, qint64 now, std::vector<ExistingAlert> &out);

    // Scope helpers for incremental evaluation.
    bool leadsOfCustomer(const QString &customerId, QSet<QString> &out);
    QString customerOfLead(const QString &leadId);
    // Open leads the user owns, leads the user moved and customers the user touched since `from`.
    bool scopeOfUser(const QString &userId, qint64 from, qint64 now, Scope &out);

    // The last `n` customer responses on a lead up to now, newest first: [{at, text}].
    QJsonArray customerQuotes(const QString &leadId, qint64 now, int n);
    QString leadTitle(const QString &leadId);
    QString customerName(const QString &customerId);

    QString lastError() const { return m_error; }
    // Time spent in customerQuotes() so far, in ms (the evaluator's phase log).
    qint64 quotesMs() const { return m_quotesNs / 1000000; }

private:
    bool fail(const class QSqlQuery &q);
    QSqlDatabase m_db;
    QString m_error;
    std::optional<QSqlQuery> m_quotes;
    qint64 m_quotesNs = 0;
};

} // namespace cockpit::alerts
