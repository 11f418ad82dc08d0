-- When a stop was asked of the charger: a session STOPPING for long has its RemoteStopTransaction sent again.
ALTER TABLE charging_sessions ADD COLUMN stop_requested_at DATETIME(3) NULL;
UPDATE charging_sessions SET stop_requested_at = updated_at WHERE status = 'STOPPING';
CREATE INDEX ix_charging_sessions_stop_requested ON charging_sessions (status, stop_requested_at);
