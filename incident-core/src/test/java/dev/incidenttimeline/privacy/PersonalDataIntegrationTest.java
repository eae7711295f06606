package dev.incidenttimeline.privacy;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.Incident;
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
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Person names are stored encrypted (events and snapshots never hold them in clear), read back as they were, and
 * read as a stable pseudonym once the person is erased; the incident keeps working.
 */
@SpringBootTest(classes = PersonalDataIntegrationTest.Host.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:personal-data;DB_CLOSE_DELAY=-1",
        "incident.core.snapshot-threshold=4",
        // No response deadlines: a missed one would append an event to the incidents these tests read back.
        "incident.core.policies.enabled=false"})
class PersonalDataIntegrationTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {
    }

    private static final Instant T0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    private static final String ALICE = "Alice Example";
    private static final String BOB = "Bob Builder";

    @Autowired
    IncidentGateway incidents;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Erasure erasure;

    @Autowired
    @Qualifier("incidentCache")
    Cache incidentCache;

    @Test
    void storesNamesEncryptedAndReadsThemBack() {
        IncidentId id = longIncident("acme");

        assertThat(storedText("select payload from domain_event_entry where aggregate_identifier = ?", id))
                .isNotEmpty().noneMatch(payload -> payload.contains(ALICE) || payload.contains(BOB))
                .anyMatch(payload -> payload.contains("\"declaredBy\":\"pd1:"));
        await().untilAsserted(() -> assertThat(storedText(
                "select payload from snapshot_event_entry where aggregate_identifier = ?", id)).isNotEmpty());
        assertThat(storedText("select payload from snapshot_event_entry where aggregate_identifier = ?", id))
                .noneMatch(payload -> payload.contains(ALICE) || payload.contains(BOB))
                .allMatch(payload -> payload.contains("pd1:"));

        IncidentDeclared declared = (IncidentDeclared) events(id).get(0);
        assertThat(declared.declaredBy()).isEqualTo(ALICE);
        RoleAssigned handover = (RoleAssigned) events(id).get(4);
        assertThat(handover.person()).isEqualTo(BOB);
        assertThat(handover.previousHolder()).isEqualTo(ALICE);
        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where organisation = 'acme'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void readsAnErasedPersonAsAStablePseudonymAndKeepsTheIncidentWorking() {
        IncidentId id = longIncident("globex");
        IncidentId elsewhere = longIncident("initech");

        ErasureResult result = erasure.erase("globex", ALICE);

        assertThat(result.subjects()).isEqualTo(1);
        String pseudonym = result.pseudonyms().get(0);
        assertThat(pseudonym).startsWith("erased person ").doesNotContain(ALICE);
        List<Object> events = events(id);
        assertThat(((IncidentDeclared) events.get(0)).declaredBy()).isEqualTo(pseudonym);
        assertThat(((IncidentAcknowledged) events.get(1)).by()).isEqualTo(pseudonym);
        assertThat(((RoleAssigned) events.get(4)).previousHolder()).isEqualTo(pseudonym);
        assertThat(((RoleAssigned) events.get(4)).person()).isEqualTo(BOB);
        assertThat(((IncidentDeclared) events(elsewhere).get(0)).declaredBy()).isEqualTo(ALICE);
        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where organisation = 'globex' "
                + "and name = ?", Integer.class, ALICE)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from personal_data_erasure", Integer.class)).isPositive();

        // From its snapshot, not its cached instance: the incident still takes commands, also ones naming its people.
        incidentCache.removeAll();
        incidents.send(new AssignRole(id, Role.LEADER, ALICE, BOB, T0.plusSeconds(600), null), "globex");
        incidents.send(new MitigateIncident(id, BOB, "Rolled back", T0.plusSeconds(700), null), "globex");
        List<Object> after = events(id);
        RoleAssigned backAgain = (RoleAssigned) after.get(after.size() - 2);
        assertThat(backAgain.person()).isEqualTo(ALICE);
        assertThat(backAgain.previousHolder()).isEqualTo(BOB);
        assertThat(after.get(after.size() - 1)).isInstanceOf(IncidentMitigated.class);
    }

    @Test
    void readsNamesStoredBeforeEncryptionAsTheyAre() {
        IncidentId id = longIncident(null);
        // As stored before names were encrypted: the same JSON with the name in clear.
        String stored = storedText("select payload from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = 0", id).get(0);
        String plain = stored.replaceFirst("\"declaredBy\":\"pd1:[^\"]+\"", "\"declaredBy\":\"Carol Plain\"");
        assertThat(plain).isNotEqualTo(stored);
        jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 0",
                plain.getBytes(StandardCharsets.UTF_8), id.value());

        assertThat(((IncidentDeclared) events(id).get(0)).declaredBy()).isEqualTo("Carol Plain");
    }

    private IncidentId longIncident(String organisation) {
        IncidentId id = IncidentId.random();
        incidents.declare(new DeclareIncident(id, "Card payments failing", Severity.SEV2, List.of("payments"),
                DetectionSource.ALERT, null, null, ALICE, false, T0, null), organisation);
        incidents.send(new AcknowledgeIncident(id, ALICE, T0.plusSeconds(60), null), organisation);
        incidents.send(new AssignRole(id, Role.LEADER, ALICE, ALICE, T0.plusSeconds(70), null), organisation);
        incidents.send(new PostStatusUpdate(id, EntryId.of("u1"), ALICE, "Rolling back", Visibility.INTERNAL, null,
                T0.plusSeconds(80), null), organisation);
        incidents.send(new AssignRole(id, Role.LEADER, BOB, ALICE, T0.plusSeconds(90), null), organisation);
        incidents.send(new AcknowledgeIncident(id, BOB, T0.plusSeconds(95), null), organisation);
        return id;
    }

    private List<Object> events(IncidentId id) {
        return eventStore.readEvents(id.value(), 0).asStream()
                .filter(message -> !(message.getPayload() instanceof Incident))
                .map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    private List<String> storedText(String sql, IncidentId id) {
        return jdbc.queryForList(sql, byte[].class, id.value()).stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }
}
