package io.chargepay.csms.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Vendor types stay in their adapter (STYLE.md §3): the payment SDK only in payment.internal.stripe. */
class PaymentArchitectureTests {

	private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.chargepay.csms");

	@Test
	void onlyTheStripeAdapterKnowsStripeJava() {
		noClasses().that().resideOutsideOfPackage("io.chargepay.csms.payment.internal.stripe..")
				.should().dependOnClassesThat().resideInAnyPackage("com.stripe..")
				.check(MAIN_CLASSES);
	}
}
