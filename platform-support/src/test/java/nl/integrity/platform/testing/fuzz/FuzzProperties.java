package nl.integrity.platform.testing.fuzz;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * The property a fuzz run checks, run by jqwik's engine through {@link ApiFuzzer} against the service
 * a {@code @QuarkusTest} has started (not found by Surefire on its own: it lives in the test-jar).
 * The number of tries comes from the run ({@code jqwik.tries.default}).
 */
class FuzzProperties {

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void everyAnswerIsAProblemOrASuccess_neverAServerErrorALeakOrAChangeByARefusal(
            @ForAll("requests") FuzzRequest request) {
        List<String> wrong = FuzzTarget.current().check(request);
        Statistics.label("kind").collect(request.kind());
        if (!wrong.isEmpty() && !ApiFuzzer.COLLECT_ALL) {
            throw new AssertionError(String.join("; ", wrong) + "\n  request: " + request);
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        return Requests.of(FuzzTarget.current());
    }
}
