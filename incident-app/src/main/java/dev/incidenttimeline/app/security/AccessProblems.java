package dev.incidenttimeline.app.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Answers a request without valid credentials (401 {@code UNAUTHENTICATED}) or with too small a role (403
 * {@code FORBIDDEN}) as an RFC 9457 problem, like every other error of the API.
 */
class AccessProblems {

    static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    static final String FORBIDDEN = "FORBIDDEN";

    AuthenticationEntryPoint entryPoint() {
        return (request, response, failure) -> unauthenticated(response,
                "This needs an API token: send it as 'Authorization: Bearer <token>'.");
    }

    AccessDeniedHandler accessDenied() {
        return (request, response, denied) -> write(response, HttpStatus.FORBIDDEN, FORBIDDEN,
                "Your token's role does not allow this.");
    }

    /**
     * A request Spring Security's firewall refuses (an encoded slash, a path with "..") gets a problem answer like
     * every other bad request, not the container's error page.
     */
    RequestRejectedHandler rejected() {
        return (request, response, rejected) -> write(response, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The request's path or headers are not acceptable: " + rejected.getMessage());
    }

    void unauthenticated(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"incident-timeline\"");
        write(response, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, detail);
    }

    void incidentNotFound(HttpServletResponse response) throws IOException {
        write(response, HttpStatus.NOT_FOUND, "INCIDENT_NOT_FOUND", "There is no such incident.");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Every value is one of our own constants: nothing to escape.
        response.getWriter().write("{\"type\":\"urn:incident-timeline:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')
                + "\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\",\"code\":\"" + code + "\"}");
    }
}
