package dev.incidenttimeline.replay;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.*;
import dev.incidenttimeline.postmortem.PostmortemProjection;
import dev.incidenttimeline.projections.ProjectionGroup;
import dev.incidenttimeline.projections.ReadModelResets;
import dev.incidenttimeline.projections.TestHost;
import dev.incidenttimeline.summary.IncidentSummaryProjection;
import dev.incidenttimeline.timeline.TimelineProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = TestHost.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:replay-test;DB_CLOSE_DELAY=-1",
        "incident.projections.batch-size=7"})
class ReplayIntegrationTest {

    private static final Instant T0 = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    private static final List<String> TABLES = List.of("timeline_entry", "timeline_change", "incident_summary",
            "incident_summary_service", "incident_summary_role", "incident_summary_task", "postmortem_fact",
            "postmortem_incident");

    @Autowired
    IncidentGateway incidents;

    @Autowired
    ProjectionReplayer replayer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReadModelResets resets;

    @Autowired
    List<ProjectionGroup> projectionGroups;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    PlatformTransactionManager platformTransactions;

    @Autowired
    EventStore eventStore;

    @Test
    void rebuildsIdenticalReadModelsFromTheEventStore() {
        for (int i = 0; i < 5; i++) {
            story(i);
        }
        await().atMost(Duration.ofSeconds(30)).until(replayer::isCaughtUp);
        Map<String, List<Map<String, Object>>> live = content();
        assertThat(live.get("timeline_entry")).hasSizeGreaterThan(50);
        assertThat(live.get("timeline_change")).isNotEmpty();
        assertThat(live.get("incident_summary")).hasSizeGreaterThanOrEqualTo(5);  // the tests share one database
        // Damage the read models, so that only a real rebuild can give the same content back.
        jdbc.update("delete from timeline_entry where kind = 'NOTE'");
        jdbc.update("update incident_summary set status = 'CLOSED'");
        jdbc.update("delete from postmortem_fact where kind = 'MITIGATED'");

        replayer.replayAll();
        await().atMost(Duration.ofSeconds(30)).until(replayer::isCaughtUp);

        assertThat(replayer.groups()).contains(TimelineProjection.PROCESSING_GROUP,
                IncidentSummaryProjection.PROCESSING_GROUP, PostmortemProjection.PROCESSING_GROUP);
        assertThat(content()).isEqualTo(live);
    }

    @Test
    void aReplayEmptiesEveryModelBeforeRebuildingIt() {
        storiesUntilCaughtUp(3);
        Map<String, List<Map<String, Object>>> live = content();
        addRowsNoEventExplains();

        replayer.replayAll();

        // Emptied before replayAll returns (TRUNCATE, right after the token reset committed), and the reset done.
        assertThat(strayRows()).isZero();
        assertThat(requestedResets()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(replayer::isCaughtUp);
        assertThat(content()).isEqualTo(live);
        assertThat(strayRows()).isZero();
    }

    @Test
    void aResetRecordedButNotCarriedOutIsCarriedOutByTheProcessorsFirstBatch() {
        storiesUntilCaughtUp(3);
        Map<String, List<Map<String, Object>>> live = content();
        addRowsNoEventExplains();
        List<StreamingEventProcessor> processors = projectionGroups.stream().map(this::processor).toList();

        // A replay that stopped right after the token reset committed (the node crashed), or a reset through
        // Axon's own API: the reset is recorded, the models still hold every row.
        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        assertThat(requestedResets()).isEqualTo(projectionGroups.size());
        assertThat(strayRows()).isEqualTo(STRAY_ROWS);

        processors.forEach(StreamingEventProcessor::start);
        await().atMost(Duration.ofSeconds(30)).until(replayer::isCaughtUp);

        assertThat(requestedResets()).isZero();
        assertThat(strayRows()).isZero();
        assertThat(content()).isEqualTo(live);
    }

    @Test
    void aModelThatCouldNotBeTruncatedIsEmptiedByTheFirstBatchOfItsRebuild(CapturedOutput output) throws Exception {
        storiesUntilCaughtUp(3);
        Map<String, List<Map<String, Object>>> live = content();
        addRowsNoEventExplains();
        // Another writer (an erasure, say) holds a row of the timeline's incidents while the replay starts: the
        // TRUNCATE waits for H2's lock timeout and gives up, and the reset stays recorded.
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch replayStarted = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> new TransactionTemplate(platformTransactions)
                .executeWithoutResult(status -> {
                    jdbc.update("update timeline_incident set organisation = null where incident_id = 'ghost'");
                    holding.countDown();
                    awaitUninterruptibly(replayStarted);
                }));
        holding.await(30, TimeUnit.SECONDS);
        try {
            replayer.replayAll();
        } finally {
            replayStarted.countDown();
        }
        writer.get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(replayer::isCaughtUp);

        assertThat(output).contains("Could not empty the read model timeline right after its reset");
        assertThat(requestedResets()).isZero();
        assertThat(strayRows()).isZero();
        assertThat(content()).isEqualTo(live);
    }

    @Test
    void emptyingWithoutARecordedResetLeavesTheModelAlone() {
        storiesUntilCaughtUp(3);
        Map<String, List<Map<String, Object>>> live = content();

        // E.g. a second emptyNow after the first batch of the rebuild had emptied the model and begun to fill it.
        projectionGroups.forEach(resets::emptyNow);

        assertThat(content()).isEqualTo(live);
    }

    @Test
    void liveBatchesNeverLookForARecordedReset() {
        storiesUntilCaughtUp(1);
        int entries = jdbc.queryForObject("select count(*) from timeline_entry", Integer.class);
        // A record without a reset: the timeline's processor is not at a replay token, so it must not empty the model.
        resets.request(TimelineProjection.PROCESSING_GROUP);
        try {
            storiesUntilCaughtUp(1);

            assertThat(jdbc.queryForObject("select count(*) from timeline_entry", Integer.class))
                    .isGreaterThan(entries);
            assertThat(jdbc.queryForList("select processing_group from read_model_reset", String.class))
                    .containsExactly(TimelineProjection.PROCESSING_GROUP);
        } finally {
            jdbc.update("delete from read_model_reset");
        }
    }

    @Test
    void aModelIsNotCaughtUpWhileASegmentAnotherNodeHoldsIsBehind() {
        storiesUntilCaughtUp(1);
        StreamingEventProcessor timeline = processor(TimelineProjection.PROCESSING_GROUP);
        timeline.shutDown();
        // As if another node held the last segment (its claim fresh for an hour): this node works on the others.
        int held = jdbc.queryForObject("select max(segment) from token_entry where processor_name = ?",
                Integer.class, TimelineProjection.PROCESSING_GROUP);
        jdbc.update("update token_entry set owner = 'another-node', timestamp = ? where processor_name = ?"
                + " and segment = ?", Instant.now().plus(1, ChronoUnit.HOURS).toString(),
                TimelineProjection.PROCESSING_GROUP, held);
        try {
            timeline.start();
            story(1);
            long head = eventStore.createHeadToken().position().orElseThrow();
            await().atMost(Duration.ofSeconds(30)).until(() -> timeline.processingStatus().size() == held
                    && timeline.processingStatus().values().stream()
                            .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head));

            assertThat(replayer.isCaughtUp(TimelineProjection.PROCESSING_GROUP))
                    .as("every segment held here reached the head, the other node's has not").isFalse();
        } finally {
            jdbc.update("update token_entry set owner = null where processor_name = ? and segment = ?",
                    TimelineProjection.PROCESSING_GROUP, held);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> replayer.isCaughtUp(TimelineProjection.PROCESSING_GROUP));
        // Taken over here once let go (its status follows its stored token right after the batch's commit).
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline.processingStatus().size() == held + 1);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void storiesUntilCaughtUp(int count) {
        for (int i = 0; i < count; i++) {
            story(i);
        }
        await().atMost(Duration.ofSeconds(30)).until(replayer::isCaughtUp);
    }

    /**
     * One row in each read model that no event explains (as if an older version of the model had written it): only
     * emptying the model removes it; a replay on top of the old rows leaves it. Two in the metrics: an incident and
     * a service that points to it by foreign key.
     */
    private void addRowsNoEventExplains() {
        jdbc.update("insert into timeline_incident (incident_id, organisation) values ('ghost', null)");
        jdbc.update("insert into incident_summary_service (incident_id, service) values ('ghost', 'ghost-service')");
        jdbc.update("insert into postmortem_incident (incident_id, organisation) values ('ghost', null)");
        jdbc.update("insert into metrics_incident (incident_id, customer_first, drill, last_sequence)"
                + " values ('ghost', false, false, 0)");
        jdbc.update("insert into metrics_incident_service (incident_id, service) values ('ghost', 'ghost-service')");
    }

    private static final int STRAY_ROWS = 5;

    private int strayRows() {
        return List.of("timeline_incident", "incident_summary_service", "postmortem_incident", "metrics_incident",
                "metrics_incident_service").stream()
                .mapToInt(table -> jdbc.queryForObject("select count(*) from " + table
                        + " where incident_id = 'ghost'", Integer.class))
                .sum();
    }

    private int requestedResets() {
        return jdbc.queryForObject("select count(*) from read_model_reset", Integer.class);
    }

    private StreamingEventProcessor processor(ProjectionGroup group) {
        return processor(group.name());
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class).orElseThrow();
    }

    private void story(int i) {
        Instant start = T0.plusSeconds(600L * i);
        IncidentId id = incidents.declare(new DeclareIncident(null, "Outage " + i, Severity.SEV2,
                List.of("api", "svc-" + i), DetectionSource.ALERT, start.minusSeconds(60), start.minusSeconds(300),
                "alice", false, start, null));
        incidents.send(new AcknowledgeIncident(id, "bob", start.plusSeconds(30), null));
        incidents.send(new AssignRole(id, Role.LEADER, "bob", "bob", start.plusSeconds(40), null));
        EntryId update = EntryId.random();
        EntryId note = EntryId.random();
        incidents.send(new PostStatusUpdate(id, update, "bob", "Looking into it", Visibility.PUBLIC, List.of(),
                start.plusSeconds(60), null));
        incidents.send(new AddTimelineNote(id, note, "carol", "Card number in a log line", List.of(),
                start.plusSeconds(70), null));
        incidents.send(new AddTimelineNote(id, EntryId.random(), "carol", "Backdated: config pushed", List.of(),
                start.minusSeconds(900), null));
        incidents.send(new AmendEntry(id, update, "Looking into API errors", null, "bob", null, null, null));
        incidents.send(new PinEntry(id, update, "bob", null, null));
        incidents.send(new RedactEntry(id, note, "bob", "personal data", null, null));
        incidents.send(new AssignTask(id, TaskId.of("task-" + i), "Roll back", "dave", "bob", start.plusSeconds(90),
                null));
        incidents.send(new LinkAlert(id, "alertmanager", "fp-" + i, "HighErrorRate", "5xx above 5%", Map.of(),
                start.minusSeconds(60), null));
        incidents.send(new ResolveAlert(id, "alertmanager", "fp-" + i, start.plusSeconds(500), null));
        incidents.send(new MitigateIncident(id, "dave", "rolled back", start.plusSeconds(300), null));
        if (i % 2 == 0) {
            incidents.send(new CompleteTask(id, TaskId.of("task-" + i), "dave", start.plusSeconds(290), null));
            incidents.send(new ResolveIncident(id, "bob", "fixed", start.plusSeconds(600), null));
            incidents.send(new StartPostmortem(id, "bob", start.plusSeconds(700), null));
            incidents.send(new RecordContributingFactor(id, "No canary", "bob", start.plusSeconds(710), null));
        }
    }

    private Map<String, List<Map<String, Object>>> content() {
        Map<String, List<Map<String, Object>>> content = new LinkedHashMap<>();
        for (String table : TABLES) {
            // Rows in a canonical order: the physical order differs when several segments wrote them in parallel.
            content.put(table, jdbc.queryForList("select * from " + table).stream()
                    .sorted(Comparator.comparing(Object::toString)).toList());
        }
        return content;
    }
}
