package dev.incidenttimeline.metrics;

import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsGroupByTest {

    @Test
    void readsTheApiParameterCaseInsensitively() {
        assertThat(MetricsGroupBy.fromParameter("detectedBy")).isEqualTo(MetricsGroupBy.DETECTED_BY);
        assertThat(MetricsGroupBy.fromParameter("SERVICE")).isEqualTo(MetricsGroupBy.SERVICE);
    }

    @Test
    void rejectsAnUnknownGroupingNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> MetricsGroupBy.fromParameter("team"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'team'")
                .hasMessageContaining("service, severity, detectedBy, week, month");
    }

    @Test
    void keysPeriodsByIsoWeekAndMonthInUtc() {
        // 2027-01-01 is a Friday: it belongs to the last ISO week of 2026 (2026 has 53 weeks).
        Instant newYear = Instant.parse("2027-01-01T00:30:00Z");

        assertThat(key(MetricsGroupBy.WEEK, newYear)).isEqualTo("2026-W53");
        assertThat(key(MetricsGroupBy.MONTH, newYear)).isEqualTo("2027-01");
        assertThat(key(MetricsGroupBy.WEEK, Instant.parse("2026-03-02T00:00:00Z"))).isEqualTo("2026-W10");
        assertThat(key(MetricsGroupBy.WEEK, Instant.parse("2026-03-01T23:59:59Z"))).isEqualTo("2026-W09");
    }

    @Test
    void rejectsAPeriodThatEndsBeforeItStarts() {
        Instant start = Instant.parse("2026-03-01T00:00:00Z");

        assertThatThrownBy(() -> new SummarizeMetrics(start, start.minusSeconds(1), null, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be before");
    }

    private static String key(MetricsGroupBy groupBy, Instant declaredAt) {
        return MetricsQueryHandler.key(groupBy, Severity.SEV2, DetectionSource.ALERT, declaredAt);
    }
}
