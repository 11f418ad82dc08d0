package io.chargepay.csms.persistence;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Group commit of charger writes (see {@link GroupCommit}). {@code enabled=false} gives every write its own
 * transaction on the caller's thread, as before group commit (for comparing the two in a benchmark); {@code maxWrites}
 * bounds one transaction.
 */
@Validated
@ConfigurationProperties("csms.persistence.group-commit")
public record GroupCommitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("256") @Positive int maxWrites) {
}
