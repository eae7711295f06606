package dev.incidenttimeline.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the response-metrics read model, under {@code incident.projections.metrics}.
 *
 * <p>Batch size and segments are shared by every read model: {@code incident.projections.batch-size},
 * {@code incident.core.processing.segments}.
 *
 * @param enabled   whether the metrics read model, its projection and its queries are set up at all
 * @param reportCacheSize how many metrics reports are kept and answered again for as long as the read model does not
 *                  change (any event the metrics processor handles, on any node, empties the cache); 0 turns it off
 */
@ConfigurationProperties("incident.projections.metrics")
public record MetricsProperties(@DefaultValue("true") boolean enabled,
                                @DefaultValue("100") int reportCacheSize) {

    public MetricsProperties {
        if (reportCacheSize < 0) {
            throw new IllegalArgumentException("incident.projections.metrics.report-cache-size cannot be negative");
        }
    }
}
