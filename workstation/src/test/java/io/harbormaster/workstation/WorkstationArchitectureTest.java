package io.harbormaster.workstation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The library runs inside the server, the {@code hm} CLI and the portal, so it may bring nothing they would not
 * want: no Spring, no Axon, no HTTP client, none of the command side.
 */
class WorkstationArchitectureTest {

    @Test
    void theLibraryDependsOnlyOnTheJdkTheSharedLanguageAndItsArchiveAndJsonWriters() {
        var library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.harbormaster.workstation");

        classes().that().resideInAPackage("io.harbormaster.workstation..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "io.harbormaster.api..", "io.harbormaster.workstation..",
                        // ustar and zip entries with Unix modes (Archives); the JDK has no tar writer.
                        "org.apache.commons.compress..",
                        // meta.json of a docker context export, written exactly as before the library existed.
                        "tools.jackson.databind..",
                        // the line and column of a broken docker-machine config.json (dockermachine.MachineConfig)
                        "tools.jackson.core..")
                .because("the library is shared by the server, the CLI and the portal; "
                        + "the callers bring the frameworks")
                .check(library);
    }
}
