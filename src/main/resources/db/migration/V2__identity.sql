-- Drivers and the OCPP idTags (CiString20) that identify them at a charger.

CREATE TABLE users (
    id          VARCHAR(64)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id)
);

CREATE TABLE id_tags (
    id_tag         VARCHAR(20)  NOT NULL,
    user_id        VARCHAR(64)  NOT NULL,
    blocked        BOOLEAN      NOT NULL DEFAULT FALSE,
    expires_at     DATETIME(3),
    parent_id_tag  VARCHAR(20),
    created_at     DATETIME(3)  NOT NULL,
    CONSTRAINT pk_id_tags PRIMARY KEY (id_tag),
    CONSTRAINT fk_id_tags_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_id_tags_user ON id_tags (user_id);
