package io.chargepay.csms.identity;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.bouncycastle.jcajce.provider.digest.Keccak;

/**
 * An EVM wallet address: {@code 0x} and 40 hex digits. All lower or all upper case carries no checksum; mixed case is
 * an EIP-55 checksum, which {@link WalletAddressPolicy} enforces (a typo in a mixed-case address is exactly what the
 * checksum exists to catch).
 */
public record WalletAddress(String value) {

	private static final Pattern EVM_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

	public WalletAddress {
		if (!isWellFormed(value)) {
			throw new InvalidWalletAddressException(value, "0x and 40 hex digits");
		}
	}

	public static boolean isWellFormed(String address) {
		return address != null && EVM_ADDRESS.matcher(address).matches();
	}

	/** True unless the address is mixed case and not its own EIP-55 checksum. */
	public boolean checksumValid() {
		String hex = value.substring(2);
		boolean mixedCase = !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
		return !mixedCase || value.equals(checksummed(value));
	}

	/** The EIP-55 form of an address. */
	public static String checksummed(String address) {
		String hex = address.substring(2).toLowerCase(Locale.ROOT);
		byte[] hash = new Keccak.Digest256().digest(hex.getBytes(StandardCharsets.US_ASCII));
		String hashHex = HexFormat.of().formatHex(hash);
		StringBuilder result = new StringBuilder("0x");
		for (int i = 0; i < hex.length(); i++) {
			char c = hex.charAt(i);
			result.append(Character.digit(hashHex.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
		}
		return result.toString();
	}

	/** Lower case: how addresses are compared and stored. */
	public String normalized() {
		return value.toLowerCase(Locale.ROOT);
	}
}
