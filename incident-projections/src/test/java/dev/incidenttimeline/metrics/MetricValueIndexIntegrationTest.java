package dev.incidenttimeline.metrics;

import dev.incidenttimeline.host.MetricsTestHost;
import dev.incidenttimeline.projections.ProjectionGroup;
import dev.incidenttimeline.projections.ReadModelResets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory value index answers every report exactly as the SQL path does, on a generated read model with
 * several organisations, drills, missing values and attributes, inconsistent values, zero to three services and a
 * metric no longer in the catalogue; and it follows the tables when batches change incidents and when the model is
 * reset. Rows are written straight into the tables (with change numbers as the projection writes them); the report
 * cache is off, so that every report is computed by the index. Besides the handler's index
 * (which picks per group how it reads percentiles), two more indexes answer too: one that always selects among a
 * group's values, one that always counts bits.
 */
@SpringBootTest(classes = MetricsTestHost.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:metrics-value-index;DB_CLOSE_DELAY=-1",
        "incident.projections.metrics.report-cache-size=0"})
class MetricValueIndexIntegrationTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final String[] ORGANISATIONS = {null, "acme", "globex"};
    private static final String[] SEVERITIES = {null, "SEV1", "SEV2", "SEV3"};
    private static final String[] SOURCES = {null, "ALERT", "CUSTOMER", "MANUAL"};

    @Autowired
    ReadModelResets resets;

    @Autowired
    @Qualifier("metricsProjectionGroup")
    ProjectionGroup metricsGroup;

    @Autowired
    MetricsQueryHandler handler;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MetricCatalog catalog;

    private MetricValueIndex selecting;
    private MetricValueIndex countingBits;

    private final Random random = new Random(7);
    private final List<String> metrics = new ArrayList<>(
            StandardMetrics.all().stream().map(MetricDefinition::name).toList());

    @Test
    void answersEveryReportAsTheTablesDoWhileTheyChange() {
        metrics.add("retired_metric");
        selecting = new MetricValueIndex(jdbc, 0);
        countingBits = new MetricValueIndex(jdbc, Integer.MAX_VALUE);
        inBatch(() -> write(0, 600));
        assertSameReports();

        // Batches that change known incidents (new services, severities, values, organisations) and add new ones.
        for (int batch = 0; batch < 3; batch++) {
            int first = batch * 150;
            inBatch(() -> write(first, 40));
            inBatch(() -> write(600 + first, 25));
            assertSameReports();
        }

        // A reset as a replay carries it out (the tables truncated, the change counter's row with them), then a
        // different model: the index loads it again.
        resets.request(MetricsProjection.PROCESSING_GROUP);
        resets.emptyNow(metricsGroup);
        assertThat(report(new SummarizeMetrics(null, null, null, true), null).groups()).isEmpty();
        inBatch(() -> write(5_000, 200));
        assertSameReports();

        // Every table emptied by hand for a rebuild, the change counter's row too: the next batch creates it again
        // and the index loads everything again.
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.update("delete from metrics_value");
            jdbc.update("delete from metrics_incident_service");
            jdbc.update("delete from metrics_incident");
            jdbc.update("delete from metrics_change");
        });
        assertThat(report(new SummarizeMetrics(null, null, null, true), null).groups()).isEmpty();
        inBatch(() -> write(7_000, 120));
        assertSameReports();
    }

    private void assertSameReports() {
        List<SummarizeMetrics> queries = new ArrayList<>();
        Instant[] bounds = {null, START.plus(Duration.ofDays(40)), START.plus(Duration.ofDays(200)).plusMillis(1),
                START.plus(Duration.ofDays(123)).plusMillis(1_234_567), START.plus(Duration.ofDays(125))};
        for (MetricsGroupBy groupBy : new ArrayList<>(Arrays.asList(null, MetricsGroupBy.SERVICE,
                MetricsGroupBy.SEVERITY, MetricsGroupBy.DETECTED_BY, MetricsGroupBy.WEEK, MetricsGroupBy.MONTH))) {
            for (boolean drills : new boolean[]{false, true}) {
                queries.add(new SummarizeMetrics(null, null, groupBy, drills));
                queries.add(new SummarizeMetrics(bounds[1], bounds[2], groupBy, drills));
                queries.add(new SummarizeMetrics(bounds[1], null, groupBy, drills));
                queries.add(new SummarizeMetrics(null, bounds[2], groupBy, drills));
                // Two days starting inside a day, and a period before every declaration.
                queries.add(new SummarizeMetrics(bounds[3], bounds[4], groupBy, drills));
                queries.add(new SummarizeMetrics(null, START.minusMillis(1), groupBy, drills));
            }
        }
        for (SummarizeMetrics query : queries) {
            for (String organisation : new String[]{null, "acme", "globex", "initech"}) {
                MetricsReportView expected = handler.summarizeWithSql(query, organisation);
                assertThat(report(query, organisation)).as("%s for %s", query, organisation).isEqualTo(expected);
                assertThat(report(selecting, query, organisation)).as("selecting: %s for %s", query, organisation)
                        .isEqualTo(expected);
                assertThat(report(countingBits, query, organisation)).as("counting bits: %s for %s", query,
                        organisation).isEqualTo(expected);
                if (organisation == null && query.groupBy() == MetricsGroupBy.SERVICE && query.from() == null
                        && query.to() == null) {
                    assertThat(expected.groups()).as("the model has groups to compare").hasSizeGreaterThan(3);
                }
            }
        }
    }

    private MetricsReportView report(SummarizeMetrics query, String organisation) {
        return handler.handle(query, organisation);
    }

    private MetricsReportView report(MetricValueIndex index, SummarizeMetrics query, String organisation) {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> index.current().summarize(query, organisation,
                catalog.definitions().stream().map(MetricDefinition::name).toList()));
    }

    private void inBatch(Runnable writes) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> writes.run());
    }

    /** Writes (or rewrites) incidents {@code first} to {@code first + count - 1} and marks them changed. */
    private void write(int first, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String id = "incident-" + i;
            ids.add(id);
            jdbc.update("delete from metrics_value where incident_id = ?", id);
            jdbc.update("delete from metrics_incident_service where incident_id = ?", id);
            jdbc.update("delete from metrics_incident where incident_id = ?", id);
            // A few incidents whose declaration was not seen; times with sub-second parts on day boundaries too.
            Instant declared = random.nextInt(30) == 0 ? null
                    : START.plusMillis((long) (random.nextDouble() * Duration.ofDays(400).toMillis()));
            if (declared != null && random.nextInt(20) == 0) {
                declared = START.plus(Duration.ofDays(40 + random.nextInt(2) * 160));
            }
            String organisation = ORGANISATIONS[random.nextInt(ORGANISATIONS.length)];
            String severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
            String source = SOURCES[random.nextInt(SOURCES.length)];
            boolean drill = random.nextInt(8) == 0;
            Timestamp declaredAt = declared == null ? null : Timestamp.from(declared);
            jdbc.update("insert into metrics_incident (incident_id, declared_at, severity, detected_by, drill,"
                    + " customer_first, last_sequence, organisation) values (?, ?, ?, ?, ?, ?, ?, ?)", id,
                    declaredAt, severity, source, drill, random.nextInt(4) == 0, 5, organisation);
            int services = random.nextInt(4);
            for (int s = 0; s < services; s++) {
                jdbc.update("insert into metrics_incident_service (incident_id, service) values (?, ?)", id,
                        "service-" + (s * 3 + random.nextInt(3)));
            }
            for (String metric : metrics) {
                if (metric.equals("retired_metric") && random.nextBoolean()) {
                    continue;
                }
                // Few distinct values, so that many are equal; some missing, some negative (inconsistent).
                Long value = random.nextInt(6) == 0 ? null : (long) random.nextInt(50) * 60_000 - 5 * 60_000;
                jdbc.update("insert into metrics_value (id, incident_id, metric, definition_version, value_millis,"
                        + " inconsistent, declared_at, drill, severity, detected_by, organisation)"
                        + " values (next value for metrics_value_seq, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)", id, metric,
                        value, value != null && value < 0, declaredAt, drill, severity, source, organisation);
            }
        }
        MetricsChanges.mark(jdbc, ids);
    }
}
