-- Crypto wallets a driver pays from; one may be the default for sessions started at the charger (RFID).
CREATE TABLE wallets (
    user_id     VARCHAR(64)  NOT NULL,
    chain       VARCHAR(32)  NOT NULL,
    address     VARCHAR(64)  NOT NULL,
    is_default  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  DATETIME(3)  NOT NULL,
    CONSTRAINT pk_wallets PRIMARY KEY (user_id, chain, address),
    CONSTRAINT fk_wallets_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
