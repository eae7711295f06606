package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.DeadlineKind;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentStatus;
import dev.incidenttimeline.incident.api.Milestone;
import dev.incidenttimeline.incident.api.PostmortemStatus;
import dev.incidenttimeline.incident.api.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An incident's postmortem facts folded into what the documents show, as known at a time: facts recorded after it are
 * left out. Package-private: the query handler composes the views from it, the timeline and the metrics.
 */
final class PostmortemFold {

    String title;
    Severity severity;
    IncidentStatus status;
    PostmortemStatus postmortemStatus = PostmortemStatus.NONE;
    boolean drill;
    DetectionSource detectedBy;
    String declaredBy;
    String firstAlert;
    Instant firstAlertAt;
    Instant declaredAt;
    Instant impactStartedAt;
    Instant detectedAt;
    Instant acknowledgedAt;
    Instant mitigatedAt;
    Instant resolvedAt;
    Instant impactEndedAt;
    Instant publishedAt;
    Instant publishedRecordedAt;
    String publishedBy;
    String mitigatedBy;
    String mitigationSummary;
    String resolvedBy;
    String resolutionSummary;
    String summary;
    Integer customersAffected;
    Long usersAffected;
    final Set<String> services = new LinkedHashSet<>();
    final Set<String> affectedCustomers = new LinkedHashSet<>();
    final List<String> factors = new ArrayList<>();
    final List<String> lessons = new ArrayList<>();
    final Map<String, ActionItem> actionItems = new LinkedHashMap<>();
    final Map<String, Participant> participants = new LinkedHashMap<>();
    final Map<String, Report> reports = new LinkedHashMap<>();
    final List<MissedDeadlineView> missed = new ArrayList<>();

    /** A participant while folding. */
    static final class Participant {
        final String person;
        final Instant joinedAt;
        final List<RoleSpellView> spells = new ArrayList<>();

        Participant(String person, Instant joinedAt) {
            this.person = person;
            this.joinedAt = joinedAt;
        }
    }

    /** An action item while folding. */
    static final class ActionItem {
        final String id;
        final String title;
        final String owner;
        final java.time.LocalDate dueDate;
        Instant completedAt;

        ActionItem(String id, String title, String owner, java.time.LocalDate dueDate) {
            this.id = id;
            this.title = title;
            this.owner = owner;
            this.dueDate = dueDate;
        }
    }

    /** A customer report while folding. */
    static final class Report {
        final String ticketId;
        final String customer;
        final Instant reportedAt;
        final Instant promisedBy;
        Instant calledBackAt;
        String calledBackBy;
        String outcome;

        Report(String ticketId, String customer, Instant reportedAt, Instant promisedBy) {
            this.ticketId = ticketId;
            this.customer = customer;
            this.reportedAt = reportedAt;
            this.promisedBy = promisedBy;
        }
    }

    private PostmortemFold() {
    }

    /** The recorded time of the publication among {@code facts}, or {@code null} while it is a draft. */
    static Instant publicationRecordedAt(List<FactRow> facts) {
        return facts.stream().filter(fact -> fact.kind() == FactKind.POSTMORTEM_PUBLISHED).map(FactRow::recordedAt)
                .findFirst().orElse(null);
    }

    /** Folds the facts (in stored order) recorded by {@code knownAt} ({@code null}: all). */
    static PostmortemFold of(List<FactRow> facts, Instant knownAt) {
        PostmortemFold fold = new PostmortemFold();
        for (FactRow fact : facts) {
            if (knownAt == null || !fact.recordedAt().isAfter(knownAt)) {
                fold.apply(fact);
            }
        }
        fold.missed.sort(Comparator.comparing(MissedDeadlineView::dueAt));
        return fold;
    }

    private void apply(FactRow fact) {
        switch (fact.kind()) {
            case DECLARED -> {
                title = fact.text();
                severity = Severity.valueOf(fact.detail());
                status = IncidentStatus.DECLARED;
                drill = fact.numberA() != null && fact.numberA() == 1L;
                detectedBy = DetectionSource.valueOf(fact.subject());
                declaredBy = fact.actor();
                declaredAt = fact.occurredAt();
                detectedAt = fact.timeA() == null ? fact.occurredAt() : fact.timeA();
                impactStartedAt = fact.timeB();
                services.addAll(lines(fact.items()));
                join(fact.actor(), fact.occurredAt());
            }
            case SEVERITY_CHANGED -> severity = Severity.valueOf(fact.detail());
            case ACKNOWLEDGED -> {
                acknowledgedAt = fact.occurredAt();
                if (status == IncidentStatus.DECLARED) {
                    status = IncidentStatus.ACKNOWLEDGED;
                }
                join(fact.actor(), fact.occurredAt());
            }
            case RESPONDER_JOINED -> join(fact.actor(), fact.occurredAt());
            case ROLE_ASSIGNED -> {
                if (fact.text() != null) {
                    endSpell(fact.text(), fact.detail(), fact.occurredAt());
                }
                join(fact.subject(), fact.occurredAt()).spells.add(new RoleSpellView(fact.detail(), fact.occurredAt(),
                        null));
            }
            case ROLE_LEFT -> endSpell(fact.subject(), fact.detail(), fact.occurredAt());
            case IMPACT_RECORDED -> {
                services.addAll(lines(fact.items()));
                affectedCustomers.addAll(lines(fact.text()));
                if (fact.numberA() != null) {
                    customersAffected = fact.numberA().intValue();
                }
                if (fact.numberB() != null) {
                    usersAffected = fact.numberB();
                }
            }
            case ALERT_LINKED -> {
                if (firstAlertAt == null || fact.occurredAt().isBefore(firstAlertAt)) {
                    firstAlert = fact.subject();
                    firstAlertAt = fact.occurredAt();
                }
            }
            case CUSTOMER_REPORT_LINKED -> reports.putIfAbsent(fact.subject(), new Report(fact.subject(),
                    fact.detail(), fact.occurredAt(), fact.timeA()));
            case CUSTOMER_CALLED_BACK -> {
                Report report = reports.get(fact.subject());
                if (report != null && report.calledBackAt == null) {
                    report.calledBackAt = fact.occurredAt();
                    report.calledBackBy = fact.actor();
                    report.outcome = fact.text();
                }
            }
            case MITIGATED -> {
                mitigatedAt = fact.occurredAt();
                mitigatedBy = fact.actor();
                mitigationSummary = fact.text();
                status = IncidentStatus.MITIGATED;
            }
            case RESOLVED -> {
                resolvedAt = fact.occurredAt();
                resolvedBy = fact.actor();
                resolutionSummary = fact.text();
                status = IncidentStatus.RESOLVED;
            }
            case REOPENED -> {
                // The next mitigation and resolution are the ones that count.
                mitigatedAt = null;
                resolvedAt = null;
                status = acknowledgedAt == null ? IncidentStatus.DECLARED : IncidentStatus.ACKNOWLEDGED;
            }
            case CLOSED -> status = IncidentStatus.CLOSED;
            case MILESTONE_TIME_RECORDED -> correct(Milestone.valueOf(fact.detail()), fact.timeA());
            case POSTMORTEM_STARTED -> postmortemStatus = PostmortemStatus.DRAFT;
            case SUMMARY_WRITTEN -> summary = fact.text();
            case FACTOR_RECORDED -> factors.add(fact.text());
            case LESSON_RECORDED -> lessons.add(fact.text());
            case ACTION_ITEM_ADDED -> actionItems.putIfAbsent(fact.subject(), new ActionItem(fact.subject(),
                    fact.text(), fact.detail(), fact.dueDate()));
            case ACTION_ITEM_COMPLETED -> {
                ActionItem item = actionItems.get(fact.subject());
                if (item != null && item.completedAt == null) {
                    item.completedAt = fact.occurredAt();
                }
            }
            case POSTMORTEM_PUBLISHED -> {
                postmortemStatus = PostmortemStatus.PUBLISHED;
                publishedAt = fact.occurredAt();
                publishedRecordedAt = fact.recordedAt();
                publishedBy = fact.actor();
            }
            case DEADLINE_MISSED -> missed.add(new MissedDeadlineView(DeadlineKind.valueOf(fact.detail()),
                    fact.subject(), fact.timeA(), fact.timeB(),
                    fact.numberA() == null ? null : Duration.ofSeconds(fact.numberA()), fact.text()));
        }
    }

    private void correct(Milestone milestone, Instant time) {
        switch (milestone) {
            case IMPACT_STARTED -> impactStartedAt = time;
            case DETECTED -> detectedAt = time;
            case ACKNOWLEDGED -> acknowledgedAt = time;
            case MITIGATED -> mitigatedAt = time;
            case RESOLVED -> resolvedAt = time;
            case IMPACT_ENDED -> impactEndedAt = time;
        }
    }

    private Participant join(String person, Instant at) {
        return participants.computeIfAbsent(person, key -> new Participant(key, at));
    }

    private void endSpell(String person, String role, Instant at) {
        Participant participant = participants.get(person);
        if (participant == null) {
            return;
        }
        List<RoleSpellView> spells = participant.spells;
        for (int i = spells.size() - 1; i >= 0; i--) {
            RoleSpellView spell = spells.get(i);
            if (spell.role().equals(role) && spell.until() == null) {
                spells.set(i, new RoleSpellView(role, spell.from(), at));
                return;
            }
        }
    }

    /** A role someone holds at the end. */
    record Holder(String role, String person, Instant since) {
    }

    /** Who holds each role at the end, in the order they took it. */
    List<Holder> currentHolders() {
        List<Holder> holders = new ArrayList<>();
        for (Participant participant : participants.values()) {
            for (RoleSpellView spell : participant.spells) {
                if (spell.until() == null) {
                    holders.add(new Holder(spell.role(), participant.person, spell.from()));
                }
            }
        }
        holders.sort(Comparator.comparing(Holder::since));
        return holders;
    }

    List<ParticipantView> participantViews() {
        return participants.values().stream().map(p -> new ParticipantView(p.person, p.joinedAt, p.spells)).toList();
    }

    List<CustomerReportView> reportViews() {
        return reports.values().stream().map(r -> new CustomerReportView(r.ticketId, r.customer, r.reportedAt,
                r.promisedBy, r.calledBackAt, r.calledBackBy, r.outcome, late(r))).toList();
    }

    private boolean late(Report report) {
        if (report.promisedBy == null) {
            return false;
        }
        if (report.calledBackAt != null) {
            return report.calledBackAt.isAfter(report.promisedBy);
        }
        return missed.stream().anyMatch(deadline -> deadline.kind() == DeadlineKind.CUSTOMER_CALLBACK
                && report.ticketId.equals(deadline.reference()));
    }

    List<ActionItemView> actionItemViews() {
        return actionItems.values().stream().map(a -> new ActionItemView(a.id, a.title, a.owner, a.dueDate,
                a.completedAt != null, a.completedAt)).toList();
    }

    private static List<String> lines(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value.split("\n"));
    }
}
