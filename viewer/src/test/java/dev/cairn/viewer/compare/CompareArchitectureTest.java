package dev.cairn.viewer.compare;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class CompareArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.cairn.viewer");

    @Test
    void compareDependsOnlyOnCommonAndTheStore() {
        noClasses().that().resideInAPackage("dev.cairn.viewer.compare..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cairn.viewer.runs..",
                        "dev.cairn.viewer.shell..", "dev.cairn.viewer.hparams..", "dev.cairn.viewer.drift..",
                        "dev.cairn.viewer.registry..", "java.sql..")
                .check(classes);
    }
}
