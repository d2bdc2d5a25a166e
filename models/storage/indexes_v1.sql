-- Indexes of schema version 1, kept apart from the tables so bulk writers (the demo
-- generator) can fill the tables first and index once. Every statement is IF NOT EXISTS.
-- They serve the queries we know are coming: by owner, stage, region, city, team, time.
CREATE INDEX IF NOT EXISTS idx_cities_region ON cities(region_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_teams_city ON teams(city_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_users_team ON users(team_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_users_manager ON users(manager_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_customers_owner ON customers(owner_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_customers_region_city ON customers(region_id, city_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_contacts_customer ON contacts(customer_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_stages_pipeline ON pipeline_stages(pipeline_id, position);
-- ;
CREATE INDEX IF NOT EXISTS idx_leads_customer ON leads(customer_id);
-- ;
-- (idx_leads_owner_status (owner_id, status) was here: every query by owner also asks for
-- deleted = 0, which idx_leads_assign answers; schema v3 drops it.)
CREATE INDEX IF NOT EXISTS idx_leads_stage ON leads(stage_id, status);
-- ;
CREATE INDEX IF NOT EXISTS idx_leads_region_city_team ON leads(region_id, city_id, team_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_leads_created ON leads(created_at);
-- ;
CREATE INDEX IF NOT EXISTS idx_leads_amount ON leads(amount_cents);
-- ;
CREATE INDEX IF NOT EXISTS idx_stage_history_lead ON stage_history(lead_id, at);
-- ;
-- (idx_stage_history_at (at) was here: schema v3 widened it to idx_stage_history_by_at.)
-- ;
-- (idx_activities_lead_at (lead_id, at) and idx_activities_customer_at (customer_id, at) were
-- here: schema v4 replaced them with idx_activities_by_lead and idx_activities_customer_sales.)
-- ;
CREATE INDEX IF NOT EXISTS idx_activities_actor_at ON activities(actor_id, at);
-- ;
CREATE INDEX IF NOT EXISTS idx_activities_at ON activities(at);
-- ;
CREATE INDEX IF NOT EXISTS idx_tasks_user_week ON tasks(user_id, week_start);
-- ;
CREATE INDEX IF NOT EXISTS idx_orders_customer ON orders(customer_id, ordered_on);
-- ;
CREATE INDEX IF NOT EXISTS idx_orders_rep ON orders(rep_id, ordered_on);
-- ;
CREATE INDEX IF NOT EXISTS idx_payments_rep_paid ON payments(rep_id, paid_on);
-- ;
CREATE INDEX IF NOT EXISTS idx_payments_customer ON payments(customer_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_tickets_customer ON tickets(customer_id, opened_at);
-- ;
CREATE INDEX IF NOT EXISTS idx_surveys_customer ON surveys(customer_id, at);
-- ;
CREATE INDEX IF NOT EXISTS idx_contracts_customer ON contracts(customer_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_trials_customer ON product_trials(customer_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_ratings_rep ON collaboration_ratings(rep_id, at);
-- ;
CREATE INDEX IF NOT EXISTS idx_targets_period_org ON targets(period_start, org_level, org_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_forecasts_period_org ON forecast_snapshots(period_start, org_level, org_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_revisions_snapshot ON forecast_revisions(snapshot_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_stores_region_city ON stores(region_id, city_id);
-- ;
CREATE INDEX IF NOT EXISTS idx_store_days_day ON store_days(day);
-- ;
CREATE INDEX IF NOT EXISTS idx_alerts_owner ON alerts(owner_id, resolved_at);
-- ;
CREATE INDEX IF NOT EXISTS idx_alerts_subject ON alerts(subject_kind, subject_id);
-- ;
-- Live (not tombstoned) rows: counts and "most recently updated first" without a table scan,
-- so the first screen of a large database needs no full read.
CREATE INDEX IF NOT EXISTS idx_leads_live_updated ON leads(updated_at) WHERE deleted = 0;
-- ;
CREATE INDEX IF NOT EXISTS idx_customers_live ON customers(created_at) WHERE deleted = 0;
