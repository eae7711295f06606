package dev.incidenttimeline.policy;

import dev.incidenttimeline.incident.api.CustomerCalledBack;
import dev.incidenttimeline.incident.api.CustomerReportLinked;
import dev.incidenttimeline.incident.api.DeadlineKind;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentMitigated;
import dev.incidenttimeline.incident.api.IncidentResolved;
import dev.incidenttimeline.incident.api.ResponseDeadlineMissed;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.StatusUpdatePosted;
import dev.incidenttimeline.incident.api.Visibility;
import dev.incidenttimeline.policy.ResponsePolicyProperties.Pace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class WhatIfReplayTest {

    static final IncidentId ID = IncidentId.of("inc-1");
    static final Instant T0 = Instant.parse("2026-11-20T21:00:00Z");
    static final ResponsePolicies BUILT_IN = new ResponsePolicies(new ResponsePolicyProperties(true, null, null, null));

    @Test
    void findsTheGapsBetweenUpdatesUnderTheBuiltInPace() {
        WhatIfReport report = WhatIfReplay.evaluate(ID, sev2Incident(), BUILT_IN, at(600));

        assertThat(report.wouldMiss()).extracting(ResponseDeadline::kind, ResponseDeadline::dueAt)
                .containsExactly(tuple(DeadlineKind.UPDATE_CADENCE, at(80)),
                        tuple(DeadlineKind.UPDATE_CADENCE, at(160)));
        assertThat(report.actuallyMissed()).hasSize(1);
    }

    @Test
    void findsMoreUnderAStricterPolicyWithoutTouchingTheEvents() {
        List<IncidentEvent> events = sev2Incident();
        ResponsePolicies strict = ResponsePolicies.of(Map.of(Severity.SEV2, new Pace(Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), null)));

        WhatIfReport report = WhatIfReplay.evaluate(ID, events, strict, at(600));

        assertThat(report.wouldMiss()).extracting(ResponseDeadline::kind, ResponseDeadline::dueAt,
                        ResponseDeadline::policy)
                .containsExactly(tuple(DeadlineKind.ACKNOWLEDGE, at(5), "SEV2"),
                        tuple(DeadlineKind.FIRST_UPDATE, at(15), "SEV2"),
                        tuple(DeadlineKind.UPDATE_CADENCE, at(50), "SEV2"),
                        tuple(DeadlineKind.MITIGATE, at(60), "SEV2"),
                        tuple(DeadlineKind.UPDATE_CADENCE, at(130), "SEV2"));
        assertThat(events).isEqualTo(sev2Incident());
    }

    @Test
    void startsTheClockAtTheCustomersReportAndHoldsThePromisedCallback() {
        List<IncidentEvent> events = List.of(
                new IncidentDeclared(ID, "Invoices fail", Severity.SEV2, List.of("billing"), DetectionSource.CUSTOMER,
                        at(0), null, "support", false, at(20), null),
                new CustomerReportLinked(ID, "T-1", "ACME", "+31 20 555 0100", at(45), "support", at(0), null),
                new IncidentAcknowledged(ID, "bob", at(21), null),
                new StatusUpdatePosted(ID, EntryId.of("u1"), "bob", "looking", Visibility.INTERNAL, List.of(), at(25),
                        null),
                new CustomerCalledBack(ID, "T-1", "carol", "told them", at(50), null),
                new IncidentResolved(ID, "bob", "fixed", at(55), null));

        WhatIfReport report = WhatIfReplay.evaluate(ID, events, BUILT_IN, at(600));

        assertThat(report.wouldMiss()).extracting(ResponseDeadline::kind, ResponseDeadline::reference,
                        ResponseDeadline::startedAt, ResponseDeadline::dueAt, ResponseDeadline::policy)
                .containsExactly(tuple(DeadlineKind.ACKNOWLEDGE, null, at(0), at(15), "SEV2"),
                        tuple(DeadlineKind.CUSTOMER_CALLBACK, "T-1", at(0), at(45), ResponseClock.PROMISE));
    }

    private static List<IncidentEvent> sev2Incident() {
        return List.of(
                new IncidentDeclared(ID, "Search is slow", Severity.SEV2, List.of("search"), DetectionSource.ALERT,
                        at(0), null, "alertmanager", false, at(0), null),
                new IncidentAcknowledged(ID, "bob", at(10), null),
                new StatusUpdatePosted(ID, EntryId.of("u1"), "bob", "looking", Visibility.INTERNAL, List.of(), at(20),
                        null),
                new ResponseDeadlineMissed(ID, DeadlineKind.UPDATE_CADENCE, null, at(20), at(80), Duration.ofHours(1),
                        "SEV2", at(80), "deadline:UPDATE_CADENCE::" + at(80)),
                new StatusUpdatePosted(ID, EntryId.of("u2"), "bob", "index rebuilt", Visibility.INTERNAL, List.of(),
                        at(100), null),
                new IncidentMitigated(ID, "bob", "rebuilt the index", at(180), null),
                new IncidentResolved(ID, "bob", "done", at(190), null));
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
