package dev.incidenttimeline.app.admin;

import dev.incidenttimeline.app.Http;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.projections.ProjectionGroup;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator rebuilds a read model over HTTP: the answer comes at once ({@code 202}), the rebuild runs in the
 * background, a second replay meanwhile is refused with a {@code 409} problem, and afterwards the model shows what it
 * showed before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:replay-endpoints;DB_CLOSE_DELAY=-1",
        "incident.demo.enabled=false",
        "incident.core.policies.enabled=false"})
class ReplayEndpointsIntegrationTest {

    private static final String HELD = "Held up in the replay";

    @LocalServerPort
    int port;

    @Autowired
    Slow slow;

    @Test
    void rebuildsTheTimelineInTheBackgroundAndShowsTheSameEntriesAfterwards() {
        Http http = new Http(port);
        String id = http.declare("Checkout is slow");
        http.post("/api/incidents/" + id + "/notes", """
                {"author": "Dana", "text": "Rolled back the deploy"}""");
        await().atMost(Duration.ofSeconds(30)).until(() -> everyModelCaughtUp(http)
                && json(http.get("/api/incidents/" + id + "/timeline")).get("entries").size() == 2);
        JsonNode before = json(http.get("/api/incidents/" + id + "/timeline")).get("entries");

        HttpResponse<String> started = http.post("/api/admin/replays/timeline", "");

        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location")).hasValue("/api/admin/replays");
        assertThat(json(started).get("readModels").valueStream().map(model -> model.get("group").asString()))
                .contains("timeline", "incident-summaries", "metrics", "postmortem", Slow.GROUP);
        await().atMost(Duration.ofSeconds(30)).until(() -> everyModelCaughtUp(http));
        assertThat(json(http.get("/api/incidents/" + id + "/timeline")).get("entries")).isEqualTo(before);
    }

    @Test
    void refusesASecondReplayWhileOneRebuilds() {
        Http http = new Http(port);
        http.declare(HELD);
        await().atMost(Duration.ofSeconds(30)).until(() -> everyModelCaughtUp(http));
        slow.hold = new CountDownLatch(1);
        try {
            assertThat(http.post("/api/admin/replays/" + Slow.GROUP, "").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> slow.holding);

            HttpResponse<String> second = http.post("/api/admin/replays", "");

            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(json(second).get("code").asString()).isEqualTo(ReplayController.REPLAY_UNDER_WAY);
            assertThat(json(http.get("/api/admin/replays")).get("replaying").asBoolean()).isTrue();
        } finally {
            slow.hold.countDown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> everyModelCaughtUp(http));
        slow.hold = null;
    }

    @Test
    void refusesAnUnknownReadModelAndAViewer() {
        Http http = new Http(port);

        HttpResponse<String> unknown = http.post("/api/admin/replays/no-such-model", "");
        HttpResponse<String> byViewer = http.as(Http.VIEWER_TOKEN).post("/api/admin/replays/timeline", "");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asString()).isEqualTo(KnownProcessingGroups.GROUP_NOT_FOUND);
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(json(http.get("/api/admin/replays")).get("replaying").asBoolean()).isFalse();
    }

    private static boolean everyModelCaughtUp(Http http) {
        JsonNode status = json(http.get("/api/admin/replays"));
        return !status.get("replaying").asBoolean()
                && status.get("readModels").valueStream().allMatch(model -> model.get("caughtUp").asBoolean());
    }

    @TestConfiguration
    static class SlowReadModel {

        @Bean
        ProjectionGroup slowGroup() {
            return new ProjectionGroup(Slow.GROUP);
        }

        @Bean
        Slow slow() {
            return new Slow();
        }
    }

    /** A read model whose rebuild takes as long as the test wants: it waits at one incident while {@link #hold} is set. */
    @ProcessingGroup(Slow.GROUP)
    static class Slow {

        static final String GROUP = "slow-replay-http";

        volatile CountDownLatch hold;
        volatile boolean holding;

        @EventHandler
        void on(IncidentDeclared event) throws InterruptedException {
            CountDownLatch gate = hold;
            if (gate != null && HELD.equals(event.title())) {
                holding = true;
                gate.await(30, TimeUnit.SECONDS);
                holding = false;
            }
        }
    }
}
