/**
 * How event processors (read models, policies) run on one node or several sharing one database: pooled streaming
 * processors whose segments are spread over the live nodes ({@link dev.incidenttimeline.processing.ProcessingNodes},
 * {@link dev.incidenttimeline.processing.FairShareSegments}), and a dead-letter queue for every processing group
 * ({@link dev.incidenttimeline.processing.DeadLetterQueues}), so one failing handler does not stop the others.
 */
package dev.incidenttimeline.processing;
