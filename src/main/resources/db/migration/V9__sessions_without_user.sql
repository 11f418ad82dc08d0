-- Sessions recorded before they were tied to users (the specification's migration notes): associate each with its
-- idTag's user where there is one. Those still without a user are listed for an operator (GET /api/v1/sessions?unassigned=true).
UPDATE charging_sessions
SET user_id = (SELECT t.user_id FROM id_tags t WHERE t.id_tag = charging_sessions.id_tag)
WHERE user_id IS NULL
  AND EXISTS (SELECT 1 FROM id_tags t WHERE t.id_tag = charging_sessions.id_tag);
