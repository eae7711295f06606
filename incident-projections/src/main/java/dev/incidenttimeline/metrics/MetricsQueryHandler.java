package dev.incidenttimeline.metrics;

import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.Severity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Answers the metrics queries from the read model. Reports select the values with one query over the period and
 * aggregate them here, so the percentiles are the same on every database.
 */
public class MetricsQueryHandler {

    static final String ALL = "all";
    static final String NO_SERVICE = "none";

    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final MetricCatalog catalog;

    public MetricsQueryHandler(EntityManager entityManager, TransactionTemplate transactions, MetricCatalog catalog) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @QueryHandler
    public Optional<IncidentMetricsView> handle(FindIncidentMetrics query) {
        return transactions.execute(status -> Optional
                .ofNullable(entityManager.find(MetricsIncident.class, query.incidentId().value()))
                .map(incident -> incident.toView(catalog.definitions())));
    }

    @QueryHandler
    public MetricsReportView handle(SummarizeMetrics query) {
        return transactions.execute(status -> summarize(query));
    }

    private MetricsReportView summarize(SummarizeMetrics query) {
        Map<String, List<String>> groupsOf = new HashMap<>();
        Map<String, Group> groups = new TreeMap<>();
        for (Object[] row : select("select i.incidentId, i.severity, i.detectedBy, i.declaredAt, i.customerFirst"
                + " from MetricsIncident i", query)) {
            String incidentId = (String) row[0];
            List<String> keys = query.groupBy() == MetricsGroupBy.SERVICE ? new ArrayList<>()
                    : List.of(key(query.groupBy(), (Severity) row[1], (DetectionSource) row[2], (Instant) row[3]));
            groupsOf.put(incidentId, keys);
            keys.forEach(key -> groups.computeIfAbsent(key, Group::new).add((Boolean) row[4]));
        }
        if (query.groupBy() == MetricsGroupBy.SERVICE) {
            Map<String, Boolean> customerFirst = new HashMap<>();
            for (Object[] row : select("select i.incidentId, i.customerFirst from MetricsIncident i", query)) {
                customerFirst.put((String) row[0], (Boolean) row[1]);
            }
            for (Object[] row : select("select i.incidentId, s from MetricsIncident i join i.services s", query)) {
                groupsOf.get((String) row[0]).add((String) row[1]);
            }
            groupsOf.forEach((incidentId, keys) -> {
                if (keys.isEmpty()) {
                    keys.add(NO_SERVICE);
                }
                keys.forEach(key -> groups.computeIfAbsent(key, Group::new).add(customerFirst.get(incidentId)));
            });
        }
        for (Object[] row : select("select i.incidentId, v.metric, v.valueMillis, v.inconsistent"
                + " from MetricsValue v join v.incident i", query, "v.valueMillis is not null")) {
            for (String key : groupsOf.getOrDefault((String) row[0], List.of())) {
                groups.get(key).value((String) row[1], (Long) row[2], (Boolean) row[3]);
            }
        }
        List<String> metrics = catalog.definitions().stream().map(MetricDefinition::name).toList();
        return new MetricsReportView(query.from(), query.to(), query.groupBy(), query.includeDrills(),
                groups.values().stream().map(group -> group.toView(metrics)).toList());
    }

    private List<Object[]> select(String jpql, SummarizeMetrics query, String... conditions) {
        StringBuilder where = new StringBuilder(" where i.declaredAt is not null");
        if (query.from() != null) {
            where.append(" and i.declaredAt >= :from");
        }
        if (query.to() != null) {
            where.append(" and i.declaredAt < :to");
        }
        if (!query.includeDrills()) {
            where.append(" and i.drill = false");
        }
        for (String condition : conditions) {
            where.append(" and ").append(condition);
        }
        TypedQuery<Object[]> select = entityManager.createQuery(jpql + where, Object[].class);
        if (query.from() != null) {
            select.setParameter("from", query.from());
        }
        if (query.to() != null) {
            select.setParameter("to", query.to());
        }
        return select.getResultList();
    }

    static String key(MetricsGroupBy groupBy, Severity severity, DetectionSource detectedBy, Instant declaredAt) {
        if (groupBy == null) {
            return ALL;
        }
        ZonedDateTime declared = declaredAt.atZone(ZoneOffset.UTC);
        return switch (groupBy) {
            case SEVERITY -> String.valueOf(severity);
            case DETECTED_BY -> String.valueOf(detectedBy);
            case WEEK -> String.format("%d-W%02d", declared.get(IsoFields.WEEK_BASED_YEAR),
                    declared.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(declared).toString();
            case SERVICE -> throw new IllegalArgumentException("an incident has a key per service");
        };
    }

    /** One group's figures while they are collected. */
    private static final class Group {

        private final String key;
        private long incidents;
        private long customerFirst;
        private long inconsistencies;
        private final Map<String, Values> values = new HashMap<>();

        Group(String key) {
            this.key = key;
        }

        void add(boolean reportedByCustomerFirst) {
            incidents++;
            if (reportedByCustomerFirst) {
                customerFirst++;
            }
        }

        void value(String metric, long millis, boolean inconsistent) {
            Values collected = values.computeIfAbsent(metric, name -> new Values());
            if (inconsistent) {
                collected.inconsistencies++;
                inconsistencies++;
            } else {
                collected.add(millis);
            }
        }

        MetricsGroupView toView(List<String> metrics) {
            Map<String, MetricSummaryView> summaries = new LinkedHashMap<>();
            metrics.forEach(metric -> summaries.put(metric, values.getOrDefault(metric, new Values()).summary()));
            values.keySet().stream().filter(metric -> !summaries.containsKey(metric)).sorted()
                    .forEach(metric -> summaries.put(metric, values.get(metric).summary()));
            return new MetricsGroupView(key, incidents, customerFirst,
                    incidents == 0 ? 0 : (double) customerFirst / incidents, inconsistencies, summaries);
        }
    }

    /** A growable array of milliseconds: boxing every value would cost more than the query itself. */
    private static final class Values {

        private long[] millis = new long[16];
        private int size;
        private long inconsistencies;

        void add(long value) {
            if (size == millis.length) {
                millis = Arrays.copyOf(millis, size * 2);
            }
            millis[size++] = value;
        }

        MetricSummaryView summary() {
            return MetricSummaryView.of(Arrays.copyOf(millis, size), inconsistencies);
        }
    }
}
