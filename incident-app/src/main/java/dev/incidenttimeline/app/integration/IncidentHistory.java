package dev.incidenttimeline.app.integration;

import dev.incidenttimeline.incident.api.IncidentClosed;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentReopened;
import dev.incidenttimeline.incident.api.IncidentResolved;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Where an incident is, read straight from its events: integrations need it to decide whether a new delivery
 * belongs to the incident or starts a new one, and they must not wait for a read model to catch up.
 */
@Component
public class IncidentHistory {

    private final EventStore eventStore;

    public IncidentHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * @param declared   whether the incident exists
     * @param resolvedAt when it was resolved, {@code null} while it is open (also after a reopening)
     * @param closed     whether it is closed (nothing can be added)
     */
    public record State(boolean declared, Instant resolvedAt, boolean closed) {

        public boolean resolved() {
            return resolvedAt != null;
        }
    }

    /** How many events the incident has (0 if it does not exist). */
    public long eventCount(IncidentId id) {
        return eventStore.readEvents(id.value(), 0).asStream().count();
    }

    public State stateOf(IncidentId id) {
        boolean[] declared = {false};
        boolean[] closed = {false};
        Instant[] resolvedAt = {null};
        // From sequence 0: a snapshot would hide the events we look at.
        eventStore.readEvents(id.value(), 0).asStream().forEach(message -> {
            Object event = message.getPayload();
            if (event instanceof IncidentDeclared) {
                declared[0] = true;
            } else if (event instanceof IncidentResolved resolved) {
                resolvedAt[0] = resolved.occurredAt();
            } else if (event instanceof IncidentReopened) {
                resolvedAt[0] = null;
            } else if (event instanceof IncidentClosed) {
                closed[0] = true;
            }
        });
        return new State(declared[0], resolvedAt[0], closed[0]);
    }
}
