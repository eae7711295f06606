package dev.incidenttimeline.timeline;

/**
 * What a timeline entry records. Status updates and notes are written by people and carry an
 * {@link dev.incidenttimeline.incident.api.EntryId}, so they can be amended, redacted and pinned; the others are
 * recorded by the incident's own events.
 */
public enum EntryKind {
    /** The incident was declared. */
    DECLARED,
    /** It was first noticed, when that was before the declaration. */
    DETECTED,
    /** The impact started (as given at the declaration). */
    IMPACT_STARTED,
    /** The first acknowledgement. */
    ACKNOWLEDGED,
    /** Another responder acknowledged it later and joined. */
    RESPONDER_JOINED,
    /** Someone took a role (or it was handed over). */
    ROLE_ASSIGNED,
    /** Someone stepped out of a role. */
    ROLE_LEFT,
    /** A status update, internal or public. */
    STATUS_UPDATE,
    /** A note, possibly backdated. */
    NOTE,
    /** The severity changed. */
    SEVERITY_CHANGED,
    /** The impact as known at that point. */
    IMPACT_RECORDED,
    /** An alert fired and was linked. */
    ALERT_LINKED,
    /** A linked alert stopped firing. */
    ALERT_RESOLVED,
    /** A customer's report was linked. */
    CUSTOMER_REPORT_LINKED,
    /** A customer was called back. */
    CUSTOMER_CALLED_BACK,
    /** A task was given to someone. */
    TASK_ASSIGNED,
    /** A task was done. */
    TASK_COMPLETED,
    /** The impact was stopped. */
    MITIGATED,
    /** The incident was resolved. */
    RESOLVED,
    /** The incident was reopened. */
    REOPENED,
    /** The postmortem draft was started. */
    POSTMORTEM_STARTED,
    /** The postmortem was published. */
    POSTMORTEM_PUBLISHED,
    /** The incident was closed. */
    CLOSED,
    /** A milestone's time was recorded or corrected later; the entry stands at the milestone's time. */
    MILESTONE_TIME_RECORDED,
    /** A response deadline passed before the fact that meets it; the entry stands at the due time. */
    DEADLINE_MISSED
}
