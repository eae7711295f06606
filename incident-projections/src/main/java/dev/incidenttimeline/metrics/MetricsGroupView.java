package dev.incidenttimeline.metrics;

import java.util.Map;

/**
 * The metrics of one group of incidents in a report.
 *
 * @param key                 the group: a service, a severity ({@code SEV1}), a detection source ({@code ALERT},
 *                            {@code CUSTOMER}, ...), an ISO week ({@code 2026-W09}) or a month ({@code 2026-03}),
 *                            or {@code all} when the report is not grouped ({@code none}: incidents without a service)
 * @param incidents           how many incidents are in the group
 * @param customerFirst       how many of them a customer reported before we noticed
 * @param customerFirstShare  {@code customerFirst / incidents} (0 for an empty group)
 * @param inconsistencies     how many values in the group were negative and left out of the figures
 * @param metrics             each metric's figures, by the metric's name, in the catalogue's order
 */
public record MetricsGroupView(String key,
                               long incidents,
                               long customerFirst,
                               double customerFirstShare,
                               long inconsistencies,
                               Map<String, MetricSummaryView> metrics) {
}
