package nl.integrity.declaration.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statistical disclosure control for the office's figures: a count from 1 up to the threshold (not
 * included) could point at a person, so it is suppressed (shown as null). Where the sum of a group
 * of counts is published (a dimension adds up to the declarations submitted; the outcomes of
 * decided declarations add up to those decided), a single suppressed count in the group could be
 * worked out from the others; the smallest count shown is then suppressed too (secondary
 * suppression). Zero is no person and is never suppressed. Counts how many cells it suppressed.
 */
final class SmallCells {

    private final int threshold;
    private int suppressed;

    SmallCells(int threshold) {
        this.threshold = threshold;
    }

    int threshold() {
        return threshold;
    }

    /** Cells suppressed so far. */
    int suppressedCells() {
        return suppressed;
    }

    boolean small(Long count) {
        return count != null && count > 0 && count < threshold;
    }

    /** A count on its own: null when small. */
    Long single(long count) {
        if (small(count)) {
            suppressed++;
            return null;
        }
        return count;
    }

    /**
     * The counts of one dimension (they add up to a published total), each small one null; with
     * {@code sums}, other groups of its keys whose sum is published elsewhere.
     */
    Map<String, Long> dimension(Map<String, Long> counts, List<Set<String>> sums) {
        Map<String, Long> shown = new LinkedHashMap<>();
        counts.forEach((key, count) -> {
            if (small(count)) {
                suppressed++;
                shown.put(key, null);
            } else {
                shown.put(key, count);
            }
        });
        List<Set<String>> groups = new ArrayList<>(sums);
        groups.add(counts.keySet());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Set<String> group : groups) {
                changed |= protectGroup(shown, counts, group);
            }
        }
        return shown;
    }

    Map<String, Long> dimension(Map<String, Long> counts) {
        return dimension(counts, List.of());
    }

    /** One suppressed count in a group whose sum is known: suppresses the smallest one shown too. */
    private boolean protectGroup(Map<String, Long> shown, Map<String, Long> counts, Set<String> group) {
        long hidden = group.stream()
                .filter(k -> shown.containsKey(k) && shown.get(k) == null)
                .count();
        if (hidden != 1) {
            return false;
        }
        var smallest = group.stream()
                .filter(k -> shown.get(k) != null && shown.get(k) > 0)
                .min(Comparator.comparing(counts::get));
        smallest.ifPresent(k -> {
            shown.put(k, null);
            suppressed++;
        });
        return smallest.isPresent();
    }
}
