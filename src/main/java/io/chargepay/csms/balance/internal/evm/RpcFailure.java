package io.chargepay.csms.balance.internal.evm;

/**
 * Why a balance check could not be answered from the chain: an RPC error, a timeout, a malformed answer, a stale
 * price. The message becomes the check's errorMessage, so it says what went wrong and never carries a stack trace or
 * the rpc-url (which may hold an API key).
 */
class RpcFailure extends RuntimeException {

	private final boolean reverted;

	RpcFailure(String message) {
		this(message, false);
	}

	RpcFailure(String message, boolean reverted) {
		super(message, null, false, false);
		this.reverted = reverted;
	}

	/** The node ran the call and the EVM reverted it: the transaction would fail, the node is fine. */
	boolean reverted() {
		return reverted;
	}
}
