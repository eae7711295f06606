package dev.incidenttimeline.incident.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one entry a person wrote on the timeline (a status update or a note), so it can be amended, redacted or pinned.
 */
public record EntryId(String value) {

    public EntryId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static EntryId of(String value) {
        return new EntryId(value);
    }

    public static EntryId random() {
        return new EntryId(UUID.randomUUID().toString());
    }

    /**
     * The id an entry recorded from an external source always gets, so that a retried request is answered with the
     * id of the entry its first delivery created.
     */
    public static EntryId fromSource(IncidentId incidentId, String sourceId) {
        return new EntryId(UUID.nameUUIDFromBytes(("entry:" + incidentId + ":" + sourceId)
                .getBytes(StandardCharsets.UTF_8)).toString());
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
