package dev.incidenttimeline.notification;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sends every notification as one JSON object to a URL:
 *
 * <pre>
 * {"eventId": "...", "type": "IncidentAcknowledged", "incidentId": "...", "incidentTitle": "Checkout is down",
 *  "text": "Acknowledged by bob", "occurredAt": "2026-11-20T21:35:00Z", "recordedAt": "...",
 *  "event": { ...the event's fields... }}
 * </pre>
 *
 * The receiver can de-duplicate by {@code eventId} (a send whose answer got lost is sent again).
 */
public class WebhookNotifier implements IncidentNotifier {

    /** The channel name of the webhook. */
    public static final String CHANNEL = "webhook";

    private final URI url;
    private final Map<String, String> headers;
    private final JsonHttp http;

    public WebhookNotifier(NotificationProperties.Webhook webhook, NotificationProperties settings) {
        this.url = Objects.requireNonNull(webhook.url(), "url");
        this.headers = webhook.headers();
        this.http = new JsonHttp(settings.timeout());
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void send(Notification notification) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", notification.eventId());
        body.put("type", notification.type());
        body.put("incidentId", notification.incidentId());
        body.put("incidentTitle", notification.incidentTitle());
        body.put("text", notification.text());
        body.put("occurredAt", notification.occurredAt());
        body.put("recordedAt", notification.recordedAt());
        body.put("event", notification.event());
        http.post(url, body, headers);
    }
}
