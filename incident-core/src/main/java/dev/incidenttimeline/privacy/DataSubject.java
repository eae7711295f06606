package dev.incidenttimeline.privacy;

import javax.crypto.SecretKey;
import java.util.Objects;
import java.util.UUID;

/**
 * A person as far as erasure is concerned: one name within one organisation, with the key that encrypts it.
 *
 * @param id  random, stored in clear next to every value encrypted with {@code key}
 * @param key AES-256
 */
record DataSubject(UUID id, SecretKey key) {

    DataSubject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
    }

    /**
     * What an erased subject's name reads as: stable (derived from the random subject id, never from the name), so
     * two erased people on one timeline stay two people and the structure (who handed over to whom) stays.
     */
    static String pseudonym(UUID subject) {
        return "erased person " + subject.toString().substring(0, 8);
    }
}
