package io.chargepay.simulator.charger.command;

/** The confirmation for a CSMS command, and what to do once it has been sent. */
public record CommandOutcome(Object confirmation, Runnable afterAnswer) {

	private static final Runnable NOTHING = () -> {
	};

	public static CommandOutcome answer(Object confirmation) {
		return new CommandOutcome(confirmation, NOTHING);
	}

	public static CommandOutcome status(String status) {
		return answer(new StatusConfirmation(status));
	}

	public static CommandOutcome status(String status, Runnable afterAnswer) {
		return new CommandOutcome(new StatusConfirmation(status), afterAnswer);
	}

	/** The {@code {"status": ...}} confirmation most Core commands use. */
	public record StatusConfirmation(String status) {
	}
}
