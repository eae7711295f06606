package dev.incidenttimeline.incident.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Objects;

/**
 * A role in the response. The well-known ones are constants; a team may use any other name ("DB_EXPERT").
 * Names are compared case-insensitively and kept in upper case.
 */
public record Role(String name) {

    /** The incident leader (or commander): the one who coordinates and decides. */
    public static final Role LEADER = new Role("LEADER");
    /** Keeps stakeholders and customers informed. */
    public static final Role COMMUNICATOR = new Role("COMMUNICATOR");
    /** Writes down what happens, for the timeline and the postmortem. */
    public static final Role SCRIBE = new Role("SCRIBE");

    public Role {
        Objects.requireNonNull(name, "name");
        name = name.trim().toUpperCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role of(String name) {
        return new Role(name);
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
