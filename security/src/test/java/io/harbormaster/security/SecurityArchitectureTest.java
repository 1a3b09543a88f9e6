package io.harbormaster.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What keeps security usable by any process: it knows the contract and the schema, nothing of the other modules. */
@AnalyzeClasses(packages = "io.harbormaster.security", importOptions = ImportOption.DoNotIncludeTests.class)
class SecurityArchitectureTest {

    @ArchTest
    static final ArchRule securityKnowsOnlyTheContract = noClasses()
            .that().resideInAPackage("io.harbormaster.security..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.harbormaster.command..", "io.harbormaster.query..", "io.harbormaster.web..",
                    "io.harbormaster.standalone..")
            .because("a command-side or query-side process started on its own brings this module, so it may not "
                    + "need either side, the portal or the launcher");

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices()
            .matching("io.harbormaster.security.(*)..")
            .should().beFreeOfCycles()
            .because("each feature package builds on the ones below it (account, problem, context, signin, token)");
}
