package dev.incidenttimeline.timeline;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Visibility;
import dev.incidenttimeline.projections.TestHost;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest(classes = TestHost.class,
        properties = "spring.datasource.url=jdbc:h2:mem:timeline-store;DB_CLOSE_DELAY=-1")
class TimelineStoreIntegrationTest {

    @Autowired
    TimelineStore store;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void storesRowsDeliveredAgainOnceInsideTheBatchTransaction() {
        String incident = IncidentId.random().value();
        Instant at = Instant.parse("2025-03-04T10:15:00Z");
        EntryRow first = note("event-1", incident, 1, at, "Rolled back the deploy");
        EntryRow second = note("event-2", incident, 2, at.plusSeconds(60), "Errors are down");
        TransactionTemplate batch = new TransactionTemplate(transactionManager);

        batch.executeWithoutResult(status -> store.write(List.of(first), List.of(), Map.of(incident, "acme")));
        // The first row again, with a new one: the insert meets the stored row and the store takes its careful path.
        batch.executeWithoutResult(status -> store.write(List.of(first, second), List.of(), Map.of(incident, "acme")));

        assertThat(store.entries(incident)).extracting(EntryRow::id, EntryRow::text)
                .containsExactly(tuple("event-1", "Rolled back the deploy"), tuple("event-2", "Errors are down"));
        assertThat(store.visibleTo(incident, "acme")).isTrue();
    }

    @Test
    void namesTheTaskOfAnEarlierBatchFromItsOwnIncident() {
        String incident = IncidentId.random().value();
        String other = IncidentId.random().value();
        Instant at = Instant.parse("2025-03-04T10:15:00Z");
        TransactionTemplate batch = new TransactionTemplate(transactionManager);
        // Two incidents that happen to use the same task reference, each for a task of its own.
        batch.executeWithoutResult(status -> store.write(List.of(
                assigned("event-1", incident, 1, at, "task-1", "Roll back the deploy"),
                assigned("event-2", other, 1, at, "task-1", "Page the database team")), List.of(), Map.of()));

        batch.executeWithoutResult(status -> store.write(List.of(
                completed("event-3", incident, 2, at.plusSeconds(600), "task-1"),
                completed("event-4", incident, 3, at.plusSeconds(700), "task-2")), List.of(), Map.of()));

        assertThat(store.entries(incident)).extracting(EntryRow::id, EntryRow::text).containsExactly(
                tuple("event-1", "assigned"),
                tuple("event-3", "Task \"Roll back the deploy\" done"),
                // No entry introduced this task: the text names its reference.
                tuple("event-4", "Task \"task-2\" done"));
    }

    private static EntryRow assigned(String eventId, String incident, long sequence, Instant at, String task,
                                     String title) {
        return new EntryRow(eventId, incident, sequence, 0, null, EntryKind.TASK_ASSIGNED, at, at.plusSeconds(1),
                "anna", "assigned", Visibility.INTERNAL, List.of(), task, title, null);
    }

    private static EntryRow completed(String eventId, String incident, long sequence, Instant at, String task) {
        return new EntryRow(eventId, incident, sequence, 0, null, EntryKind.TASK_COMPLETED, at, at.plusSeconds(1),
                "anna", null, Visibility.INTERNAL, List.of(), task, null, title -> "Task \"" + title + "\" done");
    }

    private static EntryRow note(String eventId, String incident, long sequence, Instant at, String text) {
        return new EntryRow(eventId, incident, sequence, 0, "entry-" + eventId, EntryKind.NOTE, at, at.plusSeconds(1),
                "anna", text, Visibility.INTERNAL, List.of(), null, null, null);
    }
}
