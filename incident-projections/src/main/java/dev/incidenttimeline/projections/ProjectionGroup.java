package dev.incidenttimeline.projections;

import java.util.List;
import java.util.Objects;

/**
 * One read model's processing group. Every read model of this module declares one as a bean; the auto-configuration
 * runs each as a pooled streaming event processor with the module's batch settings, and the replayer rebuilds them.
 *
 * @param name   the processing group (and processor) name, e.g. {@code "timeline"}
 * @param tables the model's tables, in the order in which they are emptied after a reset (a table that others point
 *               to by foreign key after them). With tables, the model's {@code @ResetHandler} only calls
 *               {@link ReadModelResets#request} and {@link ReadModelResets} empties them; without, the model's
 *               {@code @ResetHandler} empties the model itself
 */
public record ProjectionGroup(String name, List<String> tables) {

    public ProjectionGroup {
        Objects.requireNonNull(name, "name");
        tables = List.copyOf(tables);
    }

    /** A read model that empties itself in its {@code @ResetHandler}. */
    public ProjectionGroup(String name) {
        this(name, List.of());
    }
}
