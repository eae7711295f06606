package dev.incidenttimeline.app;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentMitigated;
import dev.incidenttimeline.incident.api.IncidentRejected;
import dev.incidenttimeline.incident.api.IncidentResolved;
import dev.incidenttimeline.incident.api.MitigateIncident;
import dev.incidenttimeline.incident.api.PostStatusUpdate;
import dev.incidenttimeline.incident.api.ResolveIncident;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.StatusUpdatePosted;
import dev.incidenttimeline.incident.api.Visibility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The app keeps every incident in its file database: stopped and started again on the same file, it finds the
 * events it stored and its rules still know what happened before the restart. Its log stays clean: no XStream, no
 * call home.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartIntegrationTest {

    private static final Instant T0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    private static final String ALERT = "alertmanager:payments-4f2a";
    private static final String SLACK = "slack:C024BE91L:1763672400.000100";
    private static final EntryId UPDATE = EntryId.of("update-1");

    @TempDir
    Path dataDirectory;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IncidentTimelineApplication.class)
                .main(IncidentTimelineApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("incidents"));
    }

    private static DeclareIncident fromAlert() {
        return new DeclareIncident(null, "Card payments failing", Severity.SEV2, List.of("payments"),
                DetectionSource.ALERT, null, null, "alertmanager", false, T0, ALERT);
    }

    private static PostStatusUpdate updateFromSlack(IncidentId id) {
        return new PostStatusUpdate(id, UPDATE, "bob", "Rolling back payments", Visibility.INTERNAL, null,
                T0.plusSeconds(600), SLACK);
    }

    @Test
    void keepsEveryIncidentOverARestart(CapturedOutput output) {
        IncidentId id;
        try (ConfigurableApplicationContext app = start()) {
            IncidentGateway incidents = app.getBean(IncidentGateway.class);
            id = incidents.declare(fromAlert());
            incidents.send(new AcknowledgeIncident(id, "bob", T0.plusSeconds(120), null));
            incidents.send(updateFromSlack(id));
            incidents.send(new MitigateIncident(id, "bob", "Payments rolled back", T0.plusSeconds(1500), null));
        }

        try (ConfigurableApplicationContext app = start()) {
            IncidentGateway incidents = app.getBean(IncidentGateway.class);
            List<Object> stored = events(app, id);

            assertThat(stored).containsExactly(
                    new IncidentDeclared(id, "Card payments failing", Severity.SEV2, List.of("payments"),
                            DetectionSource.ALERT, T0, null, "alertmanager", false, T0, ALERT),
                    new IncidentAcknowledged(id, "bob", T0.plusSeconds(120), null),
                    new StatusUpdatePosted(id, UPDATE, "bob", "Rolling back payments", Visibility.INTERNAL, List.of(),
                            T0.plusSeconds(600), SLACK),
                    new IncidentMitigated(id, "bob", "Payments rolled back", T0.plusSeconds(1500), null));

            // The same alert and the same Slack message delivered again after the restart add nothing.
            assertThat(incidents.declare(fromAlert())).isEqualTo(id);
            incidents.send(updateFromSlack(id));
            assertThatThrownBy(() -> incidents.send(new MitigateIncident(id, "bob", "Again", null, null)))
                    .isInstanceOfSatisfying(IncidentRejected.class,
                            rejected -> assertThat(rejected.code()).isEqualTo(ErrorCode.INVALID_TRANSITION));
            assertThat(events(app, id)).hasSize(4);

            incidents.send(new ResolveIncident(id, "bob", "Error rate at baseline", T0.plusSeconds(3000), null));
            assertThat(events(app, id)).hasSize(5).last()
                    .isEqualTo(new IncidentResolved(id, "bob", "Error rate at baseline", T0.plusSeconds(3000), null));
        }

        // What Axon 4.13 logs when its update checker runs (it calls get.axoniq.io) and when XStream is in use.
        assertThat(output.getAll())
                .contains("Started IncidentTimelineApplication")
                .doesNotContainIgnoringCase("xstream")
                .doesNotContain("libraries will be checked for updates", "anonymous usage data",
                        "UpdateChecker failed", "get.axoniq.io", "Using generated security password");
        assertThat(output.getAll().lines().filter(line -> line.contains("UpdateChecker")))
                .allSatisfy(line -> assertThat(line).contains("opted out"));
    }

    private static List<Object> events(ConfigurableApplicationContext app, IncidentId id) {
        return app.getBean(EventStore.class).readEvents(id.value(), 0).asStream()
                .map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }
}
