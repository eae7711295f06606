package dev.incidenttimeline.transfer;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.*;
import dev.incidenttimeline.projections.IncidentQueries;
import dev.incidenttimeline.projections.TestHost;
import dev.incidenttimeline.replay.ProjectionReplayer;
import dev.incidenttimeline.timeline.FindTimeline;
import dev.incidenttimeline.timeline.TimelineView;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = TestHost.class,
        properties = "spring.datasource.url=jdbc:h2:mem:transfer-source;DB_CLOSE_DELAY=-1")
class TransferIntegrationTest {

    private static final Instant T0 = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    IncidentGateway incidents;

    @Autowired
    IncidentQueries queries;

    @Autowired
    EventExporter exporter;

    @Autowired
    ProjectionReplayer replayer;

    @Autowired
    EventImporter importer;

    @Test
    void importsAnExportIntoAnotherInstanceOnceWithTheSameTimeline() {
        IncidentId id = incidents.declare(new DeclareIncident(null, "DNS resolution fails", Severity.SEV1,
                List.of("dns"), DetectionSource.CUSTOMER, null, T0.minusSeconds(400), "alice", false, T0, null));
        EntryId update = EntryId.random();
        incidents.send(new PostStatusUpdate(id, update, "bob", "Resolvers time out", Visibility.PUBLIC, List.of(),
                T0.plusSeconds(60), null));
        incidents.send(new AmendEntry(id, update, "Resolvers in eu-west time out", null, "bob", "region", null, null));
        incidents.send(new AddTimelineNote(id, EntryId.random(), "carol", "Backdated: cert rotated", List.of(),
                T0.minusSeconds(3600), null));
        incidents.send(new ResolveIncident(id, "bob", "resolvers restarted", T0.plusSeconds(900), null));
        await().atMost(Duration.ofSeconds(20)).until(replayer::isCaughtUp);
        TimelineView source = queries.timeline(FindTimeline.of(id));
        Instant knownAt = source.entries().get(2).recordedAt();
        TimelineView sourceThen = queries.timeline(FindTimeline.of(id).asKnownAt(knownAt));

        ByteArrayOutputStream export = new ByteArrayOutputStream();
        long exported = exporter.exportIncident(id, export);

        assertThat(exported).isEqualTo(5);
        assertThat(export.toString(StandardCharsets.UTF_8).lines()).hasSize(5);
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(TestHost.class)
                .properties("spring.datasource.url=jdbc:h2:mem:transfer-target;DB_CLOSE_DELAY=-1")
                .run()) {
            EventImporter importer = other.getBean(EventImporter.class);
            IncidentQueries otherQueries = other.getBean(IncidentQueries.class);
            ProjectionReplayer otherReplayer = other.getBean(ProjectionReplayer.class);
            EventStore otherStore = other.getBean(EventStore.class);

            ImportResult first = importer.importFrom(new ByteArrayInputStream(export.toByteArray()));
            await().atMost(Duration.ofSeconds(20)).until(otherReplayer::isCaughtUp);

            assertThat(first).isEqualTo(new ImportResult(5, 5, 0));
            assertThat(otherQueries.timeline(FindTimeline.of(id))).isEqualTo(source);
            assertThat(otherQueries.timeline(FindTimeline.of(id).asKnownAt(knownAt))).isEqualTo(sourceThen);
            assertThat(otherQueries.incident(id)).isEqualTo(queries.incident(id));

            ImportResult again = importer.importFrom(new ByteArrayInputStream(export.toByteArray()));

            assertThat(again).isEqualTo(new ImportResult(5, 0, 5));
            assertThat(otherStore.readEvents(id.value(), 0).asStream()).hasSize(5);
            assertThat(otherQueries.timeline(FindTimeline.of(id))).isEqualTo(source);
        }
    }

    @Test
    void exportsTheIncidentsDeclaredInAPeriod() {
        Instant inside = T0.plus(1, ChronoUnit.HOURS);
        IncidentId wanted = incidents.declare(new DeclareIncident(null, "Inside the period", Severity.SEV3,
                List.of("web"), DetectionSource.MANUAL, null, null, "dave", false, inside, null));
        incidents.send(new AcknowledgeIncident(wanted, "erin", inside.plusSeconds(60), null));
        IncidentId other = incidents.declare(new DeclareIncident(null, "After the period", Severity.SEV3,
                List.of("web"), DetectionSource.MANUAL, null, null, "dave", false, inside.plus(3, ChronoUnit.HOURS),
                null));

        ByteArrayOutputStream export = new ByteArrayOutputStream();
        long exported = exporter.exportDeclaredBetween(inside.minusSeconds(1), inside.plus(1, ChronoUnit.HOURS),
                export);

        assertThat(exported).isEqualTo(2);
        assertThat(export.toString(StandardCharsets.UTF_8)).contains(wanted.value()).doesNotContain(other.value());
    }

    @Test
    void rejectsALineThatIsNotAnExportedEvent() {
        byte[] broken = "{\"eventId\": \"e-1\"}\nnot json\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> importer.importFrom(new ByteArrayInputStream(broken)))
                .isInstanceOf(ImportRejected.class)
                .hasMessageContaining("Line 1");
    }
}
