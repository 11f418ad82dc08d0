-- Who started and who stopped each session (a driver, an operator, the charger or the system), and who created each
-- payment link; kept when the session is paid. Sessions and links from before this version show none.
ALTER TABLE charging_sessions ADD COLUMN started_by_kind VARCHAR(16) NULL;
ALTER TABLE charging_sessions ADD COLUMN started_by_id VARCHAR(80) NULL;
ALTER TABLE charging_sessions ADD COLUMN stopped_by_kind VARCHAR(16) NULL;
ALTER TABLE charging_sessions ADD COLUMN stopped_by_id VARCHAR(80) NULL;
ALTER TABLE payment_links ADD COLUMN created_by_kind VARCHAR(16) NULL;
ALTER TABLE payment_links ADD COLUMN created_by_id VARCHAR(80) NULL;
