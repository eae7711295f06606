package dev.incidenttimeline.app.api;

import org.springframework.http.HttpStatus;

import java.util.Objects;

/**
 * A request the API refuses before any command is sent (an integration payload that is not in the expected format,
 * a bad signature, an export without the thread asked for). Answered as a problem response with {@link #code()}.
 */
public class ApiProblem extends RuntimeException {

    /** The body is not valid JSON, has a value of the wrong type, or is missing. */
    public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    /** The body is JSON but not in the format the endpoint documents (a webhook payload without its group key, ...). */
    public static final String INVALID_PAYLOAD = "INVALID_PAYLOAD";
    /** A webhook's signature is missing or does not match the configured secret. */
    public static final String INVALID_SIGNATURE = "INVALID_SIGNATURE";
    /** The host turned the metrics read model off ({@code incident.projections.metrics.enabled=false}). */
    public static final String METRICS_DISABLED = "METRICS_DISABLED";

    private final HttpStatus status;
    private final String code;

    public ApiProblem(HttpStatus status, String code, String message) {
        super(message);
        this.status = Objects.requireNonNull(status, "status");
        this.code = Objects.requireNonNull(code, "code");
    }

    public static ApiProblem invalidPayload(String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, INVALID_PAYLOAD, message);
    }

    /** 404 {@link #METRICS_DISABLED}: what every metrics endpoint answers when the host turned them off. */
    public static ApiProblem metricsDisabled() {
        return new ApiProblem(HttpStatus.NOT_FOUND, METRICS_DISABLED,
                "The response metrics are turned off in this server (incident.projections.metrics.enabled).");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
