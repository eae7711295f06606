package dev.incidenttimeline.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a presented API token against the configured hashes. A SHA-256 hash is compared in constant time; a bcrypt
 * match is remembered (by the token's SHA-256) so that only the first request of a token pays for bcrypt.
 */
public class ApiTokens {

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();
    private static final int REMEMBERED = 1_000;
    /** The hashes of the demo tokens in the app's {@code application.yml}. */
    private static final Set<String> DEMO_HASHES = Set.of(
            "1050c82fc3802442cff34ded9758fea08e4726d65bf5a28624d4d7b2ee8a7737",
            "aaa4bf8592da407201ec6eb29fa31e1b583498187d63a84d0cb51746676046b1");

    private final Map<String, AccessProperties.Token> tokens;
    private final Map<String, Caller> bcryptMatches = new ConcurrentHashMap<>();

    public ApiTokens(AccessProperties properties) {
        Map<String, AccessProperties.Token> valid = new LinkedHashMap<>();
        properties.tokens().forEach((name, token) -> {
            if (token.tokenHash() == null || token.tokenHash().isBlank() || token.role() == null
                    || token.role() == AccessRole.INTEGRATION) {
                throw new IllegalStateException("incident.security.tokens." + name
                        + " needs a token-hash and a role (VIEWER, RESPONDER or ADMIN)");
            }
            if (!isBcrypt(token.tokenHash()) && !token.tokenHash().matches("(?i)[0-9a-f]{64}")) {
                throw new IllegalStateException("incident.security.tokens." + name
                        + ".token-hash is neither 64 hex digits (SHA-256) nor a bcrypt hash");
            }
            valid.put(name, token);
        });
        this.tokens = Map.copyOf(valid);
        tokens.forEach((name, token) -> {
            if (DEMO_HASHES.contains(token.tokenHash().toLowerCase(Locale.ROOT))) {
                log.warn("API token '{}' is a public demo token (see README): replace it before others can reach "
                        + "this app", name);
            }
        });
        if (tokens.isEmpty()) {
            log.warn("No API tokens are configured (incident.security.tokens): the API answers every call with 401");
        }
    }

    /** The caller a token belongs to, if it is one of ours. */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        Caller remembered = bcryptMatches.get(HexFormat.of().formatHex(digest));
        if (remembered != null) {
            return Optional.of(remembered);
        }
        for (Map.Entry<String, AccessProperties.Token> entry : tokens.entrySet()) {
            AccessProperties.Token token = entry.getValue();
            Caller caller = new Caller(entry.getKey(), token.role(), blankToNull(token.organisation()));
            if (isBcrypt(token.tokenHash())) {
                if (BCRYPT.matches(presented, token.tokenHash())) {
                    if (bcryptMatches.size() < REMEMBERED) {
                        bcryptMatches.put(HexFormat.of().formatHex(digest), caller);
                    }
                    return Optional.of(caller);
                }
            } else if (MessageDigest.isEqual(digest,
                    HexFormat.of().parseHex(token.tokenHash().toLowerCase(Locale.ROOT)))) {
                return Optional.of(caller);
            }
        }
        return Optional.empty();
    }

    /** Whether a token with this name is configured. */
    boolean has(String name) {
        return tokens.containsKey(name);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean isBcrypt(String hash) {
        return hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$");
    }
}
