package dev.incidenttimeline.timeline;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.*;
import dev.incidenttimeline.projections.IncidentQueries;
import dev.incidenttimeline.projections.TestHost;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = TestHost.class,
        properties = "spring.datasource.url=jdbc:h2:mem:timeline-test;DB_CLOSE_DELAY=-1")
class TimelineIntegrationTest {

    private static final Instant T0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    IncidentGateway incidents;

    @Autowired
    IncidentQueries queries;

    @Test
    void showsTheTimelineAsNowKnownAndAsKnownAtAnEarlierTime() {
        IncidentId id = incidents.declare(new DeclareIncident(null, "Checkout errors", Severity.SEV2,
                List.of("checkout"), DetectionSource.ALERT, T0.minusSeconds(300), T0.minusSeconds(600), "alice",
                false, T0, null));
        incidents.send(new AcknowledgeIncident(id, "bob", T0.plusSeconds(120), null));
        EntryId update = EntryId.random();
        EntryId sameTimeNote = EntryId.random();
        EntryId secretNote = EntryId.random();
        incidents.send(new PostStatusUpdate(id, update, "bob", "Investigating elevated errors", Visibility.PUBLIC,
                List.of("https://status.example.com/1"), T0.plusSeconds(300), null));
        incidents.send(new AddTimelineNote(id, sameTimeNote, "carol", "Error rate 12% on checkout", List.of(),
                T0.plusSeconds(300), null));
        incidents.send(new AddTimelineNote(id, secretNote, "carol", "Customer card number 4111 in the logs",
                List.of(), T0.plusSeconds(420), null));
        // Recorded times are kept in milliseconds: a boundary on one, and the next event a millisecond later.
        Instant knownAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        await().until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(knownAt));

        EntryId backdated = EntryId.random();
        incidents.send(new AddTimelineNote(id, backdated, "dave", "Deploy 512 went out", List.of(),
                T0.minusSeconds(1200), null));
        incidents.send(new AmendEntry(id, update, "Investigating errors in payment authorisation",
                T0.plusSeconds(360), "bob", "more precise", null, null));
        incidents.send(new PinEntry(id, sameTimeNote, "alice", null, null));
        incidents.send(new RedactEntry(id, secretNote, "alice", "personal data", null, null));

        await().atMost(Duration.ofSeconds(20)).until(() -> queries.timeline(FindTimeline.of(id)).entries().stream()
                .anyMatch(TimelineEntryView::redacted));
        TimelineView now = queries.timeline(FindTimeline.of(id));
        TimelineView then = queries.timeline(FindTimeline.of(id).asKnownAt(knownAt));

        assertThat(now.entries()).extracting(TimelineEntryView::kind).containsExactly(EntryKind.NOTE,
                EntryKind.IMPACT_STARTED, EntryKind.DETECTED, EntryKind.DECLARED, EntryKind.ACKNOWLEDGED,
                EntryKind.NOTE, EntryKind.STATUS_UPDATE, EntryKind.NOTE);
        assertThat(now.entries()).extracting(TimelineEntryView::text).containsExactly("Deploy 512 went out",
                "Impact started", "Detected by an alert",
                "Declared SEV2 incident \"Checkout errors\" on checkout, detected by an alert",
                "Acknowledged by bob", "Error rate 12% on checkout",
                "Investigating errors in payment authorisation", null);
        TimelineEntryView amended = entry(now, update);
        assertThat(amended.amended()).isTrue();
        assertThat(amended.occurredAt()).isEqualTo(T0.plusSeconds(360));
        assertThat(amended.revisions()).singleElement().satisfies(revision -> {
            assertThat(revision.text()).isEqualTo("Investigating elevated errors");
            assertThat(revision.occurredAt()).isEqualTo(T0.plusSeconds(300));
            assertThat(revision.amendedBy()).isEqualTo("bob");
            assertThat(revision.reason()).isEqualTo("more precise");
        });
        assertThat(entry(now, sameTimeNote).pinned()).isTrue();
        TimelineEntryView redacted = entry(now, secretNote);
        assertThat(redacted.redacted()).isTrue();
        assertThat(redacted.occurredAt()).isEqualTo(T0.plusSeconds(420));
        assertThat(redacted.links()).isEmpty();

        assertThat(then.knownAt()).isEqualTo(knownAt);
        assertThat(then.entries()).extracting(TimelineEntryView::kind).containsExactly(EntryKind.IMPACT_STARTED,
                EntryKind.DETECTED, EntryKind.DECLARED, EntryKind.ACKNOWLEDGED, EntryKind.STATUS_UPDATE,
                EntryKind.NOTE, EntryKind.NOTE);
        TimelineEntryView original = entry(then, update);
        assertThat(original.text()).isEqualTo("Investigating elevated errors");
        assertThat(original.occurredAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(original.amended()).isFalse();
        assertThat(entry(then, sameTimeNote).pinned()).isFalse();
        assertThat(entry(then, secretNote).text()).isNull();
        assertThat(entry(then, secretNote).redacted()).isTrue();
    }

    @Test
    void breaksTiesInOccurredAtByStorageOrder() {
        IncidentId id = declare("Queue backlog");
        EntryId first = EntryId.random();
        EntryId second = EntryId.random();
        EntryId third = EntryId.random();
        Instant sameTime = T0.plusSeconds(60);
        incidents.send(new AddTimelineNote(id, first, "erin", "one", List.of(), sameTime, null));
        incidents.send(new PostStatusUpdate(id, second, "erin", "two", Visibility.INTERNAL, List.of(), sameTime,
                null));
        incidents.send(new AddTimelineNote(id, third, "erin", "three", List.of(), sameTime, null));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> queries.timeline(FindTimeline.of(id)).entries().size() == 4);

        TimelineView timeline = queries.timeline(FindTimeline.of(id));
        assertThat(timeline.entries()).extracting(TimelineEntryView::text).containsExactly(
                "Declared SEV3 incident \"Queue backlog\" on jobs, detected by monitoring", "one", "two", "three");
        assertThat(timeline.entries()).extracting(TimelineEntryView::sequence).isSorted();
    }

    @Test
    void filtersByKindVisibilityAndPin() {
        IncidentId id = declare("Search is slow");
        EntryId publicUpdate = EntryId.random();
        EntryId internalUpdate = EntryId.random();
        EntryId note = EntryId.random();
        incidents.send(new PostStatusUpdate(id, publicUpdate, "frank", "We are looking into slow searches",
                Visibility.PUBLIC, List.of(), T0.plusSeconds(60), null));
        incidents.send(new PostStatusUpdate(id, internalUpdate, "frank", "Index node 3 is swapping",
                Visibility.INTERNAL, List.of(), T0.plusSeconds(120), null));
        incidents.send(new AddTimelineNote(id, note, "grace", "Restarted node 3", List.of(), T0.plusSeconds(180),
                null));
        incidents.send(new PinEntry(id, note, "frank", null, null));
        incidents.send(new AssignTask(id, TaskId.of("t-1"), "Rebuild the index", "grace", "frank",
                T0.plusSeconds(200), null));
        incidents.send(new CompleteTask(id, TaskId.of("t-1"), "grace", T0.plusSeconds(900), null));

        await().atMost(Duration.ofSeconds(20)).until(() -> queries.timeline(FindTimeline.of(id)).entries().stream()
                .anyMatch(entry -> entry.kind() == EntryKind.TASK_COMPLETED));

        assertThat(queries.timeline(FindTimeline.of(id).withVisibility(Visibility.PUBLIC)).entries())
                .extracting(TimelineEntryView::text).containsExactly("We are looking into slow searches");
        assertThat(queries.timeline(FindTimeline.of(id).withKinds(Set.of(EntryKind.NOTE, EntryKind.STATUS_UPDATE)))
                .entries()).extracting(TimelineEntryView::entryId).containsExactly(publicUpdate, internalUpdate, note);
        assertThat(queries.timeline(FindTimeline.of(id).onlyPinned()).entries())
                .extracting(TimelineEntryView::entryId).containsExactly(note);
        assertThat(queries.timeline(FindTimeline.of(id).withKinds(Set.of(EntryKind.TASK_ASSIGNED,
                EntryKind.TASK_COMPLETED))).entries()).extracting(TimelineEntryView::text)
                .containsExactly("Task \"Rebuild the index\" assigned to grace", "Task \"Rebuild the index\" done");
    }

    @Test
    void sendsNewEntriesToLiveSubscribers() {
        IncidentId id = declare("Login fails");
        await().atMost(Duration.ofSeconds(20)).until(() -> !queries.timeline(FindTimeline.of(id)).entries().isEmpty());
        List<TimelineView> updates = new CopyOnWriteArrayList<>();

        try (IncidentQueries.LiveTimeline live = queries.watchTimeline(FindTimeline.of(id))) {
            live.updates().subscribe(updates::add);
            assertThat(live.current().entries()).extracting(TimelineEntryView::kind)
                    .containsExactly(EntryKind.DECLARED);
            incidents.send(new AddTimelineNote(id, EntryId.random(), "heidi", "SSO provider reports an outage",
                    List.of(), T0.plusSeconds(30), null));

            await().atMost(Duration.ofSeconds(20)).until(() -> updates.stream().anyMatch(view -> view.entries()
                    .stream().anyMatch(entry -> "SSO provider reports an outage".equals(entry.text()))));
        }
    }

    @Test
    void answersAnUnknownIncidentWithAnEmptyTimeline() {
        assertThat(queries.timeline(FindTimeline.of(IncidentId.of("no-such-incident"))).entries()).isEmpty();
    }

    private IncidentId declare(String title) {
        return incidents.declare(new DeclareIncident(null, title, Severity.SEV3,
                List.of(title.startsWith("Queue") ? "jobs" : "web"), DetectionSource.MONITORING, null, null, "ivan",
                false, T0, null));
    }

    private static TimelineEntryView entry(TimelineView view, EntryId entryId) {
        return view.entries().stream().filter(entry -> entryId.equals(entry.entryId())).findFirst().orElseThrow();
    }
}
