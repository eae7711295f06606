package dev.incidenttimeline.incident.api;

/**
 * How an incident was first noticed. {@link #CUSTOMER} means a customer told us before our monitoring did.
 */
public enum DetectionSource {
    /** An alerting rule fired (Alertmanager, PagerDuty, ...). */
    ALERT,
    /** A customer reported it (a ticket, a call). */
    CUSTOMER,
    /** Someone watching a dashboard or a monitoring system noticed it. */
    MONITORING,
    /** Declared by hand, e.g. an engineer who saw something odd. */
    MANUAL
}
