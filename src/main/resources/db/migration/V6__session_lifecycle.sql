-- Sessions started from the app exist before the charger's StartTransaction: PENDING, without meter or transaction.
-- They carry the balance check that allowed them, the driver's metadata, and after the stop the billed amount and
-- the payment link of record.
ALTER TABLE charging_sessions MODIFY COLUMN meter_start_wh BIGINT NULL;
ALTER TABLE charging_sessions MODIFY COLUMN started_at DATETIME(3) NULL;
ALTER TABLE charging_sessions ADD COLUMN balance_check_id CHAR(36) NULL;
ALTER TABLE charging_sessions ADD COLUMN wallet_address VARCHAR(64) NULL;
ALTER TABLE charging_sessions ADD COLUMN chain VARCHAR(32) NULL;
ALTER TABLE charging_sessions ADD COLUMN expected_max_cost DECIMAL(19, 4) NULL;
ALTER TABLE charging_sessions ADD COLUMN metadata TEXT NULL;
ALTER TABLE charging_sessions ADD COLUMN pending_until DATETIME(3) NULL;
ALTER TABLE charging_sessions ADD COLUMN failure_reason VARCHAR(255) NULL;
ALTER TABLE charging_sessions ADD COLUMN final_cost DECIMAL(19, 4) NULL;
ALTER TABLE charging_sessions ADD COLUMN amount_minor BIGINT NULL;
ALTER TABLE charging_sessions ADD COLUMN currency VARCHAR(3) NULL;
ALTER TABLE charging_sessions ADD COLUMN billing_hold BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE charging_sessions ADD COLUMN payment_link_id CHAR(36) NULL;
ALTER TABLE charging_sessions ADD COLUMN paid_at DATETIME(3) NULL;
CREATE INDEX ix_charging_sessions_pending ON charging_sessions (status, pending_until);
CREATE INDEX ix_charging_sessions_charger_connector ON charging_sessions (charger_id, connector_id, status);
