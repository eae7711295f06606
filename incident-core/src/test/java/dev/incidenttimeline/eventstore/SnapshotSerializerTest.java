package dev.incidenttimeline.eventstore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots are read without Jackson's table of field names (README, finding 36): the same JSON as the default
 * serializer's, so snapshots stored before read as they did, and the default serializer's object mapper, which the
 * host may share, is left as it was.
 */
class SnapshotSerializerTest {

    /** Like an incident's state: maps keyed by thousands of distinct ids. */
    record State(String title, Map<String, String> entries) {
    }

    private final JacksonSerializer general = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
    private final Serializer snapshots = EventStoreConfiguration.snapshotSerializer(general,
            new AnnotationRevisionResolver());

    @Test
    void readsAndWritesTheSameJsonAsTheDefaultSerializer() {
        State state = new State("Checkout errors", IntStream.range(0, 5_000).mapToObj(i -> UUID.randomUUID().toString())
                .collect(Collectors.toMap(Function.identity(), id -> "note on " + id)));

        SerializedObject<byte[]> storedBefore = general.serialize(state, byte[].class);

        assertThat(snapshots.serialize(state, byte[].class).getData()).isEqualTo(storedBefore.getData());
        assertThat(snapshots.<byte[], State>deserialize(storedBefore)).isEqualTo(state);
    }

    @Test
    void leavesTheDefaultSerializersObjectMapperAsItWas() {
        assertThat(((JacksonSerializer) snapshots).getObjectMapper().getFactory()
                .isEnabled(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)).isFalse();
        assertThat(general.getObjectMapper().getFactory().isEnabled(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES))
                .isTrue();
    }
}
