package dev.cairn.store;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The store is plain Java + JDBC behind a closed API: no JavaFX, no dependency on UI, app or plugin code, JDBC only
 * in internal packages, no JDBC or internal type in any public signature outside them, and no package cycles.
 */
@AnalyzeClasses(packages = "dev.cairn.store", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String INTERNAL = "dev.cairn.store.internal..";

    private static final DescribedPredicate<JavaClass> PUBLIC_API =
            new DescribedPredicate<>("public classes outside internal packages") {
                @Override
                public boolean test(JavaClass c) {
                    return c.getModifiers().contains(JavaModifier.PUBLIC) && !c.getPackageName().startsWith("dev.cairn.store.internal");
                }
            };

    @ArchTest
    static final ArchRule NO_JAVAFX = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the store must run headless in CLI, plugins and training jobs");

    @ArchTest
    static final ArchRule NO_UPWARD_DEPENDENCIES = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.cairn.viewer..", "dev.cairn.app..", "dev.cairn.plugin..");

    @ArchTest
    static final ArchRule JDBC_ONLY_INSIDE = noClasses().that().resideOutsideOfPackage(INTERNAL)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..",
                    "org.postgresql..", "com.zaxxer..")
            .because("the store API is value types and operations; JDBC stays behind it");

    @ArchTest
    static final ArchRule API_DOES_NOT_REACH_INTERNALS = noClasses().that().resideOutsideOfPackage(INTERNAL)
            .should().dependOnClassesThat().resideInAPackage(INTERNAL)
            .because("implementations are found through StoreBackend, never named by the API");

    @ArchTest
    static final ArchRule PUBLIC_SIGNATURES_ARE_CLOSED = codeUnits().that().areDeclaredInClassesThat(PUBLIC_API)
            .and().arePublic().should(mentionOnlyApiTypes());

    @ArchTest
    static final ArchRule PUBLIC_FIELDS_ARE_CLOSED = fields().that().areDeclaredInClassesThat(PUBLIC_API)
            .and().arePublic().should(haveApiType());

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.cairn.(store..)").namingSlices("$1")
            .should().beFreeOfCycles();

    private static boolean closed(JavaClass type) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        String name = base.getPackageName();
        return !(name.startsWith("java.sql") || name.startsWith("javax.sql") || name.startsWith("dev.cairn.store.internal")
                || name.startsWith("org.sqlite") || name.startsWith("org.postgresql") || name.startsWith("com.zaxxer"));
    }

    private static ArchCondition<JavaCodeUnit> mentionOnlyApiTypes() {
        return new ArchCondition<>("name no JDBC or internal type in parameters, results or exceptions") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
                types.add(unit.getRawReturnType());
                types.addAll(unit.getExceptionTypes());
                for (JavaClass type : types) {
                    if (!closed(type)) {
                        events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + type.getName()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaField> haveApiType() {
        return new ArchCondition<>("have no JDBC or internal type") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                if (!closed(field.getRawType())) {
                    events.add(SimpleConditionEvent.violated(field, field.getFullName() + " exposes " + field.getRawType().getName()));
                }
            }
        };
    }
}
