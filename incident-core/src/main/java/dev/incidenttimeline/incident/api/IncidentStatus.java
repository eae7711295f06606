package dev.incidenttimeline.incident.api;

/**
 * Where an incident is in its response. The postmortem has a state of its own ({@link PostmortemStatus}).
 */
public enum IncidentStatus {
    DECLARED, ACKNOWLEDGED, MITIGATED, RESOLVED, CLOSED;

    /** Whether responders are still working on it. */
    public boolean isOpen() {
        return this == DECLARED || this == ACKNOWLEDGED || this == MITIGATED;
    }
}
