package dev.incidenttimeline.app;

import dev.incidenttimeline.incident.api.IncidentEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP client on the app under test, and a look into its event store. Every request carries an API token:
 * the demo admin token of {@code application.yml} (no organisation: it sees everything) unless the client was made
 * with {@link #as(String)} or {@link #anonymous()}; a request that passes its own {@code Authorization} header sends
 * that one instead.
 */
public final class Http {

    /** The demo admin token shipped in the app's {@code application.yml}. */
    public static final String ADMIN_TOKEN = "incident-demo-admin";
    /** The demo viewer token shipped in the app's {@code application.yml}. */
    public static final String VIEWER_TOKEN = "incident-demo-viewer";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final HttpClient client = CLIENT;
    private final String base;
    private final String token;

    public Http(int port) {
        this("http://localhost:" + port, ADMIN_TOKEN);
    }

    private Http(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same app, called with another API token. */
    public Http as(String otherToken) {
        return new Http(base, otherToken);
    }

    /** The same app, called without credentials. */
    public Http anonymous() {
        return new Http(base, null);
    }

    /** Declares an incident (SEV2, service {@code web}, detected by an alert) and returns its id. */
    public String declare(String title) {
        HttpResponse<String> declared = post("/api/incidents", """
                {"title": "%s", "severity": "SEV2", "services": ["web"], "detectedBy": "ALERT", "declaredBy": "Carol"}"""
                .formatted(title));
        if (declared.statusCode() != 201) {
            throw new IllegalStateException("Declaring \"" + title + "\" failed: " + declared.statusCode() + " "
                    + declared.body());
        }
        return json(declared).get("id").asString();
    }

    public HttpResponse<String> post(String path, String json) {
        return post(path, "application/json", json, Map.of());
    }

    public HttpResponse<String> post(String path, String contentType, String body, Map<String, String> headers) {
        return send(request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(request(path, Map.of()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A {@code multipart/form-data} POST: the text fields, then (if not null) a file part named {@code file}. */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, byte[] file) {
        String boundary = "----incident-timeline-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.zip\""
                    + "\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public HttpResponse<String> send(String method, String path, String json) {
        return send(request(path, Map.of()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path, Map.of()).GET().build());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        return send(request(path, headers).GET().build());
    }

    /** A GET asking for one media type ({@code Accept}). */
    public HttpResponse<String> get(String path, String accept) {
        return get(path, Map.of("Accept", accept));
    }

    private HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null && headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The events stored for one incident, oldest first. */
    public static List<IncidentEvent> events(EventStore eventStore, String incidentId) {
        return eventStore.readEvents(incidentId, 0).asStream().map(EventMessage::getPayload)
                .map(IncidentEvent.class::cast).toList();
    }
}
