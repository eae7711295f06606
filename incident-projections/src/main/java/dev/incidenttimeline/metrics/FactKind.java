package dev.incidenttimeline.metrics;

/**
 * The kinds of milestone facts the metrics projection keeps per incident.
 */
public enum FactKind {
    /** The declaration; its time is the declaration's {@code occurredAt}. */
    DECLARED,
    /** When the incident was detected, as declared or as corrected. */
    DETECTED,
    /** When the impact started, as declared or as corrected; absent when nobody knows. */
    IMPACT_STARTED,
    /** When the impact ended; only known when it was recorded as a milestone time. */
    IMPACT_ENDED,
    /** The first acknowledgement (possibly corrected). */
    ACKNOWLEDGED,
    /** A leader was assigned; one fact per assignment. */
    LEADER_ASSIGNED,
    /** A status update; keyed by its entry id, its time follows amendments. */
    STATUS_UPDATE,
    /** An alert that fired; one fact per linked alert. */
    ALERT_FIRED,
    /** A customer's report; keyed by its ticket id. */
    CUSTOMER_REPORTED,
    /** A mitigation; after a reopening a later one may follow. */
    MITIGATED,
    /** A resolution; after a reopening a later one may follow. */
    RESOLVED,
    /** The incident was reopened: the mitigation and resolution before it no longer count. */
    REOPENED
}
