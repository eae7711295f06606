package dev.incidenttimeline.metrics;

import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.tenancy.Organisations;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Answers the metrics queries from the read model. Reports are aggregated here, so the percentiles are the same on
 * every database: from the {@link MetricValueIndex} (which follows the tables), or, with the index turned off, by
 * selecting the values of the period.
 */
public class MetricsQueryHandler {

    static final String ALL = "all";
    static final String NONE = "none";

    private static final Logger LOG = LoggerFactory.getLogger(MetricsQueryHandler.class);

    private final MetricsStore store;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MetricCatalog catalog;
    private final ReportCache reports;
    private final MetricValueIndex index;

    /**
     * @param reportCacheSize how many reports to keep for as long as the read model does not change (0: none)
     * @param valueIndex      whether reports are answered from the in-memory {@link MetricValueIndex} (else by
     *                        selecting the period's values from the tables)
     */
    public MetricsQueryHandler(JdbcTemplate jdbc, TransactionTemplate transactions, MetricCatalog catalog,
                               int reportCacheSize, boolean valueIndex) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.store = new MetricsStore(jdbc);
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.reports = new ReportCache(reportCacheSize);
        this.index = valueIndex ? new MetricValueIndex(jdbc) : null;
    }

    /** The incident's metrics; empty if the read model does not know it (yet) or it is another organisation's. */
    @QueryHandler
    public Optional<IncidentMetricsView> handle(FindIncidentMetrics query,
                                                @MetaDataValue(Organisations.METADATA_KEY) String organisation) {
        return transactions.execute(status -> Optional
                .ofNullable(store.load(List.of(query.incidentId().value())).get(query.incidentId().value()))
                .filter(incident -> Organisations.mayAccess(organisation, incident.organisation()))
                .map(incident -> incident.toView(catalog.definitions())));
    }

    /** The report over the asking organisation's incidents (every organisation's without tenancy). */
    @QueryHandler
    public MetricsReportView handle(SummarizeMetrics query,
                                    @MetaDataValue(Organisations.METADATA_KEY) String organisation) {
        return transactions.execute(status -> reports.get(query, organisation, revision(),
                () -> summarize(query, organisation)));
    }

    /**
     * The read model's revision: the catalogue's revision and where the read model stands (its generation and change
     * number, see {@link MetricsChanges}). Every batch or {@link MetricsRecomputation} that changes an incident takes
     * the next change number in the transaction that writes the change, on whichever node, and the number is read
     * here in the report's own transaction; a batch that changes no incident (notes, for instance) leaves the cached
     * reports valid.
     */
    private Object revision() {
        return List.of(catalog.revision(), MetricsChanges.position(jdbc));
    }

    /**
     * Two plain SQL selects, each from one table: the incidents of the period (for the counts) and their values.
     * Going around JPA is on purpose: at 100,000 incidents (1.1 million values) Hibernate's handling of the rows cost
     * more than the select; and aggregating in SQL ({@code percentile_cont}) was far slower on H2.
     */
    private MetricsReportView summarize(SummarizeMetrics query, String organisation) {
        if (index != null) {
            return index.current().summarize(query, organisation, metricNames());
        }
        return sqlReport(query, organisation);
    }

    /**
     * Loads the value index on a thread of its own, so that the first report does not pay for it (seconds at 100,000
     * incidents); a report that arrives while it loads waits for it. Called once the application is ready.
     */
    public void startLoadingIndex() {
        if (index == null) {
            return;
        }
        Thread loader = new Thread(() -> {
            try {
                long start = System.nanoTime();
                int incidents = loadIndex();
                LOG.info("Metric value index loaded: {} incidents in {} ms", incidents,
                        (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException failed) {
                // E.g. the application stopped meanwhile; otherwise the first report tries again.
                LOG.warn("Metric value index not loaded in the background: {}", failed.toString());
            }
        }, "metric-value-index-load");
        loader.setDaemon(true);
        loader.start();
    }

    /** The index's incidents after loading it (or bringing it up to date), in a read transaction; for measurements. */
    int loadIndex() {
        return index == null ? 0 : transactions.execute(status -> index.incidents());
    }

    long indexBytes() {
        return index == null ? 0 : index.approximateBytes();
    }

    /** The report from the tables, without the index or the cache: what the index must answer too. */
    MetricsReportView summarizeWithSql(SummarizeMetrics query, String organisation) {
        return transactions.execute(status -> sqlReport(query, organisation));
    }

    private List<String> metricNames() {
        return catalog.definitions().stream().map(MetricDefinition::name).toList();
    }

    private MetricsReportView sqlReport(SummarizeMetrics query, String organisation) {
        Map<String, Group> groups = new TreeMap<>();
        Keys keys = new Keys(query.groupBy());
        jdbc.query(select(query, organisation, "i", keys.column("i")
                        + ", i.customer_first from metrics_incident i"),
                (ResultSet row) -> {
                    groups.computeIfAbsent(keys.of(row), Group::new).add(row.getBoolean(2));
                }, parameters(query, organisation));
        jdbc.query(select(query, organisation, "v", keys.column("v") + ", v.metric, v.value_millis, v.inconsistent"
                + " from metrics_value v", "v.value_millis is not null"), (ResultSet row) -> {
            groups.get(keys.of(row)).value(row.getString(2), row.getLong(3), row.getBoolean(4));
        }, parameters(query, organisation));
        List<String> metrics = metricNames();
        return new MetricsReportView(query.from(), query.to(), query.groupBy(), query.includeDrills(),
                groups.values().stream().map(group -> group.toView(metrics)).toList());
    }

    /** A select from the incidents ({@code i}) or the values ({@code v}), which both have the columns filtered by. */
    private static String select(SummarizeMetrics query, String organisation, String table, String columnsAndTable,
                                 String... conditions) {
        StringBuilder sql = new StringBuilder("select ").append(columnsAndTable);
        if (query.groupBy() == MetricsGroupBy.SERVICE) {
            sql.append(" left join metrics_incident_service s on s.incident_id = ").append(table)
                    .append(".incident_id");
        }
        sql.append(" where ").append(table).append(".declared_at is not null");
        if (query.from() != null) {
            sql.append(" and ").append(table).append(".declared_at >= ?");
        }
        if (query.to() != null) {
            sql.append(" and ").append(table).append(".declared_at < ?");
        }
        if (!query.includeDrills()) {
            sql.append(" and ").append(table).append(".drill = false");
        }
        if (organisation != null) {
            sql.append(" and ").append(table).append(".organisation = ?");
        }
        for (String condition : conditions) {
            sql.append(" and ").append(condition);
        }
        return sql.toString();
    }

    private static Object[] parameters(SummarizeMetrics query, String organisation) {
        Stream<Object> period = Stream.of(query.from(), query.to()).filter(Objects::nonNull)
                .map(instant -> OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        return Stream.concat(period, Stream.ofNullable(organisation)).toArray();
    }

    /** Reads a row's group key from the first column; keys of periods are computed once per day. */
    private static final class Keys {

        private final MetricsGroupBy groupBy;
        private final Map<Long, String> periodsByDay = new HashMap<>();

        Keys(MetricsGroupBy groupBy) {
            this.groupBy = groupBy;
        }

        String column(String table) {
            if (groupBy == null) {
                return "'" + ALL + "'";
            }
            return switch (groupBy) {
                case SERVICE -> "s.service";
                case SEVERITY -> table + ".severity";
                case DETECTED_BY -> table + ".detected_by";
                case WEEK, MONTH -> table + ".declared_at";
            };
        }

        String of(ResultSet row) throws SQLException {
            if (groupBy != MetricsGroupBy.WEEK && groupBy != MetricsGroupBy.MONTH) {
                String key = row.getString(1);
                return key == null ? NONE : key;
            }
            Instant declaredAt = row.getObject(1, OffsetDateTime.class).toInstant();
            return periodsByDay.computeIfAbsent(Math.floorDiv(declaredAt.getEpochSecond(), 86_400L),
                    day -> key(groupBy, null, null, declaredAt));
        }
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
                    incidents == 0 ? 0 : (double) customerFirst / incidents, inconsistencies,
                    Collections.unmodifiableMap(summaries));
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
