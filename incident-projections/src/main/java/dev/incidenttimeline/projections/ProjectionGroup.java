package dev.incidenttimeline.projections;

import java.util.Objects;

/**
 * One read model's processing group. Every read model of this module declares one as a bean; the auto-configuration
 * runs each as a pooled streaming event processor with the module's batch settings, and the replayer rebuilds them.
 *
 * @param name the processing group (and processor) name, e.g. {@code "timeline"}
 */
public record ProjectionGroup(String name) {

    public ProjectionGroup {
        Objects.requireNonNull(name, "name");
    }
}
