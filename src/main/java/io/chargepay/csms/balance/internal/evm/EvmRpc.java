package io.chargepay.csms.balance.internal.evm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * The JSON-RPC calls a balance check makes, each turning transport errors, timeouts and odd answers into a
 * {@link RpcFailure}. The reads a check knows it needs once it has the head block go out together as one JSON-RPC
 * batch ({@link #batch()}): a check then takes three round trips to the node instead of six to eight one after
 * another. A node that refuses batches gets the same calls one by one.
 */
class EvmRpc {

	/** EIP-1474: "execution reverted". */
	private static final int EXECUTION_REVERTED = 3;
	private static final ObjectMapper PARAMS = ObjectMapperFactory.getObjectMapper();

	/** The head the check reads at, so all balances and prices come from one block. */
	record Head(BigInteger number, @Nullable BigInteger baseFeePerGas) {
	}

	private final Web3j web3j;
	private final Duration timeout;
	/** Answers of a batch sent for one check, by {@link #key} of their request; empty for the chain's shared client. */
	private final Map<String, Response<?>> prefetched;

	EvmRpc(Web3j web3j, Duration timeout) {
		this(web3j, timeout, Map.of());
	}

	private EvmRpc(Web3j web3j, Duration timeout, Map<String, Response<?>> prefetched) {
		this.web3j = web3j;
		this.timeout = timeout;
		this.prefetched = prefetched;
	}

	/** Reads to send together; {@link Batch#send()} gives the client that answers them from the batch. */
	Batch batch() {
		return new Batch();
	}

	final class Batch {

		private final List<Request<?, ? extends Response<?>>> requests = new ArrayList<>();

		Batch balance(String address, BigInteger block) {
			requests.add(balanceRequest(address, block));
			return this;
		}

		Batch call(String to, String data, BigInteger block) {
			requests.add(callRequest(to, data, block));
			return this;
		}

		Batch maxPriorityFeePerGas() {
			requests.add(web3j.ethMaxPriorityFeePerGas());
			return this;
		}

		Batch gasPrice() {
			requests.add(web3j.ethGasPrice());
			return this;
		}

		/**
		 * Sends the reads as one JSON-RPC batch and returns a client that answers them from it (any other call goes to
		 * the node as usual). A node that answers a batch with anything but one answer per request, in order, is asked
		 * one by one instead; a node that does not answer in time is a failure, as for a single call.
		 */
		EvmRpc send() {
			if (requests.isEmpty()) {
				return EvmRpc.this;
			}
			BatchRequest batch = web3j.newBatch();
			requests.forEach(batch::add);
			BatchResponse answered;
			try {
				answered = batch.send();
			}
			catch (InterruptedIOException e) {
				countError("timeout");
				throw new RpcFailure("a batch of " + requests.size() + " calls timed out after " + timeout.toMillis()
						+ " ms");
			}
			catch (IOException | RuntimeException notABatch) {
				countError("batch_refused");
				return EvmRpc.this;
			}
			if (!answeredInOrder(answered)) {
				countError("batch_refused");
				return EvmRpc.this;
			}
			return withPrefetched(answered);
		}

		/** The library pairs answers with requests by position; JSON-RPC lets a node answer in any order. */
		private boolean answeredInOrder(BatchResponse answered) {
			List<? extends Response<?>> responses = answered.getResponses();
			if (responses.size() != requests.size()) {
				return false;
			}
			for (int i = 0; i < responses.size(); i++) {
				if (responses.get(i) == null || responses.get(i).getId() != requests.get(i).getId()) {
					return false;
				}
			}
			return true;
		}

		private EvmRpc withPrefetched(BatchResponse answered) {
			Map<String, Response<?>> byKey = new HashMap<>();
			for (int i = 0; i < requests.size(); i++) {
				byKey.put(key(requests.get(i)), answered.getResponses().get(i));
			}
			return new EvmRpc(web3j, timeout, Map.copyOf(byKey));
		}
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
		return send("eth_getBalance", balanceRequest(address, block), r -> r.getBalance());
	}

	/** The raw return data of a view call; reverts and empty answers are failures. */
	String call(String to, String data, BigInteger block, String what) {
		String value = send("eth_call " + what, callRequest(to, data, block), r -> r.getValue());
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

	private Request<?, org.web3j.protocol.core.methods.response.EthGetBalance> balanceRequest(String address,
			BigInteger block) {
		return web3j.ethGetBalance(address, at(block));
	}

	private Request<?, org.web3j.protocol.core.methods.response.EthCall> callRequest(String to, String data,
			BigInteger block) {
		return web3j.ethCall(Transaction.createEthCallTransaction(null, to, data), at(block));
	}

	/** Two requests with the same method and parameters ask the same thing at the same block. */
	private static String key(Request<?, ?> request) {
		try {
			return request.getMethod() + PARAMS.writeValueAsString(request.getParams());
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("cannot write the parameters of " + request.getMethod(), e);
		}
	}

	@SuppressWarnings("unchecked")
	private <T extends Response<?>, R> R send(String method, Request<?, T> request, Function<T, R> read) {
		T response;
		try {
			Response<?> answered = prefetched.isEmpty() ? null : prefetched.get(key(request));
			response = answered != null ? (T) answered : request.send();
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
