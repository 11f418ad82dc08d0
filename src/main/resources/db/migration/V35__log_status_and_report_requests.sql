-- LogStatusNotification (OCPP 1.6 security whitepaper): each charger's latest log upload status, kept as firmware
-- and diagnostics are; and the requestId that SignedFirmwareStatusNotification and LogStatusNotification carry.
ALTER TABLE chargers ADD COLUMN log_status VARCHAR(32) NULL;
ALTER TABLE chargers ADD COLUMN log_status_at DATETIME(3) NULL;
ALTER TABLE charger_status_reports ADD COLUMN request_id INT NULL;
