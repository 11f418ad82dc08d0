package io.chargepay.csms.payment;

/**
 * What a verified webhook event did: APPLIED, DUPLICATE (its id was applied before), IGNORED (not for us) or
 * MISMATCHED (a payment whose amount or currency is not its link's: recorded, not applied, for an operator to look at).
 */
public enum WebhookOutcome {
	APPLIED, DUPLICATE, IGNORED, MISMATCHED
}
