package dev.incidenttimeline.notification;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posts notifications to Slack, as the teams in the seeds do it: one message per incident, everything after it in
 * that message's thread.
 *
 * <ul>
 *   <li>With a bot token and channel (Web API): the first notification of an incident posts the incident's message
 *   with {@code chat.postMessage}; its {@code ts} is remembered and later notifications are posted with
 *   {@code thread_ts} into its thread. A resolution is also broadcast to the channel.</li>
 *   <li>With only an incoming-webhook URL: each notification is its own message naming the incident, since
 *   incoming webhooks cannot post into threads.</li>
 * </ul>
 */
public class SlackNotifier implements IncidentNotifier {

    /** The channel name of Slack. */
    public static final String CHANNEL = "slack";

    private final NotificationProperties.Slack slack;
    private final NotificationRecords records;
    private final JsonHttp http;

    public SlackNotifier(NotificationProperties.Slack slack, NotificationRecords records,
                         NotificationProperties settings) {
        if (!slack.isConfigured()) {
            throw new IllegalArgumentException("Slack needs a bot token and channel, or an incoming-webhook URL");
        }
        this.slack = slack;
        this.records = records;
        this.http = new JsonHttp(settings.timeout());
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void send(Notification notification) {
        if (!slack.usesWebApi()) {
            http.post(slack.webhookUrl(), message(standalone(notification)), Map.of());
            return;
        }
        Optional<String> thread = records.thread(notification.incidentId(), CHANNEL);
        if (thread.isEmpty()) {
            // The incident's own message; an incident declared before Slack was set up gets one now.
            String ts = postMessage(standalone(notification), null, false);
            records.saveThread(notification.incidentId(), CHANNEL, ts);
            return;
        }
        postMessage(escape(notification.text()), thread.get(), "IncidentResolved".equals(notification.type()));
    }

    private String postMessage(String text, String threadTs, boolean broadcast) {
        Map<String, Object> body = message(text);
        body.put("channel", slack.channel());
        if (threadTs != null) {
            body.put("thread_ts", threadTs);
            if (broadcast) {
                body.put("reply_broadcast", true);
            }
        }
        JsonNode answer = http.post(URI.create(slack.apiUrl() + "/chat.postMessage"), body,
                Map.of("Authorization", "Bearer " + slack.botToken()));
        if (!answer.path("ok").asBoolean(false)) {
            String error = answer.path("error").asText("unknown");
            // Slack answers 200 with ok=false; only a rate limit or an internal error is worth another try.
            boolean retryable = List.of("ratelimited", "internal_error", "fatal_error", "service_unavailable",
                    "request_timeout").contains(error);
            throw new NotificationFailedException("Slack refused the message: " + error, retryable);
        }
        return answer.path("ts").asText();
    }

    private static Map<String, Object> message(String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("blocks", List.of(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text))));
        return body;
    }

    /** A message that makes sense on its own: which incident, then what happened. */
    private static String standalone(Notification notification) {
        return ":rotating_light: *" + escape(notification.incidentTitle()) + "* (incident "
                + notification.incidentId() + ")\n" + escape(notification.text());
    }

    /** Slack's mrkdwn needs only these three escaped. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
