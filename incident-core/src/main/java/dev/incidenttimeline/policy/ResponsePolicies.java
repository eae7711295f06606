package dev.incidenttimeline.policy;

import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.policy.ResponsePolicyProperties.Pace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which {@link ResponsePolicy} applies to an incident of a severity touching some services: the pace of its
 * severity (built-in, overlaid by the configured one), with the fields that service overrides set replaced by the
 * strictest of them.
 */
public class ResponsePolicies {

    /**
     * The built-in pace: SEV1 acknowledge 5 min, first update 15 min, update every 30 min, mitigate 1 h; SEV2
     * 15 min / 30 min / 1 h / 4 h; SEV3 1 h / 2 h / 4 h, no mitigation deadline; SEV4 and SEV5 none. A customer
     * callback is due when the report promised it; no default callback time.
     */
    public static final Map<Severity, Pace> DEFAULTS = Map.of(
            Severity.SEV1, pace(minutes(5), minutes(15), minutes(30), minutes(60)),
            Severity.SEV2, pace(minutes(15), minutes(30), minutes(60), minutes(240)),
            Severity.SEV3, pace(minutes(60), minutes(120), minutes(240), null),
            Severity.SEV4, pace(null, null, null, null),
            Severity.SEV5, pace(null, null, null, null));

    private final Map<Severity, Pace> severities = new EnumMap<>(Severity.class);
    private final Map<String, Map<Severity, Pace>> services;

    /** The built-in pace, overlaid by the given settings. */
    public ResponsePolicies(ResponsePolicyProperties properties) {
        for (Severity severity : Severity.values()) {
            severities.put(severity, overlay(DEFAULTS.get(severity), properties.severities().get(severity)));
        }
        services = properties.services();
    }

    /** Exactly the given pace per severity, without the built-in one (for what-if replays and tests). */
    public static ResponsePolicies of(Map<Severity, Pace> severities) {
        ResponsePolicyProperties properties = new ResponsePolicyProperties(true, Map.of(), Map.of(), null);
        ResponsePolicies policies = new ResponsePolicies(properties);
        for (Severity severity : Severity.values()) {
            policies.severities.put(severity, severities.getOrDefault(severity, pace(null, null, null, null)));
        }
        return policies;
    }

    /** The policy for an incident of this severity that touches these services. */
    public ResponsePolicy forIncident(Severity severity, List<String> services) {
        Pace base = severities.get(Objects.requireNonNull(severity, "severity"));
        List<Pace> overrides = new ArrayList<>();
        List<String> overridden = new ArrayList<>();
        for (String service : services == null ? List.<String>of() : services) {
            Pace override = this.services.getOrDefault(service, Map.of()).get(severity);
            if (override != null) {
                overrides.add(override);
                overridden.add(service);
            }
        }
        String name = overridden.isEmpty() ? severity.name() : severity + " for " + String.join(", ", overridden);
        return new ResponsePolicy(name,
                field(base, overrides, Pace::acknowledgeWithin),
                field(base, overrides, Pace::firstUpdateWithin),
                field(base, overrides, Pace::updateEvery),
                field(base, overrides, Pace::mitigateWithin),
                field(base, overrides, Pace::callbackWithin));
    }

    private static Duration field(Pace base, List<Pace> overrides, Function<Pace, Duration> field) {
        Duration strictest = null;
        boolean overridden = false;
        for (Pace override : overrides) {
            Duration value = field.apply(override);
            if (value != null) {
                overridden = true;
                if (isSet(value) && (strictest == null || value.compareTo(strictest) < 0)) {
                    strictest = value;
                }
            }
        }
        Duration value = overridden ? strictest : field.apply(base);
        return isSet(value) ? value : null;
    }

    private static Pace overlay(Pace base, Pace override) {
        if (override == null) {
            return base;
        }
        return new Pace(first(override.acknowledgeWithin(), base.acknowledgeWithin()),
                first(override.firstUpdateWithin(), base.firstUpdateWithin()),
                first(override.updateEvery(), base.updateEvery()),
                first(override.mitigateWithin(), base.mitigateWithin()),
                first(override.callbackWithin(), base.callbackWithin()));
    }

    private static Duration first(Duration value, Duration fallback) {
        return value != null ? value : fallback;
    }

    private static boolean isSet(Duration value) {
        return value != null && !value.isNegative() && !value.isZero();
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static Pace pace(Duration acknowledge, Duration firstUpdate, Duration every, Duration mitigate) {
        return new Pace(acknowledge, firstUpdate, every, mitigate, null);
    }
}
