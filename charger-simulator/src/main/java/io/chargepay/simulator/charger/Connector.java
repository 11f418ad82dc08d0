package io.chargepay.simulator.charger;

/** One connector: its status as last reported, its meter, and its transaction if one runs. */
final class Connector {

	private final int id;
	private final EnergyMeter meter;
	private final PeriodicTimer meterTimer;
	private String status = "Available";
	private boolean operative = true;
	/** A ChangeAvailability answered Scheduled, applied when the running transaction ends (OCPP 1.6 §5.2). */
	private Boolean scheduledOperative;
	private boolean plugged;
	private Transaction transaction;

	Connector(int id, EnergyMeter meter, PeriodicTimer meterTimer) {
		this.id = id;
		this.meter = meter;
		this.meterTimer = meterTimer;
	}

	int id() {
		return id;
	}

	EnergyMeter meter() {
		return meter;
	}

	PeriodicTimer meterTimer() {
		return meterTimer;
	}

	String status() {
		return status;
	}

	void status(String status) {
		this.status = status;
	}

	boolean operative() {
		return operative;
	}

	void operative(boolean operative) {
		this.operative = operative;
		this.scheduledOperative = null;
	}

	Boolean scheduledOperative() {
		return scheduledOperative;
	}

	void scheduleOperative(boolean operative) {
		this.scheduledOperative = operative;
	}

	boolean plugged() {
		return plugged;
	}

	void plugged(boolean plugged) {
		this.plugged = plugged;
	}

	Transaction transaction() {
		return transaction;
	}

	void transaction(Transaction transaction) {
		this.transaction = transaction;
	}

	/** Free for a new transaction: operative and not busy. */
	boolean free() {
		return operative && transaction == null;
	}

	/** The status an idle connector shows: Preparing while a cable is in, otherwise Available or Unavailable. */
	String idleStatus() {
		if (!operative) {
			return "Unavailable";
		}
		return plugged ? "Preparing" : "Available";
	}
}
