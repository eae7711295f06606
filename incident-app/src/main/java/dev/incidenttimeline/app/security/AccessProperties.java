package dev.incidenttimeline.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The API tokens the app accepts, under {@code incident.security}. Only hashes are configured, never the tokens.
 *
 * @param tokens the tokens by name ({@code incident.security.tokens.<name>.*}); a map, so that a profile or an
 *               environment variable adds or replaces one token without repeating the others
 */
@ConfigurationProperties("incident.security")
public record AccessProperties(Map<String, Token> tokens) {

    public AccessProperties {
        tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
    }

    /**
     * One API token.
     *
     * @param tokenHash    the token's SHA-256 as 64 hex digits ({@code printf %s "$TOKEN" | sha256sum}), or a
     *                     bcrypt hash ({@code $2a$...}, {@code $2b$...}, {@code $2y$...}; slower to check)
     * @param role         VIEWER, RESPONDER or ADMIN
     * @param organisation the organisation it acts for; empty for a token that sees every organisation
     */
    public record Token(String tokenHash, AccessRole role, String organisation) {
    }
}
