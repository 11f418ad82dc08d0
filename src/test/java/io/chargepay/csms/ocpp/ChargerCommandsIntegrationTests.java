package io.chargepay.csms.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.chargepay.csms.charger.ChargerCommand;
import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.charger.CommandResult;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.node.ArrayNode;

/** CSMS→charger calls through {@link ChargerCommands}; the test context's call timeout is 2 s. */
@CsmsIntegrationTest
class ChargerCommandsIntegrationTests {

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
	io.micrometer.core.instrument.MeterRegistry meters;

	String chargerId;
	TestCharger charger;

	@BeforeEach
	void connect() {
		chargerId = new Fleet(chargers, identity, balance).newCharger();
		charger = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY);
		// The client sees the 101 a moment before the listener has registered the connection.
		await().atMost(Duration.ofSeconds(5)).until(() -> commands.isConnected(chargerId));
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void returnsTheChargersAnswer() throws Exception {
		CompletableFuture<CommandResult> result = commands.send(chargerId, new ChargerCommand.Reset("Soft"));

		ArrayNode call = charger.expectCall("Reset");
		assertThat(call.get(3).get("type").asString()).isEqualTo("Soft");
		charger.answer(call, Map.of("status", "Accepted"));

		assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(new CommandResult.Answered(Map.of("status", "Accepted")));
	}

	@Test
	void aStatusOutsideOcppIsCountedAsAnsweredNotAsANewMetricSeries() throws Exception {
		for (String status : List.of("Bogus", "Accepted", "Xyzzyplugh", "Qwertyuiop")) {
			CompletableFuture<CommandResult> result = commands.send(chargerId, new ChargerCommand.Reset("Soft"));
			charger.answer(charger.expectCall("Reset"), Map.of("status", status));
			result.get(5, TimeUnit.SECONDS);
		}

		assertThat(meters.find("csms.ocpp.commands").tag("command", "Reset").timers())
				.extracting(timer -> timer.getId().getTag("outcome")).doesNotContain("bogus", "xyzzyplugh", "qwertyuiop")
				.contains("accepted", "answered");
	}

	@Test
	void sendsEveryCommandAsASchemaValidCall() throws Exception {
		List<ChargerCommand> all = List.of(new ChargerCommand.RemoteStartTransaction(1, "TAG-1"),
				new ChargerCommand.RemoteStartTransaction(null, "TAG-2"), new ChargerCommand.RemoteStopTransaction(42),
				new ChargerCommand.Reset("Hard"), new ChargerCommand.ChangeConfiguration("HeartbeatInterval", "60"),
				new ChargerCommand.GetConfiguration(List.of("HeartbeatInterval")), new ChargerCommand.GetConfiguration(null),
				new ChargerCommand.ChangeAvailability(0, "Inoperative"), new ChargerCommand.UnlockConnector(1),
				new ChargerCommand.ClearCache(), new ChargerCommand.TriggerMessage("StatusNotification", 1),
				new ChargerCommand.DataTransfer("com.acme", "ping", "x"));

		for (ChargerCommand command : all) {
			CompletableFuture<CommandResult> result = commands.send(chargerId, command);
			ArrayNode call = charger.expectCall(command.action());
			charger.answer(call, Map.of("status", "Accepted"));
			assertThat(result.get(5, TimeUnit.SECONDS)).isInstanceOf(CommandResult.Answered.class);
		}
		assertThat(charger.conformanceViolations()).isEmpty();
	}

	@Test
	void sendsTheNextCommandOnlyAfterTheChargerAnsweredThePrevious() throws Exception {
		CompletableFuture<CommandResult> first = commands.send(chargerId, new ChargerCommand.ClearCache());
		CompletableFuture<CommandResult> second = commands.send(chargerId, new ChargerCommand.UnlockConnector(1));

		ArrayNode firstCall = charger.expectCall("ClearCache");
		assertThat(charger.nextCall(1)).as("second CALL while the first is unanswered").isNull();
		charger.answer(firstCall, Map.of("status", "Accepted"));
		ArrayNode secondCall = charger.expectCall("UnlockConnector");
		charger.answer(secondCall, Map.of("status", "Unlocked"));

		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(new CommandResult.Answered(Map.of("status", "Accepted")));
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(new CommandResult.Answered(Map.of("status", "Unlocked")));
	}

	@Test
	void reportsACallErrorFromTheCharger() throws Exception {
		CompletableFuture<CommandResult> result = commands.send(chargerId, new ChargerCommand.ClearCache());

		ArrayNode call = charger.expectCall("ClearCache");
		charger.sendRaw("[4,\"" + call.get(1).asString() + "\",\"NotSupported\",\"no cache here\",{}]");

		assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(new CommandResult.CallError("NotSupported", "no cache here"));
	}

	@Test
	void timesOutAnUnansweredCallAndMovesOnToTheNext() throws Exception {
		CompletableFuture<CommandResult> ignored = commands.send(chargerId, new ChargerCommand.ClearCache());
		charger.expectCall("ClearCache");

		assertThat(ignored.get(5, TimeUnit.SECONDS)).isInstanceOf(CommandResult.TimedOut.class);

		CompletableFuture<CommandResult> next = commands.send(chargerId, new ChargerCommand.UnlockConnector(1));
		charger.answer(charger.expectCall("UnlockConnector"), Map.of("status", "Unlocked"));
		assertThat(next.get(5, TimeUnit.SECONDS)).isInstanceOf(CommandResult.Answered.class);
	}

	@Test
	void reportsOfflineForAChargerThatIsNotConnected() throws Exception {
		assertThat(commands.send("NOT-CONNECTED-ANYWHERE", new ChargerCommand.ClearCache()).get(1, TimeUnit.SECONDS))
				.isInstanceOf(CommandResult.Offline.class);
		assertThat(commands.isConnected(chargerId)).isTrue();
		assertThat(commands.isConnected("NOT-CONNECTED-ANYWHERE")).isFalse();
	}

	@Test
	void failsPendingCallsAtOnceWhenTheChargerDisconnectsAndNotOnTheListenerThread() throws Exception {
		AtomicReference<String> completingThread = new AtomicReference<>();
		CountDownLatch completed = new CountDownLatch(1);
		CompletableFuture<CommandResult> inFlight = commands.send(chargerId, new ChargerCommand.ClearCache());
		CompletableFuture<CommandResult> queued = commands.send(chargerId, new ChargerCommand.Reset("Soft"));
		inFlight.whenComplete((result, failure) -> {
			completingThread.set(Thread.currentThread().getName());
			completed.countDown();
		});
		charger.expectCall("ClearCache");

		charger.close();

		// Well inside the 2 s call timeout: the disconnect, not the timeout, ended them.
		assertThat(completed.await(1, TimeUnit.SECONDS)).isTrue();
		assertThat(inFlight.get()).isInstanceOf(CommandResult.Offline.class);
		assertThat(queued.get(1, TimeUnit.SECONDS)).isInstanceOf(CommandResult.Offline.class);
		assertThat(completingThread.get()).startsWith("ocpp-lifecycle-");
	}

	@Test
	void sendsAmpersandsEqualsSignsAndApostrophesUnescaped() throws Exception {
		commands.send(chargerId, new ChargerCommand.RemoteStartTransaction(1, "A&B=C'D"));

		charger.expectCall("RemoteStartTransaction");

		assertThat(charger.rawFramesReceived()).anySatisfy(frame -> assertThat(frame).contains("\"A&B=C'D\""));
	}
}
