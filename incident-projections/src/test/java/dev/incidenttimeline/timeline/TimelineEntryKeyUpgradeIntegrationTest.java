package dev.incidenttimeline.timeline;

import dev.incidenttimeline.incident.api.Visibility;
import dev.incidenttimeline.projections.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Before {@code V2_7} the timeline's entries were keyed by event identifier; after it, by their place in the incident.
 * A database of the earlier version keeps its entries, in their order, and a redelivered event still adds nothing.
 */
class TimelineEntryKeyUpgradeIntegrationTest {

    private static final Instant DECLARED = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void keepsTheEntriesStoredUnderTheEventIdentifierAndKeysThemByTheirPlaceInTheIncident() {
        DataSource database = MigratedDatabase.at("timeline-key-upgrade", "2.6");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        // As the version before stored them: the event identifier as the key, parts of one event side by side.
        storeAsBefore(jdbc, "9b1c-declared", "inc-upgraded", 0, 0, "Declared: checkout is down");
        storeAsBefore(jdbc, "9b1c-declared/1", "inc-upgraded", 0, 1, "Detected by monitoring");
        storeAsBefore(jdbc, "07aa-note", "inc-upgraded", 1, 0, "Rolled back the deploy");
        storeAsBefore(jdbc, "5e3f-declared", "inc-other", 0, 0, "Declared: search is slow");

        MigratedDatabase.upgrade(database);

        TimelineStore store = new TimelineStore(jdbc);
        assertThat(store.entries("inc-upgraded")).extracting(EntryRow::id)
                .containsExactly("9b1c-declared", "9b1c-declared/1", "07aa-note");
        // The note delivered again, with the next event: only the next event is new.
        EntryRow mitigated = new EntryRow("c4d2-mitigated", "inc-upgraded", 2, 0, "entry-mitigated",
                EntryKind.MITIGATED, DECLARED.plusSeconds(600), DECLARED.plusSeconds(601), "anna", "Mitigated",
                Visibility.PUBLIC, List.of(), null, null, null);
        EntryRow noteAgain = new EntryRow("07aa-note", "inc-upgraded", 1, 0, "entry-07aa-note", EntryKind.NOTE,
                DECLARED.plusSeconds(60), DECLARED.plusSeconds(61), "anna", "Rolled back the deploy",
                Visibility.INTERNAL, List.of(), null, null, null);
        new TransactionTemplate(new DataSourceTransactionManager(database)).executeWithoutResult(status ->
                store.write(List.of(noteAgain, mitigated), List.of(), Map.of()));
        assertThat(store.entries("inc-upgraded")).extracting(EntryRow::id)
                .containsExactly("9b1c-declared", "9b1c-declared/1", "07aa-note", "c4d2-mitigated");

        assertThatThrownBy(() -> storeAsBefore(jdbc, "another-event", "inc-other", 0, 0, "Same place, other event"))
                .isInstanceOf(DuplicateKeyException.class);
    }

    private static void storeAsBefore(JdbcTemplate jdbc, String id, String incident, long sequence, int part,
                                      String text) {
        Timestamp at = Timestamp.from(DECLARED.plusSeconds(60 * sequence));
        jdbc.update("insert into timeline_entry (id, incident_id, sequence_number, part, entry_id, kind, occurred_at, "
                        + "recorded_at, actor, text, visibility) values (?, ?, ?, ?, ?, 'NOTE', ?, ?, 'anna', ?, "
                        + "'INTERNAL')", id, incident, sequence, part, "entry-" + id, at, at, text);
    }
}
