package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.DeadlineKind;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.PostmortemStatus;
import dev.incidenttimeline.timeline.TimelineEntryView;

import java.util.List;
import java.util.stream.Collectors;

import static dev.incidenttimeline.postmortem.MarkdownText.duration;
import static dev.incidenttimeline.postmortem.MarkdownText.escape;
import static dev.incidenttimeline.postmortem.MarkdownText.role;
import static dev.incidenttimeline.postmortem.MarkdownText.time;

/**
 * Renders a {@link PostmortemView} as a Markdown document (CommonMark with GitHub tables). Every text a person typed
 * (titles, names, summaries, notes, factors, ...) is escaped: it cannot add headings, lists, table cells, links or
 * HTML to the document.
 */
public final class PostmortemMarkdown {

    private PostmortemMarkdown() {
    }

    /** The document. */
    public static String render(PostmortemView view) {
        StringBuilder md = new StringBuilder();
        md.append("# Postmortem: ").append(escape(view.title())).append("\n\n");
        if (view.postmortemStatus() != PostmortemStatus.PUBLISHED) {
            md.append("> **Draft.** Generated from the incident's events as now known; it changes until the "
                    + "postmortem is published.\n\n");
        }
        md.append("| | |\n|---|---|\n");
        row(md, "Incident", escape(view.incidentId().value()));
        row(md, "Severity", view.severity() + (view.drill() ? " (drill)" : ""));
        row(md, "Status", view.status().name());
        row(md, "Postmortem", view.postmortemStatus() == PostmortemStatus.PUBLISHED
                ? "published " + time(view.dates().publishedAt()) + " by " + escape(view.publishedBy())
                : view.postmortemStatus().name().toLowerCase(java.util.Locale.ROOT));
        row(md, "Impact started", time(view.dates().impactStartedAt()));
        row(md, "Detected", time(view.dates().detectedAt()));
        row(md, "Declared", time(view.dates().declaredAt()));
        row(md, "Acknowledged", time(view.dates().acknowledgedAt()));
        row(md, "Mitigated", time(view.dates().mitigatedAt()));
        row(md, "Resolved", time(view.dates().resolvedAt()));
        md.append('\n');

        md.append("## Participants\n\n| Person | Joined | Roles |\n|---|---|---|\n");
        for (ParticipantView participant : view.participants()) {
            String roles = participant.roles().stream().map(spell -> escape(role(spell.role())) + " from "
                    + time(spell.from()) + (spell.until() == null ? "" : " until " + time(spell.until())))
                    .collect(Collectors.joining("; "));
            md.append("| ").append(escape(participant.person())).append(" | ").append(time(participant.joinedAt()))
                    .append(" | ").append(roles.isEmpty() ? "responder" : roles).append(" |\n");
        }
        md.append('\n');

        section(md, "Blameless preamble", escape(view.preamble()));
        section(md, "Summary", view.summary() == null ? "_Not written yet._" : escape(view.summary()));

        ImpactView impact = view.impact();
        md.append("## Impact\n\n");
        item(md, "Services", impact.services().isEmpty() ? "none recorded" : joined(impact.services()));
        item(md, "Customers affected", (impact.customersAffected() == null ? "not counted"
                : String.valueOf(impact.customersAffected()))
                + (impact.affectedCustomers().isEmpty() ? "" : " (" + joined(impact.affectedCustomers()) + ")"));
        item(md, "Users affected", impact.usersAffected() == null ? "not counted"
                : String.valueOf(impact.usersAffected()));
        item(md, "Duration", duration(impact.duration()));
        md.append('\n');

        DetectionView detection = view.detection();
        md.append("## Detection\n\n");
        item(md, "How", source(detection.source()) + (detection.firstAlert() == null ? ""
                : "; first alert: " + escape(detection.firstAlert())));
        item(md, "Declared by", escape(detection.declaredBy()));
        item(md, "Detected", time(detection.detectedAt()));
        item(md, "Time to detect", duration(detection.timeToDetect()));
        item(md, "A customer told us first", detection.customerFirst() ? "yes" : "no");
        md.append('\n');

        md.append("## Timeline (").append(view.publicOnly() ? "public"
                : view.timelineDetail() == TimelineDetail.FULL ? "full" : "significant entries").append(")\n\n");
        md.append("| Time | What | Who |\n|---|---|---|\n");
        for (TimelineEntryView entry : view.timeline()) {
            String text = entry.redacted() ? "_redacted_" : escape(entry.text());
            md.append("| ").append(time(entry.occurredAt())).append(" | ").append(text)
                    .append(entry.amended() ? " _(amended)_" : "").append(" | ").append(escape(entry.actor()))
                    .append(" |\n");
        }
        md.append('\n');

        list(md, "Contributing factors", view.contributingFactors());

        md.append("## Mitigation and resolution\n\n");
        step(md, "Mitigated", view.mitigation());
        step(md, "Resolved", view.resolution());
        md.append('\n');

        KeyDurationsView d = view.keyDurations();
        md.append("## Key durations\n\n| Measure | Duration |\n|---|---|\n");
        row(md, "Time to detect (impact start → detection)", duration(d.timeToDetect()));
        row(md, "Time to acknowledge (declared → acknowledged)", duration(d.timeToAcknowledge()));
        row(md, "Time to leader (declared → first leader)", duration(d.timeToLeader()));
        row(md, "Time to first update (declared → first status update)", duration(d.timeToFirstUpdate()));
        row(md, "Time to mitigate (declared → mitigated)", duration(d.timeToMitigate()));
        row(md, "Time to resolve (declared → resolved)", duration(d.timeToResolve()));
        row(md, "Impact duration", duration(d.impactDuration()));
        row(md, "Longest gap between status updates", duration(d.longestUpdateGap()));
        md.append('\n');

        md.append("## Response pace\n\n");
        if (view.responsePace().isEmpty()) {
            md.append("No response deadline was missed.\n\n");
        } else {
            md.append("| Deadline | Due | Allowed | Policy |\n|---|---|---|---|\n");
            for (MissedDeadlineView missed : view.responsePace()) {
                md.append("| ").append(deadline(missed.kind())).append(missed.reference() == null ? ""
                                : " (" + escape(missed.reference()) + ")").append(" | ").append(time(missed.dueAt()))
                        .append(" | ").append(duration(missed.allowed())).append(" | ").append(escape(missed.policy()))
                        .append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Customer reports\n\n");
        if (view.customerReports().isEmpty()) {
            md.append("No customer reported it.\n\n");
        } else {
            md.append("| Ticket | Customer | Reported | Callback promised by | Told | Outcome |\n"
                    + "|---|---|---|---|---|---|\n");
            for (CustomerReportView report : view.customerReports()) {
                md.append("| ").append(escape(report.ticketId())).append(" | ").append(escape(report.customer()))
                        .append(" | ").append(time(report.reportedAt())).append(" | ")
                        .append(report.callbackPromisedBy() == null ? "–" : time(report.callbackPromisedBy()))
                        .append(" | ").append(report.calledBackAt() == null ? "not yet" : time(report.calledBackAt())
                                + " by " + escape(report.calledBackBy())).append(report.callbackLate() ? " (late)" : "")
                        .append(" | ").append(escape(report.outcome())).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Action items\n\n");
        if (view.actionItems().isEmpty()) {
            md.append("None yet.\n\n");
        } else {
            md.append("| Action | Owner | Due | State |\n|---|---|---|---|\n");
            for (ActionItemView item : view.actionItems()) {
                md.append("| ").append(escape(item.title())).append(" | ").append(escape(item.owner())).append(" | ")
                        .append(item.dueDate()).append(" | ")
                        .append(item.done() ? "done " + time(item.completedAt()) : "open").append(" |\n");
            }
            md.append('\n');
        }

        list(md, "Lessons learned", view.lessonsLearned());
        return md.toString();
    }

    private static void row(StringBuilder md, String label, String value) {
        md.append("| ").append(label).append(" | ").append(value).append(" |\n");
    }

    private static void item(StringBuilder md, String label, String value) {
        md.append("- ").append(label).append(": ").append(value).append('\n');
    }

    private static void section(StringBuilder md, String heading, String paragraph) {
        md.append("## ").append(heading).append("\n\n").append(paragraph).append("\n\n");
    }

    private static void list(StringBuilder md, String heading, List<String> items) {
        md.append("## ").append(heading).append("\n\n");
        if (items.isEmpty()) {
            md.append("None recorded yet.\n");
        }
        items.forEach(text -> md.append("- ").append(escape(text)).append('\n'));
        md.append('\n');
    }

    private static void step(StringBuilder md, String label, ResponseStepView step) {
        if (step == null) {
            item(md, label, "not yet");
        } else {
            item(md, label, time(step.at()) + " by " + escape(step.by()) + ": " + escape(step.summary()));
        }
    }

    private static String joined(List<String> values) {
        return values.stream().map(MarkdownText::escape).collect(Collectors.joining(", "));
    }

    static String source(DetectionSource source) {
        return switch (source) {
            case ALERT -> "an alert";
            case CUSTOMER -> "a customer report";
            case MONITORING -> "monitoring";
            case MANUAL -> "a person who noticed";
        };
    }

    static String deadline(DeadlineKind kind) {
        return switch (kind) {
            case ACKNOWLEDGE -> "Acknowledgement";
            case FIRST_UPDATE -> "First status update";
            case UPDATE_CADENCE -> "Next status update";
            case MITIGATE -> "Mitigation";
            case CUSTOMER_CALLBACK -> "Customer callback";
        };
    }
}
