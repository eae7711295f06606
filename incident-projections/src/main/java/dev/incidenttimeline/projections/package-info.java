/**
 * How a host embeds the read side: the one auto-configuration of this module, its settings
 * ({@code incident.projections.*}), the processing groups it runs as pooled streaming processors, and
 * {@link dev.incidenttimeline.projections.IncidentQueries}, the typed query API for hosts that do not want to know
 * Axon. The read models themselves live in their own packages ({@code timeline}, {@code summary}, ...).
 */
package dev.incidenttimeline.projections;
