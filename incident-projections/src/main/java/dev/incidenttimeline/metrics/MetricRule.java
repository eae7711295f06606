package dev.incidenttimeline.metrics;

/**
 * Measures one metric from an incident's milestones: where its clock started and where it stopped.
 */
@FunctionalInterface
public interface MetricRule {

    /** The span measured, {@link Span#NONE} (or a span with a null end) when there is nothing to measure. */
    Span measure(Milestones milestones);
}
