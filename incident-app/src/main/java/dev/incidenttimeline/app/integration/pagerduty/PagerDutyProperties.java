package dev.incidenttimeline.app.integration.pagerduty;

import dev.incidenttimeline.incident.api.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How PagerDuty webhooks become incident commands, under {@code incident.integrations.pagerduty}.
 *
 * @param secret          the webhook subscription's signing secret; when set, every delivery must carry a matching
 *                        {@code X-PagerDuty-Signature} or it is refused with 401; when empty nothing is verified
 * @param priorities      PagerDuty priority names and the severity each means (case-insensitive); by default
 *                        {@code P1} → SEV1 … {@code P5} → SEV5
 * @param urgencies       the severity of an incident without a known priority, by urgency; by default
 *                        {@code high} → SEV2, {@code low} → SEV4
 * @param defaultSeverity the severity when neither priority nor urgency is known
 * @param declaredBy      who an incident declared from PagerDuty is declared by
 * @param organisation    the organisation whose incidents the signed deliveries are; with a {@code secret} a
 *                        delivery needs no API token (its signature is its proof), without one it needs an API
 *                        token of a responder
 */
@ConfigurationProperties("incident.integrations.pagerduty")
public record PagerDutyProperties(String secret,
                                  Map<String, Severity> priorities,
                                  Map<String, Severity> urgencies,
                                  @DefaultValue("SEV3") Severity defaultSeverity,
                                  @DefaultValue("pagerduty") String declaredBy,
                                  String organisation) {

    public PagerDutyProperties {
        priorities = lowerCaseKeys(priorities, Map.of("p1", Severity.SEV1, "p2", Severity.SEV2, "p3", Severity.SEV3,
                "p4", Severity.SEV4, "p5", Severity.SEV5));
        urgencies = lowerCaseKeys(urgencies, Map.of("high", Severity.SEV2, "low", Severity.SEV4));
    }

    public boolean verifiesSignatures() {
        return secret != null && !secret.isEmpty();
    }

    Severity severityOf(String priority, String urgency) {
        Severity byPriority = priority == null ? null : priorities.get(priority.toLowerCase(Locale.ROOT));
        if (byPriority != null) {
            return byPriority;
        }
        Severity byUrgency = urgency == null ? null : urgencies.get(urgency.toLowerCase(Locale.ROOT));
        return byUrgency != null ? byUrgency : defaultSeverity;
    }

    private static Map<String, Severity> lowerCaseKeys(Map<String, Severity> given, Map<String, Severity> defaults) {
        if (given == null || given.isEmpty()) {
            return defaults;
        }
        Map<String, Severity> normalized = new LinkedHashMap<>();
        given.forEach((key, severity) -> normalized.put(key.toLowerCase(Locale.ROOT), severity));
        return Map.copyOf(normalized);
    }
}
