package io.chargepay.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.chargepay.simulator.charger.ChargePoint;
import io.chargepay.simulator.support.CsmsTestPeer;
import io.chargepay.simulator.support.CsmsTestPeer.Received;
import io.chargepay.simulator.support.Simulators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Typed lines drive a real charger against the test peer, as a person at the keyboard would. */
@Timeout(30)
class KeyboardCommandsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final String ID = "CHARGER-001";

	@Test
	void startsOnAnRfidTapAndStopsWhenTheCableIsPulled() throws Exception {
		try (CsmsTestPeer peer = CsmsTestPeer.start(60, Map.of()); Simulators simulators = new Simulators()) {
			ChargePoint charger = simulators.charger(Simulators.settings(peer.url(), ID, "sandbox-charger-001-key"));
			charger.start().get(10, TimeUnit.SECONDS);
			StringWriter output = new StringWriter();
			KeyboardCommands keyboard = new KeyboardCommands(charger, new PrintWriter(output, true), 10);

			boolean quit = keyboard.readFrom(new BufferedReader(new StringReader("""
					plug 1
					tap TAG-USER-123
					unplug 1
					status
					quit
					""")));

			assertThat(quit).isTrue();
			List<Received> calls = peer.awaitCalls(ID, "StopTransaction", 1, WAIT);
			assertThat(calls.get(0).payload().path("reason").asString()).isEqualTo("EVDisconnected");
			assertThat(peer.calls(ID)).extracting(Received::action).containsSubsequence("Authorize",
					"StartTransaction", "StopTransaction");
			assertThat(output.toString()).contains("connector 1 Available");
			assertThat(peer.violations()).isEmpty();
		}
	}

	@Test
	void aSecondTapOfTheSameCardStopsItsTransactionAndAnUnknownCardStartsNothing() throws Exception {
		try (CsmsTestPeer peer = CsmsTestPeer.start(60, Map.of()); Simulators simulators = new Simulators()) {
			peer.reject("TAG-STRANGER");
			ChargePoint charger = simulators.charger(Simulators.settings(peer.url(), ID, "sandbox-charger-001-key"));
			charger.start().get(10, TimeUnit.SECONDS);
			StringWriter output = new StringWriter();
			KeyboardCommands keyboard = new KeyboardCommands(charger, new PrintWriter(output, true), 10);

			keyboard.execute("tap TAG-STRANGER");
			keyboard.execute("tap TAG-USER-123");
			keyboard.execute("tap TAG-USER-123");
			keyboard.execute("fly away");

			List<Received> stops = peer.awaitCalls(ID, "StopTransaction", 1, WAIT);
			assertThat(stops.get(0).payload().path("reason").asString()).isEqualTo("Local");
			assertThat(stops.get(0).payload().path("idTag").asString()).isEqualTo("TAG-USER-123");
			assertThat(peer.calls(ID).stream().filter(call -> call.action().equals("StartTransaction")))
					.singleElement().satisfies(start -> assertThat(start.payload().path("idTag").asString())
							.isEqualTo("TAG-USER-123"));
			assertThat(output.toString()).contains("unknown command 'fly'");
			assertThat(keyboard.execute("exit")).isFalse();
		}
	}
}
