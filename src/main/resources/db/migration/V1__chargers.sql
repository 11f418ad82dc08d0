-- Charge points, their connectors and what they report about themselves.
-- DATETIME(3) columns hold UTC instants (hibernate.jdbc.time_zone = UTC).

CREATE TABLE chargers (
    id                        VARCHAR(48)  NOT NULL,
    password_hash             VARCHAR(255) NOT NULL,
    enabled                   BOOLEAN      NOT NULL DEFAULT TRUE,
    vendor                    VARCHAR(20),
    model                     VARCHAR(20),
    serial_number             VARCHAR(25),
    charge_box_serial_number  VARCHAR(25),
    firmware_version          VARCHAR(50),
    iccid                     VARCHAR(20),
    imsi                      VARCHAR(20),
    meter_type                VARCHAR(25),
    meter_serial_number       VARCHAR(25),
    registered_at             DATETIME(3)  NOT NULL,
    last_boot_at              DATETIME(3),
    last_seen_at              DATETIME(3),
    CONSTRAINT pk_chargers PRIMARY KEY (id)
);

-- Current state of each connector; connector 0 is the charge point as a whole (OCPP 1.6 §4.9).
CREATE TABLE connectors (
    charger_id         VARCHAR(48)  NOT NULL,
    connector_id       INT          NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    error_code         VARCHAR(32)  NOT NULL,
    info               VARCHAR(50),
    vendor_id          VARCHAR(255),
    vendor_error_code  VARCHAR(50),
    status_at          DATETIME(3)  NOT NULL,
    updated_at         DATETIME(3)  NOT NULL,
    CONSTRAINT pk_connectors PRIMARY KEY (charger_id, connector_id),
    CONSTRAINT fk_connectors_charger FOREIGN KEY (charger_id) REFERENCES chargers (id) ON DELETE CASCADE
);

CREATE TABLE connector_status_history (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    charger_id         VARCHAR(48)  NOT NULL,
    connector_id       INT          NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    error_code         VARCHAR(32)  NOT NULL,
    info               VARCHAR(50),
    vendor_id          VARCHAR(255),
    vendor_error_code  VARCHAR(50),
    status_at          DATETIME(3)  NOT NULL,
    received_at        DATETIME(3)  NOT NULL,
    CONSTRAINT pk_connector_status_history PRIMARY KEY (id)
);
CREATE INDEX ix_connector_status_history_connector ON connector_status_history (charger_id, connector_id, received_at);

-- DataTransfer messages a charger sent, kept for the vendors we may support later.
CREATE TABLE charger_data_transfers (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    charger_id   VARCHAR(48)   NOT NULL,
    vendor_id    VARCHAR(255)  NOT NULL,
    message_id   VARCHAR(50),
    data         TEXT,
    received_at  DATETIME(3)   NOT NULL,
    CONSTRAINT pk_charger_data_transfers PRIMARY KEY (id)
);
CREATE INDEX ix_charger_data_transfers_charger ON charger_data_transfers (charger_id, received_at);
