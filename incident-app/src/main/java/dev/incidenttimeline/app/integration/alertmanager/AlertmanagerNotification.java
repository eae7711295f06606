package dev.incidenttimeline.app.integration.alertmanager;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body Alertmanager posts to a webhook receiver, payload version 4 (as in Alertmanager's
 * {@code notify/webhook} package). Fields this receiver does not use are still listed, so the format is documented
 * in one place.
 */
public record AlertmanagerNotification(String version,
                                       String groupKey,
                                       Integer truncatedAlerts,
                                       String status,
                                       String receiver,
                                       Map<String, String> groupLabels,
                                       Map<String, String> commonLabels,
                                       Map<String, String> commonAnnotations,
                                       String externalURL,
                                       List<Alert> alerts) {

    /** One alert of the group; {@code endsAt} is Go's zero time ({@code 0001-01-01T00:00:00Z}) while it fires. */
    public record Alert(String status,
                        Map<String, String> labels,
                        Map<String, String> annotations,
                        Instant startsAt,
                        Instant endsAt,
                        String generatorURL,
                        String fingerprint) {

        boolean firing() {
            return "firing".equals(status);
        }

        String label(String name) {
            return labels == null ? null : labels.get(name);
        }

        String annotation(String name) {
            return annotations == null ? null : annotations.get(name);
        }
    }
}
