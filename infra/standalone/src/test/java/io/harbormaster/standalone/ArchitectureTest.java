package io.harbormaster.standalone;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering that keeps the modules honest, checked on every build across all modules at once. */
@AnalyzeClasses(packages = "io.harbormaster",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** In a full build, command-service's test classes arrive as its {@code -tests.jar}: they are not production code. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }

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
    static final ArchRule theLauncherHoldsNoSecurity = noClasses()
            .that().resideInAPackage("io.harbormaster.standalone..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.security.web..", "org.springframework.security.config..",
                    "org.springframework.security.authentication..", "org.springframework.security.core..",
                    "org.springframework.security.access..", "org.springframework.security.oauth2..")
            .because("sign-in, tokens, OIDC and the API's chain live in harbormaster-security, so a process started "
                    + "without this launcher is secured the same way; the launcher only launches (the bootstrap may "
                    + "hash the first password with the PasswordEncoder, spring-security-crypto)");

    @ArchTest
    static final ArchRule theSidesAndThePortalNeverReachIntoSecurity = noClasses()
            .that().resideInAnyPackage("io.harbormaster.command..", "io.harbormaster.query..", "io.harbormaster.web..",
                    "io.harbormaster.api..", "io.harbormaster.db..")
            .should().dependOnClassesThat().resideInAPackage("io.harbormaster.security..")
            .because("security is added by the hosting process; it hands the caller over through the api "
                    + "(CurrentActingContext, Caller), never the other way round");

    @ArchTest
    static final ArchRule aggregatesHoldNoServices = noClasses()
            .that().areAnnotatedWith("org.axonframework.spring.stereotype.Aggregate")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "jakarta.persistence..")
            .because("aggregates decide from their own events; lookups happen before them");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.harbormaster.(**)").should().beFreeOfCycles()
            .because("every package of every module has a direction: a cycle means two features that cannot be "
                    + "understood, tested or moved apart");

    @ArchTest
    static final ArchRule theAggregatesOnlyDecideAndRecord = noClasses()
            .that().resideInAnyPackage("io.harbormaster.command.machine", "io.harbormaster.command.team",
                    "io.harbormaster.command.user")
            .should().dependOnClassesThat().resideInAnyPackage("io.harbormaster.command.process..",
                    "io.harbormaster.driver..", "io.harbormaster.command.driver..", "io.harbormaster.command.ssh..",
                    "io.harbormaster.command.cert..", "io.harbormaster.command.provision..")
            .because("what follows a decision (driver calls, SSH, certificates) runs in the processes after the "
                    + "deciding event is stored; the aggregates see drivers and keys only through their own ports");

    @ArchTest
    static final ArchRule thePortalUsesOnlyTheContractAndTheWorkstationLibrary = noClasses()
            .that().resideInAPackage("io.harbormaster.web..")
            .should().dependOnClassesThat(resideInAPackage("io.harbormaster..").and(not(resideInAnyPackage(
                    "io.harbormaster.api..", "io.harbormaster.workstation..", "io.harbormaster.web.."))))
            .because("the portal is a client like the CLI: it sends api commands and queries and shows what the "
                    + "workstation library makes");

    @ArchTest
    static final ArchRule driversSeeOnlyTheirSpi = noClasses()
            .that().resideInAPackage("io.harbormaster.driver..")
            .should().dependOnClassesThat(resideInAPackage("io.harbormaster..").and(not(resideInAnyPackage(
                    "io.harbormaster.api..", "io.harbormaster.driver.."))))
            .because("a driver gets what it may use through DriverContext, so a new driver is a module of its own");

    @ArchTest
    static final ArchRule theWorkstationLibraryStandsAlone = noClasses()
            .that().resideInAPackage("io.harbormaster.workstation..")
            .should().dependOnClassesThat(resideInAPackage("io.harbormaster..").and(not(resideInAnyPackage(
                    "io.harbormaster.api..", "io.harbormaster.workstation.."))))
            .because("the CLI prints on the workstation exactly what the server's endpoints serve");
}
