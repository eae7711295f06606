/**
 * Operator endpoints under {@code /api/admin}: the events a read model could not handle (dead letters), listed and
 * retried over HTTP through {@link dev.incidenttimeline.operations.DeadLetters}; the erasure of a person
 * ({@link dev.incidenttimeline.privacy.Erasure}).
 */
package dev.incidenttimeline.app.admin;
