package dev.incidenttimeline.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
 * locks the page's incidents first, as the projection's batches lock theirs (see {@link MetricsStore#lockAndLoad}): a
 * batch handling new events of an incident waits for the page, or the page for the batch, and whichever comes second
 * computes from what the first wrote. The metrics processor keeps running meanwhile, on every node. Changed
 * incidents get a change number as a batch's do, so every node's report index and report cache see them.
 */
public class MetricsRecomputation {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsRecomputation.class);

    /** Incidents per transaction. */
    static final int PAGE = 500;

    /** Tries of one page before a recomputation gives up. */
    private static final int ATTEMPTS = 5;

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
    private final TransactionTemplate snapshot;
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
        // The standing's two queries must see the same committed state: a batch between them is not a difference.
        this.snapshot = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager(),
                "transactions' manager"));
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
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
            Page page = recomputeWithRetries(after, last);
            incidents += page.incidents();
            changed += page.changed();
            after = last;
        }
    }

    /** How the stored values stand against the catalogue's definitions. */
    public enum Standing {
        /** Every incident has a value of every defined metric, computed with its version, and nothing else. */
        UP_TO_DATE,
        /** Some incident lacks a defined metric, or has a value computed with a lower version. */
        BEHIND,
        /**
         * A value was computed with a higher version than this catalogue's, or for a metric it does not define: most
         * likely by a node with newer definitions (a deployment under way), so this node does not recompute on its
         * own. A definition that was really removed is applied by {@link #recomputeAll()}.
         */
        AHEAD
    }

    /**
     * How the stored values stand against the catalogue: which metrics and versions are stored, and how many of each,
     * read in one snapshot (two aggregate queries).
     */
    public Standing standing() {
        return Objects.requireNonNull(snapshot.execute(status -> {
            long incidents = jdbc.queryForObject("select count(*) from metrics_incident", Long.class);
            List<StoredValues> stored = jdbc.query("select metric, definition_version, count(*) from metrics_value"
                    + " group by metric, definition_version",
                    (row, index) -> new StoredValues(row.getString(1), row.getInt(2), row.getLong(3)));
            Map<String, Integer> defined = new HashMap<>();
            catalog.definitions().forEach(definition -> defined.put(definition.name(), definition.version()));
            if (stored.stream().anyMatch(values -> !defined.containsKey(values.metric())
                    || values.version() > defined.get(values.metric()))) {
                return Standing.AHEAD;
            }
            // Up to date: exactly one group per defined metric, at its version, with a value for every incident.
            boolean complete = stored.size() == defined.size() && stored.stream().allMatch(values ->
                    values.version() == defined.get(values.metric()) && values.count() == incidents);
            return incidents == 0 || complete ? Standing.UP_TO_DATE : Standing.BEHIND;
        }));
    }

    /** How many values of a metric are stored with a version. */
    private record StoredValues(String metric, int version, long count) {
    }

    /**
     * Recomputes every incident on a thread of its own if the stored values are {@linkplain Standing#BEHIND behind
     * the catalogue}; what it did is logged. Called once the application is ready.
     */
    public void startIfBehindCatalog() {
        Thread thread = new Thread(() -> {
            try {
                Standing standing = standing();
                if (standing == Standing.AHEAD) {
                    LOG.warn("Metrics not recomputed on start: some stored values come from definitions this node "
                            + "does not have (a newer version, or a metric it does not define). If a definition was "
                            + "removed on purpose, POST /api/admin/metrics/recomputation applies it.");
                }
                if (standing != Standing.BEHIND) {
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

    /**
     * A page in a transaction of its own, tried again when it lost a lock (H2's lock timeout behind a long replay
     * batch, PostgreSQL's deadlock detection against a reset emptying the tables) or the race for the change counter
     * after a reset: a page computes from what is stored when it runs, so running it again is safe.
     */
    private Page recomputeWithRetries(String after, String last) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Objects.requireNonNull(transactions.execute(status -> recompute(after, last)));
            } catch (PessimisticLockingFailureException | DuplicateKeyException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
                LOG.debug("Metrics page after {} tried again ({})", after, conflict.toString());
            }
        }
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
