package dev.incidenttimeline.policy;

import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.policy.ResponsePolicyProperties.Pace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResponsePoliciesTest {

    @Test
    void appliesTheBuiltInPaceWithoutSettings() {
        ResponsePolicies policies = new ResponsePolicies(new ResponsePolicyProperties(true, null, null, null));

        assertThat(policies.forIncident(Severity.SEV1, List.of("checkout"))).isEqualTo(new ResponsePolicy("SEV1",
                Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), null));
        assertThat(policies.forIncident(Severity.SEV4, List.of())).isEqualTo(ResponsePolicy.none("SEV4"));
    }

    @Test
    void overlaysConfiguredFieldsAndTurnsOffZeroes() {
        Pace sev2 = new Pace(Duration.ofMinutes(10), null, Duration.ZERO, null, Duration.ofHours(2));
        ResponsePolicies policies = new ResponsePolicies(
                new ResponsePolicyProperties(true, Map.of(Severity.SEV2, sev2), null, null));

        assertThat(policies.forIncident(Severity.SEV2, List.of())).isEqualTo(new ResponsePolicy("SEV2",
                Duration.ofMinutes(10), Duration.ofMinutes(30), null, Duration.ofHours(4), Duration.ofHours(2)));
    }

    @Test
    void takesTheStrictestOverrideOfTheIncidentsServices() {
        Map<String, Map<Severity, Pace>> services = Map.of(
                "payments", Map.of(Severity.SEV1,
                        new Pace(Duration.ofMinutes(2), null, null, Duration.ofMinutes(30), null)),
                "search", Map.of(Severity.SEV1,
                        new Pace(Duration.ofMinutes(3), Duration.ofMinutes(5), null, null, null)),
                "docs", Map.of(Severity.SEV2, new Pace(Duration.ofMinutes(1), null, null, null, null)));
        ResponsePolicies policies = new ResponsePolicies(new ResponsePolicyProperties(true, null, services, null));

        assertThat(policies.forIncident(Severity.SEV1, List.of("search", "payments", "docs"))).isEqualTo(
                new ResponsePolicy("SEV1 for search, payments", Duration.ofMinutes(2), Duration.ofMinutes(5),
                        Duration.ofMinutes(30), Duration.ofMinutes(30), null));
    }
}
