package io.chargepay.csms.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.chargepay.csms.identity.IdentityConflictException;
import io.chargepay.csms.identity.IdentityNotFoundException;
import io.chargepay.csms.identity.Wallet;
import io.chargepay.csms.identity.WalletAddress;
import io.chargepay.csms.identity.WalletAddressPolicy;
import org.springframework.stereotype.Component;

/** A user's wallets; at most one is the default. */
@Component
public class UserWallets {

	private final WalletRepository wallets;
	private final WalletAddressPolicy addresses;
	private final Clock clock;

	UserWallets(WalletRepository wallets, WalletAddressPolicy addresses, Clock clock) {
		this.wallets = wallets;
		this.addresses = addresses;
		this.clock = clock;
	}

	public void add(String userId, Wallet wallet) {
		WalletAddress address = addresses.validate(wallet.address());
		WalletEntry.Key key = new WalletEntry.Key(userId, wallet.chain(), address.value());
		List<WalletEntry> existing = wallets.findByKeyUserIdOrderByCreatedAtAsc(userId);
		boolean duplicate = existing.stream().anyMatch(entry -> entry.key().chain().equals(wallet.chain())
				&& entry.key().address().equalsIgnoreCase(address.value()));
		if (duplicate) {
			throw new IdentityConflictException("User " + userId + " already has wallet " + wallet.address()
					+ " on " + wallet.chain());
		}
		if (wallet.isDefault()) {
			existing.forEach(entry -> entry.makeDefault(false));
		}
		wallets.save(new WalletEntry(key.userId(), key.chain(), key.address(), wallet.isDefault(), clock.instant()));
	}

	public void remove(String userId, String chain, String address) {
		WalletEntry entry = wallets.findByKeyUserIdOrderByCreatedAtAsc(userId).stream()
				.filter(candidate -> candidate.key().chain().equals(chain)
						&& candidate.key().address().equalsIgnoreCase(address))
				.findFirst()
				.orElseThrow(() -> new IdentityNotFoundException("User " + userId + " has no wallet " + address
						+ " on " + chain));
		wallets.delete(entry);
	}

	public List<Wallet> of(String userId) {
		return wallets.findByKeyUserIdOrderByCreatedAtAsc(userId).stream().map(WalletEntry::toWallet).toList();
	}

	public Optional<Wallet> defaultOf(String userId) {
		List<Wallet> all = of(userId);
		return all.stream().filter(Wallet::isDefault).findFirst()
				.or(() -> all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty());
	}
}
