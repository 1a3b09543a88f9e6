package io.harbormaster.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * hm is a small program on the user's workstation: it talks to the server over HTTP and JSON and prints what the
 * shared workstation library renders, so the server's frameworks (Spring, Axon, persistence) never reach it.
 */
class CliArchitectureTest {

    @Test
    void hmDependsOnlyOnTheJdkTheSharedLanguageTheWorkstationLibraryPicocliAndJackson() {
        var cli = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.harbormaster.cli");

        classes().that().resideInAPackage("io.harbormaster.cli..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "io.harbormaster.api..", "io.harbormaster.workstation..", "io.harbormaster.cli..",
                        // the command line
                        "picocli..",
                        // the server's JSON answers (java.net.http carries them)
                        "tools.jackson..")
                .because("hm runs on workstations and must stay a plain client of the REST API")
                .check(cli);
    }
}
