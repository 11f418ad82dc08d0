-- Recreating a payment link claims the live link for the length of the provider call, instead of holding a row lock
-- across it: a concurrent recreation sees the claim and joins it; a claim older than a few minutes (its node crashed)
-- may be taken over.
ALTER TABLE payment_links ADD COLUMN replacement_claim CHAR(36) NULL;
ALTER TABLE payment_links ADD COLUMN replacement_claimed_at DATETIME(3) NULL;
