package dev.incidenttimeline.app.integration.alertmanager;

import dev.incidenttimeline.incident.api.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How Alertmanager notifications become incidents, under {@code incident.integrations.alertmanager}.
 *
 * @param severityLabel   the alert label that holds the severity
 * @param severities      the severity label's values and the incident severity each one means (case-insensitive);
 *                        by default {@code critical}/{@code page} → SEV1, {@code error}/{@code high} → SEV2,
 *                        {@code warning} → SEV3, {@code info}/{@code low} → SEV4
 * @param defaultSeverity the severity when no firing alert has a known severity label
 * @param serviceLabels   the labels that name the affected service, tried in this order for each firing alert
 * @param declaredBy      who an incident declared from a notification is declared by
 * @param bearerToken     the secret Alertmanager sends as {@code Authorization: Bearer <secret>} (its
 *                        {@code http_config.authorization.credentials}); a delivery with it needs no API token.
 *                        Without it, deliveries need an API token of a responder
 * @param organisation    the organisation whose incidents the deliveries authenticated by {@code bearerToken} are
 */
@ConfigurationProperties("incident.integrations.alertmanager")
public record AlertmanagerProperties(@DefaultValue("severity") String severityLabel,
                                     Map<String, Severity> severities,
                                     @DefaultValue("SEV3") Severity defaultSeverity,
                                     @DefaultValue({"service", "job"}) List<String> serviceLabels,
                                     @DefaultValue("alertmanager") String declaredBy,
                                     String bearerToken,
                                     String organisation) {

    public AlertmanagerProperties {
        Map<String, Severity> normalized = new LinkedHashMap<>();
        if (severities == null || severities.isEmpty()) {
            normalized.putAll(Map.of("critical", Severity.SEV1, "page", Severity.SEV1, "error", Severity.SEV2,
                    "high", Severity.SEV2, "warning", Severity.SEV3, "info", Severity.SEV4, "low", Severity.SEV4));
        } else {
            severities.forEach((value, severity) -> normalized.put(value.toLowerCase(Locale.ROOT), severity));
        }
        severities = Map.copyOf(normalized);
        serviceLabels = List.copyOf(serviceLabels);
    }

    Severity severityOf(String labelValue) {
        return labelValue == null ? null : severities.get(labelValue.toLowerCase(Locale.ROOT));
    }
}
