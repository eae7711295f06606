package dev.incidenttimeline.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.privacy.PersonalDataCipher;
import dev.incidenttimeline.privacy.PersonalDataKeys;
import dev.incidenttimeline.privacy.SubjectKeyExport;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;

/**
 * Writes incidents' events as JSON lines ({@link ExportedEvent}), each incident's stream complete and in order,
 * read from the event store itself (not from a read model, and never from a snapshot).
 *
 * <p>The export holds the events as stored: content redacted later in the timeline is still in the event that
 * first recorded it, person names are encrypted as in the store, and each line carries the keys of the people it
 * names (not of erased ones) with their names. Treat an export like a copy of the event store.
 */
public class EventExporter {

    /** A declaration may state a time a little after its recording (the caller's clock ran ahead). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final EventStore eventStore;
    private final Serializer serializer;
    private final ObjectMapper json;
    private final PersonalDataKeys keys;

    public EventExporter(EventStore eventStore, Serializer eventSerializer, ObjectMapper json, PersonalDataKeys keys) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.serializer = Objects.requireNonNull(eventSerializer, "eventSerializer");
        this.json = Objects.requireNonNull(json, "json");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Writes one incident's events; returns how many. */
    public long exportIncident(IncidentId incidentId, OutputStream out) {
        return export(Set.of(incidentId.value()), out);
    }

    /** Writes the events of every incident declared (by its {@code occurredAt}) in [{@code from}, {@code to}). */
    public long exportDeclaredBetween(Instant from, Instant to, OutputStream out) {
        return export(declaredBetween(from, to), out);
    }

    private Set<String> declaredBetween(Instant from, Instant to) {
        Set<String> incidents = new LinkedHashSet<>();
        // A declaration is recorded after the time it states (give or take clock skew): scan from the period's start.
        try (BlockingStream<TrackedEventMessage<?>> stream =
                     eventStore.openStream(eventStore.createTokenAt(from.minus(CLOCK_SKEW)))) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                if (IncidentDeclared.class.equals(message.getPayloadType())) {
                    IncidentDeclared declared = (IncidentDeclared) message.getPayload();
                    if (!declared.occurredAt().isBefore(from) && declared.occurredAt().isBefore(to)) {
                        incidents.add(declared.incidentId().value());
                    }
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", interrupted);
        }
        return incidents;
    }

    private long export(Set<String> incidentIds, OutputStream out) {
        long count = 0;
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (String incidentId : incidentIds) {
                DomainEventStream events = eventStore.readEvents(incidentId, 0);
                while (events.hasNext()) {
                    writer.write(json.writeValueAsString(exported(events.next())));
                    writer.write('\n');
                    count++;
                }
            }
            writer.flush();
        } catch (IOException failure) {
            throw new UncheckedIOException("Could not write the export", failure);
        }
        return count;
    }

    private ExportedEvent exported(DomainEventMessage<?> message) throws IOException {
        // The payload as stored (names encrypted), not decrypted and encrypted again.
        SerializedObject<String> payload = message.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
        JsonNode storedPayload = json.readTree(payload.getData());
        return new ExportedEvent(message.getIdentifier(), message.getType(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), message.getTimestamp(), payload.getType().getName(),
                payload.getType().getRevision(), storedPayload, json.readTree(metaData.getData()),
                keysOf(storedPayload));
    }

    private List<SubjectKeyExport> keysOf(JsonNode payload) {
        Set<UUID> subjects = new LinkedHashSet<>();
        collectSubjects(payload, subjects);
        return subjects.stream().map(keys::export).flatMap(Optional::stream).toList();
    }

    private static void collectSubjects(JsonNode node, Set<UUID> subjects) {
        if (node.isTextual()) {
            PersonalDataCipher.subjectOf(node.textValue()).ifPresent(subjects::add);
        }
        node.forEach(child -> collectSubjects(child, subjects));
    }
}
