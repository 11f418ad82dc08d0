-- A reservation no session has taken expires: an Authorize whose StartTransaction never came, or a crash between the
-- check and the session, no longer holds a wallet's funds for ever. NULL: kept until its session releases it.
ALTER TABLE wallet_reservations ADD COLUMN expires_at DATETIME(3) NULL;
CREATE INDEX ix_wallet_reservations_expiry ON wallet_reservations (status, expires_at);

-- Holds that no session refers to were left by such a crash before this version: they expire at once.
UPDATE wallet_reservations SET expires_at = created_at
WHERE status = 'HELD'
  AND NOT EXISTS (SELECT 1 FROM charging_sessions s WHERE s.balance_check_id = wallet_reservations.balance_check_id);
