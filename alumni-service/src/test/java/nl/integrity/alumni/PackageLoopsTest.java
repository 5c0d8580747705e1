package nl.integrity.alumni;

import nl.integrity.platform.testing.Architecture;
import org.junit.jupiter.api.Test;

/** The feature packages of this module lean on each other one way only. */
class PackageLoopsTest {

    @Test
    void noPackageDependsOnOneThatDependsOnIt() {
        Architecture.assertNoPackageLoops("nl.integrity.alumni");
    }
}
