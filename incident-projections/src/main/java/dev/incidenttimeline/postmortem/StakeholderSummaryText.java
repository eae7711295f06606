package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.IncidentStatus;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static dev.incidenttimeline.postmortem.MarkdownText.duration;
import static dev.incidenttimeline.postmortem.MarkdownText.role;
import static dev.incidenttimeline.postmortem.MarkdownText.time;

/**
 * Renders a {@link StakeholderSummaryView} in the shape of the company e-mail: a subject with the name, date
 * and time, then the service impacted, when it began and ended, the issue team by role, what happened and why, the
 * impact on customers, the affected customers, the current status and the next steps. In Markdown every typed text
 * is escaped; in plain text a typed line break is indented so it cannot pose as a heading.
 */
public final class StakeholderSummaryText {

    private static final String INDENT = "    ";

    private StakeholderSummaryText() {
    }

    /** The summary as Markdown. */
    public static String markdown(StakeholderSummaryView view) {
        return render(view, MarkdownText::escape, "# ", "## ", "- ");
    }

    /** The summary as plain text. */
    public static String plainText(StakeholderSummaryView view) {
        return render(view, text -> MarkdownText.plain(text, INDENT), "", "", "  * ");
    }

    /** The subject line: the name, the date and time it began. */
    public static String subject(StakeholderSummaryView view) {
        return view.title() + ", " + time(view.began());
    }

    private static String render(StakeholderSummaryView view, UnaryOperator<String> text, String title,
                                 String heading, String bullet) {
        StringBuilder out = new StringBuilder();
        out.append(title).append("Subject: ").append(text.apply(view.title())).append(", ").append(time(view.began()))
                .append("\n\n");
        out.append(heading).append("Service impacted\n").append(values(view.services(), text, "none recorded"))
                .append("\n\n");
        out.append(heading).append("Began and ended\n")
                .append(bullet).append("Began: ").append(time(view.began())).append('\n')
                .append(bullet).append("Mitigated: ").append(view.mitigatedAt() == null ? "not yet"
                        : time(view.mitigatedAt())).append('\n')
                .append(bullet).append("Ended: ").append(view.ended() == null ? "not yet" : time(view.ended()))
                .append("\n\n");
        out.append(heading).append("Issue team\n");
        if (view.team().isEmpty()) {
            out.append("nobody holds a role\n");
        }
        view.team().forEach(member -> out.append(bullet).append(capitalized(role(member.role()))).append(": ")
                .append(text.apply(member.person())).append('\n'));
        out.append('\n');
        out.append(heading).append("What happened and why\n")
                .append(view.whatHappened() == null ? "not written yet" : text.apply(view.whatHappened()))
                .append('\n');
        view.causes().forEach(cause -> out.append(bullet).append(text.apply(cause)).append('\n'));
        out.append('\n');
        out.append(heading).append("Customer impact\n")
                .append(bullet).append("Services: ").append(values(view.services(), text, "none recorded"))
                .append('\n')
                .append(bullet).append("Customers affected: ").append(view.customersAffected() == null
                        ? "not counted" : view.customersAffected()).append('\n')
                .append(bullet).append("Users affected: ").append(view.usersAffected() == null
                        ? "not counted" : view.usersAffected()).append('\n')
                .append(bullet).append("Impact duration: ").append(view.impactDuration() == null ? "not known"
                        : duration(view.impactDuration())).append("\n\n");
        out.append(heading).append("Affected customers\n")
                .append(values(view.affectedCustomers(), text, "none named")).append("\n\n");
        out.append(heading).append("Current status\n").append(status(view.status()));
        if (view.fix() != null) {
            out.append(" (fix: ").append(text.apply(view.fix())).append(')');
        }
        out.append('\n');
        if (view.latestUpdate() != null) {
            out.append(bullet).append("Latest update, ").append(time(view.latestUpdateAt())).append(": ")
                    .append(text.apply(view.latestUpdate())).append('\n');
        }
        out.append('\n');
        out.append(heading).append("Next steps\n");
        if (view.nextSteps().isEmpty()) {
            out.append("no open action items\n");
        }
        view.nextSteps().forEach(item -> out.append(bullet).append(text.apply(item.title())).append(" (")
                .append(text.apply(item.owner())).append(", due ").append(item.dueDate()).append(")\n"));
        return out.toString();
    }

    private static String values(List<String> values, UnaryOperator<String> text, String none) {
        return values.isEmpty() ? none : values.stream().map(text).collect(Collectors.joining(", "));
    }

    private static String status(IncidentStatus status) {
        return switch (status) {
            case DECLARED -> "open, not acknowledged yet";
            case ACKNOWLEDGED -> "open, being worked on";
            case MITIGATED -> "mitigated, not resolved yet";
            case RESOLVED -> "resolved";
            case CLOSED -> "resolved and closed";
        };
    }

    private static String capitalized(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
