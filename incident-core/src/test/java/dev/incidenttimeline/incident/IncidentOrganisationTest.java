package dev.incidenttimeline.incident;

import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentRejected;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.tenancy.Organisations;
import org.axonframework.eventhandling.GenericEventMessage;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** An incident belongs to the organisation it was declared for, and answers no other. */
class IncidentOrganisationTest {

    private static final IncidentId ID = IncidentId.of("inc-acme-checkout");
    private static final Instant T0 = Instant.parse("2026-11-20T21:00:00Z");
    private static final Map<String, String> ACME = Map.of(Organisations.METADATA_KEY, "acme");
    private static final Map<String, String> GLOBEX = Map.of(Organisations.METADATA_KEY, "globex");

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
    }

    private static IncidentDeclared declared() {
        return new IncidentDeclared(ID, "Checkout failing", Severity.SEV2, List.of("checkout"), DetectionSource.ALERT,
                T0, null, "alice", false, T0, null);
    }

    private static Object declaredFor(Map<String, String> organisation) {
        return GenericEventMessage.asEventMessage(declared()).andMetaData(organisation);
    }

    @Test
    void acceptsCommandsOfItsOwnOrganisation() {
        fixture.given(declaredFor(ACME))
               .when(new AcknowledgeIncident(ID, "bob", T0.plusSeconds(60), null), ACME)
               .expectEvents(new IncidentAcknowledged(ID, "bob", T0.plusSeconds(60), null));
    }

    @Test
    void answersAnotherOrganisationAsIfTheIncidentDidNotExist() {
        fixture.given(declaredFor(ACME))
               .when(new AcknowledgeIncident(ID, "mallory", T0.plusSeconds(60), null), GLOBEX)
               .expectNoEvents()
               .expectException(rejectedWith(ErrorCode.INCIDENT_NOT_FOUND))
               .expectExceptionMessage("There is no incident " + ID + ".");
    }

    @Test
    void refusesRedeclaringAnotherOrganisationsIncident() {
        fixture.given(declaredFor(ACME))
               .when(new DeclareIncident(ID, "Mine now", Severity.SEV1, List.of("checkout"), DetectionSource.MANUAL,
                       null, null, "mallory", false, T0.plusSeconds(60), null), GLOBEX)
               .expectNoEvents()
               .expectException(rejectedWith(ErrorCode.INCIDENT_ALREADY_DECLARED))
               .expectExceptionMessage("Incident " + ID + " has been declared already.");
    }

    @Test
    void acceptsCommandsWithoutOrganisationFromTheHostItself() {
        fixture.given(declaredFor(ACME))
               .when(new AcknowledgeIncident(ID, "bob", T0.plusSeconds(60), null))
               .expectEvents(new IncidentAcknowledged(ID, "bob", T0.plusSeconds(60), null));
    }

    @Test
    void refusesOrganisationsOnAnIncidentDeclaredWithoutOne() {
        fixture.given(declared())
               .when(new AcknowledgeIncident(ID, "bob", T0.plusSeconds(60), null), ACME)
               .expectNoEvents()
               .expectException(rejectedWith(ErrorCode.INCIDENT_NOT_FOUND));
    }

    private static Matcher<IncidentRejected> rejectedWith(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "IncidentRejected with code", "code") {
            @Override
            protected ErrorCode featureValueOf(IncidentRejected actual) {
                return actual.code();
            }
        };
    }
}
