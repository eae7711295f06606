package dev.incidenttimeline.eventstore;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.AddTimelineNote;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.processing.CoreOnlyHost;
import dev.incidenttimeline.processing.PostgresTestDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event store on H2 and on PostgreSQL: Axon's JDBC engine stores the events in the caller's Spring transaction,
 * the database numbers them from {@code domain_event_entry_seq} (the column default of migration {@code V1_4}), and a
 * second event at a place of an incident's stream that is taken is reported as a {@link ConcurrencyException}, which
 * {@link IncidentGateway} retries.
 */
class EventStoreIntegrationTest {

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnH2 extends EventStoreOnDatabase {

        OnH2() {
            super("NEXT VALUE FOR domain_event_entry_seq");
        }

        @Override
        ConfigurableApplicationContext startNode() {
            return CoreOnlyHost.start("jdbc:h2:mem:event-store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgres extends EventStoreOnDatabase {

        private PostgresTestDatabase database;

        OnPostgres() {
            super("nextval('domain_event_entry_seq')");
        }

        @Override
        ConfigurableApplicationContext startNode() {
            database = PostgresTestDatabase.create("eventstore");
            return CoreOnlyHost.start(database.url(), PostgresTestDatabase.USER);
        }

        @Override
        void nodeStopped() {
            database.close();
        }
    }

    /** One node on one database for all tests of a nested class. */
    abstract static class EventStoreOnDatabase {

        private final String nextGlobalIndex;
        private ConfigurableApplicationContext node;

        EventStoreOnDatabase(String nextGlobalIndex) {
            this.nextGlobalIndex = nextGlobalIndex;
        }

        abstract ConfigurableApplicationContext startNode();

        void nodeStopped() {
        }

        @BeforeAll
        void startTheNode() {
            node = startNode();
        }

        @AfterAll
        void stopTheNode() {
            node.close();
            nodeStopped();
        }

        @Test
        void storesEventsWithAxonsJdbcEngine() {
            assertThat(node.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        }

        @Test
        void numbersEachEventWithTheNextValueOfTheSequence() {
            IncidentId id = declare();
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);

            long before = jdbc.queryForObject("SELECT " + nextGlobalIndex, Long.class);
            node.getBean(IncidentGateway.class).send(new AddTimelineNote(id, EntryId.random(), "bob",
                    "Rolled back the 21:02 deploy", List.of(), null, null));
            long after = jdbc.queryForObject("SELECT " + nextGlobalIndex, Long.class);

            // Other writers may take values in between; the note's index was drawn between these two.
            Long noteIndex = jdbc.queryForObject("SELECT global_index FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND sequence_number = 1", Long.class, id.value());
            assertThat(noteIndex).isGreaterThan(before).isLessThan(after);
        }

        @Test
        void reportsASecondEventAtTheSamePlaceOfAStreamAsConcurrencyConflict() {
            IncidentId id = declare();
            node.getBean(IncidentGateway.class).send(new AcknowledgeIncident(id, "bob", null, null));
            EventStore eventStore = node.getBean(EventStore.class);
            List<? extends DomainEventMessage<?>> stored = eventStore.readEvents(id.value()).asStream().toList();
            DomainEventMessage<?> acknowledged = stored.get(1);

            // What a node with a stale copy of the incident appends: another event (new identifier) at position 1.
            GenericDomainEventMessage<?> competing = new GenericDomainEventMessage<>(acknowledged.getType(),
                    acknowledged.getAggregateIdentifier(), acknowledged.getSequenceNumber(),
                    acknowledged.getPayload(), acknowledged.getMetaData());

            assertThatThrownBy(() -> eventStore.publish(competing)).isInstanceOf(ConcurrencyException.class);
            assertThat(eventStore.readEvents(id.value()).asStream().map(DomainEventMessage::getIdentifier))
                    .containsExactlyElementsOf(stored.stream().map(DomainEventMessage::getIdentifier).toList());
        }

        @Test
        void storesEventsInTheSpringTransactionOfTheCaller() {
            IncidentId id = declare();
            EventStore eventStore = node.getBean(EventStore.class);
            DomainEventMessage<?> declared = eventStore.readEvents(id.value()).next();

            new TransactionTemplate(node.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
                eventStore.publish(new GenericDomainEventMessage<>(declared.getType(), id.value(), 1,
                        declared.getPayload(), declared.getMetaData()));
                status.setRollbackOnly();
            });

            assertThat(eventStore.lastSequenceNumberFor(id.value())).contains(0L);
        }

        private IncidentId declare() {
            return node.getBean(IncidentGateway.class).declare(new DeclareIncident(null, "Payments time out",
                    Severity.SEV2, List.of("payments"), DetectionSource.ALERT, null, null, "alice", false, null,
                    null));
        }
    }
}
