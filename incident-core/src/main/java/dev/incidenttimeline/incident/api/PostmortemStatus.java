package dev.incidenttimeline.incident.api;

/**
 * The state of an incident's postmortem: none yet, a draft being written, or published (then it is stable).
 */
public enum PostmortemStatus {
    NONE, DRAFT, PUBLISHED
}
