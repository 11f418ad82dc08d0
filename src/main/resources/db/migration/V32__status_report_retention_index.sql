-- Retention purges status reports by age alone.
CREATE INDEX ix_charger_status_reports_received ON charger_status_reports (received_at);
