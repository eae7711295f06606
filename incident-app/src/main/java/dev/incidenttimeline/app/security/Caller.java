package dev.incidenttimeline.app.security;

/**
 * The authenticated caller of a request.
 *
 * @param name         the token's name (or {@code integration:<name>} for a webhook), for logs
 * @param role         what it may do
 * @param organisation the organisation it acts for; {@code null} for a token without one, which sees every
 *                     organisation (a deployment without tenancy, or an operator)
 */
public record Caller(String name, AccessRole role, String organisation) {
}
