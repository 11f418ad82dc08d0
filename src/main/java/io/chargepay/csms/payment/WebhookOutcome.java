package io.chargepay.csms.payment;

/** What a verified webhook event did: APPLIED, DUPLICATE (its id was applied before) or IGNORED (not for us). */
public enum WebhookOutcome {
	APPLIED, DUPLICATE, IGNORED
}
