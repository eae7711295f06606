package dev.incidenttimeline.processing;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.operations.DeadLetterRetry;
import dev.incidenttimeline.operations.DeadLetterView;
import dev.incidenttimeline.operations.DeadLetters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A read model whose handler fails on one incident's event: that event (and the later events of the same incident)
 * go to the dead-letter queue, the read model goes on with other incidents, other read models are not affected; an
 * operator sees the letters and, once the handler is fixed, a retry handles them in order and empties the queue.
 */
class DeadLetterIntegrationTest {

    private static final String FRAGILE = "fragile-read-model";
    private static final String STEADY = "steady-read-model";
    private static final String POISON = "Poison pill";

    @Test
    void deadLettersAFailingEventAndRetriesItOnceTheHandlerIsFixed() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("dlq");
             ConfigurableApplicationContext node = new SpringApplicationBuilder(Host.class).run(
                     "--spring.datasource.url=" + database.url(),
                     "--spring.datasource.username=" + PostgresTestDatabase.USER,
                     "--spring.main.banner-mode=off",
                     "--incident.core.processing.token-claim-interval=300ms")) {
            IncidentGateway incidents = node.getBean(IncidentGateway.class);
            Fragile fragile = node.getBean(Fragile.class);
            Steady steady = node.getBean(Steady.class);
            DeadLetters deadLetters = node.getBean(DeadLetters.class);

            IncidentId first = declare(incidents, "Login fails");
            IncidentId poisoned = declare(incidents, POISON);
            IncidentId third = declare(incidents, "Search is slow");
            incidents.send(new AcknowledgeIncident(poisoned, "dave", null, null));
            incidents.send(new AcknowledgeIncident(third, "erin", null, null));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(steady.handled).hasSize(5);
                assertThat(fragile.handled).hasSize(3);
                assertThat(deadLetters.count(FRAGILE)).isEqualTo(2);
            });
            assertThat(fragile.handled).extracting(IncidentEvent::incidentId).containsOnly(first, third);
            assertThat(deadLetters.count(STEADY)).isZero();
            List<DeadLetterView> letters = deadLetters.list(FRAGILE);
            assertThat(letters).extracting(DeadLetterView::aggregateId, DeadLetterView::aggregateSequence,
                            DeadLetterView::eventType)
                    .containsExactly(
                            tuple(poisoned.value(), 0L,
                                    IncidentDeclared.class.getName()),
                            tuple(poisoned.value(), 1L,
                                    IncidentAcknowledged.class.getName()));
            assertThat(letters.get(0).causeType()).isEqualTo(IllegalStateException.class.getName());
            assertThat(letters.get(0).causeMessage()).contains("cannot handle");
            assertThat(letters.get(0).enqueuedAt()).isNotNull();

            DeadLetterRetry stillBroken = deadLetters.retry(FRAGILE);
            assertThat(stillBroken.sequencesProcessed()).isZero();
            assertThat(stillBroken.lettersRemaining()).isEqualTo(2);

            fragile.fixed = true;
            DeadLetterRetry retry = deadLetters.retry(FRAGILE);

            assertThat(retry.sequencesProcessed()).isEqualTo(1);
            assertThat(retry.lettersRemaining()).isZero();
            assertThat(deadLetters.list(FRAGILE)).isEmpty();
            assertThat(fragile.handled).hasSize(5);
            assertThat(fragile.handled.subList(3, 5)).extracting(IncidentEvent::incidentId)
                    .containsExactly(poisoned, poisoned);
            assertThat(fragile.handled.get(3)).isInstanceOf(IncidentDeclared.class);
            assertThat(fragile.handled.get(4)).isInstanceOf(IncidentAcknowledged.class);
            assertThatThrownBy(() -> deadLetters.retry("no-such-group"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static IncidentId declare(IncidentGateway incidents, String title) {
        return incidents.declare(new DeclareIncident(null, title, Severity.SEV2, List.of("web"),
                DetectionSource.ALERT, null, null, "carol", false, null, null));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {

        @Bean
        Fragile fragile() {
            return new Fragile();
        }

        @Bean
        Steady steady() {
            return new Steady();
        }
    }

    /** A read model with a bug: it cannot handle the poison incident until {@link #fixed}. */
    @ProcessingGroup(FRAGILE)
    static class Fragile {

        final List<IncidentEvent> handled = new CopyOnWriteArrayList<>();
        volatile boolean fixed;

        @EventHandler
        void on(IncidentDeclared event) {
            if (POISON.equals(event.title()) && !fixed) {
                throw new IllegalStateException("Fragile read model cannot handle " + event.incidentId());
            }
            handled.add(event);
        }

        @EventHandler
        void on(IncidentAcknowledged event) {
            handled.add(event);
        }
    }

    /** A read model that handles everything. */
    @ProcessingGroup(STEADY)
    static class Steady {

        final List<IncidentEvent> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(IncidentDeclared event) {
            handled.add(event);
        }

        @EventHandler
        void on(IncidentAcknowledged event) {
            handled.add(event);
        }
    }
}
