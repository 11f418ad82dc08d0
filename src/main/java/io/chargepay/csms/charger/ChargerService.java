package io.chargepay.csms.charger;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.charger.internal.Charger;
import io.chargepay.csms.charger.internal.ChargerCredentials;
import io.chargepay.csms.charger.internal.ChargerDataTransfer;
import io.chargepay.csms.charger.internal.ChargerDataTransferRepository;
import io.chargepay.csms.charger.internal.ChargerRepository;
import io.chargepay.csms.charger.internal.ChargerSightings;
import io.chargepay.csms.charger.internal.KeyVerifiers;
import io.chargepay.csms.charger.internal.StatusReports;
import io.chargepay.csms.charger.internal.ConnectorStatuses;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers charge points, checks their credentials and records what they report. */
@Service
public class ChargerService {

	private final ChargerRepository chargers;
	private final ChargerCredentials credentials;
	private final ConnectorStatuses connectorStatuses;
	private final ChargerDataTransferRepository dataTransfers;
	private final ChargerSightings sightings;
	private final KeyVerifiers verifiers;
	private final StatusReports reports;
	private final Clock clock;

	ChargerService(ChargerRepository chargers, ChargerCredentials credentials, ConnectorStatuses connectorStatuses,
			ChargerDataTransferRepository dataTransfers, ChargerSightings sightings, KeyVerifiers verifiers,
			StatusReports reports, Clock clock) {
		this.reports = reports;
		this.chargers = chargers;
		this.credentials = credentials;
		this.verifiers = verifiers;
		this.connectorStatuses = connectorStatuses;
		this.dataTransfers = dataTransfers;
		this.sightings = sightings;
		this.clock = clock;
	}

	/**
	 * Registers a charger with its OCPP AuthorizationKey; the key is kept only as a salted hash, and its verifier
	 * (KeyVerifiers), so that even the charger's first upgrade skips PBKDF2: a fleet registered with chosen keys and
	 * switched on together costs an HMAC per charger, not 8 ms of CPU.
	 */
	@Transactional
	public void register(String chargerId, String authorizationKey) {
		ChargerCredentials.requireValidKey(authorizationKey);
		if (chargers.existsById(chargerId)) {
			throw new ChargerAlreadyExistsException(chargerId);
		}
		String hash = credentials.hash(authorizationKey);
		chargers.save(new Charger(chargerId, hash, verifiers.verifierOf(chargerId, hash, authorizationKey),
				clock.instant()));
	}

	/**
	 * Registers a charger with an AuthorizationKey the CSMS generates, returned here and never again. Generated keys are
	 * random enough to be checked with a fast hash, so a fleet of them reconnects quickly (see ChargerCredentials).
	 */
	@Transactional
	public String registerWithGeneratedKey(String chargerId) {
		if (chargers.existsById(chargerId)) {
			throw new ChargerAlreadyExistsException(chargerId);
		}
		ChargerCredentials.GeneratedKey key = credentials.generate();
		chargers.save(new Charger(chargerId, key.hash(), null, clock.instant()));
		return key.authorizationKey();
	}

	/** A new AuthorizationKey; the operator API then closes the charger's live connection. */
	@Transactional
	public void changeAuthorizationKey(String chargerId, String authorizationKey) {
		ChargerCredentials.requireValidKey(authorizationKey);
		String hash = credentials.hash(authorizationKey);
		charger(chargerId).changePasswordHash(hash, verifiers.verifierOf(chargerId, hash, authorizationKey));
	}

	/** {@link #changeAuthorizationKey} with a key the CSMS generates, returned here and never again. */
	@Transactional
	public String generateAuthorizationKey(String chargerId) {
		Charger charger = charger(chargerId);
		ChargerCredentials.GeneratedKey key = credentials.generate();
		charger.changePasswordHash(key.hash(), null);
		return key.authorizationKey();
	}

	/** A disabled charger is refused at the upgrade (401, as an unknown one) and cannot be registered again under its id. */
	@Transactional
	public void disable(String chargerId) {
		charger(chargerId).disable();
	}

	@Transactional(readOnly = true)
	public Optional<ChargerView> find(String chargerId) {
		return chargers.findById(chargerId).map(this::view);
	}

	/** Newest registrations first. */
	@Transactional(readOnly = true)
	public Page<ChargerView> list(int page, int size) {
		return chargers.findAll(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "registeredAt", "id")))
				.map(this::view);
	}

	@Transactional(readOnly = true)
	public boolean exists(String chargerId) {
		return chargers.findById(chargerId).filter(Charger::isEnabled).isPresent();
	}

	/**
	 * Security profile 1/2: the Basic-auth password must be the charger's AuthorizationKey. Every refusal costs a
	 * PBKDF2 verification, whether the charger is unknown or its key is stored under a fast hash, so the time an
	 * answer takes does not tell which ids exist.
	 */
	@Transactional
	public ChargerAuthentication authenticate(String chargerId, String authorizationKey) {
		Charger charger = chargers.findById(chargerId).filter(Charger::isEnabled).orElse(null);
		if (charger == null) {
			credentials.spendRefusedCheck(authorizationKey);
			return ChargerAuthentication.UNKNOWN_CHARGER;
		}
		String hash = charger.passwordHash();
		if (verifiers.matches(charger.keyVerifier(), chargerId, hash, authorizationKey)) {
			return ChargerAuthentication.ACCEPTED;
		}
		if (credentials.matches(authorizationKey, hash)) {
			if (ChargerCredentials.isSlowHash(hash)) {
				// Written once per key: the next upgrade skips PBKDF2 (on any node and after a restart with the secret).
				chargers.rememberKey(chargerId, hash, verifiers.verifierOf(chargerId, hash, authorizationKey));
			}
			return ChargerAuthentication.ACCEPTED;
		}
		if (!ChargerCredentials.isSlowHash(charger.passwordHash())) {
			credentials.spendRefusedCheck(authorizationKey);
		}
		return ChargerAuthentication.BAD_CREDENTIALS;
	}

	@Transactional
	public void recordBoot(String chargerId, ChargerBoot boot) {
		charger(chargerId).booted(boot, clock.instant());
	}

	/** A Heartbeat: written with others in a few seconds (see ChargerSightings), not in a transaction of its own. */
	public void recordSeen(String chargerId) {
		sightings.seen(chargerId, clock.instant());
	}

	/** Completes once the report is committed, together with other chargers' (see ConnectorStatuses). */
	public CompletableFuture<Void> recordStatus(String chargerId, ConnectorStatusReport report) {
		return connectorStatuses.record(chargerId, report, clock.instant());
	}

	private Charger charger(String chargerId) {
		return chargers.findById(chargerId).orElseThrow(() -> new UnknownChargerException(chargerId));
	}

	private ChargerView view(Charger charger) {
		return new ChargerView(charger.id(), charger.isEnabled(), charger.vendor(), charger.model(),
				charger.firmwareVersion(), charger.registeredAt(), charger.lastBootAt(),
				sightings.lastSeen(charger.id(), charger.lastSeenAt()),
				connectorStatuses.of(charger.id()),
				ChargerView.StatusReport.of(charger.firmwareStatus(), charger.firmwareStatusAt()),
				ChargerView.StatusReport.of(charger.diagnosticsStatus(), charger.diagnosticsStatusAt()),
				ChargerView.StatusReport.of(charger.logStatus(), charger.logStatusAt()));
	}

	/**
	 * FirmwareStatusNotification, or SignedFirmwareStatusNotification with the request it answers: the charger's latest
	 * firmware status, and its history.
	 */
	@Transactional
	public void recordFirmwareStatus(String chargerId, String status, @Nullable Integer requestId) {
		reports.record(chargerId, StatusReports.Kind.FIRMWARE, status, requestId, clock.instant());
	}

	/** DiagnosticsStatusNotification: the charger's latest diagnostics upload status, and its history. */
	@Transactional
	public void recordDiagnosticsStatus(String chargerId, String status) {
		reports.record(chargerId, StatusReports.Kind.DIAGNOSTICS, status, null, clock.instant());
	}

	/** LogStatusNotification: the charger's latest log upload status, with the GetLog request it answers. */
	@Transactional
	public void recordLogStatus(String chargerId, String status, @Nullable Integer requestId) {
		reports.record(chargerId, StatusReports.Kind.LOG, status, requestId, clock.instant());
	}

	@Transactional
	public void recordDataTransfer(String chargerId, DataTransferReceived transfer) {
		dataTransfers.save(new ChargerDataTransfer(chargerId, transfer, clock.instant()));
	}
}
