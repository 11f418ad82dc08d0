package io.chargepay.simulator.charger;

/** Sets a connector's status and tells the CSMS with a StatusNotification when it changed. */
@FunctionalInterface
interface StatusChanges {

	void report(Connector connector, String status);
}
