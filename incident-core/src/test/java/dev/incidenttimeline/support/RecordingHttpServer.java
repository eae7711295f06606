package dev.incidenttimeline.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server on a free port of 127.0.0.1 that answers like a webhook receiver ({@code /hook}: 200 "ok")
 * and like Slack's Web API ({@code /slack/chat.postMessage}: {@code {"ok":true,"ts":...}}), records every request,
 * and can fail the first requests with 503.
 */
public final class RecordingHttpServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    public record Request(String path, String authorization, JsonNode body, boolean answeredOk) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger nextTs = new AtomicInteger(100);

    public RecordingHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code count} requests are answered with 503. */
    public void failNext(int count) {
        failuresLeft.set(count);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests to a path that were answered with success. */
    public List<JsonNode> accepted(String path) {
        return requests.stream().filter(request -> request.path().equals(path) && request.answeredOk())
                .map(Request::body).toList();
    }

    public void clear() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String path = exchange.getRequestURI().getPath();
            boolean fail = failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
            requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Authorization"), body, !fail));
            if (fail) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String answer = path.endsWith("/chat.postMessage")
                    ? "{\"ok\":true,\"ts\":\"1700000000.000" + nextTs.getAndIncrement() + "\"}"
                    : "ok";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
