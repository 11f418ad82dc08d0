package io.chargepay.csms.balance.internal.evm;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.chargepay.csms.balance.internal.WalletAddresses;
import org.web3j.crypto.Keys;
import org.springframework.stereotype.Component;

/** EVM addresses and their EIP-55 mixed-case checksum (Keccak-256 of the lower-case hex, through web3j). */
@Component
public class Eip55Addresses implements WalletAddresses {

	private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

	@Override
	public Optional<String> formatProblem(String address) {
		if (ADDRESS.matcher(address).matches()) {
			return Optional.empty();
		}
		return Optional.of("a wallet address is 0x followed by 40 hexadecimal digits");
	}

	@Override
	public boolean checksumValid(String address) {
		String hex = address.substring(2);
		boolean singleCase = hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT));
		return singleCase || checksummed(address).equals(address);
	}

	@Override
	public String checksummed(String address) {
		return Keys.toChecksumAddress(address.toLowerCase(Locale.ROOT));
	}
}
