-- Payment links: every finished, billable charging session gets one live link (a Stripe Checkout Session or a
-- sandbox page); recreated links keep the old ones as EXPIRED history.
CREATE TABLE payment_links (
    id                CHAR(36)       NOT NULL,
    session_id        CHAR(36)       NOT NULL,
    provider          VARCHAR(16)    NOT NULL,
    external_id       VARCHAR(255),
    url               VARCHAR(2048),
    amount_minor      BIGINT         NOT NULL,
    currency          VARCHAR(3)     NOT NULL,
    status            VARCHAR(16)    NOT NULL,
    -- 1 for the session's first link, +1 for each recreation; part of the provider idempotency key.
    attempt           INT            NOT NULL,
    -- The session's id while this link is live (PENDING or ACTIVE), NULL otherwise: the UNIQUE constraint below lets
    -- a session have at most one live link, and NULLs never collide (MariaDB, MySQL and H2 alike).
    live_session_id   CHAR(36),
    idempotency_key   VARCHAR(255)   NOT NULL,
    provider_calls    INT            NOT NULL DEFAULT 0,
    next_attempt_at   DATETIME(3),
    created_at        DATETIME(3)    NOT NULL,
    expires_at        DATETIME(3)    NOT NULL,
    updated_at        DATETIME(3)    NOT NULL,
    failure_reason    VARCHAR(1000),
    metadata          TEXT,
    version           BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_payment_links PRIMARY KEY (id),
    CONSTRAINT uk_payment_links_live_session UNIQUE (live_session_id),
    CONSTRAINT uk_payment_links_session_attempt UNIQUE (session_id, attempt)
);
CREATE INDEX ix_payment_links_pending ON payment_links (status, next_attempt_at);
CREATE INDEX ix_payment_links_expiry ON payment_links (status, expires_at);
CREATE INDEX ix_payment_links_external ON payment_links (provider, external_id);

-- Stripe webhook events already applied: Stripe delivers at least once, each event id changes state once.
CREATE TABLE applied_stripe_events (
    event_id     VARCHAR(255)   NOT NULL,
    type         VARCHAR(128)   NOT NULL,
    received_at  DATETIME(3)    NOT NULL,
    CONSTRAINT pk_applied_stripe_events PRIMARY KEY (event_id)
);
