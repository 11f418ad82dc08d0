package io.chargepay.csms.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the application assigns. Spring Data takes an entity with a non-null id and no version for a
 * stored one, and so saves a new one by merging it: a SELECT before every INSERT. This one is new until it has been
 * persisted or loaded, so {@code save} persists it directly (BENCHMARKS.md, fourth session).
 */
@MappedSuperclass
public abstract class AssignedIdEntity<ID> implements Persistable<ID> {

	@Transient
	private boolean stored;

	@Override
	public boolean isNew() {
		return !stored;
	}

	@PostLoad
	@PostPersist
	void markStored() {
		this.stored = true;
	}
}
