package dev.incidenttimeline.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The last reports computed, valid as long as the read model's revision is the same: a dashboard asking the same
 * question again gets the answer without reading 100,000 incidents again. Any change of the revision (the metrics
 * processor moved on, on any node, or the definitions changed) empties it.
 */
final class ReportCache {

    private final int size;
    private final Map<Asked, MetricsReportView> reports;
    private Object revision;

    ReportCache(int size) {
        this.size = size;
        this.reports = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Asked, MetricsReportView> eldest) {
                return size() > ReportCache.this.size;
            }
        };
    }

    /**
     * The cached report for the query asked for the organisation ({@code null}: every organisation's incidents) at
     * this revision, or the computed one (cached if the revision is still
     * current). Computing happens outside the lock: slow reports do not hold up the cached ones.
     */
    MetricsReportView get(SummarizeMetrics query, String organisation, Object currentRevision,
                          Supplier<MetricsReportView> compute) {
        if (size == 0 || currentRevision == null) {
            return compute.get();
        }
        synchronized (this) {
            if (!Objects.equals(revision, currentRevision)) {
                reports.clear();
                revision = currentRevision;
            }
            MetricsReportView cached = reports.get(new Asked(query, organisation));
            if (cached != null) {
                return cached;
            }
        }
        MetricsReportView report = compute.get();
        synchronized (this) {
            if (Objects.equals(revision, currentRevision)) {
                reports.put(new Asked(query, organisation), report);
            }
        }
        return report;
    }

    /** A report is the answer to the query for one organisation: the same query of another is another report. */
    private record Asked(SummarizeMetrics query, String organisation) {
    }
}
