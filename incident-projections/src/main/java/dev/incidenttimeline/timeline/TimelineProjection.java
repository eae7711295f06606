package dev.incidenttimeline.timeline;

import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.projections.BatchWork;
import dev.incidenttimeline.projections.ReadModelResets;
import dev.incidenttimeline.tenancy.Organisations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the timeline tables up to date. Each event becomes zero or more rows (see {@link TimelineEntries}), keyed by
 * the event identifier so that a redelivered event adds nothing; the rows of a processor batch are written together
 * just before the batch commits, and live subscribers of the touched incidents are told after it committed.
 */
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
public class TimelineProjection {

    /** The processing group (and event processor) of the timeline read model. */
    public static final String PROCESSING_GROUP = "timeline";

    private final TimelineStore store;
    private final TimelineQueryHandler queries;
    private final ReadModelResets resets;

    TimelineProjection(TimelineStore store, TimelineQueryHandler queries, ReadModelResets resets) {
        this.store = store;
        this.queries = queries;
        this.resets = resets;
    }

    @EventHandler
    void on(IncidentEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        Batch batch = BatchWork.current(PROCESSING_GROUP + ".batch", Batch::new);
        if (event instanceof IncidentDeclared) {
            batch.declaredFor.put(event.incidentId().value(), Organisations.of(message));
        }
        TimelineEntries.translate(event, message.getIdentifier(), sequence, message.getTimestamp(), batch.entries::add,
                batch.changes::add);
        batch.incidents.add(event.incidentId().value());
        BatchWork.flushIfUnmanaged(batch);
    }

    /** Records the reset; the tables are emptied after it commits (see {@link ReadModelResets}). */
    @ResetHandler
    void reset() {
        resets.request(PROCESSING_GROUP);
    }

    private final class Batch implements BatchWork.Flushable {

        private final List<EntryRow> entries = new ArrayList<>();
        private final List<ChangeRow> changes = new ArrayList<>();
        private final Set<String> incidents = new HashSet<>();
        /** The incidents declared in this batch and their organisations (a value may be {@code null}). */
        private final Map<String, String> declaredFor = new HashMap<>();

        @Override
        public void flush() {
            store.write(entries, changes, declaredFor);
        }

        @Override
        public void committed() {
            queries.publish(incidents);
        }
    }
}
