package dev.incidenttimeline.replay;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A processor's tokens as stored, one per segment, whichever node holds the segment; read without claiming them
 * (Axon's token store hands out a token only to the node that claims it). Each token is stored in the transaction of
 * the batch it ends, so it tells how far the model has committed; a segment held here reports fresher progress
 * through its processor's status.
 */
public final class StoredTokens {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    /**
     * @param serializer the token store's serializer
     */
    public StoredTokens(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    /** Every segment of the processor with its token (null before its first batch), by segment; empty before start. */
    public Map<Integer, TrackingToken> of(String processorName) {
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        jdbc.query("select segment, token, token_type from token_entry where processor_name = ?",
                (RowCallbackHandler) row -> {
                    GenericTokenEntry<byte[]> entry = new GenericTokenEntry<>(row.getBytes("token"),
                            row.getString("token_type"), null, null, processorName, row.getInt("segment"),
                            byte[].class);
                    tokens.put(entry.getSegment(), entry.getToken(serializer));
                }, processorName);
        return tokens;
    }
}
