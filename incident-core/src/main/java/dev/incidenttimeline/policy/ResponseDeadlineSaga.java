package dev.incidenttimeline.policy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.CustomerCalledBack;
import dev.incidenttimeline.incident.api.CustomerReportLinked;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentClosed;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentMitigated;
import dev.incidenttimeline.incident.api.IncidentRejected;
import dev.incidenttimeline.incident.api.IncidentReopened;
import dev.incidenttimeline.incident.api.IncidentResolved;
import dev.incidenttimeline.incident.api.SeverityChanged;
import dev.incidenttimeline.incident.api.StatusUpdatePosted;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Holds one open incident to its response policy: keeps the incident's {@link ResponseClock}, schedules each
 * running deadline with the {@link DeadlineManager} (db-scheduler: persistent, fired on one node), cancels a
 * deadline as soon as it is met or superseded, and when one fires asks the incident to record it as missed. The
 * incident itself checks that the deadline really was not met in time and records it once.
 *
 * <p>The saga follows the event stream from where it was when the saga processor first started (Axon starts saga
 * processors at the head), so incidents declared before the library was added get no deadlines. It ends when the
 * incident is closed.
 */
@Saga
@ProcessingGroup(ResponseDeadlineSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class ResponseDeadlineSaga {

    /** The processing group (a tracking processor) of the saga. */
    public static final String PROCESSING_GROUP = "response-deadlines";
    /** How long backdated evidence gets to arrive before a deadline that was already past is judged. */
    static final Duration LATE_EVIDENCE_GRACE = Duration.ofMinutes(1);

    /** The name of every scheduled response deadline. */
    public static final String DEADLINE_NAME = "response-deadline";

    private static final Logger log = LoggerFactory.getLogger(ResponseDeadlineSaga.class);

    private IncidentId incidentId;
    private ResponseClock clock = new ResponseClock();
    /** Deadline key to the deadline manager's schedule id. */
    private Map<String, String> scheduled = new LinkedHashMap<>();
    /** Deadlines that fired and are still running by the clock: not to be scheduled again. */
    private Set<String> fired = new HashSet<>();

    @StartSaga
    @SagaEventHandler(associationProperty = "incidentId")
    void on(IncidentDeclared event, DeadlineManager deadlineManager, Clock clock,
            ResponsePolicies policies) {
        incidentId = event.incidentId();
        track(event, clock.instant(), deadlineManager, policies);
    }

    // One handler per event that can move a deadline (ResponseClock.EVENTS) and none for the others: the saga is
    // then not even loaded for a note, a task or an alert, which are most of an incident's events. A handler for
    // IncidentEvent would load and store the saga for every event and change nothing.

    @SagaEventHandler(associationProperty = "incidentId")
    void on(SeverityChanged event, DeadlineManager deadlineManager, Clock clock, ResponsePolicies policies) {
        track(event, clock.instant(), deadlineManager, policies);
    }

    @SagaEventHandler(associationProperty = "incidentId")
    void on(IncidentAcknowledged event, DeadlineManager deadlineManager, Clock clock, ResponsePolicies policies) {
        track(event, clock.instant(), deadlineManager, policies);
    }

    @SagaEventHandler(associationProperty = "incidentId")
    void on(StatusUpdatePosted event, DeadlineManager deadlineManager, Clock clock, ResponsePolicies policies) {
        track(event, clock.instant(), deadlineManager, policies);
    }

    @SagaEventHandler(associationProperty = "incidentId")
    void on(IncidentMitigated event, DeadlineManager deadlineManager, Clock clock, ResponsePolicies policies) {
        track(event, clock.instant(), deadlineManager, policies);
    }

    @SagaEventHandler(associationProperty = "incidentId")
    void on(IncidentResolved event, DeadlineManager deadlineManager, Clock clock, ResponsePolicies policies) {
        track(event, clock.instant(), deadlineManager, policies);
    }

    @SagaEventHandler(associationProperty = "incidentId")
    void on(IncidentReopened event, DeadlineManager deadlineManager, Clock clock, ResponsePolicies policies) {
        track(event, clock.instant(), deadlineManager, policies);
    }

    @SagaEventHandler(associationProperty = "incidentId")
    void on(CustomerReportLinked event, DeadlineManager deadlineManager, Clock clock, ResponsePolicies policies) {
        track(event, clock.instant(), deadlineManager, policies);
    }

    @SagaEventHandler(associationProperty = "incidentId")
    void on(CustomerCalledBack event, DeadlineManager deadlineManager, Clock clock, ResponsePolicies policies) {
        track(event, clock.instant(), deadlineManager, policies);
    }

    @SagaEventHandler(associationProperty = "incidentId")
    void on(IncidentClosed event, DeadlineManager deadlineManager, Clock clock, ResponsePolicies policies) {
        track(event, clock.instant(), deadlineManager, policies);
        SagaLifecycle.end();
    }

    @DeadlineHandler(deadlineName = DEADLINE_NAME)
    void on(ResponseDeadline deadline, CommandGateway commandGateway) {
        scheduled.remove(deadline.key());
        fired.add(deadline.key());
        try {
            commandGateway.sendAndWait(deadline.missedOn(incidentId));
        } catch (IncidentRejected rejected) {
            log.info("Incident {} did not record the missed {} deadline: {}", incidentId, deadline.kind(),
                    rejected.getMessage());
        } catch (CommandExecutionException failure) {
            if (failure.getDetails().filter(ErrorCode.class::isInstance).isEmpty()) {
                throw failure;
            }
            log.info("Incident {} did not record the missed {} deadline: {}", incidentId, deadline.kind(),
                    failure.getMessage());
        }
    }

    private void track(IncidentEvent event, Instant now, DeadlineManager deadlineManager,
                       ResponsePolicies policies) {
        clock.apply(event, policies);
        Set<String> running = new HashSet<>();
        for (ResponseDeadline deadline : clock.running()) {
            running.add(deadline.key());
            if (!scheduled.containsKey(deadline.key()) && !fired.contains(deadline.key())) {
                scheduled.put(deadline.key(), deadlineManager.schedule(checkAt(deadline, now), DEADLINE_NAME,
                        deadline));
            }
        }
        fired.retainAll(running);
        scheduled.entrySet().removeIf(entry -> {
            if (running.contains(entry.getKey())) {
                return false;
            }
            deadlineManager.cancelSchedule(DEADLINE_NAME, entry.getValue());
            return true;
        });
    }

    /**
     * When to check a deadline: at its due time, but never sooner than {@link #LATE_EVIDENCE_GRACE} after the event
     * that started it was handled ({@code now}, by the injected clock). A backdated declaration (a timeline rebuilt in the retrospective, an import, a
     * delayed webhook) starts deadlines that are already past; the facts that met them are usually being recorded
     * right behind it, so they get a moment to arrive before the incident judges the deadline. The check itself still
     * compares the facts' own times with the due time.
     */
    static Instant checkAt(ResponseDeadline deadline, Instant now) {
        Instant earliest = now.plus(LATE_EVIDENCE_GRACE);
        return deadline.dueAt().isBefore(earliest) ? earliest : deadline.dueAt();
    }
}
