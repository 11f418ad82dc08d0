-- Balance checks before a session (session-management-api.md, BalanceCheck), the reservations sufficient checks hold
-- on their wallets, one lock row per wallet that serializes the checks of that wallet, and the sandbox's balances.
-- Amounts are fiat in csms.payments.currency. Wallet keys hold the chain in upper case and the address in lower case.

CREATE TABLE balance_checks (
    id                CHAR(36)       NOT NULL,
    user_id           VARCHAR(64)    NOT NULL,
    wallet_address    VARCHAR(42)    NOT NULL,
    chain             VARCHAR(32)    NOT NULL,
    requested_amount  DECIMAL(19, 4) NOT NULL,
    actual_balance    DECIMAL(19, 4),
    status            VARCHAR(16)    NOT NULL,
    provider          VARCHAR(32)    NOT NULL,
    error_message     VARCHAR(1000),
    -- JSON text: what the decision rested on (raw on-chain amounts, block, price and its timestamp, gas and fee).
    metadata          TEXT,
    created_at        DATETIME(3)    NOT NULL,
    updated_at        DATETIME(3)    NOT NULL,
    CONSTRAINT pk_balance_checks PRIMARY KEY (id)
);
CREATE INDEX ix_balance_checks_user ON balance_checks (user_id, created_at);

CREATE TABLE wallet_reservations (
    balance_check_id  CHAR(36)       NOT NULL,
    chain             VARCHAR(32)    NOT NULL,
    wallet_address    VARCHAR(42)    NOT NULL,
    amount            DECIMAL(19, 4) NOT NULL,
    status            VARCHAR(16)    NOT NULL,
    created_at        DATETIME(3)    NOT NULL,
    released_at       DATETIME(3),
    CONSTRAINT pk_wallet_reservations PRIMARY KEY (balance_check_id),
    CONSTRAINT fk_wallet_reservations_check FOREIGN KEY (balance_check_id) REFERENCES balance_checks (id)
);
CREATE INDEX ix_wallet_reservations_wallet ON wallet_reservations (chain, wallet_address, status);

-- Locked with SELECT ... FOR UPDATE while a check of the wallet decides and reserves.
CREATE TABLE wallet_locks (
    chain           VARCHAR(32)  NOT NULL,
    wallet_address  VARCHAR(42)  NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    CONSTRAINT pk_wallet_locks PRIMARY KEY (chain, wallet_address)
);

-- Sandbox mode: balances an operator sets for chains not configured under csms.chains.
CREATE TABLE sandbox_balances (
    chain           VARCHAR(32)    NOT NULL,
    wallet_address  VARCHAR(42)    NOT NULL,
    amount          DECIMAL(19, 4) NOT NULL,
    updated_at      DATETIME(3)    NOT NULL,
    CONSTRAINT pk_sandbox_balances PRIMARY KEY (chain, wallet_address)
);
