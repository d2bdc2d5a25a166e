#pragma once
// Today's alerts on the cockpit: the newest open (unresolved) alerts of the scope's org, by
// the org of the person the alert is addressed to (its owner). Labels come from the alert
// module (ruleLabel / detailsSummary), so the cockpit and the Alerts screen say the same.
#include "analytics/datatable.h"
#include "analytics/scope.h"

class QSqlDatabase;


namespace cockpit::analytics {

// Columns: lead_id (key, "lead"; empty for store / rep alerts), raised_at, rule (translated),
// subject, summary, owner, state ("open" / "acknowledged"), rule_key. Newest first, at most
// `limit` rows; `*total` (optional) = all open alerts of the scope.
DataTable openAlertsFeed(QSqlDatabase db, const OrgScope &org, int limit = 50, int *total = nullptr);

} // namespace cockpit::analytics
