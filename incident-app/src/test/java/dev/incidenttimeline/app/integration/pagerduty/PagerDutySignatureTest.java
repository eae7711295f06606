package dev.incidenttimeline.app.integration.pagerduty;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PagerDutySignatureTest {

    private static final byte[] BODY = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
    /** HMAC-SHA256 of BODY under the key "key", the well-known test vector. */
    private static final String SIGNATURE = "v1=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

    @Test
    void signsTheRawBodyWithHmacSha256() {
        assertThat(PagerDutySignature.sign(BODY, "key")).isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsAnyOfSeveralSignaturesDuringARotation() {
        assertThat(PagerDutySignature.matches("v1=00ff, " + SIGNATURE, BODY, "key")).isTrue();
    }

    @Test
    void refusesAMissingOrWrongSignature() {
        assertThat(PagerDutySignature.matches(null, BODY, "key")).isFalse();
        assertThat(PagerDutySignature.matches(SIGNATURE, BODY, "other-key")).isFalse();
        assertThat(PagerDutySignature.matches(SIGNATURE.replace("v1=", "v0="), BODY, "key")).isFalse();
    }
}
