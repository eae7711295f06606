package dev.incidenttimeline.notification;

import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentId;

import java.time.Instant;

/**
 * One thing worth telling about an incident.
 *
 * @param eventId       the identifier of the stored event (the same on a redelivery)
 * @param type          the event's type name, e.g. {@code IncidentAcknowledged}
 * @param incidentId    the incident
 * @param incidentTitle the incident's title as declared
 * @param text          one line for people, e.g. {@code Acknowledged by bob}
 * @param occurredAt    when it happened
 * @param recordedAt    when it was stored
 * @param event         the event itself
 */
public record Notification(String eventId,
                           String type,
                           IncidentId incidentId,
                           String incidentTitle,
                           String text,
                           Instant occurredAt,
                           Instant recordedAt,
                           IncidentEvent event) {

    /** Whether this notification opens the incident (its declaration). */
    public boolean opensIncident() {
        return "IncidentDeclared".equals(type);
    }
}
