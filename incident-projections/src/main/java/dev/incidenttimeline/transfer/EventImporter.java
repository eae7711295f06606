package dev.incidenttimeline.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidenttimeline.privacy.PersonalDataKeys;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stores the events of an export ({@link EventExporter}) in this instance's event store, each with its original
 * identifier, aggregate id, sequence number and recorded time. The read models then pick them up like any new
 * events.
 *
 * <p>An event already stored here at the same place of the same incident's stream, with the same identifier, is
 * skipped: importing an export twice adds nothing. Another event at that place, or a gap in a stream, is refused
 * with {@link ImportRejected} and nothing of that incident is stored. Each incident is stored in one transaction.
 */
public class EventImporter {

    private final EventStore eventStore;
    private final Serializer serializer;
    private final ObjectMapper json;
    private final TransactionManager transactionManager;
    private final PersonalDataKeys keys;

    public EventImporter(EventStore eventStore, Serializer eventSerializer, ObjectMapper json,
                         TransactionManager transactionManager, PersonalDataKeys keys) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.serializer = Objects.requireNonNull(eventSerializer, "eventSerializer");
        this.json = Objects.requireNonNull(json, "json");
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Reads the export to its end and stores what is not stored yet. */
    public ImportResult importFrom(InputStream in) {
        Map<String, List<ExportedEvent>> byIncident = read(in);
        int read = 0;
        int added = 0;
        for (List<ExportedEvent> events : byIncident.values()) {
            events.sort(Comparator.comparingLong(ExportedEvent::sequence));
            read += events.size();
            added += importStream(events);
        }
        return new ImportResult(read, added, read - added);
    }

    private Map<String, List<ExportedEvent>> read(InputStream in) {
        Map<String, List<ExportedEvent>> byIncident = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ExportedEvent event = parse(line, number);
                byIncident.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("Could not read the export", failure);
        }
        return byIncident;
    }

    private ExportedEvent parse(String line, int number) {
        try {
            ExportedEvent event = json.readValue(line, ExportedEvent.class);
            if (event.eventId() == null || event.aggregateId() == null || event.aggregateType() == null
                    || event.recordedAt() == null || event.payloadType() == null || event.payload() == null
                    || event.sequence() < 0) {
                throw new ImportRejected("Line " + number + " of the export is not a complete exported event.");
            }
            return event;
        } catch (JsonProcessingException failure) {
            throw new ImportRejected("Line " + number + " of the export is not an exported event: "
                    + failure.getOriginalMessage(), failure);
        }
    }

    /** Stores the events of one incident that are not stored yet; returns how many. */
    private int importStream(List<ExportedEvent> events) {
        String incidentId = events.get(0).aggregateId();
        long last = eventStore.lastSequenceNumberFor(incidentId).orElse(-1L);
        Map<Long, String> stored = last < 0 ? Map.of() : storedIdentifiers(incidentId);
        List<EventMessage<?>> toStore = new ArrayList<>();
        long expected = last + 1;
        for (ExportedEvent event : events) {
            if (event.sequence() <= last) {
                if (!event.eventId().equals(stored.get(event.sequence()))) {
                    throw new ImportRejected("Incident " + incidentId + " holds another event at position "
                            + event.sequence() + " than the export (" + event.eventId() + "); it was not imported.");
                }
                continue;
            }
            if (event.sequence() != expected) {
                throw new ImportRejected("The export misses events of incident " + incidentId + " (expected position "
                        + expected + ", found " + event.sequence() + "); it was not imported.");
            }
            if (event.personalDataKeys() != null) {
                // Before the event, so its names can be read here; an erased person's key is not taken back.
                event.personalDataKeys().forEach(keys::importKey);
            }
            toStore.add(message(event));
            expected++;
        }
        if (!toStore.isEmpty()) {
            transactionManager.executeInTransaction(() -> eventStore.publish(toStore));
        }
        return toStore.size();
    }

    private Map<Long, String> storedIdentifiers(String incidentId) {
        Map<Long, String> identifiers = new HashMap<>();
        DomainEventStream stream = eventStore.readEvents(incidentId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            identifiers.put(message.getSequenceNumber(), message.getIdentifier());
        }
        return identifiers;
    }

    private DomainEventMessage<?> message(ExportedEvent event) {
        try {
            // Stored as exported (names stay encrypted with the keys that came along); read once to refuse a payload
            // this deployment cannot load.
            LazyDeserializingObject<Object> payload = new LazyDeserializingObject<>(new SimpleSerializedObject<>(
                    json.writeValueAsString(event.payload()), String.class, event.payloadType(),
                    event.payloadRevision()), serializer);
            payload.getObject();
            MetaData metaData = event.metaData() == null || event.metaData().isNull() ? MetaData.emptyInstance()
                    : serializer.deserialize(new SimpleSerializedObject<>(json.writeValueAsString(event.metaData()),
                    String.class, MetaData.class.getName(), null));
            return new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), event.sequence(),
                    new SerializedMessage<>(event.eventId(), payload, new LazyDeserializingObject<>(metaData)),
                    event.recordedAt());
        } catch (JsonProcessingException | RuntimeException failure) {
            throw new ImportRejected("Event " + event.eventId() + " of the export cannot be read as a "
                    + event.payloadType() + ": " + failure.getMessage(), failure);
        }
    }
}
