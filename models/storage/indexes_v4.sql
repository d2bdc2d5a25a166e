-- A lead's activities in time order, covering every per-lead query: the alert facts' last
-- touch and first sales action after assignment (alerts/alertfacts.cpp), the customer's
-- last words on a silent lead (the row follows for the text), rep and team health's first
-- sales action and first demo (analytics/teamhealthtables.cpp, teamhealthsql.cpp), the
-- lead's touchpoints (analytics/touchpoints.cpp), its demo count and timeline
-- (storage/leadrepository.cpp) and the exit-action masks, read in (lead, at) order
-- (storage/exitactions.cpp). `deleted` is a column rather than a partial-index WHERE so the
-- index is covering (tests/analytics/tst_indexplans checks the plans). Small demo: 16.1 MB
-- in place of lead_at, lead_kind and customer_at's 42.6 MB.
CREATE INDEX IF NOT EXISTS idx_activities_by_lead ON activities(lead_id, at, kind, direction, deleted);
-- ;
-- The customer's last words on a silent lead, quoted in each silence alert the rules raise
-- (alerts/alertfacts.cpp, customerQuotes: the last 3 customer messages before now). Partial
-- to the customers' messages (an eighth of the activities), with `text` in the index and
-- `direction`, `deleted` as columns so that it is covering: the first evaluation of the large
-- demo asks for 34 056 leads, 536 -> 249 ms warm and 3.9 -> 0.41 s cold (Python's sqlite3 on
-- the same file), for 13 MB of the large file.
CREATE INDEX IF NOT EXISTS idx_activities_customer_words ON activities(lead_id, at, text, direction, deleted) WHERE direction = 'customer' AND deleted = 0;
