package dev.incidenttimeline.incident.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a postmortem action item.
 */
public record ActionItemId(String value) {

    public ActionItemId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static ActionItemId of(String value) {
        return new ActionItemId(value);
    }

    public static ActionItemId random() {
        return new ActionItemId(UUID.randomUUID().toString());
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
