package dev.incidenttimeline.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidenttimeline.privacy.SubjectKeyExport;

import java.time.Instant;
import java.util.List;

/**
 * One line of an export: a stored event with everything needed to store it again elsewhere, unchanged.
 *
 * @param eventId         the event identifier
 * @param aggregateType   the aggregate type (e.g. {@code Incident})
 * @param aggregateId     the aggregate (incident) id
 * @param sequence        the event's sequence number in the incident's stream
 * @param recordedAt      when it was stored (the message timestamp)
 * @param payloadType     the event's stored type name
 * @param payloadRevision the event's revision, if any
 * @param payload         the event, as stored (JSON)
 * @param metaData        the message's metadata, as stored (JSON)
 * @param personalDataKeys the keys of the people whose (encrypted) names the payload holds, so that the importing
 *                         deployment can read them; none for an erased person, who stays erased; {@code null} in an
 *                         export made before names were encrypted
 */
public record ExportedEvent(String eventId,
                            String aggregateType,
                            String aggregateId,
                            long sequence,
                            Instant recordedAt,
                            String payloadType,
                            String payloadRevision,
                            JsonNode payload,
                            JsonNode metaData,
                            List<SubjectKeyExport> personalDataKeys) {
}
