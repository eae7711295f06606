package dev.incidenttimeline.processing;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A saga store that answers "which sagas have this association" once per batch. A saga processor asks it for every
 * event (a query through Hibernate each time), and in a batch most events belong to the same few incidents. Within
 * one batch the stored associations change only through this batch itself, and Axon writes them only when the batch
 * commits (sagas created or changed during the batch are found through the saga repository's own bookkeeping of the
 * batch), so the answers are the same as without the cache; any write through this store drops them anyway. The
 * cache lives in the batch's unit of work and goes with it: nothing is kept between batches, so on several nodes no
 * node acts on what another node changed.
 */
public class BatchCachingSagaStore implements SagaStore<Object> {

    private final SagaStore<Object> delegate;
    private final String resourceKey = BatchCachingSagaStore.class.getName() + "@" + System.identityHashCode(this);

    public BatchCachingSagaStore(SagaStore<Object> delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    private record Query(Class<?> sagaType, AssociationValue associationValue) {
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        if (!CurrentUnitOfWork.isStarted()) {
            return delegate.findSagas(sagaType, associationValue);
        }
        Map<Query, Set<String>> answers = CurrentUnitOfWork.get().root()
                .getOrComputeResource(resourceKey, key -> new HashMap<Query, Set<String>>());
        return answers.computeIfAbsent(new Query(sagaType, associationValue),
                query -> Set.copyOf(delegate.findSagas(sagaType, associationValue)));
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        return delegate.loadSaga(sagaType, sagaIdentifier);
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        forget();
        delegate.deleteSaga(sagaType, sagaIdentifier, associationValues);
    }

    @Override
    public void insertSaga(Class<?> sagaType, String sagaIdentifier, Object saga,
                           Set<AssociationValue> associationValues) {
        forget();
        delegate.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga,
                           AssociationValues associationValues) {
        forget();
        delegate.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    private void forget() {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.resources().remove(resourceKey);
        }
    }
}
