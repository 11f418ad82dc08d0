-- Retention purges old rows by age alone: without these indexes each purge would scan the whole table.
CREATE INDEX ix_quarantined_messages_received ON quarantined_messages (received_at);
CREATE INDEX ix_charger_data_transfers_received ON charger_data_transfers (received_at);
