package dev.incidenttimeline.app.benchmark;

import dev.incidenttimeline.incident.api.IncidentEvent;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The event table as plain JDBC sees it, for the baselines and the bulk generator: rows are written exactly as
 * Axon's storage engine writes them (same columns, the app's event serializer, the aggregate's sequence numbers,
 * metadata of the same shape), and read back the way a projection replay needs them. Works on whatever schema the
 * app created: the global index comes from an identity column or from the table's sequence, and payloads go into
 * {@code bytea}/{@code BLOB} columns or PostgreSQL large objects.
 */
final class EventTable {

    static final String TABLE = "domain_event_entry";
    private static final String AGGREGATE_TYPE = "Incident";

    /** One stored event, serialized and ready to insert. */
    record Row(String eventId, String aggregateId, long sequence, String timestamp, String payloadType,
               String payloadRevision, byte[] payload, byte[] metaData) {

        int size() {
            return payload.length + metaData.length;
        }
    }

    private final DataSource dataSource;
    private final Serializer serializer;
    private final String insertSql;
    private final boolean largeObjects;

    EventTable(DataSource dataSource, Serializer serializer) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            boolean identity = false;
            boolean oid = false;
            for (String table : List.of(TABLE, TABLE.toUpperCase(Locale.ROOT))) {
                try (ResultSet columns = meta.getColumns(null, null, table, null)) {
                    while (columns.next()) {
                        String column = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                        if (column.equals("global_index")) {
                            identity = "YES".equalsIgnoreCase(columns.getString("IS_AUTOINCREMENT"));
                        } else if (column.equals("payload")) {
                            oid = "oid".equalsIgnoreCase(columns.getString("TYPE_NAME"));
                        }
                    }
                }
            }
            this.largeObjects = oid;
            String columns = "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                    + "payload_revision, payload, meta_data";
            String values = "?, ?, ?, ?, ?, ?, ?, ?, ?";
            if (identity) {
                this.insertSql = "insert into " + TABLE + " (" + columns + ") values (" + values + ")";
            } else {
                String next = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                        ? "nextval('" + TABLE + "_seq')" : "next value for " + TABLE + "_seq";
                this.insertSql = "insert into " + TABLE + " (global_index, " + columns + ") values (" + next + ", "
                        + values + ")";
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect the event table", e);
        }
    }

    /** Serializes a story's events into rows with sequence numbers from {@code firstSequence}. */
    List<Row> rows(List<? extends IncidentEvent> events, long firstSequence, Instant recordedAt) {
        List<Row> rows = new ArrayList<>(events.size());
        long sequence = firstSequence;
        for (IncidentEvent event : events) {
            rows.add(row(event, sequence++, recordedAt));
        }
        return rows;
    }

    Row row(IncidentEvent event, long sequence, Instant recordedAt) {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        // Axon stores a trace and a correlation id with every event a command produces: same shape, same size.
        String eventId = UUID.randomUUID().toString();
        MetaData metaData = MetaData.with("traceId", UUID.randomUUID().toString())
                .and("correlationId", UUID.randomUUID().toString());
        byte[] meta = serializer.serialize(metaData, byte[].class).getData();
        return new Row(eventId, event.incidentId().value(), sequence, recordedAt.toString(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), meta);
    }

    /** Inserts one row in its own transaction, on a connection borrowed from the pool (as a command would). */
    void insertOne(Row row) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
                bind(insert, row);
                insert.executeUpdate();
            }
            connection.commit();
        }
    }

    /** Inserts many rows in batches of {@code batchSize}, one transaction per batch: the bulk generator. */
    void insertBatched(List<Row> rows, int batchSize) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
                int pending = 0;
                for (Row row : rows) {
                    bind(insert, row);
                    insert.addBatch();
                    if (++pending == batchSize) {
                        insert.executeBatch();
                        connection.commit();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            connection.commit();
        }
    }

    private void bind(PreparedStatement insert, Row row) throws SQLException {
        insert.setString(1, row.eventId());
        insert.setString(2, row.aggregateId());
        insert.setLong(3, row.sequence());
        insert.setString(4, AGGREGATE_TYPE);
        insert.setString(5, row.timestamp());
        insert.setString(6, row.payloadType());
        insert.setString(7, row.payloadRevision());
        if (largeObjects) {
            insert.setBlob(8, new ByteArrayInputStream(row.payload()), row.payload().length);
            insert.setBlob(9, new ByteArrayInputStream(row.metaData()), row.metaData().length);
        } else {
            insert.setBytes(8, row.payload());
            insert.setBytes(9, row.metaData());
        }
    }

    /** What a scan saw. */
    record Scan(long events, long bytes, long checksum) {
    }

    /**
     * Reads the whole table in global order, in pages of {@code pageSize} (keyset paging, as a tracking processor
     * reads), and deserializes every payload with the app's serializer: the most a replay can hope for.
     */
    Scan scan(int pageSize) throws SQLException {
        long events = 0;
        long bytes = 0;
        long checksum = 0;
        long after = Long.MIN_VALUE;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL reads large objects only inside a transaction
            try (PreparedStatement page = connection.prepareStatement("select global_index, payload_type, "
                    + "payload_revision, payload from " + TABLE + " where global_index > ? order by global_index "
                    + "fetch first " + pageSize + " rows only")) {
                while (true) {
                    page.setLong(1, after);
                    int read = 0;
                    try (ResultSet rows = page.executeQuery()) {
                        while (rows.next()) {
                            after = rows.getLong(1);
                            byte[] payload = largeObjects ? rows.getBlob(4).getBytes(1, (int) rows.getBlob(4).length())
                                    : rows.getBytes(4);
                            Object event = serializer.deserialize(
                                    new SimpleSerializedObject<>(payload, byte[].class, rows.getString(2),
                                            rows.getString(3)));
                            checksum += event.hashCode();
                            bytes += payload.length;
                            read++;
                        }
                    }
                    events += read;
                    if (read < pageSize) {
                        break;
                    }
                }
            }
            connection.commit();
        }
        return new Scan(events, bytes, checksum);
    }

    long count() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from " + TABLE)) {
            result.next();
            return result.getLong(1);
        }
    }
}
