package dev.incidenttimeline.incident.api;

/**
 * A moment the response metrics are measured from or to, whose time can be recorded or corrected after the
 * fact (for example the real start of impact, found in the retrospective).
 */
public enum Milestone {
    IMPACT_STARTED, DETECTED, ACKNOWLEDGED, MITIGATED, RESOLVED, IMPACT_ENDED
}
