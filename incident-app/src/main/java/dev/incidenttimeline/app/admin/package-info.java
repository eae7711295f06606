/**
 * Operator endpoints under {@code /api/admin}: the events a read model could not handle (dead letters), listed and
 * retried over HTTP through {@link dev.incidenttimeline.operations.DeadLetters}; the erasure of a person
 * ({@link dev.incidenttimeline.privacy.Erasure}); rebuilding read models from the events; recomputing the metrics
 * from their facts ({@link dev.incidenttimeline.metrics.MetricsRecomputation}).
 */
package dev.incidenttimeline.app.admin;
