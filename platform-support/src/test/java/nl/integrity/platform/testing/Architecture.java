package nl.integrity.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** Rules on how a module's own code is laid out, checked on its compiled main classes. */
public final class Architecture {

    private Architecture() {}

    /**
     * Fails when the feature packages right below {@code rootPackage} depend on each other in a
     * loop (directly, or through others): each package may lean on the ones below it, never on
     * one that leans on it.
     */
    public static void assertNoPackageLoops(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
        SlicesRuleDefinition.slices()
                .matching(rootPackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }
}
