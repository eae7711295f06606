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
 *                  change (any incident changed by a batch or a recomputation, on any node, or a change of the
 *                  catalogue empties the cache); 0 turns it off
 * @param valueIndex whether reports are answered from an in-memory index of the metric values (tens of MB at
 *                   100,000 incidents, loaded at the first report, then kept up to date from the tables' change
 *                   numbers); false: every report selects the period's values from the database (seconds at 100,000)
 * @param recomputeOnStart whether, once the application is ready, the stored values are compared with the catalogue's
 *                   definitions and, if any metric or version differs, every incident is recomputed in the background
 *                   ({@link MetricsRecomputation}): a deployment with a new or changed definition needs nothing else
 */
@ConfigurationProperties("incident.projections.metrics")
public record MetricsProperties(@DefaultValue("true") boolean enabled,
                                @DefaultValue("100") int reportCacheSize,
                                @DefaultValue("true") boolean valueIndex,
                                @DefaultValue("true") boolean recomputeOnStart) {

    public MetricsProperties {
        if (reportCacheSize < 0) {
            throw new IllegalArgumentException("incident.projections.metrics.report-cache-size cannot be negative");
        }
    }
}
