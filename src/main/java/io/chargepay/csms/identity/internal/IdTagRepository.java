package io.chargepay.csms.identity.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IdTagRepository extends JpaRepository<IdTagEntry, String> {
}
