package dev.incidenttimeline.metrics;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The metric definitions in force: the {@link StandardMetrics} plus the host's own. A definition with the name of
 * one already known replaces it only with a higher version.
 *
 * <p>Adding or changing a definition affects values computed from then on; a {@link MetricsRecomputation} brings
 * every incident of the past up to date from its stored facts.
 */
public class MetricCatalog {

    private volatile Map<String, MetricDefinition> definitions = Map.of();
    private volatile int revision;

    public MetricCatalog(Collection<MetricDefinition> definitions) {
        definitions.forEach(this::register);
    }

    /** The catalog of the standard definitions only. */
    public static MetricCatalog standard() {
        return new MetricCatalog(StandardMetrics.all());
    }

    /** The definitions in force, in the order they were first registered. */
    public List<MetricDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    /**
     * Adds a definition, or replaces the one with the same name if this one has a higher version.
     *
     * @throws IllegalArgumentException if a definition with this name and the same or a higher version is known
     */
    public synchronized void register(MetricDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        MetricDefinition known = definitions.get(definition.name());
        if (known != null && known.version() >= definition.version()) {
            if (known.equals(definition)) {
                return;
            }
            throw new IllegalArgumentException("Metric " + definition.name() + " is defined in version "
                    + known.version() + " already; a changed definition needs a higher version.");
        }
        Map<String, MetricDefinition> next = new LinkedHashMap<>(definitions);
        next.put(definition.name(), definition);
        definitions = next;
        revision++;
    }

    /** Changes whenever a definition is added or replaced. */
    public int revision() {
        return revision;
    }
}
