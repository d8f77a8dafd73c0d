package dev.cairn.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Layering across all of Cairn's modules on the app's class path. */
@AnalyzeClasses(packages = "dev.cairn", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
    @ArchTest
    static final ArchRule JDBC_ONLY_IN_THE_STORE_INTERNALS = noClasses()
            .that().resideOutsideOfPackages("dev.cairn.store.internal..", "dev.cairn.store.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..",
                    "org.postgresql..", "com.zaxxer..")
            .because("the store API is the one contract; SQL stays behind it (the benchmark's naive MLflow layout is "
                    + "plain JDBC on purpose)");

    @ArchTest
    static final ArchRule NOTHING_OUTSIDE_THE_STORE_NAMES_ITS_INTERNALS = noClasses()
            .that().resideOutsideOfPackage("dev.cairn.store.internal..")
            .should().dependOnClassesThat().resideInAPackage("dev.cairn.store.internal..")
            .because("UI, CLI, server and plugins use only the store API");

    @ArchTest
    static final ArchRule PLUGIN_API_SEES_ONLY_VALUE_TYPES = noClasses().that().resideInAPackage("dev.cairn.plugin..")
            .and().resideOutsideOfPackages("dev.cairn.plugin.bundle..", "dev.cairn.plugin.mlflow..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cairn.store", "dev.cairn.store.query..",
                    "dev.cairn.store.registry..", "dev.cairn.store.series..", "dev.cairn.store.log..")
            .because("importers and drift tests see the store's value types only; the bundle exporter and the "
                    + "MLflow SQLite reader are the exceptions that need the store API");

    @ArchTest
    static final ArchRule NO_JAVAFX_IN_THE_STORE = noClasses().that().resideInAPackage("dev.cairn.store..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule VIEWER_DOES_NOT_KNOW_THE_APP = noClasses().that().resideInAPackage("dev.cairn.viewer..")
            .should().dependOnClassesThat().resideInAPackage("dev.cairn.app..").allowEmptyShould(true);

    @ArchTest
    static final ArchRule PLUGINS_DO_NOT_KNOW_UI_OR_APP = noClasses().that().resideInAPackage("dev.cairn.plugin..")
            .or().resideInAPackage("dev.cairn.drift..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cairn.app..", "dev.cairn.viewer..", "javafx..")
            .allowEmptyShould(true);

    /** Leaves out other modules' test jars (their tests reach into store internals on purpose). */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }
}
