package dev.incidenttimeline.privacy;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a person's name into its stored form and back: {@code pd1:<subject id>:<Base64 of nonce + ciphertext>}, AES
 * in GCM mode from the JDK, a random 96-bit nonce per value, the subject id bound to the ciphertext as associated
 * data (a value cannot be moved to another subject). Reading decrypts the first value of a subject and then answers
 * from the name cache ({@link PersonalDataKeys#nameOf}). A value of an erased subject reads as the subject's pseudonym;
 * a value without the prefix (stored before names were encrypted) reads as it is.
 */
public class PersonalDataCipher {

    static final String PREFIX = "pd1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int UUID_CHARS = 36;

    /** A {@link Cipher} is not thread-safe but costly to look up: one per thread, initialised per value. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("This JVM has no AES/GCM", missing);
        }
    });

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(PersonalDataKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The stored form of {@code name} of {@code organisation} ({@code null}: none); {@code null} stays null. */
    public String seal(String organisation, String name) {
        if (name == null) {
            return null;
        }
        DataSubject subject = keys.subjectFor(organisation, name);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, subject.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(subject.id()));
            byte[] sealed = cipher.doFinal(name.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return PREFIX + subject.id() + ':' + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("Could not encrypt a person's name", failure);
        }
    }

    /** The name a stored value holds, the pseudonym if its subject was erased, or the value itself if not sealed. */
    public String open(String stored) {
        Optional<UUID> subject = subjectOf(stored);
        if (subject.isEmpty()) {
            return stored;
        }
        return keys.nameOf(subject.get(), key -> decrypt(stored, subject.get(), key))
                .orElseGet(() -> DataSubject.pseudonym(subject.get()));
    }

    private static String decrypt(String stored, UUID subject, SecretKey key) {
        byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length() + UUID_CHARS + 1));
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(subject));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("The stored name of data subject " + subject
                    + " cannot be decrypted with its key (changed or damaged)", failure);
        }
    }

    /** The data subject of a stored value, or nothing if the value is not sealed. */
    public static Optional<UUID> subjectOf(String stored) {
        if (stored == null || !stored.startsWith(PREFIX) || stored.length() < PREFIX.length() + UUID_CHARS + 2
                || stored.charAt(PREFIX.length() + UUID_CHARS) != ':') {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(stored.substring(PREFIX.length(), PREFIX.length() + UUID_CHARS)));
        } catch (IllegalArgumentException notASubject) {
            return Optional.empty();
        }
    }

    private static byte[] associatedData(UUID subject) {
        return subject.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
