package dev.incidenttimeline.notification;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of outbound notifications, under {@code incident.core.notifications}. A channel is active when its
 * address is set; with none set nothing is sent.
 *
 * @param enabled whether the notification processor runs at all
 * @param webhook a generic JSON webhook
 * @param slack   Slack
 * @param retry   how a failed send is retried
 * @param timeout how long one HTTP request may take
 */
public record NotificationProperties(@DefaultValue("true") boolean enabled,
                                     @DefaultValue Webhook webhook,
                                     @DefaultValue Slack slack,
                                     @DefaultValue Retry retry,
                                     @DefaultValue("10s") Duration timeout) {

    /**
     * A generic JSON webhook: every notified event is POSTed as one JSON object.
     *
     * @param url     where to POST; unset means no webhook
     * @param headers extra request headers, e.g. an {@code Authorization} header the receiver expects
     */
    public record Webhook(URI url, Map<String, String> headers) {

        public Webhook {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /**
     * Slack. With a bot token and a channel, each incident gets one message and everything after it goes into that
     * message's thread (Web API {@code chat.postMessage} with {@code thread_ts}). With only an incoming-webhook URL,
     * every notification is its own channel message naming the incident (incoming webhooks cannot thread).
     *
     * @param webhookUrl an incoming-webhook URL
     * @param botToken   a bot token ({@code xoxb-...}) with {@code chat:write}
     * @param channel    the channel id or name the bot posts to
     * @param apiUrl     the Web API base address
     */
    public record Slack(URI webhookUrl,
                        String botToken,
                        String channel,
                        @DefaultValue("https://slack.com/api") URI apiUrl) {

        /** Whether the Web API (threads) is configured. */
        public boolean usesWebApi() {
            return botToken != null && !botToken.isBlank() && channel != null && !channel.isBlank();
        }

        /** Whether any Slack channel is configured. */
        public boolean isConfigured() {
            return usesWebApi() || webhookUrl != null;
        }
    }

    /**
     * Retries of a failed send: after the n-th failure the dispatcher waits {@code baseDelay * 2^(n-1)}, at most
     * {@code maxDelay}, and gives up (logging the event id) after {@code attempts} tries. A refusal that cannot get
     * better (HTTP 4xx other than 408 and 429) is not retried.
     *
     * @param attempts  how many tries in all
     * @param baseDelay the wait after the first failure
     * @param maxDelay  the longest wait
     */
    public record Retry(@DefaultValue("4") int attempts,
                        @DefaultValue("500ms") Duration baseDelay,
                        @DefaultValue("30s") Duration maxDelay) {
    }
}
