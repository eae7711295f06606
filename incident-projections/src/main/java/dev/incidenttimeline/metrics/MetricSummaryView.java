package dev.incidenttimeline.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.IntToLongFunction;

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

    /** The percentiles a summary gives. */
    static final double[] PERCENTILES = {0.50, 0.90, 0.95};

    /** Summarizes values in milliseconds (in any order; the array is sorted in place). */
    public static MetricSummaryView of(long[] millis, long inconsistencies) {
        if (millis.length == 0) {
            return new MetricSummaryView(0, null, null, null, null, null, inconsistencies);
        }
        Arrays.sort(millis);
        long sum = 0;
        for (long value : millis) {
            sum = Math.addExact(sum, value);
        }
        return ofRanked(millis.length, sum, rank -> millis[rank], inconsistencies);
    }

    /**
     * Summarizes {@code count} values (at least one) from their sum and the values at the ranks of their sorted
     * order that {@link #ranksRead} names: what an index that keeps the values sorted reads without sorting.
     */
    static MetricSummaryView ofRanked(int count, long sum, IntToLongFunction valueAtRank, long inconsistencies) {
        return new MetricSummaryView(count, Duration.ofMillis(mean(sum, count)),
                Duration.ofMillis(percentile(count, PERCENTILES[0], valueAtRank)),
                Duration.ofMillis(percentile(count, PERCENTILES[1], valueAtRank)),
                Duration.ofMillis(percentile(count, PERCENTILES[2], valueAtRank)),
                Duration.ofMillis(valueAtRank.applyAsLong(count - 1)), inconsistencies);
    }

    /** The ranks (ascending, possibly repeated) whose values a summary of {@code count} values reads. */
    static int[] ranksRead(int count) {
        int[] ranks = new int[PERCENTILES.length * 2 + 1];
        for (int i = 0; i < PERCENTILES.length; i++) {
            int below = rank(count, PERCENTILES[i]).intValue();
            ranks[2 * i] = below;
            ranks[2 * i + 1] = Math.min(below + 1, count - 1);
        }
        ranks[ranks.length - 1] = count - 1;
        Arrays.sort(ranks);
        return ranks;
    }

    /** The p-th percentile (0 to 1) of sorted values, interpolated linearly and rounded to the nearest unit. */
    static long percentile(long[] sorted, double p) {
        return percentile(sorted.length, p, rank -> sorted[rank]);
    }

    private static long percentile(int count, double p, IntToLongFunction sorted) {
        BigDecimal rank = rank(count, p);
        int below = rank.intValue();
        int above = Math.min(below + 1, count - 1);
        BigDecimal fraction = rank.subtract(BigDecimal.valueOf(below));
        long low = sorted.applyAsLong(below);
        return BigDecimal.valueOf(sorted.applyAsLong(above) - low).multiply(fraction)
                .add(BigDecimal.valueOf(low)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static BigDecimal rank(int count, double p) {
        // Decimal arithmetic: in binary floating point 0.55 * 10 is 5.4999..., which would round the wrong way.
        return BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(count - 1));
    }

    static long mean(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum = Math.addExact(sum, value);
        }
        return mean(sum, values.length);
    }

    private static long mean(long sum, long count) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
