/**
 * Response metrics: per incident the clocks of the product brief (time to detect, acknowledge, leader, first
 * update, mitigate, resolve, impact duration, longest update gap, recording lag), each with the events that
 * started and stopped it, and aggregates (count, mean, p50, p90, p95, max) grouped by service, severity,
 * detection source, week or month.
 *
 * <p>The projection keeps each incident's milestone facts; {@link dev.incidenttimeline.metrics.MetricDefinition}s
 * turn them into values, so a new or changed definition needs no new event handling, only a replay of the
 * {@value dev.incidenttimeline.metrics.MetricsProjection#PROCESSING_GROUP} processing group.
 */
package dev.incidenttimeline.metrics;
