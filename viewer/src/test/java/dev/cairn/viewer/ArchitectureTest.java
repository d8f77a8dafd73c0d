package dev.cairn.viewer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The viewer's layering: no JDBC, features independent, view-models free of scene-graph nodes. */
class ArchitectureTest {
    private static final JavaClasses VIEWER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.cairn.viewer");

    @Test
    void viewerNeverTouchesJdbc() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.sql..").check(VIEWER);
    }

    @Test
    void featurePackagesDoNotDependOnEachOther() {
        slices().matching("dev.cairn.viewer.(*)..").namingSlices("$1")
                .that(com.tngtech.archunit.base.DescribedPredicate.describe("feature",
                        s -> !s.getDescription().equals("common") && !s.getDescription().equals("shell")))
                .should().notDependOnEachOther().allowEmptyShould(true).check(VIEWER);
    }

    @Test
    void commonDependsOnNoFeatureAndNoShell() {
        noClasses().that().resideInAPackage("dev.cairn.viewer.common..").should().dependOnClassesThat()
                .resideOutsideOfPackages("dev.cairn.viewer.common..", "dev.cairn.store..", "java..", "javafx..",
                        "atlantafx..", "org.kordamp..", "org.slf4j..",
                        "javax.imageio..") // the one PNG export every feature shares
                .check(VIEWER);
    }

    @Test
    void viewModelsHoldNoNodesStagesOrDialogs() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").should().dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..").check(VIEWER);
    }

    @Test
    void viewerDoesNotDependOnTheApp() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.cairn.app..").check(VIEWER);
    }
}
