package dev.incidenttimeline.incident.api;

import dev.incidenttimeline.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The impact as known at this point.
 */
@Revision("1")
public record ImpactRecorded(IncidentId incidentId,
                             List<String> services,
                             Integer customersAffected,
                             Long usersAffected,
                             List<String> affectedCustomers,
                             @PersonalData String by,
                             Instant occurredAt,
                             String sourceId) implements IncidentEvent {
}
