-- SecurityEventNotification (OCPP 1.6 security whitepaper): every event a charger reports, as it came. charger_id is
-- made exact by V34, as every charger_id column.
CREATE TABLE charger_security_events (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    charger_id   VARCHAR(48)   NOT NULL,
    type         VARCHAR(50)   NOT NULL,
    occurred_at  DATETIME(3)   NOT NULL,
    tech_info    VARCHAR(255)  NULL,
    received_at  DATETIME(3)   NOT NULL,
    CONSTRAINT pk_charger_security_events PRIMARY KEY (id)
);
CREATE INDEX ix_charger_security_events_charger ON charger_security_events (charger_id, id);
CREATE INDEX ix_charger_security_events_received ON charger_security_events (received_at);
