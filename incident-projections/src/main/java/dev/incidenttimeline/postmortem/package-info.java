/**
 * The postmortem and the stakeholder summary, generated from events.
 *
 * <p>The postmortem read model keeps, per incident, the facts only the postmortem needs (summary, contributing
 * factors, lessons, action items and their state, how it was mitigated and resolved, who took part in which role
 * and when, customer reports and callbacks, missed response deadlines), one row per event with its
 * {@code recordedAt}. {@link dev.incidenttimeline.postmortem.FindPostmortem} composes the document at query time
 * from those facts, the timeline and the response metrics. Once the postmortem is published the document is frozen
 * as known at the publication's recorded time: facts and timeline entries recorded later are left out (a redaction
 * still hides content, whenever it was recorded).
 *
 * <p>{@link dev.incidenttimeline.postmortem.PostmortemMarkdown} and
 * {@link dev.incidenttimeline.postmortem.StakeholderSummaryText} render the views; every text a person typed is
 * escaped so that it cannot break the document's structure or inject HTML.
 */
package dev.incidenttimeline.postmortem;
