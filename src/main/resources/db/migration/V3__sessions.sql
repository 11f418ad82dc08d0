-- Charging sessions (an OCPP transaction is one), their meter values, and charger
-- messages that could not be applied and are kept for an operator to look at.

CREATE TABLE charging_sessions (
    id                    CHAR(36)     NOT NULL,
    transaction_id        INT,
    charger_id            VARCHAR(48)  NOT NULL,
    connector_id          INT          NOT NULL,
    id_tag                VARCHAR(20)  NOT NULL,
    user_id               VARCHAR(64),
    status                VARCHAR(16)  NOT NULL,
    authorization_status  VARCHAR(16)  NOT NULL,
    meter_start_wh        BIGINT       NOT NULL,
    started_at            DATETIME(3)  NOT NULL,
    reservation_id        INT,
    meter_stop_wh         BIGINT,
    stopped_at            DATETIME(3),
    stop_reason           VARCHAR(32),
    stop_id_tag           VARCHAR(20),
    energy_wh             BIGINT,
    meter_anomaly         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at            DATETIME(3)  NOT NULL,
    updated_at            DATETIME(3)  NOT NULL,
    version               BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_charging_sessions PRIMARY KEY (id),
    CONSTRAINT uk_charging_sessions_transaction UNIQUE (transaction_id),
    -- A charger that repeats a StartTransaction (lost answer, OCPP 1.6 §3.7) must get the same transaction back.
    CONSTRAINT uk_charging_sessions_start UNIQUE (charger_id, connector_id, id_tag, started_at, meter_start_wh)
);
CREATE INDEX ix_charging_sessions_user ON charging_sessions (user_id, created_at);
CREATE INDEX ix_charging_sessions_id_tag_status ON charging_sessions (id_tag, status);

CREATE TABLE meter_values (
    id              BIGINT          NOT NULL AUTO_INCREMENT,
    charger_id      VARCHAR(48)     NOT NULL,
    connector_id    INT             NOT NULL,
    transaction_id  INT,
    session_id      CHAR(36),
    sampled_at      DATETIME(3)     NOT NULL,
    measurand       VARCHAR(64)     NOT NULL,
    unit            VARCHAR(16)     NOT NULL,
    context         VARCHAR(32)     NOT NULL,
    phase           VARCHAR(8),
    location        VARCHAR(8)      NOT NULL,
    format          VARCHAR(16)     NOT NULL,
    raw_value       VARCHAR(4000)   NOT NULL,
    numeric_value   DECIMAL(24, 6),
    value_wh        DECIMAL(24, 3),
    received_at     DATETIME(3)     NOT NULL,
    CONSTRAINT pk_meter_values PRIMARY KEY (id)
);
CREATE INDEX ix_meter_values_session ON meter_values (session_id, sampled_at);
CREATE INDEX ix_meter_values_charger ON meter_values (charger_id, connector_id, sampled_at);

CREATE TABLE quarantined_messages (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    charger_id   VARCHAR(48)    NOT NULL,
    action       VARCHAR(64)    NOT NULL,
    reason       VARCHAR(255)   NOT NULL,
    payload      TEXT           NOT NULL,
    received_at  DATETIME(3)    NOT NULL,
    CONSTRAINT pk_quarantined_messages PRIMARY KEY (id)
);
CREATE INDEX ix_quarantined_messages_charger ON quarantined_messages (charger_id, received_at);
