/**
 * Demo incidents loaded at start-up (unless {@code incident.demo.enabled=false}): three realistic outages, sent as
 * ordinary commands through {@link dev.incidenttimeline.embedding.IncidentGateway}, with times fixed relative to the
 * clock and {@code sourceId}s so that a restart loads nothing twice.
 */
package dev.incidenttimeline.app.demo;
