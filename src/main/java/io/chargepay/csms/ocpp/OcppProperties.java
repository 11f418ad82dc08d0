package io.chargepay.csms.ocpp;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OCPP-J listener. {@code workerThreads} handle charger messages (they block on the database, so more than the
 * cores); {@code workerQueueCapacity} bounds what waits for them, beyond which the listener stops reading.
 * {@code decoderThreads} decode frames, and each one serves a fixed share of the connections; 0 means 4 per core, at
 * least 8 (see BENCHMARKS.md). Upgrades are decided on the {@code admission} pool instead (a key check and a database
 * read each). An upgrade that waited longer than {@code staleHandshake} since its connection was accepted is answered
 * 503 without checking its key. A charger's timestamp
 * more than {@code maxClockSkew} ahead of ours is not trusted for ordering (see ChargerClock). {@code limits} bound
 * what one peer address or one identity can cost us before it has authenticated.
 */
@Validated
@ConfigurationProperties("csms.ocpp")
public record OcppProperties(
		@DefaultValue("0.0.0.0") @NotBlank String host,
		@DefaultValue("9000") @Min(0) @Max(65535) int port,
		@DefaultValue("30s") Duration callTimeout,
		@DefaultValue("300s") Duration heartbeatInterval,
		@DefaultValue("65536") @Positive int maxFrameBytes,
		@DefaultValue("16") @Positive int workerThreads,
		@DefaultValue("10000") @Positive int workerQueueCapacity,
		@DefaultValue("32") @Positive int maxPendingCallsPerCharger,
		@DefaultValue("0") @Min(0) int decoderThreads,
		@DefaultValue("8s") Duration staleHandshake,
		@DefaultValue("15m") Duration maxClockSkew,
		@DefaultValue @Valid Limits limits,
		@DefaultValue @Valid Admission admission,
		@DefaultValue @Valid BalanceGate balanceGate,
		@Nullable Tls tls) {

	/** The decoder threads to start: {@code decoderThreads}, or 4 per core and at least 8 when it is 0. */
	public int effectiveDecoderThreads() {
		return decoderThreads > 0 ? decoderThreads : Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
	}

	/**
	 * Before a charger has authenticated: {@code upgradeDeadline} from TCP accept to a complete upgrade request (else
	 * the connection is closed: slowloris), at most {@code maxUpgradeRequestBytes} of request, at most
	 * {@code connectionsPerAddress} open connections from one peer address (more are closed at accept), and at most
	 * {@code failedUpgradesPerAddress} / {@code failedUpgradesPerIdentity} refused credentials in a
	 * {@code failedUpgradeWindow} (then 429 with Retry-After until the window ends, without checking the key). Peers in
	 * {@code exemptAddresses} (a TLS proxy in front, which must then limit by the real client) skip the per-address
	 * limits; the per-identity one holds whoever connects.
	 */
	public record Limits(
			@DefaultValue("10s") Duration upgradeDeadline,
			@DefaultValue("8192") @Positive int maxUpgradeRequestBytes,
			@DefaultValue("200") @Positive int connectionsPerAddress,
			@DefaultValue("10") @Positive int failedUpgradesPerAddress,
			@DefaultValue("30") @Positive int failedUpgradesPerIdentity,
			@DefaultValue("1m") Duration failedUpgradeWindow,
			@DefaultValue({ "127.0.0.1", "::1" }) List<String> exemptAddresses) {
	}

	/**
	 * Where upgrades are decided, apart from the decoders that read connected chargers' frames: {@code threads} (0: two
	 * per core, at least two; deciding one is mostly waiting for the charger's row, and the PBKDF2 checks among them
	 * are held to csms.chargers.concurrent-slow-checks) check keys, at most {@code queueCapacity} upgrades wait for
	 * them, and one more is answered 503 with Retry-After {@code retryAfter} without being read further.
	 */
	public record Admission(
			@DefaultValue("0") @Min(0) int threads,
			@DefaultValue("1000") @Positive int queueCapacity,
			@DefaultValue("10s") Duration retryAfter) {

		public int effectiveThreads() {
			return threads > 0 ? threads : Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
		}
	}

	/**
	 * The charger messages that may wait for a balance check (Authorize, StartTransaction) are handled on a pool of
	 * {@code threads} of their own, at most {@code queueCapacity} waiting, so that a slow chain never holds the workers
	 * every other message needs; one charger may send at most {@code perChargerPerMinute} of them a minute. Beyond
	 * either, the message is answered with a CALLERROR (a StartTransaction is then resent by the charger).
	 */
	public record BalanceGate(
			@DefaultValue("16") @Positive int threads,
			@DefaultValue("1000") @Positive int queueCapacity,
			@DefaultValue("30") @Positive int perChargerPerMinute) {
	}

	/** Security profile 2: the same Basic auth over TLS 1.2+, on when a key store is configured. */
	public record Tls(@NotBlank String keyStore, String keyStorePassword, @DefaultValue("PKCS12") String keyStoreType) {
	}
}
