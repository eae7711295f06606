package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.LessonLearnedRecorded;
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
import static org.assertj.core.api.Assertions.tuple;

/**
 * Before {@code V2_8} postmortem facts were keyed by event identifier; after it, by their incident and sequence
 * number. A database of the earlier version keeps its facts, and a redelivered event still adds nothing.
 */
class PostmortemFactKeyUpgradeIntegrationTest {

    private static final Instant AT = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void keepsTheFactsStoredUnderTheEventIdentifierAndKeysThemByIncidentAndSequence() {
        DataSource database = MigratedDatabase.at("postmortem-key-upgrade", "2.7");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        IncidentId incident = IncidentId.random();
        storeAsBefore(jdbc, "3a9e-lesson", incident.value(), 4, "Roll back first");
        storeAsBefore(jdbc, "61fd-lesson", incident.value(), 9, "Page the database team early");

        MigratedDatabase.upgrade(database);

        PostmortemStore store = new PostmortemStore(jdbc);
        assertThat(store.facts(incident.value())).extracting(FactRow::id, FactRow::text)
                .containsExactly(tuple("3a9e-lesson", "Roll back first"),
                        tuple("61fd-lesson", "Page the database team early"));
        FactRow again = lesson(incident, "61fd-lesson", 9, "Page the database team early");
        FactRow next = lesson(incident, "c702-lesson", 12, "Write the runbook");
        new TransactionTemplate(new DataSourceTransactionManager(database)).executeWithoutResult(status ->
                store.write(List.of(again, next), Map.of()));
        assertThat(store.facts(incident.value())).extracting(FactRow::id)
                .containsExactly("3a9e-lesson", "61fd-lesson", "c702-lesson");

        assertThatThrownBy(() -> storeAsBefore(jdbc, "another-event", incident.value(), 4, "Same place, other event"))
                .isInstanceOf(DuplicateKeyException.class);
    }

    private static FactRow lesson(IncidentId incident, String eventId, long sequence, String lesson) {
        return PostmortemFacts.translate(new LessonLearnedRecorded(incident, lesson, "anna", AT, null), eventId,
                sequence, AT.plusSeconds(2));
    }

    private static void storeAsBefore(JdbcTemplate jdbc, String id, String incident, long sequence, String lesson) {
        Timestamp at = Timestamp.from(AT);
        jdbc.update("insert into postmortem_fact (id, incident_id, sequence_number, kind, occurred_at, recorded_at, "
                + "actor, text) values (?, ?, ?, 'LESSON_RECORDED', ?, ?, 'anna', ?)", id, incident, sequence, at, at,
                lesson);
    }
}
