#pragma once
// Today's alerts on the cockpit: the open (unresolved) alerts of the scope's org, by the org
// of the person the alert is addressed to (its owner), one row per subject with its reasons
// folded in (as the Alerts inbox shows them), the subject with the newest reason first. Labels come from the alert
// module (ruleLabel / detailsSummary), so the cockpit and the Alerts screen say the same.
#include "analytics/datatable.h"
#include "analytics/scope.h"

class QSqlDatabase;


namespace cockpit::analytics {

// Columns: lead_id (key, "lead"; empty for store / rep alerts), raised_at (the newest
// reason's), rule (the reasons, translated, "Stage SLA · Silence"), subject, summary (of the
// newest reason), owner, state ("open" while any reason is not acknowledged), rule_key
// ("stage_sla+silence"). Newest first, at most `limit` rows; `*total` (optional) = every
// subject with an open alert in the scope.
DataTable openAlertsFeed(QSqlDatabase db, const OrgScope &org, int limit = 50, int *total = nullptr);

} // namespace cockpit::analytics
