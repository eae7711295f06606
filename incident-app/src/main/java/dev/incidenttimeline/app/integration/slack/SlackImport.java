package dev.incidenttimeline.app.integration.slack;

import dev.incidenttimeline.app.api.ApiProblem;
import dev.incidenttimeline.app.integration.IncidentHistory;
import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.AddTimelineNote;
import dev.incidenttimeline.incident.api.AmendEntry;
import dev.incidenttimeline.incident.api.AssignRole;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.IncidentCommand;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentRejected;
import dev.incidenttimeline.incident.api.MitigateIncident;
import dev.incidenttimeline.incident.api.PostStatusUpdate;
import dev.incidenttimeline.incident.api.ResolveIncident;
import dev.incidenttimeline.incident.api.Role;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.Visibility;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static dev.incidenttimeline.app.integration.Text.MAX_NAME;
import static dev.incidenttimeline.app.integration.Text.MAX_TEXT;
import static dev.incidenttimeline.app.integration.Text.clip;
import static dev.incidenttimeline.app.integration.slack.SlackExport.text;

/**
 * Builds an incident's timeline from one Slack thread of a workspace export.
 *
 * <p>Without an incident id the thread's parent message declares the incident (its first line is the title, its
 * author the declarer, its time the declaration). Every message of the thread, the parent included, becomes a
 * timeline note at its exact time, with its author's name, the links in its text and its files' links; a reply that
 * matches the status-update rule becomes a status update instead. An edited message carries its edit time and
 * editor; importing a later export in which it was edited again amends the entry. Replies that match the
 * acknowledgement, leader, mitigation or resolution rules also send that command. Messages outside the thread and
 * channel events (joins, topic changes) are left out.
 *
 * <p>Every command's {@code sourceId} is {@code slack:<channel id>:<message ts>} (plus the rule), so importing the
 * same thread again adds nothing.
 */
@Service
class SlackImport {

    /** Channel events that are not part of the conversation. */
    private static final Set<String> LEFT_OUT = Set.of("channel_join", "channel_leave", "channel_topic",
            "channel_purpose", "channel_name", "channel_archive", "channel_unarchive", "group_join", "group_leave",
            "bot_add", "bot_remove", "pinned_item", "unpinned_item", "tombstone");
    /** Rejections a rule may run into on a real thread ("resolved" said twice, an ack after the resolution). */
    private static final Set<ErrorCode> SKIPPABLE = Set.of(ErrorCode.INVALID_TRANSITION, ErrorCode.TIME_OUT_OF_ORDER,
            ErrorCode.INCIDENT_CLOSED);

    private final IncidentGateway incidents;
    private final IncidentHistory history;
    private final SlackImportProperties properties;
    private final JsonMapper json;

    SlackImport(IncidentGateway incidents, IncidentHistory history, SlackImportProperties properties, JsonMapper json) {
        this.incidents = incidents;
        this.history = history;
        this.properties = properties;
        this.json = json;
    }

    /** What the caller says about the incident when the thread declares it. */
    record Declaration(Severity severity, List<String> services, DetectionSource detectedBy) {
    }

    /** One message of the thread, made readable. */
    private record Message(String ts, Instant at, String author, String text, List<String> links, String editedTs,
                           String editor) {
    }

    static IncidentId incidentOf(String channelId, String threadTs) {
        return IncidentId.fromSource("slack:" + channelId + ":" + threadTs);
    }

    SlackImportView importThread(InputStream zip, String channelName, String threadTs, String incidentId,
                                 Declaration declaration) {
        if (!SlackText.isTs(threadTs)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT.name(), "threadTs: \"" + clip(threadTs,
                    40) + "\" is not a Slack message timestamp such as 1732911234.000200.");
        }
        SlackExport export = SlackExport.read(zip, properties.maxExportBytes(), json);
        SlackExport.Channel channel = export.channel(channelName);
        Map<String, String> names = export.userNames();
        List<Message> thread = export.messages(channel).stream()
                .filter(message -> threadTs.equals(text(message.path("ts")))
                        || threadTs.equals(text(message.path("thread_ts"))))
                .filter(message -> SlackText.isTs(text(message.path("ts"))))
                .filter(message -> !LEFT_OUT.contains(String.valueOf(text(message.path("subtype")))))
                .map(message -> readable(message, names))
                .filter(message -> !message.text().isBlank())
                .sorted(Comparator.comparing(Message::at)).distinct().toList();
        if (thread.isEmpty()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "THREAD_NOT_FOUND", "Channel #" + channel.name()
                    + " of the export has no thread " + threadTs + ".");
        }
        Message parent = thread.get(0).ts().equals(threadTs) ? thread.get(0) : null;
        IncidentId id;
        if (incidentId != null && !incidentId.isBlank()) {
            id = IncidentId.of(incidentId);
            if (!history.stateOf(id).declared()) {
                throw new IncidentRejected(ErrorCode.INCIDENT_NOT_FOUND, "There is no incident " + incidentId + ".");
            }
        } else {
            id = incidentOf(channel.id(), threadTs);
        }
        long before = history.eventCount(id);
        String source = "slack:" + channel.id() + ":";
        if (incidentId == null || incidentId.isBlank()) {
            Message first = parent != null ? parent : thread.get(0);
            String title = first.text().lines().filter(line -> !line.isBlank()).findFirst().orElse(first.text());
            incidents.send(new DeclareIncident(id, clip(title.strip(), MAX_NAME), declaration.severity(),
                    declaration.services(), declaration.detectedBy(), null, null, first.author(), false, first.at(),
                    source + threadTs + ":declare"));
        }
        List<String> skipped = new ArrayList<>();
        for (Message message : thread) {
            String sourceId = source + message.ts();
            EntryId entryId = EntryId.of(UUID.nameUUIDFromBytes(sourceId.getBytes(StandardCharsets.UTF_8)).toString());
            boolean reply = message != parent;
            if (reply && matches(properties.statusUpdatePattern(), message)) {
                send(new PostStatusUpdate(id, entryId, message.author(), message.text(), Visibility.INTERNAL,
                        message.links(), message.at(), sourceId), message, "status update", skipped);
            } else {
                incidents.send(new AddTimelineNote(id, entryId, message.author(), message.text(), message.links(),
                        message.at(), sourceId));
            }
            if (message.editedTs() != null) {
                send(new AmendEntry(id, entryId, message.text(), null, message.editor(), "Edited in Slack",
                        SlackText.instant(message.editedTs()), sourceId + ":edited:" + message.editedTs()), message,
                        "edit", skipped);
            }
            if (!reply) {
                continue;
            }
            if (matches(properties.acknowledgementPattern(), message)) {
                send(new AcknowledgeIncident(id, message.author(), message.at(), sourceId + ":ack"), message,
                        "acknowledgement", skipped);
            }
            if (matches(properties.leaderPattern(), message)) {
                send(new AssignRole(id, Role.LEADER, message.author(), null, message.at(), sourceId + ":leader"),
                        message, "leader", skipped);
            }
            if (matches(properties.mitigationPattern(), message)) {
                send(new MitigateIncident(id, message.author(), message.text(), message.at(), sourceId + ":mitigated"),
                        message, "mitigation", skipped);
            }
            if (matches(properties.resolutionPattern(), message)) {
                send(new ResolveIncident(id, message.author(), message.text(), message.at(), sourceId + ":resolved"),
                        message, "resolution", skipped);
            }
        }
        return new SlackImportView(id.value(), thread.size(), history.eventCount(id) - before, skipped);
    }

    private void send(IncidentCommand command, Message message, String what, List<String> skipped) {
        try {
            incidents.send(command);
        } catch (IncidentRejected rejected) {
            if (!SKIPPABLE.contains(rejected.code())) {
                throw rejected;
            }
            skipped.add("Message " + message.ts() + " by " + message.author() + " (" + what + "): "
                    + rejected.getMessage());
        }
    }

    private static boolean matches(Pattern rule, Message message) {
        return rule != null && rule.matcher(message.text()).find();
    }

    private static Message readable(JsonNode message, Map<String, String> names) {
        String ts = text(message.path("ts"));
        String userId = text(message.path("user"));
        String author = firstOf(userId == null ? null : names.get(userId),
                text(message.path("user_profile").path("real_name")), text(message.path("username")),
                text(message.path("bot_profile").path("name")), userId, "unknown");
        String raw = message.path("text").isString() ? message.path("text").asString() : "";
        Set<String> links = new LinkedHashSet<>(SlackText.links(raw));
        List<String> fileNames = new ArrayList<>();
        for (JsonNode file : message.path("files")) {
            String link = firstOf(text(file.path("permalink")), text(file.path("url_private")));
            if (link != null) {
                links.add(link);
            }
            String name = firstOf(text(file.path("title")), text(file.path("name")));
            if (name != null) {
                fileNames.add(name);
            }
        }
        String body = SlackText.plain(raw, names);
        if (!fileNames.isEmpty()) {
            body = (body.isBlank() ? "" : body + "\n") + "Files: " + String.join(", ", fileNames);
        }
        String editedTs = text(message.path("edited").path("ts"));
        String editor = null;
        if (SlackText.isTs(editedTs)) {
            String editorId = text(message.path("edited").path("user"));
            editor = clip(firstOf(editorId == null ? null : names.get(editorId), editorId, author), MAX_NAME);
            body = body + "\n(edited " + SlackText.instant(editedTs) + " by " + editor + ")";
        } else {
            editedTs = null;
        }
        List<String> kept = links.stream().filter(link -> link.length() <= 2_000).limit(100).toList();
        return new Message(ts, SlackText.instant(ts), clip(author, MAX_NAME), clip(body.strip(), MAX_TEXT), kept,
                editedTs, editor);
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
