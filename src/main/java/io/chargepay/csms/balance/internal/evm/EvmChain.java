package io.chargepay.csms.balance.internal.evm;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;

import io.chargepay.csms.balance.BalanceProperties;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * One configured chain and its own web3j client. The chain id the node serves is checked before the chain is used: a
 * mismatch means {@code rpc-url} points at another network, where balances mean nothing for this one.
 */
class EvmChain {

	private final String name;
	private final BalanceProperties.Chain config;
	private final OkHttpClient http;
	private final EvmRpc rpc;
	private volatile boolean verified;

	EvmChain(String name, BalanceProperties.Chain config, Duration timeout) {
		this.name = name;
		this.config = config;
		this.http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
				.callTimeout(timeout).build();
		this.rpc = new EvmRpc(Web3j.build(new HttpService(config.rpcUrl(), http)), timeout);
	}

	String name() { return name; }
	BalanceProperties.Chain config() { return config; }
	EvmRpc rpc() { return rpc; }

	/** Throws {@link ChainIdMismatchException} on a mismatch and {@link RpcFailure} when the node does not answer. */
	void verify() {
		if (verified) {
			return;
		}
		BigInteger served = rpc.chainId();
		if (served.longValue() != config.chainId() || served.bitLength() > 63) {
			throw new ChainIdMismatchException("csms.chains." + name + ".chain-id is " + config.chainId()
					+ " but the node at csms.chains." + name + ".rpc-url (host " + host() + ") answers eth_chainId "
					+ served + ": rpc-url points at another network");
		}
		verified = true;
	}

	String host() {
		try {
			String host = URI.create(config.rpcUrl()).getHost();
			return host == null ? "?" : host;
		}
		catch (IllegalArgumentException e) {
			return "?";
		}
	}

	/**
	 * Web3j.shutdown() would also stop web3j's shared default executor, which other clients in the JVM still use, so
	 * only this chain's HTTP client is closed.
	 */
	void close() {
		http.dispatcher().executorService().shutdown();
		http.connectionPool().evictAll();
	}

	static class ChainIdMismatchException extends IllegalStateException {

		ChainIdMismatchException(String message) {
			super(message);
		}
	}
}
