package io.chargepay.csms.balance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

import io.chargepay.csms.support.Anvil;
import org.web3j.crypto.Hash;

/**
 * The contracts the balance tests need, deployed to an anvil node from the bytecode in {@code src/test/resources/evm}:
 * a 6-decimal ERC-20 ({@code TestToken}, "TUSD") and two Chainlink-style feeds ({@code TestPriceFeed}, 8 decimals) at
 * 2000 per ETH, one that stays fresh and one a test may make stale.
 */
final class TestChain {

	static final BigDecimal ETH_PRICE = new BigDecimal("2000");
	static final int FEED_DECIMALS = 8;
	static final int TOKEN_DECIMALS = 6;

	private static final SecureRandom RANDOM = new SecureRandom();

	final Anvil anvil;
	final String token;
	final String feed;
	final String staleableFeed;
	final String payee = newAddress();

	TestChain(Anvil anvil) {
		this.anvil = anvil;
		this.token = anvil.deploy("TestToken", word(BigInteger.valueOf(TOKEN_DECIMALS)));
		BigInteger answer = ETH_PRICE.movePointRight(FEED_DECIMALS).toBigIntegerExact();
		String feedArguments = word(BigInteger.valueOf(FEED_DECIMALS)) + word(answer) + word(now());
		this.feed = anvil.deploy("TestPriceFeed", feedArguments);
		this.staleableFeed = anvil.deploy("TestPriceFeed", feedArguments);
	}

	/** A fresh, never used lower-case address: tests never share a wallet or its reservations. */
	static String newAddress() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		return "0x" + HexFormat.of().formatHex(bytes);
	}

	String fundedWallet(BigInteger wei) {
		String wallet = newAddress();
		anvil.setBalance(wallet, wei);
		return wallet;
	}

	void mintTokens(String wallet, BigInteger units) {
		anvil.transact(token, selector("mint(address,uint256)") + word(wallet) + word(units));
	}

	void setPrice(String priceFeed, BigDecimal price, Instant updatedAt) {
		BigInteger answer = price.movePointRight(FEED_DECIMALS).toBigIntegerExact();
		anvil.transact(priceFeed, selector("setRoundData(int256,uint256)") + word(answer)
				+ word(BigInteger.valueOf(updatedAt.getEpochSecond())));
	}

	/** Wei worth exactly {@code usd} at {@link #ETH_PRICE} (the amounts used divide evenly). */
	static BigInteger wei(String usd) {
		return new BigDecimal(usd).divide(ETH_PRICE).movePointRight(18).toBigIntegerExact();
	}

	static BigInteger tokenUnits(String usd) {
		return new BigDecimal(usd).movePointRight(TOKEN_DECIMALS).toBigIntegerExact();
	}

	/** What the CSMS should charge for a plain transfer of {@code value} from the wallet to the payee right now. */
	BigInteger nativeTransferFee(String wallet, BigInteger value) {
		BigInteger gas = anvil.quantity("eth_estimateGas",
				java.util.Map.of("from", wallet, "to", payee, "value", Anvil.hex(value)));
		return gas.multiply(anvil.baseFee().add(anvil.quantity("eth_maxPriorityFeePerGas")));
	}

	private static BigInteger now() {
		return BigInteger.valueOf(Instant.now().getEpochSecond());
	}

	private static String selector(String signature) {
		return Hash.sha3String(signature).substring(0, 10);
	}

	/** One ABI word: a two's complement integer or a left-padded address. */
	private static String word(BigInteger value) {
		BigInteger unsigned = value.signum() < 0 ? value.add(BigInteger.ONE.shiftLeft(256)) : value;
		return String.format("%64s", unsigned.toString(16)).replace(' ', '0');
	}

	private static String word(String address) {
		return String.format("%64s", address.substring(2).toLowerCase()).replace(' ', '0');
	}
}
