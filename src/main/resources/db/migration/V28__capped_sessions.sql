-- A session billed at the amount its balance check covered, below what the tariff said: what the tariff said.
ALTER TABLE charging_sessions ADD COLUMN uncapped_amount_minor BIGINT NULL;
