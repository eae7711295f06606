/**
 * The incident summaries read model: one row per incident with its current status, severity, detection source,
 * milestones and impact, plus its services, the roles and who holds them, and its tasks. It answers
 * {@link dev.incidenttimeline.summary.ListIncidents} (filter by status, severity, service, detection source and
 * period) and {@link dev.incidenttimeline.summary.FindIncident} (one incident's current state).
 */
package dev.incidenttimeline.summary;
