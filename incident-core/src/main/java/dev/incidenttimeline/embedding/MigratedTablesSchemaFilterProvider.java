package dev.incidenttimeline.embedding;

import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;

import java.util.Locale;
import java.util.Set;

/**
 * Keeps Hibernate's schema generation ({@code ddl-auto} create, update, drop) away from Axon's tables, which the
 * Flyway migration {@code V1__axon_infrastructure.sql} owns. Without it, {@code update} "corrects" the migration's
 * binary columns to whatever Hibernate would have created (a 255-byte {@code VARBINARY} or a {@code BLOB} on H2), and
 * a snapshot of a long incident no longer fits. Validation still covers every table.
 */
public class MigratedTablesSchemaFilterProvider implements SchemaFilterProvider {

    static final Set<String> MIGRATED_TABLES = Set.of("domain_event_entry", "snapshot_event_entry", "token_entry",
            "saga_entry", "association_value_entry", "dead_letter_entry");

    static final Set<String> MIGRATED_SEQUENCES = Set.of("domain_event_entry_seq", "association_value_entry_seq");

    private static final SchemaFilter SKIP_MIGRATED = new SchemaFilter() {
        @Override
        public boolean includeNamespace(Namespace namespace) {
            return true;
        }

        @Override
        public boolean includeTable(Table table) {
            return !MIGRATED_TABLES.contains(table.getName().toLowerCase(Locale.ROOT));
        }

        @Override
        public boolean includeSequence(Sequence sequence) {
            return !MIGRATED_SEQUENCES.contains(sequence.getName().getSequenceName().getText().toLowerCase(Locale.ROOT));
        }
    };

    @Override
    public SchemaFilter getCreateFilter() {
        return SKIP_MIGRATED;
    }

    @Override
    public SchemaFilter getDropFilter() {
        return SKIP_MIGRATED;
    }

    @Override
    public SchemaFilter getTruncatorFilter() {
        return SKIP_MIGRATED;
    }

    @Override
    public SchemaFilter getMigrateFilter() {
        return SKIP_MIGRATED;
    }

    @Override
    public SchemaFilter getValidateFilter() {
        return SchemaFilter.ALL;
    }
}
