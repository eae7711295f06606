package dev.incidenttimeline.app.api;

/** The answer to a request that created something: its id (an incident's or a timeline entry's). */
public record CreatedView(String id) {
}
