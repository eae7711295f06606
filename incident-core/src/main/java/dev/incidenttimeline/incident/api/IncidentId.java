package dev.incidenttimeline.incident.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one incident. Stored and sent as its plain string value.
 */
public record IncidentId(String value) {

    public IncidentId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an incident id cannot be blank");
        }
    }

    @JsonCreator
    public static IncidentId of(String value) {
        return new IncidentId(value);
    }

    public static IncidentId random() {
        return new IncidentId(UUID.randomUUID().toString());
    }

    /**
     * The id an incident declared from an external source always gets, so that a redelivered "declare"
     * (a re-fired alert, a retried webhook) lands on the same incident instead of creating a second one.
     */
    public static IncidentId fromSource(String sourceId) {
        return new IncidentId(UUID.nameUUIDFromBytes(("incident:" + sourceId).getBytes(StandardCharsets.UTF_8)).toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon routes commands by the target identifier's {@code toString()}. */
    @Override
    public String toString() {
        return value;
    }
}
