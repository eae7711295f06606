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
 */
@ConfigurationProperties("incident.projections.metrics")
public record MetricsProperties(@DefaultValue("true") boolean enabled,
                                @DefaultValue("100") int batchSize,
                                @DefaultValue("4") int segments) {

    public MetricsProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("incident.projections.metrics.batch-size must be at least 1");
        }
        if (segments < 1) {
            throw new IllegalArgumentException("incident.projections.metrics.segments must be at least 1");
        }
    }
}
