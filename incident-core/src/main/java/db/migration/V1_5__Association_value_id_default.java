package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lets the database number saga associations: {@code association_value_entry.id} gets a default from
 * {@code association_value_entry_seq}, because Axon's JDBC saga store inserts associations without an id. Each insert
 * takes one value of the sequence. A node that still numbers them itself, as Hibernate did, takes one value per block
 * of 50 ids next to it; the sequence's values are 50 apart, so no such block holds a value taken here.
 *
 * <p>A Java migration for the same reason as {@link V1_4__Event_global_index_default}, whose spelling of "the next
 * value of a sequence" it uses: H2 and PostgreSQL spell it differently.
 */
public class V1_5__Association_value_id_default extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE association_value_entry ALTER COLUMN id SET DEFAULT "
                    + V1_4__Event_global_index_default.nextValue(connection, "association_value_entry_seq"));
        }
    }
}
