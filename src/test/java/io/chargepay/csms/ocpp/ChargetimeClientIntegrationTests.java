package io.chargepay.csms.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import eu.chargetime.ocpp.ClientEvents;
import eu.chargetime.ocpp.JSONClient;
import eu.chargetime.ocpp.JSONConfiguration;
import eu.chargetime.ocpp.feature.profile.ClientCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientCoreProfile;
import eu.chargetime.ocpp.model.Confirmation;
import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.AuthorizeConfirmation;
import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityConfirmation;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityRequest;
import eu.chargetime.ocpp.model.core.ChangeConfigurationConfirmation;
import eu.chargetime.ocpp.model.core.ChangeConfigurationRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.ClearCacheConfirmation;
import eu.chargetime.ocpp.model.core.ClearCacheRequest;
import eu.chargetime.ocpp.model.core.DataTransferConfirmation;
import eu.chargetime.ocpp.model.core.DataTransferRequest;
import eu.chargetime.ocpp.model.core.GetConfigurationConfirmation;
import eu.chargetime.ocpp.model.core.GetConfigurationRequest;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.RemoteStartStopStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionRequest;
import eu.chargetime.ocpp.model.core.ResetConfirmation;
import eu.chargetime.ocpp.model.core.ResetRequest;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StopTransactionConfirmation;
import eu.chargetime.ocpp.model.core.UnlockConnectorConfirmation;
import eu.chargetime.ocpp.model.core.UnlockConnectorRequest;
import io.chargepay.csms.charger.ChargerCommand;
import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.charger.CommandResult;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** A third-party OCPP 1.6J client (eu.chargetime.ocpp's JSONClient) runs a whole charging session against us. */
@CsmsIntegrationTest
class ChargetimeClientIntegrationTests {

	@Value("${local.ocpp.port}")
	int port;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	io.chargepay.csms.balance.BalanceService balance;
	@Autowired
	ChargerCommands commands;
	@Autowired
	JdbcTemplate jdbc;

	@Test
	void runsBootAuthorizeStartMeterValuesAndStopAndEverythingIsStored() throws Exception {
		Fleet fleet = new Fleet(chargers, identity, balance);
		String chargerId = fleet.newCharger();
		String idTag = fleet.newDriverTag();
		ClientCoreProfile core = new ClientCoreProfile(new AcceptingCharger());
		JSONClient client = new JSONClient(core, chargerId, JSONConfiguration.get()
				.setParameter(JSONConfiguration.USERNAME_PARAMETER, chargerId)
				.setParameter(JSONConfiguration.PASSWORD_PARAMETER, Fleet.CHARGER_KEY));
		CompletableFuture<Void> opened = new CompletableFuture<>();
		client.connect("ws://127.0.0.1:" + port + "/ocpp", new ClientEvents() {
			public void connectionOpened() { opened.complete(null); }
			public void connectionClosed() { }
		});
		opened.get(10, TimeUnit.SECONDS);
		try {
			BootNotificationConfirmation boot = send(client, core.createBootNotificationRequest("ACME", "Volt-22"));
			assertThat(boot.getStatus()).isEqualTo(RegistrationStatus.Accepted);
			send(client, core.createStatusNotificationRequest(1, ChargePointErrorCode.NoError, ChargePointStatus.Preparing));
			AuthorizeConfirmation authorized = send(client, core.createAuthorizeRequest(idTag));
			assertThat(authorized.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);

			ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
			StartTransactionConfirmation start = send(client,
					core.createStartTransactionRequest(1, idTag, 1_000, started));
			int transactionId = start.getTransactionId();
			assertThat(transactionId).isPositive();
			SampledValue energy = new SampledValue("2.5");
			energy.setUnit("kWh");
			energy.setMeasurand("Energy.Active.Import.Register");
			MeterValuesRequest meterValues = core.createMeterValuesRequest(1, started.plusMinutes(5), energy);
			meterValues.setTransactionId(transactionId);
			send(client, meterValues);
			StopTransactionConfirmation stop = send(client,
					core.createStopTransactionRequest(3_500, started.plusMinutes(10), transactionId));
			assertThat(stop).isNotNull();

			await().atMost(java.time.Duration.ofSeconds(5)).until(() -> commands.isConnected(chargerId));
			CompletableFuture<CommandResult> reset = commands.send(chargerId, new ChargerCommand.Reset("Soft"));
			assertThat(reset.get(10, TimeUnit.SECONDS)).isEqualTo(new CommandResult.Answered(Map.of("status", "Accepted")));

			Map<String, Object> session = jdbc.queryForMap("select * from charging_sessions where transaction_id = ?",
					transactionId);
			assertThat(session).containsEntry("status", "COMPLETED").containsEntry("charger_id", chargerId);
			assertThat(((Number) session.get("energy_wh")).longValue()).isEqualTo(2_500);
			assertThat(jdbc.queryForObject("select value_wh from meter_values where transaction_id = ?",
					java.math.BigDecimal.class, transactionId)).isEqualByComparingTo("2500");
			assertThat(jdbc.queryForObject("select vendor from chargers where id = ?", String.class, chargerId))
					.isEqualTo("ACME");
		}
		finally {
			client.disconnect();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T extends Confirmation> T send(JSONClient client, Request request) throws Exception {
		return (T) client.send(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
	}

	/** A charger that accepts whatever the central system asks of it. */
	private static final class AcceptingCharger implements ClientCoreEventHandler {
		public ChangeAvailabilityConfirmation handleChangeAvailabilityRequest(ChangeAvailabilityRequest request) {
			return new ChangeAvailabilityConfirmation(eu.chargetime.ocpp.model.core.AvailabilityStatus.Accepted);
		}
		public GetConfigurationConfirmation handleGetConfigurationRequest(GetConfigurationRequest request) {
			return new GetConfigurationConfirmation();
		}
		public ChangeConfigurationConfirmation handleChangeConfigurationRequest(ChangeConfigurationRequest request) {
			return new ChangeConfigurationConfirmation(eu.chargetime.ocpp.model.core.ConfigurationStatus.Accepted);
		}
		public ClearCacheConfirmation handleClearCacheRequest(ClearCacheRequest request) {
			return new ClearCacheConfirmation(eu.chargetime.ocpp.model.core.ClearCacheStatus.Accepted);
		}
		public DataTransferConfirmation handleDataTransferRequest(DataTransferRequest request) {
			return new DataTransferConfirmation(eu.chargetime.ocpp.model.core.DataTransferStatus.Accepted);
		}
		public RemoteStartTransactionConfirmation handleRemoteStartTransactionRequest(RemoteStartTransactionRequest request) {
			return new RemoteStartTransactionConfirmation(RemoteStartStopStatus.Accepted);
		}
		public RemoteStopTransactionConfirmation handleRemoteStopTransactionRequest(RemoteStopTransactionRequest request) {
			return new RemoteStopTransactionConfirmation(RemoteStartStopStatus.Accepted);
		}
		public ResetConfirmation handleResetRequest(ResetRequest request) {
			return new ResetConfirmation(eu.chargetime.ocpp.model.core.ResetStatus.Accepted);
		}
		public UnlockConnectorConfirmation handleUnlockConnectorRequest(UnlockConnectorRequest request) {
			return new UnlockConnectorConfirmation(eu.chargetime.ocpp.model.core.UnlockStatus.Unlocked);
		}
	}
}
