package dev.incidenttimeline.embedding;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Gives a host the settings Incident Timeline relies on, as defaults the host can still override: events and
 * messages stored as JSON with Jackson (never XStream), no Axon Server (the event store is the host's database),
 * and no update check (nothing calls out at run time).
 *
 * <p>Every table is created by a versioned Flyway migration ({@code db/migration} of each module: Axon's tables,
 * deadlines and notifications in incident-core, the read models in incident-projections), on H2 and PostgreSQL
 * alike; Hibernate only checks that the entities match them: {@code spring.jpa.hibernate.ddl-auto} defaults to
 * {@code validate}. A host with JPA entities of its own adds migrations for their tables (or sets another value:
 * {@link MigratedTablesSchemaFilterProvider} then keeps Hibernate's schema tools off the migrated Axon tables, whose
 * binary columns {@code update} would otherwise shrink).
 *
 * <p>Axon's message handler timeouts are off: they capture a stack per message on the command path and could
 * interrupt a large replay batch.
 */
public class IncidentDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE_NAME = "incidentTimelineDefaults";

    private static final Map<String, Object> DEFAULTS = Map.of(
            "axon.serializer.general", "jackson",
            "axon.serializer.events", "jackson",
            "axon.serializer.messages", "jackson",
            "axon.axonserver.enabled", "false",
            "axon.update-check.disabled", "true",
            "spring.jpa.hibernate.ddl-auto", "validate",
            "spring.jpa.properties.hibernate.hbm2ddl.schema_filter_provider",
            MigratedTablesSchemaFilterProvider.class.getName(),
            // Axon's handler timeouts cost a stack capture per message and can interrupt a long replay batch.
            "axon.timeout.enabled", "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, DEFAULTS));
    }
}
