package io.chargepay.csms.identity.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IdTagRepository extends JpaRepository<IdTagEntry, String> {

	List<IdTagEntry> findByUserIdOrderByCreatedAtAsc(String userId);
}
