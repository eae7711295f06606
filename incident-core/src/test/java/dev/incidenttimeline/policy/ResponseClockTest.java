package dev.incidenttimeline.policy;

import dev.incidenttimeline.incident.api.AlertLinked;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.ImpactRecorded;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.PostmortemStarted;
import dev.incidenttimeline.incident.api.Role;
import dev.incidenttimeline.incident.api.RoleAssigned;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.TaskAssigned;
import dev.incidenttimeline.incident.api.TaskId;
import dev.incidenttimeline.incident.api.TimelineNoteAdded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga is shown only {@link ResponseClock#EVENTS}; these tests hold the clock to ignoring the rest.
 */
class ResponseClockTest {

    static final IncidentId ID = IncidentId.of("inc-1");
    static final Instant T0 = Instant.parse("2026-11-20T21:00:00Z");
    static final ResponsePolicies BUILT_IN = new ResponsePolicies(new ResponsePolicyProperties(true, null, null, null));

    @Test
    void anEventThatIsNotOneOfItsEventsMovesNoDeadline() {
        ResponseClock clock = new ResponseClock();
        clock.apply(new IncidentDeclared(ID, "Checkout is down", Severity.SEV1, List.of("checkout"),
                DetectionSource.ALERT, T0, null, "alertmanager", false, T0, null), BUILT_IN);
        List<ResponseDeadline> running = clock.running();
        assertThat(running).isNotEmpty();

        for (IncidentEvent other : eventsOfEveryOtherKind()) {
            assertThat(ResponseClock.EVENTS).doesNotContain(other.getClass());

            clock.apply(other, BUILT_IN);

            assertThat(clock.running()).as("after %s", other.getClass().getSimpleName()).isEqualTo(running);
        }
    }

    private static List<IncidentEvent> eventsOfEveryOtherKind() {
        Instant at = T0.plusSeconds(60);
        return List.of(
                new RoleAssigned(ID, Role.LEADER, "alice", null, "alice", at, null),
                new AlertLinked(ID, "alertmanager", "abc", "checkout 5xx", "ratio 0.12", Map.of(), at, null),
                new TimelineNoteAdded(ID, EntryId.of("n-1"), "bob", "Caches flushed", List.of(), at, null),
                new TaskAssigned(ID, TaskId.of("t-1"), "Check the pool", "carol", "alice", at, null),
                new ImpactRecorded(ID, List.of("checkout"), 12, 3_000L, List.of("acme"), "alice", at, null),
                new PostmortemStarted(ID, "alice", at, null));
    }
}
