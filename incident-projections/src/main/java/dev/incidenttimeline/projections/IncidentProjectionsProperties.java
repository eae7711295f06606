package dev.incidenttimeline.projections;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the read side, under {@code incident.projections}.
 *
 * @param batchSize how many events a read model handles in one transaction; larger batches replay faster (each
 *                  batch costs a few statements, not a few per event) at the price of a longer delay before the
 *                  first events of a busy stream become visible
 * @param segments  into how many segments each read model's processor splits the event stream when it is first
 *                  created; more segments let several nodes (or threads) share one read model, one segment keeps
 *                  batches large on a single node
 */
@ConfigurationProperties("incident.projections")
public record IncidentProjectionsProperties(@DefaultValue("500") int batchSize,
                                            @DefaultValue("1") int segments) {

    public IncidentProjectionsProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("incident.projections.batch-size must be at least 1");
        }
        if (segments < 1) {
            throw new IllegalArgumentException("incident.projections.segments must be at least 1");
        }
    }
}
