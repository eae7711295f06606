package dev.incidenttimeline.incident;

import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.IncidentRejected;
import dev.incidenttimeline.incident.api.IncidentStatus;
import dev.incidenttimeline.incident.api.PostmortemStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.incidenttimeline.incident.Transition.ACKNOWLEDGE;
import static dev.incidenttimeline.incident.Transition.CLOSE;
import static dev.incidenttimeline.incident.Transition.COMPLETE_ACTION_ITEM;
import static dev.incidenttimeline.incident.Transition.EDIT_POSTMORTEM;
import static dev.incidenttimeline.incident.Transition.MITIGATE;
import static dev.incidenttimeline.incident.Transition.PUBLISH_POSTMORTEM;
import static dev.incidenttimeline.incident.Transition.RECORD;
import static dev.incidenttimeline.incident.Transition.REDACT;
import static dev.incidenttimeline.incident.Transition.REOPEN;
import static dev.incidenttimeline.incident.Transition.RESOLVE;
import static dev.incidenttimeline.incident.Transition.START_POSTMORTEM;
import static dev.incidenttimeline.incident.api.ErrorCode.INCIDENT_CLOSED;
import static dev.incidenttimeline.incident.api.ErrorCode.INVALID_TRANSITION;
import static dev.incidenttimeline.incident.api.ErrorCode.POSTMORTEM_STATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class LifecycleTest {

    private static final Lifecycle DECLARED = Lifecycle.declared();
    private static final Lifecycle ACKNOWLEDGED = walk(DECLARED, ACKNOWLEDGE);
    private static final Lifecycle MITIGATED = walk(ACKNOWLEDGED, MITIGATE);
    private static final Lifecycle RESOLVED = walk(MITIGATED, RESOLVE);
    private static final Lifecycle DRAFT = walk(RESOLVED, START_POSTMORTEM);
    private static final Lifecycle PUBLISHED = walk(DRAFT, PUBLISH_POSTMORTEM);
    private static final Lifecycle CLOSED = walk(PUBLISHED, CLOSE);

    /** Takes the steps one after the other, each checked by {@link Lifecycle#require} first. */
    private static Lifecycle walk(Lifecycle from, Transition... steps) {
        Lifecycle lifecycle = from;
        for (Transition step : steps) {
            lifecycle.require(step);
            lifecycle = lifecycle.after(step);
        }
        return lifecycle;
    }

    private static void assertRefused(Lifecycle lifecycle, Transition transition, ErrorCode code, String reason) {
        assertThatExceptionOfType(IncidentRejected.class)
                .isThrownBy(() -> lifecycle.require(transition))
                .withMessageContaining(reason)
                .extracting(IncidentRejected::code).isEqualTo(code);
    }

    @Test
    void walksTheWholeLifeOfAnIncident() {
        assertThat(DECLARED).isEqualTo(new Lifecycle(IncidentStatus.DECLARED, PostmortemStatus.NONE, false));
        assertThat(ACKNOWLEDGED).isEqualTo(new Lifecycle(IncidentStatus.ACKNOWLEDGED, PostmortemStatus.NONE, true));
        assertThat(MITIGATED).isEqualTo(new Lifecycle(IncidentStatus.MITIGATED, PostmortemStatus.NONE, true));
        assertThat(RESOLVED).isEqualTo(new Lifecycle(IncidentStatus.RESOLVED, PostmortemStatus.NONE, true));
        assertThat(DRAFT).isEqualTo(new Lifecycle(IncidentStatus.RESOLVED, PostmortemStatus.DRAFT, true));
        assertThat(PUBLISHED).isEqualTo(new Lifecycle(IncidentStatus.RESOLVED, PostmortemStatus.PUBLISHED, true));
        assertThat(CLOSED).isEqualTo(new Lifecycle(IncidentStatus.CLOSED, PostmortemStatus.PUBLISHED, true));
    }

    @Test
    void resolvesWithoutAcknowledgementOrMitigation() {
        assertThat(walk(DECLARED, RESOLVE, CLOSE))
                .isEqualTo(new Lifecycle(IncidentStatus.CLOSED, PostmortemStatus.NONE, false));
    }

    @Test
    void keepsAMitigatedIncidentMitigatedWhenItIsAcknowledgedLate() {
        Lifecycle lateAck = walk(DECLARED, MITIGATE, ACKNOWLEDGE);

        assertThat(lateAck).isEqualTo(new Lifecycle(IncidentStatus.MITIGATED, PostmortemStatus.NONE, true));
        assertRefused(lateAck, MITIGATE, INVALID_TRANSITION, "mitigated already");
    }

    @Test
    void reopensToAcknowledgedOrDeclaredAsBefore() {
        assertThat(walk(RESOLVED, REOPEN).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(walk(DECLARED, RESOLVE, REOPEN).status()).isEqualTo(IncidentStatus.DECLARED);
    }

    @Test
    void keepsADraftPostmortemOverAReopening() {
        Lifecycle reopened = walk(DRAFT, REOPEN);

        assertThat(reopened.postmortem()).isEqualTo(PostmortemStatus.DRAFT);
        assertThatNoException().isThrownBy(() -> reopened.require(EDIT_POSTMORTEM));
        assertRefused(reopened, PUBLISH_POSTMORTEM, INVALID_TRANSITION, "not resolved");
        assertRefused(reopened, CLOSE, INVALID_TRANSITION, "not resolved");
        assertThat(walk(reopened, MITIGATE, RESOLVE, PUBLISH_POSTMORTEM, CLOSE).status())
                .isEqualTo(IncidentStatus.CLOSED);
    }

    @Test
    void refusesToMitigateTwiceOrAfterResolution() {
        assertRefused(MITIGATED, MITIGATE, INVALID_TRANSITION, "mitigated already");
        assertRefused(RESOLVED, MITIGATE, INVALID_TRANSITION, "resolved already");
    }

    @Test
    void refusesToResolveTwice() {
        assertRefused(RESOLVED, RESOLVE, INVALID_TRANSITION, "resolved already");
        assertRefused(DRAFT, RESOLVE, INVALID_TRANSITION, "resolved already");
    }

    @Test
    void refusesToReopenAnOpenIncidentOrOneWithAPublishedPostmortem() {
        assertRefused(DECLARED, REOPEN, INVALID_TRANSITION, "not resolved");
        assertRefused(MITIGATED, REOPEN, INVALID_TRANSITION, "not resolved");
        assertRefused(PUBLISHED, REOPEN, INVALID_TRANSITION, "declare a new incident");
    }

    @Test
    void startsThePostmortemOnlyOnceAndOnlyOnAResolvedIncident() {
        assertRefused(DECLARED, START_POSTMORTEM, INVALID_TRANSITION, "not resolved yet");
        assertRefused(MITIGATED, START_POSTMORTEM, INVALID_TRANSITION, "not resolved yet");
        assertRefused(DRAFT, START_POSTMORTEM, POSTMORTEM_STATE, "started already");
        assertRefused(PUBLISHED, START_POSTMORTEM, POSTMORTEM_STATE, "started already");
    }

    @Test
    void editsOnlyADraftPostmortem() {
        assertThatNoException().isThrownBy(() -> DRAFT.require(EDIT_POSTMORTEM));
        assertRefused(RESOLVED, EDIT_POSTMORTEM, POSTMORTEM_STATE, "has not been started");
        assertRefused(PUBLISHED, EDIT_POSTMORTEM, POSTMORTEM_STATE, "published and can no longer change");
    }

    @Test
    void publishesOnlyADraftPostmortemOfAResolvedIncident() {
        assertRefused(RESOLVED, PUBLISH_POSTMORTEM, POSTMORTEM_STATE, "has not been started");
        assertRefused(PUBLISHED, PUBLISH_POSTMORTEM, POSTMORTEM_STATE, "published");
        assertRefused(MITIGATED, PUBLISH_POSTMORTEM, INVALID_TRANSITION, "not resolved");
    }

    @Test
    void completesActionItemsOfAStartedPostmortem() {
        assertRefused(RESOLVED, COMPLETE_ACTION_ITEM, POSTMORTEM_STATE, "has no postmortem");
        assertThatNoException().isThrownBy(() -> DRAFT.require(COMPLETE_ACTION_ITEM));
        assertThatNoException().isThrownBy(() -> PUBLISHED.require(COMPLETE_ACTION_ITEM));
    }

    @Test
    void closesAResolvedIncidentWithoutOrWithAPublishedPostmortem() {
        assertThatNoException().isThrownBy(() -> RESOLVED.require(CLOSE));
        assertThatNoException().isThrownBy(() -> PUBLISHED.require(CLOSE));
        assertRefused(DRAFT, CLOSE, POSTMORTEM_STATE, "publish it first");
        assertRefused(ACKNOWLEDGED, CLOSE, INVALID_TRANSITION, "not resolved");
    }

    @ParameterizedTest
    @EnumSource(value = Transition.class, names = "REDACT", mode = EnumSource.Mode.EXCLUDE)
    void refusesEverythingButRedactionOnAClosedIncident(Transition transition) {
        assertRefused(CLOSED, transition, INCIDENT_CLOSED, "it is closed");
    }

    @Test
    void redactsEvenOnAClosedIncident() {
        assertThatNoException().isThrownBy(() -> CLOSED.require(REDACT));
        assertThat(CLOSED.after(REDACT)).isEqualTo(CLOSED);
    }

    @ParameterizedTest
    @EnumSource(value = Transition.class, names = {"RECORD", "ACKNOWLEDGE", "REDACT"})
    void recordsWhileTheIncidentIsNotClosedWithoutChangingItsState(Transition transition) {
        for (Lifecycle lifecycle : new Lifecycle[]{DECLARED, ACKNOWLEDGED, MITIGATED, RESOLVED, DRAFT, PUBLISHED}) {
            assertThatNoException().isThrownBy(() -> lifecycle.require(transition));
            if (transition != ACKNOWLEDGE) {
                assertThat(lifecycle.after(transition)).isEqualTo(lifecycle);
            }
        }
    }

    @Test
    void namesWhatWasRefusedInTheMessage() {
        assertRefused(RESOLVED, MITIGATE, INVALID_TRANSITION, "Cannot mitigate the incident: it is resolved already.");
        assertRefused(CLOSED, RECORD, INCIDENT_CLOSED, "Cannot change the incident: it is closed.");
    }
}
