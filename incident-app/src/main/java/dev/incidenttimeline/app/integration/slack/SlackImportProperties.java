package dev.incidenttimeline.app.integration.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.regex.Pattern;

/**
 * The rules that recognise response milestones in a Slack thread, under {@code incident.integrations.slack}. Each is
 * a Java regular expression, matched case-insensitively anywhere in a reply's text (anchor it with {@code ^} to
 * match only the start); an empty rule is off. A matching reply is still added to the timeline; the rule adds the
 * command on top.
 *
 * @param acknowledgement a reply that acknowledges the incident ("ack", "on it", "looking into it")
 * @param leader          a reply by which its author takes the lead ("I'm the IC", "I am leading this")
 * @param statusUpdate    a reply that is a status update rather than a note ("Update: ...", "Status update - ...")
 * @param mitigation      a reply that says the impact is stopped ("Mitigated: ...", "traffic is now mitigated")
 * @param resolution      a reply that says the incident is over ("Resolved", "all clear", "it is resolved")
 * @param maxExportBytes  the most uncompressed JSON an export may hold, so a zip bomb cannot exhaust the memory
 */
@ConfigurationProperties("incident.integrations.slack")
public record SlackImportProperties(
        @DefaultValue("^\\s*(ack|acked|ack'd|acking|on it|looking into it)\\b") String acknowledgement,
        @DefaultValue("\\b(i'?m|i am|i will be|i'll be)\\s+(the\\s+)?(incident\\s+)?(leader|lead|commander|ic)\\b|"
                + "^\\s*i('?m| am) leading\\b") String leader,
        @DefaultValue("^\\s*(status\\s+)?update\\b") String statusUpdate,
        @DefaultValue("^\\s*(mitigated|mitigation (is )?(in place|applied|done))\\b|"
                + "\\b(is|are|now|has been|have been) mitigated\\b") String mitigation,
        @DefaultValue("^\\s*(resolved|all clear)\\b|\\b(is|are|now|has been|have been) (fully )?resolved\\b")
        String resolution,
        @DefaultValue("200000000") long maxExportBytes) {

    Pattern acknowledgementPattern() {
        return compile(acknowledgement);
    }

    Pattern leaderPattern() {
        return compile(leader);
    }

    Pattern statusUpdatePattern() {
        return compile(statusUpdate);
    }

    Pattern mitigationPattern() {
        return compile(mitigation);
    }

    Pattern resolutionPattern() {
        return compile(resolution);
    }

    private static Pattern compile(String rule) {
        return rule == null || rule.isBlank() ? null
                : Pattern.compile(rule, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
