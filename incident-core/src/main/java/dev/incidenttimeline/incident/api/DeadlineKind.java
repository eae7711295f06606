package dev.incidenttimeline.incident.api;

/**
 * The paces a response policy holds a team to. Each kind names the fact that meets it.
 */
public enum DeadlineKind {
    /** Someone acknowledges the incident; the clock starts when the incident started (declaration or first report). */
    ACKNOWLEDGE,
    /** The first status update is posted; the clock starts at the declaration. */
    FIRST_UPDATE,
    /** The next status update is posted; the clock starts at the previous update and runs until resolution. */
    UPDATE_CADENCE,
    /** The incident is mitigated (or resolved); the clock starts when the incident started. */
    MITIGATE,
    /** The customer of a linked report is called back, by the promised time. */
    CUSTOMER_CALLBACK
}
