package io.chargepay.csms.payment.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface AppliedStripeEventRepository extends JpaRepository<AppliedStripeEvent, String> {
}
