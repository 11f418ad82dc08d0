package io.chargepay.csms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(CsmsApplication.class);
	private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.chargepay.csms");

	@Test
	void modulesOnlyUseEachOthersPublicApiAndFormNoCycles() {
		MODULES.verify();
	}

	@Test
	void onlyTheOcppAdapterKnowsTheWebSocketLibraryAndTheOcppModel() {
		noClasses().that().resideOutsideOfPackage("io.chargepay.csms.ocpp..")
				.should().dependOnClassesThat().resideInAnyPackage("org.java_websocket..", "eu.chargetime..")
				.check(MAIN_CLASSES);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
