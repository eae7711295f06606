package dev.incidenttimeline.projections;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits the values of an SQL {@code IN (...)} list into parts of a size every database accepts, so that a batch
 * touching many incidents still costs a few statements, not one per incident.
 */
public final class SqlInLists {

    /** Values per {@code IN} list. */
    public static final int SIZE = 500;

    private SqlInLists() {
    }

    public static List<List<String>> chunks(Collection<String> values) {
        List<String> all = List.copyOf(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + SIZE)));
        }
        return chunks;
    }
}
