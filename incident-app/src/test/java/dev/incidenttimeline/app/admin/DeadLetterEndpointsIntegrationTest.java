package dev.incidenttimeline.app.admin;

import dev.incidenttimeline.app.Http;
import dev.incidenttimeline.incident.api.IncidentDeclared;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator lists over HTTP the event a read model failed on (which incident, which event, why) and retries it
 * once the cause is gone; an unknown group gets a 404 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dead-letter-endpoints;DB_CLOSE_DELAY=-1",
        "incident.demo.enabled=false",
        "incident.core.policies.enabled=false",
        "incident.core.processing.token-claim-interval=300ms"})
class DeadLetterEndpointsIntegrationTest {

    private static final String POISON = "Poison pill";

    @LocalServerPort
    int port;

    @Autowired
    Fragile fragile;

    @Test
    void listsDeadLettersAndRetriesThemOverHttp() {
        Http http = new Http(port);
        http.declare("Login fails");
        String poisoned = http.declare(POISON);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(fragile.titles).containsExactly("Login fails");
            assertThat(json(http.get("/api/admin/dead-letters?group=" + Fragile.GROUP)).get(0).get("count")
                    .asLong()).isEqualTo(1);
        });

        JsonNode group = json(http.get("/api/admin/dead-letters?group=" + Fragile.GROUP)).get(0);
        JsonNode letter = group.get("letters").get(0);
        assertThat(group.get("group").asString()).isEqualTo(Fragile.GROUP);
        assertThat(letter.get("aggregateId").asString()).isEqualTo(poisoned);
        assertThat(letter.get("aggregateSequence").asLong()).isZero();
        assertThat(letter.get("eventType").asString()).isEqualTo(IncidentDeclared.class.getName());
        assertThat(letter.get("causeType").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.get("causeMessage").asString()).contains("cannot handle");
        JsonNode all = json(http.get("/api/admin/dead-letters"));
        assertThat(all.valueStream().map(each -> each.get("group").asString()))
                .contains(Fragile.GROUP, "timeline");

        JsonNode stillBroken = json(http.post("/api/admin/dead-letters/" + Fragile.GROUP + "/retry", ""));
        assertThat(stillBroken.get("sequencesProcessed").asInt()).isZero();
        assertThat(stillBroken.get("lettersRemaining").asLong()).isEqualTo(1);

        fragile.fixed = true;
        HttpResponse<String> retried = http.post("/api/admin/dead-letters/" + Fragile.GROUP + "/retry", "");

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(json(retried).get("sequencesProcessed").asInt()).isEqualTo(1);
        assertThat(json(retried).get("lettersRemaining").asLong()).isZero();
        assertThat(fragile.titles).containsExactly("Login fails", POISON);
        assertThat(json(http.get("/api/admin/dead-letters?group=" + Fragile.GROUP)).get(0).get("letters"))
                .isEmpty();
    }

    @Test
    void refusesAnUnknownGroupWithAProblem() {
        Http http = new Http(port);

        HttpResponse<String> listed = http.get("/api/admin/dead-letters?group=no-such-group");
        HttpResponse<String> retried = http.post("/api/admin/dead-letters/no-such-group/retry", "");

        for (HttpResponse<String> response : List.of(listed, retried)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).get("code").asString()).isEqualTo(KnownProcessingGroups.GROUP_NOT_FOUND);
        }
    }

    @TestConfiguration
    static class FragileReadModel {

        @Bean
        Fragile fragile() {
            return new Fragile();
        }
    }

    /** A read model with a bug: it cannot handle one incident until {@link #fixed} is set. */
    @ProcessingGroup(Fragile.GROUP)
    static class Fragile {

        static final String GROUP = "fragile-http";

        final List<String> titles = new CopyOnWriteArrayList<>();
        volatile boolean fixed;

        @EventHandler
        void on(IncidentDeclared event) {
            if (!fixed && POISON.equals(event.title())) {
                throw new IllegalStateException("Read model cannot handle " + event.incidentId());
            }
            titles.add(event.title());
        }
    }
}
