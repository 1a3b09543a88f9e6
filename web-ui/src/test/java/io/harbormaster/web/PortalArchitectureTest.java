package io.harbormaster.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class PortalArchitectureTest {

    @Test
    void portalReadsOnlyThroughTheQueryBusNeverTheReadModelsOrTheWriteSide() {
        var portal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.harbormaster.web");

        noClasses().that().resideInAPackage("io.harbormaster.web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.persistence..", "org.springframework.jdbc..",
                        "io.harbormaster.query..", "io.harbormaster.command..")
                .because("the portal reads through the query bus, so it works wherever the query side runs")
                .check(portal);
    }
}
