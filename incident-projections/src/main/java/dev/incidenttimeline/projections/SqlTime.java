package dev.incidenttimeline.projections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from JDBC. {@link OffsetDateTime} in UTC is what both H2 and the PostgreSQL driver accept for a
 * {@code timestamp with time zone} column; {@link Instant} is not supported by every driver.
 */
public final class SqlTime {

    private SqlTime() {
    }

    /** The instant as a JDBC parameter, {@code null} stays {@code null}. */
    public static OffsetDateTime toSql(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The instant stored in a column, or {@code null}. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
