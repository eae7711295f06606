package dev.incidenttimeline.processing;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BatchCachingSagaStoreTest {

    private static final AssociationValue INCIDENT = new AssociationValue("incidentId", "incident-1");

    /** Axon's in-memory store, counting how often it is asked for an association. */
    private static final class CountingStore extends InMemorySagaStore {
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
            lookups.incrementAndGet();
            return super.findSagas(sagaType, associationValue);
        }
    }

    private final CountingStore stored = new CountingStore();
    private final SagaStore<Object> store = new BatchCachingSagaStore(stored);

    @Test
    void asksTheStoreOncePerBatchAndAssociation() {
        stored.insertSaga(Object.class, "saga-1", "state", Set.of(INCIDENT));
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(store.findSagas(Object.class, INCIDENT)).containsExactly("saga-1");
            assertThat(store.findSagas(Object.class, INCIDENT)).containsExactly("saga-1");
            assertThat(store.findSagas(Object.class, new AssociationValue("incidentId", "incident-2"))).isEmpty();
        } finally {
            batch.commit();
        }

        assertThat(stored.lookups).hasValue(2);
    }

    @Test
    void forgetsItsAnswersWhenTheBatchWritesAndWhenTheBatchEnds() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(store.findSagas(Object.class, INCIDENT)).isEmpty();
            store.insertSaga(Object.class, "saga-1", "state", Set.of(INCIDENT));
            assertThat(store.findSagas(Object.class, INCIDENT)).containsExactly("saga-1");
            store.updateSaga(Object.class, "saga-1", "state 2", new AssociationValuesImpl(Set.of(INCIDENT)));
            store.deleteSaga(Object.class, "saga-1", Set.of(INCIDENT));
            assertThat(store.findSagas(Object.class, INCIDENT)).isEmpty();
        } finally {
            batch.commit();
        }
        stored.insertSaga(Object.class, "saga-2", "state", Set.of(INCIDENT));

        UnitOfWork<?> next = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(store.findSagas(Object.class, INCIDENT)).containsExactly("saga-2");
        } finally {
            next.commit();
        }
        assertThat(stored.lookups).hasValue(4);
    }

    @Test
    void asksTheStoreEveryTimeOutsideABatch() {
        store.findSagas(Object.class, INCIDENT);
        store.findSagas(Object.class, INCIDENT);

        assertThat(stored.lookups).hasValue(2);
    }
}
