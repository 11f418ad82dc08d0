package io.chargepay.csms.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Ethereum node for the tests: anvil (Foundry) from the npm package {@code @foundry-rs/anvil} pinned in
 * {@code test-tools/package.json}. The binary is {@code CSMS_TEST_ANVIL} when set, else the one npm installed under
 * {@code test-tools/node_modules} (installed here with {@code npm ci --prefix test-tools} when missing). Each instance
 * listens on a free 127.0.0.1 port and is stopped by {@link #close()}. Talks plain JSON-RPC, independent of web3j.
 */
public final class Anvil implements AutoCloseable {

	public static final long CHAIN_ID = 31337;
	/** anvil's first unlocked dev account, which deploys and calls the test contracts. */
	public static final String DEPLOYER = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Path TOOLS = Path.of("test-tools");
	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
	private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);

	private final Process process;
	private final int port;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	private final AtomicLong ids = new AtomicLong();

	private Anvil(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	public static Anvil start() {
		Path binary = binary();
		int port = TestDatabase.freePort();
		Path log = Path.of("target", "anvil-" + port + ".log");
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(binary.toString(), "--host", "127.0.0.1", "--port",
					String.valueOf(port), "--chain-id", String.valueOf(CHAIN_ID))
					.redirectErrorStream(true).redirectOutput(log.toFile()).start();
			Anvil anvil = new Anvil(process, port);
			await("anvil answering on 127.0.0.1:" + port).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50))
					.failFast("anvil exited, see " + log, () -> !process.isAlive())
					.until(anvil::answers);
			return anvil;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start " + binary, e);
		}
	}

	public String rpcUrl() {
		return "http://127.0.0.1:" + port;
	}

	public boolean isRunning() {
		return process.isAlive();
	}

	/** Sends one JSON-RPC request and returns its result; a JSON-RPC error fails the test. */
	public JsonNode rpc(String method, Object... params) {
		String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", ids.incrementAndGet(), "method", method,
				"params", List.of(params)));
		HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl())).timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
		try {
			JsonNode answer = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
			if (answer.has("error")) {
				throw new AssertionError(method + " failed: " + answer.get("error"));
			}
			return answer.get("result");
		}
		catch (IOException e) {
			throw new UncheckedIOException(method + " to anvil failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public void setBalance(String address, BigInteger wei) {
		rpc("anvil_setBalance", address, hex(wei));
	}

	public BigInteger quantity(String method, Object... params) {
		return new BigInteger(rpc(method, params).asString().substring(2), 16);
	}

	public BigInteger baseFee() {
		return new BigInteger(rpc("eth_getBlockByNumber", "latest", false).get("baseFeePerGas").asString().substring(2), 16);
	}

	/** Sends a transaction from the deployer, mined at once (automine); fails unless it succeeded. */
	public JsonNode transact(String to, String data) {
		Map<String, String> transaction = to.isEmpty() ? Map.of("from", DEPLOYER, "data", data)
				: Map.of("from", DEPLOYER, "to", to, "data", data);
		String hash = rpc("eth_sendTransaction", transaction).asString();
		// Automine mines at once, but the receipt may appear a moment after the hash is returned.
		JsonNode receipt = await("receipt of " + hash).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
				.until(() -> rpc("eth_getTransactionReceipt", hash), found -> found != null && !found.isNull());
		if (!"0x1".equals(receipt.get("status").asString())) {
			throw new AssertionError("transaction " + hash + " failed: " + receipt);
		}
		return receipt;
	}

	/** Deploys {@code evm/<name>.bin} from the test resources with ABI-encoded constructor arguments. */
	public String deploy(String name, String encodedArguments) {
		try (var in = Anvil.class.getResourceAsStream("/evm/" + name + ".bin")) {
			if (in == null) {
				throw new IllegalStateException("No compiled contract evm/" + name + ".bin");
			}
			String bytecode = new String(in.readAllBytes()).trim();
			return transact("", "0x" + bytecode + encodedArguments).get("contractAddress").asString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static String hex(BigInteger value) {
		return "0x" + value.toString(16);
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean answers() {
		try {
			return rpc("eth_chainId") != null;
		}
		catch (RuntimeException notYet) {
			return false;
		}
	}

	private static Path binary() {
		String configured = System.getenv("CSMS_TEST_ANVIL");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		if (installed().isEmpty()) {
			npmCi();
		}
		return installed().orElseThrow(() -> new IllegalStateException("npm ci --prefix test-tools installed no anvil "
				+ "binary for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch")));
	}

	/**
	 * The platform package's native binary, run directly so that stopping it stops the node; the package's node
	 * wrapper ({@code .bin/anvil}) only as a fallback.
	 */
	private static java.util.Optional<Path> installed() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		String platform = (os.contains("mac") ? "darwin" : os.contains("win") ? "win32" : "linux") + "-"
				+ (arch.contains("aarch64") || arch.contains("arm64") ? "arm64" : "amd64");
		Path modules = TOOLS.resolve("node_modules");
		return java.util.stream.Stream.of(
						modules.resolve("@foundry-rs/anvil-" + platform + "/bin/anvil"),
						modules.resolve(".bin/anvil"))
				.filter(Files::isExecutable).findFirst();
	}

	private static void npmCi() {
		String command = Files.exists(TOOLS.resolve("package-lock.json")) ? "ci" : "install";
		try {
			Process npm = new ProcessBuilder("npm", command, "--prefix", TOOLS.toString(), "--no-audit", "--no-fund")
					.inheritIO().start();
			if (!npm.waitFor(NPM_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				npm.destroyForcibly();
				throw new IllegalStateException("npm " + command + " --prefix test-tools took longer than " + NPM_TIMEOUT);
			}
			if (npm.exitValue() != 0) {
				throw new IllegalStateException("npm " + command + " --prefix test-tools failed with exit code "
						+ npm.exitValue());
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("anvil is missing and npm could not be run to install it: install Node.js "
					+ "and npm, run npm ci --prefix test-tools, or set CSMS_TEST_ANVIL to an anvil binary", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
