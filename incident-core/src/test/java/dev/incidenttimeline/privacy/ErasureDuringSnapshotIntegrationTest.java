package dev.incidenttimeline.privacy;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.*;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An erasure that comes while a snapshot is taken: the snapshot has read the person's name and has not written it back
 * yet. Written back after the erasure, the name would get a new key and stay readable in the snapshot for good.
 */
@SpringBootTest(classes = ErasureDuringSnapshotIntegrationTest.Host.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:erasure-during-snapshot;DB_CLOSE_DELAY=-1",
        "incident.core.snapshot-threshold=3",
        // No response deadlines: a missed one would append an event to the incident this test reads back.
        "incident.core.policies.enabled=false"})
class ErasureDuringSnapshotIntegrationTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {

        @Bean
        SnapshotHeldWhileWriting personalDataCipher(PersonalDataKeys keys) {
            return new SnapshotHeldWhileWriting(keys);
        }
    }

    /** Once armed, holds the next snapshot at its first name to write, until the test lets it go on. */
    static class SnapshotHeldWhileWriting extends PersonalDataCipher {

        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch goOn = new CountDownLatch(1);
        volatile boolean armed;

        SnapshotHeldWhileWriting(PersonalDataKeys keys) {
            super(keys);
        }

        @Override
        public String seal(String organisation, String name) {
            if (armed && Thread.currentThread().getName().startsWith("incident-snapshot-")) {
                armed = false;
                writing.countDown();
                try {
                    assertThat(goOn.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.seal(organisation, name);
        }
    }

    private static final Instant T0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    private static final String ALICE = "Alice Example";
    private static final String BOB = "Bob Builder";

    @Autowired
    IncidentGateway incidents;

    @Autowired
    Erasure erasure;

    @Autowired
    ErasureLock erasureLock;

    @Autowired
    SnapshotHeldWhileWriting cipher;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("incidentCache")
    Cache incidentCache;

    @Test
    void anErasureWaitsForTheSnapshotBeingTakenSoTheErasedNameGetsNoNewKey() throws Exception {
        cipher.armed = true;
        IncidentId id = IncidentId.random();
        incidents.declare(new DeclareIncident(id, "Card payments failing", Severity.SEV2, List.of("payments"),
                DetectionSource.ALERT, null, null, ALICE, false, T0, null), "globex");
        incidents.send(new AcknowledgeIncident(id, ALICE, T0.plusSeconds(60), null), "globex");
        incidents.send(new AssignRole(id, Role.LEADER, ALICE, ALICE, T0.plusSeconds(70), null), "globex");
        incidents.send(new PostStatusUpdate(id, EntryId.of("u1"), BOB, "Rolling back", Visibility.INTERNAL, null,
                T0.plusSeconds(80), null), "globex");
        assertThat(cipher.writing.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<ErasureResult> erasing = CompletableFuture.supplyAsync(() -> erasure.erase("globex", ALICE));
        await().until(() -> erasing.isDone() || erasureLock.erasureWaits());
        cipher.goOn.countDown();

        assertThat(erasing.get(30, TimeUnit.SECONDS).subjects()).isEqualTo(1);
        String pseudonym = erasing.get().pseudonyms().get(0);
        await().untilAsserted(() -> assertThat(storedSnapshots(id)).hasSize(1));
        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where organisation = 'globex' "
                + "and name = ?", Integer.class, ALICE)).isZero();

        // Loaded from that snapshot, the incident knows its leader only as the pseudonym.
        incidentCache.removeAll();
        incidents.send(new AssignRole(id, Role.LEADER, BOB, BOB, T0.plusSeconds(90), null), "globex");
        List<Object> events = eventStore.readEvents(id.value(), 0).asStream().map(EventMessage::getPayload)
                .map(Object.class::cast).toList();
        RoleAssigned handover = (RoleAssigned) events.get(events.size() - 1);
        assertThat(handover.person()).isEqualTo(BOB);
        assertThat(handover.previousHolder()).isEqualTo(pseudonym);
    }

    private List<String> storedSnapshots(IncidentId id) {
        return jdbc.queryForList("select payload from snapshot_event_entry where aggregate_identifier = ?",
                byte[].class, id.value()).stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }
}
