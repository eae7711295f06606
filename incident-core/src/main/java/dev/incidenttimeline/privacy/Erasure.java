package dev.incidenttimeline.privacy;

import org.axonframework.common.caching.Cache;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Erases a person: deletes the keys of their data subjects, so every stored copy of their name (in events and
 * snapshots, which are never rewritten) reads as the subject's pseudonym from then on, and replaces the name by that
 * pseudonym in every {@link ErasableReadModel} in the same transaction, so the read models equal what a replay would
 * build. Timelines keep their entries, structure and times; metrics do not change.
 *
 * <p>After the transaction this node forgets the keys and empties the aggregate cache (which holds names in clear).
 * The {@link ErasureLock} keeps the whole of it apart from the snapshots this node takes. Other nodes forget the keys
 * when their key cache entries expire ({@link PersonalDataProperties#keyCacheExpiry()}).
 * Free text that mentions the person (status updates, notes, summaries) is not touched: redact it.
 *
 * <p>Call it outside a transaction of your own: it runs its own, and it first waits for the snapshot this node may be
 * taking, which could in turn wait for locks your transaction holds.
 */
public class Erasure {

    private final PersonalDataKeys keys;
    private final List<ErasableReadModel> readModels;
    private final TransactionTemplate transaction;
    private final Cache aggregateCache;
    private final ErasureLock lock;

    public Erasure(PersonalDataKeys keys, List<ErasableReadModel> readModels,
                   PlatformTransactionManager transactionManager, Cache aggregateCache, ErasureLock lock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.readModels = List.copyOf(readModels);
        this.transaction = new TransactionTemplate(transactionManager);
        this.aggregateCache = aggregateCache;
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** Erases the person of this name in one organisation ({@code null}: the incidents without organisation). */
    public ErasureResult erase(String organisation, String name) {
        return erase(organisation, false, name);
    }

    /** Erases the person of this name in every organisation (for a caller not tied to one). */
    public ErasureResult eraseEverywhere(String name) {
        return erase(null, true, name);
    }

    private ErasureResult erase(String organisation, boolean everyOrganisation, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The name of the person to erase is missing.");
        }
        return lock.exclusively(() -> eraseNow(organisation, everyOrganisation, name));
    }

    private ErasureResult eraseNow(String organisation, boolean everyOrganisation, String name) {
        List<PersonalDataKeys.NamedSubject> erased = new ArrayList<>();
        long[] rows = {0};
        List<String> pseudonyms = new ArrayList<>();
        try {
            transaction.executeWithoutResult(status -> {
                erased.addAll(keys.erase(organisation, everyOrganisation, name));
                for (PersonalDataKeys.NamedSubject subject : erased) {
                    String pseudonym = DataSubject.pseudonym(subject.id());
                    pseudonyms.add(pseudonym);
                    for (ErasableReadModel readModel : readModels) {
                        rows[0] += readModel.replaceName(subject.organisation(), name, pseudonym);
                    }
                }
            });
        } finally {
            keys.forget(erased);
            if (aggregateCache != null && !erased.isEmpty()) {
                aggregateCache.removeAll();
            }
        }
        return new ErasureResult(erased.size(), rows[0], pseudonyms);
    }
}
