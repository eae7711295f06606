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
    private static final String SEQUENCE = TABLE + "_seq";

    private final String insertSql;
    private final boolean largeObjects;
    private final String nextValue;
    /** 0: identity column; 1: one sequence value per row; more: values handed out in blocks, as Hibernate does. */
    private final int increment;
    private long nextIndex;
    private long lastIndex = -1;

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
            boolean postgres = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            this.nextValue = postgres ? "select nextval('" + SEQUENCE + "')" : "select next value for " + SEQUENCE;
            this.increment = identity ? 0 : sequenceIncrement(connection, postgres);
            String columns = "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                    + "payload_revision, payload, meta_data";
            String values = "?, ?, ?, ?, ?, ?, ?, ?, ?";
            if (identity) {
                this.insertSql = "insert into " + TABLE + " (" + columns + ") values (" + values + ")";
            } else if (increment == 1) {
                this.insertSql = "insert into " + TABLE + " (global_index, " + columns + ") values ("
                        + nextValue.substring("select ".length()) + ", " + values + ")";
            } else {
                this.insertSql = "insert into " + TABLE + " (global_index, " + columns + ") values (?, " + values + ")";
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect the event table", e);
        }
    }

    private static int sequenceIncrement(Connection connection, boolean postgres) throws SQLException {
        String sql = postgres ? "select increment_by from pg_sequences where sequencename = '" + SEQUENCE + "'"
                : "select increment from information_schema.sequences where lower(sequence_name) = '" + SEQUENCE + "'";
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            if (!result.next()) {
                throw new IllegalStateException(TABLE + ".global_index is neither an identity column nor fed by "
                        + SEQUENCE);
            }
            return result.getInt(1);
        }
    }

    /**
     * The next global index when the sequence hands out blocks: like Hibernate's pooled optimizer, a sequence value
     * V reserves the block V - increment + 1 .. V, so these rows and the app's own never collide, and every value
     * is used (a gap in the global index costs a tracking processor work and memory).
     */
    private synchronized long nextIndex(Connection connection) throws SQLException {
        while (nextIndex > lastIndex) {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(nextValue)) {
                result.next();
                lastIndex = result.getLong(1);
                nextIndex = lastIndex - increment + 1;
            }
        }
        return nextIndex++;
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
                bind(insert, row, connection);
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
                    bind(insert, row, connection);
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

    private void bind(PreparedStatement insert, Row row, Connection connection) throws SQLException {
        int column = 1;
        if (increment > 1) {
            insert.setLong(column++, nextIndex(connection));
        }
        insert.setString(column++, row.eventId());
        insert.setString(column++, row.aggregateId());
        insert.setLong(column++, row.sequence());
        insert.setString(column++, AGGREGATE_TYPE);
        insert.setString(column++, row.timestamp());
        insert.setString(column++, row.payloadType());
        insert.setString(column++, row.payloadRevision());
        if (largeObjects) {
            insert.setBlob(column++, new ByteArrayInputStream(row.payload()), row.payload().length);
            insert.setBlob(column, new ByteArrayInputStream(row.metaData()), row.metaData().length);
        } else {
            insert.setBytes(column++, row.payload());
            insert.setBytes(column, row.metaData());
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
