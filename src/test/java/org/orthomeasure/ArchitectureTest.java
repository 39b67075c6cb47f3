package org.orthomeasure;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependency direction, checked from day one: the core depends on nothing of ours and on no I/O
 * or UI library; nothing depends on the UI or the CLI; third-party toolkits stay behind one adapter.
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
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void nothingDependsOnTheUiOrTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("org.orthomeasure.ui..", "org.orthomeasure")
                .should().dependOnClassesThat().resideInAPackage("org.orthomeasure.ui..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.orthomeasure.cli..", "org.orthomeasure")
                .should().dependOnClassesThat().resideInAPackage("org.orthomeasure.cli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void toolkitsStayBehindTheirAdapters() {
        noClasses().that().resideOutsideOfPackage("org.orthomeasure.io.dicom..")
                .should().dependOnClassesThat().resideInAPackage("com.pixelmed..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.orthomeasure.detect..")
                .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.orthomeasure.report..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
