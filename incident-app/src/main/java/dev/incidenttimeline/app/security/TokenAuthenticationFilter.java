package dev.incidenttimeline.app.security;

import dev.incidenttimeline.app.integration.alertmanager.AlertmanagerProperties;
import dev.incidenttimeline.app.integration.pagerduty.PagerDutyProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Authenticates a request by its {@code Authorization: Bearer <token>} header: an API token, or on a webhook
 * endpoint the integration's own secret. A PagerDuty delivery with a signature header is let through as the
 * PagerDuty integration when a signing secret is configured: the endpoint checks the signature over the exact body
 * before anything is recorded. A bearer token that matches nothing is answered with 401 at once.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    static final String ALERTMANAGER_PATH = "/api/integrations/alertmanager";
    static final String PAGERDUTY_PATH = "/api/integrations/pagerduty";
    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final AlertmanagerProperties alertmanager;
    private final PagerDutyProperties pagerDuty;
    private final AccessProblems problems;

    TokenAuthenticationFilter(ApiTokens tokens, AlertmanagerProperties alertmanager, PagerDutyProperties pagerDuty,
                              AccessProblems problems) {
        this.tokens = tokens;
        this.alertmanager = alertmanager;
        this.pagerDuty = pagerDuty;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String header = request.getHeader("Authorization");
        String bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : null;
        Optional<Caller> caller = Optional.empty();
        if (path.equals(ALERTMANAGER_PATH) && bearer != null && matches(bearer, alertmanager.bearerToken())) {
            caller = Optional.of(new Caller("integration:alertmanager", AccessRole.INTEGRATION,
                    ApiTokens.blankToNull(alertmanager.organisation())));
        } else if (path.equals(PAGERDUTY_PATH) && pagerDuty.verifiesSignatures()
                && request.getHeader("X-PagerDuty-Signature") != null) {
            caller = Optional.of(new Caller("integration:pagerduty", AccessRole.INTEGRATION,
                    ApiTokens.blankToNull(pagerDuty.organisation())));
        } else if (bearer != null) {
            caller = tokens.authenticate(bearer);
            if (caller.isEmpty()) {
                problems.unauthenticated(response, "The bearer token is not valid.");
                return;
            }
        }
        caller.ifPresent(TokenAuthenticationFilter::signIn);
        chain.doFilter(request, response);
    }

    private static void signIn(Caller caller) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller));
        SecurityContextHolder.setContext(context);
    }

    private static boolean matches(String presented, String secret) {
        return secret != null && !secret.isEmpty() && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    /** An authenticated {@link Caller}. */
    static final class CallerAuthentication extends AbstractAuthenticationToken {

        private final Caller caller;

        CallerAuthentication(Caller caller) {
            super(caller.role().authorities());
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Caller getPrincipal() {
            return caller;
        }

        @Override
        public String getName() {
            return caller.name();
        }
    }
}
