package dev.incidenttimeline.incident;

import dev.incidenttimeline.incident.api.CustomerCalledBack;
import dev.incidenttimeline.incident.api.CustomerReportLinked;
import dev.incidenttimeline.incident.api.DeadlineKind;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.RecordMissedDeadline;
import dev.incidenttimeline.incident.api.ResponseDeadlineMissed;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.StatusUpdatePosted;
import dev.incidenttimeline.incident.api.Visibility;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

class IncidentMissedDeadlineTest {

    static final IncidentId ID = IncidentId.of("inc-1");
    static final Instant T0 = Instant.parse("2026-11-20T21:00:00Z");

    private final FixtureConfiguration<Incident> fixture = new AggregateTestFixture<>(Incident.class);

    @Test
    void recordsAnAcknowledgementThatDidNotComeInTime() {
        RecordMissedDeadline command = missed(DeadlineKind.ACKNOWLEDGE, null, T0, 5);

        fixture.given(declared())
               .when(command)
               .expectEvents(new ResponseDeadlineMissed(ID, DeadlineKind.ACKNOWLEDGE, null, T0, at(5),
                       Duration.ofMinutes(5), "SEV1", at(5), command.sourceId()));
    }

    @Test
    void ignoresADeadlineMetBeforeItWasDue() {
        fixture.given(declared(), new IncidentAcknowledged(ID, "bob", at(4), null))
               .when(missed(DeadlineKind.ACKNOWLEDGE, null, T0, 5))
               .expectNoEvents();
    }

    @Test
    void recordsEachDeadlineOnce() {
        RecordMissedDeadline command = missed(DeadlineKind.MITIGATE, null, T0, 60);

        fixture.given(declared(), new ResponseDeadlineMissed(ID, DeadlineKind.MITIGATE, null, T0, at(60),
                        Duration.ofMinutes(60), "SEV1", at(60), command.sourceId()))
               .when(command)
               .expectNoEvents();
    }

    @Test
    void recordsAnOverdueUpdateOnlyWhenNoUpdateCameAfterThePreviousOne() {
        StatusUpdatePosted first = new StatusUpdatePosted(ID, EntryId.of("u1"), "bob", "looking", Visibility.INTERNAL,
                List.of(), at(10), null);
        StatusUpdatePosted second = new StatusUpdatePosted(ID, EntryId.of("u2"), "bob", "found it",
                Visibility.INTERNAL, List.of(), at(35), null);

        fixture.given(declared(), first, second)
               .when(missed(DeadlineKind.UPDATE_CADENCE, null, at(10), 40))
               .expectNoEvents();
        fixture.given(declared(), first)
               .when(missed(DeadlineKind.UPDATE_CADENCE, null, at(10), 40))
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                       org.axonframework.test.matchers.Matchers.messageWithPayload(
                               org.hamcrest.Matchers.instanceOf(ResponseDeadlineMissed.class)),
                       org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void keepsAPromisedCallbackMadeInTime() {
        fixture.given(declared(),
                        new CustomerReportLinked(ID, "T-1", "ACME", "+31 20 555 0100", at(60), "support", at(5), null),
                        new CustomerCalledBack(ID, "T-1", "carol", "told them", at(55), null))
               .when(missed(DeadlineKind.CUSTOMER_CALLBACK, "T-1", at(5), 60))
               .expectNoEvents();
    }

    private static RecordMissedDeadline missed(DeadlineKind kind, String reference, Instant startedAt, long dueMinute) {
        Instant dueAt = at(dueMinute);
        return new RecordMissedDeadline(ID, kind, reference, startedAt, dueAt, Duration.between(startedAt, dueAt),
                "SEV1", RecordMissedDeadline.sourceIdOf(kind, reference, dueAt));
    }

    private static IncidentDeclared declared() {
        return new IncidentDeclared(ID, "Checkout is down", Severity.SEV1, List.of("checkout"), DetectionSource.ALERT,
                T0, null, "alertmanager", false, T0, null);
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
