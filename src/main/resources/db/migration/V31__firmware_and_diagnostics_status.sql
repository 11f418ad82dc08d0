-- FirmwareStatusNotification and DiagnosticsStatusNotification (OCPP 1.6 Firmware Management): each charger's latest
-- status of each, and every report as it came.
ALTER TABLE chargers ADD COLUMN firmware_status VARCHAR(32) NULL;
ALTER TABLE chargers ADD COLUMN firmware_status_at DATETIME(3) NULL;
ALTER TABLE chargers ADD COLUMN diagnostics_status VARCHAR(32) NULL;
ALTER TABLE chargers ADD COLUMN diagnostics_status_at DATETIME(3) NULL;

CREATE TABLE charger_status_reports (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    charger_id   VARCHAR(48)   NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    status       VARCHAR(32)   NOT NULL,
    received_at  DATETIME(3)   NOT NULL,
    CONSTRAINT pk_charger_status_reports PRIMARY KEY (id)
);
CREATE INDEX ix_charger_status_reports_charger ON charger_status_reports (charger_id, received_at);
