package io.chargepay.csms.balance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** STYLE.md §3: the blockchain client stays inside its adapter. */
class BalanceArchitectureTests {

	private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.chargepay.csms");

	@Test
	void onlyTheEvmAdapterKnowsWeb3jAndItsHttpClient() {
		noClasses().that().resideOutsideOfPackage("io.chargepay.csms.balance.internal.evm..")
				.should().dependOnClassesThat().resideInAnyPackage("org.web3j..", "okhttp3..")
				.check(MAIN_CLASSES);
	}
}
