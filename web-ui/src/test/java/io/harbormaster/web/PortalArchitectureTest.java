package io.harbormaster.web;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PortalArchitectureTest {

    private static JavaClasses portal;

    @BeforeAll
    static void importThePortal() {
        portal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.harbormaster.web");
    }

    @Test
    void portalReadsOnlyThroughTheQueryBusNeverTheReadModelsOrTheWriteSide() {
        noClasses().that().resideInAPackage("io.harbormaster.web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.persistence..", "org.springframework.jdbc..",
                        "io.harbormaster.query..", "io.harbormaster.command..")
                .because("the portal reads through the query bus, so it works wherever the query side runs")
                .check(portal);
    }

    @Test
    void ofHarbormastersOwnCodeThePortalUsesOnlyTheSharedLanguageAndTheWorkstationLibrary() {
        noClasses().that().resideInAPackage("io.harbormaster.web..")
                .should().dependOnClassesThat(resideInAPackage("io.harbormaster..").and(not(resideInAnyPackage(
                        "io.harbormaster.api..", "io.harbormaster.workstation..", "io.harbormaster.web.."))))
                .because("the portal is a client like the CLI: it speaks the api records and shows the same "
                        + "env and config output as hm, from the same library")
                .check(portal);
    }
}
