package dev.incidenttimeline.processing;

import dev.incidenttimeline.policy.ResponseDeadlineSaga;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jpa.JpaSagaStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions 1–5 stored tokens and sagas through Axon's JPA stores; the JDBC stores that replaced them read what those
 * left in a database (same tables, same serializer), and the saga store numbers new associations from the same
 * sequence (migration {@code V1_5}). On H2 and on PostgreSQL, whose byte columns are where the two could differ.
 */
class JdbcStoresUpgradeIntegrationTest {

    @Test
    void readsTokensAndSagasStoredByTheJpaStoresOnH2() {
        try (ConfigurableApplicationContext node =
                     CoreOnlyHost.start("jdbc:h2:mem:jdbc-stores;DB_CLOSE_DELAY=-1", "sa")) {
            readsWhatTheJpaStoresStored(node);
        }
    }

    @Test
    void readsTokensAndSagasStoredByTheJpaStoresOnPostgres() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create("jdbcstores");
             ConfigurableApplicationContext node = CoreOnlyHost.start(database.url(), PostgresTestDatabase.USER)) {
            readsWhatTheJpaStoresStored(node);
        }
    }

    private static void readsWhatTheJpaStoresStored(ConfigurableApplicationContext node) {
        TransactionManager transactions = node.getBean(TransactionManager.class);
        Serializer serializer = node.getBean(Serializer.class);
        EntityManagerProvider entityManagers = node.getBean(EntityManagerProvider.class);
        JpaTokenStore oldTokens = JpaTokenStore.builder().entityManagerProvider(entityManagers)
                .serializer(serializer).nodeId("old-node").build();
        JpaSagaStore oldSagas = JpaSagaStore.builder().entityManagerProvider(entityManagers)
                .serializer(serializer).build();
        AssociationValue incident = new AssociationValue("incidentId", "inc-upgraded");

        transactions.executeInTransaction(() -> {
            oldTokens.initializeTokenSegments("upgraded", 2, new GlobalSequenceTrackingToken(41));
            oldTokens.fetchToken("upgraded", 0);
            oldTokens.storeToken(new GlobalSequenceTrackingToken(42), "upgraded", 0);
            oldTokens.releaseClaim("upgraded", 0);
            oldSagas.insertSaga(ResponseDeadlineSaga.class, "saga-stored-by-jpa", new ResponseDeadlineSaga(),
                    Set.of(incident));
        });

        TokenStore tokens = node.getBean(TokenStore.class);
        @SuppressWarnings("unchecked")
        SagaStore<Object> sagas = node.getBean(SagaStore.class);
        assertThat(tokens).isNotInstanceOf(JpaTokenStore.class);
        transactions.executeInTransaction(() -> {
            assertThat(tokens.fetchSegments("upgraded")).containsExactly(0, 1);
            assertThat(tokens.fetchToken("upgraded", 0)).isEqualTo(new GlobalSequenceTrackingToken(42));
            assertThat(tokens.fetchToken("upgraded", 1)).isEqualTo(new GlobalSequenceTrackingToken(41));

            SagaStore.Entry<ResponseDeadlineSaga> loaded =
                    sagas.loadSaga(ResponseDeadlineSaga.class, "saga-stored-by-jpa");
            assertThat(loaded.saga()).isInstanceOf(ResponseDeadlineSaga.class);
            assertThat(loaded.associationValues()).containsExactly(incident);
            sagas.insertSaga(ResponseDeadlineSaga.class, "saga-stored-by-jdbc", new ResponseDeadlineSaga(),
                    Set.of(incident));
        });
        transactions.executeInTransaction(() -> assertThat(sagas.findSagas(ResponseDeadlineSaga.class, incident))
                .containsExactlyInAnyOrder("saga-stored-by-jpa", "saga-stored-by-jdbc"));
    }
}
