package dev.incidenttimeline.projections;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the read side, under {@code incident.projections}.
 *
 * @param batchSize how many events a read model handles in one transaction; larger batches replay faster (each
 *                  batch costs a few statements, not a few per event) at the price of a longer delay before the
 *                  first events of a busy stream become visible. How many segments a read model is split into
 *                  is a setting of the core, {@code incident.core.processing.segments}, shared by every processor.
 * @param replayBatchSize how many events a replay ({@code ProjectionReplayer}) hands to a read model in one
 *                        transaction while it rebuilds the model from the event store with the processor stopped;
 *                        memory grows with it (the batch's events and rows are held until the commit)
 */
@ConfigurationProperties("incident.projections")
public record IncidentProjectionsProperties(@DefaultValue("500") int batchSize,
                                            @DefaultValue("1000") int replayBatchSize) {

    public IncidentProjectionsProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("incident.projections.batch-size must be at least 1");
        }
        if (replayBatchSize < 1) {
            throw new IllegalArgumentException("incident.projections.replay-batch-size must be at least 1");
        }
    }
}
