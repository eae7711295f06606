package dev.incidenttimeline.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Recomputes every stored incident's metrics from the milestone facts the read model keeps, with the definitions in
 * force now: what a new or changed {@link MetricDefinition} needs for the incidents of the past. Unlike a replay of
 * the metrics processing group, it reads no event: the facts are all a definition reads, so only the values are
 * computed again, and only the ones that come out different are written.
 *
 * <p>It goes through the incidents in pages of {@value #PAGE} by id, each page in a transaction of its own that
 * locks the page's incidents first, as the projection's batches lock theirs (see {@link MetricsStore#lock}): a
 * batch handling new events of an incident waits for the page, or the page for the batch, and whichever comes second
 * computes from what the first wrote. The metrics processor keeps running meanwhile, on every node. Changed
 * incidents get a change number as a batch's do, so every node's report index and report cache see them.
 */
public class MetricsRecomputation {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsRecomputation.class);

    /** Incidents per transaction. */
    static final int PAGE = 500;

    private final int pageSize;

    /**
     * What a recomputation did.
     *
     * @param incidents the incidents it computed
     * @param changed   those whose stored values came out different (written), and so got a new change number
     */
    public record Result(int incidents, int changed) {
    }

    private final JdbcTemplate jdbc;
    private final MetricsStore store;
    private final TransactionTemplate transactions;
    private final MetricCatalog catalog;

    public MetricsRecomputation(JdbcTemplate jdbc, TransactionTemplate transactions, MetricCatalog catalog) {
        this(jdbc, transactions, catalog, PAGE);
    }

    MetricsRecomputation(JdbcTemplate jdbc, TransactionTemplate transactions, MetricCatalog catalog, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, not " + pageSize);
        }
        this.pageSize = pageSize;
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.store = new MetricsStore(jdbc);
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Recomputes every incident the read model holds, page by page; an incident the projection stores meanwhile is
     * computed with the same definitions by the projection itself. Call it outside a transaction of your own (each
     * page commits on its own, so a failure keeps the pages done). Running it again changes nothing.
     */
    public Result recomputeAll() {
        int incidents = 0;
        int changed = 0;
        String after = null;
        while (true) {
            String last = store.pageEnd(after, pageSize);
            if (last == null) {
                return new Result(incidents, changed);
            }
            String from = after;
            Page page = Objects.requireNonNull(transactions.execute(status -> recompute(from, last)));
            incidents += page.incidents();
            changed += page.changed();
            after = last;
        }
    }

    /**
     * Whether the stored values differ from what the catalogue defines: a metric without a value for every incident,
     * a value computed with another version, or a value of a metric no longer defined. Two aggregate queries.
     */
    public boolean isBehindCatalog() {
        long incidents = jdbc.queryForObject("select count(*) from metrics_incident", Long.class);
        Map<String, Long> stored = new HashMap<>();
        jdbc.query("select metric, definition_version, count(*) from metrics_value"
                        + " group by metric, definition_version",
                (ResultSet row) -> {
                    stored.put(row.getString(1) + "@" + row.getInt(2), row.getLong(3));
                });
        Map<String, Long> defined = new HashMap<>();
        catalog.definitions().forEach(definition ->
                defined.put(definition.name() + "@" + definition.version(), incidents));
        return incidents > 0 && !stored.equals(defined);
    }

    /**
     * Recomputes every incident on a thread of its own if the stored values are {@linkplain #isBehindCatalog behind
     * the catalogue}; what it did is logged. Called once the application is ready.
     */
    public void startIfBehindCatalog() {
        Thread thread = new Thread(() -> {
            try {
                if (!isBehindCatalog()) {
                    return;
                }
                long start = System.nanoTime();
                Result result = recomputeAll();
                LOG.info("Metrics recomputed with the catalogue's definitions: {} incidents, {} changed, in {} ms",
                        result.incidents(), result.changed(), (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException failed) {
                // E.g. the application stopped meanwhile; POST /api/admin/metrics/recomputation does it by hand.
                LOG.warn("Metrics not recomputed on start: {}", failed.toString());
            }
        }, "metrics-recomputation");
        thread.setDaemon(true);
        thread.start();
    }

    /** What a page did: the incidents computed, and those whose values changed. */
    record Page(int incidents, int changed) {
    }

    /**
     * Recomputes the incidents with ids after {@code after} (null: from the first) up to {@code last} in the current
     * transaction.
     */
    Page recompute(String after, String last) {
        Map<String, MetricsIncident> incidents = store.lockAndLoadPage(after, last);
        List<MetricDefinition> definitions = catalog.definitions();
        List<MetricsIncident> changed = new ArrayList<>();
        for (MetricsIncident incident : incidents.values()) {
            if (incident.recomputeChanges(definitions)) {
                changed.add(incident);
            }
        }
        store.save(changed);
        MetricsChanges.mark(jdbc, changed.stream().map(MetricsIncident::incidentId).toList());
        return new Page(incidents.size(), changed.size());
    }
}
