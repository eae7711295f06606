package dev.incidenttimeline.processing;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AddTimelineNote;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentRejected;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.TimelineNoteAdded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes (two Spring contexts in one JVM, each with its own node name) on one PostgreSQL database: they split the
 * segments of a processor, a node that stops hands its segments to the other, and concurrent commands on the same
 * incidents from both nodes lose or duplicate nothing.
 */
class SeveralNodesIntegrationTest {

    private static final String GROUP = "node-declarations";

    private PostgresTestDatabase database;
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @BeforeEach
    void createDatabase() {
        database = PostgresTestDatabase.create("nodes");
    }

    @AfterEach
    void stopNodesAndDropDatabase() {
        nodes.forEach(ConfigurableApplicationContext::close);
        database.close();
    }

    @Test
    void splitsSegmentsBetweenNodesAndHandsThemOverWhenANodeStops() {
        ConfigurableApplicationContext nodeA = start("node-a");
        ConfigurableApplicationContext nodeB = start("node-b");
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(owners(jdbc))
                .containsOnlyKeys("node-a", "node-b")
                .containsEntry("node-a", 2L)
                .containsEntry("node-b", 2L));
        List<IncidentId> beforeStop = declare(nodeA, 12);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Set<IncidentId> handled = union(nodeA, nodeB);
            assertThat(handled).containsAll(beforeStop);
        });
        assertThat(handledBy(nodeA)).isNotEmpty();
        assertThat(handledBy(nodeB)).isNotEmpty();

        nodeB.close();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(owners(jdbc))
                .containsExactly(Map.entry("node-a", 4L)));
        List<IncidentId> afterStop = declare(nodeA, 12);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(handledBy(nodeA))
                .containsAll(afterStop));
    }

    @Test
    void keepsEveryAcceptedCommandExactlyOnceUnderConcurrentChangesFromTwoNodes() throws Exception {
        ConfigurableApplicationContext nodeA = start("node-a");
        ConfigurableApplicationContext nodeB = start("node-b");
        List<IncidentId> incidents = declare(nodeA, 3);
        int threadsPerNode = 3;
        int commandsPerThread = 40;
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> conflicted = ConcurrentHashMap.newKeySet();

        ExecutorService callers = Executors.newFixedThreadPool(2 * threadsPerNode);
        List<Future<?>> calls = new ArrayList<>();
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            IncidentGateway gateway = node.getBean(IncidentGateway.class);
            for (int thread = 0; thread < threadsPerNode; thread++) {
                String caller = node.getId() + "-" + thread;
                calls.add(callers.submit(() -> {
                    for (int i = 0; i < commandsPerThread; i++) {
                        String text = caller + "-note-" + i;
                        IncidentId target = incidents.get(i % incidents.size());
                        try {
                            gateway.send(new AddTimelineNote(target, EntryId.random(), "scribe", text, List.of(),
                                    null, null));
                            accepted.add(text);
                        } catch (IncidentRejected rejected) {
                            assertThat(rejected.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION);
                            assertThat(rejected.code().isRetryable()).isTrue();
                            conflicted.add(text);
                        }
                    }
                }));
            }
        }
        for (Future<?> call : calls) {
            call.get(5, TimeUnit.MINUTES);
        }
        callers.shutdown();

        int sent = 2 * threadsPerNode * commandsPerThread;
        assertThat(accepted.size() + conflicted.size()).isEqualTo(sent);
        assertThat(accepted).isNotEmpty();
        System.out.printf("Concurrent notes from two nodes: %d sent, %d accepted, %d rejected as conflicts%n",
                sent, accepted.size(), conflicted.size());

        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        EventStore eventStore = nodeB.getBean(EventStore.class);
        List<String> storedNotes = new ArrayList<>();
        for (IncidentId incident : incidents) {
            List<Long> sequence = jdbc.queryForList("SELECT sequence_number FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, incident.value());
            assertThat(sequence).as("sequence numbers of %s", incident)
                    .containsExactlyElementsOf(LongStream.range(0, sequence.size()).boxed().toList());
            eventStore.readEvents(incident.value()).asStream()
                      .map(event -> event.getPayload())
                      .filter(TimelineNoteAdded.class::isInstance)
                      .map(note -> ((TimelineNoteAdded) note).text())
                      .forEach(storedNotes::add);
        }
        assertThat(storedNotes).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(accepted);
        // AssertJ refuses an empty iterable here, and a run without any conflict is a valid outcome.
        if (!conflicted.isEmpty()) {
            assertThat(storedNotes).doesNotContainAnyElementsOf(conflicted);
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        assertThat(total).isEqualTo(incidents.size() + (long) accepted.size());
    }

    private ConfigurableApplicationContext start(String nodeName) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(Host.class).run(
                "--spring.application.name=" + nodeName,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.main.banner-mode=off",
                "--incident.core.processing.node-name=" + nodeName,
                "--incident.core.processing.token-claim-interval=300ms",
                "--incident.core.processing.heartbeat-interval=300ms",
                "--incident.core.processing.node-timeout=2s",
                "--axon.eventhandling.tokenstore.claim-timeout=2s");
        nodes.add(node);
        return node;
    }

    private static List<IncidentId> declare(ConfigurableApplicationContext node, int count) {
        IncidentGateway gateway = node.getBean(IncidentGateway.class);
        List<IncidentId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(gateway.declare(new DeclareIncident(null, "Incident " + i, Severity.SEV3, List.of("search"),
                    DetectionSource.MONITORING, null, null, "oncall", false, null, null)));
        }
        return ids;
    }

    private static Map<String, Long> owners(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT owner FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL",
                        String.class, GROUP).stream()
                   .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static Set<IncidentId> handledBy(ConfigurableApplicationContext node) {
        return node.getBean(Declarations.class).handled.keySet();
    }

    private static Set<IncidentId> union(ConfigurableApplicationContext... nodes) {
        Set<IncidentId> all = ConcurrentHashMap.newKeySet();
        for (ConfigurableApplicationContext node : nodes) {
            all.addAll(handledBy(node));
        }
        return all;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {

        @Bean
        Declarations declarations() {
            return new Declarations();
        }
    }

    /** A read model: which incidents this node handled, and how often. */
    @ProcessingGroup(GROUP)
    static class Declarations {

        final Map<IncidentId, AtomicInteger> handled = new ConcurrentHashMap<>();

        @EventHandler
        void on(IncidentDeclared event) {
            handled.computeIfAbsent(event.incidentId(), id -> new AtomicInteger()).incrementAndGet();
        }
    }
}
