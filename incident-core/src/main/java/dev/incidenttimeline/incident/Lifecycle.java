package dev.incidenttimeline.incident;

import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.IncidentRejected;
import dev.incidenttimeline.incident.api.IncidentStatus;
import dev.incidenttimeline.incident.api.PostmortemStatus;

import static dev.incidenttimeline.incident.api.IncidentStatus.ACKNOWLEDGED;
import static dev.incidenttimeline.incident.api.IncidentStatus.CLOSED;
import static dev.incidenttimeline.incident.api.IncidentStatus.DECLARED;
import static dev.incidenttimeline.incident.api.IncidentStatus.MITIGATED;
import static dev.incidenttimeline.incident.api.IncidentStatus.RESOLVED;

/**
 * Which step may follow which in an incident's life, free of any framework:
 *
 * <pre>
 * DECLARED ─ack─▶ ACKNOWLEDGED ─mitigate─▶ MITIGATED ─resolve─▶ RESOLVED ─close─▶ CLOSED
 *     └────────────────┴──────────resolve──────┘          │  ▲
 *                                                   reopen  │  postmortem: NONE ▶ DRAFT ▶ PUBLISHED
 * </pre>
 *
 * Acknowledging is a flag as well as a status: an incident mitigated before anyone acknowledged it can still be
 * acknowledged (late), and it stays mitigated. A postmortem is started and published only on a resolved
 * incident; a started postmortem must be published before the incident is closed; a published one is stable.
 *
 * @param status       where the response is
 * @param postmortem   where the postmortem is
 * @param acknowledged whether anyone acknowledged the incident (a reopened incident goes back to this)
 */
record Lifecycle(IncidentStatus status, PostmortemStatus postmortem, boolean acknowledged) {

    static Lifecycle declared() {
        return new Lifecycle(DECLARED, PostmortemStatus.NONE, false);
    }

    /**
     * @throws IncidentRejected if the transition is not allowed now, with a code and a message that says why
     */
    void require(Transition transition) {
        if (status == CLOSED && transition != Transition.REDACT) {
            throw reject(ErrorCode.INCIDENT_CLOSED, transition, "it is closed");
        }
        switch (transition) {
            case ACKNOWLEDGE, RECORD, REDACT -> { }
            case MITIGATE -> {
                if (status == MITIGATED) {
                    throw reject(ErrorCode.INVALID_TRANSITION, transition, "it is mitigated already");
                }
                requireOpen(transition);
            }
            case RESOLVE -> requireOpen(transition);
            case REOPEN -> {
                requireResolved(transition, "it is not resolved");
                if (postmortem == PostmortemStatus.PUBLISHED) {
                    throw reject(ErrorCode.INVALID_TRANSITION, transition,
                            "its postmortem is published; declare a new incident instead");
                }
            }
            case START_POSTMORTEM -> {
                requireResolved(transition, "it is not resolved yet");
                if (postmortem != PostmortemStatus.NONE) {
                    throw reject(ErrorCode.POSTMORTEM_STATE, transition, "the postmortem was started already");
                }
            }
            case EDIT_POSTMORTEM -> requireDraft(transition);
            case PUBLISH_POSTMORTEM -> {
                requireResolved(transition, "it is not resolved");
                requireDraft(transition);
            }
            case COMPLETE_ACTION_ITEM -> {
                if (postmortem == PostmortemStatus.NONE) {
                    throw reject(ErrorCode.POSTMORTEM_STATE, transition, "it has no postmortem");
                }
            }
            case CLOSE -> {
                requireResolved(transition, "it is not resolved");
                if (postmortem == PostmortemStatus.DRAFT) {
                    throw reject(ErrorCode.POSTMORTEM_STATE, transition, "its postmortem is a draft; publish it first");
                }
            }
        }
    }

    /** The lifecycle after the transition; call only after {@link #require(Transition)} passed. */
    Lifecycle after(Transition transition) {
        return switch (transition) {
            case ACKNOWLEDGE -> new Lifecycle(status == DECLARED ? ACKNOWLEDGED : status, postmortem, true);
            case MITIGATE -> new Lifecycle(MITIGATED, postmortem, acknowledged);
            case RESOLVE -> new Lifecycle(RESOLVED, postmortem, acknowledged);
            case REOPEN -> new Lifecycle(acknowledged ? ACKNOWLEDGED : DECLARED, postmortem, acknowledged);
            case START_POSTMORTEM -> new Lifecycle(status, PostmortemStatus.DRAFT, acknowledged);
            case PUBLISH_POSTMORTEM -> new Lifecycle(status, PostmortemStatus.PUBLISHED, acknowledged);
            case CLOSE -> new Lifecycle(CLOSED, postmortem, acknowledged);
            case RECORD, EDIT_POSTMORTEM, COMPLETE_ACTION_ITEM, REDACT -> this;
        };
    }

    private void requireOpen(Transition transition) {
        if (!status.isOpen()) {
            throw reject(ErrorCode.INVALID_TRANSITION, transition, "it is resolved already");
        }
    }

    private void requireResolved(Transition transition, String reason) {
        if (status != RESOLVED) {
            throw reject(ErrorCode.INVALID_TRANSITION, transition, reason);
        }
    }

    private void requireDraft(Transition transition) {
        if (postmortem == PostmortemStatus.NONE) {
            throw reject(ErrorCode.POSTMORTEM_STATE, transition, "its postmortem has not been started");
        }
        if (postmortem == PostmortemStatus.PUBLISHED) {
            throw reject(ErrorCode.POSTMORTEM_STATE, transition, "its postmortem is published and can no longer change");
        }
    }

    private static IncidentRejected reject(ErrorCode code, Transition transition, String reason) {
        return new IncidentRejected(code, "Cannot " + transition.verb() + " the incident: " + reason + ".");
    }
}
