package dev.incidenttimeline.incident;

import dev.incidenttimeline.incident.api.*;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.incidenttimeline.incident.api.ErrorCode.ENTRY_REDACTED;
import static dev.incidenttimeline.incident.api.ErrorCode.INCIDENT_ALREADY_DECLARED;
import static dev.incidenttimeline.incident.api.ErrorCode.INCIDENT_CLOSED;
import static dev.incidenttimeline.incident.api.ErrorCode.INVALID_INPUT;
import static dev.incidenttimeline.incident.api.ErrorCode.INVALID_TRANSITION;
import static dev.incidenttimeline.incident.api.ErrorCode.POSTMORTEM_STATE;
import static dev.incidenttimeline.incident.api.ErrorCode.TIME_IN_FUTURE;
import static dev.incidenttimeline.incident.api.ErrorCode.TIME_OUT_OF_ORDER;
import static dev.incidenttimeline.incident.api.ErrorCode.UNKNOWN_REFERENCE;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The rules of an {@link Incident}, told as the story of one outage: card payments failing at checkout after a
 * deploy. The clock stands three hours after the declaration.
 */
class IncidentTest {

    private static final IncidentId ID = IncidentId.of("inc-checkout-payments");
    /** Impact started (a deploy went out), then the alert fired, then the incident was declared. */
    private static final Instant IMPACT = Instant.parse("2026-11-20T20:52:00Z");
    private static final Instant DETECTED = Instant.parse("2026-11-20T20:57:00Z");
    private static final Instant T0 = Instant.parse("2026-11-20T21:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofHours(3));
    /** A time after every event of every history below, for commands whose exact time does not matter. */
    private static final Instant LATER = NOW.minusSeconds(60);
    private static final String SLACK = "slack:C024BE91L:1763672400.000100";

    private static final EntryId UPDATE = EntryId.of("update-1");
    private static final EntryId NOTE = EntryId.of("note-1");
    private static final TaskId ROLLBACK = TaskId.of("task-rollback");
    private static final ActionItemId CANARY = ActionItemId.of("ai-canary");

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    // ---- the story's facts -----------------------------------------------------------------------------------

    private static Instant at(int minutesAfterDeclaration) {
        return T0.plus(Duration.ofMinutes(minutesAfterDeclaration));
    }

    private static IncidentDeclared declared() {
        return new IncidentDeclared(ID, "Card payments failing at checkout", Severity.SEV2,
                List.of("checkout", "payments"), DetectionSource.ALERT, DETECTED, IMPACT, "alice", false, T0,
                "alertmanager:4f2a");
    }

    private static IncidentAcknowledged acknowledged() {
        return new IncidentAcknowledged(ID, "bob", at(2), null);
    }

    private static RoleAssigned leaderAssigned() {
        return new RoleAssigned(ID, Role.LEADER, "bob", null, "alice", at(3), null);
    }

    private static TaskAssigned rollbackAssigned() {
        return new TaskAssigned(ID, ROLLBACK, "Roll payments back to 4.11", "dave", "bob", at(5), null);
    }

    private static CustomerReportLinked customerReported() {
        return new CustomerReportLinked(ID, "ZD-1042", "Bistro Nord", "+49 30 1234567", at(38), "erin", at(8), null);
    }

    private static StatusUpdatePosted statusUpdatePosted() {
        return new StatusUpdatePosted(ID, UPDATE, "bob", "About 30% of card payments fail; rolling back 4.12",
                Visibility.INTERNAL, List.of(), at(10), null);
    }

    private static TimelineNoteAdded noteAdded() {
        return new TimelineNoteAdded(ID, NOTE, "carol", "Payments 4.12 deployed", List.of(), T0.minusSeconds(600),
                null);
    }

    private static AlertLinked alertLinked() {
        return new AlertLinked(ID, "alertmanager", "4f2a", "PaymentErrorRate", "Error rate above 5%",
                Map.of("service", "payments"), DETECTED, null);
    }

    private static IncidentMitigated mitigated() {
        return new IncidentMitigated(ID, "bob", "Payments rolled back to 4.11", at(25), null);
    }

    private static IncidentResolved resolved() {
        return new IncidentResolved(ID, "bob", "Error rate at baseline for 30 minutes", at(60), null);
    }

    private static PostmortemStarted postmortemStarted() {
        return new PostmortemStarted(ID, "alice", at(120), null);
    }

    private static ActionItemAdded canaryAdded() {
        return new ActionItemAdded(ID, CANARY, "Canary deploys for payments", "dave", LocalDate.of(2026, 12, 15),
                "alice", at(130), null);
    }

    private static PostmortemPublished postmortemPublished() {
        return new PostmortemPublished(ID, "alice", at(150), null);
    }

    private static IncidentClosed closed() {
        return new IncidentClosed(ID, "alice", at(160), null);
    }

    private static List<Object> history(Object... events) {
        return List.of(events);
    }

    private static List<Object> resolvedIncident(Object... more) {
        return concat(List.of(declared(), acknowledged(), mitigated(), resolved()), more);
    }

    private static List<Object> draftPostmortem(Object... more) {
        return concat(resolvedIncident(postmortemStarted()), more);
    }

    private static List<Object> closedIncident() {
        return List.of(declared(), acknowledged(), leaderAssigned(), rollbackAssigned(), customerReported(),
                statusUpdatePosted(), noteAdded(), alertLinked(), mitigated(), resolved(), postmortemStarted(),
                canaryAdded(), postmortemPublished(), closed());
    }

    private static List<Object> concat(List<Object> first, Object... more) {
        List<Object> all = new ArrayList<>(first);
        Collections.addAll(all, more);
        return all;
    }

    /** An {@link IncidentRejected} with the given code; the message is checked separately where it matters. */
    private static Matcher<IncidentRejected> rejectedWith(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "IncidentRejected with code", "code") {
            @Override
            protected ErrorCode featureValueOf(IncidentRejected actual) {
                return actual.code();
            }
        };
    }

    // ---- every command -----------------------------------------------------------------------------------------

    /** Makes a command, or the event it gives, for a time and a source id. */
    @FunctionalInterface
    interface Fact {
        Object at(Instant occurredAt, String sourceId);
    }

    /** A command in a state in which it succeeds, and the one event it gives there. */
    record Case(String name, List<Object> given, Fact command, Fact event) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> everyCommand() {
        return Stream.of(
                new Case("DeclareIncident", history(),
                        (at, source) -> new DeclareIncident(ID, "Checkout slow", Severity.SEV3, List.of("checkout"),
                                DetectionSource.MANUAL, null, null, "alice", true, at, source),
                        (at, source) -> new IncidentDeclared(ID, "Checkout slow", Severity.SEV3, List.of("checkout"),
                                DetectionSource.MANUAL, at, null, "alice", true, at, source)),
                new Case("AcknowledgeIncident", history(declared()),
                        (at, source) -> new AcknowledgeIncident(ID, "bob", at, source),
                        (at, source) -> new IncidentAcknowledged(ID, "bob", at, source)),
                new Case("AssignRole", history(declared()),
                        (at, source) -> new AssignRole(ID, Role.LEADER, "bob", "alice", at, source),
                        (at, source) -> new RoleAssigned(ID, Role.LEADER, "bob", null, "alice", at, source)),
                new Case("LeaveRole", history(declared(), leaderAssigned()),
                        (at, source) -> new LeaveRole(ID, Role.LEADER, "bob", at, source),
                        (at, source) -> new RoleLeft(ID, Role.LEADER, "bob", at, source)),
                new Case("PostStatusUpdate", history(declared()),
                        (at, source) -> new PostStatusUpdate(ID, EntryId.of("update-2"), "bob", "Fixed; monitoring",
                                Visibility.PUBLIC, List.of("https://status.example.com/i/42"), at, source),
                        (at, source) -> new StatusUpdatePosted(ID, EntryId.of("update-2"), "bob", "Fixed; monitoring",
                                Visibility.PUBLIC, List.of("https://status.example.com/i/42"), at, source)),
                new Case("AddTimelineNote", history(declared()),
                        (at, source) -> new AddTimelineNote(ID, EntryId.of("note-2"), "carol", "Queue drained", null,
                                at, source),
                        (at, source) -> new TimelineNoteAdded(ID, EntryId.of("note-2"), "carol", "Queue drained",
                                List.of(), at, source)),
                new Case("AmendEntry", history(declared(), statusUpdatePosted()),
                        (at, source) -> new AmendEntry(ID, UPDATE, "About 40% of card payments fail", null, "bob",
                                "better numbers", at, source),
                        (at, source) -> new EntryAmended(ID, UPDATE, statusUpdatePosted().text(),
                                "About 40% of card payments fail", at(10), at(10), "bob", "better numbers", at,
                                source)),
                new Case("RedactEntry", history(declared(), noteAdded()),
                        (at, source) -> new RedactEntry(ID, NOTE, "alice", "contained a card number", at, source),
                        (at, source) -> new EntryRedacted(ID, NOTE, "alice", "contained a card number", at, source)),
                new Case("PinEntry", history(declared(), statusUpdatePosted()),
                        (at, source) -> new PinEntry(ID, UPDATE, "bob", at, source),
                        (at, source) -> new EntryPinned(ID, UPDATE, "bob", at, source)),
                new Case("UnpinEntry", history(declared(), statusUpdatePosted(),
                        new EntryPinned(ID, UPDATE, "bob", at(11), null)),
                        (at, source) -> new UnpinEntry(ID, UPDATE, "bob", at, source),
                        (at, source) -> new EntryUnpinned(ID, UPDATE, "bob", at, source)),
                new Case("ChangeSeverity", history(declared()),
                        (at, source) -> new ChangeSeverity(ID, Severity.SEV1, "All card payments fail", "bob", at,
                                source),
                        (at, source) -> new SeverityChanged(ID, Severity.SEV2, Severity.SEV1, "All card payments fail",
                                "bob", at, source)),
                new Case("RecordImpact", history(declared()),
                        (at, source) -> new RecordImpact(ID, List.of("checkout"), 120, 4_000L,
                                List.of("Bistro Nord"), "erin", at, source),
                        (at, source) -> new ImpactRecorded(ID, List.of("checkout"), 120, 4_000L,
                                List.of("Bistro Nord"), "erin", at, source)),
                new Case("RecordMilestoneTime", history(declared()),
                        (at, source) -> new RecordMilestoneTime(ID, Milestone.IMPACT_STARTED, IMPACT.minusSeconds(120),
                                "alice", "found in the payment logs", at, source),
                        (at, source) -> new MilestoneTimeRecorded(ID, Milestone.IMPACT_STARTED, IMPACT,
                                IMPACT.minusSeconds(120), "alice", "found in the payment logs", at, source)),
                new Case("LinkAlert", history(declared()),
                        (at, source) -> new LinkAlert(ID, "alertmanager", "9c1d", "CheckoutLatencyHigh", null,
                                Map.of("team", "payments"), at, source),
                        (at, source) -> new AlertLinked(ID, "alertmanager", "9c1d", "CheckoutLatencyHigh", null,
                                Map.of("team", "payments"), at, source)),
                new Case("ResolveAlert", history(declared(), alertLinked()),
                        (at, source) -> new ResolveAlert(ID, "alertmanager", "4f2a", at, source),
                        (at, source) -> new AlertResolved(ID, "alertmanager", "4f2a", at, source)),
                new Case("LinkCustomerReport", history(declared()),
                        (at, source) -> new LinkCustomerReport(ID, "ZD-1043", "Cafe Sued", null, null, "erin", at,
                                source),
                        (at, source) -> new CustomerReportLinked(ID, "ZD-1043", "Cafe Sued", null, null, "erin", at,
                                source)),
                new Case("RecordCustomerCallback", history(declared(), customerReported()),
                        (at, source) -> new RecordCustomerCallback(ID, "ZD-1042", "erin", "explained, refund", at,
                                source),
                        (at, source) -> new CustomerCalledBack(ID, "ZD-1042", "erin", "explained, refund", at, source)),
                new Case("AssignTask", history(declared()),
                        (at, source) -> new AssignTask(ID, TaskId.of("task-2"), "Check the retry queue", "dave", "bob",
                                at, source),
                        (at, source) -> new TaskAssigned(ID, TaskId.of("task-2"), "Check the retry queue", "dave",
                                "bob", at, source)),
                new Case("CompleteTask", history(declared(), rollbackAssigned()),
                        (at, source) -> new CompleteTask(ID, ROLLBACK, "dave", at, source),
                        (at, source) -> new TaskCompleted(ID, ROLLBACK, "dave", at, source)),
                new Case("MitigateIncident", history(declared()),
                        (at, source) -> new MitigateIncident(ID, "bob", "Rolled back", at, source),
                        (at, source) -> new IncidentMitigated(ID, "bob", "Rolled back", at, source)),
                new Case("ResolveIncident", history(declared()),
                        (at, source) -> new ResolveIncident(ID, "bob", "Fixed", at, source),
                        (at, source) -> new IncidentResolved(ID, "bob", "Fixed", at, source)),
                new Case("ReopenIncident", resolvedIncident(),
                        (at, source) -> new ReopenIncident(ID, "bob", "Errors are back", at, source),
                        (at, source) -> new IncidentReopened(ID, "bob", "Errors are back", at, source)),
                new Case("StartPostmortem", resolvedIncident(),
                        (at, source) -> new StartPostmortem(ID, "alice", at, source),
                        (at, source) -> new PostmortemStarted(ID, "alice", at, source)),
                new Case("WritePostmortemSummary", draftPostmortem(),
                        (at, source) -> new WritePostmortemSummary(ID, "A deploy broke card payments", "alice", at,
                                source),
                        (at, source) -> new PostmortemSummaryWritten(ID, "A deploy broke card payments", "alice", at,
                                source)),
                new Case("RecordContributingFactor", draftPostmortem(),
                        (at, source) -> new RecordContributingFactor(ID, "No canary for payments", "alice", at,
                                source),
                        (at, source) -> new ContributingFactorRecorded(ID, "No canary for payments", "alice", at,
                                source)),
                new Case("RecordLessonLearned", draftPostmortem(),
                        (at, source) -> new RecordLessonLearned(ID, "Roll back first", "alice", at, source),
                        (at, source) -> new LessonLearnedRecorded(ID, "Roll back first", "alice", at, source)),
                new Case("AddActionItem", draftPostmortem(),
                        (at, source) -> new AddActionItem(ID, ActionItemId.of("ai-2"), "Alert on payment errors",
                                "erin", LocalDate.of(2026, 12, 1), "alice", at, source),
                        (at, source) -> new ActionItemAdded(ID, ActionItemId.of("ai-2"), "Alert on payment errors",
                                "erin", LocalDate.of(2026, 12, 1), "alice", at, source)),
                new Case("CompleteActionItem", draftPostmortem(canaryAdded()),
                        (at, source) -> new CompleteActionItem(ID, CANARY, "dave", at, source),
                        (at, source) -> new ActionItemCompleted(ID, CANARY, "dave", at, source)),
                new Case("PublishPostmortem", draftPostmortem(),
                        (at, source) -> new PublishPostmortem(ID, "alice", at, source),
                        (at, source) -> new PostmortemPublished(ID, "alice", at, source)),
                new Case("CloseIncident", resolvedIncident(),
                        (at, source) -> new CloseIncident(ID, "alice", at, source),
                        (at, source) -> new IncidentClosed(ID, "alice", at, source)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void recordsWhatTheCommandSaysAtTheGivenTime(Case c) {
        fixture.given(c.given())
               .when(c.command().at(LATER, SLACK))
               .expectEvents(c.event().at(LATER, SLACK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void takesTheTimeFromTheClockWhenNoneIsGiven(Case c) {
        fixture.given(c.given())
               .when(c.command().at(null, null))
               .expectEvents(c.event().at(NOW, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void acceptsACallerClockThatIsSlightlyAhead(Case c) {
        Instant slightlyAhead = NOW.plus(Incident.ALLOWED_CLOCK_SKEW);

        fixture.given(c.given())
               .when(c.command().at(slightlyAhead, null))
               .expectEvents(c.event().at(slightlyAhead, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void refusesATimeInTheFuture(Case c) {
        fixture.given(c.given())
               .when(c.command().at(NOW.plus(Incident.ALLOWED_CLOCK_SKEW).plusSeconds(1), null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_IN_FUTURE))
               .expectExceptionMessage(containsString("is in the future"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void recordsNothingWhenTheSameSourceDeliversTwice(Case c) {
        fixture.given(c.given())
               .andGivenCommands(c.command().at(LATER, SLACK))
               .when(c.command().at(LATER, SLACK))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    /** Declaring again is refused as a duplicate and redacting is allowed: both have their own tests. */
    static Stream<Case> everyCommandThatChangesAnIncident() {
        return everyCommand().filter(c -> !List.of("DeclareIncident", "RedactEntry").contains(c.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandThatChangesAnIncident")
    void refusesEverythingButRedactionOnAClosedIncident(Case c) {
        fixture.given(closedIncident())
               .when(c.command().at(LATER, null))
               .expectNoEvents()
               .expectException(rejectedWith(INCIDENT_CLOSED))
               .expectExceptionMessage(containsString("it is closed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void refusesACommandWithAnOverlongSourceId(Case c) {
        fixture.given(c.given())
               .when(c.command().at(LATER, "x".repeat(Input.MAX_NAME + 1)))
               .expectNoEvents()
               .expectException(rejectedWith(INVALID_INPUT))
               .expectExceptionMessage(containsString("SourceId is too long"));
    }

    // ---- bad input ---------------------------------------------------------------------------------------------

    /** A command that is refused as bad input, and the field the message must name. */
    record Refusal(String name, List<Object> given, Object command, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> badInput() {
        String tooLongName = "x".repeat(Input.MAX_NAME + 1);
        String tooLongText = "x".repeat(Input.MAX_TEXT + 1);
        List<String> tooMany = Collections.nCopies(Input.MAX_ITEMS + 1, "checkout");
        Map<String, String> tooManyLabels = new HashMap<>();
        for (int i = 0; i <= Input.MAX_ITEMS; i++) {
            tooManyLabels.put("label" + i, "v");
        }
        List<Object> declared = history(declared());
        return Stream.of(
                new Refusal("declaration without a title", history(), declaration(null, Severity.SEV2, "alice"),
                        "Title is required"),
                new Refusal("declaration with a blank title", history(), declaration("  ", Severity.SEV2, "alice"),
                        "Title is required"),
                new Refusal("declaration with an overlong title", history(),
                        declaration(tooLongName, Severity.SEV2, "alice"), "Title is too long"),
                new Refusal("declaration without a severity", history(), declaration("Checkout slow", null, "alice"),
                        "Severity is required"),
                new Refusal("declaration without a declarer", history(),
                        declaration("Checkout slow", Severity.SEV2, ""), "DeclaredBy is required"),
                new Refusal("declaration without a detection source", history(),
                        new DeclareIncident(ID, "Checkout slow", Severity.SEV2, null, null, null, null, "alice",
                                false, null, null), "DetectedBy is required"),
                new Refusal("declaration with a blank service", history(),
                        new DeclareIncident(ID, "Checkout slow", Severity.SEV2, List.of("checkout", " "),
                                DetectionSource.MANUAL, null, null, "alice", false, null, null), "Each of services"),
                new Refusal("declaration with too many services", history(),
                        new DeclareIncident(ID, "Checkout slow", Severity.SEV2, tooMany, DetectionSource.MANUAL, null,
                                null, "alice", false, null, null), "Services has 101 entries"),
                new Refusal("acknowledgement by nobody", declared, new AcknowledgeIncident(ID, " ", null, null),
                        "By is required"),
                new Refusal("role without a name", declared, new AssignRole(ID, Role.of("  "), "bob", null, null,
                        null), "Role is required"),
                new Refusal("role without a person", declared, new AssignRole(ID, Role.LEADER, null, null, null,
                        null), "Person is required"),
                new Refusal("leaving no role", declared, new LeaveRole(ID, null, "bob", null, null),
                        "Role is required"),
                new Refusal("status update without an entry id", declared, new PostStatusUpdate(ID, null, "bob",
                        "Rolling back", Visibility.INTERNAL, null, null, null), "EntryId is required"),
                new Refusal("status update without text", declared, new PostStatusUpdate(ID, UPDATE, "bob", "",
                        Visibility.INTERNAL, null, null, null), "Text is required"),
                new Refusal("status update with overlong text", declared, new PostStatusUpdate(ID, UPDATE, "bob",
                        tooLongText, Visibility.INTERNAL, null, null, null), "Text is too long"),
                new Refusal("status update without visibility", declared, new PostStatusUpdate(ID, UPDATE, "bob",
                        "Rolling back", null, null, null, null), "Visibility is required"),
                new Refusal("status update with a blank link", declared, new PostStatusUpdate(ID, UPDATE, "bob",
                        "Rolling back", Visibility.INTERNAL, List.of(""), null, null), "Each link is required"),
                new Refusal("note without an author", declared, new AddTimelineNote(ID, NOTE, null, "Deployed", null,
                        null, null), "Author is required"),
                new Refusal("amendment to blank text", history(declared(), statusUpdatePosted()),
                        new AmendEntry(ID, UPDATE, " ", null, "bob", null, null, null), "NewText is required"),
                new Refusal("amendment of no entry", declared, new AmendEntry(ID, null, "x", null, "bob", null, null,
                        null), "EntryId is required"),
                new Refusal("severity change without a reason", declared, new ChangeSeverity(ID, Severity.SEV1, null,
                        "bob", null, null), "Reason is required"),
                new Refusal("severity change without a severity", declared, new ChangeSeverity(ID, null, "worse",
                        "bob", null, null), "Severity is required"),
                new Refusal("negative customers affected", declared, new RecordImpact(ID, null, -1, null, null,
                        "erin", null, null), "CustomersAffected cannot be negative"),
                new Refusal("negative users affected", declared, new RecordImpact(ID, null, null, -5L, null, "erin",
                        null, null), "UsersAffected cannot be negative"),
                new Refusal("milestone without a time", declared, new RecordMilestoneTime(ID,
                        Milestone.IMPACT_STARTED, null, "alice", null, null, null), "Time is required"),
                new Refusal("milestone time without a milestone", declared, new RecordMilestoneTime(ID, null, IMPACT,
                        "alice", null, null, null), "Milestone is required"),
                new Refusal("alert without a fingerprint", declared, new LinkAlert(ID, "alertmanager", null,
                        "PaymentErrorRate", null, null, null, null), "Fingerprint is required"),
                new Refusal("alert with too many labels", declared, new LinkAlert(ID, "alertmanager", "4f2a",
                        "PaymentErrorRate", null, tooManyLabels, null, null), "Labels has 101 entries"),
                new Refusal("customer report without a ticket", declared, new LinkCustomerReport(ID, null,
                        "Bistro Nord", null, null, null, null, null), "TicketId is required"),
                new Refusal("task without a title", declared, new AssignTask(ID, ROLLBACK, null, "dave", null, null,
                        null), "Title is required"),
                new Refusal("mitigation without a summary", declared, new MitigateIncident(ID, "bob", null, null,
                        null), "Summary is required"),
                new Refusal("resolution without a summary", declared, new ResolveIncident(ID, "bob", " ", null,
                        null), "Summary is required"),
                new Refusal("reopening without a reason", resolvedIncident(), new ReopenIncident(ID, "bob", null,
                        null, null), "Reason is required"),
                new Refusal("action item without a due date", draftPostmortem(), new AddActionItem(ID, CANARY,
                        "Canary deploys", "dave", null, "alice", null, null), "DueDate is required"),
                new Refusal("action item without an owner", draftPostmortem(), new AddActionItem(ID, CANARY,
                        "Canary deploys", null, LocalDate.of(2026, 12, 1), "alice", null, null), "Owner is required"),
                new Refusal("closing by nobody", resolvedIncident(), new CloseIncident(ID, null, null, null),
                        "By is required"));
    }

    private static DeclareIncident declaration(String title, Severity severity, String declaredBy) {
        return new DeclareIncident(ID, title, severity, List.of("checkout"), DetectionSource.MANUAL, null, null,
                declaredBy, false, null, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void refusesBadInputNamingTheField(Refusal refusal) {
        fixture.given(refusal.given())
               .when(refusal.command())
               .expectNoEvents()
               .expectException(rejectedWith(INVALID_INPUT))
               .expectExceptionMessage(containsString(refusal.field()));
    }

    // ---- declaring ---------------------------------------------------------------------------------------------

    @Test
    void declaresIncidentWithItsDetectionAndImpact() {
        fixture.givenNoPriorActivity()
               .when(new DeclareIncident(ID, "Card payments failing at checkout", Severity.SEV2,
                       List.of("checkout", "payments"), DetectionSource.ALERT, DETECTED, IMPACT, "alice", false, T0,
                       "alertmanager:4f2a"))
               .expectEvents(declared());
    }

    @Test
    void ignoresARedeliveredDeclaration() {
        fixture.given(declared())
               .when(new DeclareIncident(ID, "PaymentErrorRate firing", Severity.SEV3, List.of(),
                       DetectionSource.ALERT, null, null, "alertmanager", false, null, "alertmanager:4f2a"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void refusesToDeclareAnIncidentTwice() {
        fixture.given(declared())
               .when(declaration("Card payments failing", Severity.SEV2, "alice"))
               .expectNoEvents()
               .expectException(rejectedWith(INCIDENT_ALREADY_DECLARED))
               .expectExceptionMessage(containsString("has been declared already"));
    }

    @Test
    void refusesADetectionAfterTheDeclaration() {
        fixture.givenNoPriorActivity()
               .when(new DeclareIncident(ID, "Checkout slow", Severity.SEV3, null, DetectionSource.MONITORING,
                       T0.plusSeconds(1), null, "alice", false, T0, null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER))
               .expectExceptionMessage(containsString("the declaration (" + T0 + ") is before the detection"));
    }

    @Test
    void refusesAnImpactThatStartedAfterItsDetection() {
        fixture.givenNoPriorActivity()
               .when(new DeclareIncident(ID, "Checkout slow", Severity.SEV3, null, DetectionSource.MONITORING,
                       DETECTED, DETECTED.plusSeconds(1), "alice", false, T0, null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER))
               .expectExceptionMessage(containsString("is before the start of impact"));
    }

    @Test
    void refusesADetectionOrImpactStartInTheFuture() {
        Instant future = NOW.plus(Duration.ofHours(1));
        fixture.givenNoPriorActivity()
               .when(new DeclareIncident(ID, "Checkout slow", Severity.SEV3, null, DetectionSource.MONITORING,
                       future, null, "alice", false, null, null))
               .expectException(rejectedWith(TIME_IN_FUTURE));
        fixture.givenNoPriorActivity()
               .when(new DeclareIncident(ID, "Checkout slow", Severity.SEV3, null, DetectionSource.MONITORING,
                       null, future, "alice", false, null, null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_IN_FUTURE));
    }

    @Test
    void refusesCommandsForAnIncidentThatWasNeverDeclared() {
        fixture.givenNoPriorActivity()
               .when(new ResolveIncident(ID, "bob", "Fixed", null, null))
               .expectNoEvents()
               .expectException(AggregateNotFoundException.class);
    }

    // ---- responding --------------------------------------------------------------------------------------------

    @Test
    void letsASecondResponderJoin() {
        fixture.given(declared(), acknowledged())
               .when(new AcknowledgeIncident(ID, "carol", at(4), "slack:C024BE91L:1763672640.000200"))
               .expectEvents(new ResponderJoined(ID, "carol", at(4), "slack:C024BE91L:1763672640.000200"));
    }

    @Test
    void ignoresASecondAcknowledgementBySomeoneAlreadyResponding() {
        fixture.given(declared(), acknowledged())
               .when(new AcknowledgeIncident(ID, "bob", at(5), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        fixture.given(declared(), acknowledged())
               .when(new AcknowledgeIncident(ID, "alice", at(5), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void acknowledgesLateAndStaysMitigated() {
        fixture.given(declared(), mitigated())
               .when(new AcknowledgeIncident(ID, "bob", at(30), null))
               .expectEvents(new IncidentAcknowledged(ID, "bob", at(30), null));
        fixture.given(declared(), mitigated(), new IncidentAcknowledged(ID, "bob", at(30), null))
               .when(new MitigateIncident(ID, "bob", "Rolled back again", at(31), null))
               .expectException(rejectedWith(INVALID_TRANSITION))
               .expectExceptionMessage(containsString("mitigated already"));
    }

    @Test
    void refusesAnAcknowledgementBeforeTheDeclaration() {
        fixture.given(declared())
               .when(new AcknowledgeIncident(ID, "bob", T0.minusSeconds(1), null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER))
               .expectExceptionMessage(containsString("the acknowledgement"));
    }

    @Test
    void handsTheLeaderRoleOver() {
        fixture.given(declared(), leaderAssigned())
               .when(new AssignRole(ID, Role.LEADER, "carol", "bob", at(40), null))
               .expectEvents(new RoleAssigned(ID, Role.LEADER, "carol", "bob", "bob", at(40), null));
    }

    @Test
    void ignoresAssigningARoleToItsHolder() {
        fixture.given(declared(), leaderAssigned())
               .when(new AssignRole(ID, Role.of("leader"), "bob", "alice", at(4), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void assignsARoleTheTeamNamed() {
        fixture.given(declared())
               .when(new AssignRole(ID, Role.of(" db_expert "), "frank", null, at(6), null))
               .expectEvents(new RoleAssigned(ID, Role.of("DB_EXPERT"), "frank", null, null, at(6), null));
    }

    @Test
    void assignsAnEmptyRoleWithoutAPreviousHolder() {
        fixture.given(declared(), leaderAssigned(), new RoleLeft(ID, Role.LEADER, "bob", at(20), null))
               .when(new AssignRole(ID, Role.LEADER, "carol", null, at(21), null))
               .expectEvents(new RoleAssigned(ID, Role.LEADER, "carol", null, null, at(21), null));
    }

    @Test
    void refusesLeavingARoleThePersonDoesNotHold() {
        fixture.given(declared(), leaderAssigned())
               .when(new LeaveRole(ID, Role.LEADER, "carol", at(20), null))
               .expectNoEvents()
               .expectException(rejectedWith(UNKNOWN_REFERENCE))
               .expectExceptionMessage(containsString("carol does not hold the role LEADER"));
    }

    @Test
    void refusesARoleAssignmentBeforeTheDeclaration() {
        fixture.given(declared())
               .when(new AssignRole(ID, Role.LEADER, "bob", null, T0.minusSeconds(60), null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER));
    }

    // ---- the timeline ------------------------------------------------------------------------------------------

    @Test
    void refusesAStatusUpdateBeforeTheDeclaration() {
        fixture.given(declared())
               .when(new PostStatusUpdate(ID, UPDATE, "bob", "Investigating", Visibility.PUBLIC, null,
                       T0.minusSeconds(60), null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER))
               .expectExceptionMessage(containsString("the status update"));
    }

    @Test
    void refusesToReuseAnEntryId() {
        fixture.given(declared(), noteAdded())
               .when(new PostStatusUpdate(ID, NOTE, "bob", "Investigating", Visibility.PUBLIC, null, at(12), null))
               .expectNoEvents()
               .expectException(rejectedWith(INVALID_INPUT))
               .expectExceptionMessage(containsString("Entry note-1 exists already"));
    }

    @Test
    void addsANoteBackdatedBeforeTheDeclaration() {
        fixture.given(declared())
               .when(new AddTimelineNote(ID, NOTE, "carol", "Payments 4.12 deployed", null, T0.minusSeconds(600),
                       null))
               .expectEvents(noteAdded());
    }

    @Test
    void movesANoteToAnEarlierTime() {
        fixture.given(declared(), noteAdded())
               .when(new AmendEntry(ID, NOTE, null, IMPACT.minusSeconds(60), "carol", "deploy log", at(70), null))
               .expectEvents(new EntryAmended(ID, NOTE, "Payments 4.12 deployed", "Payments 4.12 deployed",
                       T0.minusSeconds(600), IMPACT.minusSeconds(60), "carol", "deploy log", at(70), null));
    }

    @Test
    void refusesToMoveAStatusUpdateBeforeTheDeclaration() {
        fixture.given(declared(), statusUpdatePosted())
               .when(new AmendEntry(ID, UPDATE, null, T0.minusSeconds(1), "bob", null, at(70), null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER))
               .expectExceptionMessage(containsString("a status update"));
    }

    @Test
    void refusesToMoveAnEntryIntoTheFuture() {
        fixture.given(declared(), noteAdded())
               .when(new AmendEntry(ID, NOTE, null, NOW.plus(Duration.ofHours(1)), "carol", null, null, null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_IN_FUTURE));
    }

    @Test
    void ignoresAnAmendmentThatChangesNothing() {
        fixture.given(declared(), statusUpdatePosted())
               .when(new AmendEntry(ID, UPDATE, statusUpdatePosted().text(), at(10), "bob", null, at(70), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void refusesToAmendARedactedEntry() {
        fixture.given(declared(), noteAdded(), new EntryRedacted(ID, NOTE, "alice", "card number", at(12), null))
               .when(new AmendEntry(ID, NOTE, "Payments deployed", null, "carol", null, at(70), null))
               .expectNoEvents()
               .expectException(rejectedWith(ENTRY_REDACTED))
               .expectExceptionMessage(containsString("was redacted"));
    }

    @Test
    void refusesToChangeAnEntryThatDoesNotExist() {
        EntryId unknown = EntryId.of("no-such-entry");
        for (Object command : List.of(
                new AmendEntry(ID, unknown, "x", null, "bob", null, null, null),
                new RedactEntry(ID, unknown, "bob", null, null, null),
                new PinEntry(ID, unknown, "bob", null, null),
                new UnpinEntry(ID, unknown, "bob", null, null))) {
            fixture.given(declared(), statusUpdatePosted())
                   .when(command)
                   .expectNoEvents()
                   .expectException(rejectedWith(UNKNOWN_REFERENCE))
                   .expectExceptionMessage(containsString("has no timeline entry no-such-entry"));
        }
    }

    @Test
    void ignoresRedactingAnEntryTwice() {
        fixture.given(declared(), noteAdded(), new EntryRedacted(ID, NOTE, "alice", "card number", at(12), null))
               .when(new RedactEntry(ID, NOTE, "bob", "card number", at(13), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void redactsAnEntryOfAClosedIncident() {
        fixture.given(closedIncident())
               .when(new RedactEntry(ID, NOTE, "alice", "contained a card number", LATER, null))
               .expectEvents(new EntryRedacted(ID, NOTE, "alice", "contained a card number", LATER, null));
    }

    @Test
    void ignoresPinningAPinnedEntryAndUnpinningAnUnpinnedOne() {
        fixture.given(declared(), statusUpdatePosted(), new EntryPinned(ID, UPDATE, "bob", at(11), null))
               .when(new PinEntry(ID, UPDATE, "carol", at(12), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        fixture.given(declared(), statusUpdatePosted())
               .when(new UnpinEntry(ID, UPDATE, "carol", at(12), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void keepsAnEntryPinnedWhenItIsAmended() {
        fixture.given(declared(), statusUpdatePosted(), new EntryPinned(ID, UPDATE, "bob", at(11), null),
                       new EntryAmended(ID, UPDATE, statusUpdatePosted().text(), "Corrected", at(10), at(10), "bob",
                               null, at(12), null))
               .when(new UnpinEntry(ID, UPDATE, "bob", at(13), null))
               .expectEvents(new EntryUnpinned(ID, UPDATE, "bob", at(13), null));
    }

    // ---- severity, impact and milestones -----------------------------------------------------------------------

    @Test
    void ignoresASeverityChangeToTheSameSeverity() {
        fixture.given(declared())
               .when(new ChangeSeverity(ID, Severity.SEV2, "still partial", "bob", at(9), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void refusesASeverityChangeBeforeTheDeclaration() {
        fixture.given(declared())
               .when(new ChangeSeverity(ID, Severity.SEV1, "worse", "bob", T0.minusSeconds(1), null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER));
    }

    @Test
    void recordsTheEndOfImpact() {
        fixture.given(declared(), mitigated())
               .when(new RecordMilestoneTime(ID, Milestone.IMPACT_ENDED, at(24), "bob", "errors stopped", at(30),
                       null))
               .expectEvents(new MilestoneTimeRecorded(ID, Milestone.IMPACT_ENDED, null, at(24), "bob",
                       "errors stopped", at(30), null));
    }

    @Test
    void correctsTheAcknowledgementTime() {
        fixture.given(declared(), acknowledged())
               .when(new RecordMilestoneTime(ID, Milestone.ACKNOWLEDGED, at(1), "bob", "paged on phone", at(70),
                       null))
               .expectEvents(new MilestoneTimeRecorded(ID, Milestone.ACKNOWLEDGED, at(2), at(1), "bob",
                       "paged on phone", at(70), null));
    }

    @Test
    void ignoresAMilestoneTimeThatIsAlreadyRecorded() {
        fixture.given(declared())
               .when(new RecordMilestoneTime(ID, Milestone.DETECTED, DETECTED, "alice", null, at(70), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void refusesAMilestoneTimeInTheFuture() {
        fixture.given(declared(), mitigated())
               .when(new RecordMilestoneTime(ID, Milestone.IMPACT_ENDED, NOW.plus(Duration.ofMinutes(5)), "bob",
                       null, null, null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_IN_FUTURE));
    }

    @Test
    void refusesATimeForAMilestoneNotReachedYet() {
        for (Milestone milestone : List.of(Milestone.ACKNOWLEDGED, Milestone.MITIGATED, Milestone.RESOLVED)) {
            fixture.given(declared())
                   .when(new RecordMilestoneTime(ID, milestone, at(5), "alice", null, at(70), null))
                   .expectNoEvents()
                   .expectException(rejectedWith(INVALID_TRANSITION))
                   .expectExceptionMessage(containsString("has not been " + milestone.name().toLowerCase()));
        }
    }

    /** A milestone correction that would put the story out of order, and what the message names. */
    record OutOfOrder(String name, List<Object> given, Milestone milestone, Instant time, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<OutOfOrder> milestonesOutOfOrder() {
        return Stream.of(
                new OutOfOrder("impact starting after its detection", history(declared()), Milestone.IMPACT_STARTED,
                        DETECTED.plusSeconds(1), "the detection"),
                new OutOfOrder("impact starting after it ended", history(declared(), new MilestoneTimeRecorded(ID,
                        Milestone.IMPACT_ENDED, null, IMPACT.plusSeconds(120), "bob", null, at(30), null)),
                        Milestone.IMPACT_STARTED, IMPACT.plusSeconds(180), "the end of impact"),
                new OutOfOrder("detection after the declaration", history(declared()), Milestone.DETECTED,
                        T0.plusSeconds(1), "the declaration"),
                new OutOfOrder("detection before impact started", history(declared()), Milestone.DETECTED,
                        IMPACT.minusSeconds(1), "the start of impact"),
                new OutOfOrder("acknowledgement before the declaration", history(declared(), acknowledged()),
                        Milestone.ACKNOWLEDGED, T0.minusSeconds(1), "the declaration"),
                new OutOfOrder("mitigation after the resolution", resolvedIncident(), Milestone.MITIGATED,
                        at(61), "the resolution"),
                new OutOfOrder("resolution before the mitigation", resolvedIncident(), Milestone.RESOLVED,
                        at(24), "the mitigation"),
                new OutOfOrder("impact ending before it started", history(declared()), Milestone.IMPACT_ENDED,
                        IMPACT.minusSeconds(1), "the start of impact"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("milestonesOutOfOrder")
    void refusesAMilestoneTimeOutOfOrder(OutOfOrder wrong) {
        fixture.given(wrong.given())
               .when(new RecordMilestoneTime(ID, wrong.milestone(), wrong.time(), "alice", null, LATER, null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER))
               .expectExceptionMessage(containsString(wrong.message()));
    }

    // ---- alerts, customers, tasks ------------------------------------------------------------------------------

    @Test
    void ignoresAnAlertFiringAgainWhileItIsLinkedAndFiring() {
        fixture.given(declared(), alertLinked())
               .when(new LinkAlert(ID, "alertmanager", "4f2a", "PaymentErrorRate", null, null, at(5), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void linksAnAlertAgainWhenItFiresAfterItWasResolved() {
        fixture.given(declared(), alertLinked(), new AlertResolved(ID, "alertmanager", "4f2a", at(26), null))
               .when(new LinkAlert(ID, "alertmanager", "4f2a", "PaymentErrorRate", null, null, at(90), null))
               .expectEvents(new AlertLinked(ID, "alertmanager", "4f2a", "PaymentErrorRate", null, Map.of(), at(90),
                       null));
    }

    @Test
    void tellsAlertsOfDifferentSourcesApart() {
        fixture.given(declared(), alertLinked())
               .when(new LinkAlert(ID, "pagerduty", "4f2a", "PaymentErrorRate", null, null, at(5), null))
               .expectEvents(new AlertLinked(ID, "pagerduty", "4f2a", "PaymentErrorRate", null, Map.of(), at(5),
                       null));
    }

    @Test
    void ignoresResolvingAResolvedAlert() {
        fixture.given(declared(), alertLinked(), new AlertResolved(ID, "alertmanager", "4f2a", at(26), null))
               .when(new ResolveAlert(ID, "alertmanager", "4f2a", at(27), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void refusesToResolveAnAlertThatIsNotLinked() {
        fixture.given(declared(), alertLinked())
               .when(new ResolveAlert(ID, "alertmanager", "77aa", at(27), null))
               .expectNoEvents()
               .expectException(rejectedWith(UNKNOWN_REFERENCE))
               .expectExceptionMessage(containsString("No alert alertmanager/77aa"));
    }

    @Test
    void ignoresTheSameCustomerTicketLinkedTwice() {
        fixture.given(declared(), customerReported())
               .when(new LinkCustomerReport(ID, "ZD-1042", "Bistro Nord", null, null, "frank", at(9), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void refusesACallbackPromisedBeforeTheReport() {
        fixture.given(declared())
               .when(new LinkCustomerReport(ID, "ZD-1042", "Bistro Nord", null, at(7), "erin", at(8), null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER))
               .expectExceptionMessage(containsString("the promised callback"));
    }

    @Test
    void refusesACallbackForATicketThatIsNotLinked() {
        fixture.given(declared(), customerReported())
               .when(new RecordCustomerCallback(ID, "ZD-9999", "erin", null, at(30), null))
               .expectNoEvents()
               .expectException(rejectedWith(UNKNOWN_REFERENCE))
               .expectExceptionMessage(containsString("No customer report ZD-9999"));
    }

    @Test
    void refusesToReuseATaskId() {
        fixture.given(declared(), rollbackAssigned())
               .when(new AssignTask(ID, ROLLBACK, "Roll back again", "erin", null, at(6), null))
               .expectNoEvents()
               .expectException(rejectedWith(INVALID_INPUT))
               .expectExceptionMessage(containsString("Task task-rollback exists already"));
    }

    @Test
    void refusesATaskBeforeTheDeclaration() {
        fixture.given(declared())
               .when(new AssignTask(ID, ROLLBACK, "Roll back", "dave", null, T0.minusSeconds(1), null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER));
    }

    @Test
    void ignoresCompletingACompletedTask() {
        fixture.given(declared(), rollbackAssigned(), new TaskCompleted(ID, ROLLBACK, "dave", at(20), null))
               .when(new CompleteTask(ID, ROLLBACK, "dave", at(21), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void refusesToCompleteATaskThatDoesNotExist() {
        fixture.given(declared(), rollbackAssigned())
               .when(new CompleteTask(ID, TaskId.of("task-x"), "dave", at(21), null))
               .expectNoEvents()
               .expectException(rejectedWith(UNKNOWN_REFERENCE))
               .expectExceptionMessage(containsString("has no task task-x"));
    }

    // ---- mitigating, resolving, reopening ----------------------------------------------------------------------

    @Test
    void refusesToMitigateTwice() {
        fixture.given(declared(), mitigated())
               .when(new MitigateIncident(ID, "bob", "Rolled back", at(26), null))
               .expectNoEvents()
               .expectException(rejectedWith(INVALID_TRANSITION))
               .expectExceptionMessage(containsString("mitigated already"));
    }

    @Test
    void refusesToMitigateAResolvedIncident() {
        fixture.given(resolvedIncident())
               .when(new MitigateIncident(ID, "bob", "Rolled back", at(61), null))
               .expectNoEvents()
               .expectException(rejectedWith(INVALID_TRANSITION))
               .expectExceptionMessage(containsString("resolved already"));
    }

    @Test
    void refusesAMitigationBeforeTheDeclaration() {
        fixture.given(declared())
               .when(new MitigateIncident(ID, "bob", "Rolled back", T0.minusSeconds(1), null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER))
               .expectExceptionMessage(containsString("the mitigation"));
    }

    @Test
    void refusesAResolutionBeforeTheDeclaration() {
        fixture.given(declared())
               .when(new ResolveIncident(ID, "bob", "Fixed", T0.minusSeconds(1), null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER))
               .expectExceptionMessage(containsString("the resolution"));
    }

    @Test
    void refusesAResolutionBeforeTheMitigation() {
        fixture.given(declared(), mitigated())
               .when(new ResolveIncident(ID, "bob", "Fixed", at(24), null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER))
               .expectExceptionMessage(containsString("before the mitigation"));
    }

    @Test
    void refusesToResolveTwice() {
        fixture.given(resolvedIncident())
               .when(new ResolveIncident(ID, "bob", "Fixed", at(61), null))
               .expectNoEvents()
               .expectException(rejectedWith(INVALID_TRANSITION))
               .expectExceptionMessage(containsString("resolved already"));
    }

    @Test
    void mitigatesAndResolvesAgainAfterAReopening() {
        List<Object> reopened = resolvedIncident(new IncidentReopened(ID, "bob", "Errors are back", at(70), null));
        fixture.given(reopened)
               .when(new MitigateIncident(ID, "bob", "Feature flag off", at(80), null))
               .expectEvents(new IncidentMitigated(ID, "bob", "Feature flag off", at(80), null));
        fixture.given(concat(reopened, new IncidentMitigated(ID, "bob", "Feature flag off", at(80), null)))
               .when(new ResolveIncident(ID, "bob", "Fixed for good", at(79), null))
               .expectException(rejectedWith(TIME_OUT_OF_ORDER));
    }

    @Test
    void refusesToReopenAnOpenIncident() {
        fixture.given(declared(), mitigated())
               .when(new ReopenIncident(ID, "bob", "Errors are back", at(30), null))
               .expectNoEvents()
               .expectException(rejectedWith(INVALID_TRANSITION))
               .expectExceptionMessage(containsString("it is not resolved"));
    }

    @Test
    void refusesToReopenBeforeTheResolution() {
        fixture.given(resolvedIncident())
               .when(new ReopenIncident(ID, "bob", "Errors are back", at(59), null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER))
               .expectExceptionMessage(containsString("the reopening"));
    }

    @Test
    void refusesToReopenAnIncidentWithAPublishedPostmortem() {
        fixture.given(draftPostmortem(postmortemPublished()))
               .when(new ReopenIncident(ID, "bob", "Errors are back", LATER, null))
               .expectNoEvents()
               .expectException(rejectedWith(INVALID_TRANSITION))
               .expectExceptionMessage(containsString("declare a new incident instead"));
    }

    // ---- the postmortem ----------------------------------------------------------------------------------------

    @Test
    void refusesToStartThePostmortemOfAnUnresolvedIncident() {
        fixture.given(declared(), mitigated())
               .when(new StartPostmortem(ID, "alice", at(30), null))
               .expectNoEvents()
               .expectException(rejectedWith(INVALID_TRANSITION))
               .expectExceptionMessage(containsString("not resolved yet"));
    }

    @Test
    void refusesToStartThePostmortemTwice() {
        fixture.given(draftPostmortem())
               .when(new StartPostmortem(ID, "alice", LATER, null))
               .expectNoEvents()
               .expectException(rejectedWith(POSTMORTEM_STATE))
               .expectExceptionMessage(containsString("started already"));
    }

    static Stream<Object> postmortemEdits() {
        return Stream.of(
                new WritePostmortemSummary(ID, "A deploy broke card payments", "alice", LATER, null),
                new RecordContributingFactor(ID, "No canary for payments", "alice", LATER, null),
                new RecordLessonLearned(ID, "Roll back first", "alice", LATER, null),
                new AddActionItem(ID, ActionItemId.of("ai-2"), "Alert on payment errors", "erin",
                        LocalDate.of(2026, 12, 1), "alice", LATER, null));
    }

    @ParameterizedTest
    @MethodSource("postmortemEdits")
    void refusesToEditAPostmortemThatWasNotStarted(Object edit) {
        fixture.given(resolvedIncident())
               .when(edit)
               .expectNoEvents()
               .expectException(rejectedWith(POSTMORTEM_STATE))
               .expectExceptionMessage(containsString("has not been started"));
    }

    @ParameterizedTest
    @MethodSource("postmortemEdits")
    void refusesToEditAPublishedPostmortem(Object edit) {
        fixture.given(draftPostmortem(postmortemPublished()))
               .when(edit)
               .expectNoEvents()
               .expectException(rejectedWith(POSTMORTEM_STATE))
               .expectExceptionMessage(containsString("published and can no longer change"));
    }

    @Test
    void editsTheDraftPostmortemOfAReopenedIncident() {
        fixture.given(draftPostmortem(new IncidentReopened(ID, "bob", "Errors are back", at(125), null)))
               .when(new RecordLessonLearned(ID, "Watch for a relapse", "alice", LATER, null))
               .expectEvents(new LessonLearnedRecorded(ID, "Watch for a relapse", "alice", LATER, null));
    }

    @Test
    void refusesToReuseAnActionItemId() {
        fixture.given(draftPostmortem(canaryAdded()))
               .when(new AddActionItem(ID, CANARY, "Canary deploys", "erin", LocalDate.of(2026, 12, 1), "alice",
                       LATER, null))
               .expectNoEvents()
               .expectException(rejectedWith(INVALID_INPUT))
               .expectExceptionMessage(containsString("Action item ai-canary exists already"));
    }

    @Test
    void completesAnActionItemAfterThePostmortemIsPublished() {
        fixture.given(draftPostmortem(canaryAdded(), postmortemPublished()))
               .when(new CompleteActionItem(ID, CANARY, "dave", LATER, null))
               .expectEvents(new ActionItemCompleted(ID, CANARY, "dave", LATER, null));
    }

    @Test
    void ignoresCompletingACompletedActionItem() {
        fixture.given(draftPostmortem(canaryAdded(), new ActionItemCompleted(ID, CANARY, "dave", at(140), null)))
               .when(new CompleteActionItem(ID, CANARY, "dave", LATER, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void refusesToCompleteAnActionItemThatDoesNotExist() {
        fixture.given(draftPostmortem(canaryAdded()))
               .when(new CompleteActionItem(ID, ActionItemId.of("ai-x"), "dave", LATER, null))
               .expectNoEvents()
               .expectException(rejectedWith(UNKNOWN_REFERENCE))
               .expectExceptionMessage(containsString("has no action item ai-x"));
    }

    @Test
    void refusesToCompleteAnActionItemWithoutAPostmortem() {
        fixture.given(resolvedIncident())
               .when(new CompleteActionItem(ID, CANARY, "dave", LATER, null))
               .expectNoEvents()
               .expectException(rejectedWith(POSTMORTEM_STATE))
               .expectExceptionMessage(containsString("has no postmortem"));
    }

    @Test
    void refusesToPublishThePostmortemOfAnUnresolvedIncident() {
        fixture.given(draftPostmortem(new IncidentReopened(ID, "bob", "Errors are back", at(125), null)))
               .when(new PublishPostmortem(ID, "alice", LATER, null))
               .expectNoEvents()
               .expectException(rejectedWith(INVALID_TRANSITION))
               .expectExceptionMessage(containsString("it is not resolved"));
    }

    @Test
    void refusesToPublishAPostmortemThatWasNotStarted() {
        fixture.given(resolvedIncident())
               .when(new PublishPostmortem(ID, "alice", LATER, null))
               .expectNoEvents()
               .expectException(rejectedWith(POSTMORTEM_STATE))
               .expectExceptionMessage(containsString("has not been started"));
    }

    @Test
    void refusesToPublishThePostmortemTwice() {
        fixture.given(draftPostmortem(postmortemPublished()))
               .when(new PublishPostmortem(ID, "alice", LATER, null))
               .expectNoEvents()
               .expectException(rejectedWith(POSTMORTEM_STATE))
               .expectExceptionMessage(containsString("published"));
    }

    // ---- closing -----------------------------------------------------------------------------------------------

    @Test
    void closesAfterThePostmortemIsPublished() {
        fixture.given(draftPostmortem(canaryAdded(), postmortemPublished()))
               .when(new CloseIncident(ID, "alice", at(160), null))
               .expectEvents(closed());
    }

    @Test
    void refusesToCloseAnUnresolvedIncident() {
        fixture.given(declared(), acknowledged())
               .when(new CloseIncident(ID, "alice", at(30), null))
               .expectNoEvents()
               .expectException(rejectedWith(INVALID_TRANSITION))
               .expectExceptionMessage(containsString("Cannot close the incident: it is not resolved."));
    }

    @Test
    void refusesToCloseWhileThePostmortemIsADraft() {
        fixture.given(draftPostmortem())
               .when(new CloseIncident(ID, "alice", LATER, null))
               .expectNoEvents()
               .expectException(rejectedWith(POSTMORTEM_STATE))
               .expectExceptionMessage(containsString("publish it first"));
    }

    @Test
    void refusesToCloseBeforeTheResolution() {
        fixture.given(resolvedIncident())
               .when(new CloseIncident(ID, "alice", at(59), null))
               .expectNoEvents()
               .expectException(rejectedWith(TIME_OUT_OF_ORDER))
               .expectExceptionMessage(containsString("closing"));
    }

    @Test
    void ignoresARedeliveryAfterTheIncidentIsClosed() {
        fixture.given(declared(), new StatusUpdatePosted(ID, EntryId.of("update-9"), "bob", "All good",
                       Visibility.PUBLIC, List.of(), at(59), SLACK), resolved(), closed())
               .when(new PostStatusUpdate(ID, EntryId.of("update-9"), "bob", "All good", Visibility.PUBLIC, null,
                       at(59), SLACK))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }
}
