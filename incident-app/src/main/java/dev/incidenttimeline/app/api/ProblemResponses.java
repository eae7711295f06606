package dev.incidenttimeline.app.api;

import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.IncidentRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem response ({@code application/problem+json}) with a stable
 * {@code code}: the {@link ErrorCode} of a refused command, an {@link ApiProblem}'s code, or a code for what Spring
 * MVC refused (a body that is not JSON, a value of the wrong type, an unknown path, a wrong method or media type).
 * Bad content always gets a 4xx that says what is wrong; a 500 means a fault on our side, and says nothing more.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    static final String CODE = "code";

    /** Seconds a client is asked to wait before it sends a request again that failed on an unreachable store. */
    static final String STORE_RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(IncidentRejected.class)
    ResponseEntity<ProblemDetail> rejected(IncidentRejected rejected) {
        HttpStatus status = statusOf(rejected.code());
        ProblemDetail problem = problem(status, rejected.code().name(), rejected.getMessage());
        problem.setProperty("retryable", rejected.code().isRetryable());
        if (rejected.code() == ErrorCode.STORE_UNAVAILABLE) {
            log.warn("Event store unreachable: {}", rejected.getCause() == null ? rejected.getMessage()
                    : rejected.getCause().toString());
            return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER_SECONDS)
                    .body(problem);
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** A read (or an operator's action) that could not reach the database: the same answer as a refused command. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> storeUnreachable(RuntimeException failure) {
        IncidentRejected unavailable = new IncidentRejected(ErrorCode.STORE_UNAVAILABLE, "The database cannot be "
                + "reached at the moment. Try again in a little while.");
        unavailable.initCause(failure);
        return rejected(unavailable);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem refused) {
        return ResponseEntity.status(refused.status()).body(problem(refused.status(), refused.code(),
                refused.getMessage()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException failure) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, ApiProblem.MALFORMED_REQUEST,
                "The multipart request could not be read: " + failure.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("Request failed unexpectedly", failure);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "The request failed on our side; nothing about it was your fault. It is logged."));
    }

    /** Where the JSON was wrong, in words that name the field: {@code severity: "SEV9" is not one of SEV1, ...}. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException failure,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, ApiProblem.MALFORMED_REQUEST,
                describe(failure)));
    }

    /** Gives the problems Spring MVC builds itself (404, 405, 415, ...) a code as well. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey(CODE))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            String code = status == null ? "HTTP_" + statusCode.value()
                    : status == HttpStatus.BAD_REQUEST ? ApiProblem.MALFORMED_REQUEST : status.name();
            problem.setProperty(CODE, code);
            problem.setType(typeOf(code));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    static HttpStatus statusOf(ErrorCode code) {
        return switch (code) {
            case INVALID_INPUT, TIME_IN_FUTURE, TIME_OUT_OF_ORDER -> HttpStatus.BAD_REQUEST;
            case INCIDENT_NOT_FOUND, UNKNOWN_REFERENCE -> HttpStatus.NOT_FOUND;
            case INCIDENT_ALREADY_DECLARED, INCIDENT_CLOSED, INVALID_TRANSITION, ENTRY_REDACTED, POSTMORTEM_STATE,
                 CONCURRENT_MODIFICATION -> HttpStatus.CONFLICT;
            case STORE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeOf(code));
        problem.setProperty(CODE, code);
        return problem;
    }

    private static URI typeOf(String code) {
        return URI.create("urn:incident-timeline:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static String describe(HttpMessageNotReadableException failure) {
        JacksonException json = cause(failure, JacksonException.class);
        if (json == null) {
            return failure.getMessage() != null && failure.getMessage().startsWith("Required request body is missing")
                    ? "The request body is missing." : "The request body could not be read as JSON.";
        }
        String field = json.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : reference.getIndex() >= 0 ? "[" + reference.getIndex() + "]" : "?")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String where = field.isEmpty() ? "The request body" : field;
        if (json instanceof InvalidFormatException format && format.getTargetType() != null) {
            Class<?> target = format.getTargetType();
            if (target.isEnum()) {
                return where + ": " + quote(format.getValue()) + " is not one of "
                        + Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", ")) + ".";
            }
            return where + ": " + quote(format.getValue()) + " is not " + kind(target) + ".";
        }
        if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return where + ": expected " + kind(mismatch.getTargetType()) + ".";
        }
        if (!field.isEmpty()) {
            return where + ": the value could not be read (" + firstLine(json.getOriginalMessage()) + ").";
        }
        return "The request body is not valid JSON (" + firstLine(json.getOriginalMessage()) + ").";
    }

    private static String kind(Class<?> type) {
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant (such as 2024-11-29T21:35:00Z)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        return "a " + type.getSimpleName();
    }

    private static String quote(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
