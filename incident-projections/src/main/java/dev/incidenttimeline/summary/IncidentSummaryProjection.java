package dev.incidenttimeline.summary;

import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.projections.BatchWork;
import dev.incidenttimeline.projections.ReadModelResets;
import dev.incidenttimeline.tenancy.Organisations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the incident summaries up to date. The events of a processor batch are collected, then applied to the
 * touched incidents' states (loaded once) and written back just before the batch commits. Each state remembers the
 * sequence number of the last event applied, so a redelivered event changes nothing.
 */
@ProcessingGroup(IncidentSummaryProjection.PROCESSING_GROUP)
public class IncidentSummaryProjection {

    /** The processing group (and event processor) of the incident summaries read model. */
    public static final String PROCESSING_GROUP = "incident-summaries";

    private final SummaryStore store;

    private final ReadModelResets resets;

    IncidentSummaryProjection(SummaryStore store, ReadModelResets resets) {
        this.store = store;
        this.resets = resets;
    }

    /** The declaration says whose incident it is (its metadata); later events do not change that. */
    @EventHandler
    void on(IncidentDeclared event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
            @MetaDataValue(Organisations.METADATA_KEY) String organisation) {
        apply(event, sequence, recordedAt, organisation);
    }

    /** Every other event, without its metadata: reading it costs a JSON parse per event, a tenth of a replay. */
    @EventHandler
    void on(IncidentEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event, sequence, recordedAt, null);
    }

    private void apply(IncidentEvent event, long sequence, Instant recordedAt, String organisation) {
        Batch batch = BatchWork.current(PROCESSING_GROUP + ".batch", Batch::new);
        batch.events.add(new Applied(event, sequence, recordedAt, organisation));
        BatchWork.flushIfUnmanaged(batch);
    }

    /** Records the reset; the tables are emptied after it commits (see {@link ReadModelResets}). */
    @ResetHandler
    void reset() {
        resets.request(PROCESSING_GROUP);
    }

    private record Applied(IncidentEvent event, long sequence, Instant recordedAt, String organisation) {
    }

    private final class Batch implements BatchWork.Flushable {

        private final List<Applied> events = new ArrayList<>();

        @Override
        public void flush() {
            Map<String, IncidentState> states = new LinkedHashMap<>(store.load(events.stream()
                    .map(applied -> applied.event().incidentId().value()).distinct().toList()));
            for (Applied applied : events) {
                states.computeIfAbsent(applied.event().incidentId().value(), IncidentState::new)
                        .apply(applied.event(), applied.sequence(), applied.recordedAt(), applied.organisation());
            }
            // A stream that does not start with its declaration (a partial import) has nothing to summarise.
            store.save(states.values().stream().filter(IncidentState::declared).toList());
        }
    }
}
