package io.harbormaster.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering that keeps the modules honest, checked on every build across all modules at once. */
@AnalyzeClasses(packages = "io.harbormaster", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theSharedLanguageHasNoFrameworks = noClasses()
            .that().resideInAPackage("io.harbormaster.api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "org.hibernate..", "javax.persistence..",
                    "io.harbormaster.command..", "io.harbormaster.query..", "io.harbormaster.web..")
            .because("api is the contract shared by every module and the CLI: records only");

    @ArchTest
    static final ArchRule theQuerySideNeverTouchesTheWriteSide = noClasses()
            .that().resideInAPackage("io.harbormaster.query..")
            .should().dependOnClassesThat().resideInAnyPackage("io.harbormaster.command..")
            .because("read models are built from events only, never from aggregates");

    @ArchTest
    static final ArchRule theWriteSideNeverReadsReadModels = noClasses()
            .that().resideInAPackage("io.harbormaster.command..")
            .should().dependOnClassesThat().resideInAnyPackage("io.harbormaster.query..", "io.harbormaster.web..")
            .because("decisions must not depend on eventually consistent projections");

    @ArchTest
    static final ArchRule thePortalNeverTouchesPersistence = noClasses()
            .that().resideInAPackage("io.harbormaster.web..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.persistence..", "org.springframework.jdbc..", "io.harbormaster.query..",
                    "io.harbormaster.command..", "io.harbormaster.db..")
            .because("the portal is a client of commands and queries, like the CLI");

    @ArchTest
    static final ArchRule aggregatesHoldNoServices = noClasses()
            .that().areAnnotatedWith("org.axonframework.spring.stereotype.Aggregate")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "jakarta.persistence..")
            .because("aggregates decide from their own events; lookups happen before them");
}
