package io.chargepay.csms.balance.internal.evm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;

/** The JSON-RPC calls a balance check makes, each turning transport errors, timeouts and odd answers into a {@link RpcFailure}. */
class EvmRpc {

	/** EIP-1474: "execution reverted". */
	private static final int EXECUTION_REVERTED = 3;

	/** The head the check reads at, so all balances and prices come from one block. */
	record Head(BigInteger number, @Nullable BigInteger baseFeePerGas) {
	}

	private final Web3j web3j;
	private final Duration timeout;

	EvmRpc(Web3j web3j, Duration timeout) {
		this.web3j = web3j;
		this.timeout = timeout;
	}

	BigInteger chainId() {
		return send("eth_chainId", web3j.ethChainId(), r -> r.getChainId());
	}

	Head latestBlock() {
		return send("eth_getBlockByNumber", web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false), r -> {
			EthBlock.Block block = r.getBlock();
			if (block == null) {
				throw new IllegalArgumentException("no latest block");
			}
			return new Head(block.getNumber(), block.getBaseFeePerGasRaw() == null ? null : block.getBaseFeePerGas());
		});
	}

	BigInteger balance(String address, BigInteger block) {
		return send("eth_getBalance", web3j.ethGetBalance(address, at(block)), r -> r.getBalance());
	}

	/** The raw return data of a view call; reverts and empty answers are failures. */
	String call(String to, String data, BigInteger block, String what) {
		String value = send("eth_call " + what, web3j.ethCall(Transaction.createEthCallTransaction(null, to, data), at(block)),
				r -> r.getValue());
		if (value == null || value.equals("0x")) {
			throw new RpcFailure("eth_call " + what + " returned no data: is there a contract at " + to + "?");
		}
		return value;
	}

	/** Gas of a transaction from {@code from}; no gas price is given, so the node checks the logic, not the fee. */
	BigInteger estimateGas(String from, String to, @Nullable BigInteger value, @Nullable String data) {
		Transaction transaction = new Transaction(from, null, null, null, to, value, data);
		return send("eth_estimateGas", web3j.ethEstimateGas(transaction), r -> r.getAmountUsed());
	}

	BigInteger maxPriorityFeePerGas() {
		return send("eth_maxPriorityFeePerGas", web3j.ethMaxPriorityFeePerGas(), r -> r.getMaxPriorityFeePerGas());
	}

	/** RPC errors by kind, in the application's registry (Spring Boot adds it to the global one). */
	private static void countError(String kind) {
		io.micrometer.core.instrument.Metrics.counter("csms.balance.rpc.errors", "kind", kind).increment();
	}

	BigInteger gasPrice() {
		return send("eth_gasPrice", web3j.ethGasPrice(), r -> r.getGasPrice());
	}

	private <T extends Response<?>, R> R send(String method, Request<?, T> request, Function<T, R> read) {
		T response;
		try {
			response = request.send();
		}
		catch (InterruptedIOException e) {
			countError("timeout");
			throw new RpcFailure(method + " timed out after " + timeout.toMillis() + " ms");
		}
		catch (JsonProcessingException e) {
			countError("malformed");
			throw new RpcFailure(method + " returned a malformed answer: " + describe(e));
		}
		catch (IOException | RuntimeException e) {
			countError("connection");
			throw new RpcFailure(method + " failed: " + describe(e));
		}
		if (response.hasError()) {
			countError("rpc_error");
			Response.Error error = response.getError();
			boolean reverted = error.getCode() == EXECUTION_REVERTED
					|| String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT).contains("revert");
			throw new RpcFailure(method + " failed: " + error.getMessage() + " (JSON-RPC error " + error.getCode() + ")",
					reverted);
		}
		try {
			R result = read.apply(response);
			if (result == null) {
				throw new IllegalArgumentException("no result");
			}
			return result;
		}
		catch (RuntimeException e) {
			throw new RpcFailure(method + " returned a malformed answer: " + describe(e));
		}
	}

	private static DefaultBlockParameter at(BigInteger block) {
		return DefaultBlockParameter.valueOf(block);
	}

	static String describe(Throwable e) {
		String message = e.getMessage();
		String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}
}
