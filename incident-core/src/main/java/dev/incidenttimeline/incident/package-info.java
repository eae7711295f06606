/**
 * The {@link dev.incidenttimeline.incident.Incident} aggregate and its rules: which step may follow which
 * ({@code Lifecycle}), what input is acceptable ({@code Input}), and in what order times must lie.
 */
package dev.incidenttimeline.incident;
