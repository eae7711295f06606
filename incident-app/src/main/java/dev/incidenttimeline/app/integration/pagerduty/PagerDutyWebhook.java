package dev.incidenttimeline.app.integration.pagerduty;

import dev.incidenttimeline.app.api.ApiProblem;
import dev.incidenttimeline.app.integration.DeliveryView;
import dev.incidenttimeline.app.integration.IncidentHistory;
import dev.incidenttimeline.app.integration.SenderClock;
import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.AddTimelineNote;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentRejected;
import dev.incidenttimeline.incident.api.LinkAlert;
import dev.incidenttimeline.incident.api.ResolveIncident;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.incidenttimeline.app.integration.Text.MAX_NAME;
import static dev.incidenttimeline.app.integration.Text.MAX_TEXT;
import static dev.incidenttimeline.app.integration.Text.clip;
import static dev.incidenttimeline.app.integration.Text.firstOf;

/**
 * Maps PagerDuty webhook v3 deliveries to incident commands. A PagerDuty incident is one incident here, with the id
 * derived from PagerDuty's incident id. {@code incident.triggered} declares it (and links the PagerDuty incident as
 * an alert); {@code .acknowledged} and {@code .resolved} acknowledge and resolve it, declaring it first if the
 * trigger was never received (their payload is the whole incident); {@code .annotated} adds the note to the
 * timeline. Every command carries the delivery's event id as {@code sourceId}, so a duplicate delivery changes
 * nothing. Other event types, and a resolution of an incident that was resolved here already, are answered with
 * {@code IGNORED} (not an error, so PagerDuty does not retry them).
 */
@Service
class PagerDutyWebhook {

    static final String SOURCE = "pagerduty";
    private static final int MAX_ID = 100;

    private final IncidentGateway incidents;
    private final IncidentHistory history;
    private final PagerDutyProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    PagerDutyWebhook(IncidentGateway incidents, IncidentHistory history, PagerDutyProperties properties,
                     JsonMapper json, Clock clock) {
        this.incidents = incidents;
        this.history = history;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    static IncidentId incidentOf(String pagerDutyIncidentId) {
        return IncidentId.fromSource(SOURCE + ":" + pagerDutyIncidentId);
    }

    DeliveryView receive(byte[] body, String signature) {
        if (properties.verifiesSignatures() && !PagerDutySignature.matches(signature, body, properties.secret())) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, ApiProblem.INVALID_SIGNATURE,
                    "X-PagerDuty-Signature is missing or does not match the configured secret.");
        }
        JsonNode event = parse(body).path("event");
        if (!event.isObject()) {
            throw ApiProblem.invalidPayload("event: a PagerDuty v3 webhook payload has an \"event\" object.");
        }
        String eventId = required(event, "id", "event.id");
        String type = required(event, "event_type", "event.event_type");
        Instant occurredAt = notLater(time(event.path("occurred_at"), "event.occurred_at", true), "event.occurred_at");
        String agent = text(event.path("agent").path("summary"));
        JsonNode data = event.path("data");
        String sourceId = SOURCE + ":" + eventId;
        return switch (type) {
            case "incident.triggered" -> {
                IncidentId id = ensureDeclared(data);
                yield DeliveryView.declared(id.value());
            }
            case "incident.acknowledged" -> {
                IncidentId id = ensureDeclared(data);
                String by = clip(firstOf(agent, text(data.path("assignees").path(0).path("summary")),
                        properties.declaredBy()), MAX_NAME);
                yield apply(id, new AcknowledgeIncident(id, by, notBefore(occurredAt, data), sourceId));
            }
            case "incident.resolved" -> {
                IncidentId id = ensureDeclared(data);
                String summary = firstOf(text(data.path("resolve_reason").path("summary")),
                        text(data.path("resolve_reason")), "Resolved in PagerDuty");
                yield apply(id, new ResolveIncident(id, clip(firstOf(agent, properties.declaredBy()), MAX_NAME),
                        clip(summary, MAX_TEXT), notBefore(occurredAt, data), sourceId));
            }
            case "incident.annotated" -> {
                String pagerDutyId = required(data.path("incident"), "id", "event.data.incident.id");
                IncidentId id = incidentOf(pagerDutyId);
                if (!history.stateOf(id).declared()) {
                    yield DeliveryView.ignored(null, "PagerDuty incident " + pagerDutyId
                            + " is not known here (its trigger was never received).");
                }
                String content = required(data, "content", "event.data.content");
                String link = text(data.path("incident").path("html_url"));
                yield apply(id, new AddTimelineNote(id, EntryId.random(),
                        clip(firstOf(agent, properties.declaredBy()), MAX_NAME), clip(content, MAX_TEXT),
                        link == null ? List.of() : List.of(clip(link, 2_000)), occurredAt, sourceId));
            }
            default -> DeliveryView.ignored(null, "Event type " + type + " is not mapped to the timeline.");
        };
    }

    private DeliveryView apply(IncidentId id, dev.incidenttimeline.incident.api.IncidentCommand command) {
        try {
            incidents.send(command);
            return DeliveryView.recorded(id.value());
        } catch (IncidentRejected rejected) {
            if (rejected.code() == ErrorCode.INVALID_TRANSITION || rejected.code() == ErrorCode.INCIDENT_CLOSED) {
                return DeliveryView.ignored(id.value(), rejected.getMessage());
            }
            throw rejected;
        }
    }

    /** Declares the incident from an event whose data is a whole PagerDuty incident, unless it exists already. */
    private IncidentId ensureDeclared(JsonNode data) {
        String pagerDutyId = required(data, "id", "event.data.id");
        IncidentId id = incidentOf(pagerDutyId);
        if (history.stateOf(id).declared()) {
            return id;
        }
        Instant createdAt = notLater(time(data.path("created_at"), "event.data.created_at", true),
                "event.data.created_at");
        String title = clip(firstOf(text(data.path("title")), "PagerDuty incident " + pagerDutyId), MAX_NAME);
        String priority = text(data.path("priority").path("summary"));
        String urgency = text(data.path("urgency"));
        String service = text(data.path("service").path("summary"));
        String url = text(data.path("html_url"));
        incidents.send(new DeclareIncident(id, title, properties.severityOf(priority, urgency),
                service == null ? List.of() : List.of(clip(service, MAX_NAME)), DetectionSource.ALERT, createdAt,
                null, properties.declaredBy(), false, createdAt, SOURCE + ":declare:" + pagerDutyId));
        Map<String, String> labels = new LinkedHashMap<>();
        put(labels, "incident_number", data.path("number").isNumber() ? data.path("number").asString() : null);
        put(labels, "urgency", urgency);
        put(labels, "priority", priority);
        put(labels, "service", service);
        put(labels, "html_url", url);
        incidents.send(new LinkAlert(id, SOURCE, pagerDutyId, title, url, labels, createdAt,
                SOURCE + ":link:" + pagerDutyId));
        return id;
    }

    private static void put(Map<String, String> labels, String name, String value) {
        if (value != null) {
            labels.put(name, clip(value, 2_000));
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException notJson) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, ApiProblem.MALFORMED_REQUEST,
                    "The request body is not valid JSON.");
        }
    }

    /** An acknowledgement or resolution cannot precede the incident's creation, whatever the clocks say. */
    private Instant notBefore(Instant time, JsonNode data) {
        Instant createdAt = time(data.path("created_at"), "event.data.created_at", false);
        return createdAt != null && time.isBefore(createdAt) ? notLater(createdAt, "event.data.created_at") : time;
    }

    /** PagerDuty's clock may run a little ahead of ours; further ahead is refused. */
    private Instant notLater(Instant time, String field) {
        return SenderClock.notLater(time, clock.instant(), field);
    }

    private static String required(JsonNode node, String field, String path) {
        String value = text(node.path(field));
        if (value == null || value.isBlank() || (!"content".equals(field) && value.length() > MAX_ID)) {
            throw ApiProblem.invalidPayload(path + " is required" + ("content".equals(field) ? "."
                    : " (a string of at most " + MAX_ID + " characters)."));
        }
        return value;
    }

    private static Instant time(JsonNode node, String path, boolean required) {
        String value = text(node);
        if (value == null) {
            if (required) {
                throw ApiProblem.invalidPayload(path + " is required (an ISO-8601 time).");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notATime) {
            throw ApiProblem.invalidPayload(path + ": \"" + clip(value, 40) + "\" is not an ISO-8601 time.");
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }
}
