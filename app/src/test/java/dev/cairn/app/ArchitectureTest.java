package dev.cairn.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Layering across all of Cairn's modules on the app's class path. */
@AnalyzeClasses(packages = "dev.cairn", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule JDBC_ONLY_IN_THE_STORE = noClasses().that().resideOutsideOfPackage("dev.cairn.store..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("the tracking store is the one contract; SQL stays behind it");

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
}
