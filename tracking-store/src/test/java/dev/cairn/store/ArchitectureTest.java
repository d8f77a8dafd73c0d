package dev.cairn.store;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The tracking store is plain Java + JDBC: no JavaFX, no dependency on UI or app code. */
@AnalyzeClasses(packages = "dev.cairn.store", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule NO_JAVAFX = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the store must run headless in CLI, plugins and training jobs");

    @ArchTest
    static final ArchRule NO_UPWARD_DEPENDENCIES = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.cairn.viewer..", "dev.cairn.app..", "dev.cairn.plugin..");
}
