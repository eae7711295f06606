package dev.incidenttimeline.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs JSON and classifies the answer: 2xx is success, 408, 429 and 5xx (and I/O errors) are worth a retry, any
 * other status is a refusal that will not get better.
 */
class JsonHttp {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private final HttpClient client;
    private final Duration timeout;

    JsonHttp(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** POSTs the body as JSON and returns the response body (parsed if it is JSON, else a text node). */
    JsonNode post(URI url, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8");
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            byte[] json = JSON.writeValueAsBytes(body);
            response = client.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException failure) {
            throw new NotificationFailedException("POST " + safe(url) + " failed: " + failure, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException("POST " + safe(url) + " was interrupted", false);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean retryable = status == 408 || status == 429 || status >= 500;
            throw new NotificationFailedException("POST " + safe(url) + " answered " + status, retryable);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(response.body());
        }
    }

    /** A webhook URL is a secret (Slack's contains the token): log only where it goes. */
    private static String safe(URI url) {
        return url.getScheme() + "://" + url.getAuthority();
    }
}
