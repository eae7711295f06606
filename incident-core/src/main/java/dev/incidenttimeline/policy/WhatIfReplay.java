package dev.incidenttimeline.policy;

import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentRejected;
import dev.incidenttimeline.incident.api.ResponseDeadlineMissed;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a past incident against another policy: which deadlines would it have missed? Reads the incident's stored
 * events and stores nothing. Events are taken in the order they happened ({@code occurredAt}, ties in storage
 * order), so a timeline reconstructed afterwards is judged as it happened in the world.
 */
public class WhatIfReplay {

    private final EventStore eventStore;
    private final Clock clock;

    public WhatIfReplay(EventStore eventStore, Clock clock) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Evaluates the incident against the given policies as of now (deadlines still running and past due count as
     * missed).
     *
     * @throws IncidentRejected with {@link ErrorCode#INCIDENT_NOT_FOUND} if there is no such incident
     */
    public WhatIfReport evaluate(IncidentId incidentId, ResponsePolicies policies) {
        List<IncidentEvent> events = eventStore.readEvents(incidentId.value()).asStream()
                .map(EventMessage::getPayload)
                .filter(IncidentEvent.class::isInstance)
                .map(IncidentEvent.class::cast)
                .toList();
        if (events.isEmpty()) {
            throw new IncidentRejected(ErrorCode.INCIDENT_NOT_FOUND, "There is no incident " + incidentId + ".");
        }
        return evaluate(incidentId, events, policies, clock.instant());
    }

    /** Evaluates a list of an incident's events against the given policies as of {@code asOf}. */
    public static WhatIfReport evaluate(IncidentId incidentId, List<? extends IncidentEvent> events,
                                        ResponsePolicies policies, Instant asOf) {
        List<IncidentEvent> inOrder = new ArrayList<>(events);
        // The declaration starts the clock even when other facts were backdated before it.
        inOrder.sort(Comparator.comparing((IncidentEvent event) -> !(event instanceof IncidentDeclared))
                .thenComparing(IncidentEvent::occurredAt));
        ResponseClock clock = new ResponseClock();
        Set<ResponseDeadline> missed = new LinkedHashSet<>();
        List<ResponseDeadlineMissed> recorded = new ArrayList<>();
        for (IncidentEvent event : inOrder) {
            if (event instanceof ResponseDeadlineMissed miss) {
                recorded.add(miss);
                continue;
            }
            passed(clock, event.occurredAt(), false, missed);
            clock.apply(event, policies);
        }
        passed(clock, asOf, true, missed);
        return new WhatIfReport(incidentId, asOf, List.copyOf(missed), recorded);
    }

    private static void passed(ResponseClock clock, Instant time, boolean inclusive, Set<ResponseDeadline> missed) {
        for (ResponseDeadline deadline : clock.running()) {
            if (deadline.dueAt().isBefore(time) || inclusive && deadline.dueAt().equals(time)) {
                missed.add(deadline);
            }
        }
    }
}
