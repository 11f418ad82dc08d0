-- Spring Modulith 2.0's JPA event publication registry (entity DefaultJpaEventPublication, table EVENT_PUBLICATION):
-- a SessionEnded is stored here in the transaction that stores the stop, and stays incomplete until the payment
-- listener has recorded the session's link, so a crash or an outage delays the link but never loses it.
-- Columns follow the entity's mapping; the id is a UUID stored as text (hibernate.type.preferred_uuid_jdbc_type=CHAR
-- in application.yml), because MySQL 8 has no UUID type while MariaDB and H2 have different ones.
CREATE TABLE event_publication (
    id                      CHAR(36)        NOT NULL,
    listener_id             VARCHAR(512)    NOT NULL,
    event_type              VARCHAR(512)    NOT NULL,
    serialized_event        VARCHAR(4000)   NOT NULL,
    publication_date        DATETIME(6)     NOT NULL,
    completion_date         DATETIME(6),
    status                  VARCHAR(20),
    completion_attempts     INT             NOT NULL DEFAULT 0,
    last_resubmission_date  DATETIME(6),
    CONSTRAINT pk_event_publication PRIMARY KEY (id)
);
CREATE INDEX ix_event_publication_completion ON event_publication (completion_date);
CREATE INDEX ix_event_publication_status ON event_publication (status, publication_date);
