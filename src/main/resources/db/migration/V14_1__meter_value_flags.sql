-- Why a sampled value has no number stored (SampledNumber.Flag): cut raw text, not a number, out of range, a negative
-- register. NULL for a value stored as a number.
ALTER TABLE meter_values ADD COLUMN value_flag VARCHAR(32);
