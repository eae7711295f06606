package dev.incidenttimeline.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MetricSummaryViewTest {

    @Test
    void interpolatesPercentilesBetweenClosestRanks() {
        // 10 values 10..100: p50 at rank 4.5 -> 50 + 0.5 * 10; p90 at rank 8.1 -> 90 + 0.1 * 10;
        // p95 at rank 8.55 -> 90 + 0.55 * 10 = 95.5, rounded half up to 96.
        long[] values = {100, 10, 90, 20, 80, 30, 70, 40, 60, 50};

        MetricSummaryView summary = MetricSummaryView.of(values, 2);

        assertThat(summary.count()).isEqualTo(10);
        assertThat(summary.mean()).isEqualTo(Duration.ofMillis(55));
        assertThat(summary.p50()).isEqualTo(Duration.ofMillis(55));
        assertThat(summary.p90()).isEqualTo(Duration.ofMillis(91));
        assertThat(summary.p95()).isEqualTo(Duration.ofMillis(96));
        assertThat(summary.max()).isEqualTo(Duration.ofMillis(100));
        assertThat(summary.inconsistencies()).isEqualTo(2);
    }

    @Test
    void takesTheOnlyValueForEveryFigure() {
        MetricSummaryView summary = MetricSummaryView.of(new long[]{42_000}, 0);

        assertThat(summary.count()).isEqualTo(1);
        assertThat(summary.mean()).isEqualTo(Duration.ofSeconds(42));
        assertThat(summary.p50()).isEqualTo(Duration.ofSeconds(42));
        assertThat(summary.p95()).isEqualTo(Duration.ofSeconds(42));
        assertThat(summary.max()).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void givesNoFiguresWithoutValues() {
        MetricSummaryView summary = MetricSummaryView.of(new long[0], 1);

        assertThat(summary).isEqualTo(new MetricSummaryView(0, null, null, null, null, null, 1));
    }

    @Test
    void roundsTheMeanToTheNearestMillisecond() {
        // (1 + 2) / 2 = 1.5 -> 2; (1 + 1 + 2) / 3 = 1.33 -> 1
        assertThat(MetricSummaryView.of(new long[]{1, 2}, 0).mean()).isEqualTo(Duration.ofMillis(2));
        assertThat(MetricSummaryView.of(new long[]{1, 1, 2}, 0).mean()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void staysExactForTheLongestDurations() {
        long year = Duration.ofDays(365).toMillis();

        MetricSummaryView summary = MetricSummaryView.of(new long[]{year, year, year}, 0);

        assertThat(summary.mean()).isEqualTo(Duration.ofMillis(year));
        assertThat(summary.p90()).isEqualTo(Duration.ofMillis(year));
    }
}
