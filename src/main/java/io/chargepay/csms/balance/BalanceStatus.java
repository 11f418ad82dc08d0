package io.chargepay.csms.balance;

/** The outcome of a balance check (session-management-api.md, BalanceCheck.status). */
public enum BalanceStatus {
	SUFFICIENT, INSUFFICIENT, ERROR
}
