/**
 * How a host embeds the write side: the auto-configuration, its settings ({@code incident.core.*}), and
 * {@link dev.incidenttimeline.embedding.IncidentGateway}, the typed API for hosts that do not want to know Axon.
 */
package dev.incidenttimeline.embedding;
