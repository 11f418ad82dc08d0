package io.chargepay.csms.session.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface QuarantinedMessageRepository extends JpaRepository<QuarantinedMessage, Long> {

	List<QuarantinedMessage> findByChargerId(String chargerId);
}
