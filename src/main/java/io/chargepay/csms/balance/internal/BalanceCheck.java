package io.chargepay.csms.balance.internal;

import java.math.BigDecimal;
import java.time.Instant;

import io.chargepay.csms.balance.BalanceCheckView;
import io.chargepay.csms.balance.BalanceStatus;
import io.chargepay.csms.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One balance check as the spec's BalanceCheck entity lists it; written once, whatever its outcome. */
@Entity
@Table(name = "balance_checks")
public class BalanceCheck extends AssignedIdEntity<String> {

	@Id
	private String id;
	private String userId;
	private String walletAddress;
	private String chain;
	private BigDecimal requestedAmount;
	private @Nullable BigDecimal actualBalance;
	@Enumerated(EnumType.STRING)
	private BalanceStatus status;
	private String provider;
	private @Nullable String errorMessage;
	private @Nullable String metadata;
	private Instant createdAt;
	private Instant updatedAt;

	protected BalanceCheck() {
		this.id = "";
		this.userId = "";
		this.walletAddress = "";
		this.chain = "";
		this.requestedAmount = BigDecimal.ZERO;
		this.status = BalanceStatus.ERROR;
		this.provider = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	@Override
	public String getId() {
		return id;
	}

	public BalanceCheck(String id, String userId, String walletAddress, String chain, BigDecimal requestedAmount,
			@Nullable BigDecimal actualBalance, BalanceStatus status, String provider, @Nullable String errorMessage,
			@Nullable String metadata, Instant now) {
		this.id = id;
		this.userId = userId;
		this.walletAddress = walletAddress;
		this.chain = chain;
		this.requestedAmount = requestedAmount;
		this.actualBalance = actualBalance;
		this.status = status;
		this.provider = provider;
		this.errorMessage = errorMessage;
		this.metadata = metadata;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public BalanceCheckView view() {
		return new BalanceCheckView(id, userId, walletAddress, chain, requestedAmount, actualBalance, status, provider,
				errorMessage, metadata, createdAt, updatedAt);
	}
}
