-- A fast verifier of a charger's chosen key, stored after the key first passed PBKDF2: an HMAC under a secret that
-- lives only in the environment (csms.chargers.key-verifier-secret), tied to the stored hash. Useless without that
-- secret, so a dump of this table gives nothing faster to guess against than the PBKDF2 hash beside it.
ALTER TABLE chargers ADD COLUMN key_verifier VARCHAR(80) NULL;
