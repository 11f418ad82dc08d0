-- What each Stripe event did: a paid event whose amount or currency differs from its link's is kept here, with why,
-- and not applied.
ALTER TABLE applied_stripe_events ADD COLUMN outcome VARCHAR(16) NULL;
ALTER TABLE applied_stripe_events ADD COLUMN detail VARCHAR(255) NULL;
