package dev.incidenttimeline.policy;

import dev.incidenttimeline.incident.api.DeadlineKind;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.RecordMissedDeadline;
import dev.incidenttimeline.incident.api.Severity;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseDeadlineSagaTest {

    static final IncidentId ID = IncidentId.of("inc-1");

    private final SagaTestFixture<ResponseDeadlineSaga> fixture = new SagaTestFixture<>(ResponseDeadlineSaga.class);
    private Instant t0;

    @BeforeEach
    void policies() {
        fixture.registerResource(new ResponsePolicies(new ResponsePolicyProperties(true, null, null, null)));
        t0 = fixture.currentTime();
        fixture.registerResource(Clock.fixed(t0, ZoneOffset.UTC));
    }

    @Test
    void schedulesTheSeverityPaceWhenAnIncidentIsDeclared() {
        fixture.givenNoPriorActivity()
               .whenPublishingA(declared())
               .expectActiveSagas(1)
               .expectScheduledDeadlineWithName(t0.plus(Duration.ofMinutes(5)), ResponseDeadlineSaga.DEADLINE_NAME)
               .expectScheduledDeadline(t0.plus(Duration.ofMinutes(5)),
                       new ResponseDeadline(DeadlineKind.ACKNOWLEDGE, null, t0, t0.plus(Duration.ofMinutes(5)), "SEV1"))
               .expectScheduledDeadline(t0.plus(Duration.ofMinutes(60)),
                       new ResponseDeadline(DeadlineKind.MITIGATE, null, t0, t0.plus(Duration.ofMinutes(60)), "SEV1"));
    }

    @Test
    void asksTheIncidentToRecordADeadlineThatPassed() {
        ResponseDeadline acknowledge = new ResponseDeadline(DeadlineKind.ACKNOWLEDGE, null, t0,
                t0.plus(Duration.ofMinutes(5)), "SEV1");

        fixture.givenAggregate(ID.value()).published(declared())
               .whenTimeElapses(Duration.ofMinutes(6))
               .expectDeadlinesMet(acknowledge)
               .expectDispatchedCommands(new RecordMissedDeadline(ID, DeadlineKind.ACKNOWLEDGE, null, t0,
                       t0.plus(Duration.ofMinutes(5)), Duration.ofMinutes(5), "SEV1", acknowledge.key()));
    }

    @Test
    void cancelsTheDeadlineWhenItIsMet() {
        fixture.givenAggregate(ID.value()).published(declared())
               .whenAggregate(ID.value()).publishes(new IncidentAcknowledged(ID, "bob", t0.plusSeconds(90), null))
               .expectNoScheduledDeadline(t0.plus(Duration.ofMinutes(5)),
                       new ResponseDeadline(DeadlineKind.ACKNOWLEDGE, null, t0, t0.plus(Duration.ofMinutes(5)), "SEV1"))
               .expectScheduledDeadline(t0.plus(Duration.ofMinutes(60)),
                       new ResponseDeadline(DeadlineKind.MITIGATE, null, t0, t0.plus(Duration.ofMinutes(60)), "SEV1"));
    }

    @Test
    void givesBackdatedEvidenceAMomentBeforeJudgingADeadlineThatIsAlreadyPast() {
        Instant declaredAt = t0.minus(Duration.ofHours(2));
        ResponseDeadline acknowledge = new ResponseDeadline(DeadlineKind.ACKNOWLEDGE, null, declaredAt,
                declaredAt.plus(Duration.ofMinutes(5)), "SEV1");

        fixture.givenNoPriorActivity()
               .whenPublishingA(declaredAt(declaredAt))
               .expectScheduledDeadline(t0.plus(ResponseDeadlineSaga.LATE_EVIDENCE_GRACE), acknowledge);
    }

    @Test
    void isShownExactlyTheEventsThatMoveTheResponseClock() {
        Set<Class<?>> handled = Arrays.stream(ResponseDeadlineSaga.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(SagaEventHandler.class))
                .map(method -> method.getParameterTypes()[0])
                .collect(Collectors.toSet());

        assertThat(handled).containsExactlyInAnyOrderElementsOf(ResponseClock.EVENTS);
    }

    private IncidentDeclared declared() {
        return declaredAt(t0);
    }

    private IncidentDeclared declaredAt(Instant at) {
        return new IncidentDeclared(ID, "Checkout is down", Severity.SEV1, List.of("checkout"), DetectionSource.ALERT,
                at, null, "alertmanager", false, at, null);
    }
}
