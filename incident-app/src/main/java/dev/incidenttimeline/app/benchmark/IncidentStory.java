package dev.incidenttimeline.app.benchmark;

import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.ActionItemAdded;
import dev.incidenttimeline.incident.api.ActionItemId;
import dev.incidenttimeline.incident.api.AddActionItem;
import dev.incidenttimeline.incident.api.AddTimelineNote;
import dev.incidenttimeline.incident.api.AlertLinked;
import dev.incidenttimeline.incident.api.AlertResolved;
import dev.incidenttimeline.incident.api.AssignRole;
import dev.incidenttimeline.incident.api.AssignTask;
import dev.incidenttimeline.incident.api.ChangeSeverity;
import dev.incidenttimeline.incident.api.CloseIncident;
import dev.incidenttimeline.incident.api.CompleteTask;
import dev.incidenttimeline.incident.api.ContributingFactorRecorded;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.ImpactRecorded;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentClosed;
import dev.incidenttimeline.incident.api.IncidentCommand;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentMitigated;
import dev.incidenttimeline.incident.api.IncidentResolved;
import dev.incidenttimeline.incident.api.LessonLearnedRecorded;
import dev.incidenttimeline.incident.api.LinkAlert;
import dev.incidenttimeline.incident.api.MitigateIncident;
import dev.incidenttimeline.incident.api.PostStatusUpdate;
import dev.incidenttimeline.incident.api.PostmortemPublished;
import dev.incidenttimeline.incident.api.PostmortemStarted;
import dev.incidenttimeline.incident.api.PostmortemSummaryWritten;
import dev.incidenttimeline.incident.api.PublishPostmortem;
import dev.incidenttimeline.incident.api.RecordContributingFactor;
import dev.incidenttimeline.incident.api.RecordImpact;
import dev.incidenttimeline.incident.api.RecordLessonLearned;
import dev.incidenttimeline.incident.api.ResolveAlert;
import dev.incidenttimeline.incident.api.ResolveIncident;
import dev.incidenttimeline.incident.api.Role;
import dev.incidenttimeline.incident.api.RoleAssigned;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.SeverityChanged;
import dev.incidenttimeline.incident.api.StartPostmortem;
import dev.incidenttimeline.incident.api.StatusUpdatePosted;
import dev.incidenttimeline.incident.api.TaskAssigned;
import dev.incidenttimeline.incident.api.TaskCompleted;
import dev.incidenttimeline.incident.api.TimelineNoteAdded;
import dev.incidenttimeline.incident.api.TaskId;
import dev.incidenttimeline.incident.api.Visibility;
import dev.incidenttimeline.incident.api.WritePostmortemSummary;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One realistic incident as the benchmark plays it: 10 to 50 steps, each a command and the one event the
 * {@code Incident} aggregate stores for it. The command path sends the commands; the raw-insert baseline and the
 * bulk generator store the events directly, so both sides write the same rows.
 *
 * <p>The mix follows the seed stories: declared from an alert, acknowledged, a leader named, mostly status updates
 * and notes, now and then an impact estimate, a severity change or a task, then mitigated, the alert cleared and
 * resolved; longer incidents get a postmortem (summary, a factor, a lesson, an action item), published and closed.
 *
 * @param incidentId the incident
 * @param steps      the commands in order, each with the event it stores
 */
record IncidentStory(IncidentId incidentId, List<Step> steps) {

    /** Fewest and most commands in one incident. */
    static final int MIN_STEPS = 10;
    static final int MAX_STEPS = 50;

    /** The latest an incident's story can run after its declaration (every gap is at most this / MAX_STEPS). */
    static final Duration LONGEST = Duration.ofMinutes(6L * MAX_STEPS);

    /** A command and the event it stores. */
    record Step(IncidentCommand command, IncidentEvent event) {
    }

    private static final String[] SERVICES = {"checkout", "payments", "search", "login", "charging-api", "orders",
            "notifications", "catalog"};
    private static final String[] PEOPLE = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
    private static final String[] UPDATES = {
            "We are investigating elevated error rates on %s. Some customers may see failed requests.",
            "The cause is narrowed down to the last deploy of %s; we are rolling it back now.",
            "Rollback of %s finished. Error rates are going down; we keep watching the dashboards.",
            "%s is degraded for customers in one region. Next update in 30 minutes.",
            "A fix for %s is being tested on staging; mitigation is in place in the meantime."};
    private static final String[] NOTES = {
            "Checked the %s dashboards: p99 latency went from 200 ms to 4 s at the start of impact.",
            "Paged the database on-call; connection pool of %s is exhausted.",
            "Deploy of %s went out 10 minutes before the first alert, see the pipeline run.",
            "Customer support reports three tickets about %s timing out.",
            "Scaled %s from 6 to 12 instances; no change in error rate yet.",
            "Runbook step 3 for %s done: caches flushed."};

    /**
     * Writes a story.
     *
     * @param random     where the story's choices come from (a fixed seed gives the same stories every run)
     * @param incidentId the incident
     * @param declaredAt when it is declared; every later step comes at most {@link #LONGEST} after it
     * @param steps      how many steps, between {@link #MIN_STEPS} and {@link #MAX_STEPS}
     */
    static IncidentStory write(SplittableRandom random, IncidentId incidentId, Instant declaredAt, int steps) {
        return new Writer(random, incidentId, declaredAt).write(steps);
    }

    /** A story of a random length between {@link #MIN_STEPS} and {@link #MAX_STEPS}. */
    static IncidentStory write(SplittableRandom random, IncidentId incidentId, Instant declaredAt) {
        return write(random, incidentId, declaredAt, random.nextInt(MIN_STEPS, MAX_STEPS + 1));
    }

    List<IncidentCommand> commands() {
        return steps.stream().map(Step::command).toList();
    }

    List<IncidentEvent> events() {
        return steps.stream().map(Step::event).toList();
    }

    /** A note on an incident, for the long-incident section: the command and its event. */
    static Step note(IncidentId id, int number, Instant at) {
        EntryId entry = EntryId.of(id.value() + "-note-" + number);
        String text = "Note " + number + ": " + NOTES[number % NOTES.length].formatted(SERVICES[number % SERVICES.length]);
        return new Step(new AddTimelineNote(id, entry, "scribe", text, List.of(), at, null),
                new TimelineNoteAdded(id, entry, "scribe", text, List.of(), at, null));
    }

    private static final class Writer {

        private final SplittableRandom random;
        private final IncidentId id;
        private final List<Step> steps = new ArrayList<>();
        private final String service;
        private final String lead;
        private Instant at;
        private Severity severity;
        private TaskId openTask;
        private boolean taskDone;

        Writer(SplittableRandom random, IncidentId id, Instant declaredAt) {
            this.random = random;
            this.id = id;
            this.at = declaredAt;
            this.service = pick(SERVICES);
            this.lead = pick(PEOPLE);
        }

        IncidentStory write(int count) {
            if (count < MIN_STEPS || count > MAX_STEPS) {
                throw new IllegalArgumentException("a story has " + MIN_STEPS + " to " + MAX_STEPS + " steps");
            }
            boolean postmortem = count >= 20;
            int middle = count - 7 - (postmortem ? 7 : 0);
            declare();
            later();
            add(new AcknowledgeIncident(id, lead, at, null), new IncidentAcknowledged(id, lead, at, null));
            later();
            add(new AssignRole(id, Role.LEADER, lead, lead, at, null),
                    new RoleAssigned(id, Role.LEADER, lead, null, lead, at, null));
            later();
            String fingerprint = id.value().substring(0, 8);
            String alert = service + " error rate above 5%";
            Map<String, String> labels = Map.of("service", service, "severity", "page");
            add(new LinkAlert(id, "alertmanager", fingerprint, alert, "5xx ratio 0.12", labels, at, null),
                    new AlertLinked(id, "alertmanager", fingerprint, alert, "5xx ratio 0.12", labels, at, null));
            for (int i = 0; i < middle; i++) {
                later();
                middleStep(i, middle - i);
            }
            later();
            String mitigation = "Rolled back " + service + " to the previous release.";
            add(new MitigateIncident(id, lead, mitigation, at, null), new IncidentMitigated(id, lead, mitigation, at, null));
            later();
            add(new ResolveAlert(id, "alertmanager", fingerprint, at, null),
                    new AlertResolved(id, "alertmanager", fingerprint, at, null));
            later();
            String resolution = "Fixed forward; " + service + " is healthy again.";
            add(new ResolveIncident(id, lead, resolution, at, null), new IncidentResolved(id, lead, resolution, at, null));
            if (postmortem) {
                postmortem();
            }
            return new IncidentStory(id, List.copyOf(steps));
        }

        private void declare() {
            Instant detected = at.minusSeconds(120);
            Instant impact = at.minusSeconds(300);
            Severity declaredAs = Severity.values()[random.nextInt(1, 4)];
            severity = declaredAs;
            String title = service + " " + pick(new String[] {"is down", "returns errors", "is slow", "times out"});
            List<String> services = List.of(service);
            add(new DeclareIncident(id, title, declaredAs, services, DetectionSource.ALERT, detected, impact, lead, false,
                            at, null),
                    new IncidentDeclared(id, title, declaredAs, services, DetectionSource.ALERT, detected, impact, lead,
                            false, at, null));
        }

        private void middleStep(int number, int left) {
            int kind = random.nextInt(100);
            String author = pick(PEOPLE);
            if (kind < 5 && left >= 2) {
                Severity changed = severity == Severity.SEV2 ? Severity.SEV1 : Severity.SEV2;
                String reason = "Impact on " + service + " is " + (changed == Severity.SEV1 ? "wider" : "smaller")
                        + " than first thought.";
                add(new ChangeSeverity(id, changed, reason, lead, at, null),
                        new SeverityChanged(id, severity, changed, reason, lead, at, null));
                severity = changed;
            } else if (kind < 15) {
                List<String> services = List.of(service);
                int customers = random.nextInt(1, 500);
                long users = random.nextLong(100, 100_000);
                add(new RecordImpact(id, services, customers, users, List.of("acme"), author, at, null),
                        new ImpactRecorded(id, services, customers, users, List.of("acme"), author, at, null));
            } else if (kind < 22 && openTask == null) {
                openTask = TaskId.of(id.value() + "-task-" + number);
                String title = "Check the connection pool settings of " + service;
                add(new AssignTask(id, openTask, title, author, lead, at, null),
                        new TaskAssigned(id, openTask, title, author, lead, at, null));
            } else if (kind < 28 && openTask != null && !taskDone) {
                add(new CompleteTask(id, openTask, author, at, null), new TaskCompleted(id, openTask, author, at, null));
                taskDone = true; // one task per story is enough for the mix
            } else if (kind < 60) {
                EntryId entry = EntryId.of(id.value() + "-u-" + number);
                String text = pick(UPDATES).formatted(service);
                Visibility visibility = random.nextBoolean() ? Visibility.PUBLIC : Visibility.INTERNAL;
                add(new PostStatusUpdate(id, entry, lead, text, visibility, List.of(), at, null),
                        new StatusUpdatePosted(id, entry, lead, text, visibility, List.of(), at, null));
            } else {
                EntryId entry = EntryId.of(id.value() + "-n-" + number);
                String text = pick(NOTES).formatted(service);
                List<String> links = random.nextInt(4) == 0 ? List.of("https://grafana.example.com/d/" + service)
                        : List.of();
                add(new AddTimelineNote(id, entry, author, text, links, at, null),
                        new TimelineNoteAdded(id, entry, author, text, links, at, null));
            }
        }

        private void postmortem() {
            later();
            add(new StartPostmortem(id, lead, at, null), new PostmortemStarted(id, lead, at, null));
            later();
            String summary = "A configuration change to " + service + " exhausted its database connections; "
                    + "customers saw errors for the length of the impact.";
            add(new WritePostmortemSummary(id, summary, lead, at, null),
                    new PostmortemSummaryWritten(id, summary, lead, at, null));
            later();
            String factor = "The pool size was not part of the load test of " + service + ".";
            add(new RecordContributingFactor(id, factor, lead, at, null),
                    new ContributingFactorRecorded(id, factor, lead, at, null));
            later();
            String lesson = "Alert on pool saturation, not only on the error rate.";
            add(new RecordLessonLearned(id, lesson, lead, at, null), new LessonLearnedRecorded(id, lesson, lead, at, null));
            later();
            ActionItemId item = ActionItemId.of(id.value() + "-ai-1");
            String title = "Add a pool saturation alert to " + service;
            var due = at.atZone(ZoneOffset.UTC).toLocalDate().plusDays(14);
            add(new AddActionItem(id, item, title, lead, due, lead, at, null),
                    new ActionItemAdded(id, item, title, lead, due, lead, at, null));
            later();
            add(new PublishPostmortem(id, lead, at, null), new PostmortemPublished(id, lead, at, null));
            later();
            add(new CloseIncident(id, lead, at, null), new IncidentClosed(id, lead, at, null));
        }

        private void later() {
            at = at.plusSeconds(random.nextInt(30, (int) (LONGEST.toSeconds() / MAX_STEPS) + 1));
        }

        private void add(IncidentCommand command, IncidentEvent event) {
            steps.add(new Step(command, event));
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
