package io.chargepay.csms.balance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.chargepay.csms.balance.ProviderAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CheckDeadlineTests {

	private final CheckDeadline deadline = new CheckDeadline(Duration.ofMillis(200));

	@AfterEach
	void stop() {
		deadline.destroy();
		MDC.clear();
	}

	@Test
	void aProviderPastTheDeadlineIsAnErrorAndIsInterrupted() throws InterruptedException {
		CountDownLatch interrupted = new CountDownLatch(1);

		ProviderAnswer answer = deadline.within(() -> {
			try {
				Thread.sleep(30_000);
			}
			catch (InterruptedException e) {
				interrupted.countDown();
			}
			return ProviderAnswer.of(List.of(), Map.of());
		});

		assertThat(answer.errorMessage()).isEqualTo("balance check exceeded csms.balance.check-timeout (200 ms)");
		assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the late provider's thread was interrupted").isTrue();
	}

	@Test
	void aProviderWithinTheDeadlineAnswersAndSeesTheCallersLogContext() {
		MDC.put("chargerId", "CP-7");
		AtomicReference<String> seen = new AtomicReference<>();

		ProviderAnswer answer = deadline.within(() -> {
			seen.set(MDC.get("chargerId"));
			return ProviderAnswer.of(List.of(), Map.of("block", 1));
		});

		assertThat(answer.errorMessage()).isNull();
		assertThat(seen.get()).isEqualTo("CP-7");
	}
}
