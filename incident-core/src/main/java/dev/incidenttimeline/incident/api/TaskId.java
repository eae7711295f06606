package dev.incidenttimeline.incident.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a task handed out during the response (divide and conquer).
 */
public record TaskId(String value) {

    public TaskId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static TaskId of(String value) {
        return new TaskId(value);
    }

    public static TaskId random() {
        return new TaskId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
