package dev.incidenttimeline.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the response-metrics read model, under {@code incident.projections.metrics}.
 *
 * @param enabled   whether the metrics read model, its projection and its queries are set up at all
 * @param batchSize how many events the metrics processor applies in one transaction; larger batches replay faster
 * @param segments  into how many segments the metrics processor splits the event stream when it first starts
 *                  (the most nodes or threads that can share the work); changing it later needs a reset
 * @param reportCacheSize how many metrics reports are kept and answered again for as long as the read model does not
 *                  change (any event the metrics processor handles, on any node, empties the cache); 0 turns it off
 */
@ConfigurationProperties("incident.projections.metrics")
public record MetricsProperties(@DefaultValue("true") boolean enabled,
                                @DefaultValue("100") int batchSize,
                                @DefaultValue("4") int segments,
                                @DefaultValue("100") int reportCacheSize) {

    public MetricsProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("incident.projections.metrics.batch-size must be at least 1");
        }
        if (reportCacheSize < 0) {
            throw new IllegalArgumentException("incident.projections.metrics.report-cache-size cannot be negative");
        }
        if (segments < 1) {
            throw new IllegalArgumentException("incident.projections.metrics.segments must be at least 1");
        }
    }
}
