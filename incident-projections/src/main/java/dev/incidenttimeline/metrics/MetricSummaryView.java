package dev.incidenttimeline.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;

/**
 * One metric aggregated over a group of incidents. Only incidents with a value count: a clock that never started or
 * stopped has none, and an inconsistent (negative) value is only counted in {@code inconsistencies}.
 *
 * <p>Percentiles interpolate linearly between the closest ranks (like SQL's {@code percentile_cont}): with the
 * values sorted, p is at rank {@code p * (count - 1)}. All durations have millisecond resolution; the mean is
 * rounded to the nearest millisecond. Every duration is null when {@code count} is 0.
 *
 * @param count           how many incidents have a consistent value
 * @param mean            the arithmetic mean
 * @param p50             the median
 * @param p90             the 90th percentile
 * @param p95             the 95th percentile
 * @param max             the largest value
 * @param inconsistencies how many incidents have a negative value, left out of all the figures above
 */
public record MetricSummaryView(long count,
                                Duration mean,
                                Duration p50,
                                Duration p90,
                                Duration p95,
                                Duration max,
                                long inconsistencies) {

    /** Summarizes values in milliseconds (in any order; the array is sorted in place). */
    public static MetricSummaryView of(long[] millis, long inconsistencies) {
        if (millis.length == 0) {
            return new MetricSummaryView(0, null, null, null, null, null, inconsistencies);
        }
        Arrays.sort(millis);
        return new MetricSummaryView(millis.length, Duration.ofMillis(mean(millis)),
                Duration.ofMillis(percentile(millis, 0.50)), Duration.ofMillis(percentile(millis, 0.90)),
                Duration.ofMillis(percentile(millis, 0.95)), Duration.ofMillis(millis[millis.length - 1]),
                inconsistencies);
    }

    /** The p-th percentile (0 to 1) of sorted values, interpolated linearly and rounded to the nearest unit. */
    static long percentile(long[] sorted, double p) {
        // Decimal arithmetic: in binary floating point 0.55 * 10 is 5.4999..., which would round the wrong way.
        BigDecimal rank = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(sorted.length - 1));
        int below = rank.intValue();
        int above = Math.min(below + 1, sorted.length - 1);
        BigDecimal fraction = rank.subtract(BigDecimal.valueOf(below));
        return BigDecimal.valueOf(sorted[above] - sorted[below]).multiply(fraction)
                .add(BigDecimal.valueOf(sorted[below])).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static long mean(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum = Math.addExact(sum, value);
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(values.length), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
