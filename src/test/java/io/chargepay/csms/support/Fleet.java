package io.chargepay.csms.support;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.identity.Wallet;

/**
 * Registers chargers and drivers with fresh ids, so tests sharing one database never see each other's rows. Drivers
 * get a default sandbox wallet holding {@link #DRIVER_FUNDS}, enough for RFID sessions to pass the balance gate.
 */
public final class Fleet {

	public static final String CHARGER_KEY = "test-charger-key-0123456789";
	public static final String CHAIN = "ETHEREUM";
	public static final BigDecimal DRIVER_FUNDS = new BigDecimal("1000.00");

	private final ChargerService chargers;
	private final IdentityService identity;
	private final BalanceService balance;

	public Fleet(ChargerService chargers, IdentityService identity, BalanceService balance) {
		this.chargers = chargers;
		this.identity = identity;
		this.balance = balance;
	}

	public String newCharger() {
		String chargerId = "CP-" + UUID.randomUUID().toString().substring(0, 13);
		chargers.register(chargerId, CHARGER_KEY);
		return chargerId;
	}

	/** A driver with one idTag and a funded default wallet; returns the idTag. */
	public String newDriverTag() {
		return newDriverTag(DRIVER_FUNDS);
	}

	public String newDriverTag(BigDecimal funds) {
		String suffix = UUID.randomUUID().toString().substring(0, 12);
		String idTag = "T" + suffix;
		String wallet = newWalletAddress();
		identity.createUser("user-" + suffix, List.of(idTag), List.of(new Wallet(wallet, CHAIN, true)));
		balance.setSandboxBalance(CHAIN, wallet, funds);
		return idTag;
	}

	public String userOf(String idTag) {
		return "user-" + idTag.substring(1);
	}

	public String walletOf(String idTag) {
		return identity.defaultWallet(userOf(idTag)).orElseThrow().address();
	}

	/** A random all-lower-case address: valid without an EIP-55 checksum. */
	public static String newWalletAddress() {
		byte[] bytes = new byte[20];
		ThreadLocalRandom.current().nextBytes(bytes);
		return "0x" + HexFormat.of().formatHex(bytes);
	}
}
