package dev.incidenttimeline.metrics;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a metrics report groups incidents by. An incident affecting several services is counted in each of their
 * groups; periods are taken from the declaration time in UTC.
 */
public enum MetricsGroupBy {
    /** Each affected service. */
    SERVICE("service"),
    /** The current severity. */
    SEVERITY("severity"),
    /** How the incident was declared to have been found: ALERT, CUSTOMER, MONITORING or MANUAL. */
    DETECTED_BY("detectedBy"),
    /** The ISO week of the declaration, e.g. {@code 2026-W09}. */
    WEEK("week"),
    /** The month of the declaration, e.g. {@code 2026-03}. */
    MONTH("month");

    private final String parameter;

    MetricsGroupBy(String parameter) {
        this.parameter = parameter;
    }

    /** The name used in the API ({@code ?groupBy=detectedBy}). */
    public String parameter() {
        return parameter;
    }

    /**
     * The grouping named by an API parameter, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values if there is no such grouping
     */
    public static MetricsGroupBy fromParameter(String parameter) {
        return Arrays.stream(values()).filter(value -> value.parameter.equalsIgnoreCase(parameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot group metrics by '" + parameter
                        + "'; use one of " + Arrays.stream(values()).map(MetricsGroupBy::parameter)
                        .collect(Collectors.joining(", ")) + "."));
    }
}
