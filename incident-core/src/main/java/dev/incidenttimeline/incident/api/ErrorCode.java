package dev.incidenttimeline.incident.api;

/**
 * Why a command was refused. The codes are stable: hosts and the REST API hand them to their callers, who may
 * act on them (retry a {@link #CONCURRENT_MODIFICATION} or a
 * {@link #STORE_UNAVAILABLE}, fix the input of an {@link #INVALID_INPUT}).
 */
public enum ErrorCode {
    /** A required value is missing, blank, too long or out of range. */
    INVALID_INPUT(false),
    /** The time given is in the future. */
    TIME_IN_FUTURE(false),
    /** The time given is before a moment it cannot precede (a resolution before the declaration, ...). */
    TIME_OUT_OF_ORDER(false),
    /** No incident has this id. */
    INCIDENT_NOT_FOUND(false),
    /** An incident with this id has been declared already (with other content). */
    INCIDENT_ALREADY_DECLARED(false),
    /** The incident is closed: nothing can be added any more. */
    INCIDENT_CLOSED(false),
    /** The incident's status does not allow this (resolving twice, reopening an open incident, ...). */
    INVALID_TRANSITION(false),
    /** The timeline entry, task, action item, alert or role holder the command refers to does not exist. */
    UNKNOWN_REFERENCE(false),
    /** The timeline entry was redacted; its content can no longer change. */
    ENTRY_REDACTED(false),
    /** The postmortem is not in a state that allows this (not started, or already published). */
    POSTMORTEM_STATE(false),
    /** Someone else changed the incident at the same moment; sending the command again will work. */
    CONCURRENT_MODIFICATION(true),
    /**
     * The event store could not be reached (the database is down or out of connections); nothing was stored and
     * sending the command again later will work.
     */
    STORE_UNAVAILABLE(true);

    private final boolean retryable;

    ErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether sending the same command again may succeed. */
    public boolean isRetryable() {
        return retryable;
    }
}
