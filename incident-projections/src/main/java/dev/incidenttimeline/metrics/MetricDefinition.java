package dev.incidenttimeline.metrics;

import java.util.Objects;
import java.util.function.Function;

/**
 * A versioned definition of one response metric: its name (as the API shows it, e.g. {@code timeToAcknowledge}),
 * its version, what it means, and the rule that measures it from an incident's {@link Milestones}.
 *
 * <p>Stored values carry the version they were computed with. A changed definition gets a higher version; after a
 * {@link MetricsRecomputation} (or a replay of the metrics processing group) every stored value is computed with it.
 *
 * @param name        the metric's name, unique in a {@link MetricCatalog}
 * @param version     the definition's version, 1 or more
 * @param description what the clock measures, for people
 * @param rule        how it is measured
 */
public record MetricDefinition(String name, int version, String description, MetricRule rule) {

    public MetricDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rule, "rule");
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a metric's name must have 1 to 100 characters");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a metric definition's version starts at 1");
        }
    }

    /** A clock that starts at one milestone and stops at another. */
    public static MetricDefinition between(String name, int version, String description,
                                           Function<Milestones, Point> start, Function<Milestones, Point> stop) {
        return new MetricDefinition(name, version, description,
                milestones -> new Span(start.apply(milestones), stop.apply(milestones)));
    }
}
