package dev.incidenttimeline.app.integration.pagerduty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * PagerDuty's webhook signature: {@code v1=} and the hex HMAC-SHA256 of the raw body under the subscription's
 * secret. While a secret is rotated the header carries several, comma-separated; one match is enough.
 */
final class PagerDutySignature {

    private PagerDutySignature() {
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }

    static boolean matches(String header, byte[] body, String secret) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] expected = sign(body, secret).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : header.split(",")) {
            // Compared in constant time, so the comparison does not tell how much of a forged signature was right.
            if (MessageDigest.isEqual(expected, candidate.trim().getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
