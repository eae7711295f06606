package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Lets the database number every event: {@code domain_event_entry.global_index} gets a default from
 * {@code domain_event_entry_seq}, so Axon's JDBC storage engine, which inserts events without a global index, takes
 * one value of that sequence per event in the insert itself (Hibernate asked the sequence in a round trip of its own
 * before every insert). Nodes that insert the index themselves, as the JPA engine did, keep working: the sequence
 * stays the one source of numbers.
 *
 * <p>A Java migration because H2 and PostgreSQL spell "the next value of a sequence" differently and an SQL migration
 * is one script for both. It sits in the package {@code db.migration} because that is where Flyway looks for
 * migrations by default ({@code classpath:db/migration}, next to the SQL ones), and its class name is its version.
 */
public class V1_4__Event_global_index_default extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT "
                    + nextValue(connection, "domain_event_entry_seq"));
        }
    }

    /**
     * "The next value of {@code sequence}" in the connection's dialect: PostgreSQL's function, or the SQL standard's
     * expression, which H2 speaks.
     */
    static String nextValue(Connection connection, String sequence) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                ? "nextval('" + sequence + "')"
                : "NEXT VALUE FOR " + sequence;
    }
}
