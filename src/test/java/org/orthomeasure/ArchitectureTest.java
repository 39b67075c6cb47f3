package org.orthomeasure;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Dependency direction, checked from day one: the core depends on nothing of ours and on no I/O
 * or UI library; nothing depends on the UI or the CLI; third-party toolkits stay behind one adapter;
 * no two packages depend on each other, directly or round a loop. Every rule must match classes
 * (no {@code allowEmptyShould}): a rule whose package was renamed away fails instead of passing silently.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.orthomeasure");
    }

    @Test
    void coreIsPure() {
        noClasses().that().resideInAPackage("org.orthomeasure.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.orthomeasure.io..", "org.orthomeasure.ui..", "org.orthomeasure.cli..",
                        "org.orthomeasure.report..", "org.orthomeasure.detect..", "org.orthomeasure.phantom..",
                        "javafx..", "com.pixelmed..", "org.apache.pdfbox..", "ai.onnxruntime..",
                        "com.fasterxml..", "java.io..", "java.nio..", "java.awt..", "javax.imageio..")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheUiOrTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("org.orthomeasure.ui..", "org.orthomeasure")
                .should().dependOnClassesThat().resideInAPackage("org.orthomeasure.ui..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.orthomeasure.cli..", "org.orthomeasure")
                .should().dependOnClassesThat().resideInAPackage("org.orthomeasure.cli..")
                .check(classes);
    }

    @Test
    void toolkitsStayBehindTheirAdapters() {
        noClasses().that().resideOutsideOfPackage("org.orthomeasure.io.dicom..")
                .should().dependOnClassesThat().resideInAPackage("com.pixelmed..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.orthomeasure.detect..")
                .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.orthomeasure.report..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.orthomeasure.(**)").should().beFreeOfCycles().check(classes);
    }
}
