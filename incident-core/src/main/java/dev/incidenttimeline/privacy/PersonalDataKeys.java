package dev.incidenttimeline.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The data subjects' keys, in the table {@code personal_data_key} (migration {@code V1_3__personal_data_keys.sql}),
 * with a cache in front so that a replay of a million events reads each key once, not once per name.
 *
 * <p>A new subject's key is stored in a short transaction of its own, before the event that uses it: a command that
 * fails afterwards leaves an unused key behind, which is harmless. Two nodes creating the same subject at once
 * collide on the unique constraint; the loser reads the winner's key.
 */
public class PersonalDataKeys {

    /** What the table stores for "no organisation" (a unique constraint would treat NULLs as all different). */
    private static final String NO_ORGANISATION = "";

    private record SubjectName(String organisation, String name) {
    }

    /** A subject found by its name, with its organisation ({@code null}: none). */
    record NamedSubject(UUID id, String organisation) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final KeyGenerator keyGenerator;
    private final Cache<UUID, Optional<SecretKey>> keysById;
    private final Cache<SubjectName, DataSubject> subjectsByName;
    private final Cache<UUID, Optional<String>> namesById;

    public PersonalDataKeys(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
                            PersonalDataProperties properties) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.keyGenerator = KeyGenerator.getInstance("AES");
            this.keyGenerator.init(256);
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("This JVM has no AES", missing);
        }
        this.keysById = expiring(properties);
        this.subjectsByName = expiring(properties);
        this.namesById = expiring(properties);
    }

    /**
     * Entries are forgotten after a fixed time, so an erasure on another node takes effect here within that time; a
     * replay asks for every person field of every event, so a hit must stay a lock-free lookup (Caffeine's is).
     */
    private static <K, V> Cache<K, V> expiring(PersonalDataProperties properties) {
        return Caffeine.newBuilder()
                .expireAfterWrite(properties.keyCacheExpiry())
                .maximumSize(properties.keyCacheSize())
                .build();
    }

    /** The subject that new values of this name in this organisation are encrypted for; created when new. */
    DataSubject subjectFor(String organisation, String name) {
        return subjectsByName.get(new SubjectName(stored(organisation), name), this::findOrCreate);
    }

    /** The key of a subject, or nothing if the subject was erased (or never came to this deployment). */
    Optional<SecretKey> keyOf(UUID subject) {
        return keysById.get(subject, id -> jdbc.query("SELECT key_bytes FROM personal_data_key WHERE subject_id = ?",
                (rs, row) -> key(rs.getBytes(1)), id.toString()).stream().findFirst());
    }

    /**
     * The name a subject stands for, decrypted from the first value read and then kept like the key: a subject is one
     * name, so every value of it holds the same text, and a replay pays for one decryption per person, not per
     * value. Nothing if the subject was erased.
     */
    Optional<String> nameOf(UUID subject, Function<SecretKey, String> decrypt) {
        return namesById.get(subject, id -> keyOf(id).map(decrypt));
    }

    /**
     * Deletes the keys of every subject with this name (in one organisation, or in all of them when
     * {@code everyOrganisation}) and leaves a tombstone of each (subject id and time, no name). Runs in the caller's
     * transaction; call {@link #forget} once it committed.
     */
    List<NamedSubject> erase(String organisation, boolean everyOrganisation, String name) {
        List<NamedSubject> subjects = everyOrganisation
                ? jdbc.query("SELECT subject_id, organisation FROM personal_data_key WHERE name = ?",
                (rs, row) -> named(rs.getString(1), rs.getString(2)), name)
                : jdbc.query("SELECT subject_id, organisation FROM personal_data_key WHERE organisation = ? "
                + "AND name = ?", (rs, row) -> named(rs.getString(1), rs.getString(2)), stored(organisation), name);
        Timestamp now = Timestamp.from(clock.instant());
        for (NamedSubject subject : subjects) {
            jdbc.update("DELETE FROM personal_data_key WHERE subject_id = ?", subject.id().toString());
            jdbc.update("INSERT INTO personal_data_erasure (subject_id, erased_at) VALUES (?, ?)",
                    subject.id().toString(), now);
        }
        return subjects;
    }

    /** Forgets cached keys (of erased subjects) on this node at once. */
    void forget(Collection<NamedSubject> subjects) {
        subjects.forEach(subject -> {
            keysById.invalidate(subject.id());
            namesById.invalidate(subject.id());
        });
        // Subjects by name are few per erasure but the name is not in NamedSubject: start the name cache over.
        subjectsByName.invalidateAll();
    }

    /** The key of a subject as an export carries it, or nothing for an erased (or unknown) subject. */
    public Optional<SubjectKeyExport> export(UUID subject) {
        return jdbc.query("SELECT organisation, name, key_bytes FROM personal_data_key WHERE subject_id = ?",
                (rs, row) -> new SubjectKeyExport(subject.toString(), organisation(rs.getString(1)), rs.getString(2),
                        Base64.getEncoder().encodeToString(rs.getBytes(3))), subject.toString()).stream().findFirst();
    }

    /**
     * Stores a subject's key that came with an import, unless this deployment knows the subject already or erased it
     * (an old export must not bring an erased person back). Returns whether it was stored.
     */
    public boolean importKey(SubjectKeyExport exported) {
        UUID subject = UUID.fromString(exported.subjectId());
        byte[] key = Base64.getDecoder().decode(exported.key());
        Boolean stored = newTransaction.execute(status -> {
            Integer known = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM personal_data_key WHERE subject_id = ?)"
                    + " + (SELECT COUNT(*) FROM personal_data_erasure WHERE subject_id = ?)", Integer.class,
                    subject.toString(), subject.toString());
            if (known != null && known > 0) {
                return false;
            }
            jdbc.update("INSERT INTO personal_data_key (subject_id, organisation, name, local_name, key_bytes, "
                            + "created_at) VALUES (?, ?, ?, NULL, ?, ?)", subject.toString(),
                    stored(exported.organisation()), exported.name(), key, Timestamp.from(clock.instant()));
            return true;
        });
        keysById.invalidate(subject);
        namesById.invalidate(subject);
        return Boolean.TRUE.equals(stored);
    }

    private DataSubject findOrCreate(SubjectName subject) {
        try {
            return newTransaction.execute(status -> findLocal(subject).orElseGet(() -> create(subject)));
        } catch (DuplicateKeyException anotherNodeWasFaster) {
            return newTransaction.execute(status -> findLocal(subject).orElseThrow(() -> anotherNodeWasFaster));
        }
    }

    private Optional<DataSubject> findLocal(SubjectName subject) {
        return jdbc.query("SELECT subject_id, key_bytes FROM personal_data_key WHERE organisation = ? "
                        + "AND local_name = ?", (rs, row) -> new DataSubject(UUID.fromString(rs.getString(1)),
                        key(rs.getBytes(2))), subject.organisation(), subject.name()).stream().findFirst();
    }

    private DataSubject create(SubjectName subject) {
        SecretKey key;
        synchronized (keyGenerator) {
            key = keyGenerator.generateKey();
        }
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO personal_data_key (subject_id, organisation, name, local_name, key_bytes, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", id.toString(), subject.organisation(), subject.name(),
                subject.name(), key.getEncoded(), Timestamp.from(clock.instant()));
        return new DataSubject(id, key);
    }

    private static NamedSubject named(String id, String organisation) {
        return new NamedSubject(UUID.fromString(id), organisation(organisation));
    }

    private static SecretKey key(byte[] bytes) {
        return new SecretKeySpec(bytes, "AES");
    }

    private static String stored(String organisation) {
        return organisation == null ? NO_ORGANISATION : organisation;
    }

    private static String organisation(String stored) {
        return NO_ORGANISATION.equals(stored) ? null : stored;
    }
}
