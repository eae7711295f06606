package dev.incidenttimeline.replay;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.*;
import dev.incidenttimeline.postmortem.PostmortemProjection;
import dev.incidenttimeline.projections.TestHost;
import dev.incidenttimeline.summary.IncidentSummaryProjection;
import dev.incidenttimeline.timeline.TimelineProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    @Test
    void rebuildsIdenticalReadModelsFromTheEventStore() {
        for (int i = 0; i < 5; i++) {
            story(i);
        }
        await().atMost(Duration.ofSeconds(30)).until(replayer::isCaughtUp);
        Map<String, List<Map<String, Object>>> live = content();
        assertThat(live.get("timeline_entry")).hasSizeGreaterThan(50);
        assertThat(live.get("timeline_change")).isNotEmpty();
        assertThat(live.get("incident_summary")).hasSize(5);
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
