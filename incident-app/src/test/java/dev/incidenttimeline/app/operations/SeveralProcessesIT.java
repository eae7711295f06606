package dev.incidenttimeline.app.operations;

import dev.incidenttimeline.app.Http;
import dev.incidenttimeline.notification.NotificationDispatcher;
import dev.incidenttimeline.policy.ResponseDeadlineSaga;
import dev.incidenttimeline.processing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real separate JVMs (the packaged jar, {@code java -jar}) on one PostgreSQL database: two nodes take load through the
 * REST API, one is killed with SIGKILL in the middle of it, the other goes on. Afterwards every request that was
 * answered with a 2xx has its event exactly once in the store, no request stored twice, sequence numbers have no
 * gaps, the survivor owns every segment of the dead node, and the read models equal a single-node rebuild from the
 * event store. The nodes' output is in {@code target/several-processes/}.
 */
class SeveralProcessesIT {

    private static final Path LOGS = Path.of("target", "several-processes");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final int INCIDENTS = 6;
    private static final int WORKERS = 4;
    private static final int ACCEPTED_BEFORE_KILL = 150;
    private static final int ACCEPTED_AFTER_KILL = 150;
    /** Tables that are not read models: the event store, tokens, dead letters, deadlines, notifications, Flyway. */
    private static final Set<String> INFRASTRUCTURE = Set.of("domain_event_entry", "snapshot_event_entry",
            "token_entry", "saga_entry", "association_value_entry", "dead_letter_entry", "processing_node",
            "scheduled_tasks", "sent_notification", "notification_thread", "flyway_schema_history",
            // The keys of person names belong with the events: a rebuild of the read models needs them.
            "personal_data_key", "personal_data_erasure");
    /** Processors that are not read models (side effects or deadlines): they are not rebuilt. */
    private static final Set<String> NOT_READ_MODELS = Set.of(NotificationDispatcher.PROCESSING_GROUP,
            ResponseDeadlineSaga.PROCESSING_GROUP);

    private PostgresTestDatabase database;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void createDatabase() throws IOException {
        Files.createDirectories(LOGS);
        database = PostgresTestDatabase.create("procs");
    }

    @AfterEach
    void killNodesAndDropDatabase() {
        try {
            nodes.forEach(Node::kill);
        } finally {
            database.close();
        }
    }

    @Test
    void survivesANodeKilledMidLoadWithoutLosingOrDuplicatingAnything() throws Exception {
        Node a = start("node-a");
        Node b = start("node-b");
        a.awaitReady();
        b.awaitReady();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(segmentOwners().keySet())
                .containsExactlyInAnyOrder("node-a", "node-b"));

        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            HttpResponse<String> declared = (i % 2 == 0 ? a : b).http.post("/api/incidents", """
                    {"title": "Checkout errors %d", "severity": "SEV2", "services": ["checkout"],
                     "detectedBy": "ALERT", "declaredBy": "Ana", "sourceId": "declare-%d"}""".formatted(i, i));
            assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
            incidents.add(json(declared).get("id").asString());
        }

        Load load = new Load(incidents, List.of(a, b));
        load.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> load.accepted.size() >= ACCEPTED_BEFORE_KILL);
        int acceptedBeforeKill = load.accepted.size();
        b.killed = true;
        b.process.destroyForcibly();
        assertThat(b.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        load.targets = List.of(a);
        int exitOfKilled = b.process.exitValue();
        await().atMost(Duration.ofSeconds(90))
               .until(() -> load.accepted.size() >= acceptedBeforeKill + ACCEPTED_AFTER_KILL);
        load.stop();

        // SIGKILL: the JVM ran no shutdown hook and released nothing (exit status 128 + 9).
        assertThat(exitOfKilled).isEqualTo(137);
        assertThat(load.failures).as("answers that are neither 2xx nor a retryable conflict").isEmpty();
        Map<String, Long> stored = storedPerSourceId();
        assertThat(load.accepted).allSatisfy(sourceId -> assertThat(stored.get(sourceId))
                .as("events of accepted request %s", sourceId).isEqualTo(1L));
        assertThat(stored.values()).as("no request is stored twice").allMatch(count -> count == 1L);
        assertThat(load.unanswered).allSatisfy(sourceId -> assertThat(stored.getOrDefault(sourceId, 0L))
                .as("events of unanswered request %s", sourceId).isLessThanOrEqualTo(1L));
        for (String incident : incidents) {
            List<Long> sequence = sequenceNumbers(incident);
            assertThat(sequence).as("sequence numbers of %s", incident)
                    .containsExactlyElementsOf(LongStream.range(0, sequence.size()).boxed().toList());
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(segmentOwners().keySet())
                .as("owners of the read models' segments").containsExactly("node-a"));
        List<String> readModelTables = readModelTables();
        Map<String, List<String>> live = awaitSettled(a, readModelTables, load.entries);
        long conflicts = load.conflicts.get();

        // A single node rebuilds every read model from the event store alone.
        a.stop();
        resetReadModels(readModelTables);
        Node rebuilt = start("node-c");
        rebuilt.awaitReady();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
               .untilAsserted(() -> assertThat(content(readModelTables)).isEqualTo(live));

        System.out.printf("SeveralProcessesIT: %d incidents, %d requests accepted (%d before the kill of node-b,"
                        + " %d after), %d refused as concurrent modification, %d unanswered by the killed node"
                        + " (%d of them stored), %d events stored; read-model tables compared: %s (%d rows)%n",
                INCIDENTS, load.accepted.size(), acceptedBeforeKill, load.accepted.size() - acceptedBeforeKill,
                conflicts, load.unanswered.size(),
                load.unanswered.stream().filter(stored::containsKey).count(), totalEvents(), readModelTables,
                live.values().stream().mapToInt(List::size).sum());
    }

    /** Posts notes and status updates to random incidents from several threads, each request with its own sourceId. */
    private static final class Load {

        final List<String> incidents;
        volatile List<Node> targets;
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        /** The timeline entries the accepted requests created (their ids as answered). */
        final Set<String> entries = ConcurrentHashMap.newKeySet();
        final Set<String> unanswered = ConcurrentHashMap.newKeySet();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        final ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        final List<Future<?>> futures = new ArrayList<>();

        Load(List<String> incidents, List<Node> targets) {
            this.incidents = incidents;
            this.targets = targets;
        }

        void start() {
            for (int i = 0; i < WORKERS; i++) {
                futures.add(workers.submit(this::work));
            }
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
            workers.shutdownNow();
        }

        private void work() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (running.get()) {
                int n = requests.incrementAndGet();
                List<Node> nodes = targets;
                Node node = nodes.get(n % nodes.size());
                String incident = incidents.get(random.nextInt(incidents.size()));
                String sourceId = "load-" + n;
                String path = "/api/incidents/" + incident + (n % 3 == 0 ? "/updates" : "/notes");
                String body = n % 3 == 0
                        ? """
                          {"author": "Bo", "text": "Update %d", "visibility": "INTERNAL", "sourceId": "%s"}"""
                        .formatted(n, sourceId)
                        : """
                          {"author": "Bo", "text": "Note %d", "sourceId": "%s"}""".formatted(n, sourceId);
                try {
                    HttpResponse<String> response = node.http.post(path, body);
                    if (response.statusCode() / 100 == 2) {
                        entries.add(json(response).get("id").asString());
                        accepted.add(sourceId);
                    } else if (response.statusCode() == 409
                            && "CONCURRENT_MODIFICATION".equals(json(response).path("code").asString())) {
                        conflicts.incrementAndGet();
                    } else {
                        failures.add(node.name + " " + path + " -> " + response.statusCode() + " " + response.body());
                    }
                } catch (UncheckedIOException connectionLost) {
                    // Only the killed node may leave a request unanswered: its outcome is unknown.
                    if (!node.killed) {
                        failures.add(node.name + " " + path + " -> " + connectionLost);
                    }
                    unanswered.add(sourceId);
                }
            }
        }
    }

    /** One app process: the packaged jar with its own port and node name; its output goes to a file. */
    private final class Node {

        final String name;
        final Process process;
        final Http http;
        final Path log;
        volatile boolean killed;

        Node(String name, Process process, int port, Path log) {
            this.name = name;
            this.process = process;
            this.http = new Http(port);
            this.log = log;
        }

        void awaitReady() {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                   .untilAsserted(() -> {
                       assertThat(process.isAlive()).as("%s is running (see %s)", name, log).isTrue();
                       assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
                   });
        }

        /** Stops the node as an operator would (SIGTERM): it releases its segments. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Node start(String name) throws IOException {
        int port = freePort();
        Path log = LOGS.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--spring.datasource.url=" + database.url(),
                "--incident.core.processing.node-name=" + name,
                "--incident.core.processing.token-claim-interval=500ms",
                "--incident.core.processing.heartbeat-interval=1s",
                "--incident.core.processing.node-timeout=5s",
                "--axon.eventhandling.tokenstore.claim-timeout=5s",
                "--incident.demo.enabled=false",
                // Deadlines firing in the background would add events while the test compares.
                "--incident.core.policies.enabled=false",
                "--spring.main.banner-mode=off");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Node node = new Node(name, process, port, log);
        nodes.add(node);
        return node;
    }

    private static String jar() {
        String configured = System.getProperty("incident.app.jar");
        Path jar = configured != null ? Path.of(configured) : null;
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("The packaged app jar is needed (run through Maven's verify phase): "
                    + configured);
        }
        return jar.toAbsolutePath().toString();
    }

    private Map<String, Long> segmentOwners() throws SQLException {
        Map<String, Long> owners = new HashMap<>();
        for (Map<String, Object> row : query("SELECT processor_name, owner FROM token_entry")) {
            if (!NOT_READ_MODELS.contains((String) row.get("processor_name"))) {
                owners.merge(String.valueOf(row.get("owner")), 1L, Long::sum);
            }
        }
        return owners;
    }

    private Map<String, Long> storedPerSourceId() throws SQLException {
        Map<String, Long> stored = new HashMap<>();
        for (Map<String, Object> row : query("SELECT convert_from(payload, 'UTF8')::json->>'sourceId' AS source_id,"
                + " COUNT(*) AS stored FROM domain_event_entry GROUP BY 1")) {
            if (row.get("source_id") != null) {
                stored.put((String) row.get("source_id"), ((Number) row.get("stored")).longValue());
            }
        }
        return stored;
    }

    private List<Long> sequenceNumbers(String incident) throws SQLException {
        return query("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = '" + incident
                + "' ORDER BY sequence_number").stream()
                .map(row -> ((Number) row.get("sequence_number")).longValue()).toList();
    }

    private long totalEvents() throws SQLException {
        return ((Number) query("SELECT COUNT(*) AS n FROM domain_event_entry").get(0).get("n")).longValue();
    }

    private List<String> readModelTables() throws SQLException {
        return query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type = 'BASE TABLE' ORDER BY table_name").stream()
                .map(row -> (String) row.get("table_name"))
                .filter(table -> !INFRASTRUCTURE.contains(table)).toList();
    }

    /**
     * Waits until the read models hold every accepted entry, the survivor says every read model has caught up, and
     * they stop changing, and returns their content: the survivor has then handled every event, also those the dead
     * node's segments had not got to.
     */
    private Map<String, List<String>> awaitSettled(Node survivor, List<String> tables, Set<String> acceptedEntries) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                query("SELECT DISTINCT entry_id FROM timeline_entry").stream().map(row -> row.get("entry_id")))
                .as("entries in the timeline").containsAll(acceptedEntries));
        // A model that took over a segment may still be behind while the timeline is complete.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode status = Http.json(survivor.http.get("/api/admin/replays"));
            assertThat(status.path("readModels")).as("read models of %s", survivor.name).isNotEmpty()
                    .allMatch(model -> model.path("caughtUp").asBoolean());
        });
        List<Map<String, List<String>>> last = new ArrayList<>(List.of(Map.of()));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Map<String, List<String>> now = content(tables);
            boolean settled = now.equals(last.get(0));
            last.set(0, now);
            return settled;
        });
        return last.get(0);
    }

    private void resetReadModels(List<String> tables) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            // One statement for all: the read models' foreign keys point between their own tables.
            statement.execute("TRUNCATE " + String.join(", ", tables));
            statement.execute("DELETE FROM token_entry WHERE processor_name NOT IN ("
                    + NOT_READ_MODELS.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
                    + ")");
        }
    }

    /**
     * Every read-model table's rows as text, in a canonical order (several segments insert in any order). Numeric
     * surrogate ids (drawn from a sequence, so they depend on who inserted first) are left out; the ids derived from
     * events are kept. So are the metrics model's change numbers ({@code metrics_change}, {@code change_no}): they
     * count committed batches, which differ between the live run and a rebuild.
     */
    private Map<String, List<String>> content(List<String> tables) throws SQLException {
        Map<String, List<String>> content = new LinkedHashMap<>();
        for (String table : tables) {
            if (table.equals("metrics_change")) {
                continue;
            }
            content.put(table, query("SELECT * FROM " + table).stream()
                    .peek(row -> row.entrySet().removeIf(column -> column.getKey().equals("id")
                            && column.getValue() instanceof Number || column.getKey().equals("change_no")))
                    .map(Object::toString)
                    .sorted(Comparator.naturalOrder()).toList());
        }
        return content;
    }

    private List<Map<String, Object>> query(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData columns = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    row.put(columns.getColumnName(column), rows.getObject(column));
                }
                result.add(row);
            }
            return result;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
