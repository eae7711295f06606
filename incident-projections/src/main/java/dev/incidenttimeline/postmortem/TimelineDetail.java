package dev.incidenttimeline.postmortem;

/** How much of the timeline a postmortem shows. */
public enum TimelineDetail {
    /**
     * The entries that tell the story: every pinned entry, plus the milestones (declared, detected, impact started,
     * acknowledged, severity changed, customer reports, mitigated, resolved, reopened, corrected milestone times) and
     * missed response deadlines.
     */
    SIGNIFICANT,
    /** Every entry. */
    FULL
}
