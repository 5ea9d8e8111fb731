package org.certhub.routes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Arrays;

/**
 * The arrows of docs/architecture: the modules (model, then fhir-mapping and signer, then render, then the
 * connectors, then routes; fhir-validation beside them, reaching only fhir-mapping) only reach down, never up or
 * sideways; no two packages anywhere depend on each other;
 * the packages of routes keep their layers; and the stages meet only at their queues. Every certhub module is on
 * this module's class path, so the rules see all of the production code.
 */
@AnalyzeClasses(
        packages = "org.certhub",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** Test fixtures that a module shares as a test-jar (when the reactor resolves it as a jar). */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule modulesOnlyReachDown = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("model")
            .definedBy("org.certhub.model..")
            .layer("fhir-mapping")
            .definedBy("org.certhub.fhirmapping..")
            .layer("fhir-validation")
            .definedBy("org.certhub.fhirvalidation..")
            .layer("signer")
            .definedBy("org.certhub.signer..")
            .layer("render")
            .definedBy("org.certhub.render..")
            .layer("connector-http")
            .definedBy("org.certhub.connectors.http..")
            .layer("id-systems")
            .definedBy("org.certhub.connectors.id..")
            .layer("payment")
            .definedBy("org.certhub.connectors.payment..")
            .layer("distribution")
            .definedBy("org.certhub.connectors.distribution..")
            .layer("routes")
            .definedBy("org.certhub.routes..")
            .whereLayer("routes")
            .mayNotBeAccessedByAnyLayer()
            // optional: fhir-mapping finds it with ServiceLoader, no module names it
            .whereLayer("fhir-validation")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("id-systems")
            .mayOnlyBeAccessedByLayers("routes")
            .whereLayer("payment")
            .mayOnlyBeAccessedByLayers("routes")
            .whereLayer("distribution")
            .mayOnlyBeAccessedByLayers("routes")
            .whereLayer("connector-http")
            .mayOnlyBeAccessedByLayers("id-systems", "payment", "distribution", "routes")
            .whereLayer("render")
            .mayOnlyBeAccessedByLayers("id-systems", "payment", "distribution", "routes")
            .whereLayer("signer")
            .mayOnlyBeAccessedByLayers("render", "id-systems", "payment", "distribution", "routes")
            .whereLayer("fhir-mapping")
            .mayOnlyBeAccessedByLayers("fhir-validation", "render", "id-systems", "payment", "distribution", "routes")
            .because("a module only reaches the modules below it (docs/architecture.md, 'Modules')");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.certhub.(**)")
            .should()
            .beFreeOfCycles()
            .because("a package that needs another package must not be needed by it");

    /**
     * Top to bottom: the application; the edge that outside systems call (REST APIs, intake, DIVOC, DigiLocker
     * pull, API keys); the stages behind the queues and their shared error policy; the wiring of connector and
     * signing beans; HTTP answer support; the stores; configuration.
     */
    @ArchTest
    static final ArchRule routesKeepTheirLayers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("application")
            .definedBy("org.certhub.routes")
            .layer("edge")
            .definedBy(
                    "org.certhub.routes.api..",
                    "org.certhub.routes.ingest..",
                    "org.certhub.routes.divoc..",
                    "org.certhub.routes.digilocker..",
                    "org.certhub.routes.security..")
            .layer("stages")
            .definedBy("org.certhub.routes.certify..", "org.certhub.routes.distribute..", "org.certhub.routes.stage..")
            .layer("wiring")
            .definedBy("org.certhub.routes.wiring..", "org.certhub.routes.signing..")
            .layer("http")
            .definedBy("org.certhub.routes.http..")
            .layer("store")
            .definedBy("org.certhub.routes.store..")
            .layer("config")
            .definedBy("org.certhub.routes.config..", "org.certhub.routes.metrics..")
            .whereLayer("application")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("edge")
            .mayOnlyBeAccessedByLayers("application")
            .whereLayer("stages")
            .mayOnlyBeAccessedByLayers("application", "edge")
            .whereLayer("wiring")
            .mayOnlyBeAccessedByLayers("application", "edge", "stages")
            .whereLayer("http")
            .mayOnlyBeAccessedByLayers("edge", "stages")
            .whereLayer("store")
            .mayOnlyBeAccessedByLayers("edge", "stages", "wiring")
            .whereLayer("config")
            .mayOnlyBeAccessedByLayers("application", "edge", "stages", "wiring", "http", "store")
            .because("a package of routes only reaches the layers below it");

    @ArchTest
    static final ArchRule stagesMeetOnlyAtTheirQueues = CompositeArchRule.of(
                    noStageReaches("ingest", "certify", "distribute"))
            .and(noStageReaches("certify", "ingest", "distribute"))
            .and(noStageReaches("distribute", "ingest", "certify"));

    private static ArchRule noStageReaches(String stage, String... others) {
        return noClasses()
                .that()
                .resideInAPackage("org.certhub.routes." + stage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Arrays.stream(others)
                        .map(other -> "org.certhub.routes." + other + "..")
                        .toArray(String[]::new))
                .because("the stages meet only at their queues");
    }
}
