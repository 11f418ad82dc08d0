package io.chargepay.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Ramp pacing, fleet selection and naming: the arithmetic a load run is planned with. */
class LoadArithmeticTests {

	@Test
	void rampSpreadsConnectionStartsEvenlyAtTheRate() {
		RampPacer pacer = new RampPacer(10);

		assertThat(pacer.delayOf(0)).isEqualTo(Duration.ZERO);
		assertThat(pacer.delayOf(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(pacer.delayOf(25)).isEqualTo(Duration.ofMillis(2500));
		assertThat(pacer.rampTime(10_000)).isEqualTo(Duration.ofMillis(999_900));
		assertThat(new RampPacer(3).delayOf(1)).isEqualTo(Duration.ofNanos(333_333_333));
	}

	@Test
	void transactionShareSelectsThatFractionSpreadThroughTheFleet() {
		TransactionShare quarter = new TransactionShare(0.25);

		assertThat(IntStream.range(0, 100).filter(quarter::selects).count()).isEqualTo(25);
		assertThat(IntStream.range(0, 8).filter(quarter::selects).toArray()).containsExactly(3, 7);
		assertThat(IntStream.range(0, 100).filter(new TransactionShare(0)::selects).count()).isZero();
		assertThat(IntStream.range(0, 100).filter(new TransactionShare(1)::selects).count()).isEqualTo(100);
		assertThat(IntStream.range(0, 10_000).filter(new TransactionShare(0.3)::selects).count()).isEqualTo(3000);
	}

	@Test
	void idsArePaddedAndPasswordsFollowTheTemplate() {
		ChargerIds ids = new ChargerIds("LOAD-", 10_000, null, "key-{id}-0000000000");

		assertThat(ids.id(0)).isEqualTo("LOAD-00001");
		assertThat(ids.id(9_999)).isEqualTo("LOAD-10000");
		assertThat(ids.password("LOAD-00001")).isEqualTo("key-LOAD-00001-0000000000");
		assertThat(new ChargerIds("X", 123_456, "shared-password-123", null).id(41)).isEqualTo("X000042");
		assertThat(new ChargerIds("X", 5, "shared-password-123", null).password("X00001"))
				.isEqualTo("shared-password-123");
	}
}
