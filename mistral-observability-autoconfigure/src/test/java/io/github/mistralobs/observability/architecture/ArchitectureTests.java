package io.github.mistralobs.observability.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules on how the starter's code is laid out.
 */
class ArchitectureTests {

	private static final JavaClasses starter = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.mistralobs.observability");

	@Test
	void autoConfigurationsArePublicAndFinal() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.should()
			.haveModifier(JavaModifier.PUBLIC)
			.andShould()
			.haveModifier(JavaModifier.FINAL)
			.check(starter);
	}

	@Test
	void onlyTheAutoconfigurePackageUsesSpringBoot() {
		noClasses().that()
			.resideOutsideOfPackage("..observability.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(starter);
	}

	@Test
	void metricsAndPricingKnowNothingOfSpringAi() {
		noClasses().that()
			.resideInAnyPackage("..observability.metrics..", "..observability.pricing..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.ai..")
			.check(starter);
	}

	@Test
	void nothingDependsOnTheSampleApplication() {
		noClasses().should().dependOnClassesThat().resideInAPackage("io.github.mistralobs.sample..").check(starter);
	}

}
