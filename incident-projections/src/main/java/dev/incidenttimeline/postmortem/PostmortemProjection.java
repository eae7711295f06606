package dev.incidenttimeline.postmortem;

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
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code postmortem_fact} up to date: each event the postmortem needs becomes one row keyed by the event
 * identifier (a redelivered or replayed event adds nothing); the rows of a processor batch are written together just
 * before the batch commits.
 */
@ProcessingGroup(PostmortemProjection.PROCESSING_GROUP)
public class PostmortemProjection {

    /** The processing group (and event processor) of the postmortem read model. */
    public static final String PROCESSING_GROUP = "postmortem";

    private final PostmortemStore store;

    private final ReadModelResets resets;

    PostmortemProjection(PostmortemStore store, ReadModelResets resets) {
        this.store = store;
        this.resets = resets;
    }

    @EventHandler
    void on(IncidentEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        FactRow fact = PostmortemFacts.translate(event, message.getIdentifier(), sequence, message.getTimestamp());
        if (fact == null) {
            return;
        }
        Batch batch = BatchWork.current(PROCESSING_GROUP + ".batch", () -> new Batch(store));
        batch.facts.add(fact);
        if (event instanceof IncidentDeclared) {
            batch.declaredFor.put(fact.incidentId(), Organisations.of(message));
        }
        BatchWork.flushIfUnmanaged(batch);
    }

    /** Records the reset; the tables are emptied after it commits (see {@link ReadModelResets}). */
    @ResetHandler
    void reset() {
        resets.request(PROCESSING_GROUP);
    }

    private static final class Batch implements BatchWork.Flushable {

        private final PostmortemStore store;
        private final List<FactRow> facts = new ArrayList<>();
        /** The incidents declared in this batch and their organisations (a value may be {@code null}). */
        private final Map<String, String> declaredFor = new HashMap<>();

        private Batch(PostmortemStore store) {
            this.store = store;
        }

        @Override
        public void flush() {
            store.write(facts, declaredFor);
        }
    }
}
